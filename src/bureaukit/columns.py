"""Records built a column at a time (列式读取): the fast path of reading a ledger 台账.

A ledger column repeats a few texts over thousands of rows (a unit id, a date, 是/否),
and CPython runs ``map`` over a column in C where a loop over rows runs interpreted steps
for every cell. So a chunk of rows that are all *clean* is built column by column: a
text column by ``map(str.strip, column)``, a converted column by one lookup per cell in
a dict of its distinct texts (:class:`Converted`), and the records by
``map(cls, *columns)``.

This path reports nothing. A cell it cannot take as it stands — one that does not
convert, a required cell left empty, a record its class refuses — makes the whole chunk
*not clean*, and :func:`bureaukit.ledgers.row_builder` (the plain path) reads it again
row by row: every problem is found and worded by that one builder, in row order. Which
rows may be built here at all (the header's width, no blank, totals or footer row, no
control character) is the ledger layer's test (``Sheet.columns_of``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from bureaukit.cells import CellError
from bureaukit.records import FieldSpec

MEMO_LIMIT = 50_000
"""Distinct text cells remembered per column while reading one file."""

Plan = Sequence[tuple[int | None, str, Callable[[Any], Any], FieldSpec]]
"""Per field in attrs order: (cell index or None, header shown, converter, field)."""


TEXT_OR_NONE = frozenset({str, type(None)})
"""The cell types of a csv file's rows (a workbook's rows also hold numbers, dates and booleans)."""
"""The cell types a csv file's rows hold (a workbook's also numbers, dates, booleans)."""


class NotClean(Exception):
    """A chunk the column-wise path leaves to the row builder."""


def is_text(f: FieldSpec) -> bool:
    """A text field: its cell is read stripped (a text converter raises only for a cell
    that is no text, a json ``true`` or ``{...}``)."""
    return f.base is str and not f.many


def empty_of(f: FieldSpec) -> tuple[Any, Callable[[], Any] | None]:
    """(value, None) for an empty cell of an optional field, or (None, maker) when each
    record needs its own (an attrs.Factory default)."""
    if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
        return None, f.empty
    return f.empty(), None


class Converted(dict[Any, Any]):
    """One column's cells → their values, a text met for the first time converted by
    ``__missing__``: ``map(converted.__getitem__, column)`` then runs in C for every
    cell seen before.

    Up to :data:`MEMO_LIMIT` texts are remembered (a column of distinct amounts would
    otherwise hold a million of them). Only texts are keys: a workbook's ``1``, ``1.0``
    and ``True`` are one dict key but three different cells, so a cell that is no text
    is converted each time, as the row builder does."""

    __slots__ = ("convert", "empty", "fresh", "required")

    def __init__(self, convert: Callable[[Any], Any], required: bool, empty: Any,
                 fresh: Callable[[], Any] | None) -> None:
        super().__init__()
        self.convert = convert
        self.required = required
        self.empty = empty
        self.fresh = fresh

    def __missing__(self, cell: Any) -> Any:
        if cell.__class__ is not str and cell is not None:
            return self._value(cell)
        if cell is None or not cell.strip():  # an empty cell (None: a workbook's)
            if self.required:
                raise NotClean
            if self.fresh is not None:
                return self.fresh()  # never remembered: each record gets its own
            value = self.empty
        else:
            value = self._value(cell)
        if len(self) < MEMO_LIMIT:
            self[cell] = value
        return value

    def _value(self, cell: Any) -> Any:
        try:
            return self.convert(cell)
        except CellError:
            raise NotClean from None


class Texts(dict[str, str]):
    """One text column's cells → the cell stripped, one ``str`` object per distinct text.

    A text column repeats a few texts (a unit id, a name, 是/否) over a file of a million
    rows, and the csv module makes a new object for every cell: the records then hold the
    first one of each text and the rest are freed (~20 % of what a big run holds after
    loading was ledger cell texts; docs/performance.md). Up to :data:`MEMO_LIMIT` texts
    are remembered; a column of distinct texts that fills it is then only stripped
    (:meth:`FieldColumn._texts`), not looked up in vain row after row."""

    __slots__ = ()

    def __missing__(self, cell: str) -> str:
        text = cell.strip()  # AttributeError for a workbook's None or number: see _texts
        if len(self) < MEMO_LIMIT:
            self[cell] = text
        return text


@attrs.frozen
class FieldColumn:
    """How one field's values are made from its column."""

    index: int | None
    """The field's column in the file; None when the file leaves it out (only an
    optional field's may be: a missing required column stops the file at its header)."""
    text: bool
    required: bool
    empty: Any
    fresh: Callable[[], Any] | None
    converted: Converted
    texts: bool
    """Every cell is a ``str`` (``Table.texts``): no cell's type need be asked."""
    shared: Texts = attrs.field(factory=Texts)
    """A text field's distinct texts met so far in the file."""

    def values(self, columns: Sequence[Sequence[Any]], n: int) -> list[Any]:
        """The field's value in each of the *n* rows (raises :class:`NotClean`)."""
        if self.index is None:
            return [self.fresh() for _ in range(n)] if self.fresh is not None else [self.empty] * n
        column = columns[self.index]
        if not self.texts and _str_subclass_in(column):
            # a plugin reader's str subclass: the row builder reads it as no text (it is
            # not ``str``: converted, never stripped first), yet it would be found here
            # under an equal text
            raise NotClean
        if self.text:
            return self._texts(column)
        try:
            return list(map(self.converted.__getitem__, column))
        except TypeError:  # a json list or object cannot be a dict key
            raise NotClean from None

    def _texts(self, column: Sequence[Any]) -> list[Any]:
        shared = self.shared
        try:
            if len(shared) < MEMO_LIMIT:
                texts = list(map(shared.__getitem__, column))
            else:
                texts = list(map(str.strip, column))
        except (TypeError, AttributeError):  # a workbook's empty (None) or number cell in a text column
            texts = [self._text(c) for c in column]
        if all(texts):  # faster than ``"" not in texts``: no comparison per cell
            return texts
        # the rule of the row builder: a text cell of spaces only is an empty cell
        if self.required:
            raise NotClean
        if self.fresh is not None:
            fresh = self.fresh
            return [t or fresh() for t in texts]
        empty = self.empty
        return [t or empty for t in texts]

    def _text(self, cell: Any) -> str:
        if cell is None:
            return ""
        if cell.__class__ is str:
            return cell.strip()
        return self.converted._value(cell)  # type: ignore[no-any-return]


def _str_subclass_in(column: Sequence[Any]) -> bool:
    kinds = set(map(type, column))
    return not kinds <= TEXT_OR_NONE and any(issubclass(k, str) for k in kinds)


@attrs.frozen
class ColumnBuilder:
    """A file's records made column by column from clean chunks of its rows."""

    cls: type
    fields: tuple[FieldColumn, ...]

    def records(self, columns: Sequence[Sequence[Any]], n: int) -> list[Any] | None:
        """The records of *n* rows given as *columns* (cell index → that column's
        cells), or None when a cell or a record is not clean: the row builder then
        reads these rows and reports what is wrong."""
        try:
            values = [f.values(columns, n) for f in self.fields]
        except NotClean:
            return None
        try:
            return list(map(self.cls, *values))
        except Exception:  # the class refused a record (a validator): the row builder says why
            return None


def column_builder(plan: Plan, cls: type, texts: bool = False) -> ColumnBuilder:
    """The column-wise builder of a file read with *plan*, made once per file (its memos
    of converted texts live as long as the file is read); *texts*: every cell is a
    ``str`` (``Table.texts``)."""
    fields = []
    for idx, _, conv, f in plan:
        empty, fresh = empty_of(f)
        fields.append(FieldColumn(idx, is_text(f), f.required, empty, fresh,
                                  Converted(conv, f.required, empty, fresh), texts))
    return ColumnBuilder(cls, tuple(fields))
