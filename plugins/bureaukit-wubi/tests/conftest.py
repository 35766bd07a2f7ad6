"""Shared fixtures: a small bureau — two stations and an institution (一线单位), an office
(机关科室), a personnel office (not rated) — and builders for ledger rows.

Test modules cannot import this module under ``--import-mode=importlib``: they get the
runner as the ``wubi`` fixture and the row builders as the ``rows`` fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from bureaukit_wubi.campaign import CAMPAIGN
from bureaukit_wubi.records import (
    Benchmark,
    Commitment,
    Dimension,
    Innovation,
    Rating,
    Rectification,
    Task,
)

from bureaukit.testing import Outcomes, org_fixture, person, run, unit

UNITS = [
    unit("b", "示例局", "bureau"),
    unit("s1", "一站", "station", "b"),
    unit("s2", "二站", "station", "b"),
    unit("i1", "运管所", "institution", "b"),
    unit("o1", "办公室", "office", "b"),
    unit("hr", "人事科", "personnel", "b"),
]
PEOPLE = [person(f"e{i}", "b", ["team_member"], name=f"局领导{i}") for i in range(1, 7)] + [
    person("p1", "s1", ["unit_head"], name="张站长"),
    person("p2", "o1", ["staff"], name="李科员"),
]


def D(x: str | int) -> Decimal:
    return Decimal(str(x))


def _d(x: str | None) -> date | None:
    return date.fromisoformat(x) if x else None


def rating(evaluator: str, unit_id: str, dim: str, score: str | int, day: str = "2014-06-01") -> Rating:
    return Rating(evaluator, unit_id, Dimension[dim], D(score), date.fromisoformat(day))


def ratings(unit_id: str, dim: str, scores: list[int | str], day: str = "2014-06-01") -> list[Rating]:
    """One rating per score, by e1, e2, … in order."""
    return [rating(f"e{i}", unit_id, dim, v, day) for i, v in enumerate(scores, start=1)]


def bench(
    unit_id: str, ind: str, benchmark: str, target: str, actual: str | None,
    higher: bool = True, day: str = "2014-03-01",
) -> Benchmark:
    return Benchmark(unit_id, ind, D(benchmark), D(target), date.fromisoformat(day), D(actual) if actual else None, higher)


def innov(i: str, unit_id: str, deadline: str, done: str | None = None, owner: str = "p1") -> Innovation:
    return Innovation(i, unit_id, f"创新{i}", owner, date.fromisoformat(deadline), _d(done))


def task(i: str, unit_id: str, due: str, done: str | None = None, who: str | None = None) -> Task:
    return Task(i, unit_id, f"工作{i}", date.fromisoformat(due), _d(done), who)


def commit(i: str, unit_id: str, due: str, kept: str | None = None, who: str | None = None) -> Commitment:
    return Commitment(i, unit_id, f"承诺{i}", date.fromisoformat(due), _d(kept), who)


def rect(i: str, unit_id: str, due: str, done: str | None = None, who: str | None = None) -> Rectification:
    return Rectification(i, unit_id, f"整改{i}", date.fromisoformat(due), _d(done), who)


def decimals(v: Any) -> Any:
    """Settings as TOML gives them: floats arrive as Decimal."""
    if isinstance(v, float):
        return Decimal(str(v))
    if isinstance(v, dict):
        return {k: decimals(x) for k, x in v.items()}
    return v


class Rows:
    """Row builders handed to tests as the ``rows`` fixture."""

    D = staticmethod(D)
    rating = staticmethod(rating)
    ratings = staticmethod(ratings)
    bench = staticmethod(bench)
    innov = staticmethod(innov)
    task = staticmethod(task)
    commit = staticmethod(commit)
    rect = staticmethod(rect)
    decimals = staticmethod(decimals)
    UNITS = UNITS
    PEOPLE = PEOPLE


@pytest.fixture
def rows() -> type[Rows]:
    return Rows


org = org_fixture(lambda: {"units": list(UNITS), "people": list(PEOPLE)})


@pytest.fixture
def wubi(org: dict[str, Any]) -> Callable[..., Outcomes]:
    """Run the campaign on the small bureau: ``wubi({kind: [rows]}, {settings}, as_of=...)``
    (records and settings by position; settings as TOML gives them, floats as Decimal)."""

    def go(records: dict[str, list[Any]], settings: dict[str, Any] | None = None,
           as_of: str = "2014-12-31", period: str = "2014") -> Outcomes:
        return run(CAMPAIGN, **org, records=records, settings=decimals(settings or {}),
                   period=period, as_of=as_of)

    return go
