"""Rules 3–4: the 整改清单 (1–2 problems per unit), areas, 销号 and 五个不放过."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_conduct.records import Problem

ALL = {"cause_found": True, "measures_done": True, "rectified": True,
       "accountability_done": True, "public_satisfied": True}


def D(text: str) -> date:
    return date.fromisoformat(text)


def problem(pid: str, unit: str = "st", *, deadline: str = "2014-09-30",
            closed: str | None = None, area: str | None = "道路运输市场秩序",
            leader: str = "h_st", **flags: bool) -> Problem:
    return Problem(pid, unit, f"问题{pid}", leader, D(deadline), area, None,
                   closed=D(closed) if closed else None, **flags)


@pytest.mark.parametrize(("n", "warned"), [(0, True), (1, False), (2, False), (3, True)])
def test_problem_count_boundaries(conduct, n, warned):
    ps = [problem(f"P{i}", closed="2014-06-01", **ALL) for i in range(n)]
    out = conduct(records={"problems": ps})
    found = out.find("conduct.problem_count", "unit:st")
    assert bool(found) == warned
    if warned:
        assert found[0].severity == "warning"
        assert f"列出 {n} 个问题" in found[0].message["zh"]
        assert f"lists {n} problem(s)" in found[0].message["en"]


def test_problem_count_settings(conduct):
    ps = [problem(f"P{i}", closed="2014-06-01", **ALL) for i in range(3)]
    out = conduct(records={"problems": ps}, settings={"problems": {"min": 1, "max": 3}})
    assert out.find("conduct.problem_count", "unit:st") == []


def test_problem_count_only_for_reviewed_units(conduct):
    out = conduct(records={"problems": []})
    assert sorted(f.subject for f in out.find("conduct.problem_count")) == [
        "unit:inst", "unit:office", "unit:st", "unit:st2"]


def test_unlisted_area_is_info(conduct):
    ps = [problem("P1", area="公路“三乱”"), problem("P2", area="公路超限运输"), problem("P3", "fin", area=None)]
    out = conduct(records={"problems": ps}, as_of="2014-06-30")
    found = out.find("conduct.area_unlisted")
    assert [(f.subject, f.severity) for f in found] == [("unit:st", "info")]
    assert "P1" in found[0].message["zh"] and "公路“三乱”" in found[0].message["zh"]


def test_problems_closed_counts_and_target(conduct):
    ps = [problem("P1", closed="2014-05-01", **ALL), problem("P2")]
    out = conduct(records={"problems": ps}, as_of="2014-06-30")
    s = out.score("unit:st", "problems_closed")
    assert (out.value("unit:st", "problems_closed"), s.target) == ("1", 2)
    # every reviewed unit gets a count, also with no problems
    assert out.value("unit:st2", "problems_closed") == "0"
    # a unit with problems that is not reviewed gets one too
    out = conduct(records={"problems": [problem("F1", "fin", leader="tm")]}, as_of="2014-06-30")
    assert out.value("unit:fin", "problems_closed") == "0"
    assert not out.has_score("unit:pers", "problems_closed")


@pytest.mark.parametrize(("closed", "as_of", "is_closed"), [
    ("2014-06-30", "2014-06-29", False),  # closed the day after as_of: still open then
    ("2014-06-30", "2014-06-30", True),   # closed on as_of
    ("2014-06-29", "2014-06-30", True),
])
def test_closed_on_or_before_as_of(conduct, closed, as_of, is_closed):
    out = conduct(records={"problems": [problem("P1", closed=closed, **ALL)]}, as_of=as_of)
    assert out.value("unit:st", "problems_closed") == ("1" if is_closed else "0")


def test_closed_without_all_five_flags(conduct):
    flags = {**ALL, "accountability_done": False, "public_satisfied": False}
    out = conduct(records={"problems": [problem("P1", closed="2014-05-01", leader="tm", **flags)]})
    assert out.value("unit:st", "problems_closed") == "1"  # still closed
    found = out.find("conduct.closed_incomplete")
    assert [(f.subject, f.severity) for f in found] == [("person:tm", "violation")]
    assert "责任追究到位、群众满意" in found[0].message["zh"]
    assert "missing accountability done, public satisfied" in found[0].message["en"]
    assert out.find("conduct.problem_overdue") == []


def test_closed_with_all_five_flags_is_clean(conduct):
    out = conduct(records={"problems": [problem("P1", closed="2014-05-01", **ALL)]})
    assert out.find("conduct.closed_incomplete") == []


@pytest.mark.parametrize(("deadline", "overdue"), [
    ("2014-06-29", True),   # deadline before as_of
    ("2014-06-30", False),  # deadline is as_of: not yet overdue
    ("2014-07-01", False),
])
def test_problem_overdue_boundaries(conduct, deadline, overdue):
    out = conduct(records={"problems": [problem("P1", deadline=deadline)]}, as_of="2014-06-30")
    found = out.find("conduct.problem_overdue")
    assert len(found) == (1 if overdue else 0)
    if overdue:
        f = found[0]
        assert (f.subject, f.severity, f.due) == ("person:h_st", "warning", D(deadline))
        assert "已过 1 天" in f.message["zh"] and "1 day(s) ago" in f.message["en"]


def test_closed_late_is_never_overdue(conduct):
    # deadline 31 May, closed 20 June (late, incomplete): closed_incomplete only
    p = problem("P1", deadline="2014-05-31", closed="2014-06-20")
    out = conduct(records={"problems": [p]}, as_of="2014-12-31")
    assert out.find("conduct.problem_overdue") == []
    assert len(out.find("conduct.closed_incomplete")) == 1
    # seen before its closing day, it was overdue
    out = conduct(records={"problems": [p]}, as_of="2014-06-19")
    assert [f.due for f in out.find("conduct.problem_overdue")] == [D("2014-05-31")]
    assert out.find("conduct.closed_incomplete") == []
