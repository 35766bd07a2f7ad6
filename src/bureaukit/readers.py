"""The core's ledger formats, registered through ``bureaukit_readers`` like anyone's (CORE §5).

A reader turns a file into a :class:`Table`: the header cells and the data rows with
their row numbers as a clerk sees them (the header is row 1 in csv and xlsx).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import count
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import attrs

from bureaukit.messages import foreign, t
from bureaukit.text import quoted, visible

if TYPE_CHECKING:
    from bureaukit.workbook import SheetFacts

# bureaukit.workbook (zip and XML reading, its attrs classes) is imported by the workbook
# readers below when a workbook is read: a bureau keeping its ledgers as CSV never needs it.

CSV_FIELD_LIMIT = 10 * 1024 * 1024
"""A cell longer than this (10 MiB) is reported, not read."""


MAX_HEADER_BYTES = 1024 * 1024
"""A CSV header line longer than this (1 MiB) is refused unread: Excel's 16,384 columns
with 60-byte names fit."""


class ReadError(Exception):
    """A file that cannot be read as its format: ``row`` where known."""

    def __init__(self, message: str, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.row = row


@attrs.frozen
class Table:
    """A ledger file's contents: ``rows`` yields (row number, cells aligned to header)."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    header_row: int | None = 1
    encoding: str | None = None
    controls: bool = True
    """A cell may hold a control character (the ledger layer then checks every row);
    False only where the reader looked at the whole file and found none."""
    date1904: bool = False
    """A workbook in the 1904 date system: a number in a date column is a serial of it."""
    hidden: tuple[int, ...] = ()
    """Row numbers the workbook hides (by hand or by a filter): read like any other row,
    named by ``check`` (docs/decisions.md)."""
    texts: bool = False
    """Every cell is a ``str`` (as the csv module gives them; a short row is padded with
    None by the ledger layer, not here): the ledger layer then need not ask each cell's
    type before reading columns of them."""


@attrs.frozen
class Reader:
    """A ledger format: ``read(path, sheet)`` for files ending in one of ``suffixes``."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, str | None], Table]


def _sniff(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(4096)


def _save_as_csv() -> str:
    return t("save_as_csv")


def _reject_binary(path: Path, head: bytes, expected: str) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise ReadError(t("read_zip", expected=expected))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        if expected == "CSV":
            raise ReadError(t("read_utf16_csv", how=_save_as_csv()))
        raise ReadError(t("read_utf16", expected=expected))
    if head.count(b"\x00") > max(4, len(head) // 64):
        # a few NULs in text are cells holding a control character, reported where they
        # are (CORE §5); a binary file has them everywhere
        raise ReadError(t("read_binary", expected=expected))


def _utf16_without_bom(head: bytes) -> bool:
    """Text in UTF-16 without its byte-order mark: most of every other byte is NUL."""
    sample = head[:512]
    if len(sample) < 8:
        return False
    half = len(sample) // 2
    return max(sample[0::2].count(0), sample[1::2].count(0)) >= half * 0.6


def _reject_separators(header: list[str], sample: str) -> None:
    """A file Excel saved with ';' or tab separators (a European locale, "Text (Tab
    delimited)"): read as CSV each line would be one cell."""
    lines = [line for line in sample.splitlines()[:10] if line.strip()]
    if not lines or any("," in line for line in lines) or len(header) > 1:
        return
    for sep, name in ((";", "read_semicolons"), ("\t", "read_tabs")):
        if all(sep in line for line in lines[:3]):
            raise ReadError(t("read_separated", by=t(name), how=_save_as_csv()), 1)


def read_csv(path: Path, sheet: str | None) -> Table:
    """CSV in UTF-8, UTF-8 with BOM, or GB18030 (Chinese Excel's 'CSV (逗号分隔)').

    UTF-8 is tried first and strictly; a file that is not valid UTF-8 is read as
    GB18030, and one that is neither is an error (never a silent wrong guess).
    The file is opened once: its bytes are checked (binary, header length, encoding)
    and then read as text from the same handle.
    """
    if sheet is not None:
        raise ReadError(t("read_csv_sheet"))
    raw = path.open("rb")
    try:
        head = raw.read(4096)
        _reject_binary(path, head, "CSV")
        _reject_long_header(raw)
        encoding, controls = _csv_encoding(raw, head)
        raw.seek(0)
    except BaseException:
        raw.close()
        raise
    csv.field_size_limit(CSV_FIELD_LIMIT)
    fh = io.TextIOWrapper(raw, encoding=encoding, newline="")
    # strict: a quote left open would otherwise swallow every later row into one cell
    reader = csv.reader(fh, strict=True)
    try:
        header = next(reader)
        _reject_separators(header, head.decode(encoding, errors="ignore"))
    except StopIteration:
        fh.close()
        raise ReadError(t("read_empty_file")) from None
    except csv.Error as exc:
        fh.close()
        raise ReadError(t("read_not_csv", why=exc), 1) from None
    except ReadError:
        fh.close()
        raise
    return Table(header, _csv_rows(reader, fh), 1, "GB18030" if encoding == "gb18030" else "UTF-8", controls,
                 texts=True)


def _csv_encoding(raw: BinaryIO, head: bytes) -> tuple[str, bool]:
    """UTF-8 (with or without BOM), strictly, else GB18030, else an error; and whether
    the file may hold a control character (:func:`_validate_encoding`)."""
    encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return encoding, _validate_encoding(raw, encoding)
    except UnicodeDecodeError:
        pass
    try:
        controls = _validate_encoding(raw, "gb18030")
    except UnicodeDecodeError as exc:
        # UTF-8 Chinese followed by GBK rows is often not GB18030 as a whole: when the
        # part after the UTF-8 is GB18030, say the file mixes the two
        _reject_mixed(raw, head.startswith(codecs.BOM_UTF8), gb18030_after=True)
        raise ReadError(t("read_encoding", offset=exc.start)) from None
    _reject_mixed(raw, head.startswith(codecs.BOM_UTF8))
    return "gb18030", controls


def _csv_rows(reader: Iterator[list[str]], fh: IO[str]) -> Iterator[tuple[int, list[Any]]]:
    """The rows below the header, numbered from 2; the file is closed when they end."""
    numbers = count(2)
    try:
        # zip numbers the rows in C: no Python step per row, which a million rows feel
        yield from zip(numbers, reader, strict=False)  # numbers never end
    except csv.Error as exc:
        text = str(exc)
        text = t("read_unclosed_quote") if "unexpected end of data" in text else foreign(text)
        # zip took the bad row's number before the reader failed
        raise ReadError(t("read_csv_error", text=text), next(numbers) - 1) from None
    finally:
        fh.close()


def _reject_long_header(raw: BinaryIO) -> None:
    """A first line (the header) longer than MAX_HEADER_BYTES is refused before the csv
    module splits it: one 100 MB line of commas would be 50 million header cells."""
    raw.seek(0)
    head = raw.read(MAX_HEADER_BYTES)
    if len(head) == MAX_HEADER_BYTES and b"\n" not in head and b"\r" not in head:
        raise ReadError(t("read_long_header", kib=MAX_HEADER_BYTES // 1024), 1)


def _reject_mixed(raw: BinaryIO, bom: bool, gb18030_after: bool = False) -> None:
    """A file that is not UTF-8 but begins with UTF-8 Chinese text mixes two encodings
    (rows pasted from a GBK file into a UTF-8 one): read as GB18030, its UTF-8 part
    would turn into other characters silently. With *gb18030_after*, only when the bytes
    from the first that is not UTF-8 are GB18030 (else the file is just not text). Looks
    at the first MiB only."""
    raw.seek(0)
    data = raw.read(1 << 20)
    try:
        data.decode("utf-8")
        return  # the bad byte lies further on: let the GB18030 check decide
    except UnicodeDecodeError as exc:
        start = exc.start
    if gb18030_after:
        try:
            codecs.getincrementaldecoder("gb18030")("strict").decode(data[start:], final=len(data) < 1 << 20)
        except UnicodeDecodeError:
            return
    prefix = data[:start].decode("utf-8", errors="replace")
    if bom or sum(1 for ch in prefix if "\u4e00" <= ch <= "\u9fff") >= 2:
        line = prefix.count("\n") + 1
        raise ReadError(t("read_mixed", line=line, offset=start), line)


_NOT_C0 = bytes(b for b in range(256) if not (b <= 0x08 or b in (0x0B, 0x0C) or 0x0E <= b <= 0x1F or b == 0x7F))
"""Every byte but the C0 controls (tab, LF and CR allowed) and DEL: deleting them from a
chunk leaves only control bytes, at C speed (a character-class regex was ~10 × slower)."""
_C1 = re.compile(rb"\xc2[\x80-\x9f]")
"""A C1 control in UTF-8 (a GB18030 pair may match too, which only makes the ledger
layer look at each row)."""


def _may_hold_controls(chunk: bytes) -> bool:
    return bool(chunk.translate(None, _NOT_C0)) or (b"\xc2" in chunk and _C1.search(chunk) is not None)


def _validate_encoding(raw: BinaryIO, encoding: str) -> bool:
    """Decode the whole file strictly (raises UnicodeDecodeError); True when its bytes
    may hold a control character."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    controls = False
    raw.seek(0)
    while chunk := raw.read(1 << 20):
        decoder.decode(chunk)
        # a chunk boundary may split a C1 pair: the ledger layer's row check is the
        # real test, this only decides whether it runs
        controls = controls or _may_hold_controls(chunk) or chunk[-1:] == b"\xc2"
    decoder.decode(b"", final=True)
    return controls


def read_xlsx(path: Path, sheet: str | None) -> Table:
    """An Excel workbook: the first visible sheet, or ``file.xlsx#Sheet name`` (a hidden
    sheet only when named), read as the clerk sees it (CORE §5): merged ranges filled,
    percent cells marked, formulas never calculated and error values as cell errors.

    Read with python-calamine (Rust, several times faster) when it is installed, else
    with openpyxl; the cells neither reader tells apart come from the zip's XML
    (:mod:`bureaukit.workbook`).
    """
    head = _sniff(path)
    if not head.startswith(b"PK\x03\x04"):
        raise ReadError(_not_a_workbook(path, head) or t("read_not_xlsx", hint=t("read_renamed_hint")))
    _guard(path)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return _read_xlsx_openpyxl(path, sheet)
    from bureaukit.workbook import corrected

    try:
        wb = CalamineWorkbook.from_path(str(path))
        metadata = wb.sheets_metadata
    except BaseException as exc:
        raise ReadError(t("read_cannot_open", why=_native(exc))) from None
    name = _choose_sheet([(m.name, _shown_sheet(m)) for m in metadata], sheet)
    try:
        ws = wb.get_sheet_by_name(name)
        start, end = ws.start or (0, 0), ws.end or (0, 0)
        # calamine's rows begin at row 1 but at the first used column
        facts, date1904 = _facts(path, name, (0, start[1]))
        rows = corrected((list(r) for r in ws.iter_rows()), facts, end[0] + 1, end[1] - start[1] + 1)
    except ReadError:
        raise
    except BaseException as exc:
        raise ReadError(t("read_cannot_read_sheet", why=_native(exc))) from None
    return _sheet_table(rows, None, facts.controls, date1904, facts.hidden_rows)


def _guard(path: Path) -> None:
    """The workbook looked into before any native reader opens it (:mod:`bureaukit.xlsx_guard`):
    a stray far cell or a zip bomb would abort the process inside python-calamine."""
    from bureaukit.xlsx_guard import WorkbookRefused, check_workbook

    try:
        check_workbook(path)
    except WorkbookRefused as exc:
        raise ReadError(exc.message) from None


def _native(exc: BaseException) -> str:
    """The one-line text of a reader library's failure. A Rust panic inside
    python-calamine arrives as ``PanicException``, a BaseException: a damaged workbook,
    reported like any other; an interrupt or exit passes through."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        raise exc
    text = str(exc).strip().splitlines()
    return visible(text[0] if text else type(exc).__name__)


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The start of an .xls (BIFF in an OLE2 compound file)."""
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream a password-protected .xlsx keeps its workbook in, named in its OLE2 directory."""
_SPREADSHEET_2003 = b"urn:schemas-microsoft-com:office:spreadsheet"


def _not_a_workbook(path: Path, head: bytes) -> str | None:
    """Why a file named as a workbook is none, when its first bytes say what it is: a
    password-protected workbook, an .xls, a web page or an XML Spreadsheet 2003 (what many
    systems' 导出 Excel write), or CSV text. None for anything else."""
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        return t("read_lock_file")
    if not head:
        return t("read_empty_file")
    if head.startswith(_OLE2):
        if _holds(path, _ENCRYPTED):
            return t("read_encrypted")
        return t("read_not_xlsx", hint=t("read_xls_hint")) if suffix != ".xls" else None
    if head.startswith(b"PK\x03\x04"):
        return t("read_xlsx_as_xls", suffix=suffix) if suffix == ".xls" else None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if _SPREADSHEET_2003 in text:
        return t("read_text_workbook", what=t("read_what_xml2003"))
    if text.startswith((b"<", b"mime-version")) and (b"<html" in text or b"<table" in text or b"mime-version" in text):
        return t("read_text_workbook", what=t("read_what_html"))
    if b"\x00" not in head and b"," in head and (b"\n" in head or len(head) < 4096):
        return t("read_text_workbook", what=t("read_what_csv"))
    return None


def _holds(path: Path, needle: bytes) -> bool:
    """Whether the file's bytes contain *needle* (read in 1 MiB pieces; the file was
    bounded in size before any reader opened it)."""
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _shown_sheet(meta: Any) -> bool:
    """A worksheet the clerk sees (not hidden, not a chart)."""
    return str(meta.visible).endswith(".Visible") and str(meta.typ).endswith(".WorkSheet")


def _choose_sheet(sheets: list[tuple[str, bool]], sheet: str | None) -> str:
    """The sheet named after ``#``, else the first visible one (CORE §5 *Hidden sheets*)."""
    names = [n for n, _ in sheets]
    if sheet is not None:
        if sheet not in names:
            raise ReadError(t("read_no_sheet", sheet=quoted(sheet), names=", ".join(visible(n) for n in names)))
        return sheet
    for n, shown in sheets:
        if shown:
            return n
    raise ReadError(t("read_no_visible_sheet", hidden=", ".join(visible(n) for n in names) or t("none")))


def _facts(path: Path, sheet: str, origin: tuple[int, int]) -> tuple[SheetFacts, bool]:
    """The sheet's faults, percent cells and merged ranges, the workbook's date system."""
    import zipfile

    from bureaukit.workbook import SheetFacts, sheet_facts, strings_have_controls, workbook_facts

    try:
        with zipfile.ZipFile(path) as zf:
            book = workbook_facts(zf)
            part = next((s.part for s in book.sheets if s.name == sheet), None)
            facts = sheet_facts(zf, part, book.percent_styles, origin, book.uncalculated) if part else SheetFacts()
            if not facts.controls and strings_have_controls(zf):
                facts = attrs.evolve(facts, controls=True)
            return facts, book.date1904
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(t("read_cannot_open", why=exc)) from None


def _sheet_table(
    it: Iterator[list[Any]], close: Callable[[], None] | None, controls: bool = True, date1904: bool = False,
    hidden: Iterable[int] = (),
) -> Table:
    """Header = the first non-empty row; cells right of the header are errors."""
    header_row = 0
    header: list[str] = []
    try:
        for values in it:
            header_row += 1
            if any(v not in (None, "") for v in values):
                header = ["" if v is None else str(v) for v in values]
                while header and not header[-1].strip():
                    header.pop()
                break
    except ReadError:
        raise
    except BaseException as exc:
        # openpyxl parses as it goes: a damaged row fails here, mid-file
        if close:
            close()
        raise ReadError(t("read_cannot_read_sheet", why=_native(exc)), header_row or None) from None
    if not header:
        if close:
            close()
        raise ReadError(t("read_empty_sheet"))

    def rows() -> Iterator[tuple[int, list[Any]]]:
        n = header_row
        try:
            for values in it:
                n += 1
                # cells beyond the header are passed on: the ledger reader reports them
                yield n, list(values)
        except ReadError:
            raise
        except BaseException as exc:
            # openpyxl parses as it goes: a damaged row far down fails here, mid-file
            raise ReadError(t("read_cannot_read_sheet", why=_native(exc)), n + 1) from None
        finally:
            if close:
                close()

    return Table(header, rows(), header_row, controls=controls, date1904=date1904, hidden=tuple(hidden))


def _read_xlsx_openpyxl(path: Path, sheet: str | None) -> Table:
    try:
        import openpyxl
    except ImportError:
        raise ReadError(t("read_needs_openpyxl")) from None
    import zipfile

    from bureaukit.workbook import corrected, workbook_facts

    try:
        with zipfile.ZipFile(path) as zf:
            states = {s.name: s.state == "visible" for s in workbook_facts(zf).sheets}
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except BaseException as exc:
        raise ReadError(t("read_cannot_open", why=_native(exc))) from None
    try:
        name = _choose_sheet([(n, states.get(n, True)) for n in wb.sheetnames], sheet)
        ws = wb[name]
        # read-only rows begin at A1; the merged ranges are bounded by the used area
        facts, date1904 = _facts(path, name, (0, 0))
        height, width = ws.max_row or 0, ws.max_column or 0
    except BaseException:
        wb.close()
        raise
    rows = corrected((list(v) for v in ws.iter_rows(min_row=1, min_col=1, values_only=True)), facts, height, width)
    return _sheet_table(rows, wb.close, facts.controls, date1904, facts.hidden_rows)


def read_sheet(path: Path, sheet: str | None) -> Table:
    """An .xls, .xlsb or .ods workbook through python-calamine: the first visible sheet (or
    ``#Sheet``), merged ranges filled where calamine knows them (.xls). Percent formats,
    formulas never calculated and error values are not told apart in these formats:
    docs/ledgers.md says so; save as .xlsx to have them checked."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise ReadError(t("read_needs_calamine", suffix=path.suffix)) from None
    from bureaukit.workbook import SheetFacts, corrected

    refused = _not_a_workbook(path, _sniff(path))
    if refused:
        raise ReadError(refused)
    _guard(path)  # .xlsb and .ods are zips too: their parts are bounded the same way
    try:
        wb = CalamineWorkbook.from_path(str(path))
        metadata = wb.sheets_metadata
    except BaseException as exc:
        raise ReadError(t("read_cannot_open", why=f"({path.suffix}) {_native(exc)}")) from None
    name = _choose_sheet([(m.name, _shown_sheet(m)) for m in metadata], sheet)
    try:
        ws = wb.get_sheet_by_name(name)
        start, end = ws.start or (0, 0), ws.end or (0, 0)
        merges = [(r0, c0 - start[1], r1, c1 - start[1]) for (r0, c0), (r1, c1) in ws.merged_cell_ranges or ()]
        facts = SheetFacts(merges=merges, controls=True)
        rows = corrected((list(r) for r in ws.iter_rows()), facts, end[0] + 1, end[1] - start[1] + 1)
    except BaseException as exc:
        raise ReadError(t("read_cannot_read_sheet", why=_native(exc))) from None
    return _sheet_table(rows, None, True)


class _KeyTwice(dict[str, Any]):
    """A JSON object that names one key twice: ``json`` would keep the last value silently."""

    twice: str = ""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, or a :class:`_KeyTwice` when a key repeats (the rows
    reader reports it at the object's row)."""
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    out = _KeyTwice(obj)
    seen: set[str] = set()
    for k, _ in pairs:
        if k in seen:
            out.twice = k
            break
        seen.add(k)
    return out


def _json_rows(items: list[Any], numbering: list[int]) -> Table:
    header: list[str] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            for k in item:
                if k not in seen:
                    seen.add(k)
                    header.append(k)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for n, item in zip(numbering, items, strict=True):
            if not isinstance(item, dict):
                raise ReadError(t("read_json_object"), n)
            if isinstance(item, _KeyTwice):
                raise ReadError(t("read_json_key_twice", key=quoted(item.twice)), n)
            yield n, [item.get(k) for k in header]

    return Table(header, rows(), None)


def _short(exc: BaseException) -> str:
    text = str(exc).split(";")[0].strip() or type(exc).__name__
    return "nested too deeply" if isinstance(exc, RecursionError) else text


def read_json(path: Path, sheet: str | None) -> Table:
    """A JSON list of objects (row N = the N-th object)."""
    head = _sniff(path)
    _reject_binary(path, head, "JSON")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal, object_pairs_hook=_object)
    except UnicodeDecodeError:
        raise ReadError(t("read_json_utf8")) from None
    except json.JSONDecodeError as exc:
        raise ReadError(t("read_json_syntax", msg=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except (ValueError, RecursionError) as exc:  # a 4300+ digit integer; nesting too deep
        raise ReadError(t("read_json_cannot", why=_short(exc))) from None
    if not isinstance(data, list):
        raise ReadError(t("read_json_list"))
    return _json_rows(data, list(range(1, len(data) + 1)))


def read_jsonl(path: Path, sheet: str | None) -> Table:
    """One JSON object per line (row N = line N; blank lines skipped)."""
    head = _sniff(path)
    _reject_binary(path, head, "JSON lines")
    items: list[Any] = []
    numbering: list[int] = []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ReadError(t("read_jsonl_utf8")) from None
    for n, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line, parse_float=Decimal, object_pairs_hook=_object))
        except json.JSONDecodeError as exc:
            raise ReadError(t("read_jsonl_syntax", msg=exc.msg, column=exc.colno), n) from None
        except (ValueError, RecursionError) as exc:  # a 4300+ digit integer; nesting too deep
            raise ReadError(t("read_json_cannot", why=_short(exc)), n) from None
        numbering.append(n)
    return _json_rows(items, numbering)


CORE_READERS = (
    Reader("csv", (".csv",), read_csv),
    Reader("xlsx", (".xlsx", ".xlsm"), read_xlsx),
    Reader("sheets", (".xls", ".xlsb", ".ods"), read_sheet),
    Reader("json", (".json",), read_json),
    Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl),
)
