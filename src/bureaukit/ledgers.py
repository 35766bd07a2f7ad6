"""Reading ledgers 台账 into records (CORE §5): headers in Chinese or English, every cell
converted by its field's type, references and keys checked, every problem collected as
``FILE:ROW: column: message``."""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_left
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from decimal import Decimal
from itertools import chain, islice, repeat
from operator import attrgetter, getitem, itemgetter
from pathlib import Path
from typing import Any

import attrs

from bureaukit.cells import CellError, converter_for, is_empty
from bureaukit.columns import (
    MEMO_LIMIT,
    TEXT_OR_NONE,
    ColumnBuilder,
    Plan,
    column_builder,
    empty_of,
    is_text,
)
from bureaukit.files import MAX_LEDGER_BYTES, FileRefused, check_regular
from bureaukit.messages import language, reason, t
from bureaukit.problems import Problem
from bureaukit.provenance import Provenance
from bureaukit.readers import Reader, ReadError, Table
from bureaukit.records import FieldSpec, RecordSpec
from bureaukit.text import canonical, quoted, spellings, visible

MAX_PROBLEMS_KEPT = 10_000
MAX_COLUMNS = 16_384
"""The most header cells a ledger may have: Excel's own limit (column XFD). Real ledgers
have a few dozen; a header row of millions of cells (a line of commas) is refused before
any cell of it is matched."""
MAX_HEADER_HINTS = 20
"""Unknown headers given a did-you-mean (difflib); the rest are reported without one."""
MAX_HINT_LENGTH = 100
"""A header text longer than this gets no did-you-mean (no real header is that long)."""
_UNIT_SUFFIX = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
HEADER_SEARCH = 10
"""The header is looked for in a sheet's first rows (title rows above it are skipped)."""
BOOKKEEPING_COLUMNS = ("序号", "备注", "说明")
"""Columns nearly every 台账 keeps and no rule reads (``[ledgers] ignore_columns`` replaces them)."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters no clerk types; tab and the line breaks of a multi-line cell are kept."""


def display_path(path: Path) -> str:
    """A path as a user at this shell would type it: relative below the current
    directory, in full anywhere else (``../x`` depends on where one stands, and a
    message read later or in a log must not)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


@attrs.define
class Problems:
    """Problems collected across all files; only the first MAX_PROBLEMS_KEPT are kept."""

    kept: list[Problem] = attrs.Factory(list)
    count: int = 0
    notes: list[Problem] = attrs.Factory(list)
    """What ``check`` names without failing: rows skipped above a header, totals rows,
    footer lines, a totals row disagreeing with its rows (a warning)."""

    def add(self, problem: Problem) -> None:
        self.count += 1
        if len(self.kept) < MAX_PROBLEMS_KEPT:
            self.kept.append(problem)

    def at(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.add(Problem(message, file, row, column))

    def note(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.notes.append(Problem(message, file, row, column))

    @property
    def lines(self) -> list[str]:
        """The kept problems, one line each."""
        return list(map(str, self.kept))


@attrs.frozen
class Source:
    """One ledger file as the config names it (``ledgers/x.xlsx#Sheet``)."""

    written: str
    """As written in the config, without the sheet: evidence cites this."""
    path: Path
    sheet: str | None

    @classmethod
    def parse(cls, written: str, root: Path, moved: Mapping[str, Path] | None = None) -> Source:
        """The file *written* names, against the config's folder *root*; a name in *moved*
        is read from where that says, while evidence still cites it as written. A
        backslash separates folders on every system, as on Windows (``ledgers\\a.csv``):
        a config written there reads the same files on a Linux server."""
        name, _, sheet = written.partition("#")
        cited = name.replace("\\", "/")
        p = Path(cited)
        path = moved[cited] if moved and cited in moved else p if p.is_absolute() else root / p
        return cls(cited, path, sheet or None)

    @property
    def shown(self) -> str:
        return display_path(self.path)


def listed_twice(sources: Sequence[Source]) -> tuple[list[Source], list[str]]:
    """The sources without a file (and sheet) a kind lists twice, after resolving the
    paths, and a problem for each repeat: read twice, every record of it would count twice
    (a keyless ledger has no duplicate key to catch it)."""
    seen: dict[tuple[Path, str | None], Source] = {}
    once: list[Source] = []
    twice: list[str] = []
    for src in sources:
        try:
            where = (src.path.resolve(), src.sheet)
        except OSError:  # a loop of links: the reader reports the file
            once.append(src)
            continue
        first = seen.setdefault(where, src)
        if first is src:
            once.append(src)
        else:
            also = "" if first.written == src.written else t("listed_twice_as", first=quoted(first.written))
            twice.append(t("listed_twice", file=quoted(src.written), also=also))
    return once, twice


def header_key(text: str) -> str:
    """A header as it is matched: canonical form without any whitespace inside (a header
    wrapped with Alt+Enter, ``项目⏎名称``, is ``项目名称``), case folded."""
    return "".join(canonical(text).split()).casefold()


def header_lookup(spec: RecordSpec) -> dict[str, FieldSpec]:
    lookup: dict[str, FieldSpec] = {}
    for f in spec.fields:
        for h in (f.name, f.label, *f.aliases, f.en):
            lookup[header_key(h)] = f
    return lookup


def _match_header(text: str, lookup: Mapping[str, FieldSpec]) -> FieldSpec | None:
    key = header_key(text)
    hit = lookup.get(key)
    if hit is None and key.endswith("*"):
        hit = lookup.get(key.rstrip("*"))
    if hit is None:
        # "合同投资额(万元)": a unit in brackets after a known header
        bare = _UNIT_SUFFIX.sub("", key)
        if bare != key:
            hit = lookup.get(bare)
    return hit


def _header_hint(text: str, lookup: Mapping[str, FieldSpec]) -> str:
    """`` (did you mean "受理日期" / "received"?)`` for an unknown header, or "".

    difflib's cost grows with the square of the text's length: a header longer than
    any real one gets no suggestion (a 5000-character cell is no misspelt header)."""
    key = text.strip().casefold()
    if len(key) > MAX_HINT_LENGTH:
        return ""
    import difflib

    near = difflib.get_close_matches(key, list(lookup), n=1, cutoff=0.5)
    if not near:
        return ""
    fs = lookup[near[0]]
    return t("did_you_mean", word=f'"{fs.label}" / "{fs.name}"')


def near_hint(word: str, known: Iterable[str]) -> str:
    """`` (did you mean "ygs"?)`` naming the nearest of *known*, or "". A word longer
    than any real id or name gets none: difflib's cost grows with its square."""
    if len(word) > MAX_HINT_LENGTH:
        return ""
    import difflib

    match = difflib.get_close_matches(word, [k for k in known if len(k) <= MAX_HINT_LENGTH * 2], n=1)
    return t("did_you_mean", word=quoted(match[0])) if match else ""


def _too_wide(hrow: int | None, n: int, shown: str, problems: Problems) -> None:
    problems.at(shown, hrow, None, t("too_wide", n=n, most=MAX_COLUMNS))


def _close(rows: Any) -> None:
    """Let a table's row generator close its file without reading on."""
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def _known_headers(spec: RecordSpec) -> str:
    return ", ".join(f"{f.label} ({f.name})" for f in spec.fields)


def read_kind(
    spec: RecordSpec,
    sources: Sequence[Source],
    readers: Mapping[str, Reader],
    problems: Problems,
    provenance: Provenance,
    progress: Callable[[int], None] | None = None,
    ignore: Collection[str] = BOOKKEEPING_COLUMNS,
) -> list[Any]:
    """Every record of one kind from its files, in file then row order.

    *ignore* are the bookkeeping headers (``[ledgers] ignore_columns``) whose columns
    are not read."""
    records: list[Any] = []
    lookup = header_lookup(spec)
    ignore_keys = frozenset(map(header_key, ignore))
    for src in sources:
        table = _open(src, readers, problems)
        if table is not None:
            records.extend(read_table(spec, src, src.shown, table, lookup, problems, provenance, progress, ignore_keys))
    return records


SAVE_AS = {".et": "no_reader_et", ".ett": "no_reader_et", ".numbers": "no_reader_numbers",
           ".txt": "no_reader_text", ".tsv": "no_reader_text", ".prn": "no_reader_text"}
"""Files clerks keep that no reader reads, and the message saying how to save them."""


def _no_reader(path: Path, suffix: str, readers: Mapping[str, Reader]) -> str:
    """Why no reader takes *path*: a folder, a WPS or Numbers file (saved how), or a suffix
    no reader knows."""
    if path.is_dir():
        return t("file_folder", what=t("what_ledger"))
    named = quoted(suffix) if suffix else t("no_suffix_quoted")
    text = t("no_reader", suffix=named, known=", ".join(sorted(readers)))
    return t("no_reader_how", text=text, how=t(SAVE_AS[suffix])) if suffix in SAVE_AS else text


def _open(src: Source, readers: Mapping[str, Reader], problems: Problems) -> Table | None:
    shown = src.shown
    suffix = src.path.suffix.lower()
    reader = readers.get(suffix)
    if reader is None:
        problems.at(shown, None, None, _no_reader(src.path, suffix, readers))
        return None
    # only a regular file of bounded size reaches a reader (a FIFO would block it)
    try:
        check_regular(src.path, MAX_LEDGER_BYTES)
    except FileNotFoundError:
        problems.at(shown, None, None, t("no_such_file", path=src.path))
        return None
    except FileRefused as exc:
        problems.at(shown, None, None, exc.message)
        return None
    except OSError as exc:
        problems.at(shown, None, None, t("cannot_read", reason=reason(exc)))
        return None
    try:
        return reader.read(src.path, src.sheet)
    except ReadError as exc:
        problems.at(shown, exc.row, None, exc.message)
    except OSError as exc:
        problems.at(shown, None, None, t("cannot_read", reason=reason(exc)))
    return None


def has_control(text: str) -> bool:
    """True when *text* holds a control character other than tab and line breaks (a
    multi-line cell keeps those): NUL, ESC, … are never a clerk's text."""
    return _CONTROL.search(text) is not None


def _control_problem(text: str) -> str:
    m = _CONTROL.search(text)
    assert m is not None
    return t("control_char", code=ord(m.group()), cell=quoted(_short(text)))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _required_hits(cells: Sequence[Any], lookup: Mapping[str, FieldSpec]) -> int:
    """How many of a kind's required columns a row's cells name."""
    names = set()
    for c in cells:
        if isinstance(c, str) and c.strip():
            f = _match_header(c, lookup)
            if f is not None and f.required:
                names.add(f.name)
    return len(names)


def _first_text(cells: Sequence[Any]) -> str:
    """The first non-empty cell of a row, as text (for totals rows, footers, messages)."""
    for c in cells:
        if c is not None and not (c.__class__ is str and not c.strip()):
            return str(c).strip()
    return ""


def _find_header(
    spec: RecordSpec, table: Table, lookup: Mapping[str, FieldSpec], ignore: Collection[str], shown: str,
    problems: Problems,
) -> tuple[int | None, list[str], Iterator[tuple[int, list[Any]]]] | None:
    """The header row: the first of the first HEADER_SEARCH rows naming at least half of
    the kind's required columns (CORE §5 *Title rows*); rows above it are named as skipped;
    with its second row, if it has one (:func:`_second_header`). Returns (header row,
    header cells, the rows below it), or None after reporting."""
    rows = iter(table.rows)
    if table.header_row is None:  # json, inline tables: the keys are the header
        return None, table.header, rows
    required = [f for f in spec.fields if f.required]
    need = max(1, (len(required) + 1) // 2)
    seen: list[tuple[int, list[Any]]] = [(table.header_row, list(table.header))]
    while True:
        rownum, cells = seen[-1]
        if _required_hits(cells, lookup) >= need:
            break
        try:
            more = next(rows, None) if len(seen) < HEADER_SEARCH else None
        except ReadError as exc:  # a row the reader cannot read while the header is sought
            problems.at(shown, exc.row, None, exc.message)
            return None
        if more is None:
            _no_header(spec, seen, shown, problems)
            _drain(rows, shown, problems)
            return None
        seen.append(more)
    for skipped, above in seen[:-1]:
        if text := _first_text(above):
            problems.note(shown, skipped, None, t("skipped_above_header", text=quoted(_short(text))))
    header = ["" if c is None else str(c) for c in cells]
    try:
        below = next(rows, None)
    except ReadError as exc:
        problems.at(shown, exc.row, None, exc.message)
        return None
    two_rows = None if below is None else _second_header(header, below[1], lookup, ignore)
    if two_rows is not None:
        assert below is not None
        header, from_below = two_rows
        problems.note(shown, below[0], None, t("second_header_row", first=rownum, columns="、".join(from_below)))
    elif below is not None:
        rows = chain([below], rows)
    # a cell right of the last header is no column's: the row reports it (never dropped)
    while header and not header[-1].strip():
        header.pop()
    if len(seen) > 1:
        _check_title_unit(seen[:-1], header, lookup, shown, problems)
    return rownum, header, rows


def _second_header(
    header: Sequence[str], below: Sequence[Any], lookup: Mapping[str, FieldSpec], ignore: Collection[str]
) -> tuple[list[str], list[str]] | None:
    """The header's second row, as clerks draw two-row headers (docs/decisions.md): a
    group title over the columns it spans (``投资额（万元）`` merged over ``合同投资额`` and
    ``计划固定资产投资``), the other columns' names merged down or left blank below; or a
    row of units under the names (``（万元）`` under ``合同投资额``).

    The row right under the header is its second row when every cell in it names a column
    of this kind (or a bookkeeping column) or is a unit under a column's name, at least one
    adds to the first row (a name under a blank or a group title, or a unit), and no name
    stands under a different column's name. Returns (each column's header as read; the
    second-row headers read), or None. A group title's money unit goes with the money
    columns under it, up to the next titled column, so ``（元）`` over a column read in 万元
    is still a clash."""
    top = [*header, *[""] * (len(below) - len(header))]
    adds = False
    for above, c in zip(top, below, strict=False):
        if is_empty(c):
            continue
        role = _under(above, c, lookup, ignore)
        if role is None:
            return None  # a value, not a header: a record
        adds = adds or role != "same"
    return _combined(top, below, lookup, ignore) if adds else None


_UNIT_NOTE = re.compile(r"\s*(?:[(（][^()（）]{1,8}[)）]|千元|十万元|百万元|千万元|亿元|万元|元)\s*")
"""A cell that only gives its column's unit: ``（万元）``, ``(个)``, ``万元``."""


def _under(above: str, c: Any, lookup: Mapping[str, FieldSpec], ignore: Collection[str]) -> str | None:
    """What second-row cell *c* is under header cell *above*: ``"name"`` (a column's name
    under a blank or a group title), ``"unit"`` (a unit under a column's name), ``"same"``
    (the name above again: merged down), or None (a record's value)."""
    if c.__class__ is not str:
        return None
    g = _match_header(above, lookup) if above.strip() else None
    if _UNIT_NOTE.fullmatch(c):
        return "unit" if g is not None else None
    f = _match_header(c, lookup)
    if f is None and header_key(c) not in ignore:
        return None
    if g is None and header_key(above) not in ignore:
        return "name"
    return "same" if g is f else None


def _combined(
    top: Sequence[str], below: Sequence[Any], lookup: Mapping[str, FieldSpec], ignore: Collection[str]
) -> tuple[list[str], list[str]]:
    combined, read, unit = [], [], ""
    for i, above in enumerate(top):
        if above.strip():  # a group title's unit, carried over the blanks it is merged across
            titled = _match_header(above, lookup) is None and header_key(above) not in ignore
            m = _UNIT_SUFFIX.search(above) if titled else None
            unit = m.group().strip() if m else ""
        c = str(below[i]).strip() if i < len(below) and not is_empty(below[i]) else ""
        if not c:
            name = above
        elif _UNIT_NOTE.fullmatch(c):
            name = above.strip() + (c if c[0] in "(（" else f"（{c}）")
        else:
            f = _match_header(c, lookup)
            money = f is not None and _field_unit(f) is not None
            name = f"{c}{unit}" if unit and money and not _UNIT_SUFFIX.search(c) else c
        combined.append(name)
        if header_key(name) != header_key(above):
            read.append(_header_shown(name))
    return combined, read


_TITLE_UNIT = re.compile(r"单位\s*:\s*(?:人民币)?\s*(千元|十万元|百万元|千万元|亿元|万元|元)(?!\w)")
"""A title line giving the sheet's money unit (``单位：万元``), after NFKC; not a 填报单位
whose name begins with 元 (``填报单位：元宝山区交通运输局``)."""


def _check_title_unit(
    above: list[tuple[int, list[Any]]], header: list[str], lookup: Mapping[str, FieldSpec], shown: str, problems: Problems
) -> None:
    """A title line above the header saying ``单位：元`` over a sheet whose money columns
    are all read in 万元 (or the reverse) is an error: every figure would be read 10,000
    times too large or small. A sheet whose money headers name their unit is left to them."""
    units: set[str] = set()
    for text in header:
        f = _match_header(text, lookup) if text.strip() else None
        unit = _field_unit(f) if f is not None else None
        if unit is not None:
            if _UNIT_SUFFIX.search(text):
                return  # 合同投资额(万元): the header says it, and is checked itself
            units.add(unit)
    for rownum, cells in above if units else ():
        for c in cells:
            m = _TITLE_UNIT.search(unicodedata.normalize("NFKC", c)) if c.__class__ is str else None
            if m and m.group(1) not in units:
                problems.at(shown, rownum, None, t("title_unit", text=quoted(_short(c)), said=m.group(1),
                                                   unit="、".join(sorted(units))))
                return


SHOWN_CELLS = 8
"""Cells of a row a message quotes: a row of thousands of cells is one line, not a page."""


def _row_shown(cells: Sequence[Any]) -> str:
    filled = [c for c in cells if not is_empty(c)]
    shown = " | ".join(quoted(_short(str(c), 20)) for c in filled[:SHOWN_CELLS])
    return shown + (f" | … ({t('n_cells', n=len(filled))})" if len(filled) > SHOWN_CELLS else "")


def _no_header(spec: RecordSpec, seen: Sequence[tuple[int, list[Any]]], shown: str, problems: Problems) -> None:
    required = ", ".join(f"{f.label} ({f.name})" for f in spec.fields if f.required)
    first = t("reason_sep").join(t("row_n", n=n, cells=_row_shown(cells)) for n, cells in seen[:3]
                                 if any(not is_empty(c) for c in cells))
    problems.at(shown, None, None, t("no_header", n=HEADER_SEARCH, required=required, first=first or t("empty_mark")))


def _drain(rows: Iterable[tuple[int, list[Any]]], shown: str, problems: Problems) -> None:
    """Read a table to its end so its file handle closes; a row it cannot read is reported."""
    try:
        for _ in rows:
            pass
    except ReadError as exc:
        problems.at(shown, exc.row, None, exc.message)


@attrs.define
class Columns:
    """A header matched to a kind's fields: which cell holds which field, which cells are
    read by nobody (bookkeeping 序号/备注/说明 columns, columns without a header)."""

    fields: dict[str, int] = attrs.Factory(dict)
    shown: dict[str, str] = attrs.Factory(dict)
    ignored: list[int] = attrs.Factory(list)
    unnamed: list[int] = attrs.Factory(list)
    bad: bool = False


def _match_columns(
    spec: RecordSpec,
    header: Sequence[str],
    hrow: int | None,
    lookup: Mapping[str, FieldSpec],
    ignore: Collection[str],
    shown: str,
    problems: Problems,
) -> Columns:
    cols = Columns()
    unknown = 0
    for i, text in enumerate(header):
        text = "" if text is None else str(text)
        if not text.strip():
            cols.unnamed.append(i)
            continue
        shown_text = _header_shown(text)
        if has_control(text):
            problems.at(shown, hrow, t("column_n", n=i + 1), _control_problem(text))
            cols.bad = True
            continue
        f = _match_header(text, lookup)
        if f is None and header_key(text) in ignore:
            cols.ignored.append(i)
            continue
        if f is None:
            unknown += 1
            _unknown_column(spec, text, hrow, lookup, shown, problems, hint=unknown <= MAX_HEADER_HINTS)
            cols.bad = True
        elif clash := _unit_clash(text, f):
            problems.at(shown, hrow, shown_text, t("column_unit", said=clash[0], unit=clash[1], label=f.label))
            cols.shown[f.name] = shown_text  # the column is there, in the wrong unit: not "missing"
            cols.bad = True
        elif f.name in cols.shown:
            problems.at(shown, hrow, shown_text, t("column_twice", name=f.name, other=quoted(cols.shown[f.name])))
            cols.bad = True
        else:
            cols.shown[f.name] = shown_text
            cols.fields[f.name] = i
    for f in spec.fields:
        if f.required and f.name not in cols.shown:
            problems.at(shown, hrow, f.label, t("column_missing", label=f.label, name=f.name))
            cols.bad = True
    return cols


MONEY_UNITS = frozenset({"元", "千元", "万元", "十万元", "百万元", "千万元", "亿元", "万", "亿"})
"""Money units a header may name in brackets (``金额(元)``)."""
FIELD_UNITS = (("_wan", "万元"), ("_yuan", "元"))
"""A money field's unit, by the ending of its name (CORE §4)."""


def _field_unit(f: FieldSpec) -> str | None:
    """The money unit a field is read in (万元, 元), None for any other field."""
    return next((u for end, u in FIELD_UNITS if f.name.endswith(end)), None)


def _unit_clash(text: str, f: FieldSpec) -> tuple[str, str] | None:
    """(the unit the header names, the field's unit) when a header names a money unit in
    brackets that is not its field's: ``合同投资额（元）`` over a column read in 万元 would
    read every figure 10,000 times too large."""
    unit = _field_unit(f)
    m = _UNIT_SUFFIX.search(text) if unit else None
    if unit is None or m is None:
        return None
    said = "".join(unicodedata.normalize("NFKC", m.group()).split()).strip("()")
    said = said.removeprefix("单位:").removeprefix("人民币")
    return (said, unit) if said in MONEY_UNITS and said != unit else None


def _header_shown(text: str) -> str:
    """A header on one line, as messages name its column: a Chinese header wrapped with
    Alt+Enter (``金⏎额``) joined up, other words kept apart by one space."""
    parts = text.split()
    return " ".join(parts) if any(p.isascii() for p in parts) else "".join(parts)


def _unknown_column(
    spec: RecordSpec, text: str, hrow: int | None, lookup: Mapping[str, FieldSpec], shown: str, problems: Problems,
    hint: bool = True,
) -> None:
    """An unknown header; with *hint*, the nearest known one (only the first
    MAX_HEADER_HINTS unknown headers of a file get one: each is a difflib pass)."""
    near = _header_hint(header_key(text), lookup) if hint else ""
    problems.at(shown, hrow, visible(_header_shown(text)), t("unknown_column", near=near, known=_known_headers(spec)))


def read_table(
    spec: RecordSpec,
    src: Source,
    shown: str,
    table: Table,
    lookup: Mapping[str, FieldSpec],
    problems: Problems,
    provenance: Provenance,
    progress: Callable[[int], None] | None,
    ignore: Collection[str] = frozenset(map(header_key, BOOKKEEPING_COLUMNS)),
    column_wise: bool = True,
) -> list[Any]:
    """The records of one table, in row order, its problems into *problems* and their
    origins into *provenance*. *column_wise* False reads every row with the row builder
    (the plain path the column-wise one is tested against)."""
    if len(table.header) > MAX_COLUMNS:
        _too_wide(table.header_row, len(table.header), shown, problems)
        _close(table.rows)
        return []
    found = _find_header(spec, table, lookup, ignore, shown, problems)
    if found is None:
        return []
    hrow, header, rows = found
    if len(header) > MAX_COLUMNS:
        _too_wide(hrow, len(header), shown, problems)
        _close(rows)
        return []
    cols = _match_columns(spec, header, hrow, lookup, ignore, shown, problems)
    if cols.bad:
        _drain(rows, shown, problems)
        return []
    # a plan per field, in attrs order: (cell index or None, header shown, converter, field)
    plan: list[tuple[int | None, str, Callable[[Any], Any], FieldSpec]] = [
        (cols.fields.get(f.name), cols.shown.get(f.name, f.label), converter_for(f, table.date1904), f) for f in spec.fields
    ]
    sheet = Sheet(shown, len(header), cols.unnamed, plan, table.controls, header=tuple(map(header_key, header)))
    out: list[Any] = []
    row_numbers: list[int] = []
    n_done = 0
    by_columns = column_builder(plan, spec.cls, table.texts) if column_wise else None
    try:
        n_done = _read_rows(rows, row_builder(plan, spec.cls), by_columns, sheet, problems, out, row_numbers, progress)
    except ReadError as exc:
        problems.at(shown, exc.row, None, exc.message)
    sheet.finish(problems)
    if table.hidden:
        _note_hidden(table.hidden, row_numbers, shown, problems)
    provenance.add(src.written, out, row_numbers)
    if progress is not None:
        progress(n_done % 10_000)
    return out


def _note_hidden(hidden: Sequence[int], row_numbers: Sequence[int], shown: str, problems: Problems) -> None:
    """``check`` names the records read from rows the workbook hides (by hand or by a
    filter): they count like any other row (docs/decisions.md), which the clerk who hid
    them may not expect. *row_numbers* are ascending."""
    read = [r for r in sorted(set(hidden)) if (i := bisect_left(row_numbers, r)) < len(row_numbers) and row_numbers[i] == r]
    if read:
        rows = ", ".join(map(str, read[:10])) + ("…" if len(read) > 10 else "")
        problems.note(shown, read[0], None, t("hidden_rows", rows=rows, n=len(read)))


TOTALS_WORDS = frozenset({"合计", "小计", "总计", "total", "totals", "subtotal", "grandtotal"})
"""The first non-empty cell of a totals row (CORE §5 *Totals and footers*), as header_key gives it."""
_SUBTOTAL = frozenset({"小计", "subtotal"})
_TOTALS_CJK = frozenset("合小总")
_TOTALS_ASCII = frozenset({"total", "subto", "grand"})
_FOOTER = re.compile(r"^\s*(制表人|制表|填表人|填报人|审核人|审核|复核人|负责人|单位负责人|分管领导|联系人|联系电话|填报日期|制表日期|报送日期|日期)\s*[:：]")
"""A footer line under a 台账 (制表人：张三, 填报日期：…)."""


@attrs.define
class Sheet:
    """One table being read: its width, its header-less columns, and the totals rows and
    footer lines met so far (named by ``check``, never read as records)."""

    shown: str
    width: int
    unnamed: Sequence[int]
    plan: Plan
    controls: bool
    """The reader saw a control character somewhere: cells are checked row by row."""
    group_start: int = 0
    """Index in the records read of the first row a 小计 closes."""
    all_start: int = 0
    """… and of the first row a 合计 closes."""
    footers: list[tuple[int, str]] = attrs.Factory(list)
    unnamed_cells: dict[int, int] = attrs.Factory(dict)
    header: tuple[str, ...] = ()
    """The header cells as matched (:func:`header_key`), to see a row repeating them."""

    def repeats_header(self, cells: list[Any]) -> bool:
        """A row that is the header again (a block pasted below the table with its header)."""
        return bool(self.header) and tuple(header_key(c) if c.__class__ is str else "" for c in cells) == self.header

    def fit(self, rownum: int, cells: list[Any], problems: Problems) -> list[Any] | None:
        """The row padded or cut to the header's width; None (reported) when a cell lies
        right of the header: never drop data silently (an unquoted "1,234" lands here)."""
        width = self.width
        if len(cells) < width:
            return [*cells, *([None] * (width - len(cells)))]
        extra = [i for i in range(width, len(cells)) if not is_empty(cells[i])]
        if extra:
            problems.at(self.shown, rownum, t("column_n", n=extra[0] + 1),
                        t("more_cells", last=extra[-1] + 1, width=width))
            return None
        return cells[:width]

    def controls_in(self, rownum: int, cells: list[Any], problems: Problems) -> bool:
        bad = False
        for i, c in enumerate(cells):
            if c.__class__ is str and has_control(c):
                problems.at(self.shown, rownum, self._header_of(i), _control_problem(c))
                bad = True
        return bad

    def _header_of(self, i: int) -> str:
        for idx, header, _, _ in self.plan:
            if idx == i:
                return header
        return t("column_n", n=i + 1)

    def count_unnamed(self, cells: list[Any]) -> None:
        for i in self.unnamed:
            if not is_empty(cells[i]):
                self.unnamed_cells[i] = self.unnamed_cells.get(i, 0) + 1

    def columns_of(self, rows: list[list[Any]]) -> list[tuple[Any, ...]] | None:
        """The cells of *rows* column by column, cut to the header's width, when every
        row is plainly a record's shape: the header's width (or wider by empty cells
        only, as Excel saves a sheet with formatted columns on the right), not blank, no
        control character, and a first cell that cannot open a totals row. Else None:
        the row builder reads them, and reports or skips what is no record."""
        widths = set(map(len, rows))
        if len(widths) != 1 or widths.pop() < self.width:
            return None  # a short or a ragged row: fit() pads, cuts or reports it
        if not all(map(any, rows)):
            return None  # a row of empty cells
        if self.controls and _controls_in(rows):
            return None
        columns = list(zip(*rows, strict=True))
        if _any_cell(columns[self.width:]) or _may_close_any(columns[0]):
            return None  # a cell right of the header; a totals row or a blank first cell
        return columns[: self.width]

    def count_unnamed_columns(self, columns: Sequence[Sequence[Any]]) -> None:
        """:meth:`count_unnamed` for every row of a chunk read column by column."""
        for i in self.unnamed:
            if n := sum(1 for c in columns[i] if not is_empty(c)):
                self.unnamed_cells[i] = self.unnamed_cells.get(i, 0) + n

    def closing(self, rownum: int, cells: list[Any], out: list[Any], problems: Problems) -> bool:
        """True when the row is a totals row or a footer line (handled here)."""
        text = _first_text(cells)
        key = header_key(text).rstrip(":：")  # 合计： as clerks often write it
        if key in TOTALS_WORDS:
            self._totals(rownum, text, key, cells, out, problems)
            return True
        if _FOOTER.match(text):
            self.footers.append((rownum, text))
            return True
        return False

    def record_after_footer(self, problems: Problems) -> None:
        """A record below a footer line: that line was no footer."""
        for rownum, text in self.footers:
            problems.at(self.shown, rownum, None, t("footer_then_records", text=quoted(_short(text))))
        self.footers.clear()

    def _totals(self, rownum: int, text: str, key: str, cells: list[Any], out: list[Any], problems: Problems) -> None:
        start = self.group_start if key in _SUBTOTAL else self.all_start
        closed = out[start:]
        problems.note(self.shown, rownum, None, t("totals_skipped", text=quoted(text), n=len(closed)))
        for idx, header, conv, f in self.plan:
            if idx is None or f.many or f.base not in (Decimal, int) or is_empty(cells[idx]):
                continue
            try:
                said = conv(cells[idx])
            except CellError:
                continue
            total = sum((getattr(r, f.name) or 0 for r in closed), Decimal(0))
            if said != total:
                problems.note(self.shown, rownum, header,
                              t("totals_differ", text=quoted(text), said=said, n=len(closed), total=total))
        self.group_start = len(out)
        if key not in _SUBTOTAL:
            self.all_start = len(out)

    def finish(self, problems: Problems) -> None:
        for rownum, text in self.footers:
            problems.note(self.shown, rownum, None, t("footer_skipped", text=quoted(_short(text))))
        for i, n in sorted(self.unnamed_cells.items()):
            problems.note(self.shown, None, t("column_n", n=i + 1), t("no_header_cells", n=n))


def _looks_like_totals(cells: list[Any]) -> bool:
    """A cheap first test on a row that made a record: could it be a totals row? A number,
    or a text not starting like 合计/小计/总计/Total, in the first cell cannot; an empty
    first cell (a blank 序号) sends the row to the full test."""
    return _may_close(cells[0])


def _may_close(c: Any) -> bool:
    """:func:`_looks_like_totals` of a row whose first cell is *c*."""
    if c.__class__ is not str:
        return c is None
    if not c:
        return True
    ch = c[0]
    if ch in _TOTALS_CJK:
        return True
    if ch in "TtSsGg":
        return c[:5].lower() in _TOTALS_ASCII
    return ch.isspace()


_HEAD = slice(0, 1)
_PREFIX = slice(0, 5)
_ASCII_TOTALS = frozenset("TtSsGg")


def _may_close_any(first: Sequence[Any]) -> bool:
    """:func:`_may_close` of any cell of a first column. It reads a cell's first character
    and, after T, S or G, its first five: it is asked once per distinct one of those (a
    column of keys, XM-0000001…, has a few), the slicing done in C."""
    try:
        heads = set(map(getitem, first, repeat(_HEAD)))  # "" for an empty cell
        if any(map(_may_close, heads - _ASCII_TOTALS)):
            return True
        return not heads.isdisjoint(_ASCII_TOTALS) and any(map(_may_close, set(map(getitem, first, repeat(_PREFIX)))))
    except TypeError:  # a workbook's numbers (序号) or empty cells
        return any(map(_may_close, first))


def _any_cell(columns: Sequence[Sequence[Any]]) -> bool:
    """Whether a cell of *columns* is not empty as the row builder reads it
    (:func:`~bureaukit.cells.is_empty`): a workbook's 0 or FALSE right of the header is a
    cell, though falsy (``fit`` reports it; dropping it would lose data silently)."""
    return any(any(column) or not set(map(type, column)) <= TEXT_OR_NONE for column in columns)


def _controls_in(rows: Iterable[list[Any]]) -> bool:
    """Whether any text cell of *rows* may hold a control character (the row builder's
    test then finds which), the search run in C over the texts joined."""
    try:
        return has_control("\n".join(chain.from_iterable(rows)))
    except TypeError:  # a workbook's numbers and dates: only its texts can hold one
        return any(c.__class__ is str and has_control(c) for c in chain.from_iterable(rows))


CHUNK_ROWS = 1024
"""Rows read column by column at a time: enough that the columns' setup is no cost, few
enough that a bad row sends only its neighbours to the row builder."""


def _read_rows(
    rows: Iterable[tuple[int, list[Any]]],
    build: RowBuilder,
    by_columns: ColumnBuilder | None,
    sheet: Sheet,
    problems: Problems,
    out: list[Any],
    row_numbers: list[int],
    progress: Callable[[int], None] | None,
) -> int:
    """:func:`_convert_rows` of every row, a chunk at a time: column by column where a
    chunk is clean (*by_columns*; None reads every row with the row builder)."""
    if by_columns is None:
        return _convert_rows(rows, build, sheet, problems, out, row_numbers, progress, 0)
    it = iter(rows)
    n_done = 0
    while True:
        chunk: list[tuple[int, list[Any]]] = []
        try:
            # extend keeps the rows read before one the reader cannot read: those are read
            # (and their problems named) before the reader's error, as row by row
            chunk.extend(islice(it, CHUNK_ROWS))
        except ReadError:
            _read_chunk(chunk, build, by_columns, sheet, problems, out, row_numbers, progress, n_done)
            raise
        if not chunk:
            return n_done
        n_done = _read_chunk(chunk, build, by_columns, sheet, problems, out, row_numbers, progress, n_done)


def _read_chunk(
    chunk: list[tuple[int, list[Any]]],
    build: RowBuilder,
    by_columns: ColumnBuilder,
    sheet: Sheet,
    problems: Problems,
    out: list[Any],
    row_numbers: list[int],
    progress: Callable[[int], None] | None,
    n_done: int,
) -> int:
    columns = sheet.columns_of(list(map(itemgetter(1), chunk)))
    records = None if columns is None else by_columns.records(columns, len(chunk))
    if records is None:  # not all clean: row by row, every problem reported
        return _convert_rows(chunk, build, sheet, problems, out, row_numbers, progress, n_done)
    assert columns is not None
    if sheet.unnamed:
        sheet.count_unnamed_columns(columns)
    if sheet.footers:
        sheet.record_after_footer(problems)
    out.extend(records)
    row_numbers.extend(map(itemgetter(0), chunk))
    if progress is None:
        return n_done
    for _ in range(n_done // 10_000, (n_done + len(records)) // 10_000):
        progress(10_000)
    return n_done + len(records)


def _convert_rows(
    rows: Iterable[tuple[int, list[Any]]],
    build: RowBuilder,
    sheet: Sheet,
    problems: Problems,
    out: list[Any],
    row_numbers: list[int],
    progress: Callable[[int], None] | None,
    n_done: int,
) -> int:
    """Rows into records (appended to *out*, their row numbers to *row_numbers*), problems
    into *problems*; returns *n_done* plus the records made, for *progress*."""
    keep = out.append
    keep_row = row_numbers.append
    width = sheet.width
    for rownum, cells in rows:
        if len(cells) != width:
            fitted = sheet.fit(rownum, cells, problems)
            if fitted is None:
                continue
            cells = fitted
        # any() stops at the first cell with a value, where counting walks the row twice
        if not any(cells) and cells.count("") + cells.count(None) == width:
            continue
        if sheet.controls and sheet.controls_in(rownum, cells, problems):
            continue
        if sheet.unnamed:
            sheet.count_unnamed(cells)
        rec, errors = build(cells)
        if errors:
            if all(is_empty(c) for c in cells) or sheet.closing(rownum, cells, out, problems):
                continue  # a row of blanks, a totals row, a footer line
            if sheet.repeats_header(cells):
                problems.at(sheet.shown, rownum, None, t("header_repeated"))
                continue
            for header, message in errors:
                problems.at(sheet.shown, rownum, header, message)
            continue
        if _looks_like_totals(cells) and sheet.closing(rownum, cells, out, problems):
            continue
        if sheet.footers:
            sheet.record_after_footer(problems)
        keep(rec)
        keep_row(rownum)
        if progress is not None:
            n_done += 1
            if n_done % 10_000 == 0:
                progress(10_000)
    return n_done

RowBuilder = Callable[[list[Any]], tuple[Any, list[tuple[str | None, str]] | None]]


Step = tuple[int | None, str, Callable[[Any], Any], bool, bool, Any, Callable[[], Any] | None, dict[str, Any]]
"""One field of a row: (cell index or None, header shown, converter, required, text,
empty value, a factory for a fresh empty value, the memo of converted texts)."""


def row_builder(plan: Plan, cls: type) -> RowBuilder:
    """A function turning one row's cells into a record, made once per file: returns
    ``(record, None)`` or ``(None, [(header, message), ...])``, every problem of the row
    in field order. A non-text cell's converted value is remembered per distinct text
    (up to ``MEMO_LIMIT``): a column repeats a few values over thousands of rows."""
    steps: list[Step] = [(idx, header, conv, f.required, is_text(f), *empty_of(f), {}) for idx, header, conv, f in plan]

    def build(cells: list[Any]) -> tuple[Any, list[tuple[str | None, str]] | None]:
        # one loop over the fields with the cases inline: it runs for every cell of a ledger
        errors: list[tuple[str | None, str]] | None = None
        values: list[Any] = []
        v: Any
        for idx, header, conv, required, text, empty, make_empty, memo in steps:
            c = None if idx is None else cells[idx]
            if c.__class__ is str and text:  # text: the cell stripped, empty when only spaces
                if v := c.strip():
                    values.append(v)
                    continue
            elif c.__class__ is str and (v := memo.get(c)) is not None:
                values.append(v)
                continue
            elif c is not None and c != "" and not (c.__class__ is str and c.isspace()):
                try:
                    v = conv(c)
                except CellError as exc:
                    values.append(None)
                    errors = _also(errors, header, str(exc))
                    continue
                if c.__class__ is str and len(memo) < MEMO_LIMIT:
                    memo[c] = v
                values.append(v)
                continue
            # an empty cell, or a column the file leaves out
            if required:
                values.append(None)
                errors = _also(errors, header, t("required_empty"))
            else:
                values.append(empty if make_empty is None else make_empty())
        if errors:
            return None, errors
        try:
            return cls(*values), None
        except Exception as exc:
            return None, [(None, t("invalid_record", why=exc))]

    return build


def _also(errors: list[tuple[str | None, str]] | None, header: str, message: str) -> list[tuple[str | None, str]]:
    return [*(errors or ()), (header, message)]


def canonical_key(key: str) -> str:
    """A record key in the form keys are compared in (CORE §2 *Identity*), each part of a
    key of several fields on its own."""
    if "|" not in key:
        return canonical(key)
    return "|".join(map(canonical, key.split("|")))


@attrs.frozen
class Targets:
    """The people and units a ledger cell may name, as references are checked against
    them: made once per bureau (each campaign's ledgers are checked against the same
    org; with 30,000 people, the canonical form of every id is no small cost)."""

    people: dict[str, str]
    """Canonical form → the person id as the org spells it."""
    units: dict[str, str]
    exact_people: frozenset[str] = attrs.field(init=False)
    exact_units: frozenset[str] = attrs.field(init=False)

    @exact_people.default
    def _exact_people(self) -> frozenset[str]:
        return frozenset(self.people.values())

    @exact_units.default
    def _exact_units(self) -> frozenset[str]:
        return frozenset(self.units.values())

    @classmethod
    def of(cls, people: Iterable[str], units: Iterable[str]) -> Targets:
        return cls(spellings(people), spellings(units))


Where = Callable[[object], tuple[str, "int | None"]]


def check_keys_and_refs(
    kinds: Mapping[str, RecordSpec],
    records: Mapping[str, Sequence[Any]],
    provenance: Provenance,
    shown: Mapping[str, str],
    targets: Targets,
    problems: Problems,
    key_scope: str = "ledger",
) -> None:
    """Duplicate keys (within ``key_scope``) and references to people, units and other kinds.

    Keys and ids are compared in canonical form (CORE §2 *Identity*); a reference spelt
    otherwise than what it names (``ｓ1`` for ``s1``, ``p09<U+200B>`` for ``p09``) is
    rewritten to that spelling in *records* (the record replaced, its origin kept).
    *targets* are the bureau's people and units (:meth:`Targets.of`), made once for all
    its campaigns."""

    def where(rec: object) -> tuple[str, int | None]:
        o = provenance.origin(rec)
        if o is None:
            return "(inline)", None
        return shown.get(o.source, o.source), o.row

    # the kinds another kind refers to: only their keys are needed as spelt
    referenced = {f.ref for spec in kinds.values() for f in spec.fields} if key_scope == "ledger" else set()
    keys: dict[str, Mapping[str, str]] = {}
    for kind, spec in kinds.items():
        report = bool(spec.ledger.key) and spec.ledger.key_scope == key_scope
        if report or (kind in referenced and spec.ledger.key):
            keys[kind] = _keys_of(spec, records.get(kind, ()), report, kind in referenced, where, problems)
        # else no key (nothing to check, nothing to refer to), or one no one here asks for
    if key_scope != "ledger":
        return
    known: Mapping[str, str]
    known_of = {"person": (targets.people, targets.exact_people, t("ref_person")),
                "unit": (targets.units, targets.exact_units, t("ref_unit"))}
    for kind, spec in kinds.items():
        recs = records.get(kind)
        if not recs:
            continue
        if not isinstance(recs, list):
            raise TypeError(f"records[{kind!r}] must be a list: references spelt otherwise are rewritten in it")
        for f in spec.fields:
            if f.ref is None:
                continue
            if f.ref in known_of:
                known, exact, what = known_of[f.ref]
            else:  # another kind's record: named by its ledger's title in Chinese
                ref = kinds.get(f.ref)
                title = ref.ledger.title.get("zh", f.ref) if ref is not None and language() == "zh" else f.ref
                known = keys.get(f.ref, {})
                exact, what = frozenset(known.values()), t("ref_record", kind=title)
            provenance.remade(_resolve_refs(recs, f, known, exact, what, where, problems))


def _keys_of(
    spec: RecordSpec, recs: Sequence[Any], report: bool, spelt: bool, where: Where, problems: Problems
) -> dict[str, str]:
    """Canonical key → the key as spelt by its first record, when *spelt* (another kind
    refers to this one; else empty); duplicates reported when *report* (the kind's key
    scope is the one being checked)."""
    found = spec.keys_of(recs)
    texts = found if None not in found else [k or "" for k in found]
    # keys are read stripped: an ASCII key's canonical form is its lower case (C speed
    # over a million keys, where canonical() one by one costs ~0.5 s)
    canon = list(map(str.lower, texts)) if "".join(texts).isascii() else list(map(canonical_key, texts))  # type: ignore[arg-type]
    n = len(canon)
    # reversed: the first record of a key is set last
    first_spelt = dict(zip(reversed(canon), reversed(texts), strict=True)) if spelt else {}
    if report and len(first_spelt if spelt else set(canon)) != n:
        # canonical key → the index of its first record
        first = dict(zip(reversed(canon), range(n - 1, -1, -1), strict=True))
        _report_duplicates(spec, recs, texts, canon, first, where, problems)  # type: ignore[arg-type]
    return first_spelt  # type: ignore[return-value]


def _report_duplicates(
    spec: RecordSpec,
    recs: Sequence[Any],
    texts: Sequence[str],
    canon: Sequence[str],
    first: Mapping[str, int],
    where: Where,
    problems: Problems,
) -> None:
    """Each duplicate against its key's first row, both spellings shown as typed."""
    cols = "+".join(spec.field(n).label for n in spec.ledger.key)
    for i, c in enumerate(canon):
        j = first[c]
        if j == i:
            continue
        file, row = where(recs[i])
        ffile, frow = where(recs[j])
        same = "" if texts[i] == texts[j] else t("duplicate_same_as", other=quoted(texts[j]))
        problems.at(file, row, cols, t("duplicate_key", key=quoted(texts[i]), same=same, first=f"{ffile}:{frow}"))


def _resolve_refs(
    recs: list[Any],
    f: FieldSpec,
    known: Mapping[str, str],
    exact: frozenset[str],
    what: str,
    where: Where,
    problems: Problems,
) -> list[tuple[object, object]]:
    """Check one reference column of a kind; rewrite references spelt otherwise than the
    id they name to its spelling (the record replaced in *recs*). Returns the
    ``(new, old)`` records, to be found where the old ones were read."""
    # fast path: the distinct values of the column, checked as one set (C speed); only a
    # column with a value not spelt as an id is walked row by row
    getter = attrgetter(f.name)
    if f.many:
        values = {v for t in map(getter, recs) if t is not None for v in t}
    else:
        values = set(map(getter, recs))
        values.discard(None)
    remade: list[tuple[object, object]] = []
    if values <= exact:
        return remade
    hints = MAX_HEADER_HINTS  # a did-you-mean each for the first few unknown values
    for n, rec in enumerate(recs):
        value = getattr(rec, f.name)
        if value is None:
            continue
        fixed = [_resolve(v, exact, known) for v in (value if f.many else (value,))]
        for v, r in zip(value if f.many else (value,), fixed, strict=True):
            if r is None:
                file, row = where(rec)
                hints -= 1
                near = _near(v, known.values()) if hints >= 0 else ""
                problems.at(file, row, f.label, t("unknown_ref", what=what, value=quoted(v), near=near))
        if None in fixed:
            continue
        new = tuple(fixed) if f.many else fixed[0]
        if new != value:
            recs[n] = attrs.evolve(rec, **{f.name: new})
            remade.append((recs[n], rec))
    return remade


def _resolve(value: str, exact: frozenset[str], known: Mapping[str, str]) -> str | None:
    if value in exact:
        return value
    return known.get(canonical(value))


def _near(value: str, known: Iterable[str]) -> str:
    return near_hint(str(value), known)
