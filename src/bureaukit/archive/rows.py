"""Ledger rows that differ between two versions of a file, cell by cell (LIFECYCLE §4).

The two versions are read with the same readers ``score`` uses, so row numbers are
the ones a clerk sees (the header is row 1). Rows are aligned by content
(:class:`difflib.SequenceMatcher`): a row inserted at the top shows as one added
row, not as every later row changed.
"""

from __future__ import annotations

import difflib
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from bureaukit.archive.db import ArchiveError
from bureaukit.messages import t


@attrs.frozen
class CellChange:
    column: str
    before: str
    after: str


@attrs.frozen
class RowChange:
    """One row added, removed or changed. ``row`` is its number in the newer file
    (in the older one for a removed row); ``before_row`` its number in the older."""

    file: str
    kind: str
    """``added``, ``removed`` or ``changed``."""
    row: int
    before_row: int | None
    cells: tuple[CellChange, ...] = ()
    values: tuple[str, ...] = ()
    """An added or removed row's cells."""
    sheet: str | None = None
    """The sheet of a workbook with several (evidence cites the file and row alone)."""

    def line(self) -> str:
        """``ledgers/progress.csv:14: 本年完成固定资产投资 800 → 1200``."""
        if self.kind == "changed":
            what = "; ".join(f"{c.column} {c.before or '∅'} → {c.after or '∅'}" for c in self.cells)
        else:
            what = t("row_added" if self.kind == "added" else "row_removed",
                     values=", ".join(v for v in self.values if v))
        where = self.file if self.sheet is None else f"{self.file}#{self.sheet}"
        return f"{where}:{self.row}: {what}"


@attrs.frozen
class FileChange:
    """A file whose content differs between two runs, with its changed rows."""

    file: str
    rows: tuple[RowChange, ...]
    note: str = ""
    """Why rows are not given (a config file, a format bureaukit cannot read back)."""


def _cell(value: Any) -> str:
    """A cell as the clerk reads it: an xlsx number 200.0 as ``200``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _cells(cells: Sequence[Any]) -> tuple[str, ...]:
    """A row's cells as text: as written for csv, each value as its text for xlsx."""
    if all(type(c) is str for c in cells):
        return tuple(cells)
    return tuple(_cell(c) for c in cells)


Rows = list[tuple[int, list[Any]]]
"""(row number, cells as the reader gives them)."""


def read_rows(name: str, data: bytes, readers: Mapping[str, Any], folder: Path, sheet: str | None = None
              ) -> tuple[list[str], Rows]:
    """A file's header and rows (of *sheet*, else the reader's default) from its archived
    bytes, read through a scratch file in *folder* by the reader ``score`` would use."""
    suffix = Path(name).suffix.lower()
    reader = readers.get(suffix)
    if reader is None:
        raise ArchiveError(t("rows_no_reader", name=name, suffix=suffix or t("rows_no_suffix")))
    path = folder / f"file{suffix}"
    path.write_bytes(data)
    try:
        table = reader.read(path, sheet)
        return [_cell(h) for h in table.header], list(table.rows)
    finally:
        path.unlink()


def diff_rows(name: str, before: bytes, after: bytes, readers: Mapping[str, Any], folder: Path,
              sheet: str | None = None) -> FileChange:
    """The rows of *name* (of its *sheet*, when given) that differ between *before* and *after*."""
    label = name if sheet is None else f"{name}#{sheet}"
    try:
        h0, r0 = read_rows(name, before, readers, folder, sheet)
        h1, r1 = read_rows(name, after, readers, folder, sheet)
    except Exception as exc:  # a reader's own error: the file changed, its rows cannot be shown
        return FileChange(label, (), t("rows_not_compared", why=exc))
    # rows the two versions share at the top and the bottom are not compared cell by cell:
    # a month's edit adds or changes a few rows of a long ledger
    lead, tail = _shared_ends(r0, r1) if h0 == h1 else (0, 0)
    rows0 = _aligned(h0, h1, [(n, _cells(c)) for n, c in r0[lead:len(r0) - tail]])
    rows1 = [(n, _cells(c)) for n, c in r1[lead:len(r1) - tail]]
    matcher = difflib.SequenceMatcher(None, [c for _, c in rows0], [c for _, c in rows1], autojunk=False)
    out: list[RowChange] = []
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        if op == "equal":
            continue
        pairs = min(i1 - i0, j1 - j0) if op == "replace" else 0
        for k in range(pairs):
            (n0, c0), (n1, c1) = rows0[i0 + k], rows1[j0 + k]
            out.append(RowChange(name, "changed", n1, n0, _changed_cells(h1, c0, c1), sheet=sheet))
        for n0, c0 in rows0[i0 + pairs:i1]:
            out.append(RowChange(name, "removed", n0, n0, values=c0, sheet=sheet))
        for n1, c1 in rows1[j0 + pairs:j1]:
            out.append(RowChange(name, "added", n1, None, values=c1, sheet=sheet))
    note = "" if h0 == h1 else t("rows_columns_changed", before=", ".join(h0), after=", ".join(h1))
    return FileChange(label, tuple(sorted(out, key=lambda r: (r.row, r.kind))), note)


def sheet_names(name: str, data: bytes) -> list[str] | None:
    """A workbook's sheets in workbook order (hidden ones too); None for a file without
    sheets or one that is not a readable workbook (its reader then says why)."""
    if Path(name).suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    import io
    import zipfile

    from bureaukit.workbook import workbook_facts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [s.name for s in workbook_facts(zf).sheets]
    except (zipfile.BadZipFile, OSError):
        return None


def diff_workbook(name: str, before: bytes, after: bytes, readers: Mapping[str, Any], folder: Path) -> list[FileChange]:
    """Every sheet of *name* that differs: a workbook of one sheet as a plain file; one of
    several sheet by sheet (``x.xlsx#Sheet``), a sheet added or removed named so."""
    s0, s1 = sheet_names(name, before), sheet_names(name, after)
    if s0 is None or s1 is None or (len(s0) <= 1 and s0 == s1):
        return [diff_rows(name, before, after, readers, folder)]
    out: list[FileChange] = []
    for sheet in [*s0, *(s for s in s1 if s not in s0)]:
        if sheet not in s1 or sheet not in s0:
            out.append(FileChange(f"{name}#{sheet}", (), t("rows_new_sheet") if sheet not in s0 else t("rows_sheet_removed")))
            continue
        change = diff_rows(name, before, after, readers, folder, sheet)
        if change.rows or change.note:
            out.append(change)
    return out


def _shared_ends(a: Rows, b: Rows) -> tuple[int, int]:
    """How many rows *a* and *b* share at their start, and then at their end (same
    cells; the row numbers may differ)."""
    most = min(len(a), len(b))
    lead = 0
    while lead < most and a[lead][1] == b[lead][1]:
        lead += 1
    tail = 0
    while tail < most - lead and a[-1 - tail][1] == b[-1 - tail][1]:
        tail += 1
    return lead, tail


def _aligned(h0: Sequence[str], h1: Sequence[str], rows: list[tuple[int, tuple[str, ...]]]) -> list[tuple[int, tuple[str, ...]]]:
    """The older rows with their cells in the newer header's column order (a moved
    column is not a change to every row)."""
    if list(h0) == list(h1):
        return rows
    index = {h: i for i, h in enumerate(h0)}
    return [(n, tuple(c[index[h]] if h in index and index[h] < len(c) else "" for h in h1)) for n, c in rows]


def _changed_cells(header: Sequence[str], before: Sequence[str], after: Sequence[str]) -> tuple[CellChange, ...]:
    width = max(len(before), len(after))
    out = []
    for i in range(width):
        b = before[i] if i < len(before) else ""
        a = after[i] if i < len(after) else ""
        if a != b:
            out.append(CellChange(header[i] if i < len(header) else t("rows_column_n", n=i + 1), b, a))
    return tuple(out)


def diff_files(before: Mapping[str, tuple[str, bytes]], after: Mapping[str, tuple[str, bytes]],
               readers: Mapping[str, Any]) -> list[FileChange]:
    """Every file that differs: name → (sha256, content) in each run."""
    out: list[FileChange] = []
    with tempfile.TemporaryDirectory(prefix="bureaukit-diff-") as tmp:
        for name in sorted(set(before) | set(after)):
            b, a = before.get(name), after.get(name)
            if b is not None and a is not None and b[0] == a[0]:
                continue
            if b is None or a is None:
                out.append(FileChange(name, (), t("rows_new_input") if b is None else t("rows_no_longer_input")))
            elif name.endswith(".toml"):
                out.append(FileChange(name, (), t("reason_config")))
            else:
                out.extend(diff_workbook(name, b[1], a[1], readers, Path(tmp)))
    return out


def core_readers() -> dict[str, Any]:
    """Suffix → reader, from the core and any installed reader plugins."""
    from bureaukit.plugins import collect_list, new_manager
    from bureaukit.readers import Reader

    readers: dict[str, Any] = {}
    for r in collect_list(new_manager(), "bureaukit_readers", Reader):
        for s in r.suffixes:
            readers[s.lower()] = r
    return readers
