"""The evidence notes of 宣传信息工作, written when a reader asks for them (result schema 2).

Each function is pure: plain values in (names, not ids; the amounts the rule used), the
note out in the report's language (``bureaukit.plugin.tell``); the templates are
:data:`bureaukit_publicity.catalogue.NOTES`. Scoring only wraps a function and its
arguments in a ``Note``: a run that writes only JSON never calls one that cites a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from bureaukit.plugin import Rate, Text, Yuan, language, notes, tell
from bureaukit_publicity.catalogue import ARTICLE_KINDS, AWARDS, NOTES

Shares = tuple[tuple[str, Decimal], ...]
"""(name, share in 元) of each author, in the listed order."""


def adopted_note(item: str, kind: str, outlet: str, counts: bool = False) -> str:
    """An adoption counted: ``XW-201（新闻）被市日报采用``."""
    return tell(NOTES["adopted_counts" if counts else "adopted"], item=item, kind=ARTICLE_KINDS[kind], outlet=outlet)


def person_count_note(kind: str, count: int) -> str:
    return tell(NOTES["person_count"], kind=ARTICLE_KINDS[kind], count=count)


def unit_count_note(unit: str, kind: str, count: int, need: int) -> str:
    """``区道路运输管理所信息采用 4 篇 / 任务 20 篇``."""
    return tell(NOTES["unit_count"], unit=unit, kind=ARTICLE_KINDS[kind], count=count, need=need)


def points_note(ratios: Sequence[tuple[str, int, int]], points: Decimal) -> str:
    """Rule 6: ``新闻完成率 min(100%, 10 / 10) = 100.00%；信息完成率 min(100%, 4 / 20) = 20.00%；
    得分 = 100 × 平均 = 60.00``; *ratios* are (kind, have, need)."""
    terms = [tell(NOTES["points_term"], kind=ARTICLE_KINDS[k], have=have, need=need,
                  rate=Rate(min(Decimal(1), Decimal(have) / need), 2)) for k, have, need in ratios]
    return tell(NOTES["points"], terms=("；" if language() == "zh" else "; ").join(terms), points=notes.places2(points))


def fee_note(item: str, outlet: str, day: date, base: Decimal, times: Decimal | None, chars: int | None,
             fee: Decimal, shares: Shares) -> str:
    """Rule 1 for one adoption: ``XW-201 2014-03-02 被市日报采用：稿酬 100.00 元``, the long
    report's multiple and the split among several authors when there are."""
    if times is None:
        text = tell(NOTES["fee"], item=item, date=day, outlet=outlet, fee=Yuan(fee))
    else:
        text = tell(NOTES["fee_long"], item=item, date=day, outlet=outlet, base=Yuan(base), times=times,
                    chars=chars if chars is not None else "", fee=Yuan(fee))
    if len(shares) > 1:
        parts = [tell(NOTES["share"], person=name, amount=Yuan(v)) for name, v in shares]
        text = tell(NOTES["fee_split"], fee=text, count=len(shares), parts=parts)
    return text


def fee_total_note(total: Decimal, count: int) -> str:
    return tell(NOTES["fee_total"], total=Yuan(total), count=count)


def fee_half_note(half: str, count: int, amount: Decimal) -> str:
    """``2014年上半年稿酬 7 条，合计 1,183.34 元`` (*half*: ``2014-H1``)."""
    return tell(NOTES["fee_half"], half=half_title(half), count=count, amount=Yuan(amount))


def half_title(half: str) -> Text:
    """``2014-H1`` as a reader says it: ``2014年上半年`` / ``first half of 2014``."""
    year, _, which = half.partition("-")
    if which == "H1":
        return Text(f"{year}年上半年", f"first half of {year}")
    if which == "H2":
        return Text(f"{year}年下半年", f"second half of {year}")
    return Text(half, half)


def award_note(kind: str, rank: int, eligible: int, places: int, count: int, minimum: int, fees: Decimal,
               amount: Decimal) -> str:
    """Rule 3: ``政务信息工作先进个人第 1 名（符合条件 2 人，名额 3 名）：…；奖励 500.00 元``."""
    return tell(NOTES["award"], award=AWARDS[kind], rank=rank, eligible=eligible, places=places,
                kind=ARTICLE_KINDS[kind], count=count, minimum=minimum, fees=Yuan(fees), amount=Yuan(amount))


def good_news_note(item: str, outlet: str, day: date, amount: Decimal, shares: Shares) -> str:
    """好消息单项奖: the item, why it won, and each author's share."""
    parts = [tell(NOTES["share"], person=name, amount=Yuan(v)) for name, v in shares]
    return tell(NOTES["good_news"], item=item, outlet=outlet, date=day, amount=Yuan(amount), count=len(shares),
                parts=parts)


def case_note(received: date, days: int, due: date, replied: date | None, as_of: date) -> str:
    """Rule 5: ``2014-04-09 收到 + 7 天 = 2014-04-16 应答复，2014-04-25 才答复``."""
    if replied is not None:
        return tell(NOTES["case_late"], received=received, days=days, due=due, replied=replied)
    return tell(NOTES["case_open"], received=received, days=days, due=due, as_of=as_of)


def approver_note(replied: date, approver: str | None) -> str:
    """``2014-11-10 答复，审核人：唐亮`` (``无`` when none is recorded)."""
    who: str | Text = approver if approver else Text(*NOTES["no_one"])
    return tell(NOTES["case_approver"], replied=replied, approver=who)


def staff_note(role: str, selector: str, names: Sequence[str], have: int, need: int) -> str:
    """Rule 4, one role of a unit: ``宣传信息员：张三、李四（2 / 2 人）``."""
    listed: Sequence[str] | Text = names if names else Text(*NOTES["no_one"])
    return tell(NOTES["staff"], role=Text(role, selector), names=listed, have=have, need=need)
