"""A small org for the "五比五争" tests: two stations, an office, a personnel unit (not rated)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bureaukit.testing import Outcomes, person, run, unit
from bureaukit_wubi.campaign import CAMPAIGN
from bureaukit_wubi.records import Benchmark, Commitment, Dimension, Innovation, Rating, Rectification, Task

UNITS = [
    unit("b", "示例局", "bureau"),
    unit("s1", "一站", "station", "b"),
    unit("s2", "二站", "station", "b"),
    unit("o1", "办公室", "office", "b"),
    unit("hr", "人事科", "personnel", "b"),
]
PEOPLE = [person(f"e{i}", "b", ["team_member"]) for i in range(1, 7)] + [person("p1", "s1", ["staff"])]


def D(x: str | int) -> Decimal:
    return Decimal(str(x))


def rating(evaluator: str, unit_id: str, dim: str, score: str | int, day: str = "2014-06-01") -> Rating:
    return Rating(evaluator, unit_id, Dimension[dim], D(score), date.fromisoformat(day))


def bench(unit_id: str, ind: str, benchmark: str, target: str, actual: str | None, higher: bool = True) -> Benchmark:
    return Benchmark(unit_id, ind, D(benchmark), D(target), date(2014, 3, 1), D(actual) if actual else None, higher)


def innov(i: str, unit_id: str, deadline: str, done: str | None = None, owner: str = "p1") -> Innovation:
    return Innovation(i, unit_id, f"创新{i}", owner, date.fromisoformat(deadline), date.fromisoformat(done) if done else None)


def task(i: str, unit_id: str, due: str, done: str | None = None, who: str | None = None) -> Task:
    return Task(i, unit_id, f"工作{i}", date.fromisoformat(due), date.fromisoformat(done) if done else None, who)


def commit(i: str, unit_id: str, due: str, kept: str | None = None) -> Commitment:
    return Commitment(i, unit_id, f"承诺{i}", date.fromisoformat(due), date.fromisoformat(kept) if kept else None)


def rect(i: str, unit_id: str, due: str, done: str | None = None) -> Rectification:
    return Rectification(i, unit_id, f"整改{i}", date.fromisoformat(due), date.fromisoformat(done) if done else None)


def wubi(records: dict[str, list[Any]], settings: dict[str, Any] | None = None, as_of: str = "2014-12-31") -> Outcomes:
    return run(CAMPAIGN, units=UNITS, people=PEOPLE, records=records, settings=settings or {}, period="2014", as_of=as_of)


