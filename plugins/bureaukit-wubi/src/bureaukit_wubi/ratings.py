"""Rule 1: the rating average 评分均值 of a unit on one of the five 比.

The seed asks each 比 to be compared — “通过比观念更新、认识深化和境界提升，看思想解放的
程度” (二(一)), “通过比工作实绩和岗位贡献” (二(二)), “看谁的创新意识强” (二(三)),
“看谁的服务意识强” (二(四)), “看谁的执行力度大” (二(五)) — but prescribes no marks; the
ratings and the trimming (去掉最高分、最低分) are the bureau's defaults (docs/campaigns/wubi.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from bureaukit_wubi.records import Rating


def trimmed(scores: Sequence[Decimal], trim: int) -> list[Decimal]:
    """The scores kept, ascending: with more than 2N (N = *trim*), the N highest and the N
    lowest are dropped (tied extremes drop one instance each); otherwise all are kept."""
    ordered = sorted(scores)
    if trim > 0 and len(ordered) > 2 * trim:
        return ordered[trim:-trim]
    return ordered


def rating_average(scores: Sequence[Decimal], trim: int) -> Decimal | None:
    """The unrounded mean of the kept scores; ``None`` when there is no rating."""
    kept = trimmed(scores, trim)
    if not kept:
        return None
    return sum(kept, Decimal(0)) / len(kept)


@attrs.frozen
class Trimmed:
    """A unit's ratings on one dimension, split into those kept and those dropped."""

    kept: tuple[Rating, ...]
    low: tuple[Rating, ...]
    """Dropped as lowest (去掉最低分)."""
    high: tuple[Rating, ...]
    """Dropped as highest (去掉最高分)."""

    @property
    def average(self) -> Decimal:
        return sum((r.score for r in self.kept), Decimal(0)) / len(self.kept)


def trim_ratings(ratings: Sequence[Rating], trim: int) -> Trimmed | None:
    """Rule 1 on the rating records themselves. Of tied extremes the instance dropped is
    the one of the first evaluator id (lowest) or the last (highest), so that the evidence
    never depends on ledger row order; the average does not depend on which is dropped."""
    if not ratings:
        return None
    ordered = sorted(ratings, key=lambda r: (r.score, r.evaluator))
    if trim > 0 and len(ordered) > 2 * trim:
        return Trimmed(tuple(ordered[trim:-trim]), tuple(ordered[:trim]), tuple(ordered[-trim:]))
    return Trimmed(tuple(ordered), (), ())
