"""Reading ledgers 台账 into records (CORE §5): headers in Chinese or English, every cell
converted by its field's type, references and keys checked, every problem collected as
``FILE:ROW: column: message``."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain, islice
from operator import attrgetter
from pathlib import Path
from typing import Any

import attrs

from bureaukit._repr import FieldMethods
from bureaukit.cells import CellError, converter_for, is_empty
from bureaukit.context import Origin, Origins
from bureaukit.readers import Reader, ReadError
from bureaukit.records import FieldSpec, RecordSpec

MAX_PROBLEMS_KEPT = 10_000
MEMO_LIMIT = 50_000
"""Distinct text cells remembered per column while reading one file."""
COMPILE_AFTER = 2000
"""Rows of a file read through :func:`interpret_row` before its row function is compiled
(:func:`compile_row`): compiling one costs 1–3 ms, what it saves over ~2000–5000 rows."""
_UNIT_SUFFIX = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


def display_path(path: Path) -> str:
    """A path as a user at this shell would type it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(path)


@attrs.define(repr=False)
class Problems(FieldMethods):
    """Problems collected across all files; only the first MAX_PROBLEMS_KEPT are kept."""

    lines: list[str] = attrs.Factory(list)
    count: int = 0

    def add(self, line: str) -> None:
        self.count += 1
        if len(self.lines) < MAX_PROBLEMS_KEPT:
            self.lines.append(line)

    def at(self, file: str, row: int | None, column: str | None, message: str) -> None:
        where = f"{file}:{row}" if row is not None else file
        self.add(f"{where}: {column}: {message}" if column else f"{where}: {message}")


@attrs.frozen(repr=False, eq=False)
class Source(FieldMethods):
    """One ledger file as the config names it (``ledgers/x.xlsx#Sheet``)."""

    written: str
    """As written in the config, without the sheet: evidence cites this."""
    path: Path
    sheet: str | None

    @classmethod
    def parse(cls, written: str, root: Path) -> Source:
        name, _, sheet = written.partition("#")
        p = Path(name)
        return cls(name.replace("\\", "/"), p if p.is_absolute() else root / p, sheet or None)

    @property
    def shown(self) -> str:
        return display_path(self.path)


def header_lookup(spec: RecordSpec) -> dict[str, FieldSpec]:
    lookup: dict[str, FieldSpec] = {}
    for f in spec.fields:
        for h in (f.name, f.label, *f.aliases, f.en):
            lookup[h.strip().casefold()] = f
    return lookup


def _match_header(text: str, lookup: Mapping[str, FieldSpec]) -> FieldSpec | None:
    key = text.strip().casefold()
    hit = lookup.get(key)
    if hit is None and key.endswith("*"):
        hit = lookup.get(key.rstrip("*").strip())
    if hit is None:
        # "合同投资额(万元)": a unit in brackets after a known header
        bare = _UNIT_SUFFIX.sub("", key)
        if bare != key:
            hit = lookup.get(bare)
    return hit


def _known_headers(spec: RecordSpec) -> str:
    return ", ".join(f"{f.label} ({f.name})" for f in spec.fields)


def read_kind(
    spec: RecordSpec,
    sources: Sequence[Source],
    readers: Mapping[str, Reader],
    problems: Problems,
    origins: Origins,
    progress: Callable[[int], None] | None = None,
) -> list[Any]:
    """Every record of one kind from its files, in file then row order."""
    records: list[Any] = []
    lookup = header_lookup(spec)
    for src in sources:
        shown = src.shown
        suffix = src.path.suffix.lower()
        reader = readers.get(suffix)
        if reader is None:
            problems.at(shown, None, None, f'no reader for "{suffix or "(no suffix)"}" files; known: {", ".join(sorted(readers))}')
            continue
        if not src.path.exists():
            problems.at(shown, None, None, f"no such file (looked for {src.path})")
            continue
        if src.path.is_dir():
            problems.at(shown, None, None, "is a folder, not a ledger file")
            continue
        try:
            table = reader.read(src.path, src.sheet)
        except ReadError as exc:
            problems.at(shown, exc.row, None, exc.message)
            continue
        except OSError as exc:
            problems.at(shown, None, None, f"cannot read: {exc.strerror or exc}")
            continue
        records.extend(_read_table(spec, src, shown, table, lookup, problems, origins, progress))
    return records


def _read_table(
    spec: RecordSpec,
    src: Source,
    shown: str,
    table: Any,
    lookup: Mapping[str, FieldSpec],
    problems: Problems,
    origins: Origins,
    progress: Callable[[int], None] | None,
) -> list[Any]:
    hrow = table.header_row
    columns: list[tuple[int, FieldSpec] | None] = []
    seen: dict[str, str] = {}
    bad_header = False
    ignored: list[int] = []
    for i, text in enumerate(table.header):
        text = "" if text is None else str(text)
        if not text.strip():
            columns.append(None)
            ignored.append(i)
            continue
        f = _match_header(text, lookup)
        if f is None:
            import difflib

            near = difflib.get_close_matches(text.strip().casefold(), list(lookup), n=1, cutoff=0.5)
            hint = ""
            if near:
                fs = lookup[near[0]]
                hint = f' (did you mean "{fs.label}" / "{fs.name}"?)'
            problems.at(shown, hrow, text.strip(), f"unknown column{hint}; known columns: {_known_headers(spec)}")
            bad_header = True
            columns.append(None)
            continue
        if f.name in seen:
            problems.at(shown, hrow, text.strip(), f'column for "{f.name}" given twice (also as "{seen[f.name]}")')
            bad_header = True
            columns.append(None)
            continue
        seen[f.name] = text.strip()
        columns.append((i, f))
    for f in spec.fields:
        if f.required and f.name not in seen:
            problems.at(shown, hrow, f.label, f"required column is missing (header {f.label} or {f.name})")
            bad_header = True
    if bad_header:
        # drain the reader so its file handle closes; a row it cannot read is reported too
        try:
            for _ in table.rows:
                pass
        except ReadError as exc:
            problems.at(shown, exc.row, None, exc.message)
        return []
    # a plan per field, in attrs order: (cell index or None, header shown, converter, field)
    plan: list[tuple[int | None, str, Callable[[Any], Any], FieldSpec]] = []
    by_name = {c[1].name: c[0] for c in columns if c is not None}
    for f in spec.fields:
        idx = by_name.get(f.name)
        plan.append((idx, seen.get(f.name, f.label), converter_for(f), f))
    width = len(table.header)
    out: list[Any] = []
    row_numbers: list[int] = []
    n_done = 0
    rows = iter(table.rows)
    try:
        # a file's first COMPILE_AFTER rows are read by interpret_row; a longer file gets
        # its row function compiled for the rest (most files of a small bureau never do)
        n_done = _convert_rows(
            islice(rows, COMPILE_AFTER), interpret_row(plan, spec.cls), width, ignored, shown, problems, out, row_numbers, progress, n_done
        )
        more = next(rows, None)
        if more is not None:
            n_done = _convert_rows(
                chain((more,), rows), compile_row(plan, spec.cls), width, ignored, shown, problems, out, row_numbers, progress, n_done
            )
    except ReadError as exc:
        problems.at(shown, exc.row, None, exc.message)
    origins.add(src.written, out, row_numbers)
    if progress is not None:
        progress(n_done % 10_000)
    return out


def _convert_rows(
    rows: Iterable[tuple[int, list[Any]]],
    build: RowBuilder,
    width: int,
    ignored: Sequence[int],
    shown: str,
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
    for rownum, cells in rows:
        if len(cells) != width:
            if len(cells) < width:
                cells = [*cells, *([None] * (width - len(cells)))]
            else:
                extra = [i for i in range(width, len(cells)) if not is_empty(cells[i])]
                cells = cells[:width]
                if extra:
                    # never drop data silently: an unquoted "1,234" lands here
                    problems.at(
                        shown, rownum, f"column {extra[0] + 1}",
                        f"the row has more cells than the header ({extra[-1] + 1} > {width}); "
                        "quote a cell holding a comma, or add the missing header",
                    )
                    continue
        # any() stops at the first cell with a value, where counting walks the row twice
        if not any(cells) and cells.count("") + cells.count(None) == width:
            continue
        if ignored:
            for i in ignored:
                if not is_empty(cells[i]):
                    problems.at(shown, rownum, f"column {i + 1}", "this cell has no header: add one or clear the column")
        rec, errors = build(cells)
        if errors:
            if all(is_empty(c) for c in cells):
                continue  # a row of blanks
            for header, message in errors:
                problems.at(shown, rownum, header, message)
            continue
        keep(rec)
        keep_row(rownum)
        if progress is not None:
            n_done += 1
            if n_done % 10_000 == 0:
                progress(10_000)
    return n_done


RowBuilder = Callable[[list[Any]], tuple[Any, list[tuple[str | None, str]] | None]]
Plan = Sequence[tuple[int | None, str, Callable[[Any], Any], FieldSpec]]
"""Per field in attrs order: (cell index or None, header shown, converter, field)."""

_REQUIRED = "required, but the cell is empty"


def _is_text(f: FieldSpec) -> bool:
    # a text field's converter raises only for a non-text cell (json true, {...})
    return f.base is str and not f.many


def _empty_of(f: FieldSpec) -> tuple[Any, Callable[[], Any] | None]:
    """(value, None) for an empty cell of an optional field, or (None, maker) when each
    record needs its own (an attrs.Factory default)."""
    if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
        return None, f.empty
    return f.empty(), None


def interpret_row(plan: Plan, cls: type) -> RowBuilder:
    """:func:`compile_row`'s function, interpreted: the same records and the same
    problems in the same order, without the cost of compiling one (1–3 ms)."""
    steps: list[tuple[int | None, str, Callable[[Any], Any], bool, bool, Any, Callable[[], Any] | None, dict[str, Any]]] = [
        (idx, header, conv, f.required, _is_text(f), *_empty_of(f), {}) for idx, header, conv, f in plan
    ]

    def build(cells: list[Any]) -> tuple[Any, list[tuple[str | None, str]] | None]:
        errors: list[tuple[str | None, str]] | None = None
        values: list[Any] = []
        v: Any
        for idx, header, conv, required, text, empty, make_empty, memo in steps:
            if idx is None:
                values.append(empty if make_empty is None else make_empty())
                continue
            c = cells[idx]
            # in the order of compile_row's tests: a text cell first, empty when "" or spaces
            if c.__class__ is str:
                if text:
                    if v := c.strip():
                        values.append(v)
                        continue
                elif (v := memo.get(c)) is not None:
                    values.append(v)
                    continue
                elif c and not c.isspace():
                    try:
                        v = conv(c)
                    except CellError as exc:
                        values.append(None)
                        errors = errors or []
                        errors.append((header, str(exc)))
                        continue
                    if len(memo) < MEMO_LIMIT:
                        memo[c] = v
                    values.append(v)
                    continue
            elif not (c is None or c == ""):
                try:
                    values.append(conv(c))
                except CellError as exc:
                    values.append(None)
                    errors = errors or []
                    errors.append((header, str(exc)))
                continue
            # an empty cell
            if required:
                values.append(None)
                errors = errors or []
                errors.append((header, _REQUIRED))
            else:
                values.append(empty if make_empty is None else make_empty())
        if errors:
            return None, errors
        try:
            return cls(*values), None
        except Exception as exc:
            return None, [(None, f"invalid record: {exc}")]

    return build


def compile_row(plan: Plan, cls: type) -> RowBuilder:
    """A function turning one row's cells into a record, generated once per file.

    The per-field checks are unrolled into straight-line code (the way attrs writes
    ``__init__``): at a million rows the generic loop over fields was the largest cost.
    Returns ``(record, None)`` or ``(None, [(header, message), ...])``;
    :func:`interpret_row` must stay its twin.
    """
    env: dict[str, Any] = {"cls": cls, "CellError": CellError, "MEMO_LIMIT": MEMO_LIMIT, "REQUIRED": _REQUIRED}
    lines = ["def build(cells):", "    errors = None"]
    args = []

    def empty_cell(n: int, f: FieldSpec, indent: str) -> None:
        if f.required:
            lines.append(f"{indent}v{n} = None")
            lines.append(f"{indent}errors = errors or []")
            lines.append(f"{indent}errors.append((hdr{n}, REQUIRED))")
        else:
            lines.append(f"{indent}v{n} = {empty_value(n, f)}")

    def empty_value(n: int, f: FieldSpec) -> str:
        value, make = _empty_of(f)
        env[f"empty{n}"] = value if make is None else make
        return f"empty{n}" if make is None else f"empty{n}()"

    def convert(n: int, indent: str, memo: bool) -> None:
        lines.append(f"{indent}try:")
        lines.append(f"{indent}    v{n} = conv{n}(c)")
        if memo:
            lines.append(f"{indent}    if len(memo{n}) < MEMO_LIMIT:")
            lines.append(f"{indent}        memo{n}[c] = v{n}")
        lines.append(f"{indent}except CellError as exc:")
        lines.append(f"{indent}    v{n} = None")
        lines.append(f"{indent}    errors = errors or []")
        lines.append(f"{indent}    errors.append((hdr{n}, str(exc)))")

    for n, (idx, header, conv, f) in enumerate(plan):
        args.append(f"v{n}")
        env[f"conv{n}"] = conv
        env[f"hdr{n}"] = header
        if idx is None:
            lines.append(f"    v{n} = {empty_value(n, f)}")
            continue
        # a text cell (what csv gives) is tested first; an empty one is "" or whitespace
        lines.append(f"    c = cells[{idx}]")
        lines.append("    if c.__class__ is str:")
        # ledger columns repeat (dates, units, enums, people, outlets): memoise text
        # cells, which also keeps one copy of each repeated text (~150 MB of the
        # generated million rows)
        env[f"memo{n}"] = {}
        if _is_text(f):
            lines.append(f"        v{n} = memo{n}.get(c)")
            lines.append(f"        if v{n} is None:")
            lines.append(f"            v{n} = c.strip()")  # strips exactly what isspace() calls space
            lines.append(f"            if len(memo{n}) < MEMO_LIMIT:")
            lines.append(f"                memo{n}[c] = v{n}")
            lines.append(f"        if not v{n}:")
            empty_cell(n, f, " " * 12)
        else:
            lines.append(f"        v{n} = memo{n}.get(c)")
            lines.append(f"        if v{n} is None:")
            lines.append("            if not c or c.isspace():")
            empty_cell(n, f, " " * 16)
            lines.append("            else:")
            convert(n, " " * 16, memo=True)
        lines.append("    elif c is None or c == '':")
        empty_cell(n, f, " " * 8)
        lines.append("    else:")
        convert(n, " " * 8, memo=False)
    lines.append("    if errors:")
    lines.append("        return None, errors")
    lines.append("    try:")
    lines.append(f"        return cls({', '.join(args)}), None")
    lines.append("    except Exception as exc:")
    lines.append("        return None, [(None, f'invalid record: {exc}')]")
    # named after the record class, so that a profile shows each file's builder apart
    exec(compile("\n".join(lines), f"<row builder {cls.__qualname__}>", "exec"), env)
    build: RowBuilder = env["build"]
    return build


def check_keys_and_refs(
    kinds: Mapping[str, RecordSpec],
    records: Mapping[str, Sequence[Any]],
    origins: Mapping[int, Origin],
    shown: Mapping[str, str],
    people: Iterable[str],
    units: Iterable[str],
    problems: Problems,
    key_scope: str = "ledger",
) -> None:
    """Duplicate keys (within ``key_scope``) and references to people, units and other kinds."""
    person_ids = set(people)
    unit_ids = set(units)
    keys: dict[str, set[str]] = {}

    def where(rec: object) -> tuple[str, int | None]:
        o = origins.get(id(rec))
        if o is None:
            return "(inline)", None
        return shown.get(o.source, o.source), o.row

    for kind, spec in kinds.items():
        if not spec.ledger.key:  # no key: nothing to check, nothing to refer to
            keys[kind] = set()
            continue
        recs = records.get(kind, ())
        found = spec.keys_of(recs)
        distinct: set[Any] = set(found)
        if None in distinct:  # never None: the kind has a key; counted as ""
            distinct.discard(None)
            distinct.add("")
        keys[kind] = distinct
        if len(distinct) == len(found) or spec.ledger.key_scope != key_scope:
            continue  # no duplicate (one set, at C speed), or none to report in this scope
        # a duplicate: walk the rows for the messages, each against the key's first row
        seen: dict[str, object] = {}
        for k_found, rec in zip(found, recs, strict=True):
            k = k_found or ""
            if k in seen:
                file, row = where(rec)
                ffile, frow = where(seen[k])
                cols = "+".join(spec.field(n).label for n in spec.ledger.key)
                problems.at(file, row, cols, f'duplicate key "{k}" (first at {ffile}:{frow})')
            else:
                seen[k] = rec
    if key_scope != "ledger":
        return
    for kind, spec in kinds.items():
        for f in spec.fields:
            if f.ref is None:
                continue
            if f.ref == "person":
                known, what = person_ids, "person"
            elif f.ref == "unit":
                known, what = unit_ids, "unit"
            else:
                known, what = keys.get(f.ref, set()), f"{f.ref} record"
            recs = records.get(kind, ())
            # fast path: the distinct values of the column, checked as one set (C speed);
            # only a column with an unknown value is walked row by row for the messages
            getter = attrgetter(f.name)
            if f.many:
                values = {v for t in map(getter, recs) if t is not None for v in t}
            else:
                values = set(map(getter, recs))
                values.discard(None)
            if values <= known:
                continue
            for rec in recs:
                value = getattr(rec, f.name)
                if value is None:
                    continue
                for v in value if f.many else (value,):
                    if v not in known:
                        file, row = where(rec)
                        import difflib

                        near = difflib.get_close_matches(str(v), list(known), n=1)
                        hint = f' (did you mean "{near[0]}"?)' if near else ""
                        problems.at(file, row, f.label, f'unknown {what} "{v}"{hint}')
