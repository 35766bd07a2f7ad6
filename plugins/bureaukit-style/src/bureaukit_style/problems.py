"""Rule 1 — problems 问题/违规: verified problems deduct points and raise a finding.

Seed 000 第五篇 三 整治重点 "(一)行为上“散” … (二)认识上“软” … (三)思想上“守” … (四)落实上“慢”
… (五)进取上“懒”"; 四(八) "严格执行作风纪律“八不准”规定 … 不准在上班时间内玩电脑、炒股票";
六、三 "对督查中发现的问题, 尤其是在上级效能部门查实的违反效能规定的单位和个人 … 及时通报并严肃处理".
Seed 001 二 "著重解决以下六个方面问题: 一是服务态度差 … 六是利益个人化"; 三(二) 五种途径.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Finding, Note, say
from bureaukit_style.catalogue import MESSAGES, SOURCES
from bureaukit_style.notes import problem_note
from bureaukit_style.records import Problem
from bureaukit_style.settings import Resolved, is_eight
from bureaukit_style.window import Deduction, window_of, within


def problem_rules(ctx: Context, r: Resolved) -> Iterator[Finding | Deduction]:
    w = window_of(ctx)
    d = r.settings.deductions
    rows: list[Problem] = sorted(
        (p for p in ctx.records["problems"] if within(p.date, w)), key=lambda p: p.id
    )
    for p in rows:
        if p.verified is False:
            continue
        pdef = r.problem(p.code)
        if pdef is None:  # check() reports it; never score an unknown code
            continue
        eight = is_eight(pdef.code)
        points: Decimal = d.eight if eight else d.problem
        subject = bk.person(p.person) if p.person else bk.unit(p.unit)
        who = ctx.org.people[p.person] if p.person else ctx.org.unit(p.unit)
        ev = ctx.evidence(p, Note(problem_note, (p.id, p.date, who.name, pdef.name, SOURCES[p.source], eight, points)))
        if p.person:
            yield Deduction(bk.person(p.person), points, ev)
        yield Deduction(bk.unit(p.unit), points, ev)
        yield ctx.finding(
            subject,
            "problem",
            "violation" if eight else "warning",
            say(MESSAGES["eight" if eight else "problem"], who=who, problem=pdef.name, record=p.id,
                  day=p.date, source=SOURCES[p.source], points=points),
            evidence=(ev,),
        )
