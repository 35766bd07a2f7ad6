"""Rule 2: evidence rates — items due from the period start to as_of, on time = completed
on or before the due date; benchmarks at the first stage that holds."""

import pytest


@pytest.mark.parametrize(
    ("done", "value"),
    [
        ("2014-05-30", "100.00"),  # a day early: on time
        ("2014-05-31", "100.00"),  # on the due date: on time
        ("2014-06-01", "0.00"),  # a day late: against the rate
        (None, "0.00"),  # not done: against the rate
    ],
)
def test_on_time_boundary(wubi, rows, done, value):
    assert wubi({"innovations": [rows.innov("c1", "s1", "2014-05-31", done)]}).value("unit:s1", "dim.chuangxin") == value


@pytest.mark.parametrize(
    ("due", "counted"),
    [
        ("2013-12-31", False),  # the day before the period: does not count either way
        ("2014-01-01", True),  # the period start: counts
        ("2014-09-30", True),  # as_of: counts
        ("2014-10-01", False),  # the day after as_of: not yet
    ],
)
def test_due_window_boundary(wubi, rows, due, counted):
    tasks = [rows.task("base", "o1", "2014-06-30", "2014-06-30"), rows.task("t", "o1", due)]
    out = wubi({"tasks": tasks}, as_of="2014-09-30")
    # base on time; t open: 1/2 when counted, else 1/1
    assert out.value("unit:o1", "dim.zuofeng") == ("50.00" if counted else "100.00")


def test_completion_after_as_of_reads_as_not_done(wubi, rows):
    tasks = [rows.task("t1", "s1", "2014-05-01", "2014-08-01")]
    assert wubi({"tasks": tasks}, as_of="2014-07-31").value("unit:s1", "dim.zuofeng") == "0.00"
    assert wubi({"tasks": tasks}, as_of="2014-08-01").value("unit:s1", "dim.zuofeng") == "0.00"  # late anyway
    on_time = [rows.task("t1", "s1", "2014-08-31", "2014-08-01")]
    assert wubi({"tasks": on_time}, as_of="2014-08-31").value("unit:s1", "dim.zuofeng") == "100.00"


def test_fuwu_counts_commitments_and_rectifications_together(wubi, rows):
    items = {
        "commitments": [
            rows.commit("c1", "s2", "2014-02-01", "2014-01-30"),  # on time
            rows.commit("c2", "s2", "2014-03-01", "2014-03-01"),  # on time
            rows.commit("c0", "s2", "2013-12-01"),  # before the period: not counted
        ],
        "rectifications": [
            rows.rect("r1", "s2", "2014-05-01", "2014-05-02"),  # late
            rows.rect("r2", "s2", "2015-01-10"),  # after as_of: not counted
        ],
    }
    out = wubi(items)
    assert out.value("unit:s2", "dim.fuwu") == "66.67"  # 2/3 = 0.6667 → 66.666… → 66.67
    notes = [e.note_in("zh") for e in out.score("unit:s2", "dim.fuwu").evidence]
    assert "比服务依据率：按时完成 2 项 / 到期 3 项 = 66.67%" in notes
    assert "“整改r1”时限 2014-05-01，2014-05-02 逾期完成" in notes
    notes = [e.note_in("en") for e in out.score("unit:s2", "dim.fuwu").evidence]
    assert "Compare service evidence rate: 2 of 3 items due done on time = 66.67%" in notes
    assert "“整改r1” due 2014-05-01, done late on 2014-05-02" in notes
    assert not any(e.record == "c0" for e in out.score("unit:s2", "dim.fuwu").evidence)


def test_each_item_ledger_feeds_its_own_dimension(wubi, rows):
    out = wubi({
        "innovations": [rows.innov("i", "s1", "2014-03-01", "2014-03-01")],
        "tasks": [rows.task("t", "s1", "2014-03-01")],
        "commitments": [rows.commit("c", "s1", "2014-03-01", "2014-03-01")],
    })
    assert out.value("unit:s1", "dim.chuangxin") == "100.00"
    assert out.value("unit:s1", "dim.zuofeng") == "0.00"
    assert out.value("unit:s1", "dim.fuwu") == "100.00"
    assert not out.has_score("unit:s1", "dim.yeji") and not out.has_score("unit:s1", "dim.jingjie")


@pytest.mark.parametrize(
    ("actual", "higher", "stage_value"),
    [
        ("100.01", True, "100.00"),  # just above the benchmark: won
        ("100", True, "100.00"),  # exactly the benchmark: won
        ("99.99", True, "75.00"),  # just below the benchmark: met
        ("80", True, "75.00"),  # exactly the target: met
        ("79.99", True, "50.00"),  # just below the target: compared
        (None, True, "25.00"),  # not measured: found
        ("0.49", False, "100.00"),  # lower is better: under the benchmark, won
        ("0.5", False, "100.00"),  # exactly the benchmark
        ("0.51", False, "75.00"),
        ("1.0", False, "75.00"),  # exactly the target
        ("1.01", False, "50.00"),
        (None, False, "25.00"),
    ],
)
def test_benchmark_stage_boundaries(wubi, rows, actual, higher, stage_value):
    b = rows.bench("s1", "x", "100", "80", actual) if higher else rows.bench("s1", "x", "0.5", "1.0", actual, higher=False)
    assert wubi({"benchmarks": [b]}).value("unit:s1", "dim.yeji") == stage_value


def test_stage_values_from_settings(wubi, rows):
    b = [rows.bench("s1", "a", "100", "80", "85"), rows.bench("s1", "b", "100", "80", None)]
    out = wubi({"benchmarks": b}, {"stages": {"found": 0.1, "compared": 0.4, "met": 0.8, "won": 1.0}})
    assert out.value("unit:s1", "dim.yeji") == "45.00"  # 100 × (0.8 + 0.1) / 2


def test_benchmarks_of_the_run_only(wubi, rows):
    b = [
        rows.bench("s1", "a", "100", "80", "100", day="2014-01-01"),  # won, counted
        rows.bench("s1", "a", "100", "80", None, day="2013-12-31"),  # same key, last period: left out
        rows.bench("s1", "b", "100", "80", None, day="2014-07-01"),  # after as_of: left out
    ]
    assert wubi({"benchmarks": b}, as_of="2014-06-30").value("unit:s1", "dim.yeji") == "100.00"


def test_nothing_to_count_no_rate(wubi, rows):
    # an item due after as_of only: no evidence rate, no score
    out = wubi({"tasks": [rows.task("t", "s1", "2014-12-31")]}, as_of="2014-06-30")
    assert out.scores == []


def test_done_early_but_due_after_as_of_does_not_count_yet(wubi, rows):
    tasks = [rows.task("late", "o1", "2014-03-31", "2014-04-10"), rows.task("early", "o1", "2014-12-31", "2014-05-01")]
    assert wubi({"tasks": tasks}, as_of="2014-06-30").value("unit:o1", "dim.zuofeng") == "0.00"  # 0/1
    assert wubi({"tasks": tasks}).value("unit:o1", "dim.zuofeng") == "50.00"  # 1/2 at year end


def test_a_rate_at_a_half_is_written_half_up_in_the_note():
    """1 of 8 benchmarks found (0.25), 7 compared valued 0 here: 0.25 / 8 = 0.03125 is
    written 3.13% (四舍五入), as the core writes every rate, not 3.12% (half even)."""
    from datetime import date
    from decimal import Decimal

    from bureaukit_wubi.evidence_rates import benchmark_rate
    from bureaukit_wubi.records import Benchmark
    from bureaukit_wubi.settings import Stages

    found = Benchmark("s1", "a", Decimal(10), Decimal(5), date(2014, 3, 1))
    compared = [Benchmark("s1", f"b{i}", Decimal(10), Decimal(5), date(2014, 3, 1), actual=Decimal(1)) for i in range(7)]
    rate = benchmark_rate([found, *compared], Stages(compared=Decimal(0)))
    assert rate is not None and rate.value == Decimal("0.03125")
    from bureaukit.testing import speaking

    with speaking("zh"):
        assert str(rate.note).endswith("(25% + 0% + 0% + 0% + 0% + 0% + 0% + 0%) / 8 项 = 3.13%")
