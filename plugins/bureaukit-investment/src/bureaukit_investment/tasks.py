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
from bureaukit_investment.confirmation import CATEGORY_TITLES, Assessed
from bureaukit_investment.notes import (
    big_note,
    contract_note,
    industrial_note,
    personal_note,
    personal_points_note,
    points_note,
    verified_note,
)
from bureaukit_investment.records import Progress, Project
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


Counted = list[Decimal | None]
"""A metric's amount of each confirmed project, by its position: None where the metric
does not count the project (an industrial total counts only industrial projects)."""


def _amounts(ctx: Context, confirmed: Sequence[Assessed], metric: str) -> Counted:
    """What each confirmed project adds to *metric* (seed 一、二): its contract total, its
    折算, its contract total if industrial, one if it is a big project."""
    s: InvestmentSettings = ctx.settings
    if metric == "total_wan":
        return [a.project.contract_total_wan for a in confirmed]
    if metric == "fixed_asset_wan":
        return [a.equivalent for a in confirmed]
    if metric == "industrial_wan":
        industrial = s.industrial_categories
        return [a.project.contract_total_wan if a.project.category in industrial else None for a in confirmed]
    least = s.big_project_min_wan
    return [ONE if a.project.contract_total_wan >= least else None for a in confirmed]


def _row(a: Assessed, metric: str) -> Project | Progress:
    """The ledger row a project's amount under *metric* is written in: for the 折算, its
    latest progress row (the fixed asset, tax or loans it converts are that row's cells),
    so a clerk finds the figure where the citation points; otherwise the project itself."""
    if metric == "fixed_asset_wan" and a.figures.row is not None:
        return a.figures.row
    return a.project


def _note(ctx: Context, a: Assessed, metric: str) -> Note:
    """The note of a project counted under *metric*: the same under every subject."""
    p = a.project
    if metric == "total_wan":
        return Note(contract_note, (p.contract_total_wan,))
    if metric == "fixed_asset_wan":
        return a.note
    if metric == "industrial_wan":
        return Note(industrial_note, (CATEGORY_TITLES[p.category], p.contract_total_wan))
    return Note(big_note, (p.contract_total_wan, ctx.settings.big_project_min_wan))


def _own_totals(amounts: Counted, positions: dict[str, list[int]]) -> dict[str, Decimal]:
    """Unit id → the sum of what its own confirmed projects add (in their order)."""
    out: dict[str, Decimal] = {}
    for uid, mine in positions.items():
        total = ZERO
        for i in mine:
            x = amounts[i]
            if x is not None:
                total += x
        out[uid] = total
    return out


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
    任务分解表 nests). So each unit's own projects are summed once per metric, and a
    subject's value is the sum of its subtree's unit totals: exact, so the same Decimal
    as a sum over every project of the subtree in any order (amounts in 万元 are far
    inside the 28 digits of the context; ``tests/test_investment_tasks.py`` holds it
    against that sum). A project is cited with the same note under each subject: its
    citation is made once per metric and shared (1.28M citations were 0.43M objects at a
    million rows)."""
    s: InvestmentSettings = ctx.settings
    confirmed = [a for a in assessed if a.confirmed]
    positions = _positions_by_unit(confirmed)
    table = targets_of(ctx)
    amounts: dict[str, Counted] = {}
    own: dict[str, dict[str, Decimal]] = {}
    shared: dict[str, list[Evidence | None]] = {}
    out: dict[str, Standing] = {}
    for uid, targets in table.items():
        units = [u.id for u in ctx.org.subtree(uid)]
        mine = _within(ctx, uid, positions) if cite else []
        values: dict[str, Decimal] = {}
        evidence: dict[str, tuple[Evidence, ...]] = {}
        for m in targets:
            if m not in amounts:
                amounts[m] = _amounts(ctx, confirmed, m)
                own[m] = _own_totals(amounts[m], positions)
            totals = own[m]
            v = sum((totals[u] for u in units if u in totals), ZERO)
            ev = _cited(ctx, confirmed, mine, m, amounts[m], shared.setdefault(m, [None] * len(confirmed))) if cite else []
            if uid == ctx.org.root.id and ctx.final and m in s.district_verified:
                verified = s.district_verified[m]
                if cite:
                    ev.insert(0, Evidence(note=Note(verified_note, (m, verified, v))))
                v = verified
            values[m] = v
            evidence[m] = tuple(ev)
        out[uid] = Standing(uid, targets, values, evidence)
    return out


def _cited(ctx: Context, confirmed: Sequence[Assessed], mine: Sequence[int], metric: str, amounts: Counted,
           shared: list[Evidence | None]) -> list[Evidence]:
    """The citation of each project at positions *mine* that *metric* counts: made the first
    time a subject counts the project, and taken over by every subject above it."""
    ev: list[Evidence] = []
    for i in mine:
        if amounts[i] is None:
            continue
        e = shared[i]
        if e is None:
            a = confirmed[i]
            e = shared[i] = ctx.evidence(_row(a, metric), _note(ctx, a, metric))
        ev.append(e)
    return ev


class Citations:
    """The rows behind one metric's value of any subject over one assessment, cited on
    demand: for a rule that quotes a value no Score carries (离岗招商's figure at the
    checkpoint), so that every figure it writes is traced to the rows it is summed from.
    Each project's citation is made once and shared, as :func:`standings` shares them."""

    def __init__(self, ctx: Context, assessed: Sequence[Assessed], metric: str) -> None:
        self.ctx = ctx
        self.metric = metric
        self.confirmed = [a for a in assessed if a.confirmed]
        self.positions = _positions_by_unit(self.confirmed)
        self.amounts = _amounts(ctx, self.confirmed, metric)
        self.shared: list[Evidence | None] = [None] * len(self.confirmed)

    def of(self, uid: str) -> list[Evidence]:
        """The citations a Score of the metric for *uid* would carry, in the same order."""
        mine = _within(self.ctx, uid, self.positions)
        return _cited(self.ctx, self.confirmed, mine, self.metric, self.amounts, self.shared)


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
