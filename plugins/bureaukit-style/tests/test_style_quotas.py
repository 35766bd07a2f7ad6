"""Rule 2 — quotas: each shortfall (quota, subject, bucket) one finding and one deduction."""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Activity
from bureaukit_style.records import ActivityKind as K

from bureaukit.testing import person, run, unit

HOLIDAYS = ["2014-05-01..2014-05-03", "2014-05-31..2014-06-02"]
WORKDAYS = ["2014-05-04"]  # Sunday, a make-up workday


def act(id, kind, unit, day, person=None, project=None):
    return Activity(id, kind, unit, day, person=person, project=project)


def only(*quotas):
    return {"quotas": list(quotas), "phases": [], "meeting_max_minutes": 0}


DUTY = {"id": "duty", "who": {"unit_kinds": ["station"]}, "activity": "duty", "min": 1,
        "per": "workday"}


def test_duty_roster_on_a_calendar_with_holidays_and_make_up_days(style):
    # 2014-04-28..2014-05-09: workdays Apr 28, 29, 30, Sun May 4 (调休), May 5–9 → 9 days;
    # May 1–3 are holidays, Sat Apr 26 / Sun Apr 27 and Sat May 10 rest days.
    window = "2014-04-28..2014-05-09"
    days = [date(2014, 4, 28), date(2014, 4, 29), date(2014, 4, 30), date(2014, 5, 4),
            date(2014, 5, 5), date(2014, 5, 6), date(2014, 5, 8)]  # May 7 and May 9 missing
    rows = [act(f"Z{i}", K.duty, "ygs_n", d, person="p36") for i, d in enumerate(days)]
    rows.append(act("ZH", K.duty, "ygs_n", date(2014, 5, 1), person="p36"))  # a holiday: no gap
    out = style(records={"activities": rows}, settings={**only(DUTY), "window": window},
                holidays=HOLIDAYS, workdays=WORKDAYS)
    found = sorted(f.due for f in out.find("style.quota", "unit:ygs_n"))
    assert found == [date(2014, 5, 7), date(2014, 5, 9)]
    assert out.value("unit:ygs_n", "points") == "98.00"
    # the make-up Sunday is checked: without its row it is a gap too
    rows2 = [r for r in rows if r.date != date(2014, 5, 4)]
    out2 = style(records={"activities": rows2}, settings={**only(DUTY), "window": window},
                 holidays=HOLIDAYS, workdays=WORKDAYS)
    assert date(2014, 5, 4) in {f.due for f in out2.find("style.quota", "unit:ygs_n")}


def test_duty_counts_only_班子成员_and_workdays(style):
    window = "2014-05-05..2014-05-11"  # Mon–Sun, five workdays
    rows = [act("Z1", K.duty, "ygs", date(2014, 5, 5), person="p21"),   # unit_head
            act("Z2", K.duty, "ygs", date(2014, 5, 6), person="p22"),   # unit_team
            act("Z3", K.duty, "ygs", date(2014, 5, 7), person="p23"),   # staff: not counted
            act("Z4", K.duty, "ygs", date(2014, 5, 8), person="p21"),
            act("Z5", K.duty, "ygs", date(2014, 5, 10), person="p21")]  # Saturday: no bucket
    q = {**DUTY, "who": {"unit_kinds": ["institution"]}}
    out = style(records={"activities": rows}, settings={**only(q), "window": window})
    assert sorted(f.due for f in out.find("style.quota", "unit:ygs")) == [
        date(2014, 5, 7), date(2014, 5, 9)]
    out2 = style(records={"activities": rows},
                 settings={**only(q), "window": window, "duty_roles": ["unit_head", "unit_team", "staff"]})
    assert [f.due for f in out2.find("style.quota", "unit:ygs")] == [date(2014, 5, 9)]


RECEPTION = {"id": "reception", "who": {"role": "main_leader"}, "activity": "reception",
             "min": 2, "per": "month"}


def test_reception_twice_a_month_boundaries(style):
    rows = [act("J1", K.reception, "bureau", date(2014, 1, 10), person="p01"),           # Jan 1
            act("J2", K.reception, "bureau", date(2014, 2, 10), person="p01"),           # Feb 2
            act("J3", K.reception, "bureau", date(2014, 2, 28), person="p01"),
            act("J4", K.reception, "bureau", date(2014, 3, 1), person="p01"),            # Mar 3
            act("J5", K.reception, "bureau", date(2014, 3, 15), person="p01"),
            act("J6", K.reception, "bureau", date(2014, 3, 31), person="p01")]
    out = style(records={"activities": rows}, settings=only(RECEPTION), as_of="2014-04-29")
    found = out.find("style.quota", "person:p01")
    # Jan: 1 < 2 (just below); Feb: 2 (exactly at); Mar: 3 (above); April not yet elapsed
    assert [(f.due, "1 of 2" in f.message["en"]) for f in found] == [(date(2014, 1, 31), True)]
    assert out.value("person:p01", "points") == "99.00"
    assert [e.record for e in found[0].evidence if e.record] == ["J1"]


def test_person_quota_scores_everyone_it_binds(style):
    q = {"id": "head_report", "who": {"role": "unit_head"}, "activity": "research_report",
         "min": 1, "per": "window", "deduction": 2}
    rows = [act("R1", K.research_report, "office", date(2014, 11, 3), person="p06"),
            act("R2", K.research_report, "ygs", date(2014, 8, 3), person="p22")]  # not a head
    out = style(records={"activities": rows}, settings=only(q))
    assert out.value("person:p06", "points") == "100.00"
    assert out.value("person:p21", "points") == "98.00"
    assert out.value("person:p36", "points") == "98.00"
    assert not out.has_score("person:p22", "points")


def test_one_deduction_however_many_missing(style):
    q = {"id": "training", "who": "bureau", "activity": "training", "min": 2, "per": "window"}
    out = style(records={}, settings=only(q))
    [f] = out.find("style.quota", "unit:bureau")
    assert "0 of 2" in f.message["en"] and f.due == date(2014, 12, 31)
    assert out.value("unit:bureau", "deductions") == "1"


def test_zuofeng_preset_quotas(style):
    # the whole preset: six quotas, duty per workday for the institution and the station
    out = style(records={}, settings={"phases": [], "meeting_max_minutes": 0},
                period="2014-03", holidays=[], workdays=[])
    # the evidence names each quota by its activity and whom it binds; the message names the activity
    quotas = {f.evidence[-1].note_in("zh").split("）")[0] + "）" for f in out.find("style.quota")}
    assert quotas == {
        "专题调研（二级机构、基层站所、科室，活动期间不少于 1 次）",
        "调研报告（单位主要负责人，活动期间不少于 1 次）",
        "调研报告（局班子成员，活动期间不少于 1 次）",
        "能力提升培训班（全局，活动期间不少于 2 次）",
        "到市接待中心接访（主要负责人，每月不少于 2 次）",
        "接访值班（二级机构、基层站所，每个工作日不少于 1 次）",
    }
    # March 2014 has 21 weekdays: ygs misses duty 21 times, research once → 100 − 22
    assert out.value("unit:ygs", "points") == "78.00"
    duty = [f.message["zh"] for f in out.find("style.quota", "unit:ygs") if "接访值班" in f.message["zh"]]
    assert len(duty) == 21 and duty[0] == "接访值班 2014-03-03：有 0 次，应不少于 1 次，扣 1 分"
    assert out.value("unit:office", "points") == "99.00"
    assert out.value("person:p01", "points") == "99.00"   # reception 0 of 2 in 2014-03


def test_config_quotas_replace_preset_whole(style):
    out = style(records={}, settings=only({"id": "x", "who": "bureau", "activity": "training",
                                           "min": 1, "per": "window"}))
    assert {f.subject for f in out.find("style.quota")} == {"unit:bureau"}


def test_tigao_preset_quotas_self_check_during_implement(style):
    # tigao: article per person per year, inspection per quarter, self_check during implement
    units = [unit("bureau", kind="bureau"), unit("office", kind="office", parent="bureau")]
    people = [person("a", "office"), person("b", "office")]
    from bureaukit_style.campaign import CAMPAIGN

    rows = [act("S1", K.self_check, "office", date(2012, 6, 5), person="a"),
            act("W1", K.article, "office", date(2012, 9, 1), person="a"),
            act("W2", K.article, "office", date(2012, 9, 1), person="b"),
            *[act(f"I{q}", K.inspection, "bureau", date(2012, 3 * q, 15)) for q in (1, 2, 3)]]
    out = run(CAMPAIGN, units=units, people=people, records={"activities": rows},
              settings={"preset": "tigao", "phases": [
                  {"id": "implement", "title": "组织实施", "start": "04-01", "end": "11-30",
                   "steps": ["学习教育"]}]},
              period="2012")
    found = sorted((f.subject, f.due) for f in out.find("style.quota"))
    # b: no self_check in implement (2012-04-01..11-30); the bureau's inspections are held
    # to the implement phase's whole quarters, Q2 and Q3 (I2 06-15, I3 09-15): none short
    assert found == [("person:b", date(2012, 11, 30))]
    assert out.value("person:a", "points") == "100.00"
    assert out.value("person:b", "points") == "99.00"
