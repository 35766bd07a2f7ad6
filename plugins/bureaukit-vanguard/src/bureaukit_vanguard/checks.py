"""What the types cannot say: the settings, and the ledger rows against the phases."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from bureaukit.plugin import (
    CheckContext,
    CheckIssue,
    ConfigError,
    LedgerError,
    PeriodError,
    as_date,
    find_phase,
    month_day_errors,
    pick,
    step_ledger_errors,
    unknown_phase,
    window_errors,
)
from bureaukit_vanguard.phases import order_message, out_of_order, place, window_of
from bureaukit_vanguard.records import Makeup, Survey
from bureaukit_vanguard.settings import SIGNALS, PhaseDef, VanguardSettings


def check(ctx: CheckContext) -> Iterator[CheckIssue]:
    s: VanguardSettings = ctx.settings
    yield from _check_scalars(s)
    if not s.phases:  # not set up yet (bureaukit init writes `phases = []`): the core notes it
        return
    yield from _check_phases(s, ctx)
    yield from _check_formality(s)
    yield from _check_records(ctx, s.phases)


def _check_scalars(s: VanguardSettings) -> Iterator[ConfigError]:
    yield from window_errors(s.window)
    if not 0 <= s.satisfaction_min <= 1:
        yield ConfigError("satisfaction_min", pick(f"应在 0..1 之间，实为 {s.satisfaction_min}",
                                                   f"must be within 0..1, got {s.satisfaction_min}"))
    if s.makeup_days < 0:
        yield ConfigError("makeup_days", pick(f"不能小于 0，实为 {s.makeup_days}", f"must be ≥ 0, got {s.makeup_days}"))
    if s.phases and s.measures_phase not in {ph.id for ph in s.phases}:
        known = ", ".join(ph.id for ph in s.phases) or pick("无", "none")
        yield ConfigError("measures_phase", pick(f'未知阶段"{s.measures_phase}"；可用阶段：{known}',
                                                 f'unknown phase "{s.measures_phase}"; phases: {known}'))


def _check_phase(ph: PhaseDef, where: str) -> Iterator[ConfigError]:
    if not ph.steps:
        yield ConfigError(f"{where}.steps", pick("每个阶段至少要有一个环节", "a phase needs at least one step"))
    seen: set[str] = set()
    for step in ph.steps:
        if step in seen:
            yield ConfigError(f"{where}.steps", pick(f'环节"{step}"列了两次', f'step "{step}" is listed twice'))
        seen.add(step)
    start_errors = list(month_day_errors(ph.start, f"{where}.start"))
    end_errors = list(month_day_errors(ph.end, f"{where}.end"))
    yield from start_errors
    yield from end_errors
    a, b = as_date(ph.start), as_date(ph.end)
    if a is not None and b is not None and b < a:
        yield ConfigError(f"{where}.end", pick(f"{b} 早于开始日期 {a}", f"{b} is before the start {a}"))
    if ph.weight < 0:
        yield ConfigError(f"{where}.weight", pick(f"不能小于 0，实为 {ph.weight}", f"must be ≥ 0, got {ph.weight}"))


def _check_phases(s: VanguardSettings, ctx: CheckContext) -> Iterator[ConfigError]:
    if not s.phases:
        yield ConfigError("phases", pick("活动至少要有一个阶段", "a campaign needs at least one phase"))
        return
    names: set[str] = set()
    bad = False
    for i, ph in enumerate(s.phases):
        for field, text in (("id", ph.id), ("title", ph.title)):
            if text in names:
                yield ConfigError(f"phases[{i}].{field}", pick(f'"{text}" 是两个阶段的名称', f'"{text}" names two phases'))
            names.add(text)
        errors = list(_check_phase(ph, f"phases[{i}]"))
        bad = bad or any(e.path.endswith((".start", ".end")) for e in errors)
        yield from errors
    if all(ph.weight == 0 for ph in s.phases):
        yield ConfigError("phases", pick("所有阶段的权重都是 0：得分无从加权",
                                         "every phase has weight 0: points would have nothing to weigh"))
    if not bad:
        yield from _check_order(s, ctx)


def _check_order(s: VanguardSettings, ctx: CheckContext) -> Iterator[ConfigError]:
    """转段 goes one phase after another: each phase starts after the previous one ends."""
    try:
        w = window_of(s, ctx.period)
    except PeriodError:
        return  # the window's own error is reported
    placed = [place(ph, w) for ph in s.phases]
    for i in range(1, len(placed)):
        if (bad := out_of_order(placed[i - 1:i + 1])) is not None:
            yield ConfigError(f"phases[{i}].start", order_message(*bad))


def _check_formality(s: VanguardSettings) -> Iterator[ConfigError]:
    for signal in SIGNALS:
        need = getattr(s.formality, signal)
        if need < 0:
            yield ConfigError(f"formality.{signal}", pick(f"不能小于 0（0 为不检查），实为 {need}",
                                                          f"must be ≥ 0 (0: off), got {need}"))
            continue
        step = getattr(s.formality_steps, signal)
        holders = [ph.id for ph in s.phases if step in ph.steps]
        if need > 0 and len(holders) != 1:
            where = pick("不在任何阶段中", "in no phase") if not holders else pick(
                f"在阶段 {', '.join(holders)} 中", f"in phases {', '.join(holders)}")
            yield ConfigError(f"formality_steps.{signal}", pick(f'环节"{step}"{where}；它必须恰在一个阶段中',
                                                                f'step "{step}" is {where}; it must be in exactly one'))


def _phase_errors(rows: Iterable[Any], phases: Sequence[PhaseDef]) -> Iterator[LedgerError]:
    """Unknown phases, and two rows of one (unit, phase) once titles are read as ids."""
    seen: set[tuple[str, str]] = set()
    for r in rows:
        ph = find_phase(phases, r.phase)
        if ph is None:
            yield unknown_phase(r, phases, r.phase)
            continue
        if (r.unit, ph.id) in seen:
            yield LedgerError(r, "阶段", pick(f"单位 {r.unit} 在阶段 {ph.id} 的第二行（每个单位每个阶段一行）",
                                               f"a second row for unit {r.unit}, phase {ph.id} (one per unit and phase)"))
        seen.add((r.unit, ph.id))


def _check_records(ctx: CheckContext, phases: Sequence[PhaseDef]) -> Iterator[LedgerError]:
    yield from step_ledger_errors(phases, ctx.records.get("steps", ()))
    surveys: list[Survey] = list(ctx.records.get("surveys", ()))
    yield from _phase_errors(surveys, phases)
    for sv in surveys:
        ph = find_phase(phases, sv.phase)
        if ph is not None and not ph.survey:
            yield LedgerError(sv, "阶段", pick(f"阶段 {ph.id} 不做测评（survey = false）",
                                                f"phase {ph.id} has no survey (survey = false)"))
        if sv.total == 0:
            yield LedgerError(sv, "满意", pick("满意、基本满意、不满意都是 0：测评需要有答卷",
                                                "满意, 基本满意 and 不满意 are all 0: a survey needs answers"))
    yield from _phase_errors(ctx.records.get("approvals", ()), phases)
    makeups: list[Makeup] = list(ctx.records.get("makeups", ()))
    yield from _phase_errors(makeups, phases)
    for m in makeups:
        if m.reviewed is not None and m.done is None:
            yield LedgerError(m, "回头看日期", pick("填了回头看日期，就要填补课完成日期",
                                                     "a 回头看 date needs the 补课's done date (补课完成日期)"))
        elif m.reviewed is not None and m.done is not None and m.reviewed < m.done:
            yield LedgerError(m, "回头看日期", pick(f"{m.reviewed} 早于补课完成日期（{m.done}）",
                                                     f"{m.reviewed} is before the 补课 was done ({m.done})"))
