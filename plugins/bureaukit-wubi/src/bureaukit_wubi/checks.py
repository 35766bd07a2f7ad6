"""Config and ledger rules of "五比五争" that the types cannot say (docs/campaigns/wubi.md)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from bureaukit.plugin import CheckContext, ConfigError, LedgerError, pick
from bureaukit_wubi.records import Rating
from bureaukit_wubi.settings import DIMENSIONS, WubiSettings


def check(ctx: CheckContext) -> Iterator[ConfigError | LedgerError]:
    s: WubiSettings = ctx.settings
    yield from _config(s)
    rated = set(s.units)
    for _kind, records in sorted(ctx.records.items()):
        for rec in records:
            unit = ctx.org.units[rec.unit]
            if unit.kind not in rated:
                yield LedgerError(
                    rec,
                    "单位",
                    pick(f"{unit.name}（{rec.unit}）的单位类型为“{unit.kind}”，不参加“五比五争”（参加的单位类型：{', '.join(s.units)}）",
                         f'{unit.name} ({rec.unit}) is a "{unit.kind}" unit, which "五比五争" does not rate'
                         f" (rated kinds: {', '.join(s.units)})"),
                )
            if isinstance(rec, Rating) and not 0 <= rec.score <= 100:
                yield LedgerError(rec, "评分", pick(f'评分应在 0–100 之间，实为 "{rec.score}"',
                                                    f'a score lies from 0 to 100, got "{rec.score}"'))


def _config(s: WubiSettings) -> Iterator[ConfigError]:
    if s.blend.ratings < 0 or s.blend.evidence < 0 or s.blend.ratings + s.blend.evidence != 1:
        yield ConfigError(
            "blend",
            f"ratings and evidence must each be ≥ 0 and sum to 1, got {s.blend.ratings} + {s.blend.evidence}"
            f" = {s.blend.ratings + s.blend.evidence}",
        )
    missing = [c for c in DIMENSIONS if c not in s.weights]
    extra = sorted(c for c in s.weights if c not in DIMENSIONS)
    if missing or extra:
        parts = ([f"lacks {', '.join(missing)}"] if missing else []) + (
            [f"names unknown {', '.join(extra)}"] if extra else []
        )
        yield ConfigError("weights", f"{'; '.join(parts)}: give all five of {', '.join(DIMENSIONS)}")
    for code, w in sorted(s.weights.items()):
        if w < 0:
            yield ConfigError(f"weights.{code}", pick(f"权重不能小于 0，实为 {w}", f"a weight must be ≥ 0, got {w}"))
    if s.trim < 0:
        yield ConfigError("trim", pick(f"不能小于 0，实为 {s.trim}", f"must be ≥ 0, got {s.trim}"))
    for name in ("found", "compared", "met", "won"):
        v: Decimal = getattr(s.stages, name)
        if not 0 <= v <= 1:
            yield ConfigError(f"stages.{name}", pick(f"阶段系数应在 0 到 1 之间，实为 {v}", f"a stage value lies from 0 to 1, got {v}"))
    seen: dict[str, str] = {}
    for group, kinds in sorted(s.groups().items()):
        for kind in kinds:
            if kind not in s.units:
                yield ConfigError(
                    f"pacesetter_groups.{group}", f'unit kind "{kind}" is not rated (units = {list(s.units)})'
                )
            elif kind in seen:
                yield ConfigError(
                    f"pacesetter_groups.{group}", f'unit kind "{kind}" is already in group "{seen[kind]}"'
                )
            seen.setdefault(kind, group)
