"""Cell → value converters, compiled once per column (CORE §5 cell forms).

Each converter takes a raw cell (text from csv; str/int/float/datetime/bool from xlsx;
str/int/Decimal/bool/list from json) that is not empty, and returns the value or
raises :class:`CellError` with a message quoting the cell.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from bureaukit.messages import t
from bureaukit.records import FieldSpec, enum_choices, enum_label
from bureaukit.text import show

Convert = Callable[[Any], Any]


class Fault:
    """A cell that has no value a ledger may read: a formula never calculated, an error
    value (``#REF!``). Converters report it as a cell error, never as empty or 0."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"Fault({self.message!r})"


class Percent:
    """A number cell formatted as a percentage: ``fraction`` is what Excel stores (0.992
    for a cell showing 99.2%). Its column says whether it means 99.2 or 0.992."""

    __slots__ = ("fraction",)

    def __init__(self, fraction: Any) -> None:
        self.fraction = fraction

    def __repr__(self) -> str:
        return f"Percent({self.fraction!r})"


class CellError(ValueError):
    pass


TRUE = {"true", "yes", "y", "是", "1", "√", "✓", "✔", "t"}
FALSE = {"false", "no", "n", "否", "0", "×", "✗", "✘", "✖", "f"}
_SEPARATORS = str.maketrans({"；": ";", "、": ";"})
# A number written as text, as a clerk types it: an optional sign, digits, an optional
# decimal part; or digits grouped by thousands. Nothing else: Decimal() would also take
# "1_000", "1e3" and every script's digits, none of which a ledger means as a number.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# Only the full-width forms: NFKC would also make "5²" 52 and "①" 1.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")
_GROUPED = re.compile(r"^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")
# How Excel shows a number too long for its column in General format ("1.23457E+11"),
# and so how it saves it to CSV: the digits past the sixth are gone.
_SCIENTIFIC = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+")
# [0-9], never \d: a str pattern's \d matches every Unicode decimal digit (Arabic-Indic,
# Devanagari…) and isdigit() even ①②③ and ²⁰¹⁴, which int() refuses or misreads.
_DATE_FORMS = re.compile(
    r"^([0-9]{4})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:[-/.]|月)\s*([0-9]{1,2})\s*日?"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)?$"
)
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_EPOCH_1904 = date(1904, 1, 1)
"""Serial 0 in a workbook saved in the 1904 date system (old Mac Excel)."""
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "\u3000": " "})


MAX_EXPONENT = 30
"""Ledger numbers lie within 1e-30..1e30 in size: others are typing errors, and overflow."""


LOST_DIGITS = 1e15
"""A number cell this large (16 digits or more) in a text column has lost digits: Excel keeps
15 significant digits, so a 身份证号 or bank account typed as a number ends in zeros."""


def _quote_short(cell: Any) -> str:
    text = _quote(cell) if not isinstance(cell, int) or cell.bit_length() < 200 else "a 60+ digit number"
    return text if len(text) <= 60 else text[:57] + "…\""


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _shown_number(cell: float) -> Decimal:
    """An xlsx numeric cell as Excel shows it: its shortest repr (1200.5, not
    1200.4999999999), a whole number without ``.0`` — 77, as the same sheet saved as CSV
    reads, so a note quotes the figure the clerk typed."""
    return Decimal(int(cell)) if cell.is_integer() else Decimal(repr(cell))


def _quote(cell: Any) -> str:
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() and abs(cell) < LOST_DIGITS else repr(cell)
    return show(cell) if isinstance(cell, str) else show(str(cell))


def to_str(cell: Any) -> str:
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        raise CellError(t("cell_text", cell=show(cell)))
    if isinstance(cell, float):
        if abs(cell) >= LOST_DIGITS:
            raise CellError(t("cell_long_number", cell=_quote(cell)))
        if cell.is_integer():
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, (int, Decimal)):
        return str(cell)
    if isinstance(cell, Percent):
        return f"{_percent_shown(cell)}"
    _reject_fault(cell)
    raise CellError(t("cell_text", cell=_quote(cell)))


def _reject_fault(cell: Any) -> None:
    """A cell with no value to read (a formula never calculated, ``#REF!``) is an error
    wherever it stands, never an empty cell or 0 (CORE §5 *Formulas*)."""
    if isinstance(cell, Fault):
        raise CellError(cell.message)


def _fraction(cell: Percent) -> Decimal:
    """What the cell stores: a float from xlsx (its shortest repr, as Excel shows it), a
    Decimal from a CSV's ``99.2%``."""
    f = cell.fraction
    return _shown_number(f) if isinstance(f, float) else Decimal(f)


def _percent_shown(cell: Percent) -> str:
    return f"{_plain(_fraction(cell).scaleb(2).normalize())}%"


def _plain(d: Decimal) -> Decimal:
    """*d* without an exponent: 1.0E+2 → 100."""
    return d.quantize(Decimal(1)) if d.as_tuple().exponent > 0 else d  # type: ignore[operator]


def _from_percent(cell: Percent, scale: str | None) -> Decimal:
    """A percent cell as the column declares it (CORE §5 *Percent cells*)."""
    if scale is None:
        raise CellError(t("cell_percent_scale", shown=_percent_shown(cell)))
    d = _fraction(cell)
    # as shown: 99.2% is 99.2 (not 99.200), 100% is 100 or 1 (not 1.0E+2, not 1.0)
    return _plain((d.scaleb(2) if scale == "points" else d).normalize())


def _decimal(cell: Any, percent: str | None = None) -> Decimal:
    if isinstance(cell, Decimal):
        d = cell
    elif isinstance(cell, bool):
        raise CellError(t("cell_number", cell=show(cell)))
    elif isinstance(cell, int):
        d = Decimal(cell)
    elif isinstance(cell, float):
        d = _shown_number(cell)
    elif isinstance(cell, str):
        d = _text_number(cell, percent)
    elif isinstance(cell, Percent):
        d = _from_percent(cell, percent)
    else:
        _reject_fault(cell)
        raise CellError(t("cell_number", cell=_quote(cell)))
    if not d.is_finite():
        raise CellError(t("cell_number", cell=_quote(cell)))
    if d and not -MAX_EXPONENT <= d.adjusted() <= MAX_EXPONENT:
        # 1e999999999 is a finite Decimal, but any sum with it (or division by 1e-999999999)
        # overflows the context
        raise CellError(t("cell_range", n=MAX_EXPONENT, cell=_quote_short(cell)))
    return d


def _text_number(cell: str, percent: str | None = None) -> Decimal:
    """A number typed as text (every CSV cell, an xlsx cell formatted as text).

    Full-width digits and marks typed with a Chinese input method are read as the
    ASCII ones (``１２．５`` is 12.5, ``１，０００`` is 1000), as identity reads ids.
    Scientific notation is refused: in a ledger it is Excel's display of a long number,
    saved to CSV as shown, its last digits lost (``1.23457E+11``). ``99.2%`` is what
    Excel saves to CSV for a cell formatted as a percentage: read as that cell would be.
    """
    text = cell.strip()
    if not text.isascii():
        text = text.translate(_FULL_WIDTH)
    elif text.isdigit():  # ASCII, so only 0-9: most cells, without the pattern's cost
        return Decimal(text)
    if _PLAIN_NUMBER.fullmatch(text):
        return Decimal(text)
    if _GROUPED.match(text):
        return Decimal(text.replace(",", ""))
    if text.endswith("%") and _PLAIN_NUMBER.fullmatch(text[:-1]):
        return _from_percent(Percent(Decimal(text[:-1]).scaleb(-2)), percent)
    if _SCIENTIFIC.fullmatch(text):
        raise CellError(t("cell_scientific", cell=show(cell)))
    raise CellError(t("cell_number", cell=show(cell)))


def decimal_converter(signed: bool, percent: str | None = None) -> Convert:
    def conv(cell: Any) -> Decimal:
        d = _decimal(cell, percent)
        if d < 0 and not signed:
            raise CellError(t("cell_negative", cell=_quote(cell)))
        return d + 0  # drops a negative zero's sign

    return conv


def int_converter(signed: bool, percent: str | None = None) -> Convert:
    def conv(cell: Any) -> int:
        if isinstance(cell, int) and not isinstance(cell, bool):
            value = cell
        else:
            d = _decimal(cell, percent)
            if d != d.to_integral_value():
                raise CellError(t("cell_whole", cell=_quote(cell)))
            value = int(d)
        if value < 0 and not signed:
            raise CellError(t("cell_negative", cell=_quote(cell)))
        return value

    return conv


def date_converter(date1904: bool = False) -> Convert:
    """Dates as clerks type them; a number is an Excel serial in the workbook's date
    system (*date1904*: saved by old Mac Excel, serial 0 = 1904-01-01)."""
    epoch = _EXCEL_EPOCH_1904 if date1904 else _EXCEL_EPOCH

    def conv(cell: Any) -> date:
        if isinstance(cell, datetime):
            return cell.date()
        if isinstance(cell, date):
            return cell
        if isinstance(cell, str):
            return _text_date(cell, epoch)
        if isinstance(cell, int) and not isinstance(cell, bool):
            return _number_date(cell, cell, epoch)
        if isinstance(cell, float) and cell.is_integer():
            return _number_date(int(cell), cell, epoch)
        _reject_fault(cell)
        raise CellError(t("cell_date_short", cell=_quote(cell)))

    return conv


def _text_date(cell: str, epoch: date) -> date:
    text = cell.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    if not text.isascii():
        if any(unicodedata.category(ch) == "No" for ch in text):
            # ①②③, ²⁰¹⁴: digit-like, yet no digits a clerk typed (NFKC would make them so)
            raise CellError(t("cell_date", cell=show(cell)))
        # full-width digits and separators (２０１４－０５－２０, 2014－05－20) as ASCII
        text = unicodedata.normalize("NFKC", text)
    m = _DATE_FORMS.match(text)
    if m:
        return _date_of(m, cell)
    # ASCII digits only: isdigit() is true of digits int() refuses (U+1369 ፩…)
    if text.isascii() and text.isdigit() and len(text) in (5, 8):
        return _number_date(int(text), cell, epoch)
    raise CellError(t("cell_date", cell=show(cell)))


def _date_of(m: re.Match[str], cell: Any) -> date:
    """The date of a :data:`_DATE_FORMS` match; a time part must be a real time too
    (``2014-05-20 25:61`` is a typing error, not 20 May)."""
    hour, minute, second = (int(g) if g else 0 for g in m.group(4, 5, 6))
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(t("cell_time", cell=show(cell)))
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise CellError(t("cell_real_date", cell=show(cell))) from None


def _number_date(n: int, cell: Any, epoch: date) -> date:
    """``20140520`` (YYYYMMDD), or an Excel date serial (a date cell saved as a number)."""
    if 19000101 <= n <= 29991231:
        try:
            return date(n // 10000, n // 100 % 100, n % 100)
        except ValueError:
            raise CellError(t("cell_real_date", cell=_quote(cell))) from None
    return _excel_serial(n, cell, epoch)


to_date = date_converter()
"""A date in the 1900 date system (every workbook but old Mac Excel's, and csv, json)."""


def _excel_serial(n: int, cell: Any, epoch: date = _EXCEL_EPOCH) -> date:
    """An Excel date serial (1900 system: 1 = 1900-01-01), as a date cell saved as a number."""
    if not 20000 <= n <= 80000:  # 1954..2119: anything else is no date a ledger holds
        raise CellError(t("cell_date_short", cell=_quote(cell)))
    return epoch + timedelta(days=n)


def to_bool(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)) and cell in (0, 1):
        return bool(cell)  # xlsx readers give numbers, calamine as floats
    _reject_fault(cell)
    text = str(cell).strip().casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).casefold()  # full-width Ｙ, ｙｅｓ
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise CellError(t("cell_bool", cell=_quote(cell)))


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
            raise CellError(t("cell_choice", choices=enum_choices(cls), cell=_quote(cell)))
        return m

    return conv


def scalar_converter(spec: FieldSpec, date1904: bool = False) -> Convert:
    base = spec.base
    if issubclass(base, enum.Enum):
        return enum_converter(base)
    if base is bool:
        return to_bool
    if base is int:
        return int_converter(spec.signed, spec.percent)
    if base is Decimal:
        return decimal_converter(spec.signed, spec.percent)
    if base is date:
        return date_converter(date1904) if date1904 else to_date
    return to_str


def converter_for(spec: FieldSpec, date1904: bool = False) -> Convert:
    """The converter of a non-empty cell for this field (lists split on ; ； 、); numbers
    in a date column are serials of the 1904 date system when *date1904*."""
    one = scalar_converter(spec, date1904)
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
