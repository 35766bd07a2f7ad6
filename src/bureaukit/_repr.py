"""Shared ``__repr__``, ``__eq__`` and ``__hash__`` for attrs classes, so that importing
them stays cheap.

attrs writes and compiles a ``__repr__``, ``__eq__`` and ``__hash__`` for every class it
decorates: ~0.4 ms a class, and a scoring run imports ~100 such classes (records,
settings, outcomes), about a fifth of the CLI's start. A class declared
``@attrs.frozen(repr=False, eq=False)`` that inherits :class:`FieldMethods` behaves the
same: ``Name(a=1, b='x')``, equal when of the same class with equal fields (those not
declared ``eq=False``), hashed by those fields. The field list is read once per class,
at first use.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

_EQ: dict[type, Any] = {}


def _eq_fields(cls: Any) -> Any:
    """A function giving the tuple an instance is compared and hashed by."""
    import attrs

    fields = [a for a in attrs.fields(cls) if a.eq]
    get: Any
    if any(a.eq_key is not None for a in fields):
        keyed = [(a.name, a.eq_key) for a in fields]

        def keyed_get(o: Any) -> tuple[Any, ...]:
            return tuple(getattr(o, n) if k is None else k(getattr(o, n)) for n, k in keyed)

        get = keyed_get

    elif len(fields) == 1:
        one = attrgetter(fields[0].name)

        def one_get(o: Any) -> tuple[Any, ...]:
            return (one(o),)

        get = one_get

    elif fields:
        get = attrgetter(*(a.name for a in fields))
    else:

        def no_get(o: Any) -> tuple[Any, ...]:
            return ()

        get = no_get

    _EQ[cls] = get
    return get


class FieldMethods:
    """Mixin for an attrs class declared ``repr=False, eq=False`` (frozen: hashable)."""

    __slots__ = ()

    def __repr__(self) -> str:
        import attrs

        cls: Any = type(self)
        parts = []
        for a in attrs.fields(cls):
            if a.repr is False:
                continue
            show: Any = repr if a.repr is True else a.repr
            parts.append(f"{a.name}={show(getattr(self, a.name, attrs.NOTHING))}")
        return f"{cls.__qualname__}({', '.join(parts)})"

    def __eq__(self, other: object) -> bool:
        cls = self.__class__
        if other.__class__ is not cls:
            return NotImplemented
        get = _EQ.get(cls) or _eq_fields(cls)
        return bool(get(self) == get(other))

    def __hash__(self) -> int:
        cls = self.__class__
        get = _EQ.get(cls) or _eq_fields(cls)
        return hash((cls.__qualname__, get(self)))
