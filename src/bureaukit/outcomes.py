"""What a campaign yields (CORE §7): scores, payments and findings, each with its evidence."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

import attrs

from bureaukit.messages import speaking
from bureaukit.records import key_function

Severity = Literal["info", "warning", "violation"]
SEVERITIES: tuple[Severity, ...] = ("violation", "warning", "info")
"""Severities from the gravest: the order findings are sorted and shown in."""

PaymentKind = Literal["refund", "reward", "deduction", "fee", "award"]
PAYMENT_KINDS: tuple[PaymentKind, ...] = ("refund", "reward", "deduction", "fee", "award")

Form = Literal["score", "money", "rate", "exact"]
"""How a Score's value is written (CORE §4): ``score`` 2 places, ``money`` 2 places,
``rate`` 4 places, ``exact`` plain decimal."""


def _to_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return value if isinstance(value, tuple) else tuple(value)


@attrs.frozen(weakref_slot=False)
class Note:
    """A note written when a reader asks for it: ``render(*args)``.

    ``render`` is the campaign's function that writes the note for one cited row from
    that row and the figures the rule used (result schema 2, docs/result-schema.md):
    the same code serves ``explain``, the html details and the xlsx 依据 sheet, and a
    run that only writes JSON never formats the note at all. It must be a pure
    function of its arguments, so that the text is the same each time it is asked for.
    """

    render: Callable[..., str]
    args: tuple[Any, ...] = ()

    def __str__(self) -> str:
        return self.render(*self.args)


def _note_text(note: str | Note) -> str:
    return note if isinstance(note, str) else note.render(*note.args)


def key_text(record: object) -> str | None:
    """The key an evidence item shows for what it was given as ``record``: a text (or
    None) as it is, a cited record object (what :meth:`Context.evidence
    <bureaukit.context.Context.evidence>` gives) its ledger key, written now."""
    if record is None or isinstance(record, str):
        return record
    return key_function(type(record))(record)


@attrs.frozen(repr=False, weakref_slot=False)
class Evidence:
    """Where a number came from and how it was computed (e.g. "税额 120 × 6 = 720 万元").

    ``source`` is the ledger file as the config names it, ``row`` its row (the header
    is row 1 in csv/xlsx), ``record`` the record's key. The note is text, or a
    :class:`Note` written on demand; ``note`` is always the text, and two items are
    equal when their texts are.

    ``record`` is given as the key's text, or (as :meth:`Context.evidence
    <bureaukit.context.Context.evidence>` gives it) as the cited record object itself,
    whose key is written when read (:func:`key_text`): a run cites about a million rows
    at a million ledger rows, and the JSON needs each distinct row's key once. Two items
    are equal when their key texts are.
    """

    source: str | None = None
    row: int | None = None
    _record: object = attrs.field(default=None, eq=key_text, alias="record")
    _note: str | Note = attrs.field(default="", eq=_note_text, alias="note")

    def __repr__(self) -> str:
        # as attrs writes it, with the note as its text (a Note shows what readers see)
        return f"Evidence(source={self.source!r}, row={self.row!r}, record={self.record!r}, note={self.note!r})"

    @property
    def record(self) -> str | None:
        """The cited record's key, as text (written now for a record object)."""
        return key_text(self._record)

    @property
    def note(self) -> str:
        """The note as a reader sees it (a :class:`Note` is written now)."""
        n = self._note
        return n if isinstance(n, str) else n.render(*n.args)

    def note_in(self, lang: str) -> str:
        """The note in *lang*, whatever this run's language: how the JSON stores a note
        that cites no row (the rule's arithmetic), in the result's own language."""
        n = self._note
        if isinstance(n, str):
            return n
        with speaking(lang):
            return n.render(*n.args)

    @property
    def is_written(self) -> bool:
        """The note is text already (no :class:`Note` waits to be written): tests hold a
        JSON-only run to formatting no note."""
        return isinstance(self._note, str)

    def sort_text(self) -> str:
        """The note as outcomes are sorted by it: its text when it is text, else ""; a
        :class:`Note` is not written to sort (the JSON path formats no note, and an
        order must not depend on the language a note would be written in)."""
        n = self._note
        return n if isinstance(n, str) else ""

    def same_record(self, other: Evidence) -> bool:
        """*other* cites the same record as this item: the same record object (as
        :meth:`Context.evidence <bureaukit.context.Context.evidence>` gives it, no key
        written to compare) or the same key text."""
        return self._record is other._record or self.record == other.record

    @property
    def cites_row(self) -> bool:
        """It points at a ledger row (or record): result schema 2 cites it by index and
        leaves its note to be written on demand; a note alone is the rule's arithmetic,
        kept as text."""
        return self.source is not None or self.row is not None or self._record is not None


@attrs.frozen
class Score:
    """A measured value for one subject (``unit:<id>`` / ``person:<id>``).

    Every campaign yields, for each subject it rates, a Score with metric ``points``
    on 0–100. ``form`` says how the value is written; by default ``points`` and
    ``dim.*``/``stage.*`` metrics are scores, ``unit="元"`` is money, the rest exact.
    """

    subject: str
    metric: str
    value: Decimal | int
    target: Decimal | int | None = None
    unit: str | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_to_tuple)
    form: Form | None = None
    campaign: str = ""

    @property
    def written_form(self) -> Form:
        if self.form is not None:
            return self.form
        if self.metric == "points" or self.metric.startswith(("dim.", "stage.")):
            return "score"
        if self.unit == "元":
            return "money"
        return "exact"


@attrs.frozen
class Payment:
    """Money paid or kept, in 元: ``refund``, ``reward``, ``deduction`` (kept by the
    bureau), ``fee`` (稿酬) or ``award``."""

    subject: str
    kind: PaymentKind
    amount: Decimal
    period: str | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_to_tuple)
    campaign: str = ""


@attrs.frozen
class Finding:
    """Something a reader must know: ``code`` is ``<campaign>.<name>``, ``message``
    reads as ``{"zh": ..., "en": ...}`` (what ``say`` returns, each text written when
    read, or a dict of two texts), ``due`` the date the obligation fell due."""

    subject: str
    code: str
    severity: Severity
    message: Mapping[str, str]
    due: date | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_to_tuple)
    campaign: str = ""


Outcome = Score | Payment | Finding


def unit_subject(unit_id: str) -> str:
    """``unit:<id>``, one text shared by every outcome about the unit (interned: a big
    run names each subject in many outcomes, docs/performance.md)."""
    return sys.intern(f"unit:{unit_id}")


def person_subject(person_id: str) -> str:
    """``person:<id>``, shared as :func:`unit_subject`'s is."""
    return sys.intern(f"person:{person_id}")
