"""Shared fixtures: a small bureau with one institution, two stations and three offices."""

from __future__ import annotations

from typing import Any

from bureaukit_conduct.campaign import CAMPAIGN

from bureaukit.testing import org_fixture, person, runner_fixture, unit


def small_org() -> dict[str, Any]:
    units = [
        unit("bureau", "示例局", kind="bureau"),
        unit("office", "局办公室", kind="office", parent="bureau"),
        unit("fin", "计划财务科", kind="finance", parent="bureau"),
        unit("pers", "人事教育科", kind="personnel", parent="bureau"),
        unit("inst", "道路运输管理所", kind="institution", parent="bureau"),
        unit("st", "城北运管站", kind="station", parent="inst"),
        unit("st2", "城南运管站", kind="station", parent="inst"),
    ]
    people = [
        person("ml", "bureau", roles=["main_leader"], oversees=["office"], name="王局长"),
        person("tm", "bureau", roles=["team_member"], oversees=["inst", "fin"], name="李副局长"),
        person("ds", "bureau", roles=["discipline_secretary", "team_member"], oversees=["pers"],
               name="陈书记"),
        person("h_off", "office", roles=["unit_head"], name="杨主任"),
        person("s_off", "office", roles=["staff"], name="赵丽"),
        person("h_inst", "inst", roles=["unit_head"], name="郑所长"),
        person("s_inst", "inst", roles=["staff"], name="谢军"),
        person("h_st", "st", roles=["unit_head"], name="潘站长"),
        person("s_st", "st", roles=["staff"], name="蒋涛"),
        person("h_st2", "st2", roles=["unit_head"], name="蔡站长"),
        person("s_st2", "st2", roles=["staff"], name="余晖"),
    ]
    return {"units": units, "people": people}


org = org_fixture(small_org)
conduct = runner_fixture(CAMPAIGN, "conduct")
"""Run the conduct campaign on the small org: ``conduct(records={...}, as_of=...)``."""
