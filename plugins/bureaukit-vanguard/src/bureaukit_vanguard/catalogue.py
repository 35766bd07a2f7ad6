"""What the vanguard campaign's metrics and finding codes mean (REPORTS §1). The phases
come from the settings (``stage.<id>``), so the metrics are a function of them."""

from __future__ import annotations

from bureaukit.plugin import BureauSetting, FindingKind, Metric, Say
from bureaukit_vanguard.settings import VanguardSettings

PHASE_ENGLISH: dict[str, str] = {
    "learn": "Study and mobilisation",
    "analyze": "Analysis and review",
    "rectify": "Rectification",
}
"""English titles of the default phases; a bureau's own phase is shown by its title."""


def metrics(settings: VanguardSettings) -> dict[str, Metric]:
    """Per phase its score ``stage.<id>`` and the rate of its 群众满意度测评
    ``satisfaction.<id>`` (a survey may be recorded for any phase)."""
    out: dict[str, Metric] = {}
    for ph in settings.phases:
        en = PHASE_ENGLISH.get(ph.id, ph.title)
        out[f"stage.{ph.id}"] = Metric(ph.title, en, "score")
    for ph in settings.phases:
        en = PHASE_ENGLISH.get(ph.id, ph.title)
        out[f"satisfaction.{ph.id}"] = Metric(f"{ph.title}满意度", f"Satisfaction ({en})", "rate")
    return out


FINDINGS: dict[str, FindingKind] = {
    "vanguard.satisfaction_low": FindingKind("群众满意度不足", "Satisfaction too low"),
    "vanguard.formality": FindingKind("走过场", "Going through the motions"),
    "vanguard.moved_unapproved": FindingKind("未经同意转段", "Moved on without approval"),
    "vanguard.approved_early": FindingKind("条件未满足即转段", "Approved before conditions met"),
    "vanguard.approval_missing": FindingKind("未经验收转段", "Phase ended without approval"),
    "vanguard.makeup_owed": FindingKind("须补课", "Make-up owed"),
    "vanguard.makeup_overdue": FindingKind("补课逾期", "Make-up overdue"),
    "vanguard.review_missing": FindingKind("补课未回头看", "Make-up not reviewed"),
    "vanguard.not_published": FindingKind("整改措施未公示", "Measures not published"),
    "vanguard.measure_overdue": FindingKind("整改逾期", "Measure overdue"),
}

MESSAGES: dict[str, Say] = {
    "satisfaction_low": (
        "{phase}阶段群众满意度 {rate}（满意 {satisfied} + 基本满意 {basic}，共 {total} 份），"
        "低于 {need}，须补课",
        "phase {phase}: satisfaction {rate} ({satisfied} satisfied + {basic} basically satisfied of {total}), "
        "below {need}; a make-up (补课) is owed",
    ),
}

BUREAU_SETTINGS: tuple[BureauSetting, ...] = (
    BureauSetting(
        "phases", "[]",
        '[{ id = "learn", title = "学习动员", start = "01-01", end = "02-28", steps = ["动员大会", "集中学习"] }]',
        "活动阶段、起止日期与环节（按本单位实施方案）", "the phases, their dates and steps (the bureau's plan)",
    ),
)
