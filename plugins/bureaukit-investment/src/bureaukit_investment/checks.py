"""What the settings' types cannot say: config errors on the page, and rule 4 and the deposit
roles as ledger errors.

一、目标任务 "对固定资产投资2000万元以上的项目,最多可作为2人共同引进。"
五(一) "局班子成员及二级机构主要负责人每人缴纳风险金3000元;局机关工作人员和二级机构其他班子成员按照
自愿原则缴纳风险金2000元。"
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from bureaukit.plugin import (
    CheckContext,
    ConfigError,
    LedgerError,
    PeriodError,
    Roles,
    month_day,
    notes,
    pick,
    selector_problems,
)
from bureaukit_investment.settings import (
    METRICS,
    PERSONAL_ROLES,
    VOLUNTARY_ROLES,
    InvestmentSettings,
)

Issue = ConfigError | LedgerError


def w(value: Decimal | int) -> str:
    """A value a problem quotes: exact, as written (``1999.99``, ``-5``)."""
    return notes.exact(value)


def _near(word: str, known: list[str]) -> str:
    import difflib

    m = difflib.get_close_matches(word, known, n=1)
    return pick(f'（是否应为 "{m[0]}"？）', f' (did you mean "{m[0]}"?)') if m else ""


def _metric_table(path: str, table: dict[str, Decimal], *, positive: bool) -> Iterator[ConfigError]:
    known: list[str] = list(METRICS)
    for key in sorted(table):
        if key not in METRICS:
            yield ConfigError(f"{path}.{key}", pick(
                f'未知的键"{key}"{_near(key, known)}；可用的键：{", ".join(known)}',
                f'unknown key "{key}"{_near(key, known)}; known keys: {", ".join(known)}',
            ))
        elif positive and table[key] <= 0:
            yield ConfigError(f"{path}.{key}", pick(f"目标任务应大于 0，实为 {w(table[key])}",
                                                    f"a target must be > 0, got {w(table[key])}"))
        elif not positive and table[key] < 0:
            yield ConfigError(f"{path}.{key}", pick(f"不能小于 0，实为 {w(table[key])}", f"must be ≥ 0, got {w(table[key])}"))


def check_settings(ctx: CheckContext) -> Iterator[ConfigError]:
    s: InvestmentSettings = ctx.settings
    # no targets: the campaign is not set up yet (bureaukit init writes `targets = {}`);
    # the core notes it and score() yields nothing
    yield from _metric_table("targets", s.targets, positive=True)
    root = ctx.org.root.id
    units = sorted(ctx.org.units)
    for uid in sorted(s.allocation):
        path = f"allocation.{uid}"
        if uid == root:
            yield ConfigError(path, pick(
                f'"{uid}" 是根单位（本局），其任务即 targets；局机关的任务请通过一个机关科室单位下达',
                f'"{uid}" is the root unit (the bureau), whose task is `targets`; give 局机关 its own '
                "task through an office unit",
            ))
            continue
        if uid not in ctx.org.units:
            yield ConfigError(path, pick(f'未知单位"{uid}"{_near(uid, units)}', f'unknown unit "{uid}"{_near(uid, units)}'))
            continue
        if not s.allocation[uid]:
            yield ConfigError(path, pick("分解了任务的单位至少要有一项目标（", "an allocated unit needs at least one target (")
                              + ", ".join(METRICS) + pick("）", ")"))
        yield from _metric_table(path, s.allocation[uid], positive=True)
    yield from _metric_table("district_verified", s.district_verified, positive=False)
    for path, md in (
        ("deposit.due", s.deposit.due),
        ("checkpoint.date", s.checkpoint.date),
        ("h1_push.by", s.h1_push.by),
    ):
        if md is None:
            continue
        try:
            month_day(md, 2014)
        except PeriodError as exc:
            yield ConfigError(path, str(exc))
    if not 0 < s.checkpoint.min_ratio <= 1:
        yield ConfigError("checkpoint.min_ratio", pick(f"应大于 0 且不大于 1，实为 {w(s.checkpoint.min_ratio)}",
                                                       f"must be > 0 and ≤ 1, got {w(s.checkpoint.min_ratio)}"))
    if s.max_introducers < 1:
        yield ConfigError("max_introducers", pick(f"不能小于 1，实为 {s.max_introducers}",
                                                  f"must be ≥ 1, got {s.max_introducers}"))
    yield from _role_settings(ctx)


def check_ledgers(ctx: CheckContext) -> Iterator[LedgerError]:
    s: InvestmentSettings = ctx.settings
    for p in sorted(ctx.records.get("projects", ()), key=lambda p: p.id):
        n = len(p.introducers)
        cell = ";".join(p.introducers)
        if len(set(p.introducers)) != n:
            yield LedgerError(p, "引进人", pick(f'同一人列了两次，实为 "{cell}"', f'a person is listed twice, got "{cell}"'))
        if n > s.max_introducers:
            yield LedgerError(p, "引进人", pick(
                f'每个项目最多可作为{s.max_introducers}人共同引进，实有 {n} 人："{cell}"',
                f'at most {s.max_introducers} introducers per project (最多可作为{s.max_introducers}人'
                f'共同引进), got {n}: "{cell}"',
            ))
        elif n >= 2 and p.planned_fixed_asset_wan < s.co_introduce_min_fixed_asset_wan:
            yield LedgerError(p, "引进人", pick(
                f'计划固定资产投资 {w(s.co_introduce_min_fixed_asset_wan)} 万元以上的项目才可多人共同引进'
                f'（{n} 人："{cell}"），本项目计划 {w(p.planned_fixed_asset_wan)} 万元',
                f'{n} introducers ("{cell}") only for a planned fixed asset of '
                f"{w(s.co_introduce_min_fixed_asset_wan)} 万元 or more, this project plans "
                f"{w(p.planned_fixed_asset_wan)}",
            ))
    yield from _deposit_roles(ctx)


def _deposit_roles(ctx: CheckContext) -> Iterator[LedgerError]:
    """五(一): a deposit row of a person matching neither list (a 基层站所 head) names the
    person and both lists."""
    s: InvestmentSettings = ctx.settings
    mandatory, voluntary = Roles(s.deposit.mandatory_roles), Roles(s.deposit.voluntary_roles)
    for d in sorted(ctx.records.get("deposits", ()), key=lambda d: d.person):
        person = ctx.org.people.get(d.person)
        if person is None or mandatory.matches(person, ctx.org) or voluntary.matches(person, ctx.org):
            continue
        roles = ";".join(person.roles) or pick("无", "none")
        kind = ctx.org.unit(person.unit).kind
        yield LedgerError(d, "缴纳人", pick(
            f'"{d.person}"（{person.name}，角色 {roles}，所在单位 {person.unit}，单位类型 {kind}）不缴风险抵押金'
            f"（五(一)）：既不符合 deposit.mandatory_roles = {mandatory}，也不符合 "
            f"deposit.voluntary_roles = {voluntary}",
            f'"{d.person}" ({person.name}, roles {roles}, unit {person.unit} of kind {kind}) pays no '
            f"risk deposit (五(一)): matches neither deposit.mandatory_roles = {mandatory} "
            f"nor deposit.voluntary_roles = {voluntary}",
        ))


def _role_settings(ctx: CheckContext) -> Iterator[ConfigError]:
    """Every role list is role selectors (CORE §2); the defaults' kinds are spared."""
    s: InvestmentSettings = ctx.settings
    for path, written, default in (
        ("personal_roles", s.personal_roles, PERSONAL_ROLES),
        ("deposit.mandatory_roles", s.deposit.mandatory_roles, PERSONAL_ROLES),
        ("deposit.voluntary_roles", s.deposit.voluntary_roles, VOLUNTARY_ROLES),
    ):
        for where, message in selector_problems(path, written, ctx.org, default):
            yield ConfigError(where, message)


def check(ctx: CheckContext) -> Iterator[Issue]:
    yield from check_settings(ctx)
    yield from check_ledgers(ctx)
