"""Rule 6: 问责 and 倒查追责 (监管责任, 分管领导的主体责任)."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_conduct.campaign import CAMPAIGN
from bureaukit_conduct.records import Accountability

from bureaukit.testing import person, run, unit


def D(text: str) -> date:
    return date.fromisoformat(text)


def rec(rid: str, who: str, serious: bool = True, day: str = "2014-05-06") -> Accountability:
    return Accountability(rid, who, D(day), "怠于履职", "通报批评", serious)


def charged(out, code: str) -> list[str]:
    return sorted(f.subject for f in out.find(code))


def test_every_record_is_a_violation_on_its_person(conduct):
    out = conduct(records={"accountability": [rec("A1", "s_off", serious=False)]})
    found = out.find("conduct.accountable")
    assert [(f.subject, f.severity) for f in found] == [("person:s_off", "violation")]
    assert "A1" in found[0].message["zh"] and "怠于履职" in found[0].message["zh"]
    # not serious: no trace-back under the default "serious"
    assert charged(out, "conduct.supervision_duty") == []


@pytest.mark.parametrize(("mode", "serious", "traced"), [
    ("serious", True, True), ("serious", False, False),
    ("all", False, True), ("all", True, True),
    ("none", True, False),
])
def test_trace_back_modes(conduct, mode, serious, traced):
    out = conduct(records={"accountability": [rec("A1", "s_inst", serious)]},
                  settings={"trace_back": mode})
    assert charged(out, "conduct.supervision_duty") == (["person:h_inst"] if traced else [])
    # tm oversees inst itself
    assert charged(out, "conduct.leadership_duty") == (["person:tm"] if traced else [])
    assert charged(out, "conduct.accountable") == ["person:s_inst"]


def test_main_leader_is_never_charged(org):
    # ml oversees office; give him team_member too: still never charged
    people = [p for p in org["people"] if p.id != "ml"]
    people.append(person("ml", "bureau", roles=["main_leader", "team_member"], oversees=["office"]))
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_off")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_off"]
    assert charged(out, "conduct.leadership_duty") == []


def test_nobody_charged_twice_for_one_record(org):
    # the office head is also a team member overseeing the office: supervision only
    people = [p for p in org["people"] if p.id != "h_off"]
    people.append(person("h_off", "office", roles=["unit_head", "team_member"], oversees=["office"]))
    people.append(person("tm2", "bureau", roles=["team_member"], oversees=["office"]))
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_off")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_off"]
    assert charged(out, "conduct.leadership_duty") == ["person:tm2"]
    # a team member held accountable for a unit he oversees is not charged again
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A2", "h_off")]})
    assert charged(out, "conduct.accountable") == ["person:h_off"]
    assert charged(out, "conduct.supervision_duty") == []
    assert charged(out, "conduct.leadership_duty") == ["person:tm2"]


def test_only_people_in_post_on_the_record_date(org):
    people = [p for p in org["people"] if p.id not in ("h_inst", "tm")]
    people += [
        person("h_inst", "inst", roles=["unit_head"], end="2014-05-05"),
        person("h_new", "inst", roles=["unit_head"], start="2014-05-06"),
        person("tm", "bureau", roles=["team_member"], oversees=["inst"], start="2014-05-07"),
    ]
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_inst", day="2014-05-06")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_new"]
    assert charged(out, "conduct.leadership_duty") == []


def test_records_dated_after_as_of_are_left_out(conduct):
    out = conduct(records={"accountability": [rec("A1", "s_st", day="2014-07-01")]},
                  as_of="2014-06-30")
    assert out.find("conduct.accountable") == []


# --- 倒查追责 up the tree (seed 002 篇3 二: 追究到相关部门疏于管理的监管责任和分管领导的主体责任) ---

def _org_with(org, units=(), people=()):
    return {"units": [*org["units"], *units], "people": [*org["people"], *people]}


def test_staff_of_a_station(conduct):
    """城北运管站's staff: the station's head supervises; nobody oversees the station itself, so
    the 分管领导 of its parent 运管所 (tm) answers."""
    out = conduct(records={"accountability": [rec("A1", "s_st")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_st"]
    assert charged(out, "conduct.leadership_duty") == ["person:tm"]
    (lead,) = out.find("conduct.leadership_duty")
    assert lead.message["zh"] == "倒查追责：问责 A1（蒋涛，城北运管站）追究分管道路运输管理所的领导李副局长的主体责任（自城北运管站上溯至道路运输管理所）"
    assert lead.message["en"].endswith("who oversees 道路运输管理所 (passed up from 城北运管站 to 道路运输管理所)")


def test_head_of_a_station(conduct):
    """The station's head himself: supervision passes to the 运管所's head; tm as before."""
    out = conduct(records={"accountability": [rec("A1", "h_st")]})
    assert charged(out, "conduct.accountable") == ["person:h_st"]
    assert charged(out, "conduct.supervision_duty") == ["person:h_inst"]
    assert charged(out, "conduct.leadership_duty") == ["person:tm"]
    (sup,) = out.find("conduct.supervision_duty")
    assert sup.message["zh"] == "倒查追责：问责 A1（潘站长，城北运管站）追究道路运输管理所主要负责人郑所长疏于管理的监管责任（自城北运管站上溯至道路运输管理所）"


def test_staff_of_an_office_without_a_head(org):
    """计划财务科 has no head and sits under the bureau itself: supervision would pass to the
    root, which it never does; its 分管领导 tm answers."""
    o = _org_with(org, people=[person("s_fin", "fin", ["staff"], name="郭芳")])
    out = run(CAMPAIGN, **o, records={"accountability": [rec("A1", "s_fin")]})
    assert charged(out, "conduct.supervision_duty") == []
    assert charged(out, "conduct.leadership_duty") == ["person:tm"]


def test_office_without_a_head_under_a_unit_with_one(org):
    """A headless 股室 inside the 运管所: its staff's supervision passes to the 运管所's head."""
    o = _org_with(org, units=[unit("desk", "财务股", kind="office", parent="inst")],
                  people=[person("s_desk", "desk", ["staff"])])
    out = run(CAMPAIGN, **o, records={"accountability": [rec("A1", "s_desk")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_inst"]
    assert charged(out, "conduct.leadership_duty") == ["person:tm"]


def test_a_unit_nobody_oversees(org):
    """政策法规科 has a head but no 分管领导, nor has any unit above it but the root: the head is
    charged, no leader (倒查 never reaches the root)."""
    o = _org_with(org, units=[unit("law", "政策法规科", kind="office", parent="bureau")],
                  people=[person("h_law", "law", ["unit_head"]), person("s_law", "law", ["staff"])])
    out = run(CAMPAIGN, **o, records={"accountability": [rec("A1", "s_law")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_law"]
    assert charged(out, "conduct.leadership_duty") == []
    # its head's own case: nobody above him but the root — nobody charged
    out = run(CAMPAIGN, **o, records={"accountability": [rec("A2", "h_law")]})
    assert charged(out, "conduct.supervision_duty") == charged(out, "conduct.leadership_duty") == []


def test_a_unit_the_main_leader_oversees_does_not_pass_up(org):
    """局办公室 is overseen by the main leader: overseen, so nobody above is charged either."""
    o = _org_with(org, units=[unit("desk", "文秘股", kind="office", parent="office")],
                  people=[person("s_desk", "desk", ["staff"])])
    out = run(CAMPAIGN, **o, records={"accountability": [rec("A1", "s_desk")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_off"]
    assert charged(out, "conduct.leadership_duty") == []


def test_people_of_the_root_unit_charge_nobody(conduct):
    out = conduct(records={"accountability": [rec("A1", "tm")]})
    assert charged(out, "conduct.accountable") == ["person:tm"]
    assert charged(out, "conduct.supervision_duty") == charged(out, "conduct.leadership_duty") == []


def test_passing_up_uses_people_in_post_on_the_date(org):
    """The station's head left the day before: the unit has no head then, so the 运管所's head
    answers; a 分管领导 of the station who starts later does not stop the duty passing up."""
    people = [p for p in org["people"] if p.id != "h_st"]
    people += [person("h_st", "st", ["unit_head"], end="2014-05-05"),
               person("tm9", "bureau", ["team_member"], oversees=["st"], start="2014-05-07")]
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_st", day="2014-05-06")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_inst"]
    assert charged(out, "conduct.leadership_duty") == ["person:tm"]
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_st", day="2014-05-07")]})
    assert charged(out, "conduct.leadership_duty") == ["person:tm9"]
