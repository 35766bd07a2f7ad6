"""What an .xlsx workbook holds beyond its cell values (CORE §5 *Sheets as clerks keep
them*), read from its zip XML with a small bounded scan.

python-calamine (the fast reader) gives the values as Excel saved them, sheet visibility
and merged ranges, and reads 1904-system dates right; it does not say which cells are
formatted as percentages, which formulas were never calculated, nor which cells hold an
error (it gives an empty cell for both). This module finds exactly those cells, without
parsing the sheet: it looks for the few byte patterns involved (``<f``, ``t="e"``, the
style numbers of percent formats), so a sheet without them costs one pass of ``in``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any
from xml.etree import ElementTree

import attrs

from bureaukit.cells import Fault, Percent
from bureaukit.messages import t

MAX_PART = 64 * 1024 * 1024
"""workbook.xml, its relationships and styles.xml larger than this (64 MiB) are not read."""
CHUNK = 8 * 1024 * 1024
"""A sheet's XML is scanned in pieces of about this size, each cut after a ``</row>``."""

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PERCENT_BUILTIN = frozenset({9, 10})
"""Excel's built-in number formats ``0%`` and ``0.00%``."""
_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]{1,7})"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
# A saved value is a non-empty <v>: openpyxl writes an uncalculated formula's value as
# <v/> without lxml and as <v></v> with it; neither is a value.
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]+)</(?:\w+:)?v>")
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\sr="([0-9]{1,7})"')
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


@attrs.frozen
class SheetFacts:
    """The cells of one sheet that its values alone misrepresent (0-based row, column)."""

    faults: dict[tuple[int, int], str] = attrs.Factory(dict)
    percent: set[tuple[int, int]] = attrs.Factory(set)
    merges: list[tuple[int, int, int, int]] = attrs.Factory(list)
    """(first row, first column, last row, last column) of each merged range."""
    controls: bool = False
    """The sheet's text holds an escaped control character (``_x001B_``)."""
    hidden_rows: list[int] = attrs.Factory(list)
    """Rows the sheet hides (by hand or by a filter), numbered as the reader's rows from 1."""

    def __bool__(self) -> bool:
        return bool(self.faults or self.percent or self.merges)


@attrs.frozen
class SheetEntry:
    name: str
    state: str
    """``visible``, ``hidden`` or ``veryHidden``."""
    part: str | None
    """The sheet's XML part in the zip (None when the workbook does not say)."""


@attrs.frozen
class WorkbookFacts:
    sheets: list[SheetEntry]
    date1904: bool
    percent_styles: frozenset[int]
    """Indexes of cell formats (``s="N"``) showing a percentage."""
    uncalculated: bool = False
    """The workbook asks to be calculated in full when opened (``fullCalcOnLoad``): a
    program wrote it (xlsxwriter, openpyxl, most export libraries) and its formulas'
    saved values are that program's placeholders (xlsxwriter's 0), not results. Excel,
    WPS and LibreOffice drop the flag when they calculate and save the file."""


def column_index(letters: bytes) -> int:
    """``A`` → 0, ``Z`` → 25, ``AA`` → 26."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _read_part(zf: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART:
        return None
    with zf.open(info) as fh:
        return fh.read(MAX_PART + 1)[:MAX_PART]


def _xml(data: bytes | None) -> ElementTree.Element | None:
    if data is None:
        return None
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None


def workbook_facts(zf: zipfile.ZipFile) -> WorkbookFacts:
    """Sheets in workbook order with their visibility and XML part, the date system and
    the percent formats. A part missing or unreadable gives the defaults (calamine then
    reports the damaged workbook itself)."""
    book = _xml(_read_part(zf, "xl/workbook.xml"))
    targets = _relationships(zf)
    sheets: list[SheetEntry] = []
    date1904 = uncalculated = False
    if book is not None:
        pr = book.find(f"{_NS}workbookPr")
        date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
        calc = book.find(f"{_NS}calcPr")
        uncalculated = calc is not None and calc.get("fullCalcOnLoad", "0").lower() in ("1", "true")
        for s in book.iter(f"{_NS}sheet"):
            rid = s.get(f"{_REL_NS}id")
            sheets.append(SheetEntry(s.get("name", ""), s.get("state", "visible"), targets.get(rid or "")))
    return WorkbookFacts(sheets, date1904, _percent_styles(_xml(_read_part(zf, "xl/styles.xml"))), uncalculated)


def _relationships(zf: zipfile.ZipFile) -> dict[str, str]:
    rels = _xml(_read_part(zf, "xl/_rels/workbook.xml.rels"))
    out: dict[str, str] = {}
    if rels is None:
        return out
    for r in rels.iter(f"{_PKG_NS}Relationship"):
        target = r.get("Target", "")
        # relative to xl/, or absolute from the package root
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        out[r.get("Id", "")] = path
    return out


def _percent_styles(styles: ElementTree.Element | None) -> frozenset[int]:
    if styles is None:
        return frozenset()
    custom: set[int] = set()
    for fmt in styles.iter(f"{_NS}numFmt"):
        code = _QUOTED_OR_BRACKETED.sub("", fmt.get("formatCode", ""))
        if "%" in code:
            custom.add(int(fmt.get("numFmtId", "-1")))
    xfs = styles.find(f"{_NS}cellXfs")
    if xfs is None:
        return frozenset()
    percent = _PERCENT_BUILTIN | custom
    return frozenset(i for i, xf in enumerate(xfs.iter(f"{_NS}xf")) if int(xf.get("numFmtId", "0")) in percent)


def sheet_facts(
    zf: zipfile.ZipFile, part: str, percent_styles: frozenset[int], origin: tuple[int, int], uncalculated: bool = False
) -> SheetFacts:
    """The faults, percent cells and merged ranges of one sheet, with positions relative to
    *origin* (the 0-based row and column the reader's rows start at). In a workbook never
    calculated (*uncalculated*, :attr:`WorkbookFacts.uncalculated`) every formula is a fault,
    whatever value it was saved with."""
    facts = SheetFacts()
    try:
        fh = zf.open(part)
    except KeyError:
        return facts
    styles = [b' s="%d"' % i for i in sorted(percent_styles)]
    controls = False
    with fh:
        for piece in _pieces(fh):
            _scan(piece, styles, facts, origin, uncalculated)
            controls = controls or b"_x00" in piece
    return attrs.evolve(facts, controls=controls)


def _pieces(fh: Any) -> Iterator[bytes]:
    """The sheet XML in pieces that each end after a ``</row>`` (the last one: the rest)."""
    carry = b""
    while chunk := fh.read(CHUNK):
        data = carry + chunk
        cut = data.rfind(b"</row>")
        if cut < 0:
            carry = data
            continue
        cut = data.index(b">", cut) + 1
        yield data[:cut]
        carry = data[cut:]
    if carry:
        yield carry


def _scan(piece: bytes, styles: list[bytes], facts: SheetFacts, origin: tuple[int, int], uncalculated: bool) -> None:
    if b"<f" in piece or b":f" in piece:
        for cell in _cells_at(piece, _formula_starts(piece)):
            if not _VALUE.search(cell) and b' t="str"' not in cell[: cell.find(b">")]:
                # t="str" with an empty value is a formula's empty text (=IF(E3="","",…)),
                # as Excel and WPS save it: a value, read as an empty cell
                facts.faults[_where(cell, origin)] = t("cell_formula_unsaved")
            elif uncalculated:
                facts.faults[_where(cell, origin)] = t("cell_formula_uncalculated")
    if b't="e"' in piece:
        for cell in _cells_at(piece, _finds(piece, b't="e"')):
            m = _VALUE.search(cell)
            shown = m.group(1).decode("utf-8", "replace") if m else "#ERROR"
            facts.faults[_where(cell, origin)] = t("cell_shows_error", shown=shown)
    for style in styles:
        if style in piece:
            for cell in _cells_at(piece, _finds(piece, style)):
                tag = cell[: cell.find(b">")]
                # a number cell only: text (t="s", "str", "inlineStr"), booleans and errors
                # keep what they are whatever their format
                if _VALUE.search(cell) and (b' t="' not in tag or b' t="n"' in tag):
                    facts.percent.add(_where(cell, origin))
    if b'hidden="' in piece:
        for m in _HIDDEN_ROW.finditer(piece):
            if number := _ROW_NUMBER.search(m.group()):
                facts.hidden_rows.append(int(number.group(1)) - origin[0])
    if b"mergeCell" in piece:
        for m in _MERGE.finditer(piece):
            r0, c0 = int(m.group(2)) - 1 - origin[0], column_index(m.group(1)) - origin[1]
            r1, c1 = int(m.group(4)) - 1 - origin[0], column_index(m.group(3)) - origin[1]
            facts.merges.append((r0, c0, r1, c1))


def _finds(data: bytes, needle: bytes) -> Iterator[int]:
    i = data.find(needle)
    while i >= 0:
        yield i
        i = data.find(needle, i + len(needle))


def _formula_starts(piece: bytes) -> Iterator[int]:
    """Where a cell's formula element begins (``<f>``, ``<f …>``, ``<x:f>``)."""
    for needle in (b"<f>", b"<f ", b"<f/>", b":f>", b":f "):
        yield from _finds(piece, needle)


def _cells_at(piece: bytes, positions: Iterator[int]) -> Iterator[bytes]:
    """The ``<c …>…</c>`` element around each position, once each; a position outside a
    cell (a row's style, a conditional format's formula) is passed over."""
    seen: set[int] = set()
    for pos in positions:
        start = max(piece.rfind(b"<c ", 0, pos), piece.rfind(b":c ", 0, pos))
        if start < 0 or start in seen:
            continue
        close = piece.find(b"</row>", start, pos)  # the cell began in an earlier row
        end_tag = piece.find(b">", start)
        if close >= 0 or end_tag < 0:
            continue
        if piece[end_tag - 1 : end_tag] == b"/":
            end = end_tag + 1  # <c …/>: the position must lie in its tag
        else:
            m = _CELL_END.search(piece, end_tag)
            end = len(piece) if m is None else m.end()
        if pos >= end:
            continue
        seen.add(start)
        yield piece[start:end]


def _where(cell: bytes, origin: tuple[int, int]) -> tuple[int, int]:
    m = _REF.search(cell)
    if m is None:
        return (-1, -1)
    return int(m.group(2)) - 1 - origin[0], column_index(m.group(1)) - origin[1]


MAX_FILLED = 1_000_000
"""Cells filled from merged ranges per sheet at most; a merge beyond the sheet's used area
(a whole column merged) is clipped to it."""


def corrected(rows: Iterator[list[Any]], facts: SheetFacts, height: int, width: int) -> Iterator[list[Any]]:
    """The reader's rows as the clerk sees the sheet: a faulty cell as a :class:`Fault`, a
    percent cell as a :class:`Percent`, every cell of a merged range holding the range's
    value (CORE §5). *height* and *width* bound the merged ranges."""
    if not facts:
        yield from rows
        return
    fixes: dict[int, list[tuple[int, str | None]]] = {}
    for (r, c), message in facts.faults.items():
        fixes.setdefault(r, []).append((c, message))
    for r, c in facts.percent:
        if (r, c) not in facts.faults:
            fixes.setdefault(r, []).append((c, None))
    fills, anchors = _merge_plan(facts.merges, height, width)
    values: dict[tuple[int, int], Any] = {}
    for i, row in enumerate(rows):
        fix, fill, anchor = fixes.get(i), fills.get(i), anchors.get(i)
        if fix or fill or anchor:
            row = _fixed(list(row), fix, fill, anchor, i, values)
        yield row


def _merge_plan(
    merges: list[tuple[int, int, int, int]], height: int, width: int
) -> tuple[dict[int, list[tuple[int, int, int]]], dict[int, list[int]]]:
    """Per row, the cells to fill (column, anchor row, anchor column); per row, the
    columns of the anchors (top-left cells) whose values are remembered."""
    fills: dict[int, list[tuple[int, int, int]]] = {}
    anchors: dict[int, list[int]] = {}
    budget = MAX_FILLED
    for r0, c0, r1, c1 in merges:
        if r0 < 0 or c0 < 0:
            continue
        r1, c1 = min(r1, height - 1), min(c1, width - 1)
        budget -= (r1 - r0 + 1) * (c1 - c0 + 1)
        if budget < 0:
            break
        anchors.setdefault(r0, []).append(c0)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    fills.setdefault(r, []).append((c, r0, c0))
    return fills, anchors


def _fixed(
    row: list[Any],
    fix: list[tuple[int, str | None]] | None,
    fill: list[tuple[int, int, int]] | None,
    anchor: list[int] | None,
    i: int,
    values: dict[tuple[int, int], Any],
) -> list[Any]:
    for c, message in fix or ():
        if 0 <= c < len(row):
            v = row[c]
            if message is not None:
                row[c] = Fault(message)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                row[c] = Percent(v)
    for c in anchor or ():
        values[(i, c)] = row[c] if c < len(row) else None
    for c, ar, ac in fill or ():
        if c >= len(row):
            row.extend([""] * (c + 1 - len(row)))
        row[c] = values.get((ar, ac))
    return row


def strings_have_controls(zf: zipfile.ZipFile) -> bool:
    """True when the shared strings hold an escaped control character (``_x001B_``):
    Excel writes the text of most cells there, not in the sheet."""
    try:
        fh = zf.open("xl/sharedStrings.xml")
    except KeyError:
        return False
    with fh:
        tail = b""
        while chunk := fh.read(CHUNK):
            if b"_x00" in tail + chunk[:8] or b"_x00" in chunk:
                return True
            tail = chunk[-8:]
    return False
