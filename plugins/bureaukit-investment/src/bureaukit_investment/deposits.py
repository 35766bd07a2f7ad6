"""Rules 10–11: 风险金 and the year-end settlement 奖惩 (seed 000 第一篇 五).

五(一) "局班子成员及二级机构主要负责人每人缴纳风险金3000元;局机关工作人员和二级机构其他班子成员按照自愿
原则缴纳风险金2000元。风险金于5月20日之前上缴局机关财务科。"
五(二) "年终根据区招商引资考核组对我局完成实绩及个人招商引资项目考核结果,分别予以奖惩。
1、全局完成区委、区政府下达的招商引资任务。(1)局班子成员及二级机构主要负责人完成任务的,个人缴纳风险金
退回并对等奖励;(2)…未完成任务的,个人缴纳风险金退回,不予奖励;(3)所属单位完成局下达任务的,…缴纳风险金
人员风险金退回并对等奖励;(4)所属单位未完成局下达任务的,单位缴纳风险金人员风险金退回,不予奖励。
2、全局未完成区委、区政府下达的招商引资任务。(1)…完成任务的,个人缴纳风险金退回并对等奖励;(2)…未完成
任务的,个人缴纳风险金按照区委、区政府下达我局任务的差额比例相应扣除;(3)所属单位完成局下达任务,单位
缴纳风险金人员风险金退回并对等奖励;(4)所属单位未完成局下达任务的,单位个人缴纳风险金按照局下达各单位
任务的差额比例相应扣除。"
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import (
    Context,
    Finding,
    Note,
    Payment,
    PaymentKind,
    PeriodError,
    Person,
    Roles,
    Yuan,
    say,
    to_yuan,
)
from bureaukit_investment.catalogue import MESSAGES
from bureaukit_investment.confirmation import Assessed
from bureaukit_investment.notes import Why, deducted_note, deposit_late_note, settled_note
from bureaukit_investment.records import Deposit
from bureaukit_investment.settings import InvestmentSettings
from bureaukit_investment.tasks import Standing

ZERO = Decimal(0)


def run_deposits(ctx: Context) -> list[Deposit]:
    """The deposits this run answers for: those paid in the period, and — in a period
    holding the due day — those paid before it but after the previous year's due day.

    五(一) "风险金于5月20日之前上缴": a deposit paid on 2013-12-28 for 2014 is paid before
    2014's due day, not missing, and is settled with 2014. One paid before 2013's due day
    was 2013's deposit (a ledger not yet renewed), so it pays nothing for 2014. A period
    without the due day (2014-H2) settles only what was paid in it, as before."""
    due = _due(ctx)
    period = ctx.period
    if due is None or not period.contains(due):
        return [d for d in ctx.records["deposits"] if d.paid >= period.start]
    try:
        last_due = due.replace(year=due.year - 1)
    except ValueError:  # a due day of 02-29
        last_due = due.replace(year=due.year - 1, day=28)
    return [d for d in ctx.records["deposits"] if d.paid >= period.start or d.paid > last_due]


def _due(ctx: Context) -> date | None:
    s: InvestmentSettings = ctx.settings
    try:
        return ctx.period.month_day(s.deposit.due)
    except PeriodError:
        return None


def deposit_missing(ctx: Context) -> Iterator[Finding]:
    """Rule 10: a person with a mandatory role, in post on the due day, with no deposit paid
    on or before it (runs with ``as_of`` on or after the due day inside the period)."""
    s: InvestmentSettings = ctx.settings
    due = _due(ctx)
    if due is None or not ctx.period.contains(due) or ctx.as_of < due:
        return
    paid = {d.person: d for d in run_deposits(ctx)}
    roles = Roles(s.deposit.mandatory_roles)
    for p in ctx.org.everyone():
        if not roles.matches(p, ctx.org) or not p.in_post(due):
            continue
        d = paid.get(p.id)
        if d is not None and d.paid <= due:
            continue
        fields = {"person": p, "due": due, "amount": Yuan(s.deposit.mandatory_yuan)}
        yield ctx.finding(
            bk.person(p.id),
            "deposit_missing",
            "violation",
            (say(MESSAGES["deposit_late"], **fields, paid=d.paid) if d is not None
               else say(MESSAGES["deposit_missing"], **fields)),
            due=due,
            evidence=[ctx.evidence(d, Note(deposit_late_note, (d.paid, due)))] if d is not None else [],
        )


def own_standing(ctx: Context, person: Person, table: dict[str, Standing]) -> Standing:
    """The nearest unit, from the person's own upward, that has an allocation; the bureau
    when none has."""
    chain = [person.unit, *(u.id for u in ctx.org.ancestors(person.unit))]
    for uid in chain:
        if uid in table:
            return table[uid]
    return table[ctx.org.root.id]


def settle(
    ctx: Context, table: dict[str, Standing], credited: dict[str, list[Assessed]]
) -> Iterator[Payment]:
    """Rule 11 (final runs only): every deposit of the run is refunded, rewarded or
    partly deducted by the table of 五(二)."""
    if not ctx.final:
        return
    s: InvestmentSettings = ctx.settings
    metric = s.settlement_metric
    bureau = table[ctx.org.root.id]
    personal = Roles(s.personal_roles)
    for d in sorted(run_deposits(ctx), key=lambda d: d.person):
        person = ctx.org.people.get(d.person)
        if person is None:
            continue
        yield from _settle_one(ctx, d, person, personal, bureau, table, credited, metric)


def _settle_one(
    ctx: Context,
    d: Deposit,
    person: Person,
    personal: Roles,
    bureau: Standing,
    table: dict[str, Standing],
    credited: dict[str, list[Assessed]],
    metric: str,
) -> Iterator[Payment]:
    amount = to_yuan(d.amount_yuan)
    subject = bk.person(person.id)
    period = ctx.period.id
    if personal.matches(person, ctx.org):
        n = len(credited.get(person.id, []))
        done = n >= 1
        why: Why = (bureau.completed, n, "", done)
        basis = bureau
    else:
        basis = own_standing(ctx, person, table)
        done = basis.completed
        why = (bureau.completed, None, ctx.org.unit(basis.unit).name, done)
    if done:
        note = Note(settled_note, ("refund_reward", why, amount))
        yield from _pay(ctx, d, subject, "refund", amount, period, note)
        yield from _pay(ctx, d, subject, "reward", amount, period, note)
        return
    if bureau.completed:
        yield from _pay(ctx, d, subject, "refund", amount, period, Note(settled_note, ("refund_only", why, amount)))
        return
    short = basis.shortfall(metric)
    deduction = to_yuan(amount * short)
    refund = amount - deduction
    v, t = (basis.values[metric], basis.targets[metric]) if metric in basis.targets else (None, None)
    note = Note(deducted_note, (why, metric, v, t, short, amount, deduction, refund))
    yield from _pay(ctx, d, subject, "deduction", deduction, period, note)
    yield from _pay(ctx, d, subject, "refund", refund, period, note)


def _pay(
    ctx: Context, d: Deposit, subject: str, kind: PaymentKind, amount: Decimal, period: str, note: Note
) -> Iterator[Payment]:
    """One payment; a zero amount is not emitted."""
    if amount != ZERO:
        yield Payment(subject, kind, amount, period, [ctx.evidence(d, note)])
