"""Edges a clerk's ledger hits, worked by hand against the seeds (red-team, session 10)."""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Activity, Complaint
from bureaukit_style.records import ActivityKind as K

from bureaukit_style.campaign import CAMPAIGN

from bureaukit.testing import person, run, unit

DUTY = {"id": "duty", "who": {"unit_kinds": ["institution"]}, "activity": "duty", "min": 1, "per": "workday"}
QUIET = {"phases": [], "meeting_max_minutes": 0}


def duty(id, unit_id, day, who):
    return Activity(id, K.duty, unit_id, day, person=who)


def test_duty_is_kept_by_the_units_own_班子成员_in_post_that_day():
    # seed 000 第五篇 四(七): "各单位要制定值班表,确保每个工作日有1名班子成员接访" — a 班子成员
    # of the unit itself. Window Mon 2014-05-05 .. Fri 05-09, five workdays, ygs's roster:
    #   Mon p21 (ygs unit_head)                      → counts
    #   Tue p36 (unit_head of the station ygs_n)     → not ygs's 班子: a gap
    #   Wed p22 (ygs unit_team)                      → counts
    #   Thu p29 (ygs unit_team, left on Wed 05-07)   → not in post: a gap
    #   Fri p21                                      → counts
    # Gaps Tue 05-06 and Thu 05-08: two findings, 2 × 1 = 2 points off → 98.00.
    units = [unit("bureau", kind="bureau"), unit("ygs", kind="institution", parent="bureau"),
             unit("ygs_n", kind="station", parent="ygs")]
    people = [person("p21", "ygs", roles=["unit_head"]), person("p22", "ygs", roles=["unit_team"]),
              person("p29", "ygs", roles=["unit_team"], end="2014-05-07"),
              person("p36", "ygs_n", roles=["unit_head"])]
    rows = [duty("Z1", "ygs", date(2014, 5, 5), "p21"), duty("Z2", "ygs", date(2014, 5, 6), "p36"),
            duty("Z3", "ygs", date(2014, 5, 7), "p22"), duty("Z4", "ygs", date(2014, 5, 8), "p29"),
            duty("Z5", "ygs", date(2014, 5, 9), "p21")]
    out = run(CAMPAIGN, units=units, people=people, records={"activities": rows},
              settings={**QUIET, "quotas": [DUTY], "window": "2014-05-05..2014-05-09"}, period="2014")
    assert sorted(f.due for f in out.find("style.quota", "unit:ygs")) == [date(2014, 5, 6), date(2014, 5, 8)]
    assert out.value("unit:ygs", "points") == "98.00"
    # each gap cites the roster's row that did not count, and why
    tue, thu = sorted(out.find("style.quota", "unit:ygs"), key=lambda f: f.due)
    assert [(e.row, e.note_in("zh")) for e in tue.evidence[:-1]] == [
        (2, "接访值班 2014-05-06 p36：不计（不是本单位的班子成员）")]
    assert [(e.row, e.note_in("zh")) for e in thu.evidence[:-1]] == [(4, "接访值班 2014-05-08 p29：不计（当日不在岗）")]
    assert thu.evidence[0].note_in("en") == "reception duty on 2014-05-08 by p29: not counted (not in post that day)"


def test_a_complaint_received_before_the_window_is_late_in_the_window_it_falls_due(style):
    # seed 001 三(三) "有诉必理、有理必果"; complaint_days 15 (bureau default), calendar days.
    # Window 2014 (tigao's default: the period). The 2013 window's final run, as of
    # 2013-12-31, reported the lapses it could see; the rest are 2014's.
    rows = [
        # received 12-25 → due 2014-01-09; resolved 01-20: 26 days, late in 2014
        Complaint("T1", "ygs", date(2013, 12, 25), date(2014, 1, 20), "已答复"),
        # received 12-16 → due 12-31; still open on the eve, not yet late: late in 2014
        Complaint("T2", "ygs", date(2013, 12, 16)),
        # received 12-10 → due 12-25; open on 12-31 (21 days): 2013 reported it
        Complaint("T3", "ygs", date(2013, 12, 10)),
        # received 12-01, resolved 12-29 (28 days, late): 2013's
        Complaint("T4", "ygs", date(2013, 12, 1), date(2013, 12, 29), "已答复"),
        # received 12-20 and 查实 against p23: the 停职 is 2013's finding
        Complaint("T5", "ygs", date(2013, 12, 20), date(2013, 12, 22), "已答复", verified_against="p23"),
    ]
    for period, late in (("2014", ["T1", "T2"]), ("2013", ["T3", "T4"])):
        out = style(records={"complaints": rows}, settings={**QUIET, "quotas": [], "preset": "tigao"}, period=period)
        assert sorted(f.evidence[0].record for f in out.find("style.complaint")) == late
        assert bool(out.find("style.suspension")) is (period == "2013")
    out = style(records={"complaints": rows}, settings={**QUIET, "quotas": [], "preset": "tigao"}, period="2014")
    t1 = next(f for f in out.find("style.complaint") if f.evidence[0].record == "T1")
    assert t1.due == date(2014, 1, 9)  # 2013-12-25 + 15 days


def test_tigao_quarterly_inspection_is_held_in_the_implement_phase_quarters():
    # seed 001 三: 第一階段 動員部署 (2012年3月至4月) "調整健全領導機構"; 第二階段 組織實施
    # (2012年4月至11月) 查擺問題 "2、定期檢查。局…領導小組每季度組織一次全面檢查"; 第三階段
    # "11月下旬…組成一個評估組,對機關各股室站所進行評估和檢查". The 領導小組's quarterly check is
    # a step of the implement phase (04-01..11-30): the quarters wholly inside it are Q2
    # (04-01..06-30) and Q3 (07-01..09-30); Q1 precedes the phase (the group is only being
    # re-formed) and Q4's check is the 評估組's of late November (the assess phase's step).
    # Inspections on 05-20 and 08-20 only: no shortfall; without the 08-20 one: Q3 short,
    # due 09-30, the bureau 100 − 1 = 99.00.
    units = [unit("bureau", kind="bureau"), unit("office", kind="office", parent="bureau")]
    rows = [Activity("I2", K.inspection, "bureau", date(2012, 5, 20)),
            Activity("I3", K.inspection, "bureau", date(2012, 8, 20))]
    settings = {"preset": "tigao", "phases": [
        {"id": "implement", "title": "组织实施", "start": "04-01", "end": "11-30", "steps": ["查摆问题"]}]}
    out = run(CAMPAIGN, units=units, people=[], records={"activities": rows}, settings=settings, period="2012")
    assert out.find("style.quota", "unit:bureau") == []
    short = run(CAMPAIGN, units=units, people=[], records={"activities": rows[:1]}, settings=settings,
                period="2012")
    assert [f.due for f in short.find("style.quota", "unit:bureau")] == [date(2012, 9, 30)]
    assert short.value("unit:bureau", "points") == "99.00"


def test_reception_months_across_new_year_in_the_campaign_year(style):
    # seed 000 第五篇 四(七) "局主要领导每月到市群众来访联合接待服务中心接待群众来访不少于2次";
    # 五 "从2013年5月开始,到2014年4月底结束": the window 2013-05-01..2014-04-30 scored in the
    # 2014 period, as of 2014-01-31. p01's visits: 2013-12-01, 2013-12-31 (Dec: 2, met);
    # 2014-01-01 (Jan: 1, short); nothing May–Nov 2013 except two each month. Shortfall:
    # 2014-01 only (have 1, need 2, due 01-31); Feb–Apr have not ended by as_of: not yet
    # missed. p01: 100 − 1 = 99.00.
    rows = [Activity(f"J{m}{d}", K.reception, "bureau", date(2013, m, d), person="p01")
            for m in range(5, 12) for d in (3, 20)]
    rows += [Activity("JD1", K.reception, "bureau", date(2013, 12, 1), person="p01"),
             Activity("JD2", K.reception, "bureau", date(2013, 12, 31), person="p01"),
             Activity("JJ1", K.reception, "bureau", date(2014, 1, 1), person="p01")]
    q = {"id": "reception", "who": {"role": "main_leader"}, "activity": "reception", "min": 2, "per": "month"}
    out = style(records={"activities": rows},
                settings={**QUIET, "quotas": [q], "window": "2013-05-01..2014-04-30"}, as_of="2014-01-31")
    [f] = out.find("style.quota", "person:p01")
    assert f.due == date(2014, 1, 31) and "2014-01" in f.message["zh"] and "有 1 次" in f.message["zh"]
    assert [e.row for e in f.evidence[:-1]] == [len(rows)]  # JJ1, the one January visit
    assert out.value("person:p01", "points") == "99.00"
