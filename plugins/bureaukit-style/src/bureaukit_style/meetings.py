"""Rule 3 — meetings 精简会议: the bureau's biweekly meeting, at most 90 minutes.

Seed 000 第五篇 四(五) "切实精简会议、文件 … 坚持少开会、开短会、说短话、行短文 … 局两周一次的
工作例会时间不超过90分钟". Findings only (no points).
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note
from bureaukit_style.catalogue import MESSAGES
from bureaukit_style.notes import meeting_long_note, meeting_missing_note
from bureaukit_style.records import Meeting, MeetingKind
from bureaukit_style.settings import Resolved
from bureaukit_style.window import window_of, within


def meeting_rules(ctx: Context, r: Resolved) -> Iterator[Finding]:
    limit = r.meeting_max_minutes
    if limit is None:
        return
    w = window_of(ctx)
    rows: list[Meeting] = sorted(
        (m for m in ctx.records["meetings"] if m.kind is MeetingKind.biweekly and within(m.date, w)),
        key=lambda m: m.id,
    )
    for m in rows:
        if m.minutes is not None and m.minutes > limit:
            yield ctx.finding(
                bk.unit(m.unit),
                "meeting_overlong",
                "warning",
                bk.say(MESSAGES["meeting_overlong"], meeting=m.id, day=m.date, minutes=m.minutes, limit=limit),
                due=m.date,
                evidence=(ctx.evidence(m, Note(meeting_long_note, (m.minutes, limit))),),
            )
    root = ctx.org.root.id
    own = sorted(m.date for m in rows if m.unit == root)
    for b in ctx.buckets("fortnight", w):
        if any(b.start <= d <= b.end for d in own):
            continue
        yield ctx.finding(
            bk.unit(root),
            "meeting_missing",
            "info",
            bk.say(MESSAGES["meeting_missing"], start=b.start, end=b.end, fortnight=b.label),
            due=b.end,
            evidence=(Evidence(note=Note(meeting_missing_note, (ctx.org.root.name, b.start, b.end))),),
        )
