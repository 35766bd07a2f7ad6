"""Shared fixtures: a small bureau — 局机关 (bureau, office), two 二级机构 (ygs with a
station under it, gls), and their publicity people."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from bureaukit_publicity.campaign import CAMPAIGN
from bureaukit_publicity.records import Adoption, ArticleKind, Case, CaseKind

from bureaukit.testing import Outcomes, org_fixture, person, run, unit


def small_org() -> dict[str, Any]:
    units = [
        unit("bureau", "示例局", kind="bureau"),
        unit("office", "局办公室", kind="office", parent="bureau"),
        unit("ygs", "区道路运输管理所", kind="institution", parent="bureau"),
        unit("ygs_n", "城北运管站", kind="station", parent="ygs"),
        unit("gls", "区公路管理段", kind="institution", parent="bureau"),
    ]
    people = [
        person("lead", "bureau", roles=["team_member", "publicity_lead"], name="李卫东"),
        person("p1", "office", roles=["publicity_officer"], name="杨帆"),
        person("p2", "office", roles=["publicity_officer", "commenter"], name="赵丽"),
        person("p3", "office", roles=["publicity_reviewer"], name="黄磊"),
        person("y1", "ygs", roles=["publicity_officer"], name="谢军"),
        person("y2", "ygs", roles=["publicity_officer"], name="宋佳"),
        person("y3", "ygs", roles=["publicity_reviewer", "commenter"], name="唐亮"),
        person("g1", "gls", roles=["publicity_officer", "publicity_reviewer"], name="邓婷"),
        person("g2", "gls", roles=["commenter"], name="曹勇"),
        person("s1", "ygs_n", roles=["staff"], name="蒋涛"),
    ]
    return {"units": units, "people": people}


def make_adoption(
    item: str,
    outlet: str,
    authors: str | tuple[str, ...],
    on: str = "2014-03-10",
    *,
    kind: str | None = None,
    unit: str = "office",
    chars: int | None = None,
    good_news: bool = False,
    leader_instruction: bool = False,
) -> Adoption:
    """One adoption row; ``kind`` defaults from the outlet code (news outlets below)."""
    news_outlets = {
        "district_media", "city_daily", "city_media", "province_daily",
        "china_transport_news", "province_media", "national_media",
    }
    k = kind or ("news" if outlet in news_outlets else "info")
    return Adoption(
        item=item,
        kind=ArticleKind[k],
        authors=(authors,) if isinstance(authors, str) else tuple(authors),
        unit=unit,
        outlet=outlet,
        date=date.fromisoformat(on),
        chars=chars,
        good_news=good_news,
        leader_instruction=leader_instruction,
    )


def make_case(
    id: str,
    received: str,
    replied: str | None = None,
    *,
    kind: str = "complaint",
    unit: str = "ygs",
    approved_by: str | None = "lead",
) -> Case:
    return Case(
        id=id,
        unit=unit,
        kind=CaseKind[kind],
        received=date.fromisoformat(received),
        replied=date.fromisoformat(replied) if replied else None,
        approved_by=approved_by,
    )


@pytest.fixture(name="adoption")
def adoption_factory() -> Callable[..., Adoption]:
    """``adoption(item, outlet, authors, on, kind=, unit=, chars=, good_news=, leader_instruction=)``."""
    return make_adoption


@pytest.fixture(name="case")
def case_factory() -> Callable[..., Case]:
    """``case(id, received, replied, kind=, unit=, approved_by=)``."""
    return make_case


org = org_fixture(small_org)


@pytest.fixture
def publicity(org: dict[str, Any]) -> Callable[..., Outcomes]:
    """Run the campaign on the small org: ``publicity(adoptions=[...], cases=[...], settings=...)``."""

    def go(
        adoptions: list[Adoption] | None = None,
        cases: list[Case] | None = None,
        **kwargs: Any,
    ) -> Outcomes:
        args: dict[str, Any] = {**org, "period": "2014", **kwargs}
        args["records"] = {"adoptions": adoptions or [], "cases": cases or []}
        return run(CAMPAIGN, **args)

    return go
