"""The evidence notes of 保持共产党员先进性教育活动, written when a reader asks for them
(result schema 2).

Each function is pure: plain values in (phase titles, not ids), the note out in the
report's language (``bureaukit.plugin.tell``); the templates are
:data:`bureaukit_vanguard.catalogue.NOTES`. Scoring wraps a function and its arguments in
a ``Note``: a run that only writes JSON never calls one that cites a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from bureaukit.plugin import Rate, Text, notes, tell
from bureaukit_vanguard.catalogue import NOTES, REASONS


def _n(d: Decimal) -> str:
    return format(d.normalize(), "f")


def stage_note(steps: int, survey: int | None, moved: int, met: int, items: int, value: Decimal) -> str:
    """Rule 8: ``完成环节 8 + 测评达标 1 + 转段 1 = 10 / 10 项，100 × 10 / 10 = 100.00``
    (*survey* None: the phase has no 测评)."""
    if survey is None:
        return tell(NOTES["stage"], steps=steps, moved=moved, met=met, items=items, value=notes.places2(value))
    return tell(NOTES["stage_survey"], steps=steps, survey=survey, moved=moved, met=met, items=items,
                value=notes.places2(value))


def points_note(terms: Sequence[tuple[Decimal, Text, Decimal]], total: Decimal, value: Decimal) -> str:
    """Rule 8: ``得分 = (20 × 学习动员 100 + 40 × 分析评议 90 + 40 × 整改提高 66.6667) / 100 = 82.67``;
    *terms* are (weight, phase title, score), the scores to 4 places as the page writes them,
    rounded half up like the values."""
    parts = " + ".join(tell(NOTES["points_term"], weight=_n(w), phase=ph, score=notes.exact(v, at_most=4))
                       for w, ph, v in terms)
    return tell(NOTES["points"], terms=parts, total=_n(total), value=notes.places2(value))


def survey_note(satisfied: int, basic: int, unsatisfied: int, rate: Decimal) -> str:
    """Rule 2: ``满意 40、基本满意 8、不满意 2：(40 + 8) / 50 = 96.00%``."""
    return tell(NOTES["survey"], satisfied=satisfied, basic=basic, unsatisfied=unsatisfied,
                total=satisfied + basic + unsatisfied, rate=Rate(rate, 2))


def formality_note(what: Text, have: int, need: int) -> str:
    return tell(NOTES["formality"], what=what, have=have, need=need)


def moved_note(phase: Text, step: str, day: date) -> str:
    return tell(NOTES["moved"], phase=phase, step=step, day=day)


def approved_note(day: date) -> str:
    return tell(NOTES["approved"], day=day)


def trigger_note(day: date, reason: str) -> str:
    """Why a 补课 is owed: ``2014-05-20 群众满意度测评未达标``."""
    return tell(NOTES["trigger"], day=day, reason=REASONS.get(reason, Text(reason, reason)))


def makeup_note(done: date | None) -> str:
    state = tell(NOTES["makeup_done"], day=done) if done is not None else tell(NOTES["makeup_open"])
    return tell(NOTES["makeup"], done=state)


def published_note(measure: str, published: date | None) -> str:
    if published is None:
        return tell(NOTES["unpublished"], measure=measure)
    return tell(NOTES["published"], measure=measure, day=published)


def measure_note(deadline: date, done: date | None, as_of: date) -> str:
    if done is not None:
        return tell(NOTES["measure_late"], deadline=deadline, done=done)
    return tell(NOTES["measure_open"], deadline=deadline, as_of=as_of)
