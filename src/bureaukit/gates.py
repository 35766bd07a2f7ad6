"""Gates between phases (转段), and 补课 with its 回头看: what a staged campaign needs on top
of :mod:`bureaukit.phases`.

A unit moves on from a phase only when the phase's conditions are met and a supervising
group agrees (seed 002 篇2 三.1 "经督导组把关同意后, 才能转入下一阶段"). A unit that fell
short owes one 补课 for the phase, which a 回头看 later checks. The campaign decides what
triggers a 补课 and which further conditions a phase has; this module keeps the dates
straight for every campaign the same way:

- :class:`Makeup`: one unit's 补课 for one phase — its triggers, due date, done date,
  whether it is outstanding on a day, and its status on ``as_of``;
- :class:`Gates`: the approvals read against a :class:`~bureaukit.phases.StepLog` —
  unmet conditions on an approval's day, moving on without approval, no approval.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Literal, Protocol

import attrs

from bureaukit.campaigns import Phase
from bureaukit.phases import StepLog, StepRecord


@attrs.frozen
class Trigger:
    """Why a unit owes 补课 for a phase, dated.

    ``blocks``: the trigger holds the phase's gate shut until the 补课 is done (a failed
    survey, 走过场, moving on unapproved). An approval given too early is a trigger that
    does not block: it is itself the gate being passed.
    """

    day: date
    reason: str
    blocks: bool = True


@attrs.frozen
class Unmet:
    """One condition of a gate not met on a day, in both languages."""

    zh: str
    en: str


MakeupStatus = Literal["on_time", "late", "overdue", "owed"]


@attrs.define
class Makeup:
    """补课: what one unit owes for one phase. One 补课 covers all of the phase's triggers.

    ``done``/``reviewed`` are the ledger's completion dates (``None`` when not recorded
    or after ``as_of``); a ``done`` before the first trigger is an older 补课 and does
    not count.
    """

    unit: str
    phase: str
    triggers: list[Trigger] = attrs.Factory(list)
    done: date | None = None
    reviewed: date | None = None

    @property
    def first(self) -> date:
        """The first trigger's day."""
        return min(t.day for t in self.triggers)

    def due(self, days: int) -> date:
        return self.first + timedelta(days=days)

    @property
    def done_on(self) -> date | None:
        """The day the 补课 was done, if that counts (on or after the first trigger)."""
        if self.done is None or not self.triggers or self.done < self.first:
            return None
        return self.done

    def outstanding(self, day: date) -> bool:
        """A blocking trigger is dated on or before *day*, and the 补课 was not done
        from the first trigger to *day*."""
        if not any(t.blocks and t.day <= day for t in self.triggers):
            return False
        done = self.done_on
        return done is None or done > day

    def status(self, as_of: date, days: int) -> MakeupStatus:
        """``on_time`` (done by ``due``), ``late`` (done after), ``overdue`` (not done,
        ``due`` before ``as_of``) or ``owed`` (not done, not yet due)."""
        due, done = self.due(days), self.done_on
        if done is not None:
            return "on_time" if done <= due else "late"
        return "overdue" if due < as_of else "owed"


class Makeups:
    """The 补课 each unit owes, per phase, gathered trigger by trigger."""

    def __init__(self, rows: Mapping[tuple[str, str], tuple[date | None, date | None]]) -> None:
        """*rows*: (unit, phase id) → the ledger's (done, reviewed) dates."""
        self._rows = rows
        self._owed: dict[tuple[str, str], Makeup] = {}

    def add(self, unit: str, phase: str, trigger: Trigger) -> None:
        m = self._owed.get((unit, phase))
        if m is None:
            done, reviewed = self._rows.get((unit, phase), (None, None))
            m = self._owed[(unit, phase)] = Makeup(unit, phase, [], done, reviewed)
        m.triggers.append(trigger)

    def get(self, unit: str, phase: str) -> Makeup | None:
        return self._owed.get((unit, phase))

    def owed(self) -> list[Makeup]:
        """Every 补课 owed, by unit then in the order the phases first got a trigger."""
        return sorted(self._owed.values(), key=lambda m: (m.unit, m.first, m.phase))


class Approval(Protocol):
    """What the core reads of an approval row 转段审批: the phase the unit leaves."""

    @property
    def unit(self) -> str: ...
    @property
    def phase(self) -> str: ...
    @property
    def date(self) -> date: ...


class Gates:
    """转段: the approvals of leaving each phase, read against the steps done.

    *approvals* maps (unit, phase id) to the one approval of that phase (the campaign's
    ledger key makes it one).
    """

    def __init__(self, log: StepLog, approvals: Mapping[tuple[str, str], Approval]) -> None:
        self.log = log
        self.phases: Sequence[Phase] = log.phases
        self._approvals = approvals

    def approval(self, unit: str, phase: str) -> Approval | None:
        return self._approvals.get((unit, phase))

    def unmet(self, unit: str, index: int, day: date, extra: Iterable[Unmet] = (),
              makeup: Makeup | None = None) -> list[Unmet]:
        """The phase's conditions not met on *day*: each step not done by then (with the
        day it was done later, if it was), the campaign's *extra* conditions, and an
        outstanding 补课."""
        ph = self.phases[index]
        out: list[Unmet] = []
        for step in self.log.missing_by(unit, ph, day):
            later = self.log.done_on(unit, ph.id, step)
            if later is None:
                out.append(Unmet(f"环节“{step}”未完成", f"step “{step}” not done"))
            else:
                out.append(Unmet(f"环节“{step}”{later.isoformat()}才完成",
                                 f"step “{step}” done only on {later.isoformat()}"))
        out.extend(extra)
        if makeup is not None and makeup.outstanding(day):
            out.append(Unmet(f"补课未完成（{makeup.first.isoformat()}起）",
                             f"补课 outstanding since {makeup.first.isoformat()}"))
        return out

    def moved_unapproved(self, unit: str, index: int) -> StepRecord | None:
        """The step row by which the unit moved on from ``phases[index]`` (a later phase's
        step done after its end) with no approval dated on or before that row; None when
        the unit did not move on, was approved in time, or the phase is the last."""
        if index + 1 >= len(self.phases):
            return None
        moved = self.log.moved_on(unit, index)
        if moved is None or moved.done is None:
            return None
        ok = self.approval(unit, self.phases[index].id)
        if ok is not None and ok.date <= moved.done:
            return None
        return moved

    def approval_missing(self, unit: str, index: int, as_of: date) -> bool:
        """The phase has ended, the unit has no approval of it and did not move on
        without one (that is :meth:`moved_unapproved`'s finding)."""
        ph = self.phases[index]
        return (
            ph.end <= as_of
            and self.approval(unit, ph.id) is None
            and self.moved_unapproved(unit, index) is None
        )
