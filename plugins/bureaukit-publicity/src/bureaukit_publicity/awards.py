"""Rule 3 — 年终评比 (seed 六(二) 评比办法).

"区局宣传信息工作领导小组年终将根据新闻稿件的刊登数和政务信息的采用数,对照评选条件,评比出新闻宣传工作
先进个人、政务信息工作先进个人各三名,同时根据实际评选好消息单项奖,分别给予500元的奖励。"
"先进个人评选条件为 … 完成8篇以上市级刊物刊登的新闻稿件或20篇市局、区委区政府以上单位采用的政务信息。"
"好消息单项奖评选条件:信息报送及时、准确,信息内容有较大的价值;得到领导批示,产生了较大的经济和社会效益。"
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Note, Payment, Period, split_among, to_yuan
from bureaukit_publicity.counts import person_counts
from bureaukit_publicity.fees import Priced
from bureaukit_publicity.notes import award_note, good_news_note
from bureaukit_publicity.settings import PublicitySettings

ZERO = Decimal(0)


def whole_year(period: Period) -> bool:
    """年终: the period contains a whole calendar year, 1 January to 31 December."""
    return any(
        period.start <= date(y, 1, 1) and date(y, 12, 31) <= period.end
        for y in range(period.start.year, period.end.year + 1)
    )


def score_awards(
    ctx: Context, items: Sequence[Priced], counts: dict[str, dict[str, list[Evidence]]] | None = None
) -> Iterator[Payment]:
    """年终 awards (*counts*: :func:`person_counts` of *items*, if the caller has it)."""
    s: PublicitySettings = ctx.settings
    if not (ctx.final and whole_year(ctx.period)):
        return
    if counts is None:
        counts = person_counts(ctx, items)
    fees: dict[str, Decimal] = {}
    authored: dict[str, list[Priced]] = {}
    for p in items:
        for pid, share in p.by_author():
            fees[pid] = fees.get(pid, ZERO) + share
            authored.setdefault(pid, []).append(p)
    for k in ("news", "info"):
        minimum = s.award.news_min if k == "news" else s.award.info_min
        places = s.award.news_count if k == "news" else s.award.info_count
        eligible = [pid for pid in counts if len(counts[pid][k]) >= minimum]
        eligible.sort(key=lambda pid: (-len(counts[pid][k]), -fees[pid], pid))
        for rank, pid in enumerate(eligible[: max(places, 0)], start=1):
            n = len(counts[pid][k])
            yield Payment(
                bk.person(pid),
                "award",
                to_yuan(s.award.amount_yuan),
                period=ctx.period.id,
                evidence=[
                    Evidence(note=Note(award_note, (k, rank, len(eligible), places, n, minimum, fees[pid],
                                                    s.award.amount_yuan))),
                    *counts[pid][k],  # each counted adoption, cited as its count cites it
                    *fee_rows(ctx, authored[pid]),
                ],
            )
    yield from good_news(ctx, items)


def fee_rows(ctx: Context, authored: Sequence[Priced]) -> list[Evidence]:
    """The rows of the 稿酬 an award's note writes (its tie-break after the count), each
    with its fee and the winner's share, as ``fees_yuan`` cites them: the note's sum is
    then made of rows the award cites, the uncounted outlets' rows included."""
    return [ctx.evidence(p.adoption, p.note(ctx)) for p in authored]


def good_news(ctx: Context, items: Sequence[Priced]) -> Iterator[Payment]:
    """好消息单项奖: an item with a row both 好消息推荐 and 领导批示 wins once; the amount is
    split among the authors of its first such row (earliest date, then outlet code)."""
    s: PublicitySettings = ctx.settings
    first: dict[str, Priced] = {}
    for p in items:  # already in (date, item, outlet code) order
        if p.adoption.good_news and p.adoption.leader_instruction:
            first.setdefault(p.adoption.item, p)
    for item in sorted(first):
        p = first[item]
        shares = split_among(s.good_news_yuan, list(p.adoption.authors))
        named = tuple((ctx.person_name(q), v) for q, v in shares.items())
        note = Note(good_news_note, (item, p.outlet.zh, p.adoption.date, s.good_news_yuan, named))
        for pid, share in shares.items():
            yield Payment(
                bk.person(pid),
                "award",
                share,
                period=ctx.period.id,
                evidence=[ctx.evidence(p.adoption, note)],
            )
