"""Invariants: row order is irrelevant; two runs are identical; no money; scores in 0–100."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

UNITS = ["s1", "s2", "i1", "o1"]
DIMS = ["jingjie", "yeji", "chuangxin", "fuwu", "zuofeng"]
EVALUATORS = ["e1", "e2", "e3", "e4", "e5", "e6"]


def _day(n: int) -> str:
    return f"2014-{n % 12 + 1:02d}-{n % 28 + 1:02d}"


@st.composite
def ledgers(draw, rows):
    days = st.integers(0, 400).map(_day)
    maybe_day = st.one_of(st.none(), days)
    recs = []
    seen = set()
    for _ in range(draw(st.integers(0, 30))):
        key = (draw(st.sampled_from(EVALUATORS)), draw(st.sampled_from(UNITS)), draw(st.sampled_from(DIMS)))
        if key not in seen:
            seen.add(key)
            recs.append(rows.rating(*key, draw(st.integers(0, 100)), draw(days)))
    benches, bseen = [], set()
    for _ in range(draw(st.integers(0, 6))):
        key = (draw(st.sampled_from(UNITS)), draw(st.sampled_from(["a", "b", "c"])))
        if key not in bseen:
            bseen.add(key)
            actual = draw(st.one_of(st.none(), st.integers(0, 120).map(str)))
            benches.append(rows.bench(*key, "100", "80", actual, draw(st.booleans()), draw(days)))

    def items(make, prefix, n):
        return [make(f"{prefix}{i}", draw(st.sampled_from(UNITS)), draw(days), draw(maybe_day)) for i in range(n)]

    return {
        "ratings": recs,
        "benchmarks": benches,
        "tasks": items(rows.task, "t", draw(st.integers(0, 6))),
        "innovations": items(rows.innov, "i", draw(st.integers(0, 4))),
        "commitments": items(rows.commit, "c", draw(st.integers(0, 4))),
        "rectifications": items(rows.rect, "r", draw(st.integers(0, 4))),
    }


def canonical(out):
    rows = []
    for o in out.items:
        ev = tuple(sorted((e.source or "", e.record or "", e.note) for e in o.evidence))
        rows.append((type(o).__name__, o.subject, getattr(o, "metric", getattr(o, "code", "")),
                     str(getattr(o, "value", "")), str(getattr(o, "message", "")), str(getattr(o, "due", "")), ev))
    return sorted(rows)


def test_row_order_is_irrelevant(wubi, rows):
    @settings(max_examples=60, deadline=None)
    @given(ledgers(rows), st.randoms(use_true_random=False), st.sampled_from(["2014-06-30", "2014-12-31"]))
    def prop(recs, rnd, as_of):
        base = wubi(recs, as_of=as_of)
        shuffled = {k: rnd.sample(v, len(v)) for k, v in recs.items()}
        assert canonical(wubi(shuffled, as_of=as_of)) == canonical(base)

    prop()


def test_runs_repeat_no_money_scores_in_range(wubi, rows):
    @settings(max_examples=50, deadline=None)
    @given(ledgers(rows))
    def prop(recs):
        a, b = wubi(recs), wubi(recs)
        assert a.items == b.items
        assert a.payments == []  # the campaign pays nothing: nothing to conserve but nothing
        for s in a.scores:
            assert Decimal(0) <= s.value <= Decimal(100)
        for f in a.findings:
            assert set(f.message) == {"zh", "en"}

    prop()
