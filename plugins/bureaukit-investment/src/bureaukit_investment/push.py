"""Rule 12: 二季度攻坚 (seed 000 第四篇).

一、奋战目标 "从现在开始到6月底 … 招商引资已签约项目5月份开工,新签约5000万元以上项目1个"。
二(五) "上半年适时自行组织或与相关单位合作开展招商推介活动一次"。
(已签约项目5月份开工 is not checked: the ledgers record no start of works.)
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Amount, Context, Evidence, Finding, Note, PeriodError, say
from bureaukit_investment.catalogue import MESSAGES
from bureaukit_investment.notes import contract_note, no_big_note, no_promotion_note, promotion_note
from bureaukit_investment.settings import InvestmentSettings


def h1_push(ctx: Context) -> Iterator[Finding]:
    """Over records dated from the period's start to ``by``: too few big signings, or too
    few promotion events; both on the bureau, ``due`` = ``by``."""
    s: InvestmentSettings = ctx.settings
    push = s.h1_push
    if not push.on:
        return
    try:
        by = ctx.period.month_day(push.by_day)
    except PeriodError:
        return
    if not ctx.period.contains(by) or ctx.as_of < by:
        return
    start = ctx.period.start
    root = ctx.org.root
    subject = bk.unit(root.id)
    if push.signings > 0:
        big = sorted(
            (p for p in ctx.records["projects"]
             if start <= p.signed <= by and p.contract_total_wan >= push.min_wan),
            key=lambda p: p.id,
        )
        if len(big) < push.signings:
            yield ctx.finding(
                subject,
                "h1_big_signing",
                "warning",
                say(MESSAGES["h1_big_signing"], start=start, by=by, min_amount=Amount(push.min_wan, "万元"),
                      count=len(big), need=push.signings),
                due=by,
                evidence=[ctx.evidence(p, Note(contract_note, (p.contract_total_wan,))) for p in big]
                or [Evidence(note=Note(no_big_note, (start, by, push.min_wan)))],
            )
    if push.events > 0:
        held = sorted(
            (e for e in ctx.records["promotions"] if start <= e.date <= by), key=lambda e: e.id
        )
        if len(held) < push.events:
            yield ctx.finding(
                subject,
                "no_promotion",
                "warning",
                say(MESSAGES["no_promotion"], start=start, by=by, count=len(held), need=push.events),
                due=by,
                evidence=[ctx.evidence(e, Note(promotion_note, (e.date, e.title))) for e in held]
                or [Evidence(note=Note(no_promotion_note, (start, by)))],
            )
