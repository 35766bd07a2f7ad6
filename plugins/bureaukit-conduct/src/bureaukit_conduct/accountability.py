"""Rule 6: 追究问责 and 倒查追责.

Seed 002 篇3 二: "对情节恶劣、影响较大、范围较广的,除对直接责任人进行追究外,还将启用倒查追责,
要追究到相关部门疏于管理的监管责任和分管领导的主体责任".
Seed 002 篇3 四(三)三 强化责任追究: "《湖北省行政问责办法》… 明确了30 种问责情形 … 严肃追究
当事人、有关领导的责任".
Seed 004 五1: "强化'一岗双责'和'谁主管、谁负责' … 对落实、改善不利的追求领导责任".
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Message, Note, Org, Person, Text, Unit, say
from bureaukit_conduct.catalogue import MESSAGES
from bureaukit_conduct.notes import accountable_note
from bureaukit_conduct.records import Accountability
from bureaukit_conduct.settings import ConductSettings


def traced(s: ConductSettings, r: Accountability) -> bool:
    """Whether 倒查追责 applies to record *r* under ``trace_back``."""
    return s.trace_back == "all" or (s.trace_back == "serious" and r.serious)


def _below_root(org: Org, uid: str) -> list[Unit]:
    """*uid* and its ancestors, nearest first, without the root: 倒查 never reaches the bureau
    itself (its leaders answer as 分管领导)."""
    return [u for u in [org.unit(uid), *org.ancestors(uid)] if u.id != org.root.id]


def supervisors(org: Org, person: Person, day: date) -> tuple[Unit, list[Person]] | None:
    """监管责任: the ``unit_head``s of the person's own unit in post on *day*; when the person is
    a head of it or it has none, those of the nearest ancestor that has one (never the root)."""
    chain = _below_root(org, person.unit)
    if chain and "unit_head" in person.roles:
        chain = chain[1:]
    for u in chain:
        heads = org.members(u.id, role="unit_head", on=day)
        if heads:
            return u, heads
    return None


def leaders(org: Org, uid: str, day: date) -> tuple[Unit, list[Person]] | None:
    """分管领导的主体责任: the ``team_member``s in post on *day* who oversee the unit; when nobody
    oversees it, those overseeing its nearest overseen ancestor (never the root). A unit a
    ``main_leader`` oversees counts as overseen, and a ``main_leader`` is never charged."""
    for u in _below_root(org, uid):
        overseers = org.overseers(u.id, on=day)
        if overseers:
            return u, [p for p in overseers if "team_member" in p.roles and "main_leader" not in p.roles]
    return None


def score_accountability(ctx: Context) -> Iterator[Finding]:
    s: ConductSettings = ctx.settings
    for r in sorted(ctx.records["accountability"], key=lambda r: r.id):
        person = ctx.org.person(r.person)
        what = r.situation or "问责"
        action = f"，{r.action}" if r.action else ""
        serious_zh = "（情节严重）" if r.serious else ""
        said = Text(r.situation, r.situation) if r.situation else Text("问责", "held accountable")
        ev = [ctx.evidence(r, Note(accountable_note, (r.date, person.name, said, r.action or "", r.serious)))]
        yield ctx.finding(
            bk.person(r.person),
            "accountable",
            "violation",
            say(MESSAGES["accountable"], record=r.id, person=person, unit=ctx.org.unit(person.unit), day=r.date,
                  what=what, action=action, serious=Text(serious_zh, " (serious)" if r.serious else "")),
            evidence=ev,
        )
        if traced(s, r):
            yield from _trace_back(ctx, r, person, ev)


def _trace_back(ctx: Context, r: Accountability, person: Person, ev: list[Evidence]) -> Iterator[Finding]:
    """倒查追责 up the tree: one Finding per person, the first duty that applies."""
    uid = person.unit
    charged = {r.person}
    head = supervisors(ctx.org, person, r.date)
    for unit, p in _uncharged(head, charged):
        yield ctx.finding(bk.person(p.id), "supervision_duty", "warning", say(
            MESSAGES["supervision_duty"], record=r.id, person=person, unit=ctx.org.unit(uid), head_of=unit,
            who=p, passed_up=_passed_up(ctx, uid, unit)), evidence=ev)
    lead = leaders(ctx.org, uid, r.date)
    for unit, p in _uncharged(lead, charged):
        yield ctx.finding(bk.person(p.id), "leadership_duty", "warning", say(
            MESSAGES["leadership_duty"], record=r.id, person=person, unit=ctx.org.unit(uid), head_of=unit,
            who=p, passed_up=_passed_up(ctx, uid, unit)), evidence=ev)

def _uncharged(found: tuple[Unit, list[Person]] | None, charged: set[str]) -> Iterator[tuple[Unit, Person]]:
    """The people *found* who are not yet charged for this record (marking them charged)."""
    if found is None:
        return
    unit, people = found
    for p in people:
        if p.id not in charged:
            charged.add(p.id)
            yield unit, p


def _passed_up(ctx: Context, uid: str, to: Unit) -> Message:
    """The note saying the duty went up the tree, or nothing when it stayed on the unit."""
    if to.id == uid:
        return say(("", ""))
    return say(MESSAGES["passed_up"], unit=ctx.org.unit(uid), to=to)
