"""One run's reading of the ledgers: phases placed, rows by unit and phase, the core's
step log, 转段 gates and 补课 (`StepLog`, `Gates`, `Makeups` from :mod:`bureaukit.plugin`).

Dated rows count from the window's start (rows of an older campaign in a ledger kept over
years are not this one's) up to ``as_of``: an approval (验收) given after the window still
counts. A ``phase`` cell is read as the phase's id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, TypeVar

from bureaukit.plugin import (
    Context,
    Evidence,
    Gates,
    Makeups,
    Note,
    Phase,
    StepLog,
    Trigger,
    participants,
    phase_ids,
)
from bureaukit_vanguard.notes import trigger_note
from bureaukit_vanguard.phases import placed, window_of
from bureaukit_vanguard.records import Approval, Makeup, Measure, Survey, Talk
from bureaukit_vanguard.settings import PhaseDef, VanguardSettings


class PhaseRow(Protocol):
    @property
    def unit(self) -> str: ...
    @property
    def phase(self) -> str: ...


R = TypeVar("R", bound=PhaseRow)


class Run:
    """What every rule reads, built once per run."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.s: VanguardSettings = ctx.settings
        self.window = window_of(self.s, ctx.period)
        self.phases: list[Phase] = placed(self.s, self.window)
        self.defs: dict[str, PhaseDef] = {d.id: d for d in self.s.phases}
        self.index = {ph.id: i for i, ph in enumerate(self.phases)}
        self.units: list[str] = participants(ctx)
        self._taking_part = set(self.units)
        self._names = phase_ids(self.phases)
        self.log = StepLog(self.phases, ctx.records.get("steps", ()))
        self.surveys: dict[tuple[str, str], Survey] = self._by_phase(self._dated("surveys"))
        approvals: dict[tuple[str, str], Approval] = self._by_phase(self._dated("approvals"))
        self.gates = Gates(self.log, approvals)
        rows: dict[tuple[str, str], Makeup] = self._by_phase(ctx.records.get("makeups", ()))
        self.makeup_rows = rows
        self.makeups = Makeups({k: (m.done, m.reviewed) for k, m in rows.items()})
        self._causes: dict[tuple[str, str, date, str], object] = {}
        self.talks: dict[str, list[Talk]] = {}
        for t in self._dated("talks"):
            self.talks.setdefault(t.unit, []).append(t)
        self.measures: dict[str, list[Measure]] = {}
        for m in sorted(ctx.records.get("measures", ()), key=lambda m: m.id):
            self.measures.setdefault(m.unit, []).append(m)

    def owe(self, unit: str, phase: str, trigger: Trigger, row: object) -> None:
        """A 补课 trigger of the unit's phase, and the ledger row that dates it (the failed
        测评, the step done, the approval): every finding that names the 补课 cites it, so
        the date it writes (补课（2014-05-08起）) is found in a row it cites."""
        self.makeups.add(unit, phase, trigger)
        self._causes.setdefault((unit, phase, trigger.day, trigger.reason), row)

    def cite_trigger(self, unit: str, phase: str, trigger: Trigger) -> Evidence:
        """A trigger's note (``2014-05-08 未经同意转段``) on the row that dated it."""
        note = Note(trigger_note, (trigger.day, trigger.reason))
        row = self._causes.get((unit, phase, trigger.day, trigger.reason))
        return self.ctx.evidence(row, note) if row is not None else Evidence(note=note)

    @property
    def as_of(self) -> date:
        return self.ctx.as_of

    def phase_id(self, cell: str) -> str | None:
        return self._names.get(cell.strip())

    def _dated(self, kind: str) -> list[Any]:
        """The kind's rows of participating units dated from the window's start."""
        lo = self.window[0]
        return [r for r in self.ctx.records.get(kind, ()) if r.unit in self._taking_part and r.date >= lo]

    def _by_phase(self, rows: Iterable[R]) -> dict[tuple[str, str], R]:
        """(unit, phase id) → the row; the check makes the pair unique."""
        out: dict[tuple[str, str], R] = {}
        for r in rows:
            pid = self.phase_id(r.phase)
            if pid is not None and r.unit in self._taking_part:
                out.setdefault((r.unit, pid), r)
        return out
