"""Rules 7 and 9: 三个不直接分管 and the 纪委书记's share of the work.

Seed 000 第二篇 二: "(一)局党政正职不直接分管财务 … (二)局党政正职不直接分管干部人事。局干部人事
工作由局纪委书记具体分管 … (三)局党政正职不直接分管工程项目".
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, say
from bureaukit_conduct.catalogue import MESSAGES, kind_title
from bureaukit_conduct.notes import oversees_note, secretaries_note
from bureaukit_conduct.settings import ConductSettings


def score_leadership(ctx: Context) -> Iterator[Finding]:
    s: ConductSettings = ctx.settings
    start, cut = ctx.period.start, ctx.as_of
    for unit in ctx.org.units_of_kind(*s.not_overseen_by_main_leader):
        for p in ctx.org.overseers(unit.id, role="main_leader"):
            if not p.overlaps(start, cut):
                continue
            yield ctx.finding(
                bk.person(p.id),
                "main_leader_oversees",
                "violation",
                say(MESSAGES["main_leader_oversees"], who=p, unit=unit, kind=kind_title(unit.kind)),
                evidence=[Evidence(note=Note(oversees_note, (p.name, tuple(ctx.unit_name(u) for u in p.oversees))))],
            )
    for unit in ctx.org.units_of_kind(*s.discipline_secretary_oversees):
        if ctx.org.overseers(unit.id, role="discipline_secretary", on=cut):
            continue
        secs = ctx.org.with_role("discipline_secretary", on=cut)
        who = tuple((p.name, tuple(ctx.unit_name(u) for u in p.oversees)) for p in secs)
        yield ctx.finding(
            bk.unit(unit.id),
            "discipline_secretary_missing",
            "warning",
            say(MESSAGES["discipline_secretary_missing"], unit=unit, kind=kind_title(unit.kind), as_of=cut),
            evidence=[Evidence(note=Note(secretaries_note, (who,)))],
        )
