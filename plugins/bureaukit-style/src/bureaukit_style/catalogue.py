"""What the style campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit import FindingKind, Metric

METRICS: dict[str, Metric] = {
    "deductions": Metric("扣分", "Points deducted", "amount", "分", better="lower"),
}

FINDINGS: dict[str, FindingKind] = {
    "style.problem": FindingKind("作风问题查实", "Conduct problem verified"),
    "style.complaint": FindingKind("投诉办理超时", "Complaint handled late"),
    "style.suspension": FindingKind("投诉查实停职", "Suspended after a verified complaint"),
    "style.meeting_overlong": FindingKind("例会超时", "Meeting overlong"),
    "style.meeting_missing": FindingKind("未开工作例会", "Meeting not held"),
    "style.quota": FindingKind("次数不足", "Quota not met"),
    "style.site_visit": FindingKind("领导到现场不足", "Too few site visits"),
}
