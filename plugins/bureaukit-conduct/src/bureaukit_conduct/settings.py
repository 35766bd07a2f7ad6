"""Settings of ``[campaigns.conduct]``: defaults reproduce the seeds.

Seed 002 篇3 四(三)二 "强化督查整改": 这次履职尽责督促检查方式多样,包括明察暗访、第三方监督、
服务对象测评和集中评议等,每一个阶段都要打分. The stage weights 30/20/30/20 and the survey
values 100/80/0 are this bureau's defaults, not the seed's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs


@attrs.frozen
class Stage:
    """One 阶段 of 强化督查整改, scored 0–100, weighted into ``points``."""

    id: str
    title: str
    weight: Decimal


def _default_stages() -> tuple[Stage, ...]:
    return (
        Stage("inspection", "明察暗访", Decimal(30)),
        Stage("third_party", "第三方监督", Decimal(20)),
        Stage("service_rating", "服务对象测评", Decimal(30)),
        Stage("collective", "集中评议", Decimal(20)),
    )


SERVICE_RATING = "service_rating"
"""The stage that survey answers stand in for when a unit has no stage score for it."""


@attrs.frozen
class Satisfaction:
    """The value of one survey answer (seed 004: 以人民群众满意不满意为评判标准)."""

    satisfied: Decimal = Decimal(100)
    basic: Decimal = Decimal(80)
    unsatisfied: Decimal = Decimal(0)


@attrs.frozen
class ProblemRange:
    """Seed 002 四(一)一: 重点查找1-2 个突出问题,列出详细整改清单."""

    min: int = 1
    max: int = 2


DEFAULT_AREAS: tuple[str, ...] = (
    "精准扶贫",
    "项目审批",
    "惠农补贴",
    "专项经费监管",
    "招投标管理",
    "道路运输市场秩序",
    "交通工程质量安全",
    "非法码头治理",
    "公路超限运输",
    "行政审批服务",
)
"""Seed 002 四(一)一: 市局将重点对交通精准扶贫、项目审批、惠农补贴、专项经费监管、招投标管理、
道路运输市场秩序、交通工程质量安全、非法码头治理、公路超限运输、行政审批服务等10个方面问题进行专项整治."""


@attrs.frozen
class ConductSettings:
    """The campaign's settings (see docs/campaigns/conduct.md for each key)."""

    units: tuple[str, ...] = ("institution", "station", "office")
    """Unit kinds reviewed (rules 1–3)."""
    stages: tuple[Stage, ...] = attrs.field(factory=_default_stages)
    satisfaction: Satisfaction = attrs.field(factory=Satisfaction)
    problems: ProblemRange = attrs.field(factory=ProblemRange)
    areas: tuple[str, ...] = DEFAULT_AREAS
    trace_back: Literal["serious", "all", "none"] = "serious"
    """倒查追责: only records marked 情节严重 (default), every record, or none."""
    not_overseen_by_main_leader: tuple[str, ...] = ("finance", "personnel", "projects")
    """三个不直接分管 (seed 000 第二篇): unit kinds a main_leader must not oversee."""
    discipline_secretary_oversees: tuple[str, ...] = ("personnel",)
    """Unit kinds a 纪委书记 must oversee (seed 000 第二篇 二(二)); empty turns it off."""

    def stage(self, text: str) -> Stage | None:
        """The stage a ``stage_scores.stage`` cell names, by id or title (None: unknown)."""
        return resolve_stage(self.stages, text)


def resolve_stage(stages: tuple[Stage, ...], text: str) -> Stage | None:
    """The one place a stage cell is read: its id (case ignored) or its title."""
    wanted = text.strip()
    for s in stages:
        if s.id.casefold() == wanted.casefold() or s.title == wanted:
            return s
    return None
