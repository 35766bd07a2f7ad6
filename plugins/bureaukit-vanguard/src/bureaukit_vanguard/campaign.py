"""The vanguard campaign: 保持共产党员先进性教育活动 (seed 002 篇2).

Rules in the page's order: 1 steps (the core's, CORE §8), 2 群众满意度测评, 3 走过场,
4 转段 (a early, b unapproved, c missing), 5 补课, 6 回头看, 7 整改 (公示, 时限), 8 scores.
The triggers of rules 2, 3 and 4b come first: rule 4a reads the gate with them, and
rules 5, 6 and 8 read the 补课 that all of them add up to.
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Outcome
from bureaukit_vanguard.catalogue import BUREAU_SETTINGS, FINDINGS, metrics
from bureaukit_vanguard.checks import check
from bureaukit_vanguard.makeups import makeup_findings, review_findings
from bureaukit_vanguard.measures import not_published, overdue
from bureaukit_vanguard.phases import phases
from bureaukit_vanguard.records import Approval, Makeup, Measure, Step, Survey, Talk
from bureaukit_vanguard.scores import stage_scores
from bureaukit_vanguard.settings import VanguardSettings
from bureaukit_vanguard.state import Run
from bureaukit_vanguard.triggers import (
    approval_missing,
    approved_early,
    formality,
    moved_unapproved,
    satisfaction,
)


def score(ctx: Context) -> Iterator[Outcome]:
    if not ctx.settings.phases:  # not set up yet: check has noted it
        return
    run = Run(ctx)
    yield from satisfaction(run)
    yield from formality(run)
    yield from moved_unapproved(run)
    yield from approved_early(run)
    yield from approval_missing(run)
    yield from makeup_findings(run)
    yield from review_findings(run)
    yield from not_published(run)
    yield from overdue(run)
    yield from stage_scores(run)


CAMPAIGN = bk.Campaign(
    name="vanguard",
    title={"zh": "保持共产党员先进性教育活动", "en": "Party members' vanguard education campaign"},
    settings=VanguardSettings,
    records={
        "steps": Step,
        "surveys": Survey,
        "approvals": Approval,
        "makeups": Makeup,
        "talks": Talk,
        "measures": Measure,
    },
    score=score,
    check=check,
    phases=phases,
    steps="steps",
    step_severity="violation",
    metrics=metrics,
    bureau_settings=BUREAU_SETTINGS,
    findings=FINDINGS,
)

__all__ = ["CAMPAIGN"]
