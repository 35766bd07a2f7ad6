"""Cell → value converters, compiled once per column (CORE §5 cell forms).

Each converter takes a raw cell (text from csv; str/int/float/datetime/bool from xlsx;
str/int/Decimal/bool/list from json) that is not empty, and returns the value or
raises :class:`CellError` with a message quoting the cell.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from bureaukit.config import show
from bureaukit.records import FieldSpec, enum_choices, enum_label

Convert = Callable[[Any], Any]


class CellError(ValueError):
    pass


TRUE = {"true", "yes", "y", "是", "1", "√", "✓", "t"}
FALSE = {"false", "no", "n", "否", "0", "×", "✗", "f"}
_SEPARATORS = str.maketrans({"；": ";", "、": ";"})
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DATE_FORMS = re.compile(
    r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_EXCEL_EPOCH = date(1899, 12, 30)
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "\u3000": " "})


MAX_EXPONENT = 30
"""Ledger numbers lie within 1e-30..1e30 in size: others are typing errors, and overflow."""


def _quote_short(cell: Any) -> str:
    text = _quote(cell) if not isinstance(cell, int) or cell.bit_length() < 200 else "a 60+ digit number"
    return text if len(text) <= 60 else text[:57] + "…\""


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _quote(cell: Any) -> str:
    if isinstance(cell, float):
        return repr(cell)
    return show(cell) if isinstance(cell, str) else show(str(cell))


def to_str(cell: Any) -> str:
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        raise CellError(f"expected text, got {show(cell)}")
    if isinstance(cell, float):
        if cell.is_integer():
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, (int, Decimal)):
        return str(cell)
    raise CellError(f"expected text, got {_quote(cell)}")


def _decimal(cell: Any) -> Decimal:
    if isinstance(cell, Decimal):
        d = cell
    elif isinstance(cell, bool):
        raise CellError(f"expected a number, got {show(cell)}")
    elif isinstance(cell, int):
        d = Decimal(cell)
    elif isinstance(cell, float):
        # an xlsx numeric cell: its shortest repr is what Excel shows
        d = Decimal(repr(cell))
    elif isinstance(cell, str):
        text = cell.strip()
        try:
            d = Decimal(text)
        except InvalidOperation:
            if _GROUPED.match(text):
                d = Decimal(text.replace(",", ""))
            else:
                raise CellError(f"expected a number, got {show(cell)}") from None
    else:
        raise CellError(f"expected a number, got {_quote(cell)}")
    if not d.is_finite():
        raise CellError(f"expected a number, got {_quote(cell)}")
    if d and not -MAX_EXPONENT <= d.adjusted() <= MAX_EXPONENT:
        # 1e999999999 is a finite Decimal, but any sum with it (or division by 1e-999999999)
        # overflows the context
        raise CellError(f"the number is out of range (1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT} in size), got {_quote_short(cell)}")
    return d


def decimal_converter(signed: bool) -> Convert:
    def conv(cell: Any) -> Decimal:
        d = _decimal(cell)
        if d < 0 and not signed:
            raise CellError(f"must not be negative, got {_quote(cell)}")
        return d + 0  # drops a negative zero's sign

    return conv


def int_converter(signed: bool) -> Convert:
    def conv(cell: Any) -> int:
        if isinstance(cell, int) and not isinstance(cell, bool):
            value = cell
        else:
            d = _decimal(cell)
            if d != d.to_integral_value():
                raise CellError(f"expected a whole number, got {_quote(cell)}")
            value = int(d)
        if value < 0 and not signed:
            raise CellError(f"must not be negative, got {_quote(cell)}")
        return value

    return conv


def to_date(cell: Any) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, str):
        text = cell.strip()
        if len(text) == 10:
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        m = _DATE_FORMS.match(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise CellError(f"not a real date, got {show(cell)}") from None
        if text.isdigit() and len(text) == 5:
            return _excel_serial(int(text), cell)
        raise CellError(f"expected a date like 2014-05-20, 2014/5/20 or 2014年5月20日, got {show(cell)}")
    if isinstance(cell, int) and not isinstance(cell, bool):
        return _excel_serial(cell, cell)
    if isinstance(cell, float) and cell.is_integer():
        return _excel_serial(int(cell), cell)
    raise CellError(f"expected a date like 2014-05-20, got {_quote(cell)}")


def _excel_serial(n: int, cell: Any) -> date:
    """An Excel date serial (1900 system; 1 = 1900-01-01), as a date cell saved as a number."""
    if not 20000 <= n <= 80000:  # 1954..2119: anything else is no date a ledger holds
        raise CellError(f"expected a date like 2014-05-20, got {_quote(cell)}")
    return _EXCEL_EPOCH + timedelta(days=n)


def to_bool(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)) and cell in (0, 1):
        return bool(cell)  # xlsx readers give numbers, calamine as floats
    text = str(cell).strip().casefold()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(f"expected yes or no (true/false, 是/否, 1/0, √/×), got {_quote(cell)}")


def enum_converter(cls: type[enum.Enum]) -> Convert:
    lookup: dict[str, enum.Enum] = {}
    for m in cls:
        lookup[m.name.casefold()] = m
        lookup[enum_label(m).translate(_FULLWIDTH).casefold()] = m

    def conv(cell: Any) -> enum.Enum:
        key = to_str(cell).translate(_FULLWIDTH).casefold() if not isinstance(cell, cls) else None
        if key is None:
            return cell  # type: ignore[no-any-return]
        m = lookup.get(key)
        if m is None:
            # the choices are written out only for a message: a converter is made per file
            raise CellError(f"expected one of {enum_choices(cls)}, got {_quote(cell)}")
        return m

    return conv


def scalar_converter(spec: FieldSpec) -> Convert:
    base = spec.base
    if issubclass(base, enum.Enum):
        return enum_converter(base)
    if base is bool:
        return to_bool
    if base is int:
        return int_converter(spec.signed)
    if base is Decimal:
        return decimal_converter(spec.signed)
    if base is date:
        return to_date
    return to_str


def converter_for(spec: FieldSpec) -> Convert:
    """The converter of a non-empty cell for this field (lists split on ; ； 、)."""
    one = scalar_converter(spec)
    if not spec.many:
        return one

    def many(cell: Any) -> tuple[Any, ...]:
        if cell.__class__ is str:
            parts = cell.translate(_SEPARATORS).split(";")
        elif isinstance(cell, list):
            parts = cell
        else:
            parts = [to_str(cell)]
        return tuple([one(p) for p in parts if not is_empty(p)])

    return many
