"""Rule 6: 逾期 — an item due before as_of and not completed by as_of."""

import pytest


@pytest.mark.parametrize(
    ("due", "overdue"),
    [("2014-07-30", True), ("2014-07-31", False), ("2014-08-01", False)],  # as_of 2014-07-31
)
def test_due_boundary(wubi, rows, due, overdue):
    out = wubi({"tasks": [rows.task("t1", "s1", due)]}, as_of="2014-07-31")
    assert bool(out.find("wubi.overdue")) is overdue


def test_on_unit_and_responsible_person_with_numbers(wubi, rows):
    out = wubi({"tasks": [rows.task("t1", "s1", "2014-05-01", who="p1")]}, as_of="2014-05-31")
    assert sorted(f.subject for f in out.find("wubi.overdue")) == ["person:p1", "unit:s1"]
    f = out.find("wubi.overdue", "unit:s1")[0]
    assert f.severity == "warning" and str(f.due) == "2014-05-01"
    assert f.message["zh"] == "一站重点工作“t1 工作t1”时限 2014-05-01，截至 2014-05-31 仍未完成，已逾期 30 天，责任人张站长"
    assert f.message["en"].startswith("一站: tasks item t1 “工作t1” was due 2014-05-01")
    assert (f.evidence[0].source, f.evidence[0].row, f.evidence[0].record) == ("<tasks>", 1, "t1")


def test_each_item_ledger_and_its_responsible_field(wubi, rows):
    out = wubi({
        "innovations": [rows.innov("i1", "s1", "2014-03-01", owner="p1")],
        "commitments": [rows.commit("c1", "o1", "2014-03-01", who="p2")],
        "rectifications": [rows.rect("r1", "o1", "2014-03-01")],  # no person: unit only
    })
    got = sorted((f.subject, f.evidence[0].record) for f in out.find("wubi.overdue"))
    assert got == [("person:p1", "i1"), ("person:p2", "c1"), ("unit:o1", "c1"), ("unit:o1", "r1"), ("unit:s1", "i1")]
    assert "创新项目台帐“i1" in out.find("wubi.overdue", "unit:s1")[0].message["zh"]
    assert "领导点评整改“r1" in next(f for f in out.find("wubi.overdue", "unit:o1") if f.evidence[0].record == "r1").message["zh"]


def test_before_the_period_still_overdue_late_is_not(wubi, rows):
    out = wubi({"tasks": [rows.task("old", "s1", "2013-11-30"), rows.task("late", "s1", "2014-03-01", "2014-04-01"),
                          rows.task("done_old", "s1", "2013-11-30", "2013-12-01")]})
    assert [f.evidence[0].record for f in out.find("wubi.overdue")] == ["old"]
    assert out.value("unit:s1", "dim.zuofeng") == "0.00"  # only "late" counts: 0/1


def test_completion_after_as_of_is_overdue(wubi, rows):
    tasks = [rows.task("t1", "s1", "2014-05-01", "2014-08-01")]
    assert len(wubi({"tasks": tasks}, as_of="2014-07-31").find("wubi.overdue")) == 1
    assert wubi({"tasks": tasks}, as_of="2014-08-01").find("wubi.overdue") == []  # done (late) by then
