"""What a big run holds once, not once per outcome or citation.

A million ledger rows on the people shape make ~1.4M evidence items, ~1.2M notes and
~250k findings, all alive until the report is written: a few bytes or a repeated text
on each is tens of MB of the peak (docs/performance.md, tenth session, memory).
"""

from __future__ import annotations

import sys
import weakref
from pathlib import Path
from typing import Any

import pytest

import bureaukit
from bureaukit.outcomes import Evidence, Note, person_subject, unit_subject
from bureaukit.provenance import Provenance
from bureaukit.result import Result

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"


@pytest.fixture(scope="module")
def demo() -> tuple[Any, Result]:
    bureau = bureaukit.load(DEMO)
    return bureau, bureaukit.score(bureau)


def _outcomes(r: Result) -> list[Any]:
    return [*r.scores, *r.payments, *r.findings]


@pytest.mark.parametrize("item", [Evidence("a.csv", 2, "P1", "x"), Note(str, ("x",))])
def test_evidence_and_notes_carry_no_weakref_slot(item: object) -> None:
    # 8 bytes more would take each from pymalloc's 64-byte class to its 80-byte one
    # (Evidence) or from 48 to 64 (Note): ~41 MB at a million rows on the people shape
    with pytest.raises(TypeError):
        weakref.ref(item)
    assert sys.getsizeof(item) <= 64


def test_a_subject_is_one_text_however_often_it_is_named() -> None:
    ident = "".join(["p", "1"])  # made at run time, as an id read from a ledger is
    assert person_subject(ident) is person_subject("p1") == "person:p1"
    assert unit_subject(ident) is unit_subject("p1") == "unit:p1"


def test_a_run_holds_each_subject_and_finding_code_once(demo: tuple[Any, Result]) -> None:
    _, r = demo
    subjects = {o.subject for o in _outcomes(r)}
    assert len({id(o.subject) for o in _outcomes(r)}) == len(subjects) > 10
    codes = {f.code for f in r.findings}
    assert len({id(f.code) for f in r.findings}) == len(codes) > 3
    assert len(r.findings) > 2 * len(codes)  # so that sharing is tested at all


def test_every_citation_of_a_row_shares_the_row_the_reader_gave() -> None:
    # rows past the interpreter's small ints: each is an object of 32 bytes, and a
    # million citations made one each (~32 MB at a million rows on the people shape)
    recs, rows = [object(), object()], [70_000 + int("1"), 70_000 + int("2")]
    provenance = Provenance()
    provenance.add("a.csv", recs, rows)
    assert [provenance.where(r)[1] for r in recs] == rows
    assert all(provenance.where(r)[1] is row for r, row in zip(recs, rows, strict=True))
    assert provenance.origin(recs[0]) is not None and provenance.origin(recs[0]).row is rows[0]


def test_each_campaign_sorted_as_it_ran_gives_the_order_of_one_sort(demo: tuple[Any, Result]) -> None:
    # the engine sorts each campaign's outcomes right after it ran, so that the sort's
    # keys (~40 MB at a million rows) are not held on top of every campaign's outcomes;
    # the result must read as one sort of all of them (CORE §10)
    from bureaukit.result import sort_findings, sort_payments, sort_scores

    bureau, r = demo
    assert list(bureau.campaigns) != sorted(bureau.campaigns)  # run order is not the report's
    assert list(r.scores) == sort_scores(list(reversed(r.scores)))
    assert list(r.payments) == sort_payments(list(reversed(r.payments)))
    assert list(r.findings) == sort_findings(list(reversed(r.findings)), r.language)
    assert len({o.campaign for o in r.findings}) > 3 and len({o.campaign for o in r.scores}) > 3
