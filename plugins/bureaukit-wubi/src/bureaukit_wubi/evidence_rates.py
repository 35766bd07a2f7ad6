"""Rule 2: the objective evidence behind each dimension (seed 003 二(二)–(五)).

- 比业绩: 寻标、对标、达标、夺标 — each benchmark at the first stage that holds;
- 比创新: 创新项目台帐 (落实责任、明确时限) — innovations done on time;
- 比服务: 公开承诺事项、领导点评整改措施的落实 — commitments and rectifications kept on time;
- 比作风: 重点工作 周调度、月检查、季通报 — key tasks done on time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

import attrs

from bureaukit_wubi.records import Benchmark, Item, completed_on, due_of
from bureaukit_wubi.settings import Stages


@attrs.frozen
class Rate:
    """An evidence rate with what it was computed from, for the evidence note."""

    value: Decimal
    note: str
    counted: tuple[Benchmark | Item, ...]


def on_time(item: Item) -> bool:
    done = completed_on(item)
    return done is not None and done <= due_of(item)


def item_rate(items: Iterable[Item], start: date, as_of: date) -> Rate | None:
    """On time ÷ items due from the period start to as_of, both inclusive."""
    due = sorted((i for i in items if start <= due_of(i) <= as_of), key=lambda i: (due_of(i), i.id))
    if not due:
        return None
    good = sum(1 for i in due if on_time(i))
    value = Decimal(good) / Decimal(len(due))
    return Rate(value, f"{good}/{len(due)} = {value.quantize(Decimal('0.0001'))}", tuple(due))


def reaches(actual: Decimal, mark: Decimal, higher_is_better: bool) -> bool:
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
    """Mean stage value of a unit's benchmarks."""
    if not benchmarks:
        return None
    ordered = sorted(benchmarks, key=lambda b: b.indicator)
    values = [getattr(stages, stage_of(b)) for b in ordered]
    value = sum(values, Decimal(0)) / len(values)
    terms = " + ".join(str(v) for v in values)
    return Rate(value, f"({terms}) / {len(values)} = {value.quantize(Decimal('0.0001'))}", tuple(ordered))
