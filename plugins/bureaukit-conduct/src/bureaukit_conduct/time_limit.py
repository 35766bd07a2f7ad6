"""Rule 5: 限时办结 — a request is done within its limit by its 首办责任人.

Seed 004 三 加强机关效能建设: "在机关各科室和下属单位严格落实首办负责制、公开承诺制、限时办结制、
考核评议制和追究问责制,杜绝推诿扯皮等现象的发生".
Seed 002 篇3 四(一)二: "倡导立即办、马上办、办就办好的'三办'作风".
A request received before the period counts in the period its limit or answer falls in
(:func:`bureaukit.plugin.answers_in_period`): each lapse is reported in exactly one period.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Score, say
from bureaukit_conduct.catalogue import MESSAGES
from bureaukit_conduct.notes import on_time_note, request_note
from bureaukit_conduct.records import Request


def score_requests(ctx: Context) -> Iterator[Score | Finding]:
    by_unit: dict[str, list[Request]] = {}
    for r in ctx.records["requests"]:
        if bk.answers_in_period(r.received, r.done, r.limit, ctx.period.start):
            by_unit.setdefault(r.unit, []).append(r)
    for uid in sorted(by_unit):
        on_time: list[Request] = []
        counted: list[Request] = []
        # each counted request's evidence, cited by the rate and again by its finding
        ev: list[Evidence] = []
        for r in sorted(by_unit[uid], key=lambda r: r.id):
            if r.done is not None:
                counted.append(r)
                ev.append(e := ctx.evidence(r, Note(request_note, (r.limit, r.done, ctx.as_of))))
                if r.done <= r.limit:
                    on_time.append(r)
                else:
                    yield _overdue(ctx, r, e)
            elif r.limit < ctx.as_of:
                counted.append(r)
                ev.append(e := ctx.evidence(r, Note(request_note, (r.limit, None, ctx.as_of))))
                yield _overdue(ctx, r, e)
        if not counted:
            continue
        rate = Decimal(len(on_time)) / len(counted)
        ev.append(Evidence(note=Note(on_time_note, (len(on_time), len(counted), rate))))
        yield Score(bk.unit(uid), "on_time_rate", rate, form="rate", evidence=ev)


def _overdue(ctx: Context, r: Request, cited: Evidence) -> Finding:
    """The finding on a request done late or still open; *cited* is its evidence."""
    fields = {"unit": ctx.org.unit(r.unit), "request": r.id, "received": r.received, "limit": r.limit}
    if r.done is not None:
        message = say(MESSAGES["request_late"], **fields, done=r.done, days=(r.done - r.limit).days)
    else:
        message = say(MESSAGES["request_open"], **fields, as_of=ctx.as_of, days=(ctx.as_of - r.limit).days)
    return ctx.finding(
        bk.person(r.handler),
        "request_overdue",
        "warning",
        message,
        due=r.limit,
        evidence=[cited],
    )
