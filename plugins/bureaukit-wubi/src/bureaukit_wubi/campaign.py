"""The "五比五争" campaign: scoring over one run's records (rules 1–6, docs/campaigns/wubi.md).

“现就我局开展以‘比境界、争当解放思想的先锋，比业绩、争当科学发展的先锋，比创新、争当攻坚
克难的先锋，比服务、争当联系群众的先锋，比作风、争当强力执行的先锋’为主要内容的‘五比五争’
… 主题实践活动” (seed 003, preamble).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Finding, Score
from bureaukit_wubi.catalogue import FINDINGS, METRICS
from bureaukit_wubi.checks import check
from bureaukit_wubi.dimensions import dimension_scores, points
from bureaukit_wubi.overdue import overdue
from bureaukit_wubi.pacesetters import pacesetters
from bureaukit_wubi.records import ITEM_KINDS, RECORDS, Benchmark, Item, Rating
from bureaukit_wubi.settings import WubiSettings

DIMENSION_ITEMS: dict[str, tuple[str, ...]] = {
    "chuangxin": ("innovations",),
    "fuwu": ("commitments", "rectifications"),
    "zuofeng": ("tasks",),
}
"""Which item ledgers are the evidence of which 比 (rule 2)."""


def score(ctx: Context) -> Iterator[Score | Finding]:
    s: WubiSettings = ctx.settings
    rated = {u.id: u.kind for u in ctx.org.units_of_kind(*s.units)}
    names = {u: ctx.org.units[u].name for u in rated}
    ratings: dict[str, dict[str, list[Rating]]] = {}
    for r in ctx.records["ratings"]:
        ratings.setdefault(r.unit, {}).setdefault(r.dimension.name, []).append(r)
    benchmarks: dict[str, list[Benchmark]] = {}
    for b in ctx.records["benchmarks"]:
        benchmarks.setdefault(b.unit, []).append(b)
    items: dict[str, dict[str, list[Item]]] = {}
    for code, kinds in DIMENSION_ITEMS.items():
        for kind in kinds:
            for item in ctx.records[kind]:
                items.setdefault(item.unit, {}).setdefault(code, []).append(item)
    scored: dict[str, dict[str, Decimal]] = {}
    for unit in sorted(rated):
        dims: dict[str, Decimal] = {}
        for code, value, sc in dimension_scores(
            ctx, unit, ratings.get(unit, {}), benchmarks.get(unit, []), items.get(unit, {})
        ):
            dims[code] = value
            yield sc
        scored[unit] = dims
        total = points(s, unit, dims)
        if total is not None:
            yield total
    yield from pacesetters(ctx, rated, names, scored)
    yield from overdue(ctx, {kind: ctx.records[kind] for kind in ITEM_KINDS})


CAMPAIGN = bk.Campaign(
    name="wubi",
    title={"zh": "“五比五争”主题实践活动", "en": "Five comparisons, five contests (五比五争)"},
    settings=WubiSettings,
    records=RECORDS,
    score=score,
    metrics=METRICS,
    findings=FINDINGS,
    check=check,
)
