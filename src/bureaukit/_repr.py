"""A shared ``__repr__`` for attrs classes, so that importing them stays cheap.

attrs writes and compiles a ``__repr__`` for every class it decorates: ~0.3 ms each,
and a scoring run imports ~100 such classes (records, settings, outcomes), about a
tenth of the CLI's start. Classes declared ``@attrs.frozen(repr=False)`` that inherit
:class:`FieldsRepr` print the same ``Name(a=1, b='x')`` text, built when asked.
"""

from __future__ import annotations

from typing import Any


class FieldsRepr:
    """Mixin: ``ClassName(field=value, ...)`` for an attrs class declared ``repr=False``."""

    __slots__ = ()

    def __repr__(self) -> str:
        import attrs

        parts = []
        cls: Any = type(self)
        for a in attrs.fields(cls):
            if a.repr is False:
                continue
            show: Any = repr if a.repr is True else a.repr
            parts.append(f"{a.name}={show(getattr(self, a.name, attrs.NOTHING))}")
        return f"{type(self).__qualname__}({', '.join(parts)})"
