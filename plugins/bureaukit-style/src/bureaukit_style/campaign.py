"""The style campaign: 作风建设 ("深化作风建设年", seed 000 第五篇) and 机关效能"提高年" (seed 001).

Rules in the seed's order: 1 problems (三 整治重点, 四(八) 八不准), 2 quotas (四(一)(五)(七)),
3 meetings (四(五)), 4 site visits (四(六)), 5 complaints (四(七), seed 001), 6 steps (五, 六,
checked by the core), 7 points.
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Outcome
from bureaukit_style.catalogue import BUREAU_SETTINGS, FINDINGS, METRICS
from bureaukit_style.checks import check
from bureaukit_style.complaints import complaint_rules
from bureaukit_style.meetings import meeting_rules
from bureaukit_style.phases import phases
from bureaukit_style.points import point_scores
from bureaukit_style.problems import problem_rules
from bureaukit_style.quotas import quota_rules
from bureaukit_style.records import Activity, Complaint, Meeting, Problem, Step
from bureaukit_style.settings import StyleSettings, resolve
from bureaukit_style.site_visits import site_visit_rules
from bureaukit_style.window import Deduction


def score(ctx: Context) -> Iterator[Outcome]:
    r = resolve(ctx.settings)
    deductions: list[Deduction] = []
    bound: dict[str, list[str]] = {}
    for item in (*problem_rules(ctx, r), *quota_rules(ctx, r, bound)):
        if isinstance(item, Deduction):
            deductions.append(item)
        else:
            yield item
    yield from meeting_rules(ctx, r)
    yield from site_visit_rules(ctx, r)
    yield from complaint_rules(ctx, r)
    bound_people = [s for subjects in bound.values() for s in subjects]
    yield from point_scores(ctx, r, deductions, bound_people)


CAMPAIGN = bk.Campaign(
    name="style",
    title={"zh": "作风建设 / 机关效能“提高年”", "en": "Work style / office efficiency year"},
    settings=StyleSettings,
    records={
        "problems": Problem,
        "activities": Activity,
        "meetings": Meeting,
        "complaints": Complaint,
        "steps": Step,
    },
    score=score,
    metrics=METRICS,
    findings=FINDINGS,
    bureau_settings=BUREAU_SETTINGS,
    check=check,
    phases=phases,
    steps="steps",
    step_severity="violation",
)

__all__ = ["CAMPAIGN"]
