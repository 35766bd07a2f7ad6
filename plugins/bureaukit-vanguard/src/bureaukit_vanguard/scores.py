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
from bureaukit.plugin import Evidence, Note, Phase, Score
from bureaukit_vanguard.catalogue import phase_title
from bureaukit_vanguard.notes import (
    approved_note,
    makeup_note,
    moved_note,
    points_note,
    stage_note,
    survey_note,
)
from bureaukit_vanguard.state import Run
from bureaukit_vanguard.triggers import passes, rate

HUNDRED = Decimal(100)


def _transition_met(run: Run, uid: str, pid: str) -> bool:
    if run.gates.approval(uid, pid) is None:
        return False
    m = run.makeups.get(uid, pid)
    return m is None or m.status(run.as_of, run.s.makeup_days) == "on_time"


def stage(run: Run, uid: str, ph: Phase) -> tuple[Decimal, Note]:
    """The phase's score 0–100 for the unit and how it was counted (written on demand)."""
    steps = sum(1 for s in ph.steps if run.log.counts_by(uid, ph.id, s, ph.end))
    items = len(ph.steps) + 1
    met = steps
    survey: int | None = None
    if run.defs[ph.id].survey:
        items += 1
        s = run.surveys.get((uid, ph.id))
        survey = int(s is not None and s.total > 0 and passes(run, s))
        met += survey
    moved = int(_transition_met(run, uid, ph.id))
    met += moved
    value = HUNDRED * met / items
    return value, Note(stage_note, (steps, survey, moved, met, items, value))


def cited(run: Run, uid: str, ph: Phase) -> list[Evidence]:
    """The rows a phase's score counted from, in the order of its items: each step done
    by the phase's end, the phase's 测评, its 转段 approval and any 补课 it owed (so that
    "完成环节 8 … = 9 / 10 项" names the rows behind the 8 and the one missing shows)."""
    ctx, title = run.ctx, phase_title(ph.id, ph.title)
    out: list[Evidence] = []
    for step in ph.steps:
        rec = run.log.first(uid, ph.id, step)
        if rec is not None and rec.done is not None and rec.done <= ph.end:
            out.append(ctx.evidence(rec, Note(moved_note, (title, step, rec.done))))
    survey = run.surveys.get((uid, ph.id)) if run.defs[ph.id].survey else None
    if survey is not None and survey.total > 0:
        out.append(ctx.evidence(survey, Note(survey_note, (survey.satisfied, survey.basic, survey.unsatisfied,
                                                           rate(survey)))))
    approval = run.gates.approval(uid, ph.id)
    if approval is not None:
        out.append(ctx.evidence(approval, Note(approved_note, (approval.date,))))
    makeup = run.makeup_rows.get((uid, ph.id))
    if makeup is not None:
        out.append(ctx.evidence(makeup, Note(makeup_note, (makeup.done,))))
    return out


def stage_scores(run: Run) -> Iterator[Score]:
    for uid in run.units:
        ended: list[tuple[Decimal, Decimal, Phase]] = []
        for ph in run.phases:
            if ph.start > run.as_of:
                continue
            value, how = stage(run, uid, ph)
            yield Score(bk.unit(uid), f"stage.{ph.id}", value, evidence=(*cited(run, uid, ph), Evidence(note=how)))
            if ph.end <= run.as_of:
                ended.append((run.defs[ph.id].weight, value, ph))
        weights = sum((w for w, _, _ in ended), Decimal(0))
        if not ended or weights == 0:
            continue
        total = sum((w * v for w, v, _ in ended), Decimal(0)) / weights
        terms = tuple((w, phase_title(ph.id, ph.title), v) for w, v, ph in ended)
        note = Note(points_note, (terms, weights, total))
        yield Score(bk.unit(uid), "points", total, evidence=(Evidence(note=note),))
