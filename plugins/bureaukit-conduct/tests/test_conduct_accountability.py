"""Rule 6: 问责 and 倒查追责 (监管责任, 分管领导的主体责任)."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_conduct.campaign import CAMPAIGN
from bureaukit_conduct.records import Accountability

from bureaukit.testing import person, run


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


def test_leadership_duty_needs_the_unit_itself_not_an_ancestor(conduct):
    out = conduct(records={"accountability": [rec("A1", "s_st")]})
    assert charged(out, "conduct.supervision_duty") == ["person:h_st"]
    assert charged(out, "conduct.leadership_duty") == []  # tm oversees inst, the parent


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


def test_unit_without_head_has_no_supervision_duty(org):
    people = [p for p in org["people"] if p.id != "h_st2"]
    out = run(CAMPAIGN, units=org["units"], people=people,
              records={"accountability": [rec("A1", "s_st2")]})
    assert charged(out, "conduct.supervision_duty") == []


def test_records_dated_after_as_of_are_left_out(conduct):
    out = conduct(records={"accountability": [rec("A1", "s_st", day="2014-07-01")]},
                  as_of="2014-06-30")
    assert out.find("conduct.accountable") == []
