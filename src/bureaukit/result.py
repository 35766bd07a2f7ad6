"""The result of a run (CORE §10) and its JSON (schema 2, docs/result-schema.md): same inputs,
byte-identical output."""

from __future__ import annotations

import functools
import json
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from itertools import chain, groupby, islice
from operator import attrgetter, itemgetter
from typing import Any, BinaryIO, cast

import attrs

from bureaukit.catalogue import POINTS, FindingKind, Metric
from bureaukit.money import fmt_exact, fmt_money, fmt_points, fmt_rate
from bureaukit.outcomes import SEVERITIES, Evidence, Finding, Payment, Score
from bureaukit.scorecards import Scorecard
from bureaukit.speedups import gc_paused

SCHEMA = 2
"""Schema 2 cites each ledger row once, in the ``cited`` table, and outcomes by index;
per-row notes are written on demand (docs/result-schema.md). :func:`load` reads 1 and 2."""


@attrs.frozen
class CampaignInfo:
    name: str
    title: Mapping[str, str]
    distribution: str
    version: str


@attrs.frozen
class PeriodInfo:
    id: str
    start: date
    end: date
    as_of: date
    time_progress: Decimal
    final: bool


@attrs.frozen
class Result:
    """Everything a run found, in both languages; renderers and the JSON read it."""

    version: str
    bureau_id: str
    bureau_name: str
    language: str
    period: PeriodInfo
    campaigns: tuple[CampaignInfo, ...]
    scores: tuple[Score, ...]
    payments: tuple[Payment, ...]
    findings: tuple[Finding, ...]
    scorecards: tuple[Scorecard, ...]
    config_hash: str
    files: Mapping[str, str]
    names: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    """subject → display name (units and people), for reports."""
    ledger_rows: Mapping[str, int] | None = attrs.field(default=None, eq=False)
    """campaign → ledger rows in the period up to as-of; all 0: nothing recorded yet."""
    metrics: Mapping[str, Mapping[str, Metric]] = attrs.field(factory=dict, eq=False)
    """campaign → metric → what it means (REPORTS §1)."""
    finding_kinds: Mapping[str, Mapping[str, FindingKind]] = attrs.field(factory=dict, eq=False)
    """campaign → finding code → its short title."""
    schema: int = SCHEMA
    appeals: tuple[Any, ...] = ()
    """The 异议复核 section (:class:`bureaukit.appeals.AppealInfo`): appeals filed by the
    as-of date, each with its status on that date."""

    @property
    def no_rows(self) -> bool:
        """The period holds no ledger row at all (REPORTS §5: 本期无台账记录)."""
        return self.ledger_rows is not None and not any(self.ledger_rows.values())

    def metric(self, campaign: str, name: str) -> Metric:
        """What *name* means in *campaign*; a metric no catalogue declares (a result
        built by hand) is shown under its code, as an exact amount."""
        found = self.metrics.get(campaign, {}).get(name)
        if found is not None:
            return found
        if name == "points":
            return POINTS
        return Metric(name, name, "amount")

    def metric_title(self, campaign: str, name: str, lang: str | None = None) -> str:
        return self.metric(campaign, name).title(lang or self.language)

    def finding_title(self, campaign: str, code: str, lang: str | None = None) -> str:
        found = self.finding_kinds.get(campaign, {}).get(code)
        return found.title(lang or self.language) if found is not None else code

    def campaign_title(self, name: str, lang: str | None = None) -> str:
        for c in self.campaigns:
            if c.name == name:
                return c.title.get(lang or self.language, c.title.get("zh", name))
        return name

    def name_of(self, subject: str) -> str:
        return self.names.get(subject, subject)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return result_dict(self, lang or self.language)

    def to_json(self, lang: str | None = None) -> str:
        """The schema-2 JSON (UTF-8 text, keys in the documented order, final newline):
        ``json.dumps(self.to_dict(lang), ensure_ascii=False) + "\\n"``, character for
        character.

        Written on one line: indenting is ~20× slower at a million ledger rows (pipe
        through ``python -m json.tool`` to read it). :meth:`write_json` writes the same
        bytes to a file without holding them all.
        """
        with gc_paused():
            return "".join(json_parts(self, lang or self.language))

    def write_json(self, fh: BinaryIO, lang: str | None = None) -> None:
        """Write ``to_json(lang).encode("utf-8")`` to the binary file *fh*, a piece at a
        time (about :data:`JSON_CHUNK` outcomes and evidence items): at a province's size
        the whole text is hundreds of MB, twice over as str and bytes."""
        with gc_paused():
            for part in json_parts(self, lang or self.language):
                fh.write(part.encode("utf-8"))


def _ev_key(evidence: tuple[Evidence, ...]) -> tuple[str, int, str, str]:
    if not evidence:
        return ("", -1, "", "")
    e = evidence[0]
    return (e.source or "", e.row if e.row is not None else -1, e.record or "", e.sort_text())


def _ev_where(evidence: tuple[Evidence, ...]) -> tuple[str, int]:
    """``_ev_key(evidence)[:2]``: the first item's source and row, without its key."""
    if not evidence:
        return ("", -1)
    e = evidence[0]
    return (e.source or "", e.row if e.row is not None else -1)


def sort_scores(scores: list[Score]) -> list[Score]:
    return sorted(scores, key=lambda s: (s.campaign, s.subject, s.metric, _ev_key(s.evidence)))


def sort_payments(payments: list[Payment]) -> list[Payment]:
    return sorted(
        payments,
        key=lambda p: (p.campaign, p.subject, p.kind, p.period or "", _ev_key(p.evidence), p.amount),
    )


def sort_findings(findings: list[Finding], lang: str = "zh") -> list[Finding]:
    """Findings in the order of CORE §10, their message (in *lang*, then in zh) last.

    A message is written only when read (``bureaukit.phrases.Message``), and the keys
    before it almost always tell two findings apart: the messages are written only for
    findings whose other keys tie, not for every finding in two languages.
    """
    order = {s: i for i, s in enumerate(SEVERITIES)}

    def key(f: Finding) -> tuple[Any, ...]:
        # One flat tuple, in the order the nested (due none last, first evidence's
        # source and row) gave: every key lives until the sort ends, and the nested
        # tuples added to the peak memory of a big run (docs/performance.md).
        due = f.due
        source, row = _ev_where(f.evidence)
        return (f.campaign, order[f.severity], f.code, f.subject, due is None,
                date.max if due is None else due, source, row)

    out: list[Finding] = []
    first = itemgetter(0)
    for _, group in groupby(sorted(zip(map(key, findings), findings, strict=True), key=first), key=first):
        tied = [f for _, f in group]
        out += _by_message(tied, lang) if len(tied) > 1 else tied
    return out


def _by_message(tied: list[Finding], lang: str) -> list[Finding]:
    """*tied* by message in *lang*, then in zh: zh is written only where *lang*'s texts tie."""
    first = itemgetter(0)
    pairs = sorted(((f.message.get(lang, ""), f) for f in tied), key=first)
    out: list[Finding] = []
    for _, same in groupby(pairs, key=first):
        run = [f for _, f in same]
        if len(run) > 1 and lang != "zh":
            run.sort(key=lambda f: f.message.get("zh", ""))
        out += run
    return out


def sort_scorecards(cards: list[Scorecard]) -> list[Scorecard]:
    return sorted(
        cards,
        key=lambda c: (c.group is None, c.group or "", c.rank if c.rank is not None else 1 << 30, c.subject),
    )


def write_value(score: Score, value: Decimal | int | None) -> str | None:
    """A score's value or target in its written form (CORE §4)."""
    if value is None:
        return None
    form = score.written_form
    if form == "money":
        return fmt_money(Decimal(value))
    if form == "rate":
        return fmt_rate(Decimal(value))
    if form == "score":
        return fmt_points(Decimal(value))
    return fmt_exact(value)


def _message(m: Mapping[str, str], lang: str) -> str:
    return m.get(lang) or m.get("zh") or m.get("en") or ""


def _head(r: Result, lang: str) -> dict[str, Any]:
    """The sections before the outcomes: schema … campaigns."""
    return {
        "schema": r.schema,
        "bureaukit": r.version,
        "bureau": {"id": r.bureau_id, "name": r.bureau_name},
        "period": {
            "id": r.period.id,
            "start": r.period.start.isoformat(),
            "end": r.period.end.isoformat(),
            "as_of": r.period.as_of.isoformat(),
            "time_progress": fmt_rate(r.period.time_progress),
            "final": r.period.final,
        },
        "campaigns": [
            {"name": c.name, "title": _message(c.title, lang), "distribution": c.distribution, "version": c.version}
            for c in r.campaigns
        ],
        "metrics": {c: {m: k.to_dict() for m, k in ms.items()} for c, ms in r.metrics.items()},
        "finding_kinds": {c: {f: k.to_dict() for f, k in fs.items()} for c, fs in r.finding_kinds.items()},
    }


Ref = int | str
"""One evidence item in the JSON: the index of its row in ``cited``, or the text of a
note that cites no row (the rule's arithmetic)."""

Cite = tuple[str | None, int | None, str | None]
"""A cited row: (source, row, record)."""
_NO_ROW: Cite = (None, None, None)
"""What an evidence item that cites no row has (:attr:`Evidence.cites_row` is False)."""

NOTE = -1
"""In :meth:`CiteTable.indices`: an item that cites no row (its note is written instead)."""

ROW_SLOTS = 1 << 22
"""Rows below this are found in a source's array of row slots (4 bytes a row up to the
highest row cited: a ledger's rows are dense); any other cite in a dict."""


@attrs.define
class CiteTable:
    """The ``sources`` and ``cited`` sections: every row any outcome cites, once, in the
    order the (sorted) outcomes first cite it, so the same result gives the same table.

    A cited row is found by its source and row number in an array per source (row →
    index + 1, 0 for not cited yet), and the evidence item that first cited it is kept
    in :attr:`first`: ~4 bytes a ledger row and 8 a cited one, where a dict keyed by
    (source, row, record) tuples held ~137 bytes per cited row (~75 MB at a million
    rows, docs/performance.md). What the arrays cannot hold — an item with a record but
    no row, a row number out of range, a second record cited at the same row — is
    looked up by its (source, row, record) in :attr:`other`.
    """

    first: list[Evidence] = attrs.field(factory=list)
    """index → the evidence item that first cited that row."""
    slots: dict[str | None, array[int]] = attrs.field(factory=dict)
    """source → row → its index + 1 (0: not cited yet)."""
    other: dict[Cite, int] = attrs.field(factory=dict)
    sources: dict[str, int] = attrs.field(factory=dict)

    def indices(self, evidence: Iterable[Evidence]) -> list[int]:
        """Each item's index in ``cited`` (a row cited for the first time is added), or
        :data:`NOTE` for an item that cites no row."""
        out = array("i")
        self.index_into(evidence, out)
        return out.tolist()

    def index_into(self, evidence: Iterable[Evidence], out: array[int]) -> None:
        """:meth:`indices` appended to *out*: :func:`_cite` passes a whole section's
        items at once, not a call and a list per outcome."""
        # ~1.7M items at a million rows: a row in its source's array, cited before (two
        # in three) or not yet, is answered here; the rest in _add
        slots, first, append = self.slots, self.first, out.append
        for e in evidence:
            rows, row = slots.get(e.source), e.row
            if rows is not None and type(row) is int and 0 <= row < len(rows):
                i = rows[row] - 1
                if i < 0:
                    rows[row] = len(first) + 1
                    append(len(first))
                    first.append(e)
                    continue
                if first[i].same_record(e):
                    append(i)
                    continue
            append(self._add(e))

    def _add(self, e: Evidence) -> int:
        """*e*'s index when :meth:`index_into` did not find it in the arrays."""
        source, row = e.source, e.row
        if not e.cites_row:
            return NOTE
        first = self.first
        if isinstance(row, int) and 0 <= row < ROW_SLOTS:
            rows = self.slots.get(source)
            if rows is None:
                rows = self.slots[source] = array("i")
            if row >= len(rows):  # grown by half at least (rows come in any order), to ROW_SLOTS at most
                grow = max(row + 1 - len(rows), len(rows) // 2)
                rows.frombytes(bytes(rows.itemsize * min(grow, ROW_SLOTS - len(rows))))
            i = rows[row] - 1
            if i < 0:
                rows[row] = len(first) + 1
                first.append(e)
                return len(first) - 1
            if first[i].same_record(e):
                return i
        # not in the arrays (no row, out of range) or a second record at a row
        key = (source, row, e.record)
        found = self.other.get(key)
        if found is not None:
            return found
        self.other[key] = len(first)
        first.append(e)
        return len(first) - 1

    def refs(self, evidence: tuple[Evidence, ...], lang: str) -> list[Ref]:
        """The JSON's items for *evidence*: cited rows by index, a note that cites no row
        as its text in *lang*."""
        return written(evidence, self.indices(evidence), lang)

    def sources_list(self) -> list[str]:
        """The ``sources`` section; call once the table is complete."""
        sources = self.sources
        for e in self.first:
            source = e.source
            if source is not None and source not in sources:
                sources[source] = len(sources)
        return list(sources)

    def cited(self) -> Iterator[list[Any]]:
        """The ``cited`` section's items, one at a time (after :meth:`sources_list`):
        at a million rows the table alone is ~500,000 rows."""
        sources = self.sources
        for e in self.first:
            s = e.source
            yield [None if s is None else sources[s], e.row, e.record]

    def sections(self) -> dict[str, Any]:
        return {"sources": self.sources_list(), "cited": list(self.cited())}


def written(evidence: tuple[Evidence, ...], indices: list[int], lang: str) -> list[Ref]:
    """*indices* (from :meth:`CiteTable.indices`) as the JSON writes them: each
    :data:`NOTE` replaced by its item's note, in *lang*."""
    if NOTE not in indices:
        return cast("list[Ref]", indices)  # as it is: nothing to replace
    return [e.note_in(lang) if i == NOTE else i for e, i in zip(evidence, indices, strict=True)]


def _score_dict(s: Score, refs: list[Ref]) -> dict[str, Any]:
    return {
        "campaign": s.campaign,
        "subject": s.subject,
        "metric": s.metric,
        "value": write_value(s, s.value),
        "target": write_value(s, s.target),
        "unit": s.unit,
        "evidence": refs,
    }


def _payment_dict(p: Payment, refs: list[Ref]) -> dict[str, Any]:
    return {
        "campaign": p.campaign,
        "subject": p.subject,
        "kind": p.kind,
        "amount": fmt_money(p.amount),
        "period": p.period,
        "evidence": refs,
    }


def _finding_dict(f: Finding, refs: list[Ref], lang: str) -> dict[str, Any]:
    return {
        "campaign": f.campaign,
        "subject": f.subject,
        "code": f.code,
        "severity": f.severity,
        "message": _message(f.message, lang),
        "due": f.due.isoformat() if f.due else None,
        "evidence": refs,
    }


def _scorecard_dict(c: Scorecard) -> dict[str, Any]:
    return {
        "subject": c.subject,
        "name": c.name,
        "group": c.group,
        "composite": fmt_points(c.composite),
        "grade": c.grade,
        "rank": c.rank,
        "campaigns": {k: fmt_points(v) for k, v in c.campaigns.items()},
    }


def _inputs(r: Result) -> dict[str, Any]:
    return {"config": r.config_hash, "files": dict(sorted(r.files.items()))}


_Section = tuple[str, tuple[Any, ...], Callable[..., dict[str, Any]]]


def _outcome_sections(r: Result, lang: str) -> tuple[_Section, ...]:
    return (
        ("scores", r.scores, _score_dict),
        ("payments", r.payments, _payment_dict),
        ("findings", r.findings, functools.partial(_finding_dict, lang=lang)),
    )


_evidence = attrgetter("evidence")


def _cite(r: Result, lang: str) -> tuple[CiteTable, array[int]]:
    """The cited-row table (every row the outcomes cite, in the order they first cite
    it), and every outcome's indices into it, in the outcomes' order, in one array.

    The ``cited`` section comes before the outcomes, so the table must be complete before
    the first outcome is written; keeping the indices (4 bytes an item, ~7 MB at a
    million rows) lets the outcomes be written without looking each row up again (the
    second pass over ~1.7M items was ~15 % of writing the JSON)."""
    table = CiteTable()
    flat = array("i")
    for _, items, _ in _outcome_sections(r, lang):
        table.index_into(chain.from_iterable(map(_evidence, items)), flat)
    return table, flat


def _written_refs(r: Result, flat: array[int], lang: str) -> Iterator[list[Ref]]:
    """Each outcome's evidence as the JSON writes it (:func:`written`), in the order of
    :func:`_outcome_sections`, from :func:`_cite`'s indices."""
    at = 0
    for _, items, _ in _outcome_sections(r, lang):
        for x in items:
            evidence = x.evidence
            end = at + len(evidence)
            yield written(evidence, flat[at:end].tolist(), lang)
            at = end


def result_dict(r: Result, lang: str) -> dict[str, Any]:
    table, flat = _cite(r, lang)
    out = {**_head(r, lang), **table.sections()}
    refs = _written_refs(r, flat, lang)
    for key, items, as_dict in _outcome_sections(r, lang):
        # items first: zip stops at the section's end without taking the next section's refs
        out[key] = [as_dict(x, e) for x, e in zip(items, refs, strict=False)]
    out["scorecards"] = [_scorecard_dict(c) for c in r.scorecards]
    out["appeals"] = [a.to_dict() for a in r.appeals]
    out["inputs"] = _inputs(r)
    return out


JSON_CHUNK = 5000
"""About how many list items (outcomes, and the rows they cite) :func:`json_parts`
encodes per piece: bounds the text held at once."""

_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
"""``json.dumps(..., ensure_ascii=False)``'s encoder, without the check for circular
references: what it encodes is made here, dicts and lists holding text and numbers, never
itself (the check's memo of every list and dict was ~20 % of the encoder's time)."""


def _chunked(items: Iterator[tuple[Any, int]]) -> Iterator[str]:
    """The items of one JSON list, without its brackets, about :data:`JSON_CHUNK` at a
    time; each item comes with its weight (1 + the rows it cites)."""
    sep = ""
    chunk: list[Any] = []
    weight = 0
    for item, w in items:
        chunk.append(item)
        weight += w
        if weight >= JSON_CHUNK:
            yield sep + _dumps(chunk)[1:-1]
            sep, chunk, weight = ", ", [], 0
    if chunk:
        yield sep + _dumps(chunk)[1:-1]


def _batched(items: Iterator[Any]) -> Iterator[str]:
    """:func:`_chunked` for items of weight 1 (the cited rows, the scorecards): the same
    pieces, :data:`JSON_CHUNK` items each, taken by ``islice``."""
    sep = ""
    while chunk := list(islice(items, JSON_CHUNK)):
        yield sep + _dumps(chunk)[1:-1]
        sep = ", "


def json_parts(r: Result, lang: str) -> Iterator[str]:
    """``json.dumps(result_dict(r, lang), ensure_ascii=False) + "\\n"`` in pieces: the
    head, the cited rows and each outcome section about :data:`JSON_CHUNK` items at a
    time, then the rest and the final newline. Each item is the dict :func:`result_dict`
    gives for it, encoded by ``json``; only the joints between the sections are written
    here."""
    table, flat = _cite(r, lang)
    head = _dumps({**_head(r, lang), "sources": table.sources_list()})
    yield head[:-1]  # left open: the sections follow
    yield ', "cited": ['
    yield from _batched(table.cited())
    yield "]"
    refs = _written_refs(r, flat, lang)
    for key, items, as_dict in _outcome_sections(r, lang):
        yield f', "{key}": ['
        # items first: zip stops at the section's end without taking the next section's refs
        yield from _chunked((as_dict(x, e), 1 + len(e)) for x, e in zip(items, refs, strict=False))
        yield "]"
    yield ', "scorecards": ['
    yield from _batched(map(_scorecard_dict, r.scorecards))
    yield "]"
    yield ", " + _dumps({"appeals": [a.to_dict() for a in r.appeals], "inputs": _inputs(r)})[1:] + "\n"


# --- reading results back: schema 1 and 2 ---------------------------------------------------

OUTCOME_SECTIONS = ("scores", "payments", "findings")


def load(source: str | bytes | os.PathLike[str] | Mapping[str, Any]) -> dict[str, Any]:
    """A result JSON (a path, its text or bytes, or the parsed dict) as a schema-2 dict:
    schema 1 is migrated by :func:`upgrade`, schema 2 returned as it is.

    Read cited rows with :func:`cited`; the per-row notes of schema 1 are dropped by the
    migration, as schema 2 writes them only on demand (docs/result-schema.md).
    """
    if isinstance(source, Mapping):
        data = dict(source)
    elif isinstance(source, str | bytes) and source.lstrip()[:1] in ("{", b"{"):
        data = json.loads(source)
    else:
        with open(source, "rb") as fh:
            data = json.load(fh)
    schema = data.get("schema")
    if schema == 1:
        return upgrade(data)
    if schema == SCHEMA:
        return data
    raise ValueError(f"not a bureaukit result of schema 1 or {SCHEMA} (schema {schema!r})")


def upgrade(data: Mapping[str, Any]) -> dict[str, Any]:
    """Schema 1 → 2: every evidence item that names a source, row or record becomes an
    index into ``cited`` (its note dropped); a note alone stays text. Everything else is
    kept as it was, in the same order."""
    table = CiteTable()
    outcomes = {
        key: [{**item, "evidence": table.refs(tuple(_v1_evidence(item)), "zh")} for item in data.get(key, ())]
        for key in OUTCOME_SECTIONS
    }
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "scores":
            out.update(table.sections())  # where a schema-2 result has them
        out[key] = outcomes.get(key, value)
    out["schema"] = SCHEMA
    return out


def _v1_evidence(item: Mapping[str, Any]) -> Iterator[Evidence]:
    for e in item.get("evidence", ()):
        yield Evidence(e.get("source"), e.get("row"), e.get("record"), e.get("note") or "")


def cited(data: Mapping[str, Any], item: Mapping[str, Any]) -> list[Evidence]:
    """An outcome's evidence from a schema-2 dict (see :func:`load`): each cited row as
    ``Evidence(source, row, record)`` without a note, each note alone as
    ``Evidence(note=...)``."""
    sources, rows = data["sources"], data["cited"]
    out = []
    for ref in item.get("evidence", ()):
        if isinstance(ref, str):
            out.append(Evidence(note=ref))
        else:
            s, row, record = rows[ref]
            out.append(Evidence(None if s is None else sources[s], row, record))
    return out


def same_result(archived: str, fresh: str) -> bool:
    """Two results' JSON agree: the same text, or, when they were written in different
    schemas (a run archived before schema 2), the same content read as schema 2."""
    if archived == fresh:
        return True
    a, b = json.loads(archived), json.loads(fresh)
    return a.get("schema") != b.get("schema") and load(a) == load(b)
