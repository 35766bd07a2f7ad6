"""Citing a record leaves its key to be written when read (``Evidence.record``): an item
``ctx.evidence`` gives holds the record object, and is in every way a reader (``==``,
``hash``, ``repr``, the sort keys, the JSON, explain and the reports) can tell the item
made with the key's text, as it was made before (docs/performance.md, seventh session)."""

from __future__ import annotations

import enum
import io
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

import attrs
from core_support import sample_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bureaukit.context import Context
from bureaukit.explain import _ev_lines
from bureaukit.org import Unit, build_org
from bureaukit.outcomes import Evidence, Finding, Note, Payment, Score, key_text
from bureaukit.periods import parse_period
from bureaukit.provenance import Provenance
from bureaukit.records import Ledger, col, record_spec
from bureaukit.render._labels import evidence_text
from bureaukit.render.html import evidence_block
from bureaukit.result import CiteTable, Result, sort_findings, sort_payments, sort_scores


class Kind(enum.Enum):
    visit = "走访"
    call = "电话"


@attrs.frozen
class One:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "一", "en": "One"}, key=("id",))
    id: str = attrs.field(metadata=col("编号"))
    n: int = attrs.field(default=0, metadata=col("数"))


@attrs.frozen
class Two:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "二", "en": "Two"}, key=("id", "day"))
    id: str = attrs.field(metadata=col("编号"))
    day: date = attrs.field(metadata=col("日期"))


@attrs.frozen
class Three:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "三", "en": "Three"}, key=("id", "kind", "n"))
    id: str = attrs.field(metadata=col("编号"))
    kind: Kind = attrs.field(metadata=col("类别"))
    n: int = attrs.field(metadata=col("数"))


@attrs.frozen
class Keyless:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "无", "en": "None"})
    n: int = attrs.field(metadata=col("数"))


class Stranger:
    """Not a record class: cited by its origin alone."""


def _n(k: int) -> str:
    return f"第 {k} 项"


ids = st.sampled_from(["a", "B", "甲", "a|b", ""])
records = st.one_of(
    st.builds(One, ids, st.integers(0, 3)),
    st.builds(Two, ids, st.sampled_from([date(2014, 1, 2), date(2014, 3, 4)])),
    st.builds(Three, ids, st.sampled_from(list(Kind)), st.integers(-1, 2)),
    st.builds(Keyless, st.integers(0, 3)),
    st.builds(Stranger),
)
SOURCES = ["a.csv", "b.csv"]


def plain(ctx: Context, record: object, note: Any) -> Evidence:
    """The item as ``ctx.evidence`` made it before: the key's text, written when cited."""
    source, row = ctx.provenance.where(record)
    try:
        key = record_spec(type(record)).key_of(record)
    except TypeError:
        key = None
    return Evidence(source, row, key, note)


def context_of(recs: list[object], rows: list[int], read: list[bool]) -> Context:
    """A Context whose provenance knows where each record marked *read* was read: rows
    repeat, so that two records may be cited at one row (as a remade record is)."""
    provenance = Provenance()
    for i, source in enumerate(SOURCES):
        at = [(r, row) for k, (r, row, seen) in enumerate(zip(recs, rows, read, strict=True)) if seen and k % 2 == i]
        provenance.add(source, [r for r, _ in at], [row for _, row in at])
    org = build_org([Unit("root", "局", "bureau", None)], [])
    return Context(campaign="c", org=org, period=parse_period("2014"), as_of=date(2014, 12, 31),
                   calendar=None,  # type: ignore[arg-type]
                   settings=None, records={}, provenance=provenance, specs={})


citations = st.lists(st.tuples(records, st.integers(2, 5), st.booleans()), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(citations, st.lists(st.integers(0, 7), max_size=12), st.sampled_from(["zh", "en"]))
def test_an_item_citing_a_record_object_reads_as_the_item_with_its_key_text(
        cited: list[tuple[object, int, bool]], picks: list[int], lang: str) -> None:
    recs = [r for r, _, _ in cited]
    ctx = context_of(recs, [row for _, row, _ in cited], [seen for _, _, seen in cited])
    lazy = [ctx.evidence(r, Note(_n, (k,))) for k, r in enumerate(recs)]
    eager = [plain(ctx, r, Note(_n, (k,))) for k, r in enumerate(recs)]
    for a, b in zip(lazy, eager, strict=True):
        assert (a.source, a.row, a.record, a.note, a.cites_row) == (b.source, b.row, b.record, b.note, b.cites_row)
        assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
        assert evidence_text(a) == evidence_text(b)
    # explain and the html details read the same lines
    assert _ev_lines(tuple(lazy), "  ") == _ev_lines(tuple(eager), "  ")
    assert evidence_block(lazy, lang) == evidence_block(eager, lang)
    # the same outcomes, citing either way: the same sort and the same JSON, byte for byte
    chosen = [lazy[i % len(lazy)] for i in picks] or lazy
    assert result_of(chosen).to_json(lang) == result_of(eager_of(chosen, lazy, eager)).to_json(lang)
    table_a, table_b = CiteTable(), CiteTable()
    assert table_a.indices(tuple(chosen)) == table_b.indices(tuple(eager_of(chosen, lazy, eager)))
    assert table_a.sections() == table_b.sections()


def eager_of(chosen: list[Evidence], lazy: list[Evidence], eager: list[Evidence]) -> list[Evidence]:
    return [eager[next(i for i, e in enumerate(lazy) if e is c)] for c in chosen]


def result_of(evidence: list[Evidence]) -> Result:
    """Outcomes citing *evidence* in runs of three: scores, payments and findings."""
    runs = [tuple(evidence[i:i + 3]) for i in range(0, len(evidence), 3)]
    scores = [Score(f"unit:u{i}", "points", i, evidence=ev, campaign="c") for i, ev in enumerate(runs)]
    payments = [Payment("unit:u", "fee", Decimal(i), evidence=ev, campaign="c") for i, ev in enumerate(runs)]
    findings = [Finding("unit:u", "c.x", "info", {"zh": "甲", "en": "a"}, evidence=ev, campaign="c") for ev in runs]
    return attrs.evolve(sample_result("zh"), scores=tuple(sort_scores(scores)),
                        payments=tuple(sort_payments(payments)), findings=tuple(sort_findings(findings)))


def test_a_cited_record_keeps_its_key_unwritten_until_read() -> None:
    ctx = context_of([Two("P-1", date(2014, 3, 4))], [7], [True])
    (rec,) = ctx.provenance._held[0]  # the record as provenance holds it
    e = ctx.evidence(rec, "说明")
    assert e._record is rec  # not its key: nothing written while scoring
    assert e.record == "P-1|2014-03-04" == key_text(rec) and e.source == "a.csv" and e.row == 7
    assert e == Evidence("a.csv", 7, "P-1|2014-03-04", "说明")
    # a record of a class without a key, or no record class at all, cites no key
    assert ctx.evidence(Keyless(1))._record is None and ctx.evidence(Stranger())._record is None
    assert not ctx.evidence(Stranger(), "只是说明").cites_row


def test_the_json_of_cited_record_objects_is_the_json_of_their_keys() -> None:
    """Rows cited by two record objects with the same key (a record remade while loading)
    and by two records with different keys at one row are told apart as before."""
    a, a_again, b = One("A"), One("A"), One("B")
    provenance = Provenance()
    provenance.add("a.csv", [a, a_again, b], [2, 2, 2])
    org = build_org([Unit("root", "局", "bureau", None)], [])
    ctx = Context(campaign="c", org=org, period=parse_period("2014"), as_of=date(2014, 12, 31),
                  calendar=None,  # type: ignore[arg-type]
                  settings=None, records={}, provenance=provenance, specs={})
    lazy = [ctx.evidence(r, "x") for r in (a, a_again, b, a)]
    table = CiteTable()
    assert table.indices(tuple(lazy)) == [0, 0, 1, 0]
    assert table.sections() == {"sources": ["a.csv"], "cited": [[0, 2, "A"], [0, 2, "B"]]}
    buf_a, buf_b = io.BytesIO(), io.BytesIO()
    result_of(lazy).write_json(buf_a)
    result_of([Evidence(e.source, e.row, e.record, "x") for e in lazy]).write_json(buf_b)
    assert buf_a.getvalue() == buf_b.getvalue()
