"""The page's worked example, number for number."""

from wubi_support import bench, innov, rating, task, wubi


def test_innovation_dimension_79_60() -> None:
    # 95, 90, 88, 70, 60 → trim one each side → mean(90, 88, 70) = 82.6667; 3 of 4 on time
    ratings = [rating(f"e{i}", "s1", "chuangxin", v) for i, v in enumerate([95, 90, 88, 70, 60], start=1)]
    innovations = [
        innov("i1", "s1", "2014-03-31", "2014-03-30"),
        innov("i2", "s1", "2014-06-30", "2014-06-30"),
        innov("i3", "s1", "2014-09-30", "2014-09-01"),
        innov("i4", "s1", "2014-10-31", "2014-11-15"),  # late: counts against, no Finding
    ]
    out = wubi({"ratings": ratings, "innovations": innovations})
    assert out.value("unit:s1", "dim.chuangxin") == "79.60"  # 0.6 × 82.6667 + 0.4 × 75
    assert out.find("wubi.overdue") == []
    note = out.score("unit:s1", "dim.chuangxin").evidence[-1].note
    assert "0.6 × 82.67 + 0.4 × 100 × 0.7500 = 79.60" in note


def test_tied_extremes_drop_one_instance_each() -> None:
    ratings = [rating(f"e{i}", "s1", "jingjie", v) for i, v in enumerate([95, 95, 60, 60], start=1)]
    out = wubi({"ratings": ratings})
    assert out.value("unit:s1", "dim.jingjie") == "77.50"  # mean(95, 60)


def test_benchmarks_only_yeji_62_50() -> None:
    benchmarks = [
        bench("s2", "营运收入", "100", "80", "105"),  # won
        bench("s2", "事故率", "0.5", "1.0", "0.8", higher=False),  # met (lower is better)
        bench("s2", "客运量", "100", "80", "50"),  # compared
        bench("s2", "货运量", "100", "80", None),  # found
    ]
    out = wubi({"benchmarks": benchmarks})
    assert out.value("unit:s2", "dim.yeji") == "62.50"
    assert out.value("unit:s2", "points") == "62.50"


def test_task_due_on_as_of_counts_against_the_rate_but_is_not_overdue() -> None:
    tasks = [task("t1", "o1", "2014-06-30", "2014-06-29"), task("t2", "o1", "2014-07-31")]
    out = wubi({"tasks": tasks}, as_of="2014-07-31")
    assert out.value("unit:o1", "dim.zuofeng") == "50.00"
    assert out.find("wubi.overdue") == []
    out_next = wubi({"tasks": tasks}, as_of="2014-08-01")
    assert [f.subject for f in out_next.find("wubi.overdue")] == ["unit:o1"]
