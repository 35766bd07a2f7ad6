"""Why did a number change? Two runs compared (LIFECYCLE §4).

Works on the runs' archived results (schema 1 or 2, read as schema 2) and archived inputs, so it
answers the same after the files on disk have changed again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import attrs

from bureaukit.archive.rows import FileChange, RowChange, core_readers, diff_files
from bureaukit.archive.store import Archive, RunInfo, item_of


@attrs.frozen
class Change:
    """One scorecard, score, payment or finding that changed, appeared or disappeared,
    with the changed ledger rows behind it."""

    section: str
    """``scorecards``, ``scores``, ``payments`` or ``findings``."""
    status: str
    """``changed``, ``appeared`` or ``disappeared``."""
    key: tuple[str, ...]
    """What it is: (subject,) for a scorecard; (campaign, subject, metric/kind/code, …) otherwise."""
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    fields: tuple[tuple[str, Any, Any], ...]
    """The values that differ: (name, before, after)."""
    because: tuple[RowChange, ...]
    """Ledger rows behind it that differ between the runs' inputs."""


@attrs.frozen
class RunDiff:
    """Run *a* against run *b*: what moved, and why."""

    a: RunInfo
    b: RunInfo
    time_progress: tuple[str, str]
    files: tuple[FileChange, ...]
    changes: tuple[Change, ...]
    versions: tuple[tuple[str, str | None, str | None], ...]
    """Distributions whose version differs: (name, in a, in b)."""

    @property
    def empty(self) -> bool:
        return not self.changes

    def reason_without_rows(self) -> str:
        """What explains a change with no ledger row behind it."""
        from bureaukit.messages import t

        parts = []
        if self.a.as_of != self.b.as_of:
            parts.append(t("reason_as_of", a=self.a.as_of, b=self.b.as_of, pa=self.time_progress[0],
                           pb=self.time_progress[1]))
        if any(f.file.endswith(".toml") for f in self.files):
            parts.append(t("reason_config"))
        ledgers = [f.file for f in self.files if not f.file.endswith(".toml") and f.rows]
        if ledgers:  # the rows that changed are not among those it cites (it may cite others of a run)
            parts.append(t("reason_ledgers", ledgers=", ".join(ledgers)))
        others = [t("file_note", file=f.file, note=f.note) for f in self.files
                  if not f.file.endswith(".toml") and not f.rows]
        if others:  # an input that came or went, or one whose rows cannot be read back
            parts.append(t("reason_other_inputs", files=", ".join(others)))
        if self.versions:
            parts.append(t("reason_versions", versions=", ".join(f"{n} {a or '—'} → {b or '—'}"
                                                                 for n, a, b in self.versions)))
        return t("reason_sep").join(parts) or t("reason_none")


# --- keys: how items of two runs are matched ----------------------------------------------

_KEYS: dict[str, tuple[str, ...]] = {
    "scorecards": ("subject",),
    "scores": ("campaign", "subject", "metric"),
    "payments": ("campaign", "subject", "kind", "period"),
    "findings": ("campaign", "subject", "code", "severity", "message", "due"),
}
"""What an item is: two runs' items are matched on it (None and '' the same)."""
_VALUES: dict[str, tuple[str, ...]] = {
    "scorecards": ("composite", "grade", "rank", "campaigns", "name"),
    "scores": ("value", "target"),
    "payments": ("amount",),
    "findings": (),
}
"""The values whose change is a change."""
_SECTIONS = ("scores", "payments", "findings", "scorecards")
"""Outcomes before scorecards: a scorecard's changed rows are those of its subject's outcomes."""

Item = Mapping[str, Any]
Pair = tuple[str, tuple[str, ...], Item | None, Item | None]
"""(section, key, the item in the older run or None, in the newer or None)."""


def _key(item: Item, section: str, occurrence: int) -> tuple[str, ...]:
    """An item's key; the second and later items of one key get their occurrence number."""
    base = tuple(["" if (v := item.get(k)) is None else str(v) for k in _KEYS[section]])
    return base if occurrence == 1 else (*base, f"#{occurrence}")


def _keyed(items: Iterable[Item], section: str) -> dict[tuple[str, ...], Item]:
    """Items by key; a key that repeats (two scores of one metric) gets its occurrence number."""
    out: dict[tuple[str, ...], Item] = {}
    seen: dict[tuple[str, ...], int] = {}
    for item in items:
        base = _key(item, section, 1)
        seen[base] = n = seen.get(base, 0) + 1
        out[_key(item, section, n)] = item
    return out


def _pairs(ra: Mapping[str, Any], rb: Mapping[str, Any]) -> list[Pair]:
    """Every item of either result with its match in the other (None when it has none)."""
    out: list[Pair] = []
    for section in _SECTIONS:
        a, b = _keyed(ra.get(section, ()), section), _keyed(rb.get(section, ()), section)
        out.extend((section, key, a.get(key), b.get(key)) for key in set(a) | set(b))
    return out


def _evidence_rows(data: Mapping[str, Any], item: Mapping[str, Any] | None) -> set[tuple[str, int]]:
    """The (file, row) pairs *item* cites: from schema-2 indices into *data*'s ``cited``
    table, or from evidence dicts (a schema-1 result, or the archive's plain tables)."""
    if item is None:
        return set()
    out = set()
    for ref in item.get("evidence", ()):
        if isinstance(ref, Mapping):
            source, row = ref.get("source"), ref.get("row")
        elif isinstance(ref, int):
            s, row, _ = data["cited"][ref]
            source = None if s is None else data["sources"][s]
        else:
            continue  # a note alone cites no row
        if source and row is not None:
            out.add((source, row))
    return out


def compare_results(ra: Mapping[str, Any], rb: Mapping[str, Any], files: Sequence[FileChange]) -> list[Change]:
    """Every item of the two results that differs, with the changed rows behind it.
    Either may be a result of schema 1 or 2 or the archive's plain tables: values are
    compared as written, and each side's cited rows read in its own form."""
    return compare_pairs(_pairs(ra, rb), files, ra, rb)


def _changed_rows(files: Sequence[FileChange]) -> tuple[dict[tuple[str, int], RowChange], dict[tuple[str, int], RowChange]]:
    """The changed ledger rows by (file, row) in the older run, and in the newer."""
    after_rows: dict[tuple[str, int], RowChange] = {}
    before_rows: dict[tuple[str, int], RowChange] = {}
    for f in files:
        for r in f.rows:
            if r.kind != "removed":
                after_rows[(r.file, r.row)] = r
            if r.before_row is not None:
                before_rows[(r.file, r.before_row)] = r
    return before_rows, after_rows


def compare_pairs(pairs: Iterable[Pair], files: Sequence[FileChange],
                  ra: Mapping[str, Any] | None = None, rb: Mapping[str, Any] | None = None) -> list[Change]:
    """Every pair whose items differ, with the changed rows behind it. *pairs* may hold
    equal ones (they are left out); outcomes must come before scorecards. *ra*, *rb*:
    the results the items come from, when they cite rows by schema-2 index (None for
    the plain tables, whose items cite rows as dicts)."""
    data_a, data_b = ra or {}, rb or {}
    before_rows, after_rows = _changed_rows(files)
    changes: list[Change] = []
    by_subject: dict[str, set[RowChange]] = {}
    for section, key, x, y in pairs:
        fields = tuple((f, x.get(f), y.get(f)) for f in _VALUES[section] if x.get(f) != y.get(f)) if x and y else ()
        if x is not None and y is not None and not fields:
            continue
        rows: set[RowChange] = set()
        if before_rows or after_rows:  # else no row changed: time passed, or the config or versions did
            rows = {before_rows[k] for k in _evidence_rows(data_a, x) if k in before_rows}
            rows |= {after_rows[k] for k in _evidence_rows(data_b, y) if k in after_rows}
        subject = key[0] if section == "scorecards" else key[1]
        if section == "scorecards":
            rows |= by_subject.get(subject, set())
        elif rows:
            by_subject.setdefault(subject, set()).update(rows)
        status = "appeared" if x is None else "disappeared" if y is None else "changed"
        because = tuple(sorted(rows, key=lambda r: (r.file, r.row, r.kind))) if rows else ()
        changes.append(Change(section, status, key, x, y, fields, because))
    order = {"scorecards": 0, "scores": 1, "payments": 2, "findings": 3}
    return sorted(changes, key=lambda c: (order[c.section], c.key))


def _numbered(rows: list[tuple[Any, ...]], at: Sequence[int]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """Plain-table rows by their key (the columns *at*, NULL as ''), keyed as
    :func:`_keyed` keys items. The usual run, each key once, is keyed without a Python
    step per row (100,000 rows feel it); one where a key repeats, row by row."""
    get = itemgetter(*at) if len(at) > 1 else lambda row: (row[at[0]],)
    keys: list[tuple[Any, ...]] = list(map(get, rows))
    if any(None in k for k in keys):
        keys = [tuple(["" if v is None else v for v in k]) if None in k else k for k in keys]
    out = dict(zip(keys, rows, strict=True))
    if len(out) == len(rows):
        return out
    out = {}
    seen: dict[tuple[Any, ...], int] = {}
    for key, row in zip(keys, rows, strict=True):
        if key in out:
            seen[key] = n = seen.get(key, 1) + 1
            key = (*key, f"#{n}")
        out[key] = row
    return out


def table_pairs(archive: Archive, a: RunInfo, b: RunInfo, *, cites: bool) -> list[Pair]:
    """The items of runs *a* and *b* (from the plain tables) whose values may differ,
    matched on the rows as they come: an item (a dict) is made only for those, not for
    the tens of thousands that did not move. A scorecard whose ``campaigns`` text differs
    is kept even when its points are equal (:func:`compare_pairs` compares the values)."""
    ta, tb = archive.table_rows(a, cites=cites), archive.table_rows(b, cites=cites)
    out: list[Pair] = []
    for section in _SECTIONS:
        (names, rows_a), (_, rows_b) = ta[section], tb[section]
        at = [names.index(k) for k in _KEYS[section]]
        xs, ys = _numbered(rows_a, at), _numbered(rows_b, at)
        out.extend((section, key, item_of(names, xs[key]), None) for key in xs.keys() - ys.keys())
        out.extend((section, key, None, item_of(names, ys[key])) for key in ys.keys() - xs.keys())
        if values := [names.index(v) for v in _VALUES[section]]:  # a finding is its key: no values
            same = itemgetter(*values, *values)  # a tuple even for one value
            out.extend((section, key, item_of(names, xs[key]), item_of(names, ys[key]))
                       for key in xs.keys() & ys.keys() if same(xs[key]) != same(ys[key]))
    return out


def _percent(rate: str) -> str:
    """A result's time progress ("0.4959") as people read it ("49.59%")."""
    from decimal import Decimal, InvalidOperation

    try:
        return f"{(Decimal(rate) * 100).quantize(Decimal('0.01'))}%"
    except InvalidOperation:
        return rate


def _progress(ra: Mapping[str, Any], rb: Mapping[str, Any]) -> tuple[str, str]:
    return _percent(ra["period"]["time_progress"]), _percent(rb["period"]["time_progress"])


def _versions(a: RunInfo, b: RunInfo) -> tuple[tuple[str, str | None, str | None], ...]:
    names = sorted(set(a.versions) | set(b.versions))
    return tuple((n, a.versions.get(n), b.versions.get(n)) for n in names if a.versions.get(n) != b.versions.get(n))


def _inputs(archive: Archive, a: RunInfo, b: RunInfo) -> tuple[dict[str, tuple[str, bytes]], dict[str, tuple[str, bytes]]]:
    """Both runs' input files, name → (sha256, content); content read only for a file whose
    sha256 differs between the runs (an unchanged ledger is never decompressed or read)."""
    ha, hb = archive.file_hashes(a.bureau, a.number), archive.file_hashes(b.bureau, b.number)

    def content(hashes: Mapping[str, tuple[str, str]], other: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, bytes]]:
        return {name: (sha, b"" if name in other and other[name][1] == sha else archive.blob(sha))
                for name, (_, sha) in hashes.items()}

    return content(ha, hb), content(hb, ha)


def diff_runs(archive: Archive, bureau: str, a: int, b: int) -> RunDiff:
    """Run *a* against run *b* of *bureau*: on the plain tables (each outcome's cited rows
    read only when some ledger row changed), or on the archived result JSON for a run
    recorded before archive schema 3."""
    ra_info, rb_info = archive.run(bureau, a), archive.run(bureau, b)
    files = diff_files(*_inputs(archive, ra_info, rb_info), core_readers())
    if ra_info.time_progress is not None and rb_info.time_progress is not None:
        pairs = table_pairs(archive, ra_info, rb_info, cites=any(f.rows for f in files))
        changes = compare_pairs(pairs, files)
        progress = _percent(ra_info.time_progress), _percent(rb_info.time_progress)
    else:
        ra, rb = archive.result_dict(bureau, a), archive.result_dict(bureau, b)
        changes, progress = compare_results(ra, rb, files), _progress(ra, rb)
    return RunDiff(ra_info, rb_info, progress, tuple(files), tuple(changes), _versions(ra_info, rb_info))


def diff_result(archive: Archive, run: RunInfo, rescored: Mapping[str, Any], versions: Mapping[str, str]) -> RunDiff:
    """An archived run against a result scored again from the same inputs (verify)."""
    ra = archive.result_dict(run.bureau, run.number)
    now = attrs.evolve(run, versions=dict(versions))
    return RunDiff(run, now, _progress(ra, rescored), (),
                   tuple(compare_results(ra, rescored, ())), _versions(run, now))


def default_pair(runs: Sequence[RunInfo]) -> tuple[int, int] | None:
    """The latest two runs, oldest first."""
    if len(runs) < 2:
        return None
    return runs[-2].number, runs[-1].number
