"""The investment campaign 招商引资 (seed 000 第一篇; 第四篇 一, 二(五)).

Rules in the seed's order: tasks and personal tasks (一), what counts (二, 三), measures (四),
deposits and settlement (五), then the second-quarter push (第四篇).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bureaukit.plugin import Campaign, Context, Finding, Payment, Score
from bureaukit_investment.catalogue import BUREAU_SETTINGS, FINDINGS, METRICS
from bureaukit_investment.checks import check
from bureaukit_investment.confirmation import Assessed, assess, unconfirmed_findings
from bureaukit_investment.deposits import deposit_missing, settle
from bureaukit_investment.measures import Checkpoint, behind_schedule, leave_post, no_trip
from bureaukit_investment.push import h1_push
from bureaukit_investment.records import RECORDS
from bureaukit_investment.settings import InvestmentSettings
from bureaukit_investment.tasks import (
    Citations,
    Standing,
    personal_projects,
    score_personal,
    score_standings,
    standings,
)


def standings_at(ctx: Context) -> dict[str, Standing]:
    """The standings a run with ``ctx``'s as_of computes."""
    return standings(ctx, assess(ctx))


def _values_at(assessed: list[Assessed], metric: str) -> Callable[[Context], Checkpoint]:
    """``leave_post``'s standings at its checkpoint, from an assessment that takes over the
    run's own for every project unchanged since then: the values, and the rows behind
    *metric*'s, cited only for the units it flags."""

    def at(then: Context) -> Checkpoint:
        there = assess(then, reuse=assessed)
        return standings(then, there, cite=False), Citations(then, there, metric)

    return at


def score(ctx: Context) -> Iterator[Score | Payment | Finding]:
    if not ctx.settings.targets:  # not set up yet: check has noted it
        return
    assessed = assess(ctx)
    yield from unconfirmed_findings(ctx, assessed)
    table = standings(ctx, assessed)
    yield from score_standings(ctx, table)
    credited = personal_projects(ctx, assessed)
    yield from score_personal(ctx, credited)
    yield from behind_schedule(ctx, table)
    yield from leave_post(ctx, table, _values_at(assessed, ctx.settings.checkpoint.metric))
    yield from no_trip(ctx, table)
    yield from deposit_missing(ctx)
    yield from settle(ctx, table, credited)
    yield from h1_push(ctx)


CAMPAIGN = Campaign(
    name="investment",
    title={"zh": "招商引资", "en": "Investment attraction"},
    settings=InvestmentSettings,
    records=RECORDS,
    score=score,
    metrics=METRICS,
    findings=FINDINGS,
    bureau_settings=BUREAU_SETTINGS,
    check=check,
)
