"""Shared fixtures: the page's worked example as records (unit X = ``ygs``) and a small bureau — the 局机关 (root), its office and two 二级机构 with a station."""

from __future__ import annotations

import types
from datetime import date
from typing import Any

import pytest
from bureaukit_vanguard.campaign import CAMPAIGN
from bureaukit_vanguard.records import Approval, Makeup, Measure, Step, Survey, Talk
from bureaukit_vanguard.settings import DEFAULT_PHASES

from bureaukit.testing import org_fixture, person, runner_fixture, unit


def small_org() -> dict[str, Any]:
    units = [
        unit("bureau", "示例局", kind="bureau"),
        unit("office", "局办公室", kind="office", parent="bureau"),
        unit("ygs", "区道路运输管理所", kind="institution", parent="bureau"),
        unit("ygs_n", "城北运管站", kind="station", parent="ygs"),
    ]
    people = [
        person("p01", "bureau", roles=["main_leader"], name="王建国"),
        person("p06", "office", roles=["unit_head"], name="杨帆"),
        person("p21", "ygs", roles=["unit_head"], name="郑强"),
        person("p22", "ygs", roles=["unit_team"], name="梁红"),
        person("p36", "ygs_n", roles=["unit_head"], name="潘文"),
    ]
    return {"units": units, "people": people}


org = org_fixture(small_org)
vanguard = runner_fixture(CAMPAIGN, "vanguard", period="2005-H1")
"""Run the campaign on the small org for the first batch's half-year: ``vanguard(records=..., settings=...)``."""


# --- the worked example (docs/campaigns/vanguard.md) ------------------------------------

LEARN, ANALYZE, RECTIFY = (ph.steps for ph in DEFAULT_PHASES)


def d(md: str) -> date:
    return date.fromisoformat(f"2005-{md}")


def learn_steps(unit: str = "ygs") -> list[Step]:
    return [Step(unit, "学习动员", s, d(day)) for s, day in zip(LEARN, ("01-10", "01-20", "02-20"), strict=True)]


def analyze_steps(unit: str = "ygs") -> list[Step]:
    days = ("03-05", "03-18", "03-25", "04-05", "04-10", "04-14", "04-22", "04-25")
    return [Step(unit, "analyze", s, d(day)) for s, day in zip(ANALYZE, days, strict=True)]


def rectify_steps(unit: str = "ygs") -> list[Step]:
    # 建立长效机制 is never done
    days = ("05-10", "06-10", "06-12")
    return [Step(unit, "整改提高", s, d(day)) for s, day in zip(RECTIFY[:3], days, strict=True)]


def records(unit: str = "ygs") -> dict[str, list[object]]:
    return {
        "steps": learn_steps(unit) + analyze_steps(unit) + rectify_steps(unit),
        "talks": [Talk(unit, d("03-10"), "p21", "梁红"), Talk(unit, d("03-15"), "p22", "科员")],
        "surveys": [Survey(unit, "analyze", d("04-27"), 17, 6, 7), Survey(unit, "rectify", d("06-25"), 10, 8, 2)],
        "approvals": [Approval(unit, "learn", d("02-26"), "督导组"), Approval(unit, "analyze", d("04-29"), "督导组"),
                      Approval(unit, "rectify", d("06-28"), "督导组")],
        "makeups": [Makeup(unit, "analyze", "群众满意度未达80%", done=d("05-20"))],
        "measures": [
            Measure("ZG-01", unit, "服务窗口办事拖沓", "推行限时办结", "p21", d("06-20"), published=d("05-15"),
                    done=d("06-15")),
            Measure("ZG-02", unit, "联系群众不够", "领导班子成员每月接访", "p22", d("06-25"), published=d("05-15"),
                    done=d("06-25")),
        ],
    }


@pytest.fixture
def example() -> types.SimpleNamespace:
    """The worked example's builders: ``example.records(unit)``, ``example.d("04-27")`` …"""
    return types.SimpleNamespace(records=records, d=d, learn_steps=learn_steps, analyze_steps=analyze_steps,
                                 rectify_steps=rectify_steps, LEARN=LEARN, ANALYZE=ANALYZE, RECTIFY=RECTIFY)
