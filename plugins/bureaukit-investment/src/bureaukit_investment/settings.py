"""Settings of ``[campaigns.investment]``: the defaults reproduce seed 000 第一篇.

一、目标任务 "2014年全局招商引资任务数为1.8亿元,其中固定资产投资任务数为7000万元,工业项目任务数为
5000万元,5000万元项目两个。… 对局机关、局属二级机构实行差别化任务分解(附任务分解表)。"
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from bureaukit.plugin import Per
from bureaukit_investment.records import Category

Metric = Literal["total_wan", "fixed_asset_wan", "industrial_wan", "big_projects"]
METRICS: tuple[Metric, ...] = ("total_wan", "fixed_asset_wan", "industrial_wan", "big_projects")
"""The four task keys, in the order reports list them."""

METRIC_LABELS: dict[str, tuple[str, str]] = {
    "total_wan": ("招商引资总额", "total investment"),
    "fixed_asset_wan": ("固定资产投资", "fixed-asset investment"),
    "industrial_wan": ("工业项目投资", "industrial investment"),
    "big_projects": ("5000万元项目个数", "big projects"),
}



def _default_targets() -> dict[str, Decimal]:
    return {
        "total_wan": Decimal(18000),
        "fixed_asset_wan": Decimal(7000),
        "industrial_wan": Decimal(5000),
        "big_projects": Decimal(2),
    }


@attrs.frozen
class Conversion:
    """二(二) 折算: 市政工程和房地产商业 按实际缴税额1:6折算; 今年注册的合法融资机构 以对中小企业贷款
    (期限6个月以上)折半计算; 总部经济和护协税 以实际纳税额按1:8折算."""

    real_estate_tax: Decimal = Decimal(6)
    financing_loan: Decimal = Decimal("0.5")
    hq_tax: Decimal = Decimal(8)


PERSONAL_ROLES: tuple[str, ...] = ("team_member", "unit_head@institution")
"""一 "局班子成员及二级机构主要负责人每人负责引进一个2000万元以上的项目": a 科室 or 站所 head is not one."""

JIGUAN_KINDS = "bureau,office,finance,personnel,projects"
"""The demo's conventional kinds of the 局机关's units (CORE §2); a bureau using others lists its own."""

VOLUNTARY_ROLES: tuple[str, ...] = (
    f"staff@{JIGUAN_KINDS}",
    "unit_head@office,finance,personnel,projects",
    "unit_team@institution",
)


@attrs.frozen
class DepositRules:
    """五(一) 风险金: 局班子成员及二级机构主要负责人每人缴纳风险金3000元; 局机关工作人员和二级机构
    其他班子成员按照自愿原则缴纳风险金2000元。风险金于5月20日之前上缴."""

    mandatory_roles: tuple[str, ...] = PERSONAL_ROLES
    """局班子成员及二级机构主要负责人 (role selectors, CORE §2)."""
    mandatory_yuan: Decimal = Decimal(3000)
    voluntary_roles: tuple[str, ...] = VOLUNTARY_ROLES
    """局机关工作人员 (staff and office heads of the 局机关's kinds) 和二级机构其他班子成员."""
    voluntary_yuan: Decimal = Decimal(2000)
    due: str = "05-20"
    """Month-day in the period's year."""


@attrs.frozen
class Checkpoint:
    """四(三) 凡7月31日前固定资产投资任务完成未达到50%的单位,其主要领导要离岗招商,直至完成任务."""

    date: str = "07-31"
    metric: Metric = "fixed_asset_wan"
    min_ratio: Decimal = Decimal("0.5")


@attrs.frozen
class H1Push:
    """第四篇 二季度攻坚: off while every key is empty; any key turns it on and the
    others take the seed's values (6月底, 5000万元以上项目1个, 推介活动一次)."""

    by: str | None = None
    big_signing_min_wan: Decimal | None = None
    big_signings: int | None = None
    promotions: int | None = None

    @property
    def on(self) -> bool:
        return any(v is not None for v in attrs.astuple(self))

    @property
    def by_day(self) -> str:
        return self.by if self.by is not None else "06-30"

    @property
    def min_wan(self) -> Decimal:
        return self.big_signing_min_wan if self.big_signing_min_wan is not None else Decimal(5000)

    @property
    def signings(self) -> int:
        return self.big_signings if self.big_signings is not None else 1

    @property
    def events(self) -> int:
        return self.promotions if self.promotions is not None else 1


@attrs.frozen
class InvestmentSettings:
    """The campaign's settings (docs/campaigns/investment.md explains each key)."""

    targets: dict[str, Decimal] = attrs.field(factory=_default_targets)
    """区下达任务: metric → the bureau's target."""
    allocation: dict[str, dict[str, Decimal]] = attrs.field(factory=dict)
    """任务分解表: unit id → metric → target."""
    big_project_min_wan: Decimal = Decimal(5000)
    industrial_categories: tuple[Category, ...] = (Category.industrial, Category.high_tech)
    qualify_min_wan: Decimal = Decimal(1000)
    hq_min_tax_wan: Decimal = Decimal(50)
    conversion: Conversion = attrs.field(factory=Conversion)
    carryover_signed_years: tuple[int, ...] = ()
    carryover_min_wan: Decimal = Decimal(1000)
    personal_roles: tuple[str, ...] = PERSONAL_ROLES
    """Role selectors (CORE §2) of who carries a personal task: 局班子成员及二级机构主要负责人."""
    personal_min_total_wan: Decimal = Decimal(2000)
    personal_min_fixed_asset_wan: Decimal = Decimal(1000)
    max_introducers: int = 2
    co_introduce_min_fixed_asset_wan: Decimal = Decimal(2000)
    deposit: DepositRules = attrs.field(factory=DepositRules)
    settlement_metric: Metric = "total_wan"
    district_verified: dict[str, Decimal] = attrs.field(factory=dict)
    """以区考核组验收认定为准: metric → the bureau's figure as the district verified it."""
    checkpoint: Checkpoint = attrs.field(factory=Checkpoint)
    trip_every: Per = "quarter"
    h1_push: H1Push = attrs.field(factory=H1Push)
