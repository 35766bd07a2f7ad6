"""Rule 1: the rating average 评分均值, trimmed 去掉最高分、最低分 when there are enough."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def trimmed(scores: Sequence[Decimal], trim: int) -> list[Decimal]:
    """The scores kept: with more than 2N, the N highest and N lowest are dropped
    (tied extremes drop one instance each); otherwise all are kept."""
    ordered = sorted(scores)
    if trim > 0 and len(ordered) > 2 * trim:
        return ordered[trim:-trim]
    return ordered


def rating_average(scores: Sequence[Decimal], trim: int) -> Decimal | None:
    kept = trimmed(scores, trim)
    if not kept:
        return None
    return sum(kept, Decimal(0)) / len(kept)
