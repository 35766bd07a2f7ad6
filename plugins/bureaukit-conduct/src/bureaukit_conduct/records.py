"""The conduct ledgers (台账), with the Chinese headers clerks write.

- ``stage_scores`` 阶段得分 — seed 002 四(三)二: 明察暗访、第三方监督、服务对象测评和集中评议等,
  每一个阶段都要打分.
- ``surveys`` 服务对象测评 — seed 002 四(一)二: 把群众满不满意、高不高兴作为衡量履职尽责的根本标准.
- ``problems`` 整改清单 — seed 002 四(一)一: 每个问题的整改都要有领导领衔、部门负责、跟踪问效、
  销号管理; 四(三)二 "五个不放过".
- ``requests`` 限时办结 — seed 004 三: 首办负责制、公开承诺制、限时办结制.
- ``accountability`` 问责 — seed 002 四(三)三 and 二 (倒查追责).
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col


class Answer(enum.Enum):
    """A service user's answer (code or Chinese label in a cell)."""

    satisfied = "满意"
    basic = "基本满意"
    unsatisfied = "不满意"


@attrs.frozen
class StageScore:
    """A score one unit got in one stage (several rows per unit and stage are averaged)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "阶段得分", "en": "Stage scores"}, dated="date"
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit", aliases=("被评单位",)))
    stage: str = attrs.field(metadata=col("阶段", aliases=("评议阶段", "督查方式")))
    score: Decimal = attrs.field(metadata=col("得分", aliases=("分数",)))
    date: date = attrs.field(metadata=col("日期", aliases=("打分日期", "评分日期")))
    source: str | None = attrs.field(default=None, metadata=col("评分来源", aliases=("来源",)))


@attrs.frozen
class Survey:
    """One answer of a service user (服务对象测评)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "服务对象测评", "en": "Service-user surveys"}, dated="date"
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit", aliases=("被评单位",)))
    answer: Answer = attrs.field(metadata=col("测评结果", aliases=("评价", "满意度")))
    date: date = attrs.field(metadata=col("日期", aliases=("测评日期",)))
    respondent: str | None = attrs.field(
        default=None, metadata=col("服务对象", aliases=("测评人",))
    )


@attrs.frozen
class Problem:
    """A line of a unit's 整改清单, closed by 销号 once the 五个不放过 are met."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "整改清单", "en": "Rectification list"}, key=("id",), completed=("closed",)
    )
    id: str = attrs.field(metadata=col("编号", aliases=("问题编号",)))
    unit: str = attrs.field(metadata=col("单位", ref="unit", aliases=("整改单位",)))
    description: str = attrs.field(metadata=col("问题描述", aliases=("问题",)))
    leader: str = attrs.field(metadata=col("领衔领导", ref="person"))
    deadline: date = attrs.field(metadata=col("整改时限", aliases=("整改期限",)))
    area: str | None = attrs.field(default=None, metadata=col("整治领域", aliases=("领域",)))
    department: str | None = attrs.field(
        default=None, metadata=col("责任部门", ref="unit")
    )
    cause_found: bool = attrs.field(default=False, metadata=col("问题查清"))
    measures_done: bool = attrs.field(default=False, metadata=col("措施落实"))
    rectified: bool = attrs.field(default=False, metadata=col("整改到位"))
    accountability_done: bool = attrs.field(default=False, metadata=col("责任追究到位"))
    public_satisfied: bool = attrs.field(default=False, metadata=col("群众满意"))
    closed: date | None = attrs.field(default=None, metadata=col("销号日期"))


FIVE_FLAGS: tuple[tuple[str, str], ...] = (
    ("cause_found", "问题查清"),
    ("measures_done", "措施落实"),
    ("rectified", "整改到位"),
    ("accountability_done", "责任追究到位"),
    ("public_satisfied", "群众满意"),
)
"""五个不放过 (seed 002 四(三)二): 问题不查清不放过;措施不落实不放过;整改不到位不放过;
责任追究不到位不放过;群众不满意不放过."""


@attrs.frozen
class Request:
    """A request to be done within its time limit by the person who first received it.
    Rows received before the period are kept: one still open and not yet past its limit on
    the period's eve answers for its limit in this period (``time_limit.py``)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "限时办结台账", "en": "Time-limited requests"},
        key=("id",),
        dated="received",
        completed=("done",),
        before_period=True,
    )
    id: str = attrs.field(metadata=col("编号", aliases=("件号",)))
    unit: str = attrs.field(metadata=col("单位", ref="unit", aliases=("承办单位",)))
    handler: str = attrs.field(metadata=col("首办责任人", ref="person", aliases=("首办人",)))
    received: date = attrs.field(metadata=col("受理日期"))
    limit: date = attrs.field(metadata=col("办结时限", aliases=("承诺时限",)))
    done: date | None = attrs.field(default=None, metadata=col("办结日期"))


@attrs.frozen
class Accountability:
    """A 问责 record on one person (《湖北省行政问责办法》's 30 问责情形 and the like)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "问责台账", "en": "Accountability"}, key=("id",), dated="date"
    )
    id: str = attrs.field(metadata=col("编号", aliases=("问责编号",)))
    person: str = attrs.field(metadata=col("被问责人", ref="person", aliases=("责任人",)))
    date: date = attrs.field(metadata=col("问责日期", aliases=("日期",)))
    situation: str | None = attrs.field(default=None, metadata=col("问责情形"))
    action: str | None = attrs.field(default=None, metadata=col("处理结果", aliases=("问责方式",)))
    serious: bool = attrs.field(default=False, metadata=col("情节严重"))


RECORDS: dict[str, type] = {
    "stage_scores": StageScore,
    "surveys": Survey,
    "problems": Problem,
    "requests": Request,
    "accountability": Accountability,
}
