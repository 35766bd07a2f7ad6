"""Record kinds 台账 of the investment campaign.

Seed 000 第一篇 四(二) "健全招商项目台账。局招商办对引进固定资产投资1000万元以上项目实行台账管理,
及时掌握项目进展情况": ``projects`` and ``progress``. 五(一) "实行招商引资风险金制度 … 风险金于5月20日
之前上缴局机关财务科": ``deposits``. 四(三) "单位主要负责人每季度带队外出招商一次,也可以确定专职招商
人员驻点招商 … 适时自行组织或与相关单位合作开展招商推介活动": ``trips`` and ``promotions``.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col


class Category(enum.Enum):
    """项目类别 (seed 三、项目确认 and 二(二) 折算)."""

    industrial = "工业"
    high_tech = "高新技术"
    agriculture = "农业产业化"
    tourism = "旅游开发"
    infrastructure = "基础设施"
    social = "社会事业"
    financing = "合法融资机构"
    municipal = "市政工程"
    real_estate = "房地产商业"
    commerce_service = "商贸和现代服务业"
    headquarters = "总部经济"
    tax_cooperation = "护协税"


class Certificate(enum.Enum):
    """认定证书 of a high-tech project: 有省级<含外省>以上认定证书 (a 外省 certificate is 省级)."""

    none = "无"
    provincial = "省级"
    national = "国家级"


class TripKind(enum.Enum):
    """方式: 带队外出招商 or 专职招商人员驻点招商."""

    trip = "外出招商"
    stationed = "驻点招商"


@attrs.frozen
class Project:
    """项目台账: one row per project. Signed before the period, it is kept for carry-over
    (二(一) "2012年度签约项目本年度固定资产投入达1000万元以上,视同新引资项目")."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "项目台账", "en": "Projects"},
        key=("id",),
        dated="signed",
        completed=("registered",),
        before_period=True,
    )
    id: str = attrs.field(metadata=col("项目编号", aliases=("编号",)))
    name: str = attrs.field(metadata=col("项目名称"))
    category: Category = attrs.field(metadata=col("项目类别", aliases=("类别",)))
    unit: str = attrs.field(metadata=col("引进单位", ref="unit", aliases=("单位",)))
    introducers: tuple[str, ...] = attrs.field(metadata=col("引进人", ref="person"))
    signed: date = attrs.field(metadata=col("签约日期"))
    contract_total_wan: Decimal = attrs.field(metadata=col("合同投资额", aliases=("合同投资额(万元)",)))
    planned_fixed_asset_wan: Decimal = attrs.field(
        metadata=col("计划固定资产投资", aliases=("计划固定资产投资(万元)",))
    )
    certificate: Certificate = attrs.field(default=Certificate.none, metadata=col("认定证书"))
    in_planning_zone: bool = attrs.field(default=False, metadata=col("城市规划区内"))
    registered_in_district: bool = attrs.field(default=False, metadata=col("本区注册"))
    registered: date | None = attrs.field(default=None, metadata=col("注册日期"))


@attrs.frozen
class Progress:
    """项目进度: cumulative figures of the period's year; a project's latest row counts."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "项目进度", "en": "Project progress"}, key=("project", "date"), dated="date"
    )
    project: str = attrs.field(metadata=col("项目编号", ref="projects", aliases=("项目",)))
    date: date = attrs.field(metadata=col("填报日期", aliases=("日期",)))
    fixed_asset_wan: Decimal = attrs.field(
        default=Decimal(0), metadata=col("本年完成固定资产投资", aliases=("固定资产投资",))
    )
    tax_paid_wan: Decimal = attrs.field(
        default=Decimal(0), metadata=col("本年实际纳税", aliases=("实际纳税",))
    )
    sme_loans_wan: Decimal = attrs.field(
        default=Decimal(0),
        metadata=col("对中小企业贷款", aliases=("对中小企业贷款(期限≥6个月)", "中小企业贷款")),
    )


@attrs.frozen
class Deposit:
    """风险金: one deposit per person. Rows paid before the period are kept: a deposit paid
    in December for the coming year is that year's (``deposits.run_deposits``)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "风险金", "en": "Risk deposits"}, key=("person",), dated="paid", before_period=True
    )
    person: str = attrs.field(metadata=col("缴纳人", ref="person", aliases=("人员编号", "人员")))
    amount_yuan: Decimal = attrs.field(metadata=col("金额", aliases=("风险金", "金额(元)")))
    paid: date = attrs.field(metadata=col("缴纳日期"))


@attrs.frozen
class Trip:
    """外出招商: a trip led by the unit head, or 驻点招商 by a person of the unit."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "外出招商", "en": "Investment trips"}, key=("id",), dated="date"
    )
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit", aliases=("招商单位",)))
    leader: str = attrs.field(metadata=col("带队人", ref="person", aliases=("驻点人员",)))
    date: date = attrs.field(metadata=col("日期", aliases=("出发日期",)))
    destination: str = attrs.field(metadata=col("目的地", aliases=("地点",)))
    kind: TripKind = attrs.field(default=TripKind.trip, metadata=col("方式"))


@attrs.frozen
class Promotion:
    """招商推介活动 (第四篇 (五) 上半年适时自行组织或与相关单位合作开展招商推介活动一次)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "招商推介活动", "en": "Promotion events"}, key=("id",), dated="date"
    )
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("举办单位", ref="unit", aliases=("单位",)))
    date: date = attrs.field(metadata=col("日期", aliases=("活动日期",)))
    title: str = attrs.field(metadata=col("活动名称"))


RECORDS: dict[str, type] = {
    "projects": Project,
    "progress": Progress,
    "deposits": Deposit,
    "trips": Trip,
    "promotions": Promotion,
}
