"""Invariants: row order is irrelevant; two runs are identical; no money is ever paid."""

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from wubi_support import commit, innov, rating, task, wubi

UNITS = ["s1", "s2", "o1"]
DIMS = ["jingjie", "yeji", "chuangxin", "fuwu", "zuofeng"]


@st.composite
def ledgers(draw: st.DrawFn) -> dict[str, list[object]]:
    ratings = []
    seen = set()
    for _ in range(draw(st.integers(0, 25))):
        key = (draw(st.sampled_from(["e1", "e2", "e3", "e4", "e5", "e6"])), draw(st.sampled_from(UNITS)), draw(st.sampled_from(DIMS)))
        if key in seen:
            continue
        seen.add(key)
        ratings.append(rating(*key, draw(st.integers(0, 100))))
    days = st.integers(1, 28).map(lambda d: f"2014-{d % 12 + 1:02d}-{d:02d}")
    tasks = [task(f"t{i}", draw(st.sampled_from(UNITS)), draw(days), draw(st.one_of(st.none(), days))) for i in range(draw(st.integers(0, 6)))]
    innovations = [innov(f"i{i}", draw(st.sampled_from(UNITS)), draw(days), draw(st.one_of(st.none(), days))) for i in range(draw(st.integers(0, 4)))]
    commitments = [commit(f"c{i}", draw(st.sampled_from(UNITS)), draw(days), draw(st.one_of(st.none(), days))) for i in range(draw(st.integers(0, 4)))]
    return {"ratings": ratings, "tasks": tasks, "innovations": innovations, "commitments": commitments}


def canonical(out: object) -> list[tuple[object, ...]]:
    rows = []
    for o in out.items:  # type: ignore[attr-defined]
        rows.append((type(o).__name__, o.subject, getattr(o, "metric", getattr(o, "code", "")), str(getattr(o, "value", "")),
                     tuple(sorted((e.record or "", e.note) for e in o.evidence))))
    return sorted(rows)


@settings(max_examples=60, deadline=None)
@given(ledgers(), st.randoms(use_true_random=False))
def test_row_order_is_irrelevant(recs: dict[str, list[object]], rnd: random.Random) -> None:
    base = wubi(recs, as_of="2014-09-30")
    shuffled = {k: rnd.sample(v, len(v)) for k, v in recs.items()}
    again = wubi(shuffled, as_of="2014-09-30")
    assert canonical(again) == canonical(base)
    assert base.payments == []


@settings(max_examples=40, deadline=None)
@given(ledgers())
def test_points_lie_between_0_and_100_and_runs_repeat(recs: dict[str, list[object]]) -> None:
    a, b = wubi(recs), wubi(recs)
    assert a.items == b.items
    for s in a.scores:
        assert Decimal(0) <= Decimal(s.value) <= Decimal(100)
