"""The evidence notes of 作风建设 / 机关效能, written when a reader asks for them (result
schema 2).

Each function is pure: plain values in (names and titles, not ids or codes; the figures
the rule used), the note out in the report's language (``bureaukit.plugin.tell``); the
templates are :data:`bureaukit_style.catalogue.NOTES`. Scoring wraps a function and its
arguments in a ``Note``: a run that only writes JSON never calls one that cites a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from bureaukit.plugin import UNIT_KINDS, Org, Roles, SelectorError, Text, Who, tell
from bureaukit_style.catalogue import NOTES, PER


def _n(d: Decimal) -> str:
    """Points as a clerk writes them: ``2``, ``0.5``."""
    return format(d.normalize(), "f") if d == d.to_integral_value() else format(d, "f")


def problem_note(record: str, day: date, who: str, problem: str, source: Text, eight: bool, points: Decimal) -> str:
    """Rule 1: ``WJ-2013-09 2013-12-10 查实区道路运输管理所“慢”（公众督查）：扣 2 分``."""
    return tell(NOTES["eight" if eight else "problem"], record=record, day=day, who=who, problem=problem,
                source=source, points=_n(points))


def activity_note(activity: Text, day: date) -> str:
    return tell(NOTES["activity"], activity=activity, date=day)


def duty_refused_note(activity: Text, day: date, person: str, why: str) -> str:
    """Rule 2, a duty row of the unit that did not count: ``接访值班 2014-05-06 潘文：不计
    （不是本单位的班子成员）`` (*why*: ``rest_day``, ``no_role``, ``other_unit``, ``out_of_post``)."""
    return tell(NOTES["duty_refused"], activity=activity, date=day, person=person,
                why=Text(*NOTES[f"duty_{why}"]))


def quota_note(activity: Text, who: Text, per: str, need: int, start: date, end: date, have: int,
               points: Decimal) -> str:
    """Rule 2's shortfall: ``专题调研（二级机构、基层站所、科室，每年不少于 1 次）2013-05-01 至
    2014-04-30：有 0 次，扣 1 分``."""
    return tell(NOTES["quota"], activity=activity, who=who, per=PER.get(per, Text(per, per)), need=need,
                start=start, end=end, have=have, points=_n(points))


def who_text(who: Who, org: Org) -> Text:
    """Whom a quota binds, as a leader reads it: role and unit-kind titles, unit names."""
    if who.scope == "bureau":
        return Text(*NOTES["who_bureau"])
    if who.scope == "people":
        return Text(*NOTES["who_people"])
    if who.scope == "unit_kinds":
        return Text("、".join(UNIT_KINDS.get(k, k) for k in who.values), ", ".join(who.values))
    if who.scope == "units":
        names = [org.units[u].name if u in org.units else u for u in who.values]
        return Text("、".join(names), ", ".join(names))
    return _roles_text(who.values, org)


def _roles_text(selectors: Sequence[str], org: Org) -> Text:
    zh: list[str] = []
    en: list[str] = []
    for text in selectors:
        try:
            parsed = Roles([text]).selectors
        except SelectorError:
            zh.append(text)
            en.append(text)
            continue
        for sel in parsed:
            role = org.role_labels.get(sel.role, sel.role)
            if sel.kinds:
                kinds = "、".join(UNIT_KINDS.get(k, k) for k in sel.kinds)
                zh.append(NOTES["who_role_at"][0].format(role=role, kinds=kinds))
                en.append(NOTES["who_role_at"][1].format(role=sel.role.replace("_", " "), kinds=", ".join(sel.kinds)))
            else:
                zh.append(role)
                en.append(sel.role.replace("_", " "))
    return Text("、".join(zh), ", ".join(en))


def meeting_long_note(minutes: int, limit: int) -> str:
    return tell(NOTES["meeting_long"], minutes=minutes, limit=limit)


def meeting_missing_note(unit: str, start: date, end: date) -> str:
    return tell(NOTES["meeting_missing"], unit=unit, start=start, end=end)


def visit_note(project: str, day: date) -> str:
    return tell(NOTES["visit"], project=project, date=day)


def visits_short_note(project: str, start: date, end: date, role: Text, person: str, count: int,
                      need: int) -> str:
    """Rule 4: ``重点项目 XM-01 2014-03-03 至 2014-03-09：具体负责人张三到现场 1 次，少于每周 3 次``."""
    return tell(NOTES["visits_short"], project=project, start=start, end=end, role=role, person=person,
                count=count, need=need)


def complaint_note(received: date, handled: date | None, resolved: bool, as_of: date, days: int, limit: int,
                   due: date) -> str:
    """Rule 5: a complaint handled late, or still open, against its limit."""
    if resolved:
        key = "complaint_late"
    elif handled is not None:
        key = "complaint_no_result"
    else:
        key = "complaint_open"
    return tell(NOTES[key], received=received, handled=handled if handled is not None else "", as_of=as_of,
                days=days, limit=limit, due=due)


def verified_note(person: str) -> str:
    return tell(NOTES["verified_against"], person=person)


def points_note(base: Decimal, deducted: Sequence[Decimal], value: Decimal) -> str:
    """Rule 7: ``得分 = 100 − 2 = 98`` (never below 0)."""
    if not deducted:
        return tell(NOTES["points_none"], base=_n(base))
    terms = "".join(f" − {_n(d)}" for d in deducted)
    return tell(NOTES["points_floor" if value < 0 else "points"], base=_n(base), terms=terms, value=_n(value))


def deductions_note(total: Decimal) -> str:
    return tell(NOTES["deductions"], total=_n(total))
