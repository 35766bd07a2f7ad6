"""Rule 7 — points: ``base_points`` less the deductions of rules 1–2, never below 0.

Seed 000 第五篇 五(三)2 "活动评比结果作为干部考核、奖惩、任用的重要依据"; seed 001 第三阶段
"考评结果运用, 全部纳入局各股室站所年度工作目标管理考核". Scores ``points`` and ``deductions``
for every unit and every person with a deduction or a quota.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Note, Score
from bureaukit_style.notes import deductions_note, points_note
from bureaukit_style.settings import Resolved
from bureaukit_style.window import Deduction


def point_scores(
    ctx: Context, r: Resolved, deductions: Iterable[Deduction], bound: Iterable[str]
) -> Iterator[Score]:
    base = r.settings.base_points
    by_subject: dict[str, list[Deduction]] = {}
    for d in deductions:
        by_subject.setdefault(d.subject, []).append(d)
    subjects = {bk.unit(u) for u in ctx.org.units} | set(bound) | set(by_subject)
    for subject in sorted(subjects):
        ds = by_subject.get(subject, [])
        total = sum((d.points for d in ds), Decimal(0))
        points = max(Decimal(0), base - total)
        deducted = tuple(d.points for d in ds)
        evidence = [*(d.evidence for d in ds), Evidence(note=Note(points_note, (base, deducted, base - total)))]
        yield Score(subject, "points", points, evidence=tuple(evidence))
        yield Score(
            subject,
            "deductions",
            total,
            form="exact",
            evidence=tuple(
                [*(d.evidence for d in ds), Evidence(note=Note(deductions_note, (total,)))]
            ),
        )
