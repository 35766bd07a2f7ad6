"""A look inside an .xlsx before any reader opens it (docs/reliability.md, issue 18).

The native readers trust a workbook: python-calamine sizes a sheet's cell array from the
farthest cell, so one stray cell at ``XFD1048576`` (Ctrl+End and a keystroke) makes it
ask for 512 GB and the process aborts — no exception Python could catch; a zip bomb (a
3 MB sheet inflating to 2.4 GB, one 1.5 GB shared string) takes it down the same way.
:func:`check_workbook` inflates every part of the zip itself, in bounded pieces, and
refuses the file with a message before a reader sees it when

- a part would inflate beyond :data:`MAX_PART_BYTES`, or all parts beyond
  :data:`MAX_TOTAL_BYTES` (the sizes the zip declares are checked first, and the inflate
  is bounded while it streams, so a lying header does not help);
- a run of text between two XML tags (one cell's value, one shared string) is longer
  than :data:`MAX_TEXT_BYTES`, the longest cell bureaukit reads from any format;
- a sheet's used range — from its farthest cell, and from the ``<dimension ref>`` it
  declares — spans more than :data:`MAX_SHEET_CELLS` cells. The message names the
  farthest cell, which is almost always a stray one: a clerk deletes it and saves.

A sheet whose range is large but within the bound (a stray cell at ``A1048576`` below a
ten-row ledger) is read as it is: its blank rows are skipped, its real rows read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import attrs

from bureaukit.files import MAX_LEDGER_BYTES, size_text

MAX_PART_BYTES = MAX_LEDGER_BYTES
"""What one part of a workbook (a sheet's XML, the shared strings) may inflate to: 1 GiB,
the bound of any ledger file. A million-row sheet, the most Excel holds, is ~400 MB."""
MAX_TOTAL_BYTES = 2 * MAX_LEDGER_BYTES
"""What all parts of a workbook together may inflate to (2 GiB)."""
MAX_SHEET_CELLS = 1 << 24
"""The most cells a sheet's used range may span (16,777,216: a million rows of 16
columns). The native reader holds ~32 bytes per cell of the range, filled or not."""
MAX_TEXT_BYTES = 10 * 1024 * 1024
"""The longest run of text between two XML tags (10 MiB, as ``readers.CSV_FIELD_LIMIT``)."""
MAX_PARTS = 10_000
"""A workbook of more zip members than this is no ledger (a real one has a dozen)."""
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
CHUNK = 1 << 20

# A cell's reference: <c ... r="XFD1048576" ...>, any attribute order, either quote, an
# optional namespace prefix. Letters and digits unbounded here so that a reference
# beyond Excel's grid is seen (and refused), not skipped.
# What Excel, LibreOffice and openpyxl write, found fast (a literal prefix); a chunk with
# more cell or row tags than these found is searched again with the general patterns.
_FAST_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]+)"')
_CELL_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*["\']([A-Za-z]+)([0-9]+)["\']')
_ROW_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?\br\s*=\s*["\']([0-9]+)["\']')
_DIMENSION = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*?\bref\s*=\s*["\']([^"\']*)["\']')
_SST_COUNT = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?sst\s[^>]*?\b((?:unique)?[cC]ount)\s*=\s*["\']\s*([0-9]+)')
_RANGE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Za-z]{1,3})\$?([0-9]{1,7}))?$")


class WorkbookRefused(Exception):
    """A workbook no reader may open; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def column_number(letters: str) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27, ``XFD`` → 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@attrs.define
class _Extent:
    """The farthest cells seen in one sheet, and the reference naming each."""

    max_row: int = 0
    max_col: int = 0
    row_ref: str = ""
    col_ref: str = ""
    rows_seen: int = 0
    declared: str | None = None

    def cell(self, letters: bytes, digits: bytes) -> None:
        col, row = column_number(letters.decode("ascii")), int(digits)
        if row > self.max_row:
            self.max_row, self.row_ref = row, f"{letters.decode('ascii').upper()}{row}"
        if col > self.max_col:
            self.max_col, self.col_ref = col, f"{letters.decode('ascii').upper()}{row}"


def _scan_sheet_chunk(data: bytes, ext: _Extent) -> None:
    """The farthest cell references in *data* (whole tags only), into *ext*: a few
    C-speed passes over the chunk and one Python step per distinct column."""
    refs = _FAST_CELL_REF.findall(data)
    rows_here = data.count(b"<row")
    ext.rows_seen += rows_here
    # every "<c" or ":c" may open a cell ("<col", "<cfRule" only send a chunk the slow way)
    if data.count(b"<c") + data.count(b":c") > len(refs):
        refs = _CELL_REF.findall(data)
        _scan_unusual(data, ext, len(refs))
    if refs:
        _farthest(refs, ext)
    if ext.declared is None and (m := _DIMENSION.search(data)):
        ext.declared = m.group(1).decode("ascii", "replace")


def _farthest(refs: list[tuple[bytes, bytes]], ext: _Extent) -> None:
    letters, digits = zip(*refs, strict=True)
    wide = max(set(letters), key=lambda a: (len(a), a.upper()))
    if column_number(wide.decode("ascii")) > ext.max_col:
        ext.cell(wide, next(d for a, d in refs if a == wide))
    numbers = set(map(int, set(digits)))
    if min(numbers) < 1:
        raise WorkbookRefused("a cell reference to row 0: the file is damaged")
    top = max(numbers)
    if top > ext.max_row:
        # rows come in order: the cell naming the last row is near the end
        ext.cell(next(a for a, d in reversed(refs) if int(d) == top), str(top).encode())


def _scan_unusual(data: bytes, ext: _Extent, n_refs: int) -> None:
    """Rows and cells written without a reference are placed by counting, as the
    readers do: the widest such row counts as that many columns."""
    rows = _ROW_REF.findall(data)
    if rows:
        ext.max_row = max(ext.max_row, *map(int, rows))
    tags = data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>")
    if tags > n_refs:
        widest = max(seg.count(b"<c ") + seg.count(b"<c>") + seg.count(b"<c/>") for seg in data.split(b"</row>"))
        if widest > ext.max_col:
            ext.max_col, ext.col_ref = widest, f"{column_letters(widest)}{max(ext.rows_seen, 1)}"


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, total: list[int], sheet: _Extent | None) -> None:
    """Inflate one part in CHUNK pieces, never holding more than a chunk and the tag it
    ends inside; count what it inflates to against both bounds while it streams."""
    name = info.filename
    size = 0
    run = 0  # bytes since the last "<"
    carry = b""
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            total[0] += len(chunk)
            if size > MAX_PART_BYTES:
                raise WorkbookRefused(f"the part {name} of the workbook inflates to more than {size_text(MAX_PART_BYTES)}: a zip bomb, or no ledger")
            if total[0] > MAX_TOTAL_BYTES:
                raise WorkbookRefused(f"the workbook inflates to more than {size_text(MAX_TOTAL_BYTES)}: a zip bomb, or no ledger")
            last = chunk.rfind(b"<")
            run = run + len(chunk) if last < 0 else len(chunk) - last - 1
            if run > MAX_TEXT_BYTES:
                raise WorkbookRefused(
                    f"the part {name} holds a text of more than {size_text(MAX_TEXT_BYTES)} in one piece "
                    "(a cell or shared string longer than any ledger cell): a zip bomb, or no ledger"
                )
            if size == len(chunk) and _is_shared_strings(name):
                _check_sst_counts(name, chunk)
            if sheet is not None:
                data = carry + chunk
                cut = data.rfind(b"<")
                whole, carry = (data, b"") if cut < 0 else (data[:cut], data[cut:])
                _scan_sheet_chunk(whole, sheet)
        if sheet is not None and carry:
            _scan_sheet_chunk(carry, sheet)


def _declared_cells(ref: str) -> tuple[int, str] | None:
    """(cells spanned, last cell) of a ``<dimension ref>``, or None when unreadable."""
    m = _RANGE.match(ref.strip())
    if not m:
        return None
    c1, r1, c2, r2 = m.groups()
    if c2 is None:
        return 1, f"{c1}{r1}"
    rows = abs(int(r2) - int(r1)) + 1
    cols = abs(column_number(c2) - column_number(c1)) + 1
    return rows * cols, f"{c2.upper()}{r2}"


def _check_extent(name: str, ext: _Extent) -> None:
    far = f"cell {ext.row_ref}" if ext.row_ref else f"row {ext.max_row}"
    if ext.max_row > EXCEL_ROWS or ext.max_col > EXCEL_COLUMNS:
        ref = ext.row_ref if ext.max_row > EXCEL_ROWS else ext.col_ref
        raise WorkbookRefused(f"sheet {name}: the cell reference {ref} lies beyond Excel's last row or column: the file is damaged")
    rows = max(ext.max_row, ext.rows_seen)
    span = rows * ext.max_col
    if span > MAX_SHEET_CELLS:
        cells = sorted({ext.row_ref, ext.col_ref} - {""}) or [far]
        raise WorkbookRefused(
            f"sheet {name}: its used range reaches row {rows:,} and column {column_letters(ext.max_col)} "
            f"({span:,} cells; a ledger sheet may span at most {MAX_SHEET_CELLS:,}), through cell "
            f"{' and '.join(cells)}: a stray cell far from the table? Delete it "
            "(Ctrl+End in Excel goes to it), or its row or column, and save the file"
        )
    if ext.declared:
        declared = _declared_cells(ext.declared)
        if declared is not None and declared[0] > MAX_SHEET_CELLS:
            raise WorkbookRefused(
                f"sheet {name}: the workbook says its used range is {ext.declared} ({declared[0]:,} cells; "
                f"a ledger sheet may span at most {MAX_SHEET_CELLS:,}): delete whatever lies at {declared[1]} "
                "(Ctrl+End in Excel goes there) and save the file again in Excel"
            )


def check_workbook(path: Path) -> None:
    """Refuse *path* (raise :class:`WorkbookRefused`) unless every reader can open it in
    bounded memory. A file that is no zip, or whose zip is damaged, is left to the
    reader: its own message says so."""
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise WorkbookRefused(f"the workbook is a zip of {len(infos):,} parts: no ledger has so many")
        declared = sum(i.file_size for i in infos)
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise WorkbookRefused(
                    f"the part {info.filename} of the workbook inflates to {size_text(info.file_size)} "
                    f"(at most {size_text(MAX_PART_BYTES)}): a zip bomb, or no ledger"
                )
        if declared > MAX_TOTAL_BYTES:
            raise WorkbookRefused(f"the workbook inflates to {size_text(declared)} (at most {size_text(MAX_TOTAL_BYTES)}): a zip bomb, or no ledger")
        total = [0]
        for info in infos:
            if info.is_dir():
                continue
            sheet = _Extent() if _is_sheet(info.filename) else None
            try:
                _inflate(zf, info, total, sheet)
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError) as exc:
                # a part whose data disagrees with its header (a CRC or size that lies)
                raise WorkbookRefused(f"the part {info.filename} of the workbook is damaged ({exc}): save the file again in Excel") from None
            if sheet is not None:
                _check_extent(info.filename, sheet)


def _is_shared_strings(name: str) -> bool:
    return name.lower().endswith("sharedstrings.xml")


def _check_sst_counts(name: str, head: bytes) -> None:
    """The string counts the shared-strings part declares: python-calamine reserves room
    for ``uniqueCount`` strings before reading one (a declared 99,999,999,999 asked for
    2.4 TB and aborted: found by tests/fuzz/fuzz_xlsx.py)."""
    tag_end = head.find(b">", head.find(b"sst"))
    for m in _SST_COUNT.finditer(head[: tag_end + 1] if tag_end >= 0 else head):
        if int(m.group(2)) > MAX_SHEET_CELLS:
            raise WorkbookRefused(
                f"the part {name} declares {int(m.group(2)):,} strings ({m.group(1).decode()}; at most "
                f"{MAX_SHEET_CELLS:,}): the file is damaged; save it again in Excel"
            )


def _is_sheet(name: str) -> bool:
    low = name.lower()
    return low.endswith(".xml") and ("worksheets/" in low or "chartsheets/" in low or "dialogsheets/" in low)
