"""Rule 2 — quotas: research, reports, training, reception, duty, articles, checks.

Seed 000 第五篇 四(一) "分层次举办2期有针对性、操作性的能力提升培训班"; 四(五) "局属各单位每年
要围绕中心工作开展1次以上的专题调研活动, 单位主要负责人每年提交1篇调研报告, 局党政领导班子成员
每年要结合全局工作或分管工作撰写1篇以上调研报告"; 四(七) "局主要领导每月到市群众来访联合接待
服务中心接待群众来访不少于2次, 各单位要制定值班表, 确保每个工作日有1名班子成员接访".
Seed 001 三(一)2 "每个干部职工年内至少完成一篇研讨文章"; 三(二)1 "个人自查, 集中3天时间";
三(二)2 "领导小组每季度组织一次全面检查".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bureaukit.plugin import (
    Context,
    Evidence,
    Finding,
    Note,
    Roles,
    SelectorError,
    Who,
    Window,
    say,
)
from bureaukit_style.catalogue import ACTIVITIES, MESSAGES
from bureaukit_style.notes import activity_note, duty_refused_note, quota_note, who_text
from bureaukit_style.phases import phase_window
from bureaukit_style.records import Activity, ActivityKind
from bureaukit_style.settings import QuotaDef, Resolved
from bureaukit_style.window import Deduction, window_of


def parse_who(value: Any) -> Who | None:
    """``{ role = "<selector>" }`` (CORE §2: ``unit_head`` or ``unit_head@station``),
    ``{ unit_kinds = [...] }``, ``"bureau"`` or ``"people"``; None if malformed (a role
    selector that does not parse included: ``check`` reports it at ``who.role``)."""
    if value == "bureau":
        return Who.bureau()
    if value == "people":
        return Who.people()
    if isinstance(value, dict) and len(value) == 1:
        ((key, v),) = value.items()
        if key == "role" and isinstance(v, str):
            try:
                return Who.role(v)
            except SelectorError:
                return None
        if (
            key == "unit_kinds"
            and isinstance(v, (list, tuple))
            and v
            and all(isinstance(k, str) for k in v)
        ):
            return Who.unit_kinds(*v)
    return None


def quota_window(ctx: Context, q: QuotaDef) -> Window:
    if q.during is not None:
        pw = phase_window(ctx, q.during)
        if pw is not None:
            return pw
    return window_of(ctx)


def quota_rows(ctx: Context, r: Resolved, q: QuotaDef, activities: list[Activity]) -> tuple[
    list[Activity], list[tuple[Activity, str]]
]:
    """The rows of the quota's activity that count, and (duty only) those of that kind that
    do not, each with why (:func:`duty_refusal`), in one pass over *activities*."""
    kind = q.activity
    rows = [a for a in activities if a.kind is kind]
    if kind is not ActivityKind.duty:
        return rows, []
    duty_roles = Roles(r.settings.duty_roles)
    counted: list[Activity] = []
    refused: list[tuple[Activity, str]] = []
    for a in rows:
        why = duty_refusal(ctx, duty_roles, a)
        if why is None:
            counted.append(a)
        else:
            refused.append((a, why))
    return counted, refused


def duty_refusal(ctx: Context, duty_roles: Roles, a: Activity) -> str | None:
    """Why a duty row does not count for its unit, None when it does: seed 000 第五篇 四(七)
    "各单位要制定值班表,确保每个工作日有1名班子成员接访" — on a workday, by one of the unit's
    own 班子成员 (``duty_roles``; not another unit's) in post that day (not one who has left)."""
    if not ctx.calendar.is_workday(a.date):
        return "rest_day"
    person = ctx.org.people.get(a.person) if a.person else None
    if person is None or not duty_roles.matches(person, ctx.org):
        return "no_role"
    if person.unit != a.unit:
        return "other_unit"
    if not person.in_post(a.date):
        return "out_of_post"
    return None


def quota_rules(
    ctx: Context, r: Resolved, bound: dict[str, list[str]]
) -> Iterator[Finding | Deduction]:
    """Shortfalls of every quota; *bound* collects quota id → subjects it binds."""
    activities: list[Activity] = sorted(ctx.records["activities"], key=lambda a: a.id)
    for q in r.quotas:
        who = parse_who(q.who)
        if who is None:  # check() reports it
            continue
        w = quota_window(ctx, q)
        bound[q.id] = ctx.quota_subjects(who, w)
        rows, refused_rows = quota_rows(ctx, r, q, activities)
        attr = "person" if who.binds_people else "unit"
        whom = who_text(who, ctx.org)
        activity = ACTIVITIES[q.activity]
        # each subject's rows, grouped once (in the same order): scanning every row for
        # every shortfall was quadratic (most of the campaign's time at a million rows)
        by_owner: dict[str | None, list[Activity]] = {}
        for a in rows:
            by_owner.setdefault(getattr(a, attr), []).append(a)
        # a shortfall cites its bucket's rows that did not count, so the roster's row the
        # clerk sees is explained, not silently passed over
        refused: dict[str | None, list[tuple[Activity, str]]] = {}
        for a, why in refused_rows:
            refused.setdefault(getattr(a, attr), []).append((a, why))
        for sf in ctx.quota(who, rows, min=q.min, per=q.per, window=w):
            key = sf.subject.partition(":")[2]
            b = sf.bucket
            counted = [a for a in by_owner.get(key, ()) if b.start <= a.date <= b.end]
            evidence = [ctx.evidence(a, Note(activity_note, (activity, a.date))) for a in counted]
            evidence += [ctx.evidence(a, Note(duty_refused_note, (activity, a.date, ctx.person_name(a.person or ""), why)))
                         for a, why in refused.get(key, ()) if b.start <= a.date <= b.end]
            summary = Note(quota_note, (activity, whom, q.per, sf.need, b.start, b.end, sf.have, q.deduction))
            evidence.append(Evidence(note=summary))
            ev = tuple(evidence)
            yield ctx.finding(
                sf.subject,
                "quota",
                "warning",
                say(MESSAGES["quota"], activity=activity, bucket=b.label, have=sf.have,
                      need=sf.need, points=q.deduction),
                due=b.end,
                evidence=ev,
            )
            yield Deduction(sf.subject, q.deduction, Evidence(note=summary))

