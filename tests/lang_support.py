"""Telling an English sentence in a line that should be Chinese (REPORTS §2: one language
per run). Used by the zh session test and the bad-input corpus's Chinese pass."""

from __future__ import annotations

import re

_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|「[^」\n]*」')
"""Quoted text is the clerk's own (a cell, a header, a file name): never bureaukit's words."""
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_EDGE = "()[]{},;:.!?'<>"
_WORD = re.compile(r"[A-Za-z]+")

ALLOWED = frozenset({
    # bureaukit's name, the commands a message tells the clerk to run, and pip's
    "bureaukit", "pip", "install",
    # words of file formats and products a Chinese message names as they are written
    "csv", "xlsx", "xls", "json", "jsonl", "html", "docx", "toml", "zip", "Excel", "WPS", "SQLite",
    "PostgreSQL", "UTF", "BOM", "GBK", "Unicode",
})


def english_run(line: str, allowed: frozenset[str] = frozenset(), least: int = 3) -> str | None:
    """The first run of *least* or more English words in *line*, or None. A word is a
    token of ASCII letters only (after its edge punctuation): a token with a digit, ``/``,
    ``_``, ``-``, ``.`` or ``:`` inside is a code, an id, a path or an option the clerk
    typed, and quoted text is the clerk's own; *allowed* are more codes (campaign names,
    ids from the config) and :data:`ALLOWED` names no translation changes."""
    # Chinese text between two English words ends a run: "tiny 招商 unit" is no sentence
    text = _NOT_ASCII.sub(" | ", _QUOTED.sub(" | ", line))
    run: list[str] = []
    for token in text.split():
        word = token.strip(_EDGE)
        if _WORD.fullmatch(word) and word not in ALLOWED and word not in allowed:
            run.append(word)
            if len(run) >= least:
                return " ".join(run)
            if token.endswith((",", ";")):  # "id, name, period": a list of keys, no sentence
                run = []
            continue
        run = []
    return None


def english_lines(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """Every line of *text* holding an English sentence (see :func:`english_run`)."""
    return [line for line in text.splitlines() if english_run(line, allowed)]
