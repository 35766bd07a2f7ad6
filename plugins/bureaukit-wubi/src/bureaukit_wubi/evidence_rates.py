"""Rule 2: the objective evidence 客观依据 behind four of the five 比 (seed 003 二(二)–(五)).

- 比业绩 ``yeji``: “全力做好‘寻标、对标、达标、夺标’四篇文章” (二(二)二) — each benchmark at
  the first stage that holds (夺标 won, 达标 met, 对标 compared, 寻标 found);
- 比创新 ``chuangxin``: “对创新项目建立台帐，落实责任，明确时限” (二(三)三) — innovations
  done by their deadline;
- 比服务 ``fuwu``: “抓好公开承诺事项、领导点评整改措施的落实，建立各类公开承诺和落实情况
  台账” (二(四)一) — commitments kept and rectifications done by their due date;
- 比作风 ``zuofeng``: “对重要工作和重点项目，实行周调度、月检查、季通报” (二(五)三) — key
  tasks done by their due date.

比境界 ``jingjie`` has no ledger: it is rated only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

import attrs

from bureaukit.plugin import Note
from bureaukit_wubi.notes import benchmark_rate_note, item_rate_note, stage_note
from bureaukit_wubi.records import Benchmark, Item, completed_on, due_of
from bureaukit_wubi.settings import Stages


@attrs.frozen
class Rate:
    """An evidence rate with what it was computed from: ``note`` writes its arithmetic
    when a reader asks for it."""

    value: Decimal
    note: Note
    counted: tuple[Benchmark | Item, ...]


def on_time(item: Item) -> bool:
    """Completed on or before its due date (a completion after ``as_of`` already reads
    as empty)."""
    done = completed_on(item)
    return done is not None and done <= due_of(item)


def item_rate(code: str, items: Iterable[Item], start: date, as_of: date) -> Rate | None:
    """On time ÷ items due from the period start to as_of, both inclusive."""
    due = sorted(
        (i for i in items if start <= due_of(i) <= as_of), key=lambda i: (due_of(i), type(i).__name__, i.id)
    )
    if not due:
        return None
    good = sum(1 for i in due if on_time(i))
    value = Decimal(good) / Decimal(len(due))
    return Rate(value, Note(item_rate_note, (code, good, len(due), value)), tuple(due))


def reaches(actual: Decimal, mark: Decimal, higher_is_better: bool) -> bool:
    """Inclusive: ≥, or ≤ when lower is better (事故率)."""
    return actual >= mark if higher_is_better else actual <= mark


def stage_of(b: Benchmark) -> str:
    """won 夺标 (reaches the benchmark), met 达标 (reaches the target), compared 对标
    (actual filled), else found 寻标."""
    if b.actual is None:
        return "found"
    if reaches(b.actual, b.benchmark, b.higher_is_better):
        return "won"
    if reaches(b.actual, b.target, b.higher_is_better):
        return "met"
    return "compared"


def benchmark_rate(benchmarks: Sequence[Benchmark], stages: Stages) -> Rate | None:
    """Mean stage value of a unit's benchmarks (those of the run: dated from the period
    start to ``as_of``)."""
    if not benchmarks:
        return None
    ordered = sorted(benchmarks, key=lambda b: b.indicator)
    values = tuple(getattr(stages, stage_of(b)) for b in ordered)
    value = sum(values, Decimal(0)) / len(values)
    return Rate(value, Note(benchmark_rate_note, ("yeji", values, value)), tuple(ordered))


def stage_note_of(b: Benchmark, stages: Stages) -> Note:
    """How a benchmark's stage was read, for its evidence (written on demand):
    ``事故率（越低越好）：实际 0.4 ≤ 标杆 0.5，夺标，计 100%``."""
    stage = stage_of(b)
    return Note(stage_note, (b.indicator, b.higher_is_better, b.actual, b.benchmark, b.target, stage,
                             getattr(stages, stage)))
