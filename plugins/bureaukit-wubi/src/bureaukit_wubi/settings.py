"""Settings of the "五比五争" campaign ``[campaigns.wubi]`` (docs/campaigns/wubi.md).

Seed 003 prescribes the five 比 and their 先锋 (二、主要内容) and “分类设计争创平台”
(二(五)一: ``pacesetter_groups``); it scores nothing, so the weights, trimming, blend and
stage values are the bureau's defaults.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

DIMENSIONS: tuple[str, ...] = ("jingjie", "yeji", "chuangxin", "fuwu", "zuofeng")
"""The five comparisons 五比, in the seed's order."""

COMPARE: dict[str, str] = {"jingjie": "比境界", "yeji": "比业绩", "chuangxin": "比创新", "fuwu": "比服务", "zuofeng": "比作风"}
VANGUARD: dict[str, str] = {
    "jingjie": "解放思想",
    "yeji": "科学发展",
    "chuangxin": "攻坚克难",
    "fuwu": "联系群众",
    "zuofeng": "强力执行",
}
ENGLISH: dict[str, str] = {
    "jingjie": "outlook",
    "yeji": "performance",
    "chuangxin": "innovation",
    "fuwu": "service",
    "zuofeng": "work style",
}


def _equal_weights() -> dict[str, Decimal]:
    return {code: Decimal(20) for code in DIMENSIONS}


@attrs.frozen
class Blend:
    """Rule 3: how rating averages and evidence rates combine (each ≥ 0, summing to 1)."""

    ratings: Decimal = Decimal("0.6")
    evidence: Decimal = Decimal("0.4")


@attrs.frozen
class Stages:
    """Value (0–1) of each benchmark stage 寻标、对标、达标、夺标."""

    found: Decimal = Decimal("0.25")
    compared: Decimal = Decimal("0.5")
    met: Decimal = Decimal("0.75")
    won: Decimal = Decimal("1.0")


@attrs.frozen
class WubiSettings:
    units: tuple[str, ...] = ("institution", "station", "office")
    """Unit kinds that take part: the rated kinds."""
    weights: dict[str, Decimal] = attrs.field(factory=_equal_weights)
    """Dimension code → weight ≥ 0 (rule 4); a table given names all five."""
    trim: int = 1
    """N of rule 1 (去掉最高分、最低分); 0: no trimming."""
    blend: Blend = Blend()
    """Rule 3: ratings × average + evidence × 100 × rate."""
    stages: Stages = Stages()
    """Value of each benchmark stage 寻标、对标、达标、夺标."""
    pacesetter_groups: dict[str, tuple[str, ...]] | None = None
    """分类设计争创平台: group name → unit kinds; default one group per rated kind."""

    def groups(self) -> dict[str, tuple[str, ...]]:
        if self.pacesetter_groups is not None:
            return self.pacesetter_groups
        return {kind: (kind,) for kind in self.units}
