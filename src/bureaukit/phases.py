"""Phases 阶段 and their steps 环节, shared by every staged campaign (CORE §8):
一个环节不少、一个步骤不漏.

- :func:`place_start` / :func:`place_end` put a phase's ``"MM-DD"`` into a campaign's
  window, so every campaign places month-days the same way.
- :class:`Step` is the ``steps`` record kind 环节台账 every staged campaign declares;
  :class:`StepLog` is the one reading of a ``steps`` ledger: which step a unit did for
  which phase and when, counting only from the first phase's start.
- :func:`step_findings` is the core's ``<campaign>.step_missing`` rule;
  :func:`step_ledger_errors` the ledger check of phase and step names.

Gates between phases (转段), their approvals and 补课 are in :mod:`bureaukit.gates`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any, ClassVar, Protocol, TypeVar

import attrs

from bureaukit.campaigns import ConfigError, LedgerError, Phase
from bureaukit.context import Context
from bureaukit.messages import t
from bureaukit.outcomes import Finding, Severity, unit_subject
from bureaukit.periods import Period, PeriodError, month_day, parse_period
from bureaukit.phrases import Say, Text, say
from bureaukit.records import Ledger, col

Window = tuple[date, date]


def participants(ctx: Context) -> list[str]:
    """Every unit but the root, unless the settings' ``participants`` lists unit kinds."""
    kinds = getattr(ctx.settings, "participants", None)
    if kinds:
        return [u.id for u in ctx.org.units_of_kind(*kinds)]
    return sorted(u for u in ctx.org.units if u != ctx.org.root.id)


# --- the campaign's window and placing phases in it ---------------------------------------


def campaign_window(window: str | None, period: Period | None) -> Window:
    """A staged campaign's window: its ``window`` setting (a period id such as
    ``2013-05-01..2014-04-30``, the 作风建设年), else the run's period; a nominal calendar
    year when neither is known (a ``check`` run without a period)."""
    if window is not None:
        p = parse_period(window)
        return p.start, p.end
    if period is not None:
        return period.start, period.end
    return date(2001, 1, 1), date(2001, 12, 31)


def window_errors(window: str | None, path: str = "window") -> Iterator[ConfigError]:
    """The config error, at *path*, of a ``window`` setting that is no period id."""
    if window is None:
        return
    try:
        parse_period(window)
    except PeriodError as exc:
        yield ConfigError(path, str(exc))


def as_date(value: str | date) -> date | None:
    """A date given as a date or as text ``YYYY-MM-DD``; None for a month-day."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def month_day_errors(value: str | date, path: str) -> Iterator[ConfigError]:
    """The config error, at *path*, of a phase bound that is neither a date nor a month-day
    ``MM-DD`` (checked in a leap year's neighbour, so 02-29 asks for a full date)."""
    if as_date(value) is not None:
        return
    assert isinstance(value, str)
    try:
        month_day(value, 2001)
    except PeriodError as exc:
        yield ConfigError(path, t("phase_bound", why=exc))


def place_start(value: str | date, w: Window) -> date:
    """A start: a date, or ``"MM-DD"`` in the year of the window's start — or the next
    year when that day would fall before the window's start (04-01 in a May–April window
    is the April that ends it)."""
    given = as_date(value)
    if given is not None:
        return given
    assert isinstance(value, str)
    day = month_day(value, w[0].year)
    return day if day >= w[0] else month_day(value, w[0].year + 1)


def place_end(value: str | date, start: date) -> date:
    """An end: a date, or ``"MM-DD"`` in the start's year — the next year when before the start."""
    given = as_date(value)
    if given is not None:
        return given
    assert isinstance(value, str)
    day = month_day(value, start.year)
    return day if day >= start else month_day(value, start.year + 1)


# --- the steps ledger -------------------------------------------------------------------


@attrs.frozen
class Step:
    """环节: a unit's step of a phase, done (一个环节不少、一个步骤不漏). One row a step; no key
    (a step done twice is two rows; the first counts); rows dated before the period are kept
    (``before_period=True``): a campaign counts them from its window's start. A campaign with
    more to record about a step declares its own class with these four fields and more."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "环节台账", "en": "Steps"}, dated="done", before_period=True
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    phase: str = attrs.field(metadata=col("阶段"))
    step: str = attrs.field(metadata=col("环节"))
    done: date = attrs.field(metadata=col("完成日期"))


class StepRecord(Protocol):
    """What the core reads of a ``steps`` row (extra fields are the campaign's)."""

    @property
    def unit(self) -> str: ...
    @property
    def phase(self) -> str: ...
    @property
    def step(self) -> str: ...
    @property
    def done(self) -> date | None: ...


class PhaseNamed(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...


def phase_ids(phases: Iterable[PhaseNamed]) -> dict[str, str]:
    """A ``phase`` cell (the id, or the title) → the phase id."""
    names: dict[str, str] = {}
    for ph in phases:
        names[ph.id] = ph.id
        names.setdefault(ph.title, ph.id)
    return names


class StepLog:
    """A unit's steps done, per phase: the steps ledger read once for every rule.

    A step counts only if done on or after the first phase's start: a steps ledger kept
    over several years holds last year's 动员大会 too, and that must not satisfy this
    year's (docs/decisions.md). Early work within this run of the campaign still counts.
    """

    def __init__(self, phases: Sequence[Phase], records: Iterable[StepRecord]) -> None:
        self.phases = tuple(phases)
        self.first_start = min((ph.start for ph in self.phases), default=date.min)
        names = phase_ids(self.phases)
        rows: dict[tuple[str, str, str], list[tuple[date, int, StepRecord]]] = {}
        for n, rec in enumerate(records):
            pid = names.get(str(rec.phase).strip())
            if pid is None or rec.done is None or rec.done < self.first_start:
                continue
            # the row's position breaks ties so that two rows of one day keep ledger order
            rows.setdefault((rec.unit, pid, str(rec.step).strip()), []).append((rec.done, n, rec))
        self._rows = {k: sorted(v, key=lambda t: (t[0], t[1])) for k, v in rows.items()}
        self._dates = {k: [t[0] for t in v] for k, v in self._rows.items()}

    def first(self, unit: str, phase: str, step: str) -> StepRecord | None:
        """The earliest record of the step (from the first phase's start), or None."""
        rows = self._rows.get((unit, phase, step))
        return rows[0][2] if rows else None

    def done_on(self, unit: str, phase: str, step: str) -> date | None:
        """The day the step was first done, or None."""
        rec = self.first(unit, phase, step)
        return rec.done if rec is not None else None

    def counts_by(self, unit: str, phase: str, step: str, day: date) -> bool:
        """A record of the step is dated from the first phase's start to *day*."""
        dates = self._dates.get((unit, phase, step))
        return dates is not None and bisect_right(dates, day) > 0

    def missing_by(self, unit: str, phase: Phase, day: date) -> list[str]:
        """The phase's steps the unit had not done by *day*, in the phase's order."""
        return [s for s in phase.steps if not self.counts_by(unit, phase.id, s, day)]

    def moved_on(self, unit: str, index: int) -> StepRecord | None:
        """The unit's earliest step record of any phase after ``phases[index]`` that was
        done after that phase's end: the day the unit moved on (转段). Work on a later
        phase's steps within the phase does not count (边查边改、边议边改)."""
        end = self.phases[index].end
        best: StepRecord | None = None
        best_day = date.max
        # on a tie the earlier phase and step (in the settings' order) is the evidence,
        # whatever the ledger's row order
        for later in self.phases[index + 1:]:
            for step in later.steps:
                for day, _, rec in self._rows.get((unit, later.id, step), ()):
                    if day > end:
                        if day < best_day:
                            best, best_day = rec, day
                        break
        return best


STEP_MISSING: Say = ("{phase}阶段缺少环节“{step}”（应于{due}前完成）", "phase {phase}: step “{step}” not done by {due}")
"""The message of ``<campaign>.step_missing``."""


def step_findings(
    ctx: Context, phases: Sequence[Phase], steps: Iterable[Any], severity: Severity
) -> list[Finding]:
    """``<campaign>.step_missing`` for each participating unit and each step of a phase
    that has ended by ``as_of`` with no record of it done on or before the phase's end
    (and on or after the first phase's start, see :class:`StepLog`)."""
    out: list[Finding] = []
    if not phases:
        return out
    log = StepLog(phases, steps)
    units = participants(ctx)
    for ph in phases:
        if ph.end > ctx.as_of:
            continue
        named = Text(ph.title, f"{ph.id} ({ph.title})")
        for uid in units:
            for step in log.missing_by(uid, ph, ph.end):
                message = say(STEP_MISSING, phase=named, step=step, due=ph.end)
                out.append(ctx.finding(unit_subject(uid), "step_missing", severity, message, due=ph.end))
    return out


class PhaseSteps(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def steps(self) -> Sequence[str]: ...


P = TypeVar("P", bound=PhaseSteps)


def find_phase(phases: Sequence[P], cell: str) -> P | None:
    """The phase a ``phase`` cell names, by id or title."""
    text = cell.strip()
    for ph in phases:
        if text in (ph.id, ph.title):
            return ph
    return None


def unknown_phase(record: object, phases: Sequence[PhaseSteps], cell: str, column: str = "阶段") -> LedgerError:
    known = ", ".join(f"{x.id} {x.title}" for x in phases)
    return LedgerError(record, column, t("unknown_phase", cell=cell, known=known))


def step_ledger_errors(phases: Sequence[PhaseSteps], steps: Iterable[StepRecord]) -> Iterator[LedgerError]:
    """A steps row whose phase is no phase (by id or title), or whose step is not one of
    that phase's steps: the ``阶段`` or ``环节`` column."""
    for st in steps:
        ph = find_phase(phases, st.phase)
        if ph is None:
            yield unknown_phase(st, phases, st.phase)
        elif st.step.strip() not in ph.steps:
            yield LedgerError(st, "环节", t("not_a_step", step=st.step, phase=ph.id, steps=", ".join(ph.steps)))
