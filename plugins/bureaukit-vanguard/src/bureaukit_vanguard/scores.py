"""Rule 8 — scores: ``stage.<id>`` for each phase that has started, ``points`` over the
phases that have ended.

Seed 002 篇2 三.3 "掌握整改提高阶段工作的进展情况"; seed 000 第五篇 五(三)2 "活动评比结果作为
干部考核、奖惩、任用的重要依据". The items and weights are the bureau's: a phase's steps (each
met when it counts by the phase's end), its 测评 (met when it passes) and its 转段 (met when
approved and any 补课 it owed was done by its due date).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.campaigns import Phase
from bureaukit.outcomes import Evidence, Score
from bureaukit.plugin import notes
from bureaukit_vanguard.state import Run
from bureaukit_vanguard.triggers import passes

HUNDRED = Decimal(100)


def _n(d: Decimal) -> str:
    return format(d.normalize(), "f")


def _transition_met(run: Run, uid: str, pid: str) -> bool:
    if run.gates.approval(uid, pid) is None:
        return False
    m = run.makeups.get(uid, pid)
    return m is None or m.status(run.as_of, run.s.makeup_days) == "on_time"


def stage(run: Run, uid: str, ph: Phase) -> tuple[Decimal, str]:
    """The phase's score 0–100 for the unit and how it was counted."""
    steps = sum(1 for s in ph.steps if run.log.counts_by(uid, ph.id, s, ph.end))
    items = len(ph.steps) + 1
    terms = [f"{steps} 环节"]
    met = steps
    if run.defs[ph.id].survey:
        items += 1
        s = run.surveys.get((uid, ph.id))
        ok = s is not None and s.total > 0 and passes(run, s)
        met += ok
        terms.append(f"测评 {int(ok)}")
    moved = _transition_met(run, uid, ph.id)
    met += moved
    terms.append(f"转段 {int(moved)}")
    value = HUNDRED * met / items
    return value, f"{' + '.join(terms)} = {met} / {items}"


def stage_scores(run: Run) -> Iterator[Score]:
    for uid in run.units:
        ended: list[tuple[Decimal, Decimal, str]] = []
        for ph in run.phases:
            if ph.start > run.as_of:
                continue
            value, how = stage(run, uid, ph)
            yield Score(bk.unit(uid), f"stage.{ph.id}", value, evidence=(Evidence(note=how),))
            if ph.end <= run.as_of:
                ended.append((run.defs[ph.id].weight, value, ph.id))
        weights = sum((w for w, _, _ in ended), Decimal(0))
        if not ended or weights == 0:
            continue
        total = sum((w * v for w, v, _ in ended), Decimal(0)) / weights
        yield Score(bk.unit(uid), "points", total, evidence=(Evidence(note=points_note(ended, weights, total)),))


def points_note(ended: list[tuple[Decimal, Decimal, str]], weights: Decimal, total: Decimal) -> str:
    """How ``points`` was reached, as the page writes it: ``(40 × 66.6667 + 20 × 100) / 60 =
    77.78``; stage values to 4 places and the total to 2, rounded half up like the values."""
    terms = " + ".join(f"{_n(w)} × {notes.exact(v, at_most=4)}" for w, v, _ in ended)
    return f"({terms}) / {_n(weights)} = {notes.places2(total)}"
