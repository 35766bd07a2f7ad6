"""Hand-worked cases for each rule, and the boundaries of every threshold."""

from decimal import Decimal

import pytest

from bureaukit.errors import InputError
from bureaukit.testing import check, person
from bureaukit_wubi.campaign import CAMPAIGN
from bureaukit_wubi.ratings import rating_average, trimmed
from wubi_support import PEOPLE, UNITS, bench, commit, innov, rating, rect, task, wubi

D = Decimal


@pytest.mark.parametrize(
    ("scores", "trim", "kept"),
    [
        ([90, 80], 1, [80, 90]),  # 2 = 2N: all kept
        ([90, 80, 70], 1, [80]),  # 3 > 2N: trimmed
        ([90, 80, 70, 60, 50], 2, [70]),
        ([90, 80, 70, 60], 2, [60, 70, 80, 90]),  # exactly 2N: all kept
        ([90, 80, 70], 0, [70, 80, 90]),
    ],
)
def test_trimming_boundaries(scores: list[int], trim: int, kept: list[int]) -> None:
    assert trimmed([D(s) for s in scores], trim) == [D(k) for k in kept]


def test_rating_average_unrounded() -> None:
    assert rating_average([D(90), D(88), D(70)], 0) == (D(248) / 3)
    assert rating_average([], 1) is None


@pytest.mark.parametrize(
    ("actual", "higher", "stage_value"),
    [
        ("100", True, "100.00"),  # exactly the benchmark: won
        ("99.99", True, "75.00"),  # just below the benchmark: met
        ("80", True, "75.00"),  # exactly the target: met
        ("79.99", True, "50.00"),  # just below the target: compared
        ("0.5", False, "100.00"),  # lower is better, exactly the benchmark
        ("0.51", False, "75.00"),
        ("1.0", False, "75.00"),
        ("1.01", False, "50.00"),
    ],
)
def test_benchmark_stage_boundaries(actual: str, higher: bool, stage_value: str) -> None:
    if higher:
        b = bench("s1", "x", "100", "80", actual)
    else:
        b = bench("s1", "x", "0.5", "1.0", actual, higher=False)
    assert wubi({"benchmarks": [b]}).value("unit:s1", "dim.yeji") == stage_value


def test_fuwu_counts_commitments_and_rectifications_due_in_window() -> None:
    items = {
        "commitments": [commit("c1", "s2", "2014-02-01", "2014-01-30"), commit("c0", "s2", "2013-12-01")],
        "rectifications": [rect("r1", "s2", "2014-05-01", "2014-05-02"), rect("r2", "s2", "2015-01-10")],
    }
    out = wubi(items)
    # due in [2014-01-01, 2014-12-31]: c1 on time, r1 late → 1/2
    assert out.value("unit:s2", "dim.fuwu") == "50.00"
    # c0 was due before the period and is still open: overdue even so
    assert [(f.subject, str(f.due)) for f in out.find("wubi.overdue")] == [("unit:s2", "2013-12-01")]


def test_blend_and_points_weights() -> None:
    recs = {
        "ratings": [rating("e1", "s1", "zuofeng", 80), rating("e1", "s1", "jingjie", 60)],
        "tasks": [task("t1", "s1", "2014-03-01", "2014-03-01")],
    }
    out = wubi(recs, {"weights": {"jingjie": 10, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 30}})
    assert out.value("unit:s1", "dim.zuofeng") == "88.00"  # 0.6×80 + 0.4×100
    assert out.value("unit:s1", "dim.jingjie") == "60.00"
    assert out.value("unit:s1", "points") == "81.00"  # (10×60 + 30×88)/40
    zero = wubi(recs, {"weights": {"jingjie": 0, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 0}})
    assert not zero.has_score("unit:s1", "points")


def test_pacesetters_per_group_and_ties() -> None:
    recs = {"ratings": [rating("e1", "s1", "chuangxin", 90), rating("e1", "s2", "chuangxin", "90.004"),
                        rating("e1", "o1", "chuangxin", 70)]}
    out = wubi(recs)
    # default groups: one per rated kind; s1 and s2 tie at 90.00 as written; o1 alone in office
    winners = sorted(f.subject for f in out.find("wubi.pacesetter"))
    assert winners == ["unit:o1", "unit:s1", "unit:s2"]
    assert "比创新，争当攻坚克难的先锋" in out.find("wubi.pacesetter", "unit:s1")[0].message["zh"]
    grouped = wubi(recs, {"pacesetter_groups": {"all": ["station", "office"]}})
    assert sorted(f.subject for f in grouped.find("wubi.pacesetter")) == ["unit:s1", "unit:s2"]


def test_overdue_on_unit_and_responsible_person() -> None:
    out = wubi({"tasks": [task("t1", "s1", "2014-05-01", who="p1")], "innovations": [innov("i1", "s1", "2014-05-01", "2014-06-01")]})
    assert sorted(f.subject for f in out.find("wubi.overdue")) == ["person:p1", "unit:s1"]
    assert "工作t1" in out.find("wubi.overdue", "unit:s1")[0].message["zh"]


def test_completion_after_as_of_reads_as_not_done() -> None:
    out = wubi({"tasks": [task("t1", "s1", "2014-05-01", "2014-08-01")]}, as_of="2014-07-31")
    assert out.value("unit:s1", "dim.zuofeng") == "0.00"
    assert len(out.find("wubi.overdue", "unit:s1")) == 1


def test_nothing_to_score_gives_no_points() -> None:
    out = wubi({})
    assert out.scores == []


@pytest.mark.parametrize(
    ("settings", "path"),
    [
        ({"blend": {"ratings": 0.5, "evidence": 0.4}}, "blend"),
        ({"weights": {"jingjie": 20}}, "weights"),
        ({"weights": {"jingjie": 20, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 20, "extra": 1}}, "weights"),
        ({"pacesetter_groups": {"a": ["station"], "b": ["station"]}}, "pacesetter_groups.b"),
        ({"pacesetter_groups": {"a": ["bureau"]}}, "pacesetter_groups.a"),
    ],
)
def test_config_errors(settings: dict[str, object], path: str) -> None:
    from decimal import Decimal as Dec

    def decimals(v: object) -> object:
        if isinstance(v, float):
            return Dec(str(v))
        if isinstance(v, dict):
            return {k: decimals(x) for k, x in v.items()}
        return v

    issues = check(CAMPAIGN, units=UNITS, people=PEOPLE, settings=decimals(settings))  # type: ignore[arg-type]
    assert [i.path for i in issues] == [path]


def test_ledger_errors_unrated_unit_and_score_range() -> None:
    issues = check(CAMPAIGN, units=UNITS, people=PEOPLE,
                   records={"ratings": [rating("e1", "hr", "fuwu", 80), rating("e1", "s1", "fuwu", 101)]})
    by_column = {i.column: i.message for i in issues}
    assert len(issues) == 2
    assert by_column["单位"].startswith('人事科 (hr) is a "personnel" unit')
    assert by_column["评分"] == "a score lies from 0 to 100, got 101"


def test_unknown_evaluator_is_a_reference_error() -> None:
    with pytest.raises(InputError, match='unknown person "zz"'):
        check(CAMPAIGN, units=UNITS, people=[*PEOPLE, person("x", "s1")], records={"ratings": [rating("zz", "s1", "fuwu", 80)]})
