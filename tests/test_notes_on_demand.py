"""Evidence notes are written only when a reader asks (result schema 2), in the reader's
language, and read as a leader reads: titles, names, percentages, no codes (REPORTS §2).

Every campaign's notes go through ``bureaukit.phrases.tell``, which reads the run's
language: a scoring that wrote a note would call it. The demo is scored with that
function raising, then its notes are read in zh and en.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import bureaukit
from bureaukit import phrases
from bureaukit.explain import explain_text
from bureaukit.messages import speaking
from bureaukit.outcomes import Evidence
from bureaukit.result import Result

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"

LAZY = ("investment", "publicity", "wubi", "style", "conduct", "vanguard")
"""The campaigns whose every note is written on demand."""


@pytest.fixture(scope="module")
def demo() -> tuple[Any, Result]:
    bureau = bureaukit.load(DEMO)
    return bureau, bureaukit.score(bureau)


def _evidence(result: Result, campaign: str) -> list[Evidence]:
    return [e for o in (*result.scores, *result.payments, *result.findings) if o.campaign == campaign
            for e in o.evidence]


@pytest.mark.parametrize("campaign", LAZY)
def test_scoring_and_the_json_write_no_row_note(campaign: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring formats no note at all; the JSON writes only the notes that cite no row
    (the rule's arithmetic), never one of a cited row."""

    def no_note() -> str:
        raise AssertionError("a note was written while scoring")

    bureau = bureaukit.load(DEMO)
    monkeypatch.setattr(phrases, "language", no_note)
    result = bureaukit.score(bureau, campaigns=[campaign])
    evidence = _evidence(result, campaign)
    rows = [e for e in evidence if e.cites_row]
    assert rows and not any(e.is_written for e in rows)  # each a Note, not yet written
    assert not any(e.is_written for e in evidence if not e.cites_row)
    monkeypatch.undo()
    text = result.to_json()
    for e in rows:
        assert e.note_in("zh") not in text
    for e in evidence:
        if not e.cites_row:
            assert e.note_in("zh") in text  # the arithmetic is stored, in the run's language


def test_the_json_stores_the_arithmetic_in_the_runs_language_whatever_the_locale(
        demo: tuple[Any, Result]) -> None:
    _, result = demo
    with speaking("en"):
        assert result.to_json() == result.to_json("zh")
    assert result.language == "zh"


def _note_lines(text: str, titles: set[str]) -> list[str]:
    """The notes of an explain text under the campaigns titled *titles*, without where
    they point (``file:row [record]``)."""
    out = []
    inside = False
    for line in text.splitlines():
        if line.startswith("["):
            inside = line.strip("[]") in titles
        _, arrow, rest = line.partition("← ")
        if arrow and inside:
            out.append(re.sub(r"^\S+:\d+ (\[[^\]]*\] )?", "", rest))
    return out


CODE = re.compile(r"dim\.|stage\.|_wan|_count|_rate\b")
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,})+\b")
RAW_RATE = re.compile(r"(?<![\d.])0\.\d{4}\b")


def test_the_demos_explain_reads_as_a_leader_reads_it(demo: tuple[Any, Result]) -> None:
    bureau, result = demo
    subjects = sorted({o.subject for o in (*result.scores, *result.payments, *result.findings)
                       if o.campaign in LAZY})
    titles = {result.campaign_title(c, "zh") for c in LAZY}
    checked = 0
    for subject in subjects:
        for note in _note_lines(explain_text(result, subject, bureau.config.scoring), titles):
            checked += 1
            assert not CODE.search(note), note
            assert not ENGLISH_RUN.search(note), note
            assert not RAW_RATE.search(note), note
    assert checked > 500
