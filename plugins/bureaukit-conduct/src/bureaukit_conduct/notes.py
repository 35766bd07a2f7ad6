"""How numbers appear in evidence notes and finding messages (never in the values), and
the evidence notes themselves, written when a reader asks for them (result schema 2)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from bureaukit.plugin import Rate, Text, tell
from bureaukit_conduct.catalogue import ANSWERS_EN, NOTES


def num(value: Decimal | int) -> str:
    """A plain decimal for a note: exact when short, else 4 places (``81.2``, ``83.3333``)."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    exp = d.normalize().as_tuple().exponent
    if isinstance(exp, int) and exp >= -4:
        return format(d.normalize(), "f")
    return format(d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")


def mean(values: list[Decimal]) -> Decimal:
    """The arithmetic mean of a non-empty list, unrounded."""
    return sum(values, Decimal(0)) / len(values)


# --- evidence notes, written when a reader asks for them (result schema 2) ----------------
# Each is pure: plain values in (titles and names, not codes or ids), the note out in the
# report's language (bureaukit.plugin.tell), from the templates in catalogue.NOTES.


def stage_row_note(stage: Text, score: Decimal) -> str:
    return tell(NOTES["stage_row"], stage=stage, score=num(score))


def stage_mean_note(stage: Text, scores: Sequence[Decimal], value: Decimal) -> str:
    """Rule 1: ``明察暗访：(82 + 86) / 2 = 84``."""
    return tell(NOTES["stage_mean"], stage=stage, terms=" + ".join(num(v) for v in scores), count=len(scores),
                value=num(value))


def answer_note(answer: str, value: Decimal) -> str:
    """One survey answer: ``满意，计 100 分`` (*answer*: the Answer's name)."""
    return tell(NOTES["answer"], answer=_answer(answer), value=num(value))


def answered_note(answer: str) -> str:
    """One survey answer as the satisfaction rate counts it: ``答卷：满意``."""
    return tell(NOTES["answered"], answer=_answer(answer))


def _answer(name: str) -> Text:
    return Text({"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}[name], ANSWERS_EN[name])


def survey_mean_note(stage: Text, counts: Sequence[tuple[str, Decimal, int]], value: Decimal) -> str:
    """服务对象测评 from the answers: ``(满意 100 × 4 + 基本满意 80 × 2 + 不满意 0 × 1) / 7 份 = 80``;
    *counts* are (answer name, value, how many)."""
    terms = " + ".join(tell(NOTES["answer_term"], answer=_answer(a), value=num(v), count=n) for a, v, n in counts)
    return tell(NOTES["survey_mean"], stage=stage, terms=terms, count=sum(n for _, _, n in counts), value=num(value))


def satisfaction_note(satisfied: int, basic: int, count: int, rate: Decimal) -> str:
    return tell(NOTES["satisfaction"], satisfied=satisfied, basic=basic, count=count, rate=Rate(rate, 2))


def stage_weight_note(stage: Text, weight: Decimal, score: Decimal) -> str:
    return tell(NOTES["stage_weight"], stage=stage, weight=num(weight), score=num(score))


def points_note(terms: Sequence[tuple[Decimal, Decimal]], total: Decimal, value: Decimal) -> str:
    """Rule 2: ``得分 = (30 × 84 + 20 × 88 + 30 × 80 + 20 × 84) / 100 = 83.6``."""
    return tell(NOTES["points"], terms=" + ".join(f"{num(w)} × {num(v)}" for w, v in terms), total=num(total),
                value=num(value))


def listed_note(problem: str, description: str) -> str:
    return tell(NOTES["listed"], problem=problem, description=description)


def none_listed_note(unit: str) -> str:
    return tell(NOTES["none_listed"], unit=unit)


def closed_note(problem: str, closed: date) -> str:
    return tell(NOTES["closed"], problem=problem, closed=closed)


def closed_count_note(closed: int, count: int) -> str:
    return tell(NOTES["closed_count"], closed=closed, count=count)


def area_note(area: str) -> str:
    return tell(NOTES["area"], area=area)


def closed_missing_note(closed: date, missing: Sequence[Text]) -> str:
    return tell(NOTES["closed_missing"], closed=closed, missing=list(missing))


def problem_open_note(deadline: date, as_of: date) -> str:
    return tell(NOTES["problem_open"], deadline=deadline, as_of=as_of)


def request_note(limit: date, done: date | None, as_of: date) -> str:
    """Rule 5: ``时限 2014-08-14，2014-08-20 办结（超时）``."""
    if done is None:
        return tell(NOTES["request_open"], limit=limit, as_of=as_of)
    return tell(NOTES["request_on_time" if done <= limit else "request_late"], limit=limit, done=done)


def on_time_note(good: int, count: int, rate: Decimal) -> str:
    """``按时办结 7 / 应办结 9 件 = 77.78%``."""
    return tell(NOTES["on_time"], good=good, count=count, rate=Rate(rate, 2))


def accountable_note(day: date, person: str, what: Text, action: str, serious: bool) -> str:
    """Rule 6: the record as the ledger states it, the person by name."""
    return tell(NOTES["accountable"], day=day, person=person, what=what,
                action=Text(f"，{action}", f", {action}") if action else "",
                serious=Text("（情节严重）", " (serious)") if serious else "")


def oversees_note(person: str, units: Sequence[str]) -> str:
    return tell(NOTES["oversees"], person=person, units=list(units) if units else Text(*NOTES["none"]))


def secretaries_note(secretaries: Sequence[tuple[str, tuple[str, ...]]]) -> str:
    """Rule 9: each 纪委书记 in post and the units they oversee, or 无."""
    if not secretaries:
        return tell(NOTES["secretaries"], who=Text(*NOTES["none"]))
    who = [tell(NOTES["secretary"], person=name, units=list(units) if units else Text(*NOTES["none"]))
           for name, units in secretaries]
    return tell(NOTES["secretaries"], who=who)
