"""A tiny campaign used by the core tests: it exercises the whole path without a plugin."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

import bureaukit.plugin as bk
from bureaukit.plugin import (
    CheckContext,
    ConfigError,
    Context,
    Finding,
    Ledger,
    LedgerError,
    Payment,
    Phase,
    Score,
    Who,
    col,
    split,
)


class Kind(enum.Enum):
    visit = "走访"
    report = "报告"


@attrs.frozen
class Deed:
    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "工作台账", "en": "Deeds"}, key=("id",), dated="date", completed=("done",)
    )
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    date: date = attrs.field(metadata=col("日期"))
    kind: Kind = attrs.field(metadata=col("类型"))
    amount_yuan: Decimal = attrs.field(default=Decimal(0), metadata=col("金额"))
    people: tuple[str, ...] = attrs.field(default=(), metadata=col("人员", ref="person"))
    done: date | None = attrs.field(default=None, metadata=col("完成日期"))
    urgent: bool = attrs.field(default=False, metadata=col("紧急"))


@attrs.frozen
class Step:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "环节", "en": "Steps"}, dated="done")
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    phase: str = attrs.field(metadata=col("阶段"))
    step: str = attrs.field(metadata=col("环节"))
    done: date = attrs.field(metadata=col("完成日期"))


@attrs.frozen
class TinySettings:
    target: int = 2
    """Deeds each unit should do in the period."""
    monthly: int = 0
    fee_yuan: Decimal = Decimal(100)


def score(ctx: Context) -> Iterable[bk.Score | Payment | Finding]:
    s: TinySettings = ctx.settings
    by_unit: dict[str, list[Deed]] = {}
    for d in ctx.records["deeds"]:
        by_unit.setdefault(d.unit, []).append(d)
    for u in sorted(ctx.org.units):
        if u == ctx.org.root.id:
            continue
        deeds = by_unit.get(u, [])
        yield Score(f"unit:{u}", "deeds", len(deeds), target=s.target,
                    evidence=[ctx.evidence(d, f"{d.kind.name}") for d in deeds])
        pts = Decimal(100) * min(Decimal(1), Decimal(len(deeds)) / s.target)
        yield Score(f"unit:{u}", "points", pts)
    for d in ctx.records["deeds"]:
        if d.people and ctx.final:
            for pid, share in zip(d.people, split(s.fee_yuan, len(d.people)), strict=True):
                yield Payment(f"person:{pid}", "fee", share, ctx.period.id, [ctx.evidence(d)])
        if d.urgent and d.done is None:
            yield Finding(f"unit:{d.unit}", "tiny.open", "warning",
                          {"zh": f"{d.id}未完成", "en": f"{d.id} not done"}, evidence=[ctx.evidence(d)])
    if s.monthly:
        for sf in ctx.quota(Who.unit_kinds("station"), ctx.records["deeds"], min=s.monthly, per="month"):
            yield Finding(sf.subject, "tiny.quota", "info",
                          {"zh": f"{sf.bucket.label} {sf.have}/{sf.need}", "en": f"{sf.bucket.label} {sf.have}/{sf.need}"},
                          due=sf.bucket.end)


def check(ctx: CheckContext) -> Iterable[ConfigError | LedgerError]:
    if ctx.settings.target <= 0:
        yield ConfigError("target", f"must be > 0, got {ctx.settings.target}")
    for d in ctx.records["deeds"]:
        if d.amount_yuan > 10000:
            yield LedgerError(d, "金额", f"more than 10000, got {d.amount_yuan}")


def phases(ctx: Context) -> list[Phase]:
    y = ctx.period.start.year
    return [Phase("prep", "准备", date(y, 1, 1), date(y, 3, 31), ("方案", "动员"))]


CAMPAIGN = bk.Campaign(
    name="tiny",
    title={"zh": "小活动", "en": "Tiny"},
    settings=TinySettings,
    records={"deeds": Deed, "steps": Step},
    score=score,
    check=check,
    phases=phases,
    metrics={"deeds": bk.Metric("事项", "Deeds", "amount", "件")},
    findings={
        "tiny.open": bk.FindingKind("事项未完成", "Deed not done"),
        "tiny.quota": bk.FindingKind("次数不足", "Quota not met"),
    },
)


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign]:
    return [CAMPAIGN]
