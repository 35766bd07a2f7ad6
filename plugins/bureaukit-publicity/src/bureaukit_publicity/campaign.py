"""The publicity campaign 宣传信息工作 (seed 000, 第三篇): registration and ``score``.

Rules in the seed's order: 三 staffing, 五 cases, 六(一) quotas and points,
六(二) awards, 六(三) fees. See docs/campaigns/publicity.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Outcome
from bureaukit_publicity.awards import score_awards
from bureaukit_publicity.cases import score_cases
from bureaukit_publicity.catalogue import BUREAU_SETTINGS, FINDINGS, METRICS
from bureaukit_publicity.checks import check
from bureaukit_publicity.counts import person_counts, score_counts
from bureaukit_publicity.fees import priced, score_fees
from bureaukit_publicity.records import Adoption, Case
from bureaukit_publicity.settings import PublicitySettings
from bureaukit_publicity.staffing import score_staffing


def score(ctx: Context) -> Iterator[Outcome]:
    items = priced(ctx)
    counts = person_counts(ctx, items)
    yield from score_staffing(ctx)
    yield from score_cases(ctx)
    yield from score_counts(ctx, items, counts)
    yield from score_awards(ctx, items, counts)
    yield from score_fees(ctx, items)


CAMPAIGN = bk.Campaign(
    name="publicity",
    title={"zh": "宣传信息工作", "en": "Publicity and information"},
    settings=PublicitySettings,
    records={"adoptions": Adoption, "cases": Case},
    score=score,
    metrics=METRICS,
    findings=FINDINGS,
    bureau_settings=BUREAU_SETTINGS,
    check=check,
)
