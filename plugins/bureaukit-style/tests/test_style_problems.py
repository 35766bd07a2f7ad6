"""Rule 1 — problems: verified problems deduct from person and unit, one finding each."""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Problem, Source

QUIET = {"quotas": [], "phases": [], "meeting_max_minutes": 0}


def prob(id, unit, code, person=None, verified=None, day=date(2014, 5, 6), source=Source.self):
    return Problem(id, unit, day, code, source, person=person, verified=verified)


def test_unit_problem_without_person_finds_on_unit(style):
    out = style(records={"problems": [prob("A", "office", "slow")]}, settings=QUIET)
    assert out.value("unit:office", "points") == "98.00"
    [f] = out.find("style.problem")
    assert f.subject == "unit:office" and f.severity == "warning"
    assert "A" in f.message["zh"] and "2" in f.message["en"]
    assert f.evidence[0].source == "<problems>" and f.evidence[0].row == 1
    # no person scored: nobody had a deduction or a quota
    assert not any(s.subject.startswith("person:") for s in out.scores)


def test_unverified_deducts_nothing(style):
    out = style(records={"problems": [prob("A", "office", "slow", person="p07", verified=False)]},
                settings=QUIET)
    assert out.value("unit:office", "points") == "100.00"
    assert out.find("style.problem") == []
    assert not out.has_score("person:p07", "points")


def test_empty_verified_means_true_and_name_accepted(style):
    # 懒 is the name of the code idle
    out = style(records={"problems": [prob("A", "office", "懒", person="p07", verified=True),
                                      prob("B", "office", "eight.5", person="p07")]},
                settings=QUIET)
    assert out.value("person:p07", "points") == "93.00"  # 100 − 2 − 5
    assert out.value("unit:office", "deductions") == "7"


def test_not_rolled_up_to_parent(style):
    out = style(records={"problems": [prob("A", "ygs_n", "eight.1", person="p36")]}, settings=QUIET)
    assert out.value("unit:ygs_n", "points") == "95.00"
    assert out.value("unit:ygs", "points") == "100.00"
    assert out.value("unit:bureau", "points") == "100.00"


def test_points_never_below_zero(style):
    rows = [prob(f"A{i:02d}", "office", "eight.2", person="p07") for i in range(21)]
    out = style(records={"problems": rows}, settings=QUIET)
    assert out.value("person:p07", "points") == "0.00"  # 100 − 21 × 5 = −5 → 0
    assert out.value("person:p07", "deductions") == "105"


def test_configured_deductions(style):
    s = {**QUIET, "deductions": {"problem": 3, "eight": 10}}
    out = style(records={"problems": [prob("A", "office", "lax", person="p07"),
                                      prob("B", "office", "eight.3", person="p07")]}, settings=s)
    assert out.value("person:p07", "points") == "87.00"


def test_tigao_codes(style):
    out = style(records={"problems": [prob("A", "office", "行政乱作为", person="p07")]},
                settings={"preset": "tigao", "quotas": [], "phases": []})
    [f] = out.find("style.problem", "person:p07")
    assert f.severity == "warning" and "“行政乱作为”" in f.message["en"] and "misrule" not in f.message["en"]
    assert f.message["zh"] == "赵丽查实问题“行政乱作为”（A，2014-05-06，个人自查）：扣 2 分"
    assert out.value("person:p07", "points") == "98.00"


def test_window_start_counts(style):
    rows = [prob("A", "office", "lax", day=date(2014, 4, 30)),
            prob("B", "office", "lax", day=date(2014, 5, 1))]
    out = style(records={"problems": rows}, settings={**QUIET, "window": "2014-05-01..2014-12-31"})
    assert out.value("unit:office", "deductions") == "2"


def test_as_of_leaves_later_rows_out(style):
    rows = [prob("A", "office", "lax", day=date(2014, 6, 30)),
            prob("B", "office", "lax", day=date(2014, 7, 1))]
    out = style(records={"problems": rows}, settings=QUIET, as_of="2014-06-30")
    assert out.value("unit:office", "deductions") == "2"


def test_floor_boundaries(style):
    # 19 × 5 = 95 → 5 (just above 0); 20 × 5 = 100 → 0 (exactly at); 21 → 0 (below, floored)
    for n, points in ((19, "5.00"), (20, "0.00"), (21, "0.00")):
        rows = [prob(f"A{i:02d}", "office", "eight.2", person="p07") for i in range(n)]
        out = style(records={"problems": rows}, settings=QUIET)
        assert out.value("person:p07", "points") == points
        assert out.value("person:p07", "deductions") == str(5 * n)
