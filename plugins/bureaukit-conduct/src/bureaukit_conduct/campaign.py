"""The conduct campaign: 政风行风评议 / 履职尽责督促检查 (seeds 004, 002 篇3, 000 第二篇).

Rule 8 (ranking, 三级联动 "省、市、县三级联动,下一级的评议结果直接关系到上一级的成绩") is the
core's scorecards (groups and rollup): no code here.
"""

from __future__ import annotations

from collections.abc import Iterator

from bureaukit.plugin import Campaign, Context, Finding, Score
from bureaukit_conduct.accountability import score_accountability
from bureaukit_conduct.catalogue import FINDINGS, metrics
from bureaukit_conduct.checks import check
from bureaukit_conduct.leadership import score_leadership
from bureaukit_conduct.problems import score_problems
from bureaukit_conduct.records import RECORDS
from bureaukit_conduct.settings import ConductSettings
from bureaukit_conduct.stages import score_stages
from bureaukit_conduct.time_limit import score_requests


def score(ctx: Context) -> Iterator[Score | Finding]:
    s: ConductSettings = ctx.settings
    reviewed = [u.id for u in ctx.org.units_of_kind(*s.units)]
    yield from score_stages(ctx, reviewed)
    yield from score_problems(ctx, reviewed)
    yield from score_requests(ctx)
    yield from score_accountability(ctx)
    yield from score_leadership(ctx)


CAMPAIGN = Campaign(
    name="conduct",
    title={"zh": "政风行风评议 / 履职尽责督促检查", "en": "Conduct review / duty supervision"},
    settings=ConductSettings,
    records=RECORDS,
    score=score,
    metrics=metrics,
    findings=FINDINGS,
    check=check,
)
