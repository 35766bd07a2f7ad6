"""What the wubi campaign's metrics and finding codes mean (REPORTS §1): the five 比
(seed 003, 二、主要内容), each a 0–100 score."""

from __future__ import annotations

from bureaukit import FindingKind, Metric
from bureaukit_wubi.settings import COMPARE, DIMENSIONS, ENGLISH

METRICS: dict[str, Metric] = {
    f"dim.{code}": Metric(COMPARE[code], f"Compare {ENGLISH[code]}", "score") for code in DIMENSIONS
}

FINDINGS: dict[str, FindingKind] = {
    "wubi.pacesetter": FindingKind("先锋", "Pacesetter"),
    "wubi.overdue": FindingKind("重点工作逾期", "Key task overdue"),
}
