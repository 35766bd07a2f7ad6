"""The evidence notes of 招商引资, written when a reader asks for them (result schema 2).

Each function is pure: plain values in (amounts, titles and names, never the context), the
note out in the report's language (``bureaukit.plugin.tell``); the templates are
:data:`bureaukit_investment.catalogue.NOTES`. Scoring wraps a function and its arguments
in a ``Note``: a run that only writes JSON never calls one that cites a row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum

from bureaukit.plugin import Amount, Quantity, Rate, Text, Yuan, language, notes, tell
from bureaukit_investment.catalogue import CATEGORIES_EN, METRICS, NOTES


def wan(value: Decimal | int) -> Amount:
    return Amount(value, "万元")


def category(name: str, zh: str) -> Text:
    """A project category by its title (*name* the enum's name, *zh* its value)."""
    return Text(zh, CATEGORIES_EN.get(name, name))


def category_titles(categories: Iterable[Enum]) -> dict[Enum, Text]:
    """Each category's :func:`category` title, made once: a note per project holds one."""
    return {c: category(c.name, c.value) for c in categories}


def conversion_note(how: str, what: Text, amount: Decimal, factor: Decimal | None) -> str:
    """Rule 2 for one project (*how*: ``fixed``, ``tax`` or ``loans``):
    ``房地产商业：本年实际纳税 120 万元 × 6 = 720 万元``."""
    if factor is None:
        return tell(NOTES["fixed"], amount=wan(amount))
    return tell(NOTES[how], category=what, amount=amount, factor=factor, value=wan(amount * factor))


def contract_note(amount: Decimal) -> str:
    return tell(NOTES["contract"], amount=wan(amount))


def industrial_note(what: Text, amount: Decimal) -> str:
    return tell(NOTES["industrial"], category=what, amount=wan(amount))


def big_note(amount: Decimal, least: Decimal) -> str:
    return tell(NOTES["big"], amount=wan(amount), least=wan(least))


def unconfirmed_note(reasons: Sequence[tuple[str, str]]) -> str:
    """Rule 1: every reason a project is not confirmed, (zh, en) each."""
    zh = language() != "en"
    joined = ("；" if zh else "; ").join(r[0] if zh else r[1] for r in reasons)
    return tell(NOTES["unconfirmed"], reasons=joined)


def figures_note(day: date, fixed: Decimal, tax: Decimal, loans: Decimal) -> str:
    """Rule 1: the figures of the latest progress row an unconfirmed project was judged on
    (a carry-over's fixed asset, a 总部经济 project's tax are read from it)."""
    return tell(NOTES["figures"], date=day, fixed=wan(fixed), tax=wan(tax), loans=wan(loans))


def verified_note(metric: str, verified: Decimal, ledger: Decimal) -> str:
    m = METRICS[metric]
    return tell(NOTES["verified"], metric=m, verified=Quantity(m, verified), ledger=Quantity(m, ledger))


def _ratios(ratios: Sequence[tuple[str, Decimal, Decimal]]) -> str:
    parts = [tell(NOTES["ratio"], metric=METRICS[m], value=v, target=Quantity(METRICS[m], t), rate=Rate(v / t, 2))
             for m, v, t in ratios]
    return ("；" if language() != "en" else "; ").join(parts)


def points_note(ratios: Sequence[tuple[str, Decimal, Decimal]], points: Decimal) -> str:
    """Rules 3 and 6: ``得分 = 100 × 平均(min(100%, 完成 / 任务))：招商引资总额 6,900 / 4,000 万元 =
    172.50%；… → 100.00``; *ratios* are (metric, value, target)."""
    return tell(NOTES["points"], ratios=_ratios(ratios), points=notes.places2(points))


def behind_note(progress: Decimal, ratios: Sequence[tuple[str, Decimal, Decimal]]) -> str:
    return tell(NOTES["behind"], progress=Rate(progress, 2), ratios=_ratios(ratios))


def leave_post_note(day: date, metric: str, then: Decimal, target: Decimal, min_ratio: Decimal, as_of: date,
                    now: Decimal) -> str:
    m = METRICS[metric]
    return tell(NOTES["leave_post"], day=day, metric=m, then=then, target=Quantity(m, target),
                rate_then=Rate(then / target, 2), min_rate=Rate(min_ratio, 2), as_of=as_of, now=now,
                rate_now=Rate(now / target, 2))


def not_counted_note() -> str:
    return tell(NOTES["not_counted"])


def no_trip_note(start: date, end: date) -> str:
    return tell(NOTES["no_trip"], start=start, end=end)


def no_big_note(start: date, by: date, least: Decimal) -> str:
    return tell(NOTES["no_big"], start=start, by=by, least=wan(least))


def promotion_note(day: date, title: str) -> str:
    return tell(NOTES["promotion"], day=day, title=title)


def no_promotion_note(start: date, by: date) -> str:
    return tell(NOTES["no_promotion"], start=start, by=by)


def personal_note(project: str, total: Decimal, least_total: Decimal, fixed: Decimal, least_fixed: Decimal) -> str:
    return tell(NOTES["personal"], project=project, total=wan(total), least_total=wan(least_total),
                fixed=wan(fixed), least_fixed=wan(least_fixed))


def personal_points_note(count: int) -> str:
    return tell(NOTES["personal_done" if count >= 1 else "personal_not"], count=count)


def deposit_late_note(paid: date, due: date) -> str:
    return tell(NOTES["deposit_late"], paid=paid, due=due)


Why = tuple[bool, int | None, str, bool]
"""Rule 11's grounds: (the bureau met its targets, the person's personal projects — None
when judged by a unit —, that unit's name, the person's or unit's task done)."""


def _why(why: Why) -> str:
    bureau_done, count, unit, done = why
    bureau = Text(*NOTES["bureau_done" if bureau_done else "bureau_not"])
    if count is not None:
        return tell(NOTES["why_personal"], bureau=bureau, count=count,
                    done=Text(*NOTES["task_done" if done else "task_not"]))
    return tell(NOTES["why_unit"], bureau=bureau, unit=unit, done=Text(*NOTES["unit_done" if done else "unit_not"]))


def settled_note(how: str, why: Why, amount: Decimal) -> str:
    """Rule 11 when the deposit comes back whole (*how*: ``refund_reward`` or ``refund_only``)."""
    return tell(NOTES[how], why=_why(why), amount=Yuan(amount))


def deducted_note(why: Why, metric: str, value: Decimal | None, target: Decimal | None, short: Decimal,
                  amount: Decimal, deduction: Decimal, refund: Decimal) -> str:
    """Rule 11 with a deduction: ``…；招商引资总额 16,800 / 18,000 万元，差额比例 6.67%：扣除 3,000.00 元 ×
    (1 − 16,800 / 18,000) = 200.00 元，退回 …``."""
    m = METRICS[metric]
    if value is None or target is None:
        ratio = tell(NOTES["no_target"], metric=m)
        expr = "0"
    else:
        ratio = tell(NOTES["shortfall"], metric=m, value=value, target=Quantity(m, target), short=Rate(short, 2))
        expr = (f"(1 − {notes.thousands(value)} / {notes.thousands(target)})" if 0 < short < 1
                else notes.percent(short, 2))
    return tell(NOTES["deduct"], why=_why(why), ratio=ratio, amount=Yuan(amount), expr=expr, deduction=Yuan(deduction),
                refund=Yuan(refund))

