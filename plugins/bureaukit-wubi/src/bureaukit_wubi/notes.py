"""The evidence notes of "五比五争", written when a reader asks for them (result schema 2).

Each function is pure: plain values in (names, not ids; numbers as the rule used them),
the note out, in the report's language (``bureaukit.plugin.tell``). Scoring only wraps
a function and its arguments in a ``Note``; a run that writes only JSON never calls one
that cites a row. The templates live in :data:`bureaukit_wubi.catalogue.NOTES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from bureaukit.plugin import Rate, Text, notes, tell
from bureaukit_wubi.catalogue import BETTER, LEDGERS_EN, METRICS, NOTES, platform
from bureaukit_wubi.records import ITEM_KINDS


def dimension(code: str) -> Text:
    """A 比 by its title (``比创新`` / ``Compare innovation``), never ``dim.chuangxin``."""
    m = METRICS[f"dim.{code}"]
    return Text(m.zh, m.en)


def share(value: Decimal) -> Rate:
    """A stage value (0–1) as the exact percentage it is (``0.75`` → ``75%``)."""
    exponent = (value * 100).normalize().as_tuple().exponent
    return Rate(value, max(0, -exponent) if isinstance(exponent, int) else 0)


def rating_note(person: str, score: Decimal, fate: str) -> str:
    """One rating: ``唐亮评分 89，计入`` (*fate*: ``kept``, ``low`` or ``high``)."""
    return tell(NOTES[f"rating_{fate}"], person=person, score=score)


def average_note(code: str, kept: Sequence[Decimal], average: Decimal) -> str:
    """Rule 1's arithmetic: ``比创新评分均值：(83 + 89 + 92) / 3 = 88.00``."""
    return tell(NOTES["average"], dimension=dimension(code), terms=" + ".join(str(k) for k in kept),
                count=len(kept), average=notes.places2(average))


def item_rate_note(code: str, good: int, due: int, rate: Decimal) -> str:
    """Rule 2 on items: ``比创新依据率：按时完成 1 项 / 到期 2 项 = 50.00%``."""
    return tell(NOTES["item_rate"], dimension=dimension(code), good=good, due=due, rate=Rate(rate, 2))


def benchmark_rate_note(code: str, stages: Sequence[Decimal], rate: Decimal) -> str:
    """Rule 2 on benchmarks: ``比业绩依据率：对标得分 (75% + 75%) / 2 项 = 75.00%``."""
    terms = " + ".join(_percent(v) for v in stages)
    return tell(NOTES["benchmark_rate"], dimension=dimension(code), terms=terms, count=len(stages),
                rate=Rate(rate, 2))


def _percent(value: Decimal) -> str:
    r = share(value)
    return notes.percent(r.value, r.places)


def item_note(title: str, due: date, done: date | None) -> str:
    """One item the rate counted: ``“出租车电召平台”时限 2014-10-31，2014-11-20 逾期完成``."""
    if done is None:
        return tell(NOTES["item_open"], title=title, due=due)
    return tell(NOTES["item_on_time" if done <= due else "item_late"], title=title, due=due, done=done)


def stage_note(indicator: str, higher_is_better: bool, actual: Decimal | None, benchmark: Decimal,
               target: Decimal, stage: str, value: Decimal) -> str:
    """How a benchmark's stage was read: ``客运班线正点率(%)（越高越好）：实际 96.5 < 标杆 98，
    ≥ 目标 95，达标，计 75%``."""
    return tell(NOTES[f"stage_{stage}"], indicator=indicator, better=BETTER[higher_is_better],
                actual=actual if actual is not None else "", benchmark=benchmark, target=target,
                reach="≥" if higher_is_better else "≤", miss="<" if higher_is_better else ">", value=share(value))


def blend_note(code: str, w_ratings: Decimal, average: Decimal | None, w_evidence: Decimal,
               rate: Decimal | None, value: Decimal) -> str:
    """Rule 3: ``比创新 = 0.6 × 评分均值 88.00 + 0.4 × 100 × 依据率 50.00% = 72.80``; with
    only one of the two, that one."""
    dim = dimension(code)
    if average is not None and rate is not None:
        return tell(NOTES["blend"], dimension=dim, w_ratings=w_ratings, average=notes.places2(average),
                    w_evidence=w_evidence, rate=Rate(rate, 2), value=notes.places2(value))
    if average is not None:
        return tell(NOTES["rated_only"], dimension=dim, average=notes.places2(average))
    assert rate is not None
    return tell(NOTES["evidence_only"], dimension=dim, rate=Rate(rate, 2), value=notes.places2(value))


def points_note(terms: Sequence[tuple[str, Decimal, Decimal]], total: Decimal, value: Decimal) -> str:
    """Rule 4: ``五比加权平均：(20 × 比境界 86.67 + …) / 100 = 83.09``; *terms* are
    (code, weight, score) in the seed's order."""
    parts = " + ".join(tell(NOTES["points_term"], weight=w, dimension=dimension(c), score=notes.places2(v))
                       for c, w, v in terms)
    return tell(NOTES["points"], terms=parts, total=total, value=notes.places2(value))


def board_note(group: str, kinds: tuple[str, ...], code: str, board: Sequence[tuple[str, Decimal]]) -> str:
    """Rule 5: the platform's scores on one 比, best first: ``“二级机构、基层站所”争创平台比创新
    得分：城北运管站 85.00、…``."""
    entries = [tell(NOTES["board_entry"], unit=name, score=notes.places2(v)) for name, v in board]
    return tell(NOTES["board"], platform=platform(group, kinds), dimension=dimension(code), board=entries)


def overdue_note(kind: str, item: str, due: date, as_of: date, days: int) -> str:
    """Rule 6: ``重点工作 ZD-05：时限 2014-11-30，截至 2014-12-31 未完成，已逾期 31 天``."""
    return tell(NOTES["overdue"], ledger=Text(ITEM_KINDS[kind], LEDGERS_EN[kind]), item=item, due=due,
                as_of=as_of, days=days)
