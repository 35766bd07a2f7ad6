"""Settings of ``[campaigns.vanguard]`` (docs/campaigns/vanguard.md): defaults reproduce the
seed (seed 002 篇2) except where the page's "Seed and bureau defaults" says otherwise.

A config ``phases`` list replaces the default list whole; a ``formality`` or
``formality_steps`` table may name only some keys, the rest keep their defaults.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs


@attrs.frozen
class PhaseDef:
    """A phase 阶段: ``start``/``end`` a date or ``"MM-DD"`` placed in the window's years;
    ``survey``: a 群众满意度测评 is due before 转段; ``weight`` in ``points``."""

    id: str
    title: str
    start: str | date
    end: str | date
    steps: tuple[str, ...]
    survey: bool = False
    weight: Decimal = Decimal(1)


@attrs.frozen
class Formality:
    """The minimum of each 走过场 signal (rule 3); 0 turns that signal off."""

    talks: int = 1
    measures: int = 1
    institutions: int = 1


@attrs.frozen
class FormalitySteps:
    """The step whose doing each 走过场 signal checks."""

    talks: str = "谈心"
    measures: str = "制定整改方案"
    institutions: str = "建立长效机制"


SIGNALS: tuple[str, ...] = ("talks", "measures", "institutions")

DEFAULT_PHASES: tuple[PhaseDef, ...] = (
    # 学习动员: seed 一.3 学习, 先进事迹报告会; 动员大会 as seed 000 五(一)
    PhaseDef("learn", "学习动员", "01-01", "02-28", ("动员大会", "集中学习", "先进事迹报告会"),
             weight=Decimal(20)),
    # 分析评议: seed 三.1 "分析评议阶段七个环节", then its 回头看
    PhaseDef(
        "analyze",
        "分析评议",
        "03-01",
        "04-30",
        ("征求意见", "谈心", "撰写党性分析材料", "专题组织生活会", "提出评议意见", "反馈评议意见",
         "通报评议情况", "回头看"),
        survey=True,
        weight=Decimal(40),
    ),
    # 整改提高: seed 三.2 "要突出抓好四个环节"
    PhaseDef("rectify", "整改提高", "05-01", "06-30", ("制定整改方案", "集中整改", "整改通报", "建立长效机制"),
             survey=True, weight=Decimal(40)),
)


@attrs.frozen
class VanguardSettings:
    """``[campaigns.vanguard]``."""

    window: str | None = None
    """A period id; the phases' month-days are placed in it. Default: the run's period."""
    participants: tuple[str, ...] | None = None
    """Unit kinds whose 党支部 take part; none: every unit but the root."""
    phases: tuple[PhaseDef, ...] = DEFAULT_PHASES
    satisfaction_min: Decimal = Decimal("0.8")
    makeup_days: int = 30
    formality: Formality = Formality()
    formality_steps: FormalitySteps = FormalitySteps()
    measures_phase: str = "rectify"
