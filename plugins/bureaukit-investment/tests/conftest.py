"""Shared fixtures: a small bureau — 局机关 with an office (招商办), an institution with a
station below it, a second institution — and builders for ledger rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from bureaukit_investment.campaign import CAMPAIGN
from bureaukit_investment.records import Category, Deposit, Progress, Project, Trip, TripKind

from bureaukit.testing import org_fixture, person, runner_fixture, unit


def small_org() -> dict[str, Any]:
    units = [
        unit("bureau", "示例局", kind="bureau"),
        unit("invest", "招商办", kind="office", parent="bureau"),
        unit("ygs", "道路运输管理所", kind="institution", parent="bureau"),
        unit("ygs_n", "城北运管站", kind="station", parent="ygs"),
        unit("gls", "公路管理段", kind="institution", parent="bureau"),
    ]
    people = [
        person("ml", "bureau", roles=["main_leader"], name="王局长"),
        person("tm", "bureau", roles=["team_member"], name="李副局长"),
        person("tm2", "bureau", roles=["team_member"], name="张副局长"),
        person("h_inv", "invest", roles=["unit_head"], name="周主任"),
        person("s_inv", "invest", roles=["staff"], name="吴静"),
        person("h_ygs", "ygs", roles=["unit_head"], name="郑所长"),
        person("t_ygs", "ygs", roles=["unit_team"], name="梁副所长"),
        person("s_ygs", "ygs", roles=["staff"], name="谢军"),
        person("h_n", "ygs_n", roles=["unit_head"], name="潘站长"),
        person("s_n", "ygs_n", roles=["staff"], name="蒋涛"),
        person("h_gls", "gls", roles=["unit_head"], name="韩段长"),
        person("s_gls", "gls", roles=["staff"], name="曹勇"),
        person("t_gls", "gls", roles=["unit_team"], name="冯副段长"),
    ]
    return {"units": units, "people": people}


def D(x: str | int) -> Decimal:
    return Decimal(str(x))


def project(
    id: str,
    unit: str = "ygs",
    *,
    category: Category = Category.infrastructure,
    total: str | int = 3000,
    planned: str | int = 2000,
    introducers: tuple[str, ...] = ("s_ygs",),
    signed: str = "2014-03-01",
    **kw: Any,
) -> Project:
    return Project(
        id, f"项目{id}", category, unit, introducers, date.fromisoformat(signed), D(total), D(planned), **kw
    )


def progress(
    pid: str, day: str = "2014-11-30", fixed: str | int = 0, tax: str | int = 0, loans: str | int = 0
) -> Progress:
    return Progress(pid, date.fromisoformat(day), D(fixed), D(tax), D(loans))


def deposit(pid: str, amount: str | int = 3000, paid: str = "2014-05-10") -> Deposit:
    return Deposit(pid, D(amount), date.fromisoformat(paid))


def trip(id: str, unit: str, leader: str, day: str, kind: TripKind = TripKind.trip) -> Trip:
    return Trip(id, unit, leader, date.fromisoformat(day), "上海", kind)


org = org_fixture(small_org)
inv = runner_fixture(CAMPAIGN, "inv")
"""Run the investment campaign on the small org: ``inv(records={...}, settings=..., as_of=...)``."""


class Rows:
    """Row builders handed to tests as the ``rows`` fixture (test modules cannot import
    conftest under ``--import-mode=importlib``)."""

    project = staticmethod(project)
    progress = staticmethod(progress)
    deposit = staticmethod(deposit)
    trip = staticmethod(trip)
    D = staticmethod(D)


@pytest.fixture
def rows() -> type[Rows]:
    return Rows
