"""Rules 5 and 6 — 补课 and 回头看.

Seed 002 篇2 三.1 "某些方面存在不足的, 要及时进行补课"; 一.5 "认真落实‘回头看’的要求, 对走过场
的单位及时指导‘补课’"; 三.1 "这些问题要在‘回头看’中认真克服和解决".
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Evidence, Finding, Note, Severity
from bureaukit_vanguard.catalogue import MESSAGES, phase_named
from bureaukit_vanguard.notes import makeup_note
from bureaukit_vanguard.state import Run


def _why(run: Run, uid: str, pid: str) -> tuple[Evidence, ...]:
    """Each trigger of the 补课, citing the row that dated it, then the 补课 row."""
    m = run.makeups.get(uid, pid)
    assert m is not None
    notes = [run.cite_trigger(uid, pid, t) for t in m.triggers]
    row = run.makeup_rows.get((uid, pid))
    if row is not None:
        notes.append(run.ctx.evidence(row, Note(makeup_note, (row.done,))))
    return tuple(notes)


def makeup_findings(run: Run) -> Iterator[Finding]:
    """Rule 5: one 补课 per unit and phase with a trigger, due ``makeup_days`` after the
    first; done late or overdue is a violation, not yet due a warning."""
    days = run.s.makeup_days
    for m in run.makeups.owed():
        ph = run.phases[run.index[m.phase]]
        due = m.due(days)
        status = m.status(run.as_of, days)
        if status == "on_time":
            continue
        name = "makeup_overdue"
        sev: Severity = "violation"
        if status == "owed":
            name, sev = "makeup_owed", "warning"
            state = bk.say(MESSAGES["makeup_owed"], due=due)
        elif status == "late":
            assert m.done_on is not None
            state = bk.say(MESSAGES["makeup_late"], due=due, done=m.done_on)
        else:
            state = bk.say(MESSAGES["makeup_undone"], due=due)
        yield run.ctx.finding(
            bk.unit(m.unit), name, sev,
            bk.say(MESSAGES["makeup"], phase=phase_named(ph.id, ph.title), since=m.first, state=state),
            due=due,
            evidence=_why(run, m.unit, m.phase),
        )


def review_findings(run: Run) -> Iterator[Finding]:
    """Rule 6: once the last phase has ended, each 补课 done with no 回头看 date."""
    if not run.phases:
        return
    last = run.phases[-1].end
    if last > run.as_of:
        return
    for m in run.makeups.owed():
        done = m.done_on
        if done is None or m.reviewed is not None:
            continue
        ph = run.phases[run.index[m.phase]]
        yield run.ctx.finding(
            bk.unit(m.unit), "review_missing", "warning",
            bk.say(MESSAGES["review_missing"], phase=phase_named(ph.id, ph.title), done=done),
            due=max(last, done),
            evidence=_why(run, m.unit, m.phase),
        )
