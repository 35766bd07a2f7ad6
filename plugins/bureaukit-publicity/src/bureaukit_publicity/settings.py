"""Settings of the publicity campaign 宣传信息工作 (seed 000, 第三篇).

The defaults reproduce the seed: the 稿酬 table of 六(三), the award rules of 六(二),
the staffing of 三. ``quotas`` (六(一) 任务分解, "见附表") has no default: the 附表 is
not reproduced in the seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Literal

import attrs

OutletKindCode = Literal["news", "info"]
Level = Literal["district", "city", "province", "national"]
OUTLET_KEYS: tuple[str, ...] = ("kind", "level", "fee_yuan", "zh", "counts")


@attrs.frozen
class Outlet:
    """One 采用单位 with its kind, level, 稿酬 per adoption and whether it counts for
    the 先进个人 award (市级刊物 / 市局、区委区政府以上单位)."""

    code: str
    kind: OutletKindCode
    level: Level
    fee_yuan: Decimal
    zh: str
    counts: bool


@attrs.frozen
class OutletOverride:
    """An ``outlets.<code>`` table in the config: every key optional, so a default
    outlet can be changed key by key; a new code must give all five."""

    kind: OutletKindCode | None = None
    level: Level | None = None
    fee_yuan: Decimal | None = None
    zh: str | None = None
    counts: bool | None = None


def _o(code: str, kind: OutletKindCode, level: Level, fee: int, zh: str, counts: bool) -> Outlet:
    return Outlet(code, kind, level, Decimal(fee), zh, counts)


DEFAULT_OUTLETS: Mapping[str, Outlet] = {
    o.code: o
    for o in (
        # 六(三): 被本局交通政务网、区直相关单位网站采用的每条计发稿酬40元
        _o("bureau_site", "info", "district", 40, "本局交通政务网", False),
        _o("district_unit_site", "info", "district", 40, "区直相关单位网站", False),
        # 被市交通政务网及区委区政府采用的每条计发稿酬60元,其他市级网站采用的每条计发稿酬40元
        _o("district_gov", "info", "district", 60, "区委区政府", True),
        _o("city_transport_site", "info", "city", 60, "市交通政务网", True),
        _o("city_site", "info", "city", 40, "其他市级网站", True),
        # 被省交通运输厅、市委市政府采用的每条计发稿酬100元,被其他省级网站(交通运输系统)采用的每条计发稿酬50元
        _o("city_gov", "info", "city", 100, "市委市政府", True),
        _o("province_transport", "info", "province", 100, "省交通运输厅", True),
        _o("province_site", "info", "province", 50, "其他省级网站(交通运输系统)", True),
        # 被交通运输部、省委省政府采用的每条计发稿酬300元
        _o("province_gov", "info", "province", 300, "省委省政府", True),
        _o("ministry", "info", "national", 300, "交通运输部", True),
        # 新闻稿件被《宣城日报.专刊》等区级媒体采用的每篇计发稿酬30元;被《宣城日报》采用的每篇
        # 计发稿酬100元,其他市级刊物每篇计发稿酬30元
        _o("district_media", "news", "district", 30, "区级媒体(日报专刊等)", False),
        _o("city_daily", "news", "city", 100, "市日报", True),
        _o("city_media", "news", "city", 30, "其他市级刊物", True),
        # 被《日报》、《中国交通报》采用的每篇计发稿酬300元,其他省级刊物每篇计发稿酬100元
        _o("province_daily", "news", "province", 300, "省日报", True),
        _o("china_transport_news", "news", "national", 300, "中国交通报", True),
        _o("province_media", "news", "province", 100, "其他省级刊物", True),
        # 被《人民日报》等部级刊物采用的每篇计发稿酬800元
        _o("national_media", "news", "national", 800, "人民日报等部级刊物", True),
    )
}


@attrs.frozen
class Quota:
    """六(一) 任务分解 for one unit: adoptions per period (0 = no quota for that kind)."""

    news: int = 0
    info: int = 0


@attrs.frozen
class Award:
    """六(二) 评比办法: 新闻宣传工作先进个人、政务信息工作先进个人各三名 … 分别给予500元的奖励;
    条件: 完成8篇以上市级刊物刊登的新闻稿件或20篇市局、区委区政府以上单位采用的政务信息."""

    news_count: int = 3
    info_count: int = 3
    news_min: int = 8
    info_min: int = 20
    amount_yuan: Decimal = Decimal(500)


def _default_staffing() -> dict[str, int]:
    return {"publicity_officer": 2, "publicity_reviewer": 1, "commenter": 1}


DEFAULT_STAFFING: Mapping[str, int] = _default_staffing()


@attrs.frozen
class PublicitySettings:
    """``[campaigns.publicity]``; see docs/campaigns/publicity.md."""

    quotas: dict[str, Quota] = attrs.field(factory=dict)
    """unit id → {news, info}: 任务分解 (附表)."""
    outlets: dict[str, OutletOverride] = attrs.field(factory=dict)
    """code → partial override of the default outlet table (a new code gives all keys)."""
    fee_units: tuple[str, ...] | None = None
    """Unit ids or unit kinds whose people are paid 稿酬 (None: every unit)."""
    long_chars: int = 1500
    long_multiplier: Decimal = Decimal(2)
    award: Award = attrs.field(factory=Award)
    good_news_yuan: Decimal = Decimal(500)
    staffing: dict[str, int] = attrs.field(factory=_default_staffing)
    """role → minimum people per quota unit; keys given replace only those defaults."""
    reply_days: int = 7


def merge_outlets(
    overrides: Mapping[str, OutletOverride],
) -> tuple[dict[str, Outlet], list[tuple[str, str]]]:
    """The outlet table: the default table with the config's overrides applied key by
    key. Returns the table and the problems as (path, message) — a new code missing
    some of the five keys is left out of the table."""
    table = dict(DEFAULT_OUTLETS)
    problems: list[tuple[str, str]] = []
    for code in sorted(overrides):
        o = overrides[code]
        given = {k: getattr(o, k) for k in OUTLET_KEYS if getattr(o, k) is not None}
        base = table.get(code)
        if base is None:
            missing = [k for k in OUTLET_KEYS if k not in given]
            if missing:
                problems.append(
                    (
                        f"outlets.{code}",
                        f'"{code}" is not a default outlet, so it needs all of '
                        f"{', '.join(OUTLET_KEYS)}; missing {', '.join(missing)}",
                    )
                )
                continue
            table[code] = Outlet(code=code, **given)
        else:
            table[code] = attrs.evolve(base, **given)
    return table, problems


def settings_outlets(settings: PublicitySettings) -> dict[str, Outlet]:
    """The outlet table in force (incomplete new codes left out: ``check`` reports them)."""
    return merge_outlets(settings.outlets)[0]


def staffing_of(settings: PublicitySettings) -> dict[str, int]:
    """The staffing minimums: the defaults with the config's keys replacing theirs."""
    merged = dict(DEFAULT_STAFFING)
    merged.update(settings.staffing)
    return merged
