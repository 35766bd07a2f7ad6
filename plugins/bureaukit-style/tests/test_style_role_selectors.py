"""Role selectors (CORE §2) in style's quota ``who`` and ``duty_roles``: ``unit_head@station``
is a 站所 head, not a 科室 or 二级机构 head (seed 000 第五篇 四(五) 单位主要负责人每年提交1篇
调研报告; 四(七) 确保每个工作日有1名班子成员接访)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bureaukit_style.campaign import CAMPAIGN
from bureaukit_style.records import Activity
from bureaukit_style.records import ActivityKind as K

from bureaukit.plugin import ConfigError, ConfigWarning
from bureaukit.testing import check, person, run, run_cli, unit, write_bureau


def two_stations(o):
    """The small org plus a second 站所 (ygs_s: head p37, staff p38)."""
    return {"units": [*o["units"], unit("ygs_s", "城南运管站", kind="station", parent="ygs")],
            "people": [*o["people"], person("p37", "ygs_s", roles=["unit_head"], name="韩冰"),
                       person("p38", "ygs_s", roles=["staff"], name="冯涛")]}


def act(id, kind, unit, day, person=None):
    return Activity(id, kind, unit, day, person=person)


def only(*quotas, **more):
    return {"quotas": list(quotas), "phases": [], "meeting_max_minutes": 0, **more}


STATION_REPORT = {"id": "station_report", "who": {"role": "unit_head@station"},
                  "activity": "research_report", "min": 1, "per": "window"}


def test_a_quota_for_unit_head_at_station_binds_the_station_heads_only(org):
    # p36 (城北站 head) reports, p37 (城南站 head) does not; p06 (科室 head) and p21 (二级机构
    # head) report nothing and are not bound: no points, no finding
    rows = [act("R1", K.research_report, "ygs_n", date(2014, 3, 3), person="p36")]
    out = run(CAMPAIGN, **two_stations(org), period="2014", records={"activities": rows},
              settings=only(STATION_REPORT))
    [f] = out.find("style.quota")
    assert f.subject == "person:p37"
    assert f.message["en"] == "research report 2014-01-01..2014-12-31: 0 of 1 required, 1 point(s) deducted"
    assert f.message["zh"] == "调研报告 2014-01-01..2014-12-31：有 0 次，应不少于 1 次，扣 1 分"
    assert f.evidence[-1].note_in("zh") == (
        "调研报告（基层站所的单位主要负责人，活动期间不少于 1 次）2014-01-01 至 2014-12-31：有 0 次，扣 1 分")
    assert f.evidence[-1].note_in("en") == (
        "research report (unit head of station, at least 1 over the campaign) 2014-01-01 to 2014-12-31: "
        "0 held, 1 point(s) deducted")
    assert out.value("person:p37", "points") == "99.00"
    assert out.value("person:p36", "points") == "100.00"
    for pid in ("p06", "p21", "p38"):
        assert not out.has_score(f"person:{pid}", "points")


def test_duty_roles_as_selectors_count_a_station_head_but_not_an_institution_head(org):
    # Mon 2014-05-05 .. Fri 05-09, five workdays; duty rows at ygs (二级机构) and ygs_n (站所)
    window = "2014-05-05..2014-05-09"
    rows = [act("Z1", K.duty, "ygs", date(2014, 5, 5), person="p21"),     # ygs head: not counted
            act("Z2", K.duty, "ygs", date(2014, 5, 6), person="p22"),     # ygs unit_team: counted
            act("Z3", K.duty, "ygs", date(2014, 5, 7), person="p21"),
            act("Z4", K.duty, "ygs_n", date(2014, 5, 5), person="p36"),   # station head: counted
            act("Z5", K.duty, "ygs_n", date(2014, 5, 6), person="p36"),
            act("Z6", K.duty, "ygs_n", date(2014, 5, 7), person="p36"),
            act("Z7", K.duty, "ygs_n", date(2014, 5, 8), person="p36"),
            act("Z8", K.duty, "ygs_n", date(2014, 5, 9), person="p36")]
    duty = {"id": "duty", "who": {"unit_kinds": ["institution", "station"]}, "activity": "duty",
            "min": 1, "per": "workday"}
    out = run(CAMPAIGN, **two_stations(org), period="2014", records={"activities": rows},
              settings=only(duty, window=window, duty_roles=["unit_head@station", "unit_team"]))
    # ygs: only Z2 counts → 05-05, 05-07, 05-08, 05-09 short: 4 findings, 96 points
    assert [f.due.day for f in out.find("style.quota", "unit:ygs")] == [5, 7, 8, 9]
    assert out.value("unit:ygs", "points") == "96.00"
    # ygs_n: every day covered; ygs_s (no rows): five days short
    assert out.find("style.quota", "unit:ygs_n") == []
    assert out.value("unit:ygs_n", "points") == "100.00"
    assert out.value("unit:ygs_s", "points") == "95.00"
    # the plain roles (the default) count p21 too: ygs short on 05-08 and 05-09 only
    plain = run(CAMPAIGN, **two_stations(org), period="2014", records={"activities": rows},
                settings=only(duty, window=window))
    assert [f.due.day for f in plain.find("style.quota", "unit:ygs")] == [8, 9]


KINDS = "the units' kinds: bureau, institution, office, station"


def test_bad_selectors_are_config_errors_with_their_paths(org):
    quota = {"activity": "research_report", "min": 1, "per": "window"}
    found = check(CAMPAIGN, **org, settings=only(
        {"id": "a", "who": {"role": "unit_haed@station"}, **quota},
        {"id": "b", "who": {"role": "unit_head@stattion"}, **quota},
        {"id": "c", "who": {"role": "unit_head@"}, **quota},
        {"id": "d", "who": {"role": "单位主要负责人"}, **quota},
        duty_roles=["unit_head", "unit_tem", "unit_team@ofice"],
    ))
    errors = [(i.path, i.message) for i in found if isinstance(i, ConfigError)]
    assert [path for path, _ in errors] == [
        "quotas[0].who.role", "quotas[1].who.role", "quotas[2].who.role", "quotas[3].who.role",
        "duty_roles[1]", "duty_roles[2]"]
    messages = dict(errors)
    assert messages["quotas[0].who.role"].startswith(
        'unknown role "unit_haed" (did you mean "unit_head"?); known roles: main_leader 主要负责人, ')
    assert messages["quotas[1].who.role"] == f'no unit is of kind "stattion" (did you mean "station"?); {KINDS}'
    assert messages["quotas[2].who.role"] == (
        'empty unit kind in "unit_head@"; expected ROLE or ROLE@KIND[,KIND…]')
    assert messages["quotas[3].who.role"] == 'write the role code "unit_head" for 单位主要负责人'
    assert messages["duty_roles[1]"].startswith('unknown role "unit_tem" (did you mean "unit_team"?)')
    assert messages["duty_roles[2]"] == f'no unit is of kind "ofice" (did you mean "office"?); {KINDS}'
    # no second, shape-only error for a selector already reported
    assert not any(i.path == "quotas[2].who" for i in found)


def test_a_selector_nobody_matches_warns(org):
    found = check(CAMPAIGN, **org, settings=only(
        {"id": "q", "who": {"role": "unit_team@station"}, "activity": "research_report", "min": 1,
         "per": "window"}))
    [w] = [i for i in found if isinstance(i, ConfigWarning)]
    assert (w.path, w.message) == (
        "quotas[0].who", 'nobody matches role "unit_team@station": the quota binds no one')


def test_the_command_line_reports_every_bad_selector_at_once(tmp_path: Path):
    cfg = write_bureau(tmp_path, """
[bureau]
id = "t"
name = "示例局"
period = "2014"

[[units]]
id = "bureau"
name = "示例局"
kind = "bureau"

[[units]]
id = "ygs_n"
name = "城北运管站"
kind = "station"
parent = "bureau"

[[people]]
id = "p36"
name = "潘文"
unit = "ygs_n"
roles = ["unit_head"]

[campaigns]
enabled = ["style"]

[campaigns.style]
duty_roles = ["unit_head@statoin"]
quotas = [{ id = "q", who = { role = "unit_heda" }, activity = "research_report", min = 1, per = "window" }]
phases = []
""")
    r = run_cli("check", cfg, "--lang", "en")
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr
    assert ('campaigns.style.quotas[0].who.role: unknown role "unit_heda" (did you mean "unit_head"?)'
            in r.stderr)
    zh = run_cli("check", cfg).stderr  # the bureau's own language
    assert 'campaigns.style.quotas[0].who.role: 未知角色"unit_heda"（是否应为 "unit_head"？）；可用角色：' in zh
    assert ('campaigns.style.duty_roles[0]: 没有单位的类型是"statoin"（是否应为 "station"？）；'
            "各单位的类型：bureau, station") in zh
    assert ('campaigns.style.duty_roles[0]: no unit is of kind "statoin" (did you mean "station"?); '
            "the units' kinds: bureau, station") in r.stderr
