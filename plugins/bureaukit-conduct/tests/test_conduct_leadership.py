"""Rules 7 and 9: 三个不直接分管 and the 纪委书记 overseeing 干部人事."""

from __future__ import annotations

from bureaukit_conduct.campaign import CAMPAIGN

from bureaukit.testing import person, run


def with_people(org, drop, add):
    return [p for p in org["people"] if p.id not in drop] + add


def test_clean_division_of_work(conduct):
    out = conduct()
    assert out.find("conduct.main_leader_oversees") == []
    assert out.find("conduct.discipline_secretary_missing") == []


def test_main_leader_overseeing_finance_and_personnel(org):
    people = with_people(org, {"ml"}, [
        person("ml", "bureau", roles=["main_leader"], oversees=["office", "fin", "pers"], name="王局长"),
    ])
    out = run(CAMPAIGN, units=org["units"], people=people)
    found = out.find("conduct.main_leader_oversees")
    assert [(f.subject, f.severity) for f in found] == [("person:ml", "violation")] * 2
    assert sorted(f.message["en"].split(" oversees ")[1] for f in found) == [
        "人事教育科 (personnel)", "计划财务科 (finance)"]
    assert "三个不直接分管：主要负责人王局长分管计划财务科（财务）" in {f.message["zh"] for f in found}


def test_main_leader_who_left_before_the_period(org):
    people = with_people(org, {"ml"}, [
        person("ml", "bureau", roles=["main_leader"], oversees=["fin"], end="2013-12-31"),
    ])
    out = run(CAMPAIGN, units=org["units"], people=people)
    assert out.find("conduct.main_leader_oversees") == []


def test_setting_lists_the_kinds(org):
    people = with_people(org, {"ml"}, [
        person("ml", "bureau", roles=["main_leader"], oversees=["office"]),
    ])
    out = run(CAMPAIGN, units=org["units"], people=people,
              settings={"not_overseen_by_main_leader": ["office"]})
    assert [f.subject for f in out.find("conduct.main_leader_oversees")] == ["person:ml"]


def test_personnel_not_overseen_by_the_discipline_secretary(org):
    people = with_people(org, {"ds"}, [
        person("ds", "bureau", roles=["discipline_secretary"], oversees=["office"]),
        person("tm3", "bureau", roles=["team_member"], oversees=["pers"]),
    ])
    out = run(CAMPAIGN, units=org["units"], people=people)
    found = out.find("conduct.discipline_secretary_missing")
    assert [(f.subject, f.severity) for f in found] == [("unit:pers", "warning")]
    assert found[0].message["zh"].startswith("人事教育科（人事）截至 2014-12-31 无纪委书记分管")
    # turned off
    out = run(CAMPAIGN, units=org["units"], people=people,
              settings={"discipline_secretary_oversees": []})
    assert out.find("conduct.discipline_secretary_missing") == []


def test_discipline_secretary_who_left_before_as_of(org):
    people = with_people(org, {"ds"}, [
        person("ds", "bureau", roles=["discipline_secretary"], oversees=["pers"], end="2014-06-29"),
    ])
    out = run(CAMPAIGN, units=org["units"], people=people, as_of="2014-06-29")
    assert out.find("conduct.discipline_secretary_missing") == []
    out = run(CAMPAIGN, units=org["units"], people=people, as_of="2014-06-30")
    assert [f.subject for f in out.find("conduct.discipline_secretary_missing")] == ["unit:pers"]
