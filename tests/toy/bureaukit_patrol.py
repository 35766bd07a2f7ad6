"""巡查 Patrols (toy, from docs/writing-a-plugin.md): ≥ per_month a month; points = months met share × 100."""
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

import bureaukit.plugin as bk


@attrs.frozen
class Patrol:
    __ledger__: ClassVar[bk.Ledger] = bk.Ledger(title={"zh": "巡查台账", "en": "Patrols"}, key=("id",), dated="day")
    id: str = attrs.field(metadata=bk.col("编号"))
    unit: str = attrs.field(metadata=bk.col("单位", ref="unit"))
    day: date = attrs.field(metadata=bk.col("日期"))


@attrs.frozen
class Settings:
    per_month: int = 2  # patrols a station owes each month


def score(ctx: bk.Context[Settings]) -> Iterator[bk.Outcome]:
    patrols, months = ctx.records_of(Patrol), len(ctx.buckets("month"))
    short = ctx.quota(bk.Who.unit_kinds("station"), patrols, min=ctx.settings.per_month, per="month")
    for station in ctx.org.units_of_kind("station"):
        missed = [s for s in short if s.subject == bk.unit(station.id)]
        points = Decimal(100) * (months - len(missed)) / months
        note = f"{months - len(missed)}/{months} × 100 = {bk.notes.places2(points)}"
        yield bk.Score(bk.unit(station.id), "points", points, evidence=[ctx.evidence(p, note) for p in patrols if p.unit == station.id])
        for s in missed:
            yield ctx.finding(bk.unit(station.id), "short", "warning", bk.say(("{m} 巡查 {h}/{n} 次", "{m}: {h} of {n} patrols"), m=s.bucket.label, h=s.have, n=s.need))


@bk.hookimpl
def bureaukit_campaigns() -> list[bk.Campaign[Settings]]:
    return [bk.Campaign(name="patrol", title={"zh": "巡查", "en": "Patrols"}, settings=Settings, records={"patrols": Patrol}, score=score,
                        findings={"patrol.short": bk.FindingKind("巡查次数不足", "Too few patrols")})]
