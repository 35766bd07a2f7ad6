"""Result schema 2 (docs/result-schema.md): cited rows once, outcomes by index, notes on
demand; ``load`` reads schema 1 and 2; the archive compares across the two."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from core_support import sample_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit
from bureaukit.archive.diff import compare_results
from bureaukit.outcomes import Evidence, Finding, Note, Payment, Score
from bureaukit.render._labels import evidence_text
from bureaukit.result import Result, cited, load, same_result, upgrade

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "configs" / "demo" / "bureau.toml"

# A schema-1 result worked by hand: two scores citing the same two rows of one file (with
# different notes), a finding citing a row of another file, and an arithmetic note alone.
V1: dict[str, Any] = {
    "schema": 1,
    "bureaukit": "0.1.0",
    "bureau": {"id": "b", "name": "某局"},
    "period": {"id": "2014", "start": "2014-01-01", "end": "2014-12-31", "as_of": "2014-12-31",
               "time_progress": "1.0000", "final": False},
    "campaigns": [],
    "metrics": {},
    "finding_kinds": {},
    "scores": [
        {"campaign": "investment", "subject": "unit:a", "metric": "total_wan", "value": "300", "target": None,
         "unit": "万元", "evidence": [
             {"source": "p.csv", "row": 3, "record": "P2", "note": "合同投资额 200 万元"},
             {"source": "p.csv", "row": 2, "record": "P1", "note": "合同投资额 100 万元"}]},
        {"campaign": "investment", "subject": "unit:a", "metric": "big_projects", "value": "2", "target": None,
         "unit": None, "evidence": [
             {"source": "p.csv", "row": 2, "record": "P1", "note": "合同投资额 100 ≥ 50 万元，计 1 个"},
             {"source": None, "row": None, "record": None, "note": "共 2 个"}]},
    ],
    "payments": [],
    "findings": [
        {"campaign": "style", "subject": "unit:a", "code": "style.late", "severity": "warning",
         "message": "迟", "due": None, "evidence": [{"source": "m.csv", "row": 7, "record": None, "note": "时长"}]},
    ],
    "scorecards": [],
    "appeals": [],
    "inputs": {"config": "sha256:x", "files": {}},
}


def test_upgrade_by_hand() -> None:
    v2 = upgrade(V1)
    assert list(v2) == ["schema", "bureaukit", "bureau", "period", "campaigns", "metrics", "finding_kinds",
                        "sources", "cited", "scores", "payments", "findings", "scorecards", "appeals", "inputs"]
    assert v2["schema"] == 2
    assert v2["sources"] == ["p.csv", "m.csv"]
    # P2 is cited first (the first score's first item), P1 once although cited twice
    assert v2["cited"] == [[0, 3, "P2"], [0, 2, "P1"], [1, 7, None]]
    assert [s["evidence"] for s in v2["scores"]] == [[0, 1], [1, "共 2 个"]]
    assert v2["findings"][0]["evidence"] == [2]
    assert cited(v2, v2["scores"][1]) == [Evidence("p.csv", 2, "P1"), Evidence(note="共 2 个")]
    assert load(V1) == v2 and load(v2) is not v2 and load(v2) == v2
    assert load(json.dumps(V1)) == v2 and load(json.dumps(V1).encode()) == v2


def test_load_from_a_file_and_refuses_other_schemas(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    assert load(path) == upgrade(V1) == load(str(path))
    with pytest.raises(ValueError, match="schema 1 or 2"):
        load({"schema": "bureaukit.federation/1"})


def test_the_demo_in_schema_2_is_the_golden_file_upgraded_from_its_schema_1_form() -> None:
    """The golden file is schema 2; its content, read back, is the run's own."""
    r = bureaukit.score(bureaukit.load(DEMO))
    data = json.loads(r.to_json())
    assert data["schema"] == 2 and load(data) == data == r.to_dict()
    # every outcome's evidence read back is the evidence the run holds, notes aside
    for key, items in (("scores", r.scores), ("payments", r.payments), ("findings", r.findings)):
        for item, outcome in zip(data[key], items, strict=True):
            back = cited(data, item)
            assert [(e.source, e.row, e.record) for e in back] == [(e.source, e.row, e.record) for e in outcome.evidence]
            # the rule's arithmetic is stored in the run's language (the demo's: zh)
            assert [e.note for e in back if not e.cites_row] == [
                e.note_in(r.language) for e in outcome.evidence if not e.cites_row]


def _v1_of(r: Result) -> dict[str, Any]:
    """*r* as schema 1 wrote it (evidence dicts with their notes): the archive of an
    earlier bureaukit."""
    data = r.to_dict()
    out = {k: v for k, v in data.items() if k not in ("sources", "cited")}
    out["schema"] = 1
    for key, items in (("scores", r.scores), ("payments", r.payments), ("findings", r.findings)):
        out[key] = [{**d, "evidence": [{"source": e.source, "row": e.row, "record": e.record, "note": e.note_in(r.language)}
                                       for e in o.evidence]} for d, o in zip(data[key], items, strict=True)]
    return out


def test_a_schema_1_archived_run_agrees_with_its_schema_2_rerun() -> None:
    r = bureaukit.score(bureaukit.load(DEMO))
    v1 = json.dumps(_v1_of(r), ensure_ascii=False)
    assert same_result(v1, r.to_json())
    assert compare_results(json.loads(v1), json.loads(r.to_json()), ()) == []
    # a value that differs still shows, in either direction
    changed = json.loads(v1)
    changed["scores"][0]["value"] = "999"
    assert not same_result(json.dumps(changed), r.to_json())
    (change,) = compare_results(changed, json.loads(r.to_json()), ())
    assert change.section == "scores" and change.fields[0][1:] == ("999", r.to_dict()["scores"][0]["value"])
    # two schema-2 texts that differ are different (no content comparison within a schema)
    assert not same_result(r.to_json(), r.to_json().replace('"schema": 2', '"schema": 2 '))


# --- notes on demand --------------------------------------------------------------------

calls: list[int] = []


def _counted_note(n: int) -> str:
    calls.append(n)
    return f"第 {n} 行 × 2 = {n * 2}"


def test_a_note_is_written_only_when_read() -> None:
    calls.clear()
    e = Evidence("a.csv", 5, "R5", Note(_counted_note, (5,)))
    r = attrs.evolve(sample_result("zh"), scores=(Score("unit:a", "points", Decimal(1), evidence=(e,), campaign="c"),),
                     payments=(), findings=())
    text = r.to_json()
    assert calls == [] and "第 5 行" not in text  # the JSON cites the row, no note
    assert evidence_text(e) == "a.csv:5 · R5 · 第 5 行 × 2 = 10" and calls == [5]
    assert e == Evidence("a.csv", 5, "R5", "第 5 行 × 2 = 10") and hash(e) == hash(Evidence("a.csv", 5, "R5", "第 5 行 × 2 = 10"))
    assert e != Evidence("a.csv", 5, "R5", "第 5 行 × 2 = 11")


def test_investment_notes_are_written_by_its_rule() -> None:
    """The demo's 折算 notes come from the function that computes the 折算: reading one
    gives the text the rule's figures make."""
    r = bureaukit.score(bureaukit.load(DEMO), campaigns=["investment"])
    (fixed,) = [s for s in r.scores if (s.subject, s.metric) == ("unit:bureau", "fixed_asset_wan")]
    lazy = [e for e in fixed.evidence if isinstance(e._note, Note)]
    assert lazy and len(lazy) == len(fixed.evidence)
    notes = [e.note_in("zh") for e in lazy]
    assert all(n.endswith(" 万元") for n in notes)
    # a 1:6 project: 本年实际纳税 × 6 = its equivalent, as the value counts it
    six = [n for n in notes if "× 6 =" in n]
    assert six
    for n in six:
        paid, value = n.split("本年实际纳税 ")[1].split(" 万元 × 6 = ")
        assert Decimal(paid.replace(",", "")) * 6 == Decimal(value.removesuffix(" 万元").replace(",", ""))


# --- invariants ---------------------------------------------------------------------------

sources = st.none() | st.sampled_from(["a.csv", "b.csv", "台账/c.xlsx"])
rows = st.none() | st.integers(1, 40)
records = st.none() | st.sampled_from(["R1", "R2", "项目-3"])
notes = st.text(max_size=8)
evidence = st.lists(st.builds(Evidence, sources, rows, records, notes), max_size=5).map(tuple)


@st.composite
def results(draw: st.DrawFn) -> Result:
    r = sample_result(draw(st.sampled_from(["zh", "en"])))
    n = draw(st.integers(0, 4))
    return attrs.evolve(
        r,
        scores=tuple(Score(f"unit:u{i}", "points", Decimal(i), evidence=draw(evidence), campaign="c") for i in range(n)),
        payments=tuple(Payment(f"person:p{i}", "refund", Decimal(i), evidence=draw(evidence), campaign="c")
                       for i in range(draw(st.integers(0, 3)))),
        findings=tuple(Finding(f"unit:u{i}", "c.x", "info", {"zh": "甲", "en": "a"}, date(2014, 1, 1),
                               draw(evidence), "c") for i in range(draw(st.integers(0, 3)))),
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results())
def test_every_outcome_cites_exactly_its_rows_and_each_row_is_written_once(r: Result) -> None:
    data = json.loads(r.to_json())
    keys = [(None if s is None else data["sources"][s], row, rec) for s, row, rec in data["cited"]]
    assert len(keys) == len(set(keys))  # once each
    used = set()
    for key, items in (("scores", r.scores), ("payments", r.payments), ("findings", r.findings)):
        for item, outcome in zip(data[key], items, strict=True):
            back = cited(data, item)
            assert [(e.source, e.row, e.record) for e in back if e.cites_row] == [
                (e.source, e.row, e.record) for e in outcome.evidence if e.cites_row]
            assert [e.note for e in back if not e.cites_row] == [e.note for e in outcome.evidence if not e.cites_row]
            used |= {ref for ref in item["evidence"] if isinstance(ref, int)}
    assert used == set(range(len(keys)))  # nothing cited that no outcome cites
    assert set(data["sources"]) == {k[0] for k in keys if k[0] is not None}
    # the same result written twice: the same bytes
    assert r.to_json() == attrs.evolve(r).to_json()
