"""Rules 3, 5, 6: the tasks 目标任务 of the bureau, its units and its leaders.

一、目标任务 "2014年全局招商引资任务数为1.8亿元,其中固定资产投资任务数为7000万元,工业项目任务数为
5000万元,5000万元项目两个。… 对局机关、局属二级机构实行差别化任务分解(附任务分解表)。局班子成员及
二级机构主要负责人每人负责引进一个2000万元以上的项目(其中固定资产投资不低于1000万元)。对固定资产投资
2000万元以上的项目,最多可作为2人共同引进。"
二(一) "招商引资任务数以2014年区考核组验收认定为准"。
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Note, Person, Roles, Score
from bureaukit_investment.confirmation import Assessed
from bureaukit_investment.notes import (
    big_note,
    category,
    contract_note,
    industrial_note,
    personal_note,
    personal_points_note,
    points_note,
    verified_note,
)
from bureaukit_investment.records import Project
from bureaukit_investment.settings import METRICS, InvestmentSettings

ONE = Decimal(1)
ZERO = Decimal(0)
HUNDRED = Decimal(100)


def unit_of_measure(metric: str) -> str:
    return "个" if metric == "big_projects" else "万元"


@attrs.frozen
class Standing:
    """A subject with targets (the bureau or an allocated unit): its values against them."""

    unit: str
    targets: dict[str, Decimal]
    values: dict[str, Decimal]
    evidence: dict[str, tuple[Evidence, ...]]

    def ratio(self, metric: str) -> Decimal:
        return self.values[metric] / self.targets[metric]

    @property
    def completed(self) -> bool:
        """Every target it has is met (value ≥ target)."""
        return all(self.values[m] >= t for m, t in self.targets.items())

    def shortfall(self, metric: str) -> Decimal:
        """min(1, max(0, 1 − achieved/target)); 0 with no target on *metric*."""
        if metric not in self.targets:
            return ZERO
        return min(ONE, max(ZERO, ONE - self.ratio(metric)))

    @property
    def points(self) -> Decimal:
        """100 × mean over its targets of min(1, value/target)."""
        parts = [min(ONE, self.ratio(m)) for m in self.targets]
        return HUNDRED * sum(parts, ZERO) / len(parts)

    def ratios(self) -> tuple[tuple[str, Decimal, Decimal], ...]:
        """(metric, value, target) of each target, for the notes."""
        return tuple((m, self.values[m], t) for m, t in self.targets.items())


def targets_of(ctx: Context) -> dict[str, dict[str, Decimal]]:
    """Unit id → its targets: the root's from ``targets``, the others from ``allocation``."""
    s: InvestmentSettings = ctx.settings
    out = {ctx.org.root.id: _ordered(s.targets)}
    for uid in sorted(s.allocation):
        if uid in ctx.org.units and uid != ctx.org.root.id:
            out[uid] = _ordered(s.allocation[uid])
    return out


def _ordered(table: dict[str, Decimal]) -> dict[str, Decimal]:
    return {m: table[m] for m in METRICS if m in table}


Shared = list[Evidence | None]
"""A metric's citation of each confirmed project, by its position: made the first time a
subject counts the project and taken over by every subject above it."""


def _measure(
    ctx: Context, confirmed: Sequence[Assessed], mine: Sequence[int], metric: str, shared: Shared | None
) -> tuple[Decimal, list[Evidence]]:
    """A metric's value over the confirmed projects at positions *mine* and, with *shared*
    (None: no evidence), the citation of each project counted. One loop per metric (not a
    test of the metric per project): this runs over every project of the run, once per
    subject that counts it."""
    s: InvestmentSettings = ctx.settings
    total = ZERO
    ev: list[Evidence] = []
    if metric == "total_wan":
        for i in mine:
            p = confirmed[i].project
            total += p.contract_total_wan
            if shared is not None:
                ev.append(shared[i] or _cite(ctx, shared, i, p, Note(contract_note, (p.contract_total_wan,))))
    elif metric == "fixed_asset_wan":
        for i in mine:
            a = confirmed[i]
            total += a.equivalent
            if shared is not None:
                ev.append(shared[i] or _cite(ctx, shared, i, a.project, a.note))
    elif metric == "industrial_wan":
        industrial = s.industrial_categories
        for i in mine:
            p = confirmed[i].project
            if p.category in industrial:
                total += p.contract_total_wan
                if shared is not None:
                    what = category(p.category.name, p.category.value)
                    ev.append(shared[i] or _cite(ctx, shared, i, p, Note(industrial_note, (what, p.contract_total_wan))))
    else:
        least = s.big_project_min_wan
        for i in mine:
            p = confirmed[i].project
            if p.contract_total_wan >= least:
                total += ONE
                if shared is not None:
                    ev.append(shared[i] or _cite(ctx, shared, i, p, Note(big_note, (p.contract_total_wan, least))))
    return total, ev


def _cite(ctx: Context, shared: Shared, i: int, project: Project, note: Note) -> Evidence:
    """The project at position *i* cited under this metric, once for every subject."""
    e = shared[i] = ctx.evidence(project, note)
    return e


def _positions_by_unit(confirmed: Sequence[Assessed]) -> dict[str, list[int]]:
    """Unit id → the positions in *confirmed* of the unit's own projects, ascending.

    Made once per run: a subject's projects are then those of the units of its subtree.
    A scan of every confirmed project per subject with targets cost 201 × 315k tests at a
    million rows of the 任务分解表 shape (~11 s); this is one pass plus each subject's own."""
    out: dict[str, list[int]] = {}
    for i, a in enumerate(confirmed):
        out.setdefault(a.project.unit, []).append(i)
    return out


def _within(ctx: Context, uid: str, positions: dict[str, list[int]]) -> list[int]:
    """The positions of the confirmed projects of *uid* and every unit below it, ascending
    (so the evidence cites them in the same order as one scan would)."""
    found = [i for u in ctx.org.subtree(uid) for i in positions.get(u.id, ())]
    found.sort()
    return found


def standings(ctx: Context, assessed: Sequence[Assessed], *, cite: bool = True) -> dict[str, Standing]:
    """The bureau's and each allocated unit's values on their own targets, over the confirmed
    projects of the unit and its descendants; in final runs ``district_verified`` replaces
    the bureau's figure for each metric it names. Without *cite*, the standings carry no
    evidence (for a rule that only compares the values).

    A project counts under every subject above it (its 所, its bureau, the root: the
    任务分解表 nests), and is cited with the same note under each: its citation is made
    once per metric and shared (1.28M citations were 0.43M objects at a million rows)."""
    s: InvestmentSettings = ctx.settings
    confirmed = [a for a in assessed if a.confirmed]
    positions = _positions_by_unit(confirmed)
    shared: dict[str, Shared] = {}
    out: dict[str, Standing] = {}
    for uid, targets in targets_of(ctx).items():
        mine = _within(ctx, uid, positions)
        values: dict[str, Decimal] = {}
        evidence: dict[str, tuple[Evidence, ...]] = {}
        for m in targets:
            each = shared.setdefault(m, [None] * len(confirmed)) if cite else None
            v, ev = _measure(ctx, confirmed, mine, m, each)
            if uid == ctx.org.root.id and ctx.final and m in s.district_verified:
                verified = s.district_verified[m]
                if cite:
                    ev.insert(0, Evidence(note=Note(verified_note, (m, verified, v))))
                v = verified
            values[m] = v
            evidence[m] = tuple(ev)
        out[uid] = Standing(uid, targets, values, evidence)
    return out


def score_standings(ctx: Context, table: dict[str, Standing]) -> Iterator[Score]:
    """Rule 3 and 6 for units: a Score per target and ``points``."""
    for uid in sorted(table):
        st = table[uid]
        subject = bk.unit(uid)
        for m, t in st.targets.items():
            yield Score(subject, m, st.values[m], target=t, unit=unit_of_measure(m),
                        evidence=st.evidence[m], form="exact")
        yield Score(subject, "points", st.points, evidence=[Evidence(note=Note(points_note, (st.ratios(), st.points)))])


def personal_people(ctx: Context) -> list[Person]:
    """People with a personal role who are in post at some time in the period, by id."""
    roles = Roles(ctx.settings.personal_roles)
    return [
        p for p in ctx.org.everyone()
        if roles.matches(p, ctx.org) and p.overlaps(ctx.period.start, ctx.period.end)
    ]


def personal_projects(ctx: Context, assessed: Sequence[Assessed]) -> dict[str, list[Assessed]]:
    """Person id → the qualifying projects they introduced (rule 5): confirmed, contract
    total ≥ ``personal_min_total_wan`` and planned fixed asset ≥ ``personal_min_fixed_asset_wan``;
    every introducer of a co-introduced project gets full credit."""
    s: InvestmentSettings = ctx.settings
    out: dict[str, list[Assessed]] = {}
    for a in assessed:
        p = a.project
        if (
            a.confirmed
            and p.contract_total_wan >= s.personal_min_total_wan
            and p.planned_fixed_asset_wan >= s.personal_min_fixed_asset_wan
        ):
            for pid in sorted(set(p.introducers)):
                out.setdefault(pid, []).append(a)
    return out


def score_personal(ctx: Context, credited: dict[str, list[Assessed]]) -> Iterator[Score]:
    """Rule 5 and 6 for people: ``personal_project`` (target 1) and ``points`` 100 / 0."""
    s: InvestmentSettings = ctx.settings
    least_total, least_fixed = s.personal_min_total_wan, s.personal_min_fixed_asset_wan
    for person in personal_people(ctx):
        subject = bk.person(person.id)
        mine = credited.get(person.id, [])
        ev = [
            ctx.evidence(a.project, Note(personal_note, (a.project.id, a.project.contract_total_wan, least_total,
                                                         a.project.planned_fixed_asset_wan, least_fixed)))
            for a in mine
        ]
        yield Score(subject, "personal_project", len(mine), target=1, unit="个", evidence=ev, form="exact")
        done = len(mine) >= 1
        yield Score(subject, "points", HUNDRED if done else ZERO,
                    evidence=[Evidence(note=Note(personal_points_note, (len(mine),)))])
