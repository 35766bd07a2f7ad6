"""Record kinds (台账) of the style campaign.

Seed 000 第五篇 六、三 "局活动领导小组将定期与不定期的对各单位活动开展情况进行专项检查";
seed 001 三(二) 查摆问题 "个人自查、定期检查、随机抽查、事后检查、公众督查".
Every kind keeps rows dated before the period (``before_period=True``): the campaign
counts records from its own window's start (the window may begin before the period,
e.g. the 2013-05..2014-04 作风建设年 scored in the 2014 period).
"""

from __future__ import annotations

import enum
from datetime import date
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col
from bureaukit.plugin import Step as Step  # 环节台账: the record kind every staged campaign shares


class Source(enum.Enum):
    """How a problem came to light (seed 001 三(二) 五种途径)."""

    self = "个人自查"
    inspection = "定期检查"
    random = "随机抽查"
    post = "事后检查"
    public = "公众督查"


class ActivityKind(enum.Enum):
    """What an activity row records (seed 000 第五篇 四、seed 001 三)."""

    research = "专题调研"
    research_report = "调研报告"
    training = "能力提升培训班"
    reception = "到市接待中心接访"
    duty = "接访值班"
    site_visit = "现场"
    article = "研讨文章"
    self_check = "个人自查"
    inspection = "定期检查"


PERSON_REQUIRED: frozenset[ActivityKind] = frozenset(ActivityKind) - {
    ActivityKind.research,
    ActivityKind.training,
    ActivityKind.inspection,
}
"""Kinds whose ``person`` must be filled (research, training, inspection may be a unit's)."""


class MeetingKind(enum.Enum):
    biweekly = "工作例会"
    other = "其他"


def _kept(zh: str, en: str, dated: str, completed: tuple[str, ...] = ()) -> Ledger:
    """A style record kind: keyed by ``id``, dated by *dated*, and its rows dated before
    the period kept, for the campaign counts from its window's start (see above)."""
    return Ledger(
        title={"zh": zh, "en": en}, key=("id",), dated=dated, completed=completed, before_period=True
    )


@attrs.frozen
class Problem:
    """问题/违规: one 庸懒散软 problem or 八不准 breach found by one of the five routes."""

    __ledger__: ClassVar[Ledger] = _kept("问题/违规台账", "Problems", "date")
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    date: date = attrs.field(metadata=col("日期", aliases=("发现日期",)))
    code: str = attrs.field(metadata=col("问题类型", aliases=("问题",)))
    source: Source = attrs.field(metadata=col("来源", aliases=("发现途径",)))
    person: str | None = attrs.field(default=None, metadata=col("人员", ref="person", aliases=("当事人",)))
    verified: bool | None = attrs.field(default=None, metadata=col("查实"))
    note: str | None = attrs.field(default=None, metadata=col("备注"))


@attrs.frozen
class Activity:
    """调研、培训、接访、值班、到现场、研讨文章、个人自查、定期检查: one row each."""

    __ledger__: ClassVar[Ledger] = _kept("活动台账", "Activities", "date")
    id: str = attrs.field(metadata=col("编号"))
    kind: ActivityKind = attrs.field(metadata=col("类型", aliases=("活动类型",)))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    date: date = attrs.field(metadata=col("日期"))
    person: str | None = attrs.field(default=None, metadata=col("人员", ref="person"))
    project: str | None = attrs.field(default=None, metadata=col("项目", aliases=("重点项目",)))
    minutes: int | None = attrs.field(default=None, metadata=col("时长(分钟)", aliases=("时长",)))
    note: str | None = attrs.field(default=None, metadata=col("备注"))


@attrs.frozen
class Meeting:
    """会议: 局两周一次的工作例会 and other meetings."""

    __ledger__: ClassVar[Ledger] = _kept("会议台账", "Meetings", "date")
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    date: date = attrs.field(metadata=col("日期"))
    kind: MeetingKind = attrs.field(metadata=col("会议类型", aliases=("类型",)))
    minutes: int | None = attrs.field(default=None, metadata=col("时长(分钟)", aliases=("时长",)))


@attrs.frozen
class Complaint:
    """投诉: received, handled (办结) with a result (有诉必理、有理必果)."""

    __ledger__: ClassVar[Ledger] = _kept("投诉台账", "Complaints", "received", completed=("handled",))
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    received: date = attrs.field(metadata=col("受理日期"))
    handled: date | None = attrs.field(default=None, metadata=col("办结日期"))
    result: str | None = attrs.field(default=None, metadata=col("处理结果"))
    verified_against: str | None = attrs.field(
        default=None, metadata=col("查实对象", ref="person", aliases=("查实人员",))
    )
