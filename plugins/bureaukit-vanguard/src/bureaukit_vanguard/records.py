"""The vanguard ledgers (台账) a party office keeps, with the Chinese headers its clerks write.

- ``steps`` 环节台账 — seed 002 篇2 一.3 "比较好地完成了各个环节的工作".
- ``surveys`` 群众满意度测评 — 二 "先进性教育活动要真正成为群众满意工程".
- ``approvals`` 转段审批 — 三.1 "经督导组把关同意后, 才能转入下一阶段".
- ``makeups`` 补课台账 — 一.5 "对走过场的单位及时指导‘补课’", with the 回头看 date.
- ``talks`` 谈心谈话记录 — 一.3 "在谈心环节……分别谈心".
- ``measures`` 整改措施台账 — 三.2/三.3 整改方案, 责任人, 完成时间, 公示, 制度化.

Every dated kind keeps rows dated before the period (``before_period=True``): the
campaign counts rows from its window's start, as style does.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col
from bureaukit.plugin import Step as Step  # 环节台账: the record kind every staged campaign shares


@attrs.frozen
class Survey:
    """群众满意度测评: one 测评 of a unit before it leaves a phase (its three counts)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "群众满意度测评", "en": "Satisfaction surveys"},
        key=("unit", "phase"),
        dated="date",
        before_period=True,
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    phase: str = attrs.field(metadata=col("阶段"))
    date: date = attrs.field(metadata=col("测评日期", aliases=("日期",)))
    satisfied: int = attrs.field(default=0, metadata=col("满意"))
    basic: int = attrs.field(default=0, metadata=col("基本满意"))
    unsatisfied: int = attrs.field(default=0, metadata=col("不满意"))

    @property
    def total(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied


@attrs.frozen
class Approval:
    """转段审批: the 督导组 agrees that a unit leaves a phase (the last phase: its 验收)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "转段审批", "en": "Phase approvals"},
        key=("unit", "phase"),
        dated="date",
        before_period=True,
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    phase: str = attrs.field(metadata=col("阶段"))
    date: date = attrs.field(metadata=col("同意日期", aliases=("审批日期",)))
    approver: str | None = attrs.field(default=None, metadata=col("审批人", aliases=("审批单位",)))


@attrs.frozen
class Makeup:
    """补课台账: a unit's 补课 for a phase, done, and the 回头看 that found it sufficient."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "补课台账", "en": "Make-up work"},
        key=("unit", "phase"),
        completed=("done", "reviewed"),
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    phase: str = attrs.field(metadata=col("阶段"))
    reason: str | None = attrs.field(default=None, metadata=col("补课原因"))
    done: date | None = attrs.field(default=None, metadata=col("补课完成日期", aliases=("完成日期",)))
    reviewed: date | None = attrs.field(default=None, metadata=col("回头看日期"))


@attrs.frozen
class Talk:
    """谈心谈话记录: one 谈心 in a unit."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "谈心谈话记录", "en": "Heart-to-heart talks"}, dated="date", before_period=True
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    date: date = attrs.field(metadata=col("谈心日期", aliases=("日期",)))
    person: str | None = attrs.field(default=None, metadata=col("谈心人", ref="person"))
    partner: str | None = attrs.field(default=None, metadata=col("谈心对象"))


@attrs.frozen
class Measure:
    """整改措施台账: one measure of a unit's 整改方案, with its 责任人 and 完成时限."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "整改措施台账", "en": "Rectification measures"},
        key=("id",),
        completed=("published", "done"),
    )
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    problem: str = attrs.field(metadata=col("存在问题"))
    measure: str = attrs.field(metadata=col("整改措施"))
    person: str = attrs.field(metadata=col("责任人", ref="person"))
    deadline: date = attrs.field(metadata=col("完成时限"))
    published: date | None = attrs.field(default=None, metadata=col("公示日期"))
    done: date | None = attrs.field(default=None, metadata=col("完成日期"))
    institution: str | None = attrs.field(default=None, metadata=col("建立制度"))
