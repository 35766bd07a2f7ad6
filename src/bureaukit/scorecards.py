"""Scorecards (CORE §9): weighted composite, roll-up 三级联动, grades and ranks 1, 2, 2, 4."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

import attrs

from bureaukit import money
from bureaukit.config import ScoringConfig
from bureaukit.money import FEN
from bureaukit.org import Org


@attrs.frozen
class Scorecard:
    subject: str
    name: str
    group: str | None
    composite: Decimal
    """Quantised to 0.01 (ROUND_HALF_UP), as graded and ranked."""
    grade: str | None
    rank: int | None
    campaigns: Mapping[str, Decimal]
    """Each rating campaign's points (unrounded)."""
    own: Decimal
    """The composite before roll-up (unrounded)."""
    children: tuple[str, ...] = ()
    """The rated child units rolled into it."""


def group_of_kind(scoring: ScoringConfig, kind: str) -> str | None:
    if scoring.groups is None:
        return kind
    for group, kinds in scoring.groups.items():
        if kind in kinds:
            return group
    return None


def rank_in_groups(items: Sequence[tuple[str, str | None, Decimal]]) -> dict[str, int | None]:
    """Standard competition ranking within each group, by composite descending."""
    ranks: dict[str, int | None] = {}
    groups: dict[str | None, list[tuple[str, Decimal]]] = {}
    for subject, group, composite in items:
        groups.setdefault(group, []).append((subject, composite))
    for group, members in groups.items():
        if group is None:
            for s, _ in members:
                ranks[s] = None
            continue
        members.sort(key=lambda m: (-m[1], m[0]))
        prev: Decimal | None = None
        rank = 0
        for i, (s, c) in enumerate(members, start=1):
            if c != prev:
                rank = i
                prev = c
            ranks[s] = rank
    return ranks


def make_scorecards(
    points: Mapping[str, Mapping[str, Decimal]],
    org: Org,
    scoring: ScoringConfig,
) -> list[Scorecard]:
    """Scorecards from each subject's ``points`` per campaign: each subject's own
    composite, units rolled up from the leaves, then graded and ranked per group."""
    own = {subject: c for subject, by_campaign in points.items()
           if (c := weighted_mean(by_campaign, scoring.weights)) is not None}
    final, kids_used = roll_up(own, org, scoring.rollup)
    cards = _unit_entries(final, org, scoring)
    if scoring.rank_people:
        cards += _person_entries(own, org, scoring)
    ranks = rank_in_groups([(s, g, q) for s, _, g, q in cards])
    return [
        Scorecard(
            subject=subject,
            name=name,
            group=group,
            composite=q,
            grade=next((b.label for b in scoring.grades if b.min <= q), None),
            rank=ranks[subject],
            campaigns=dict(sorted(points[subject].items())),
            own=own[subject],
            children=kids_used.get(subject, ()),
        )
        for subject, name, group, q in cards
    ]


def weighted_mean(by_campaign: Mapping[str, Decimal], weights: Mapping[str, Decimal] | None) -> Decimal | None:
    """The composite: the mean of a subject's campaign points weighted by ``[scoring]
    weights`` (every weight 1 without the table); None when the weights sum to 0."""
    one = Decimal(1)
    return money.weighted_mean(
        (one if weights is None else weights.get(c, money.ZERO), p) for c, p in by_campaign.items()
    )


def roll_up(own: Mapping[str, Decimal], org: Org, rollup: Decimal) -> tuple[dict[str, Decimal], dict[str, tuple[str, ...]]]:
    """三级联动: each rated unit, deepest first, becomes ``(1 - rollup) × own + rollup ×
    mean(rated children's rolled-up composites)``. Returns the units' composites and the
    children each one rolled in."""
    final: dict[str, Decimal] = {}
    kids_used: dict[str, tuple[str, ...]] = {}
    unit_ids = sorted((s.removeprefix("unit:") for s in own if s.startswith("unit:")), key=lambda u: -org.depth(u))
    for uid in unit_ids:
        subject = f"unit:{uid}"
        rated_kids = [f"unit:{c.id}" for c in org.children(uid) if f"unit:{c.id}" in final]
        value = own[subject]
        if rollup and rated_kids:
            mean = sum((final[k] for k in rated_kids), Decimal(0)) / len(rated_kids)
            value = (1 - rollup) * value + rollup * mean
            kids_used[subject] = tuple(rated_kids)
        final[subject] = value
    return final, kids_used


Entry = tuple[str, str, str | None, Decimal]
"""(subject, name, group, composite quantised to 0.01 as graded and ranked)."""


def _unit_entries(final: Mapping[str, Decimal], org: Org, scoring: ScoringConfig) -> list[Entry]:
    out: list[Entry] = []
    for uid in sorted(s.removeprefix("unit:") for s in final):
        unit = org.units[uid]
        out.append((f"unit:{uid}", unit.name, group_of_kind(scoring, unit.kind), _fen(final[f"unit:{uid}"])))
    return out


def _person_entries(own: Mapping[str, Decimal], org: Org, scoring: ScoringConfig) -> list[Entry]:
    """People, grouped by the kind of their unit (``rank_people = true``)."""
    out: list[Entry] = []
    for subject in sorted(s for s in own if s.startswith("person:")):
        person = org.people.get(subject.removeprefix("person:"))
        if person is not None:
            kind = org.units[person.unit].kind
            out.append((subject, person.name, group_of_kind(scoring, kind), _fen(own[subject])))
    return out


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)
