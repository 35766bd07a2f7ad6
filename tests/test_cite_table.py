"""The cited-row table (result schema 2's ``sources`` and ``cited``) and the one pass
over the outcomes' evidence that fills it: the same sections and indices as the plain
two-pass table keyed by (source, row, record) tuples that it replaced, at a fraction of
its memory (docs/performance.md, sixth session)."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any
from unittest import mock

import attrs
from core_support import sample_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit.result as result_mod
from bureaukit.outcomes import Evidence, Finding, Payment, Score
from bureaukit.result import (
    ROW_SLOTS,
    CiteTable,
    Result,
    result_dict,
    sort_findings,
    sort_payments,
    sort_scores,
)


def two_pass(r: Result, lang: str) -> dict[str, Any]:
    """The table as it was made before (main at b6446c5): a dict keyed by (source, row,
    record) in the order of first citation, the outcomes looked up again as written."""
    index: dict[tuple[Any, Any, Any], int] = {}

    def refs(evidence: tuple[Evidence, ...]) -> list[Any]:
        out: list[Any] = []
        for e in evidence:
            key = (e.source, e.row, e.record)
            out.append(e.note_in(lang) if key == (None, None, None) else index.setdefault(key, len(index)))
        return out

    sections = [r.scores, r.payments, r.findings]
    for items in sections:
        for x in items:
            refs(x.evidence)
    sources: dict[str, int] = {}
    for s, _, _ in index:
        if s is not None and s not in sources:
            sources[s] = len(sources)
    cited = [[None if s is None else sources[s], row, record] for s, row, record in index]
    return {"sources": list(sources), "cited": cited,
            "evidence": [[refs(x.evidence) for x in items] for items in sections]}


def one_pass(r: Result, lang: str) -> dict[str, Any]:
    d = result_dict(r, lang)
    return {"sources": d["sources"], "cited": d["cited"],
            "evidence": [[x["evidence"] for x in d[key]] for key in ("scores", "payments", "findings")]}


# few values, so that rows are cited again, by other records, out of the arrays' range
SOURCES = [None, "a.csv", "b.csv", "台账.csv"]
ROWS = [None, 0, 1, 2, 7, True, -1, ROW_SLOTS - 1, ROW_SLOTS, 10**30]
RECORDS = [None, "R1", "R2", "甲"]
evidence = st.lists(
    st.builds(Evidence, st.sampled_from(SOURCES), st.sampled_from(ROWS), st.sampled_from(RECORDS),
              st.sampled_from(["", "共 2 个", "第 1 行"])),
    max_size=6,
).map(tuple)
subjects = st.sampled_from(["unit:a", "unit:b", "person:p"])
outcome_lists = st.tuples(
    st.lists(st.builds(Score, subjects, st.just("points"), st.integers(0, 100), evidence=evidence,
                       campaign=st.just("c")), max_size=6),
    st.lists(st.builds(Payment, subjects, st.just("fee"), st.just(Decimal(5)), evidence=evidence,
                       campaign=st.just("c")), max_size=4),
    st.lists(st.builds(Finding, subjects, st.just("c.x"), st.just("info"), st.just({"zh": "甲", "en": "a"}),
                       evidence=evidence, campaign=st.just("c")), max_size=4),
)


def with_outcomes(outcomes: tuple[list[Score], list[Payment], list[Finding]]) -> Result:
    scores, payments, findings = outcomes
    return attrs.evolve(sample_result("zh"), scores=tuple(sort_scores(scores)),
                        payments=tuple(sort_payments(payments)), findings=tuple(sort_findings(findings)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outcome_lists, st.sampled_from(["zh", "en"]))
def test_one_pass_gives_the_two_pass_sections(outcomes: Any, lang: str) -> None:
    r = with_outcomes(outcomes)
    assert one_pass(r, lang) == two_pass(r, lang)
    # and the text streamed in pieces is the same bytes as the dict dumped
    with mock.patch.object(result_mod, "JSON_CHUNK", 2):
        buf = io.BytesIO()
        r.write_json(buf, lang)
    assert buf.getvalue() == (json.dumps(r.to_dict(lang), ensure_ascii=False) + "\n").encode("utf-8")


def test_a_table_worked_by_hand() -> None:
    t = CiteTable()
    p2, p1 = Evidence("p.csv", 3, "P2"), Evidence("p.csv", 2, "P1")
    assert t.indices((p2, p1, Evidence(note="共 2 个"))) == [0, 1, -1]
    # the same row again (another note: the same cite), then row 2 under another record,
    # a record without a row, a row beyond the arrays, and that second record again
    again = Evidence("p.csv", 2, "P1", "另一说明")
    assert t.indices((again, Evidence("p.csv", 2, "X"), Evidence("m.csv", None, "K"),
                      Evidence("m.csv", 10**9, None), Evidence("p.csv", 2, "X"))) == [1, 2, 3, 4, 2]
    assert t.refs((Evidence(note="共 2 个"), p1), "zh") == ["共 2 个", 1]
    assert t.sources_list() == ["p.csv", "m.csv"]
    assert list(t.cited()) == [[0, 3, "P2"], [0, 2, "P1"], [0, 2, "X"], [1, None, "K"], [1, 10**9, None]]


def test_each_item_is_looked_up_once() -> None:
    r = sample_result("zh")
    looked_up: list[Evidence] = []
    calls = []
    real = CiteTable.index_into

    def counted(self: CiteTable, evidence: Iterable[Evidence], out: Any) -> None:
        calls.append(1)

        def each() -> Iterator[Evidence]:
            for e in evidence:
                looked_up.append(e)
                yield e

        real(self, each(), out)

    with mock.patch.object(CiteTable, "index_into", counted):
        r.write_json(io.BytesIO())
    items = [e for x in (*r.scores, *r.payments, *r.findings) for e in x.evidence]
    # one call per section (scores, payments, findings), every item once, in order
    assert len(items) > 0 and len(calls) == 3
    assert [id(e) for e in looked_up] == [id(e) for e in items]


def test_the_table_holds_a_few_bytes_per_cited_row() -> None:
    # 100,000 rows of 4 ledgers, each cited twice: the tuple-keyed dict held ~137 bytes
    # per cited row (the tuple, its int, the dict's entry); the arrays and the list of
    # first citations hold ~12-18
    n = 100_000
    items = [Evidence(f"l{i % 4}.csv", i // 4 + 2, f"R{i}") for i in range(n)]
    table = CiteTable()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(0, n, 50):
            table.indices(tuple(items[i:i + 50]))
            table.indices(tuple(items[i:i + 50]))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(table.first) == n and not table.other
    assert held / n < 24, f"{held / n:.1f} bytes per cited row"


def test_findings_due_and_payments_keep_their_order_of_first_citation() -> None:
    a, b = Evidence("a.csv", 5, "A"), Evidence("b.csv", 9, "B")
    r = with_outcomes(([Score("unit:a", "points", 1, evidence=(b,), campaign="c")],
                       [Payment("unit:a", "fee", Decimal(1), evidence=(a, b), campaign="c")],
                       [Finding("unit:a", "c.x", "info", {"zh": "甲"}, date(2014, 3, 1), (a,), campaign="c")]))
    d = r.to_dict("zh")
    assert d["sources"] == ["b.csv", "a.csv"] and d["cited"] == [[0, 9, "B"], [1, 5, "A"]]
    assert [d[k][0]["evidence"] for k in ("scores", "payments", "findings")] == [[0], [1, 0], [1]]


def test_the_arrays_stop_at_row_slots() -> None:
    # an array grows by half its length at least, but never beyond ROW_SLOTS: a row at or
    # above it is held in `other`, as it always was, even after a row near the end
    t = CiteTable()
    near = 3 * ROW_SLOTS // 4
    items = [Evidence("a.csv", row, f"R{row}") for row in (3, near, near + 1, ROW_SLOTS, ROW_SLOTS - 1)]
    assert t.indices((*items[:4], items[3], items[4], items[1])) == [0, 1, 2, 3, 3, 4, 1]
    assert len(t.slots["a.csv"]) == ROW_SLOTS
    assert t.other == {("a.csv", ROW_SLOTS, f"R{ROW_SLOTS}"): 3}
