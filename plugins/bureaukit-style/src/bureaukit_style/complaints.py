"""Rule 5 — complaints 投诉: handled in time, and 一次性投诉查实停职制.

Seed 000 第五篇 四(七) "密切关注网络政民互动、市长热线、百姓热线和主流论坛, 及时妥善答复群众投诉
咨询". Seed 001 三(二)5 "成立机关效能投诉办公室, 开通效能投诉电话, 24小时受理投诉"; 三(三)
"按照“有诉必理、有理必果”和“分级负责、归口办理”的原则"; 第一阶段 "建立完善行政决策和一次性
投诉查实停职制等相关制度". Findings only (no points). A complaint received before the window
counts where its lapse falls inside it (:func:`bureaukit.plugin.answers_in_period`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Finding, Note, say
from bureaukit_style.catalogue import MESSAGES
from bureaukit_style.notes import complaint_note, verified_note
from bureaukit_style.records import Complaint
from bureaukit_style.settings import Resolved
from bureaukit_style.window import window_of, within

HANDLED_NO_RESULT = bk.Text("已办结但无处理结果", "(handled without a result) ")
UNRESOLVED = bk.Text("未办结", "")
"""A complaint not resolved: closed with no result, or still open (the en message says
only the first)."""


def _how(ctx: Context, c: Complaint, resolved: bool, days: int) -> bk.Message:
    """How a late complaint went: resolved after *days*, or unresolved *days* on at ``as_of``."""
    if resolved:
        return bk.say(MESSAGES["complaint_resolved"], received=c.received, handled=c.handled, days=days)
    return bk.say(MESSAGES["complaint_open"], received=c.received, as_of=ctx.as_of, days=days,
                  state=HANDLED_NO_RESULT if c.handled is not None else UNRESOLVED)


def is_resolved(c: Complaint) -> bool:
    """有诉必理、有理必果: handled (办结) and with a result (处理结果)."""
    return c.handled is not None and bool(c.result and c.result.strip())


def complaint_rules(ctx: Context, r: Resolved) -> Iterator[Finding]:
    limit = r.settings.complaint_days
    w = window_of(ctx)
    rows: list[Complaint] = sorted(
        (c for c in ctx.records["complaints"] if c.received <= w[1]), key=lambda c: c.id
    )
    for c in rows:
        due = c.received + timedelta(days=limit)
        resolved = is_resolved(c)
        if not bk.answers_in_period(c.received, c.handled if resolved else None, due, w[0]):
            continue  # received before the window, and done or late before it
        days = ((c.handled if resolved and c.handled is not None else ctx.as_of) - c.received).days
        if days > limit:
            yield ctx.finding(
                bk.unit(c.unit),
                "complaint",
                "violation",
                bk.say(MESSAGES["complaint"], record=c.id, how=_how(ctx, c, resolved, days), limit=limit),
                due=due,
                evidence=(ctx.evidence(c, Note(complaint_note, (c.received, c.handled, resolved, ctx.as_of, days,
                                                                limit, due))),),
            )
        if c.verified_against and within(c.received, w):
            pid = c.verified_against
            target = ctx.org.people.get(pid)
            yield ctx.finding(
                bk.person(pid),
                "suspension",
                "violation",
                say(MESSAGES["suspension"], record=c.id, received=c.received,
                      person=target if target is not None else pid),
                evidence=(ctx.evidence(c, Note(verified_note, (target.name if target is not None else pid,))),),
            )
