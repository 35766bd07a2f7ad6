"""Settings of ``[campaigns.style]`` and the two presets of defaults.

- ``zuofeng``: seed 000 第五篇 "深化作风建设年" (2013年5月开始, 到2014年4月底结束).
- ``tigao``: seed 001 优化发展环境和机关效能建设 "提高年" (2012).

Fields left out of the config (``None``) take the preset's value; a config
``problems``, ``phases`` or ``quotas`` list replaces the preset's list whole.
:func:`resolve` is the one place that applies the preset.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs

from bureaukit.plugin import Per
from bureaukit_style.records import ActivityKind

Preset = Literal["zuofeng", "tigao"]


@attrs.frozen
class ProblemDef:
    """A problem type: ``code`` (``eight.N`` marks one of the 八不准) and its name."""

    code: str
    name: str


@attrs.frozen
class Deductions:
    """Points deducted per verified problem: ``eight`` for 八不准, ``problem`` otherwise."""

    problem: Decimal = Decimal(2)
    eight: Decimal = Decimal(5)


@attrs.frozen
class PhaseDef:
    """A phase: ``start``/``end`` a date or ``"MM-DD"`` placed in the window's years."""

    id: str
    title: str
    start: str | date
    end: str | date
    steps: tuple[str, ...]


@attrs.frozen
class QuotaDef:
    """An obligation: ``who`` needs ``min`` ``activity`` rows per ``per`` bucket.

    ``who`` is ``{ role = "<role selector>" }`` (CORE §2), ``{ unit_kinds = [...] }``,
    ``"bureau"`` or ``"people"`` (checked by the campaign's ``check``)."""

    id: str
    who: Any
    activity: ActivityKind
    min: int
    per: Per
    deduction: Decimal = Decimal(1)
    during: str | None = None


@attrs.frozen
class KeyProject:
    """A key project 重点建设项目: the 联系和分管 leader and the 具体负责人 manager.

    ``start``/``end`` (optional, a bureau extension): the weeks checked lie inside them."""

    id: str
    leader: str
    manager: str
    start: date | None = None
    end: date | None = None


@attrs.frozen
class SiteVisits:
    """一线工作法: visits a week, 领导每周到现场不少于1次, 具体负责人每周不少于3次."""

    leader: int = 1
    manager: int = 3


DUTY_ROLES: tuple[str, ...] = ("unit_head", "unit_team")
"""Seed 000 第五篇 四(七) 确保每个工作日有1名班子成员接访: a unit's head and its team."""


@attrs.frozen
class StyleSettings:
    """``[campaigns.style]`` (docs/campaigns/style.md)."""

    preset: Preset = "zuofeng"
    window: str | None = None
    """The campaign's window as a period id (``2014``, ``2013-05-01..2014-04-30``);
    default the run's period."""
    participants: tuple[str, ...] | None = None
    """Unit kinds that must do the phases' steps; none: every unit but the root."""
    problems: tuple[ProblemDef, ...] | None = None
    deductions: Deductions = Deductions()
    base_points: Decimal = Decimal(100)
    phases: tuple[PhaseDef, ...] | None = None
    quotas: tuple[QuotaDef, ...] | None = None
    meeting_max_minutes: int | None = None
    """Longest biweekly meeting; ``0`` turns rule 3 off. Default: the preset's (90 / off)."""
    complaint_days: int = 15
    key_projects: tuple[KeyProject, ...] = ()
    site_visits: SiteVisits = SiteVisits()
    duty_roles: tuple[str, ...] = DUTY_ROLES
    """Role selectors (CORE §2) of who may stand 接访值班: 班子成员."""


# --- the presets ---------------------------------------------------------------------

EIGHT: tuple[str, ...] = (
    "乱检查乱收费乱罚款乱摊派",
    "要求下属单位和服务对象安排宴请旅游",
    "到下属单位报销个人费用",
    "公车钓鱼",
    "工作日午间饮酒",
    "私驾私用公车",
    "擅离职守/主要领导通讯不畅",
    "上班时间玩电脑炒股票",
)

ZUOFENG_PROBLEMS: tuple[ProblemDef, ...] = (
    ProblemDef("lax", "散"),
    ProblemDef("weak", "软"),
    ProblemDef("rigid", "守"),
    ProblemDef("slow", "慢"),
    ProblemDef("idle", "懒"),
    *(ProblemDef(f"eight.{i}", name) for i, name in enumerate(EIGHT, start=1)),
)

TIGAO_PROBLEMS: tuple[ProblemDef, ...] = (
    ProblemDef("attitude", "服务态度差"),
    ProblemDef("outlook", "大局观念薄"),
    ProblemDef("slow", "行政慢作为"),
    ProblemDef("inaction", "行政不作为"),
    ProblemDef("misrule", "行政乱作为"),
    ProblemDef("self_interest", "利益个人化"),
)

ZUOFENG_PHASES: tuple[PhaseDef, ...] = (
    PhaseDef("mobilize", "动员部署", "05-01", "05-31", ("动员大会", "工作方案")),
    PhaseDef(
        "implement",
        "组织实施",
        "06-01",
        "03-31",
        ("学习讨论", "集中排查", "征求不满意事项", "公开承诺", "专题民主生活会", "整改"),
    ),
    PhaseDef("summarize", "总结提高", "04-01", "04-30", ("建立制度", "总结评比")),
)

TIGAO_PHASES: tuple[PhaseDef, ...] = (
    PhaseDef(
        "mobilize",
        "动员部署 (3–4月)",
        "03-01",
        "04-30",
        ("调整领导机构", "制定方案", "动员大会", "修订制度"),
    ),
    PhaseDef("implement", "组织实施 (4–11月)", "04-01", "11-30", ("学习教育", "查摆问题", "落实整改")),
    PhaseDef(
        "assess",
        "评估考核 (自评11月下旬, 12月上旬)",
        "11-21",
        "12-10",
        ("总结自评", "迎接考核"),
    ),
)

A = ActivityKind
ZUOFENG_QUOTAS: tuple[QuotaDef, ...] = (
    QuotaDef("unit_research", {"unit_kinds": ["institution", "station", "office"]}, A.research, 1, "window"),
    QuotaDef("head_report", {"role": "unit_head"}, A.research_report, 1, "window"),
    QuotaDef("leader_report", {"role": "team_member"}, A.research_report, 1, "window"),
    QuotaDef("training", "bureau", A.training, 2, "window"),
    QuotaDef("reception", {"role": "main_leader"}, A.reception, 2, "month"),
    QuotaDef("duty", {"unit_kinds": ["institution", "station"]}, A.duty, 1, "workday"),
)

TIGAO_QUOTAS: tuple[QuotaDef, ...] = (
    QuotaDef("article", "people", A.article, 1, "year"),
    # 定期检查 is a 查摆问题 route of 第二阶段 组织实施 (2012年4月至11月): its quarters are those
    # of that phase (Q2, Q3); Q1 precedes it (调整健全领导机构 in 3–4月) and Q4's check is the
    # 评估组's of 11月下旬 (the assess phase's step). docs/decisions.md.
    QuotaDef("inspection", "bureau", A.inspection, 1, "quarter", during="implement"),
    QuotaDef("self_check", "people", A.self_check, 1, "window", during="implement"),
)

PRESETS: dict[str, dict[str, Any]] = {
    "zuofeng": {
        "problems": ZUOFENG_PROBLEMS,
        "phases": ZUOFENG_PHASES,
        "quotas": ZUOFENG_QUOTAS,
        "meeting_max_minutes": 90,
    },
    "tigao": {
        "problems": TIGAO_PROBLEMS,
        "phases": TIGAO_PHASES,
        "quotas": TIGAO_QUOTAS,
        "meeting_max_minutes": None,
    },
}


@attrs.frozen
class Resolved:
    """The settings with the preset applied: what the rules read."""

    settings: StyleSettings
    problems: tuple[ProblemDef, ...]
    phases: tuple[PhaseDef, ...]
    quotas: tuple[QuotaDef, ...]
    meeting_max_minutes: int | None
    """``None``: rule 3 off."""

    def problem(self, code_or_name: str) -> ProblemDef | None:
        text = code_or_name.strip()
        for p in self.problems:
            if p.code == text or p.name == text:
                return p
        folded = text.casefold()
        for p in self.problems:
            if p.code.casefold() == folded:
                return p
        return None


def is_eight(code: str) -> bool:
    """A 八不准 code: ``eight.N``."""
    return code.startswith("eight.")


def resolve(s: StyleSettings) -> Resolved:
    """Apply the preset: every field left out takes the preset's value."""
    preset = PRESETS[s.preset]
    if s.meeting_max_minutes is None:
        meeting: int | None = preset["meeting_max_minutes"]
    else:
        meeting = s.meeting_max_minutes or None
    return Resolved(
        settings=s,
        problems=s.problems if s.problems is not None else preset["problems"],
        phases=s.phases if s.phases is not None else preset["phases"],
        quotas=s.quotas if s.quotas is not None else preset["quotas"],
        meeting_max_minutes=meeting,
    )
