"""The schema-2 JSON written piece by piece (Result.write_json, json_parts) is the same,
byte for byte, as ``json.dumps(result.to_dict(), ensure_ascii=False)``: on the demo, on
hostile text and odd types, across chunk boundaries, and through the CLI."""

from __future__ import annotations

import enum
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import pytest
from core_support import sample_result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit
import bureaukit.result as result_mod
from bureaukit.outcomes import Evidence, Finding, Payment, Score
from bureaukit.render import CORE_RENDERERS, RenderOptions, write_atomic
from bureaukit.result import (
    CampaignInfo,
    PeriodInfo,
    Result,
    _ev_key,
    json_parts,
    sort_findings,
    sort_payments,
    sort_scorecards,
    sort_scores,
)
from bureaukit.scorecards import Scorecard

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"


def dumped(r: Result, lang: str | None = None) -> str:
    """What to_json gave before it was written in pieces."""
    return json.dumps(r.to_dict(lang), ensure_ascii=False) + "\n"


def streamed(r: Result, lang: str | None = None) -> bytes:
    buf = io.BytesIO()
    r.write_json(buf, lang)
    return buf.getvalue()


def assert_same(r: Result, lang: str | None = None) -> None:
    text = r.to_json(lang)
    assert text == dumped(r, lang)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for it, streamed or not
        with pytest.raises(UnicodeEncodeError):
            streamed(r, lang)
        return
    assert streamed(r, lang) == data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_streamed_is_to_json(lang: str) -> None:
    from bureaukit.plugins import installed

    missing = {"investment", "publicity", "wubi", "style", "conduct"} - set(installed())
    if missing:
        pytest.skip(f"the demo needs every campaign plugin; missing {sorted(missing)}")
    r = bureaukit.score(bureaukit.load(DEMO), lang=lang)
    assert_same(r)
    assert_same(r, "en" if lang == "zh" else "zh")
    with mock.patch.object(result_mod, "JSON_CHUNK", 1):
        assert_same(r)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sample_with_hostile_text(lang: str) -> None:
    assert_same(sample_result(lang))


def test_the_json_renderer_writes_what_it_renders() -> None:
    (json_renderer,) = [x for x in CORE_RENDERERS if x.name == "json"]
    assert json_renderer.write is not None
    assert all(x.write is None for x in CORE_RENDERERS if x.name != "json")
    r = sample_result("zh")
    buf = io.BytesIO()
    json_renderer.write(r, RenderOptions(lang="en"), buf)
    rendered = json_renderer.render(r, RenderOptions(lang="en"))
    assert isinstance(rendered, str) and buf.getvalue() == rendered.encode("utf-8")


# --- chunk boundaries ---------------------------------------------------------------


def _bare(n_scores: int, n_findings: int = 0, evidence: int = 0) -> Result:
    ev = tuple(Evidence("a.csv", i + 2, f"R{i}", f"第 {i} 行") for i in range(evidence))
    r = sample_result("zh")
    return attrs.evolve(
        r,
        scores=tuple(Score(f"unit:u{i:03}", "points", Decimal(i), campaign="c", evidence=ev) for i in range(n_scores)),
        payments=(),
        findings=tuple(Finding(f"unit:u{i:03}", "c.x", "info", {"zh": "甲", "en": "a"}, campaign="c")
                       for i in range(n_findings)),
        scorecards=(),
    )


@pytest.mark.parametrize("n", [0, 1, 3, 4, 5, 8, 9])
def test_chunk_boundaries(n: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_mod, "JSON_CHUNK", 4)
    r = _bare(n, n)
    assert_same(r)
    parts = list(json_parts(r, "zh"))
    # head, the cited rows (none here: open, close), then per section its opening, one
    # piece per 4 items, its closing; then inputs
    pieces = -(-n // 4)
    assert len(parts) == 1 + 2 + 2 * (2 + pieces) + 2 * 2 + 1
    assert parts[1:3] == [', "cited": [', "]"]
    assert parts[3] == ', "scores": [' and parts[4 + pieces] == "]"


def test_evidence_counts_towards_a_chunk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_mod, "JSON_CHUNK", 10)
    r = _bare(6, evidence=4)  # 5 per score: two scores per piece
    assert_same(r)
    parts = list(json_parts(r, "zh"))
    # the four rows all six scores cite are written once, in one piece
    assert parts[1:4] == [', "cited": [', "[0, 2, \"R0\"], [0, 3, \"R1\"], [0, 4, \"R2\"], [0, 5, \"R3\"]", "]"]
    assert parts[4:9] == [', "scores": [', parts[5], parts[6], parts[7], "]"]
    assert [p.count('"metric"') for p in parts[5:8]] == [2, 2, 2]
    assert parts[5].count('"evidence": [0, 1, 2, 3]') == 2


def test_cited_rows_and_scorecards_come_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(result_mod, "JSON_CHUNK", 2)
    r = _bare(1, evidence=5)
    cards = tuple(Scorecard(f"unit:u{i}", f"U{i}", None, Decimal(i), None, None, {}, Decimal(i)) for i in range(3))
    r = attrs.evolve(r, scorecards=cards)
    assert_same(r)
    parts = list(json_parts(r, "zh"))
    # five cited rows: two pieces of two and one of one; three scorecards: two and one
    assert parts[1:6] == [', "cited": [', '[0, 2, "R0"], [0, 3, "R1"]', ', [0, 4, "R2"], [0, 5, "R3"]',
                          ', [0, 6, "R4"]', "]"]
    at = parts.index(', "scorecards": [')
    assert [p.count('"subject"') for p in parts[at + 1:at + 3]] == [2, 1] and parts[at + 3] == "]"


# --- generated results: hostile text, odd types, empty sections ----------------------


class Kind(enum.StrEnum):  # a str subclass, as a plugin might pass
    REFUND = "refund"


class Row(enum.IntEnum):  # an int subclass
    THREE = 3


HOSTILE = ['"', "\\", "\\u0000", "\x00", "\x1f", "\x7f", "\u2028\u2029", "\ud800", "\udfff", "😀", "\ufeff",
           "\u202e反转", "<script>", "=1+1", "中文", "", " "]
text = st.one_of(st.text(max_size=12), st.sampled_from(HOSTILE),
                 st.lists(st.sampled_from(HOSTILE), max_size=4).map("".join))
maybe_text = st.none() | text
rows = st.none() | st.integers(-5, 10**30) | st.booleans() | st.just(Row.THREE)
decimals = st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False, allow_infinity=False)
evidence = st.lists(st.builds(Evidence, maybe_text, rows, maybe_text, text), max_size=4).map(tuple)
messages = st.fixed_dictionaries({"zh": text, "en": text})
dates = st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31))

scores = st.builds(
    Score, text, text, st.integers(-(10**6), 10**6) | decimals, st.none() | st.integers(0, 99) | decimals,
    st.none() | text | st.just("元"), evidence, st.none() | st.sampled_from(["score", "money", "rate", "exact"]),
    text,
)
payments = st.builds(Payment, text, st.sampled_from(["refund", "fee", Kind.REFUND]), decimals, maybe_text,
                     evidence, text)
findings = st.builds(Finding, text, text, st.sampled_from(["violation", "warning", "info"]), messages, dates,
                     evidence, text)
cards = st.builds(
    Scorecard, text, text, maybe_text, decimals, st.none() | text, st.none() | st.integers(1, 9),
    st.dictionaries(text, decimals, max_size=3), decimals,
)


@st.composite
def results(draw: st.DrawFn) -> Result:
    lang = draw(st.sampled_from(["zh", "en"]))
    return Result(
        version=draw(text),
        bureau_id=draw(text),
        bureau_name=draw(text),
        language=lang,
        period=PeriodInfo(draw(text), date(2014, 1, 1), date(2014, 12, 31), date(2014, 6, 30),
                          draw(decimals), draw(st.booleans())),
        campaigns=tuple(draw(st.lists(st.builds(CampaignInfo, text, messages, text, text), max_size=2))),
        scores=tuple(sort_scores(draw(st.lists(scores, max_size=6)))),
        payments=tuple(sort_payments(draw(st.lists(payments, max_size=6)))),
        findings=tuple(sort_findings(draw(st.lists(findings, max_size=6)), lang)),
        scorecards=tuple(sort_scorecards(draw(st.lists(cards, max_size=4)))),
        config_hash=draw(text),
        files=draw(st.dictionaries(text, text, max_size=3)),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.integers(1, 5))
def test_generated_results_stream_byte_for_byte(r: Result, chunk: int) -> None:
    with mock.patch.object(result_mod, "JSON_CHUNK", chunk):
        assert_same(r)
        assert_same(r, "en" if r.language == "zh" else "zh")


def test_an_unencodable_value_fails_as_json_dumps_does() -> None:
    r = _bare(1)
    bad = attrs.evolve(r, scores=(attrs.evolve(r.scores[0], unit=Decimal(1)),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not JSON serializable"):
        bad.to_json()
    with pytest.raises(TypeError, match="not JSON serializable"):
        streamed(bad)


def _old_sort_findings(fs: list[Finding], lang: str) -> list[Finding]:
    order = {"violation": 0, "warning": 1, "info": 2}
    return sorted(fs, key=lambda f: (f.campaign, order[f.severity], f.code, f.subject,
                                     (1, date.max) if f.due is None else (0, f.due),
                                     _ev_key(f.evidence)[:2], f.message.get(lang, ""), f.message.get("zh", "")))


@settings(max_examples=200, deadline=None)
@given(st.lists(findings, max_size=12), st.sampled_from(["zh", "en"]))
def test_flat_finding_keys_sort_as_the_nested_ones(fs: list[Finding], lang: str) -> None:
    # few distinct values, so that ties reach the later keys
    fs = [attrs.evolve(f, campaign=f.campaign[:1], code=f.code[:1], subject=f.subject[:1]) for f in fs]
    assert [id(f) for f in sort_findings(fs, lang)] == [id(f) for f in _old_sort_findings(fs, lang)]


# --- write_atomic with a writer ------------------------------------------------------


def test_write_atomic_with_a_writer(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_atomic(target, lambda fh: (fh.write(b"ab"), fh.write(b"cd")))
    assert target.read_bytes() == b"abcd"

    def half_then_fail(fh: Any) -> None:
        fh.write(b"x" * 100_000)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_atomic(tmp_path / "new.json", half_then_fail)
    with pytest.raises(RuntimeError):
        write_atomic(target, half_then_fail)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]
    assert target.read_bytes() == b"abcd"  # the old file is left as it was
