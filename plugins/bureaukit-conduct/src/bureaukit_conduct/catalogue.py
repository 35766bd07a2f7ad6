"""What the conduct campaign's metrics and finding codes mean (REPORTS §1). The stages
come from the settings (``stage.<id>``), so the metrics are a function of them."""

from __future__ import annotations

from bureaukit import FindingKind, Metric
from bureaukit_conduct.settings import ConductSettings

STAGE_ENGLISH: dict[str, str] = {
    "inspection": "Unannounced inspection",
    "third_party": "Third-party supervision",
    "service_rating": "Service users' rating",
    "collective": "Collective review",
}
"""English titles of the default stages; a bureau's own stage is shown by its title."""

FIXED: dict[str, Metric] = {
    "satisfaction_rate": Metric("满意率", "Satisfaction rate", "rate"),
    "problems_closed": Metric("问题销号", "Problems closed", "amount", "个"),
    "on_time_rate": Metric("按时办结率", "Handled on time", "rate"),
}


def metrics(settings: ConductSettings) -> dict[str, Metric]:
    stages = {
        f"stage.{s.id}": Metric(s.title, STAGE_ENGLISH.get(s.id, s.title), "score") for s in settings.stages
    }
    return {**stages, **FIXED}


FINDINGS: dict[str, FindingKind] = {
    "conduct.not_reviewed": FindingKind("不在评议范围", "Not under review"),
    "conduct.problem_count": FindingKind("问题数不符", "Problem count out of range"),
    "conduct.area_unlisted": FindingKind("自选整治领域", "Area not listed"),
    "conduct.closed_incomplete": FindingKind("销号不实", "Closed without the five checks"),
    "conduct.problem_overdue": FindingKind("整改超期", "Rectification overdue"),
    "conduct.request_overdue": FindingKind("办件超时", "Request handled late"),
    "conduct.accountable": FindingKind("问责", "Held accountable"),
    "conduct.supervision_duty": FindingKind("监管责任追究", "Supervisory duty pursued"),
    "conduct.leadership_duty": FindingKind("主体责任追究", "Leadership duty pursued"),
    "conduct.main_leader_oversees": FindingKind("主要负责人直接分管", "Main leader oversees directly"),
    "conduct.discipline_secretary_missing": FindingKind("无纪委书记分管", "No discipline secretary"),
}
