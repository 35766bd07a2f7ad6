"""Where every record was read (CORE §5: "Every record keeps where it came from").

Records are the campaigns' own attrs classes: bureaukit cannot add a field to them,
and two rows with the same values are equal records, so a record's origin is found
by its identity.  :class:`Provenance` holds every record it knows an origin for (the
lists it was given and the records remade from them), so an identity it indexes
always belongs to a live record of its own: no other object can take that identity
while it is looked up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import lshift

import attrs


@attrs.frozen
class Origin:
    """Where a record was read: the ledger file as the config names it, and its row."""

    source: str
    row: int


_SOURCE_BITS = 20
_SOURCE_MASK = (1 << _SOURCE_BITS) - 1


class Provenance:
    """The records read for one bureau, and the origin of each.

    A province's million rows would each cost an :class:`Origin` object and a boxed
    row (docs/performance.md, memory): the origin of a record is kept as one int, made
    into an ``Origin`` when asked. For a record of a class read from one source only
    (each kind from one file: the usual case) the int is the row number itself, the very
    int the reader gave, so that every citation of the row shares it (~1M ints at a
    million rows, each 32 bytes, were made again by each citation); once a class is read
    from a second source, its records' ints pack their source's number as well
    (``row << 20 | source``).
    """

    __slots__ = ("_held", "_numbers", "_one_source", "_others", "_packed", "_sources")

    def __init__(self) -> None:
        self._held: list[Sequence[object]] = []
        # id(record) → its row (a class of one source), or row << 20 | source (of several)
        self._packed: dict[int, int] = {}
        # record class → the one source its records were read from, None once several
        self._one_source: dict[type, str | None] = {}
        self._sources: list[str] = []
        self._numbers: dict[str, int] = {}
        # what does not pack: a row that is not an int, a source past the 2**20th
        self._others: dict[int, Origin] = {}

    def add(self, source: str, records: Sequence[object], rows: Sequence[int]) -> None:
        """``records[i]`` was read from *source* (as the config names it) at ``rows[i]``."""
        records = tuple(records)
        self._held.append(records)
        number = self._numbers.get(source)
        if number is None:
            number = self._numbers[source] = len(self._sources)
            self._sources.append(source)
        if number > _SOURCE_MASK or not set(map(type, rows)) <= {int}:
            for rec, row in zip(records, rows, strict=True):
                self._others[id(rec)] = Origin(source, row)
            return
        classes = set(map(type, records))
        for cls in classes:
            self._read_from(cls, source)
        if len(classes) > 1:  # not what a ledger gives: a file holds one kind
            for rec, row in zip(records, rows, strict=True):
                self._packed[id(rec)] = row if self._one_source[type(rec)] is not None else row << _SOURCE_BITS | number
            return
        if classes and self._one_source[classes.pop()] is None:
            rows = list(map(number.__or__, map(lshift, rows, repeat(_SOURCE_BITS))))
        # C-level loops: this runs once per file, over every row of it
        self._packed.update(zip(map(id, records), rows, strict=True))

    def _read_from(self, cls: type, source: str) -> None:
        """Records of *cls* come from *source*: the first source of a class is its one
        source; a second one packs the first one's number into the ints of the records
        read before."""
        first = self._one_source.setdefault(cls, source)
        if first is None or first == source:
            return
        self._one_source[cls] = None
        number, packed = self._numbers[first], self._packed
        for key in {id(rec) for held in self._held for rec in held if rec.__class__ is cls}:
            if key in packed:
                packed[key] = packed[key] << _SOURCE_BITS | number

    def remade(self, pairs: Iterable[tuple[object, object]]) -> None:
        """Each ``(new, old)``: *new* was remade from *old* while loading (a reference
        respelt), and so was read where *old* was."""
        made: list[object] = []
        for new, old in pairs:
            packed = self._packed.get(id(old))
            if packed is not None and new.__class__ is old.__class__:
                self._packed[id(new)] = packed
                made.append(new)
            elif (o := self.origin(old)) is not None:
                self._others[id(new)] = o
                made.append(new)
        self._held.append(made)

    def derived(self, pairs: Iterable[tuple[object, object]]) -> Provenance:
        """These origins and those of records a run remade (``(new, old)`` pairs: a
        completion date after ``as_of`` read as empty), sharing the storage: the run's
        records are known without changing what the bureau knows."""
        view = Provenance.__new__(Provenance)
        view._packed, view._sources, view._numbers = self._packed, self._sources, self._numbers
        view._one_source = self._one_source
        view._held = [self._held]
        view._others = dict(self._others)
        made: list[object] = []
        for new, old in pairs:
            o = self.origin(old)
            if o is not None:
                view._others[id(new)] = o
                made.append(new)
        view._held.append(made)
        return view

    def origin(self, record: object) -> Origin | None:
        """Where *record* was read, or None (a record made by a test or a campaign)."""
        v = self._packed.get(id(record))
        if v is None:
            return self._others.get(id(record)) if self._others else None
        source = self._one_source[record.__class__]
        if source is not None:
            return Origin(source, v)
        return Origin(self._sources[v & _SOURCE_MASK], v >> _SOURCE_BITS)

    def where(self, record: object) -> tuple[str, int] | tuple[None, None]:
        """:meth:`origin` as ``(source, row)``, ``(None, None)`` for a record read nowhere,
        without making an :class:`Origin`: citing asks it of every record cited (~750k
        at a million rows)."""
        v = self._packed.get(id(record))
        if v is not None:
            source = self._one_source[record.__class__]
            if source is not None:
                return source, v
            return self._sources[v & _SOURCE_MASK], v >> _SOURCE_BITS
        o = self._others.get(id(record)) if self._others else None
        return (None, None) if o is None else (o.source, o.row)

    def __len__(self) -> int:
        return len(self._packed) + len(self._others)


def of_lists(records: Iterable[tuple[str, Sequence[object]]]) -> Provenance:
    """The provenance of records given in code (tests, ``bureaukit.testing``): each
    named ``<kind>`` at its position, from 1."""
    provenance = Provenance()
    for kind, recs in records:
        provenance.add(f"<{kind}>", recs, range(1, len(recs) + 1))
    return provenance
