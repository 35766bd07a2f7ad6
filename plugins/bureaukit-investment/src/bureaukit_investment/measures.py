"""Rules 7–9: 主要措施 — 序时进度, 离岗招商, 外出招商 (seed 000 第一篇 四).

四(三) "凡承担招商引资任务的单位主要负责人每季度带队外出招商一次,也可以确定专职招商人员驻点招商 …
凡7月31日前固定资产投资任务完成未达到50%的单位,其主要领导要离岗招商,直至完成任务"。
四(四) "局招商办负责每月通报全局招商引资任务完成时序进度"。
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import bureaukit.plugin as bk
from bureaukit.plugin import (
    Context,
    Evidence,
    Finding,
    Note,
    PeriodError,
    Quantity,
    Rate,
    rates_apart,
    say,
)
from bureaukit_investment.catalogue import MESSAGES, METRICS
from bureaukit_investment.notes import behind_note, leave_post_note, no_trip_note, not_counted_note
from bureaukit_investment.records import Trip, TripKind
from bureaukit_investment.settings import InvestmentSettings
from bureaukit_investment.tasks import Citations, Standing


def behind_schedule(ctx: Context, table: dict[str, Standing]) -> Iterator[Finding]:
    """Rule 7: a subject with targets whose value/target on any target is below time progress."""
    tp = ctx.time_progress
    for uid in sorted(table):
        st = table[uid]
        lagging = [m for m in st.targets if st.ratio(m) < tp]
        if not lagging:
            continue
        each = [
            say(MESSAGES["lagging"], metric=METRICS[m], value=st.values[m],
                target=Quantity(METRICS[m], st.targets[m]), rate=rates_apart(st.ratio(m), tp)[0])
            for m in lagging
        ]
        yield ctx.finding(
            bk.unit(uid),
            "behind_schedule",
            "warning",
            say(MESSAGES["behind_schedule"], unit=ctx.org.unit(uid), progress=Rate(tp), as_of=ctx.as_of,
                  lagging=each),
            evidence=[Evidence(note=Note(behind_note, (tp, st.ratios())))],
        )


def _day(ctx: Context, md: str) -> date | None:
    try:
        return ctx.period.month_day(md)
    except PeriodError:
        return None


Checkpoint = tuple[dict[str, Standing], Citations]
"""The standings a run with the checkpoint's as_of computes, and the rows behind its metric."""


def _cited_then_and_now(then: Citations, uid: str, now: tuple[Evidence, ...]) -> list[Evidence]:
    """The rows the checkpoint's figure is summed from, then those of the figure at as_of
    that are not among them (a project with no newer row is cited once)."""
    first = then.of(uid)
    seen = {(e.source, e.row) for e in first}
    return first + [e for e in now if (e.source, e.row) not in seen]


def leave_post(
    ctx: Context,
    table: dict[str, Standing],
    standings_at: Callable[[Context], Checkpoint],
) -> Iterator[Finding]:
    """Rule 8: an allocated unit below ``min_ratio`` of its checkpoint metric at the checkpoint
    date (as a run with that as_of computes it) and still below 1 now: its heads leave post.

    四(三) "凡7月31日前固定资产投资任务完成未达到50%的单位,其主要领导要离岗招商,直至完成任务". The
    finding writes the figure at the checkpoint and the figure now; it cites the rows of
    both (the progress rows on or before the checkpoint, then the newer ones), so a clerk
    finds each figure it quotes in a row it cites."""
    s: InvestmentSettings = ctx.settings
    cp = s.checkpoint
    day = _day(ctx, cp.date)
    if day is None or not ctx.period.contains(day) or ctx.as_of < day:
        return
    # the standings at the checkpoint, a second assessment of every project: made only
    # once a unit is held to the checkpoint's metric
    then: Checkpoint | None = None
    root = ctx.org.root.id
    for uid in sorted(table):
        st = table[uid]
        if uid == root or cp.metric not in st.targets:
            continue
        if then is None:
            then = standings_at(ctx.at(day))
        before = then[0][uid]
        r_then, r_now = before.ratio(cp.metric), st.ratio(cp.metric)
        if not (r_then < cp.min_ratio and r_now < 1):
            continue
        t = st.targets[cp.metric]
        name = ctx.org.unit(uid).name
        shown_then, shown_min = rates_apart(r_then, cp.min_ratio)
        heads = ctx.org.members(uid, "unit_head", on=ctx.as_of)
        ev = [Evidence(note=Note(leave_post_note, (day, cp.metric, before.values[cp.metric], t, cp.min_ratio,
                                                   ctx.as_of, st.values[cp.metric]))),
              *_cited_then_and_now(then[1], uid, st.evidence[cp.metric])]
        for subject, who in [(bk.person(h.id), h.name) for h in heads] or [(bk.unit(uid), name)]:
            yield ctx.finding(
                subject,
                "leave_post",
                "violation",
                say(MESSAGES["leave_post"], unit=ctx.org.unit(uid), day=day, metric=METRICS[cp.metric],
                      then=before.values[cp.metric], target=Quantity(METRICS[cp.metric], t),
                      rate_then=shown_then, min_rate=shown_min, as_of=ctx.as_of, rate_now=Rate(r_now), who=who),
                due=day,
                evidence=ev,
            )


def _row_units(ctx: Context, uid: str) -> set[str]:
    """Whose rows an allocated unit's trips are: its own; for a unit with no ``unit_head`` of
    its own (the seed's 局机关, a group of 科室 under the 局班子) also those of the units
    directly under it, each led by that unit's own head or staff (docs: rule 9)."""
    if ctx.org.members(uid, "unit_head"):
        return {uid}
    return {uid, *(u.id for u in ctx.org.children(uid))}


def _counts(ctx: Context, trip: Trip) -> bool:
    """A row that meets rule 9: a trip led by a unit head of the row's unit, or 驻点招商 by any
    person of it, in post on the trip's date.

    四(三) "凡承担招商引资任务的单位主要负责人每季度带队外出招商一次,也可以确定专职招商人员驻点招商":
    the 主要负责人 who leads the quarter's trip is the one in post that day; a head who had left
    (or not yet joined) was not the unit's 主要负责人 then, nor its staff stationed for it
    (CORE §2: a person counts only for days inside their span)."""
    leader = ctx.org.people.get(trip.leader)
    if leader is None or leader.unit != trip.unit or not leader.in_post(trip.date):
        return False
    if trip.kind is TripKind.stationed:
        return True
    return "unit_head" in leader.roles


def _by_date(t: Trip) -> tuple[date, str]:
    return t.date, t.id


def no_trip(ctx: Context, table: dict[str, Standing]) -> Iterator[Finding]:
    """Rule 9: every elapsed bucket an allocated unit has no qualifying trip in."""
    s: InvestmentSettings = ctx.settings
    root = ctx.org.root.id
    # each unit's own trips by date, grouped in one pass (not a scan of all trips per unit)
    own_trips: dict[str, list[Trip]] = {}
    for t in ctx.records["trips"]:
        own_trips.setdefault(t.unit, []).append(t)
    for uid in sorted(table):
        if uid == root:
            continue
        rows_of = _row_units(ctx, uid)
        # its trips and, for 局机关, its 科室's: in date order as one scan would give them
        own = sorted((t for u in rows_of for t in own_trips.get(u, ())), key=_by_date)
        for b in ctx.buckets(s.trip_every):
            inside = [t for t in own if b.start <= t.date <= b.end]
            if any(_counts(ctx, t) for t in inside):
                continue
            ignored = [t.id for t in inside]
            yield ctx.finding(
                bk.unit(uid),
                "no_trip",
                "warning",
                say(MESSAGES["no_trip_ignored" if ignored else "no_trip"], unit=ctx.org.unit(uid),
                      bucket=b.label, start=b.start, end=b.end, ignored=ignored),
                due=b.end,
                evidence=[ctx.evidence(t, Note(not_counted_note)) for t in inside]
                or [Evidence(note=Note(no_trip_note, (b.start, b.end)))],
            )

