"""Rule 7 — 整改: measures published (公示) by the end of ``measures_phase`` and done by
their 完成时限.

Seed 002 篇2 三.2 "三是做好整改落实的通报工作。明确整改时限, 落实整改责任" … "通过一定形式
向群众公布, 接受群众监督"; 三.3 "对每项整改任务, 都要落实责任人, 明确责任部门和完成时间,
并认真进行督查"; a deadline after the campaign is allowed (三.2 "要把近期整改同中长期整改结合起来").
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Finding, Note
from bureaukit_vanguard.catalogue import MESSAGES
from bureaukit_vanguard.notes import measure_note, published_note
from bureaukit_vanguard.state import Run


def not_published(run: Run) -> Iterator[Finding]:
    """One Finding per participating unit with measures not published by the phase's end."""
    i = run.index.get(run.s.measures_phase)
    if i is None:
        return
    ph = run.phases[i]
    if ph.end > run.as_of:
        return
    for uid in run.units:
        late = [m for m in run.measures.get(uid, ()) if m.published is None or m.published > ph.end]
        if not late:
            continue
        yield run.ctx.finding(
            bk.unit(uid), "not_published", "warning",
            bk.say(MESSAGES["not_published"], measures=[m.id for m in late], end=ph.end, phase=bk.Text(ph.title, ph.id)),
            due=ph.end,
            evidence=tuple(run.ctx.evidence(m, Note(published_note, (m.measure, m.published))) for m in late),
        )


def overdue(run: Run) -> Iterator[Finding]:
    """A measure whose 完成时限 is before ``as_of`` and not done by it: on its unit and on
    its 责任人."""
    for uid in run.units:
        for m in run.measures.get(uid, ()):
            if m.deadline >= run.as_of or (m.done is not None and m.done <= m.deadline):
                continue
            measure = bk.Text(f"{m.id}“{m.measure}”", m.id)  # en names it by its id alone
            message = (bk.say(MESSAGES["measure_late"], measure=measure, due=m.deadline, done=m.done) if m.done
                       else bk.say(MESSAGES["measure_undone"], measure=measure, due=m.deadline))
            ev = (run.ctx.evidence(m, Note(measure_note, (m.deadline, m.done, run.as_of))),)
            for subject in (bk.unit(uid), bk.person(m.person)):
                yield run.ctx.finding(subject, "measure_overdue", "warning", message, due=m.deadline, evidence=ev)
