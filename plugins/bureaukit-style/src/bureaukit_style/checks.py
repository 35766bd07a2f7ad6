"""What the types cannot say: the settings and ledger rows checked against each other."""

from __future__ import annotations

from collections.abc import Iterator

from bureaukit.plugin import (
    CheckContext,
    CheckIssue,
    ConfigError,
    ConfigWarning,
    LedgerError,
    Roles,
    enum_label,
    month_day_errors,
    pick,
    selector_problem,
    selector_problems,
    step_ledger_errors,
    window_errors,
)
from bureaukit_style.phases import as_date
from bureaukit_style.quotas import parse_who
from bureaukit_style.records import PERSON_REQUIRED, Activity, ActivityKind, Problem, Step
from bureaukit_style.settings import DUTY_ROLES, Resolved, StyleSettings, resolve


def check(ctx: CheckContext) -> Iterator[CheckIssue]:
    s: StyleSettings = ctx.settings
    r = resolve(s)
    yield from _check_settings(ctx, s, r)
    yield from _check_records(ctx, s, r)


def _check_settings(ctx: CheckContext, s: StyleSettings, r: Resolved) -> Iterator[CheckIssue]:
    yield from _check_numbers(s)
    yield from _check_problems(s)
    yield from _check_phases(s)
    yield from _check_quotas(ctx, s, r)
    for path, message in selector_problems("duty_roles", s.duty_roles, ctx.org, DUTY_ROLES):
        yield ConfigError(path, message)
    yield from _check_key_projects(ctx, s)


def _check_numbers(s: StyleSettings) -> Iterator[CheckIssue]:
    """The window parses; points, deductions, days, minutes and visits are not negative."""
    yield from window_errors(s.window)
    if s.base_points <= 0:
        yield ConfigError("base_points", pick(f"应大于 0，实为 {s.base_points}", f"must be > 0, got {s.base_points}"))
    for name in ("problem", "eight"):
        v = getattr(s.deductions, name)
        if v < 0:
            yield ConfigError(f"deductions.{name}", pick(f"不能小于 0，实为 {v}", f"must be ≥ 0, got {v}"))
    if s.complaint_days < 0:
        yield ConfigError("complaint_days", pick(f"不能小于 0，实为 {s.complaint_days}", f"must be ≥ 0, got {s.complaint_days}"))
    if s.meeting_max_minutes is not None and s.meeting_max_minutes < 0:
        yield ConfigError("meeting_max_minutes", pick(f"不能小于 0（0 为不检查），实为 {s.meeting_max_minutes}", f"must be ≥ 0 (0: off), got {s.meeting_max_minutes}"))
    for name in ("leader", "manager"):
        v = getattr(s.site_visits, name)
        if v < 0:
            yield ConfigError(f"site_visits.{name}", pick(f"不能小于 0，实为 {v}", f"must be ≥ 0, got {v}"))


def _check_problems(s: StyleSettings) -> Iterator[CheckIssue]:
    """A config ``problems`` list: no code or name twice, no empty code."""
    if s.problems is None:
        return
    seen: set[str] = set()
    for i, p in enumerate(s.problems):
        for text in (p.code, p.name):
            if text in seen:
                yield ConfigError(f"problems[{i}]", pick(f'"{text}" 列了两次', f'"{text}" is listed twice'))
            seen.add(text)
        if not p.code.strip():
            yield ConfigError(f"problems[{i}].code", pick("不能为空", "must not be empty"))


def _check_phases(s: StyleSettings) -> Iterator[CheckIssue]:
    """A config ``phases`` list: ids once, bounds that parse and run forwards, steps given."""
    if s.phases is None:
        return
    ids: set[str] = set()
    for i, ph in enumerate(s.phases):
        if ph.id in ids:
            yield ConfigError(f"phases[{i}].id", pick(f'阶段"{ph.id}"列了两次', f'phase "{ph.id}" is listed twice'))
        ids.add(ph.id)
        yield from month_day_errors(ph.start, f"phases[{i}].start")
        yield from month_day_errors(ph.end, f"phases[{i}].end")
        a, b = as_date(ph.start), as_date(ph.end)
        if a is not None and b is not None and b < a:
            yield ConfigError(f"phases[{i}].end", pick(f"{b} 早于开始日期 {a}", f"{b} is before the start {a}"))
        if not ph.steps:
            yield ConfigError(f"phases[{i}].steps", pick("每个阶段至少要有一个环节", "a phase needs at least one step"))


def _check_quotas(ctx: CheckContext, s: StyleSettings, r: Resolved) -> Iterator[CheckIssue]:
    """Quota ids once, ``who`` well formed, counts not negative, ``during`` a phase."""
    phase_ids = [ph.id for ph in r.phases]
    qids: set[str] = set()
    for i, q in enumerate(r.quotas):
        where = f"quotas[{i}]"
        if q.id in qids:
            yield ConfigError(f"{where}.id", pick(f'次数要求"{q.id}"列了两次', f'quota "{q.id}" is listed twice'))
        qids.add(q.id)
        yield from _check_who(ctx, where, q.who, preset=s.quotas is None)
        if q.min < 0:
            yield ConfigError(f"{where}.min", pick(f"不能小于 0，实为 {q.min}", f"must be ≥ 0, got {q.min}"))
        if q.deduction < 0:
            yield ConfigError(f"{where}.deduction", pick(f"不能小于 0，实为 {q.deduction}", f"must be ≥ 0, got {q.deduction}"))
        if q.during is not None and q.during not in phase_ids:
            yield ConfigError(
                f"{where}.during", f'unknown phase "{q.during}"; phases: {", ".join(phase_ids)}'
            )


def _check_who(ctx: CheckContext, where: str, value: object, *, preset: bool) -> Iterator[CheckIssue]:
    """``who``'s shape; a ``role`` is a role selector (CORE §2) checked as every plugin checks
    one (a preset's kinds no unit has match nobody); binding nobody is only a warning."""
    if isinstance(value, dict) and list(value) == ["role"] and isinstance(value["role"], str):
        messages = selector_problem(value["role"], ctx.org, is_default=preset)
        bad = [ConfigError(f"{where}.who.role", m) for m in messages]
        if bad:
            yield from bad
            return
    who = parse_who(value)
    if who is None:
        yield ConfigError(
            f"{where}.who",
            'expected { role = "<role selector>" }, { unit_kinds = [...] }, "bureau" or "people", '
            f"got {value!r}",
        )
    elif who.scope == "role" and not Roles(who.values).holders(ctx.org):
        yield ConfigWarning(
            f"{where}.who", f'nobody matches role "{who.values[0]}": the quota binds no one'
        )
    elif who.scope == "unit_kinds" and not ctx.org.units_of_kind(*who.values):
        yield ConfigWarning(
            f"{where}.who", f"no unit of kind {', '.join(who.values)}: the quota binds no unit"
        )


def _check_key_projects(ctx: CheckContext, s: StyleSettings) -> Iterator[CheckIssue]:
    """Key project ids once, leader and manager known people, the span forwards."""
    pids: set[str] = set()
    for i, kp in enumerate(s.key_projects):
        if kp.id in pids:
            yield ConfigError(f"key_projects[{i}].id", pick(f'重点项目"{kp.id}"列了两次', f'key project "{kp.id}" is listed twice'))
        pids.add(kp.id)
        for name in ("leader", "manager"):
            pid = getattr(kp, name)
            if pid not in ctx.org.people:
                yield ConfigError(f"key_projects[{i}].{name}", pick(f'未知人员"{pid}"', f'unknown person "{pid}"'))
        if kp.start and kp.end and kp.end < kp.start:
            yield ConfigError(f"key_projects[{i}].end", pick(f"{kp.end} 早于开始日期 {kp.start}", f"{kp.end} is before the start {kp.start}"))


def _check_records(ctx: CheckContext, s: StyleSettings, r: Resolved) -> Iterator[CheckIssue]:
    accepted = ", ".join(f"{p.code} {p.name}" for p in r.problems)
    problems: list[Problem] = sorted(ctx.records.get("problems", ()), key=lambda p: p.id)
    for p in problems:
        if r.problem(p.code) is None:
            yield LedgerError(p, "问题类型", pick(f'未知问题类型"{p.code}"；可用：{accepted}',
                                                  f'unknown problem "{p.code}"; accepted: {accepted}'))
    projects = {kp.id for kp in s.key_projects}
    activities: list[Activity] = sorted(ctx.records.get("activities", ()), key=lambda a: a.id)
    for a in activities:
        if a.kind in PERSON_REQUIRED and not a.person:
            yield LedgerError(a, "人员", pick(f"{enum_label(a.kind)}的行必须填写人员",
                                              f"a {a.kind.name} ({enum_label(a.kind)}) row must name its person"))
        if a.kind is ActivityKind.site_visit:
            if not a.project:
                yield LedgerError(a, "项目", pick("现场的行必须填写重点项目", "a site_visit (现场) row must name its key project"))
            elif a.project not in projects:
                known = ", ".join(sorted(projects)) or pick("key_projects 中未配置", "none configured in key_projects")
                yield LedgerError(a, "项目", pick(f'未知重点项目"{a.project}"；重点项目：{known}',
                                                  f'unknown key project "{a.project}"; key projects: {known}'))
    steps: list[Step] = list(ctx.records.get("steps", ()))
    yield from step_ledger_errors(r.phases, steps)
