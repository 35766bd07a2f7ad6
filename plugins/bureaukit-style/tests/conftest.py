"""Shared fixtures: a small bureau — one office, one institution with a station."""

from __future__ import annotations

from typing import Any

from bureaukit_style.campaign import CAMPAIGN

from bureaukit.testing import org_fixture, person, runner_fixture, unit

# 2014 holidays and make-up workdays as the State Council set them (in part).
HOLIDAYS = ["2014-01-01", "2014-01-31..2014-02-06", "2014-04-05..2014-04-07",
            "2014-05-01..2014-05-03", "2014-05-31..2014-06-02"]
WORKDAYS = ["2014-01-26", "2014-02-08", "2014-05-04"]


def small_org() -> dict[str, Any]:
    units = [
        unit("bureau", "示例局", kind="bureau"),
        unit("office", "局办公室", kind="office", parent="bureau"),
        unit("ygs", "区道路运输管理所", kind="institution", parent="bureau"),
        unit("ygs_n", "城北运管站", kind="station", parent="ygs"),
    ]
    people = [
        person("p01", "bureau", roles=["main_leader"], name="王建国"),
        person("p02", "bureau", roles=["team_member"], name="李卫东"),
        person("p06", "office", roles=["unit_head"], name="杨帆"),
        person("p07", "office", roles=["staff"], name="赵丽"),
        person("p21", "ygs", roles=["unit_head"], name="郑强"),
        person("p22", "ygs", roles=["unit_team"], name="梁红"),
        person("p23", "ygs", roles=["staff"], name="谢军"),
        person("p36", "ygs_n", roles=["unit_head"], name="潘文"),
    ]
    return {"units": units, "people": people}


# only the rule under test: every preset quota, meetings and phases off
QUIET: dict[str, Any] = {"quotas": [], "phases": [], "meeting_max_minutes": 0}


org = org_fixture(small_org)
style = runner_fixture(CAMPAIGN, "style")
"""Run the style campaign on the small org: ``style(records={...}, settings={...})``."""
