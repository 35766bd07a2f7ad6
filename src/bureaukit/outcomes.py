"""What a campaign yields (CORE §7): scores, payments and findings, each with its evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from types import MemberDescriptorType
from typing import Literal

import attrs

from bureaukit._repr import FieldMethods

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


@attrs.frozen(repr=False, eq=False)
class Evidence(FieldMethods):
    """Where a number came from and how it was computed (e.g. "税额 120 × 6 = 720 万元").

    ``source`` is the ledger file as the config names it, ``row`` its row (the header
    is row 1 in csv/xlsx), ``record`` the record's key.
    """

    source: str | None = None
    row: int | None = None
    record: str | None = None
    note: str = ""


def _evidence_maker() -> Callable[[str | None, int | None, str | None, str], Evidence]:
    """``Evidence(source, row, record, note)``, built straight into its slots.

    A run makes one Evidence per ledger row it cites (1.6M at a million rows) and attrs'
    frozen ``__init__`` (a bound ``object.__setattr__`` per field) was a third of the
    cost of citing a row. The slots are set as that ``__init__`` sets them; if Evidence
    is ever declared without slots, or a field gains a converter or validator, this is
    plain ``Evidence``.
    """
    fields = attrs.fields(Evidence)
    slots = [Evidence.__dict__.get(f.name) for f in fields]
    if [f.name for f in fields] != ["source", "row", "record", "note"] or any(
        f.converter is not None or f.validator is not None for f in fields
    ) or not all(isinstance(s, MemberDescriptorType) for s in slots):
        return Evidence
    new = object.__new__
    set_source, set_row, set_record, set_note = (s.__set__ for s in slots)  # type: ignore[union-attr]

    def make(source: str | None, row: int | None, record: str | None, note: str) -> Evidence:
        e = new(Evidence)
        set_source(e, source)
        set_row(e, row)
        set_record(e, record)
        set_note(e, note)
        return e

    return make


new_evidence = _evidence_maker()
"""``Evidence(source, row, record, note)``, all four given, for the hot loops."""


@attrs.frozen(repr=False, eq=False)
class Score(FieldMethods):
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


@attrs.frozen(repr=False, eq=False)
class Payment(FieldMethods):
    """Money paid or kept, in 元: ``refund``, ``reward``, ``deduction`` (kept by the
    bureau), ``fee`` (稿酬) or ``award``."""

    subject: str
    kind: PaymentKind
    amount: Decimal
    period: str | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_to_tuple)
    campaign: str = ""


@attrs.frozen(repr=False, eq=False)
class Finding(FieldMethods):
    """Something a reader must know: ``code`` is ``<campaign>.<name>``, ``message``
    is ``{"zh": ..., "en": ...}``, ``due`` the date the obligation fell due."""

    subject: str
    code: str
    severity: Severity
    message: Mapping[str, str]
    due: date | None = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_to_tuple)
    campaign: str = ""


Outcome = Score | Payment | Finding


def unit_subject(unit_id: str) -> str:
    return f"unit:{unit_id}"


def person_subject(person_id: str) -> str:
    return f"person:{person_id}"
