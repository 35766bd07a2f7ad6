"""Rule 5 — 舆情应对 and 网评回复 (seed 五 建立交通运输宣传信息工作应对机制).

"以实事求是的态度,积极正面地与媒体合作,及时妥善地解决存在的问题。… 对涉及到本单位的负面报道,及时给予
正确舆论引导;对涉及的咨询、建议和投诉类问题,按照归口管理的原则确定承办单位。对承办单位反馈的办理意见,
网评人员要报送给局宣传信息工作领导组负责人审核,经审核通过后方可对外答复。"

A case is due ``reply_days`` after it is received (及时: the days are a bureau default);
late, or still open past the due day → ``publicity.reply_overdue``. A replied
consultation, suggestion or complaint not approved by a ``publicity_lead`` in post on
the reply day → ``publicity.reply_unapproved``. A case received before the period counts
where its lapse or its reply falls inside the run (:func:`bureaukit.plugin.answers_in_period`; a reply dated in
the period is checked for approval).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Finding, Note, say
from bureaukit_publicity.catalogue import CASE_KINDS, MESSAGES
from bureaukit_publicity.notes import approver_note, case_note
from bureaukit_publicity.records import Case, CaseKind
from bureaukit_publicity.settings import PublicitySettings


def score_cases(ctx: Context) -> Iterator[Finding]:
    s: PublicitySettings = ctx.settings
    start = ctx.period.start
    cases: list[Case] = sorted(ctx.records["cases"], key=lambda c: c.id)
    for c in cases:
        due = c.received + timedelta(days=s.reply_days)
        overdue = _overdue(ctx, c, due) if bk.answers_in_period(c.received, c.replied, due, start) else None
        if overdue is not None:
            yield overdue
        if c.replied is not None and c.replied >= start and c.kind is not CaseKind.negative:
            unapproved = _unapproved(ctx, c, c.replied)
            if unapproved is not None:
                yield unapproved


def _overdue(ctx: Context, c: Case, due: date) -> Finding | None:
    """``publicity.reply_overdue``: answered after *due*, or unanswered on ``as_of`` > *due*."""
    s: PublicitySettings = ctx.settings
    fields = {"kind": CASE_KINDS[c.kind], "case": c.id, "received": c.received, "due": due}
    if c.replied is not None and c.replied > due:
        message = say(MESSAGES["replied_late"], **fields, replied=c.replied, late=(c.replied - due).days)
        note = Note(case_note, (c.received, s.reply_days, due, c.replied, ctx.as_of))
    elif c.replied is None and ctx.as_of > due:
        message = say(MESSAGES["unanswered"], **fields, as_of=ctx.as_of, late=(ctx.as_of - due).days)
        note = Note(case_note, (c.received, s.reply_days, due, None, ctx.as_of))
    else:
        return None
    return ctx.finding(bk.unit(c.unit), "reply_overdue", "warning", message, due=due,
                       evidence=[ctx.evidence(c, note)])


def _unapproved(ctx: Context, c: Case, replied: date) -> Finding | None:
    """``publicity.reply_unapproved``: answered without a ``publicity_lead`` in post on the
    answer day (经审核通过后方可对外答复)."""
    approver = ctx.org.people.get(c.approved_by) if c.approved_by else None
    if approver is not None and "publicity_lead" in approver.roles and approver.in_post(replied):
        return None
    if approver is None:
        why = say(MESSAGES["no_approver"])
    elif "publicity_lead" not in approver.roles:
        why = say(MESSAGES["not_lead"], approver=approver)
    else:
        why = say(MESSAGES["not_in_post"], approver=approver, replied=replied)
    return ctx.finding(
        bk.unit(c.unit),
        "reply_unapproved",
        "violation",
        say(MESSAGES["unapproved"], kind=CASE_KINDS[c.kind], case=c.id, replied=replied, why=why),
        evidence=[ctx.evidence(c, Note(approver_note, (replied, approver.name if approver is not None else c.approved_by)))],
    )
