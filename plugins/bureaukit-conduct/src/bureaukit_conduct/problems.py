"""Rules 3–4: the 整改清单 (problems list) and 销号 (closing) under 五个不放过.

Seed 002 篇3 四(一)一 坚持问题导向: "重点查找1-2 个突出问题,列出详细整改清单,向社会群众做出公开
承诺。每个问题的整改都要有领导领衔、部门负责、跟踪问效、销号管理".
Seed 002 篇3 四(三)二: "对督促检查中发现的问题,要做到'五个不放过':即问题不查清不放过;措施不落实
不放过;整改不到位不放过;责任追究不到位不放过;群众不满意不放过。"
Seed 004 二 (a unit's own area): "我单位始终将治理公路'三乱'作为重点".
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Score, Text, say
from bureaukit_conduct.catalogue import MESSAGES
from bureaukit_conduct.notes import (
    area_note,
    closed_count_note,
    closed_missing_note,
    closed_note,
    listed_note,
    none_listed_note,
    problem_open_note,
)
from bureaukit_conduct.records import FIVE_FLAGS, Problem
from bureaukit_conduct.settings import ConductSettings


def score_problems(ctx: Context, reviewed: list[str]) -> Iterator[Score | Finding]:
    s: ConductSettings = ctx.settings
    by_unit: dict[str, list[Problem]] = {}
    for p in ctx.records["problems"]:
        by_unit.setdefault(p.unit, []).append(p)
    for ps in by_unit.values():
        ps.sort(key=lambda p: p.id)

    # rule 3: 重点查找1-2 个突出问题 — counted by the unit column, open or closed
    lo, hi = s.problems.min, s.problems.max
    for uid in reviewed:
        ps = by_unit.get(uid, [])
        n = len(ps)
        if lo <= n <= hi:
            continue
        yield ctx.finding(
            bk.unit(uid),
            "problem_count",
            "warning",
            say(MESSAGES["problem_count"], unit=ctx.org.unit(uid), count=n,
                  need=f"{lo}-{hi}" if lo != hi else f"{lo}"),
            evidence=[ctx.evidence(p, Note(listed_note, (p.id, p.description))) for p in ps]
            or [Evidence(note=Note(none_listed_note, (ctx.unit_name(uid),)))],
        )

    listed = set(s.areas)
    for uid in sorted(set(reviewed) | set(by_unit)):
        ps = by_unit.get(uid, [])
        closed = [p for p in ps if p.closed is not None]
        yield Score(
            bk.unit(uid),
            "problems_closed",
            len(closed),
            target=len(ps),
            evidence=[ctx.evidence(p, Note(closed_note, (p.id, p.closed))) for p in closed]
            + [Evidence(note=Note(closed_count_note, (len(closed), len(ps))))],
        )
        for p in ps:
            yield from _problem_findings(ctx, p, listed)


def _problem_findings(ctx: Context, p: Problem, listed: set[str]) -> Iterator[Finding]:
    if p.area is not None and p.area not in listed:
        yield ctx.finding(
            bk.unit(p.unit),
            "area_unlisted",
            "info",
            say(MESSAGES["area_unlisted"], problem=p.id, area=p.area),
            evidence=[ctx.evidence(p, Note(area_note, (p.area,)))],
        )
    if p.closed is not None:
        missing = tuple(Text(label, name.replace("_", " ")) for name, label in FIVE_FLAGS if not getattr(p, name))
        if missing:
            yield ctx.finding(
                bk.person(p.leader),
                "closed_incomplete",
                "violation",
                say(MESSAGES["closed_incomplete"], problem=p.id, unit=ctx.org.unit(p.unit), closed=p.closed,
                      missing=list(missing)),
                evidence=[ctx.evidence(p, Note(closed_missing_note, (p.closed, missing)))],
            )
    elif p.deadline < ctx.as_of:
        days = (ctx.as_of - p.deadline).days
        yield ctx.finding(
            bk.person(p.leader),
            "problem_overdue",
            "warning",
            say(MESSAGES["problem_overdue"], problem=p.id, unit=ctx.org.unit(p.unit), deadline=p.deadline,
                  days=days, as_of=ctx.as_of),
            due=p.deadline,
            evidence=[ctx.evidence(p, Note(problem_open_note, (p.deadline, ctx.as_of)))],
        )
