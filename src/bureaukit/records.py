"""How a campaign declares a record kind (台账): an attrs class with Chinese column labels.

A record class is a frozen attrs class; each field carries ``metadata=col("中文标签")``
and the class carries ``__ledger__ = Ledger(...)`` (its key, dating field, completion
fields). Enumerations are :class:`enum.Enum` subclasses whose member *name* is the code
and whose *value* is the Chinese label: a cell may hold either.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any, Literal

import attrs

META_KEY = "bureaukit"


@attrs.frozen
class Column:
    """What a field means to the ledger layer."""

    label: str
    """The Chinese column header (项目名称); the field name is always accepted too."""
    en: str | None = None
    """An English label for reports (defaults to the field name)."""
    ref: str | None = None
    """``"person"``, ``"unit"`` or another record kind of the same campaign: the cell
    (each element, for a list) must name one."""
    signed: bool = False
    """Numbers may be negative (most amounts may not)."""
    aliases: tuple[str, ...] = ()
    """Other headers clerks use for this column."""
    percent: Literal["points", "rate"] | None = None
    """What a cell formatted as a percentage means here (CORE §5 *Percent cells*):
    ``"points"`` a 0–100 figure (99.2% reads 99.2), ``"rate"`` a 0–1 share (0.992).
    Undeclared, such a cell is a cell error: bureaukit never guesses the scale."""


def col(
    label: str,
    *,
    en: str | None = None,
    ref: str | None = None,
    signed: bool = False,
    aliases: tuple[str, ...] = (),
    percent: Literal["points", "rate"] | None = None,
) -> dict[str, Column]:
    """Field metadata for a ledger column: ``attrs.field(metadata=col("项目名称"))``."""
    return {META_KEY: Column(label, en, ref, signed, aliases, percent)}


@attrs.frozen
class Ledger:
    """What a record kind is: put it on the class as ``__ledger__``.

    - ``title``: ``{"zh": "项目台账", "en": "Projects"}``.
    - ``key``: the fields whose values must be unique (empty: no key).
    - ``dated``: the dating field; records dated after ``as_of`` are left out of a run.
    - ``completed``: completion-date fields that read as empty when after ``as_of``.
    - ``before_period``: keep records dated before the period start (default: left out).
    - ``key_scope``: ``"ledger"`` (keys unique across the whole ledger) or ``"run"``
      (unique among the records of one run, for ledgers holding several periods).
    """

    title: Mapping[str, str]
    key: tuple[str, ...] = ()
    dated: str | None = None
    completed: tuple[str, ...] = ()
    before_period: bool = False
    key_scope: Literal["ledger", "run"] = "ledger"


@attrs.frozen
class FieldSpec:
    """One column of a record kind, resolved from the attrs field and its type."""

    name: str
    label: str
    en: str
    base: type
    """str, int, Decimal, date, bool or an Enum subclass."""
    many: bool
    """A list (tuple) of ``base`` values, ``;``-separated in a cell."""
    optional: bool
    """``None`` is allowed."""
    required: bool
    default: Any
    ref: str | None
    signed: bool
    aliases: tuple[str, ...]
    percent: Literal["points", "rate"] | None = None

    def empty(self) -> Any:
        if isinstance(self.default, attrs.Factory):  # type: ignore[arg-type]
            return self.default.factory()
        return self.default


@attrs.frozen
class RecordSpec:
    """A record class with its ledger declaration and resolved fields."""

    cls: type
    ledger: Ledger
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    _key: Callable[[object], str | None] = attrs.field(
        init=False, eq=False, repr=False,
        default=attrs.Factory(lambda self: _key_function(self.ledger.key), takes_self=True),
    )
    """``key_of`` specialised to this kind's key fields."""

    def key_of(self, record: object) -> str | None:
        return self._key(record)

    def keys_of(self, records: Sequence[object]) -> list[str | None]:
        """``[key_of(r) for r in records]``, a key field at a time: the duplicate check
        asks for the key of every record read, and a column of texts, dates or codes is
        made into key texts at C speed (:func:`_key_texts`)."""
        key = self.ledger.key
        if not key:
            return [None] * len(records)
        texts: list[list[Any]] = [_key_texts(list(map(attrgetter(k), records))) for k in key]
        return texts[0] if len(key) == 1 else list(map("|".join, zip(*texts, strict=True)))


def _key_function(key: tuple[str, ...]) -> Callable[[object], str | None]:
    """The key of a record as text, specialised once per kind: evidence and the duplicate
    check ask for it about three times per ledger row, and the generic join over a
    generator with an isinstance chain per field showed in profiles (docs/performance.md).
    Same text as :func:`_key_text` (a plain ``str`` value is its own key text)."""
    if not key:
        return lambda record: None
    if len(key) == 1:
        (k,) = key

        def one(record: object) -> str | None:
            v = getattr(record, k)
            return v if v.__class__ is str else _key_text(v)

        return one

    get = attrgetter(*key)
    if len(key) == 2:
        # most keys of several fields have two (adoptions, progress): no list, no loop

        def two(record: object) -> str | None:
            a, b = get(record)
            return "|".join((a if a.__class__ is str else _key_text(a), b if b.__class__ is str else _key_text(b)))

        return two

    def several(record: object) -> str | None:
        return "|".join([v if v.__class__ is str else _key_text(v) for v in get(record)])

    return several


def _key_texts(values: list[Any]) -> list[str]:
    """:func:`_key_text` of each value of one key field (``str`` of a date is its ISO form,
    an enumeration's text its member's name, asked once per member)."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds == {date}:
        return list(map(date.isoformat, values))
    if len(kinds) == 1 and issubclass(kinds.pop(), enum.Enum):
        names = {m: m.name for m in set(values)}
        return list(map(names.__getitem__, values))
    return list(map(_key_text, values))


def _key_text(value: object) -> str:
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, tuple):
        return ";".join(_key_text(v) for v in value)
    return str(value)


_BASES: tuple[type, ...] = (str, int, Decimal, date, bool)


def _resolve_type(tp: Any, where: str) -> tuple[type, bool, bool]:
    """(base, many, optional) of a field annotation."""
    optional = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"{where}: a union other than X | None is not a ledger type")
        optional = True
        tp = args[0]
        origin = typing.get_origin(tp)
    many = False
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) != 2 or items[1] is not Ellipsis:
            raise TypeError(f"{where}: lists are written tuple[X, ...]")
        many = True
        tp = items[0]
    if isinstance(tp, type) and (issubclass(tp, enum.Enum) or tp in _BASES):
        return tp, many, optional
    raise TypeError(f"{where}: {tp!r} is not a ledger type (str, int, Decimal, date, bool, Enum)")


_SPECS: dict[type, RecordSpec] = {}

_KEY_FUNCTIONS: dict[type, Callable[[object], str | None]] = {}


def key_function(cls: type) -> Callable[[object], str | None]:
    """``record_spec(cls).key_of``, found by one dict lookup: an evidence item writes the
    key of the record it cites when read (``Evidence.record``), the JSON once for each
    distinct row cited (~500,000 at a million ledger rows)."""
    key = _KEY_FUNCTIONS.get(cls)
    if key is None:
        key = _KEY_FUNCTIONS[cls] = record_spec(cls)._key
    return key


def record_spec(cls: type) -> RecordSpec:
    """Resolve and check a record class (raises TypeError naming what is wrong)."""
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _make_spec(cls)
    return spec


def _make_spec(cls: type) -> RecordSpec:
    name = getattr(cls, "__name__", repr(cls))
    if not attrs.has(cls):
        raise TypeError(f"record class {name} is not an attrs class")
    ledger = getattr(cls, "__ledger__", None)
    if not isinstance(ledger, Ledger):
        raise TypeError(f"record class {name} has no __ledger__ = bureaukit.Ledger(...)")
    # annotations are text (PEP 563): attrs resolves them once per class, through typing
    fields = attrs.fields(attrs.resolve_types(cls))
    specs: list[FieldSpec] = []
    for a in fields:
        column = a.metadata.get(META_KEY)
        if not isinstance(column, Column):
            raise TypeError(f"{name}.{a.name} has no metadata=bureaukit.col('中文标签')")
        base, many, optional = _resolve_type(a.type, f"{name}.{a.name}")
        required = a.default is attrs.NOTHING
        specs.append(
            FieldSpec(
                name=a.name,
                label=column.label,
                en=column.en or a.name,
                base=base,
                many=many,
                optional=optional,
                required=required,
                default=None if required else a.default,
                ref=column.ref,
                signed=column.signed,
                aliases=column.aliases,
                percent=column.percent,
            )
        )
    names = {s.name for s in specs}
    for k in (*ledger.key, *((ledger.dated,) if ledger.dated else ()), *ledger.completed):
        if k not in names:
            raise TypeError(f"{name}.__ledger__ names {k!r}, which is not a field")
    for s in specs:
        if s.percent is not None and s.base not in (Decimal, int):
            raise TypeError(f"{name}.{s.name} declares percent={s.percent!r} but is not a number")
    for k in (*((ledger.dated,) if ledger.dated else ()), *ledger.completed):
        s = next(s for s in specs if s.name == k)
        if s.base is not date or s.many:
            raise TypeError(f"{name}.{k} is a dating or completion field and must be a date")
    if ledger.dated is not None and not next(s for s in specs if s.name == ledger.dated).required:
        raise TypeError(f"{name}.{ledger.dated} is the dating field and must be required (no default)")
    return RecordSpec(cls, ledger, tuple(specs))


def enum_label(member: enum.Enum) -> str:
    """The Chinese label of an enumeration member (its value when that is text)."""
    return member.value if isinstance(member.value, str) else member.name


def enum_choices(cls: type[enum.Enum]) -> str:
    """The accepted values of an enumeration, for error messages: ``industrial 工业, …``."""
    return ", ".join(
        m.name if enum_label(m) == m.name else f"{m.name} {enum_label(m)}" for m in cls
    )
