"""Rule 4 — site visits 一线工作法: leaders and managers on site every week.

Seed 000 第五篇 四(六) "大力推进“一线工作法” … 联系和分管各重点建设项目领导每周到现场不少于1次,
具体负责人每周到现场不少于3次, 推行重点项目推进责任制". Findings only (no points).
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Text
from bureaukit_style.catalogue import MESSAGES
from bureaukit_style.notes import visit_note, visits_short_note
from bureaukit_style.records import Activity, ActivityKind
from bureaukit_style.settings import Resolved
from bureaukit_style.window import window_of

ROLE_TEXT = {"leader": ("联系和分管领导", "leader"), "manager": ("具体负责人", "manager")}


def site_visit_rules(ctx: Context, r: Resolved) -> Iterator[Finding]:
    s = r.settings
    w = window_of(ctx)
    visits: list[Activity] = sorted(
        (a for a in ctx.records["activities"] if a.kind is ActivityKind.site_visit),
        key=lambda a: a.id,
    )
    for proj in sorted(s.key_projects, key=lambda p: p.id):
        start = max(w[0], proj.start) if proj.start else w[0]
        end = min(w[1], proj.end) if proj.end else w[1]
        if end < start:
            continue
        weeks = ctx.buckets("week", (start, end))
        for role, pid, need in (
            ("leader", proj.leader, s.site_visits.leader),
            ("manager", proj.manager, s.site_visits.manager),
        ):
            person = ctx.org.people.get(pid)
            if need <= 0 or person is None:
                continue
            own = [a for a in visits if a.person == pid and a.project == proj.id]
            role_title = Text(*ROLE_TEXT[role])
            for b in weeks:
                if not (person.in_post(b.start) and person.in_post(b.end)):
                    continue
                counted = [a for a in own if b.start <= a.date <= b.end]
                if len(counted) >= need:
                    continue
                ev = [ctx.evidence(a, Note(visit_note, (proj.id, a.date))) for a in counted]
                ev.append(Evidence(note=Note(visits_short_note, (proj.id, b.start, b.end, role_title, person.name,
                                                                 len(counted), need))))
                yield ctx.finding(
                    bk.person(pid),
                    "site_visit",
                    "warning",
                    bk.say(MESSAGES["site_visit"], project=proj.id, week=b.label, role=role_title,
                           count=len(counted), need=need),
                    due=b.end,
                    evidence=tuple(ev),
                )
