"""The page's worked example (docs/campaigns/wubi.md 算例), number for number."""

from decimal import Decimal


def test_chuangxin_79_60(wubi, rows):
    # 95, 90, 88, 70, 60 → trim one each side → mean(90, 88, 70) = 248 / 3 = 82.6667
    # innovations due 4, on time 3 → 0.75;  0.6 × 82.6667 + 0.4 × 75 = 49.6 + 30 = 79.60
    innovations = [
        rows.innov("i1", "s1", "2014-03-31", "2014-03-30"),
        rows.innov("i2", "s1", "2014-06-30", "2014-06-30"),
        rows.innov("i3", "s1", "2014-09-30", "2014-09-01"),
        rows.innov("i4", "s1", "2014-10-31", "2014-11-15"),  # late: counts against, no Finding
    ]
    out = wubi({"ratings": rows.ratings("s1", "chuangxin", [95, 90, 88, 70, 60]), "innovations": innovations})
    sc = out.score("unit:s1", "dim.chuangxin")
    assert out.value("unit:s1", "dim.chuangxin") == "79.60"
    # unrounded inside: 0.6 × 248/3 + 0.4 × 100 × 0.75
    assert sc.value == Decimal("0.6") * (Decimal(248) / 3) + Decimal("0.4") * 100 * Decimal("0.75")
    assert sc.target is None and sc.unit is None
    assert out.find("wubi.overdue") == []
    notes = [e.note_in("zh") for e in sc.evidence]
    assert "比创新评分均值：(70 + 88 + 90) / 3 = 82.67" in notes
    assert "比创新依据率：按时完成 3 项 / 到期 4 项 = 75.00%" in notes
    assert notes[-1] == "比创新 = 0.6 × 评分均值 82.67 + 0.4 × 100 × 依据率 75.00% = 79.60"
    notes = [e.note_in("en") for e in sc.evidence]
    assert "Compare innovation rating average: (70 + 88 + 90) / 3 = 82.67" in notes
    assert "Compare innovation evidence rate: 3 of 4 items due done on time = 75.00%" in notes
    assert notes[-1] == "Compare innovation = 0.6 × rating average 82.67 + 0.4 × 100 × evidence rate 75.00% = 79.60"
    # only dimension scored: points = the dimension
    assert out.value("unit:s1", "points") == "79.60"


def test_tied_extremes_drop_one_instance_each(wubi, rows):
    out = wubi({"ratings": rows.ratings("s1", "jingjie", [95, 95, 60, 60])})
    assert out.value("unit:s1", "dim.jingjie") == "77.50"  # (95 + 60) / 2


def test_benchmarks_only_yeji_62_50(wubi, rows):
    benchmarks = [
        rows.bench("s2", "营运收入", "100", "80", "105"),  # won 1.0
        rows.bench("s2", "事故率", "0.5", "1.0", "0.8", higher=False),  # met 0.75 (lower is better)
        rows.bench("s2", "客运量", "100", "80", "50"),  # compared 0.5
        rows.bench("s2", "货运量", "100", "80", None),  # found 0.25
    ]
    out = wubi({"benchmarks": benchmarks})
    assert out.value("unit:s2", "dim.yeji") == "62.50"  # 100 × 2.5 / 4
    assert out.value("unit:s2", "points") == "62.50"
    notes = [e.note_in("zh") for e in out.score("unit:s2", "dim.yeji").evidence]
    assert "事故率（越低越好）：实际 0.8 > 标杆 0.5，≤ 目标 1，达标，计 75%" in notes
    assert "营运收入（越高越好）：实际 105 ≥ 标杆 100，夺标，计 100%" in notes
    assert "客运量（越高越好）：实际 50 < 目标 80，对标，计 50%" in notes
    assert "货运量（越高越好）：实际值未填（标杆 100，目标 80），寻标，计 25%" in notes
    assert "比业绩依据率：对标得分 (75% + 50% + 100% + 25%) / 4 项 = 62.50%" in notes
    notes = [e.note_in("en") for e in out.score("unit:s2", "dim.yeji").evidence]
    assert "事故率 (lower is better): actual 0.8 > benchmark 0.5, ≤ target 1: met, counts 75%" in notes


def test_task_due_on_as_of_counts_against_the_rate_but_is_not_overdue(wubi, rows):
    tasks = [rows.task("t1", "o1", "2014-06-30", "2014-06-29"), rows.task("t2", "o1", "2014-07-31")]
    out = wubi({"tasks": tasks}, as_of="2014-07-31")
    assert out.value("unit:o1", "dim.zuofeng") == "50.00"  # 1/2
    assert out.find("wubi.overdue") == []
    nxt = wubi({"tasks": tasks}, as_of="2014-08-01")
    assert [(f.subject, str(f.due)) for f in nxt.find("wubi.overdue")] == [("unit:o1", "2014-07-31")]
