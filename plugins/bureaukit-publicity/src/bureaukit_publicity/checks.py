"""What the types cannot say: config paths and ledger rows the publicity rules need.

Config: quota units must be units, quotas ≥ 0, ``fee_units`` entries must be unit ids
or unit kinds, a new outlet code must give all five keys; an empty ``quotas`` (the
seed's 附表 is not reproduced) is only a warning. Ledger: every 采用单位 must name an
outlet of the row's 类型, no author twice in one row, no item adopted twice by one
outlet however the outlet is spelt, no 答复日期 before 收到日期.
"""

from __future__ import annotations

from collections.abc import Iterator

from bureaukit.plugin import (
    CheckContext,
    CheckIssue,
    ConfigError,
    ConfigWarning,
    LedgerError,
    enum_label,
    pick,
    selector_problem,
    toml_key,
)
from bureaukit_publicity.outlets import resolve_outlet
from bureaukit_publicity.records import Adoption, Case
from bureaukit_publicity.settings import (
    DEFAULT_STAFFING,
    Outlet,
    PublicitySettings,
    merge_outlets,
    staffing_of,
)


def check(ctx: CheckContext) -> Iterator[CheckIssue]:
    s: PublicitySettings = ctx.settings
    yield from _check_config(ctx, s)
    table, problems = merge_outlets(s.outlets)
    for path, message in problems:
        yield ConfigError(path, message)
    for code in sorted(s.outlets):
        o = table.get(code)
        if o is not None and o.fee_yuan < 0:
            yield ConfigError(f"outlets.{code}.fee_yuan", pick(f"不能小于 0，实为 {o.fee_yuan}", f"must be ≥ 0, got {o.fee_yuan}"))
    seen: dict[tuple[str, str], Adoption] = {}
    adoptions: list[Adoption] = list(ctx.records.get("adoptions", ()))
    resolved: dict[str, Outlet | None] = {}  # each distinct cell text resolved once
    for a in adoptions:
        o = resolved[a.outlet] if a.outlet in resolved else resolved.setdefault(a.outlet, resolve_outlet(a.outlet, table))
        if o is None:
            yield LedgerError(a, "采用单位", pick(f'未知的采用单位"{a.outlet}"：应为以下之一：',
                                                  f'unknown outlet, got "{a.outlet}": expected one of ')
                              + ", ".join(f"{c} {table[c].zh}" for c in sorted(table)))
        elif o.kind != a.kind.name:
            yield LedgerError(a, "采用单位", pick(
                f'采用单位"{a.outlet}"（{o.code} {o.zh}）只采用{"新闻" if o.kind == "news" else "信息"}，'
                f"而此行的类型是 {enum_label(a.kind)}",
                f'outlet "{a.outlet}" ({o.code} {o.zh}) takes {o.kind} {"新闻" if o.kind == "news" else "信息"}, '
                f"but the row's 类型 is {a.kind.name} {enum_label(a.kind)}",
            ))
        elif (a.item, o.code) in seen and seen[(a.item, o.code)] is not a:
            yield LedgerError(a, "采用单位", pick(f'稿件"{a.item}"已登记为被 {o.code} {o.zh} 采用',
                                                  f'item "{a.item}" is already recorded as adopted by {o.code} {o.zh}'))
        else:
            seen[(a.item, o.code)] = a
        if len(set(a.authors)) < len(a.authors):  # an author listed twice: name each
            twice = sorted({p for p in a.authors if a.authors.count(p) > 1})
            yield LedgerError(a, "作者", pick(f'{", ".join(twice)} 列了两次，实为 "{";".join(a.authors)}"',
                                              f'{", ".join(twice)} listed twice, got "{";".join(a.authors)}"'))
    cases: list[Case] = list(ctx.records.get("cases", ()))
    for c in cases:
        if c.replied is not None and c.replied < c.received:
            yield LedgerError(c, "答复日期", pick(
                f'答复日期早于受理日期（{c.received.isoformat()}），实为 "{c.replied.isoformat()}"',
                f'replied before it was received ({c.received.isoformat()}), got "{c.replied.isoformat()}"',
            ))


def _check_config(ctx: CheckContext, s: PublicitySettings) -> Iterator[CheckIssue]:
    if not s.quotas:
        yield ConfigWarning("quotas", pick(
            "宣传信息工作尚未设置任务分解（附表）：没有单位统计新闻、信息条数，不计分，也不检查人员配备",
            "no quotas (任务分解 附表) given: no unit gets news/info counts, points or staffing checks",
        ))
    for uid in sorted(s.quotas):
        if uid not in ctx.org.units:
            yield ConfigError(f"quotas.{uid}", pick(f'"{uid}" 不是单位', f'"{uid}" is not a unit'))
        q = s.quotas[uid]
        for key in ("news", "info"):
            v: int = getattr(q, key)
            if v < 0:
                yield ConfigError(f"quotas.{uid}.{key}", pick(f"不能小于 0，实为 {v}", f"must be ≥ 0, got {v}"))
    if s.fee_units is not None:
        kinds = {u.kind for u in ctx.org.units.values()}
        for i, entry in enumerate(s.fee_units):
            if entry not in ctx.org.units and entry not in kinds:
                yield ConfigError(f"fee_units[{i}]", pick(f'"{entry}" 既不是单位编号，也不是任何单位的类型',
                                                          f'"{entry}" is neither a unit id nor the kind of any unit'))
    for key in ("news_count", "info_count", "news_min", "info_min"):
        n: int = getattr(s.award, key)
        if n < 0:
            yield ConfigError(f"award.{key}", pick(f"不能小于 0，实为 {n}", f"must be ≥ 0, got {n}"))
    if s.award.amount_yuan < 0:
        yield ConfigError("award.amount_yuan", pick(f"不能小于 0，实为 {s.award.amount_yuan}", f"must be ≥ 0, got {s.award.amount_yuan}"))
    if s.good_news_yuan < 0:
        yield ConfigError("good_news_yuan", pick(f"不能小于 0，实为 {s.good_news_yuan}", f"must be ≥ 0, got {s.good_news_yuan}"))
    if s.long_chars <= 0:
        yield ConfigError("long_chars", pick(f"应大于 0，实为 {s.long_chars}", f"must be > 0, got {s.long_chars}"))
    if s.long_multiplier < 1:
        yield ConfigError("long_multiplier", pick(f"不能小于 1，实为 {s.long_multiplier}", f"must be ≥ 1, got {s.long_multiplier}"))
    if s.reply_days < 0:
        yield ConfigError("reply_days", pick(f"不能小于 0，实为 {s.reply_days}", f"must be ≥ 0, got {s.reply_days}"))
    yield from _check_staffing(ctx, s)


def _check_staffing(ctx: CheckContext, s: PublicitySettings) -> Iterator[CheckIssue]:
    """Each ``staffing`` key is a role selector (CORE §2: ``unit_head@office``), its
    minimum ≥ 0; a default key is spared the kind check (it has no kinds)."""
    for key, n in sorted(staffing_of(s).items()):
        path = f"staffing.{toml_key(key)}"
        for message in selector_problem(key, ctx.org, is_default=key in DEFAULT_STAFFING):
            yield ConfigError(path, message)
        if n < 0:
            yield ConfigError(path, pick(f"不能小于 0，实为 {n}", f"must be ≥ 0, got {n}"))
