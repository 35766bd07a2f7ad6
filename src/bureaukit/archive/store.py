"""Recording runs and reading them back (LIFECYCLE §1–§2)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from bureaukit.archive.db import (
    ArchiveError,
    Database,
    compress,
    compressor,
    connect,
    decompress,
    redact,
)
from bureaukit.messages import reason, t
from bureaukit.money import fmt_money, fmt_points, fmt_rate

if TYPE_CHECKING:
    from bureaukit.bureau import Bureau
    from bureaukit.config import Config
    from bureaukit.result import Result

ENV_URL = "BUREAUKIT_ARCHIVE_URL"

RECORDED, FINAL, SUPERSEDED = "recorded", "final", "superseded"


@attrs.frozen
class RunInfo:
    """One recorded run, as ``bureaukit runs`` lists it."""

    bureau: str
    number: int
    recorded_at: str
    """UTC, ISO 8601 to the second."""
    by: str
    period: str
    period_end: date
    as_of: date
    status: str
    """``recorded``, ``final`` (the period's locked result) or ``superseded`` (a reopened final)."""
    after_final: bool
    """An interim run made while the period was final."""
    language: str
    config_name: str
    versions: Mapping[str, str]
    """Distribution → version: bureaukit and each campaign's plugin."""
    key: str
    result_sha256: str
    summary: str
    time_progress: str | None = None
    """序时进度 as of the run, as the result writes it; None for a run recorded before
    archive schema 3 (its items are then compared on its result JSON)."""


@attrs.frozen
class Recorded:
    """What :meth:`Archive.record` did: the run, and whether it is new (an identical
    latest run is not stored twice)."""

    run: RunInfo
    new: bool
    named_before: str | None = None
    """The bureau name the archive knew for this bureau id when it differs from the run's
    (two bureaus sharing one ``[bureau] id``, or one renamed): None when the same."""


@attrs.frozen
class PackedResult:
    """A result's JSON as the archive keeps it: its sha256, its length and its bytes
    compressed. Made in one pass over :func:`bureaukit.result.json_parts`, so neither the
    whole text nor its UTF-8 bytes are ever held (hundreds of MB at a province's size);
    ``score -f json`` writes its report from it (:meth:`write`) rather than encoding
    the result a second time."""

    sha256: str
    size: int
    data: bytes

    @classmethod
    def of(cls, result: Result) -> PackedResult:
        """``result.to_json()`` hashed and compressed."""
        from bureaukit.result import json_parts
        from bureaukit.speedups import gc_paused

        digest, packer, size, out = hashlib.sha256(), compressor(), 0, []
        with gc_paused():
            for part in json_parts(result, result.language):
                data = part.encode("utf-8")
                digest.update(data)
                size += len(data)
                out.append(packer.compress(data))
        out.append(packer.flush())
        return cls("sha256:" + digest.hexdigest(), size, b"".join(out))

    def write(self, fh: BinaryIO) -> None:
        """Write the JSON text (``result.to_json().encode()``, byte for byte) to *fh*, a
        piece at a time."""
        unpacker = zlib.decompressobj()
        view = memoryview(self.data)
        for i in range(0, len(view), _PIECE):
            fh.write(unpacker.decompress(view[i:i + _PIECE]))
        fh.write(unpacker.flush())


_PIECE = 1 << 20


@attrs.frozen
class AuditRecord:
    """One decision (锁定、重新开启、异议复核): who, when, why, which run."""

    bureau: str
    seq: int
    at: str
    by: str
    action: str
    period: str
    run: int | None
    reason: str
    item: str | None = None
    """What the decision is about beside its period and run: an appeal's 编号."""


APPEAL_ACTIONS = {"upheld": "appeal upheld", "rejected": "appeal rejected"}
"""An appeal's decided status → its audit record's action (异议复核：更正 / 维持)."""

_RUN_COLUMNS = (
    "bureau, number, recorded_at, recorded_by, period, period_end, as_of, status, after_final, "
    "language, config_name, versions, run_key, result_sha256, summary, time_progress"
)


def _run_info(row: tuple[Any, ...]) -> RunInfo:
    return RunInfo(
        bureau=row[0], number=int(row[1]), recorded_at=row[2], by=row[3], period=row[4],
        period_end=date.fromisoformat(row[5]), as_of=date.fromisoformat(row[6]), status=row[7],
        after_final=bool(row[8]), language=row[9], config_name=row[10],
        versions=json.loads(row[11]), key=row[12], result_sha256=row[13], summary=row[14],
        time_progress=row[15],
    )


def who(by: str | None) -> str:
    """*by*, else the operating-system user."""
    if by and by.strip():
        return by.strip()
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def decided_by(by: str) -> str:
    """Who locks or reopens a period, as the audit record names them: never blank (the
    OS user stands in for whoever recorded a run, never for a decision)."""
    if not by.strip():
        raise ArchiveError(t("decision_by"))
    return by.strip()


def _now(at: datetime | None) -> str:
    return (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def archive_url(config: Config) -> str | None:
    """The archive URL for *config*: ``BUREAUKIT_ARCHIVE_URL``, else ``[archive] url``."""
    return os.environ.get(ENV_URL) or config.archive.url


def archive_url_of(data: Mapping[str, Any]) -> str | None:
    """The archive URL of a config read as plain TOML (a federation reads its members'
    configs no further): ``BUREAUKIT_ARCHIVE_URL``, else ``[archive] url``."""
    table = data.get("archive")
    url = table.get("url") if isinstance(table, dict) else None
    return os.environ.get(ENV_URL) or (url if isinstance(url, str) else None)


def open_for(config: Config, *, writing: bool = False, create: bool = True) -> Archive | None:
    """The archive *config* records into, or None when none is configured (or, with
    *create* false, when its SQLite file does not exist yet)."""
    url = archive_url(config)
    if url is None:
        return None
    if not create and not url.startswith(("postgresql://", "postgres://")):
        from bureaukit.archive.db import sqlite_path

        if not sqlite_path(url, config.root).exists():
            return None
    return open_archive(url, config.root, writing=writing)


def open_archive(url: str, base: Path | None = None, *, writing: bool = False) -> Archive:
    """Open (creating or migrating forward as needed) the archive at *url*; a relative
    SQLite path is taken against *base* (the config's folder). *writing*: opened to
    record, so every failure's message says that nothing was recorded."""
    return Archive(connect(url, base, writing=writing), redact(url))


class Archive:
    """A bureau's (or a hub's) record of runs: ``with open_archive(url) as a: …``."""

    def __init__(self, db: Database, shown: str) -> None:
        self.db = db
        self.shown = shown

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- reading -------------------------------------------------------------------------

    def runs(self, bureau: str, period: str | None = None) -> list[RunInfo]:
        """The bureau's runs (of *period* if given) in the order recorded."""
        sql = f"SELECT {_RUN_COLUMNS} FROM runs WHERE bureau = ?"
        params: list[Any] = [bureau]
        if period is not None:
            sql += " AND period = ?"
            params.append(period)
        with self.db.guard():
            return [_run_info(r) for r in self.db.execute(sql + " ORDER BY number", params)]

    def run(self, bureau: str, number: int) -> RunInfo:
        """Run *number*; an :class:`ArchiveError` when there is none."""
        with self.db.guard():
            rows = self.db.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE bureau = ? AND number = ?",
                                   (bureau, number))
        if not rows:
            last = self.runs(bureau)
            known = t("runs_known", last=last[-1].number) if last else t("runs_none")
            raise ArchiveError(t("no_such_run", number=number, bureau=bureau, archive=self.shown, known=known))
        return _run_info(rows[0])

    def final_run(self, bureau: str, period: str) -> RunInfo | None:
        """The period's final run while it is locked, else None."""
        with self.db.guard():
            rows = self.db.execute(
                f"SELECT {_RUN_COLUMNS} FROM runs WHERE bureau = ? AND period = ? AND status = ?",
                (bureau, period, FINAL),
            )
        return _run_info(rows[0]) if rows else None

    def blob(self, sha: str) -> bytes:
        with self.db.guard():
            rows = self.db.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha,))
        if not rows:
            raise ArchiveError(t("archive_problem", archive=self.shown, text=t("content_missing", sha=sha)))
        return decompress(bytes(rows[0][0]))

    def result_json(self, bureau: str, number: int) -> str:
        """Run *number*'s result as the JSON it produced (schema 1 or 2), byte for byte."""
        return self.blob(self.run(bureau, number).result_sha256).decode("utf-8")

    def result_dict(self, bureau: str, number: int) -> dict[str, Any]:
        """Run *number*'s result as a schema-2 dict, whichever schema it was written in
        (:func:`bureaukit.result.load`)."""
        from bureaukit.result import load

        return load(self.blob(self.run(bureau, number).result_sha256))

    def file_hashes(self, bureau: str, number: int) -> dict[str, tuple[str, str]]:
        """Run *number*'s input files: name → (role ``config`` or ``input``, sha256)."""
        with self.db.guard():
            rows = self.db.execute(
                "SELECT name, role, sha256 FROM run_files WHERE bureau = ? AND number = ? ORDER BY name",
                (bureau, number),
            )
        return {str(n): (str(r), str(s)) for n, r, s in rows}

    def inputs(self, bureau: str, number: int) -> dict[str, bytes]:
        """Run *number*'s input files as they were: name (the config's file name, and each
        ledger as the config writes it) → content."""
        return {name: self.blob(sha) for name, (_, sha) in self.file_hashes(bureau, number).items()}

    def audit(self, bureau: str, period: str | None = None) -> list[AuditRecord]:
        sql = "SELECT bureau, seq, at, actor, action, period, run, reason, item FROM audit WHERE bureau = ?"
        params: list[Any] = [bureau]
        if period is not None:
            sql += " AND period = ?"
            params.append(period)
        with self.db.guard():
            rows = self.db.execute(sql + " ORDER BY seq", params)
        return [AuditRecord(r[0], int(r[1]), r[2], r[3], r[4], r[5], None if r[6] is None else int(r[6]), r[7], r[8])
                for r in rows]

    def history(self, bureau: str, period: str, as_of: date, upto: int | None = None
                ) -> dict[str, list[tuple[str, str, int | None]]]:
        """Unit → [(as-of, composite, rank)] over the period's runs up to *as_of* (and
        run *upto*, when given): one point per as-of date, from the latest run of that date."""
        latest: dict[str, int] = {}
        for r in self.runs(bureau, period):
            if r.as_of <= as_of and (upto is None or r.number <= upto) and r.status != SUPERSEDED:
                latest[r.as_of.isoformat()] = r.number
        out: dict[str, list[tuple[str, str, int | None]]] = {}
        for day, number in sorted(latest.items()):
            with self.db.guard():
                rows = self.db.execute(
                    "SELECT subject, composite, rank FROM run_scorecards WHERE bureau = ? AND number = ? "
                    "ORDER BY subject", (bureau, number))
            for subject, composite, rank in rows:
                if str(subject).startswith("unit:"):
                    out.setdefault(str(subject), []).append((day, str(composite), None if rank is None else int(rank)))
        return out

    # --- recording -------------------------------------------------------------------------

    def record(self, bureau: Bureau, result: Result, *, by: str | None = None,
               at: datetime | None = None, packed: PackedResult | None = None) -> Recorded:
        """Record a successful run with the content of every input, in one transaction:
        a killed process leaves no partial run. The same inputs, versions, period and
        as-of as the bureau's latest run record nothing new. *packed*: the result's JSON
        already packed (``score`` packs it once for the archive and its JSON report)."""
        versions = {"bureaukit": result.version, **{c.distribution: c.version for c in result.campaigns}}
        config_name = result_config_name(bureau)
        hashes = {config_name: result.config_hash, **result.files}
        key = run_key(result, hashes, versions)
        with self.db.guard():
            latest = self._latest(result.bureau_id)
        if latest is not None and latest.key == key:
            return Recorded(latest, False)  # the usual re-run: nothing read, nothing written
        packed = packed or PackedResult.of(result)
        with self.db.guard():
            known = self._known_blobs([packed.sha256, *hashes.values()])
        # content already stored (an unchanged ledger, the same result) is neither read nor compressed again
        new_blobs = [(sha, len(data), compress(data)) for sha, data in read_inputs(bureau, result, skip=known).items()]
        if packed.sha256 not in known:
            new_blobs.append((packed.sha256, packed.size, packed.data))
        with self.db.guard(writing=True), self.db.write(result.bureau_id):
            latest = self._latest(result.bureau_id)  # again: another recorder may have been first
            if latest is not None and latest.key == key:
                return Recorded(latest, False)
            number = (latest.number if latest else 0) + 1
            final = self.final_run(result.bureau_id, result.period.id)
            info = RunInfo(
                bureau=result.bureau_id, number=number, recorded_at=_now(at), by=who(by),
                period=result.period.id, period_end=result.period.end, as_of=result.period.as_of,
                status=RECORDED, after_final=final is not None, language=result.language,
                config_name=config_name, versions=versions, key=key, result_sha256=packed.sha256,
                summary=summary(result), time_progress=fmt_rate(result.period.time_progress),
            )
            self._insert_blobs(new_blobs)
            self._insert_run(info, bureau, result)
            self._insert_tables(info, result)
            self._audit_appeals(info, result, at)
            before = self._claim(result.bureau_id, result.bureau_name)
        return Recorded(info, True, before)

    def _claim(self, bureau: str, name: str) -> str | None:
        """Keep *name* as the bureau id's name (``archive_meta`` key ``bureau:ID``); return
        the name it had when another."""
        key = f"bureau:{bureau}"
        rows = self.db.execute("SELECT value FROM archive_meta WHERE key = ?", (key,))
        if rows and rows[0][0] == name:
            return None
        self.db.execute("INSERT INTO archive_meta (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, name))
        return str(rows[0][0]) if rows else None

    def _known_blobs(self, shas: list[str]) -> set[str]:
        known: set[str] = set()
        for i in range(0, len(shas), 500):
            part = shas[i:i + 500]
            marks = ", ".join("?" * len(part))
            known |= {str(r[0]) for r in self.db.execute(f"SELECT sha256 FROM blobs WHERE sha256 IN ({marks})", part)}
        return known

    def _latest(self, bureau: str) -> RunInfo | None:
        rows = self.db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE bureau = ? ORDER BY number DESC LIMIT 1", (bureau,)
        )
        return _run_info(rows[0]) if rows else None

    def _insert_blobs(self, packed: list[tuple[str, int, bytes]]) -> None:
        for sha, size, data in packed:
            self.db.execute(
                "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                (sha, size, data),
            )

    def _insert_run(self, info: RunInfo, bureau: Bureau, result: Result) -> None:
        self.db.execute(
            f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES ({', '.join('?' * 16)})",
            (info.bureau, info.number, info.recorded_at, info.by, info.period, info.period_end.isoformat(),
             info.as_of.isoformat(), info.status, int(info.after_final), info.language, info.config_name,
             json.dumps(dict(info.versions), sort_keys=True), info.key, info.result_sha256, info.summary,
             info.time_progress),
        )
        files = [("config", info.config_name, result.config_hash)]
        files += [("input", name, sha) for name, sha in result.files.items()]
        self.db.executemany(
            "INSERT INTO run_files (bureau, number, role, name, sha256) VALUES (?, ?, ?, ?, ?)",
            [(info.bureau, info.number, role, name, sha) for role, name, sha in sorted(files, key=lambda f: f[1])],
        )

    def _insert_tables(self, info: RunInfo, result: Result) -> None:
        for section, rows in table_rows(result).items():
            table, columns = _TABLES[section]
            names = ", ".join(("bureau", "number", "item", *columns))
            self.db.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * (len(columns) + 3))})",
                [(info.bureau, info.number, item, *row) for item, row in enumerate(rows, start=1)],
            )

    def table_items(self, run: RunInfo, *, cites: bool) -> dict[str, list[dict[str, Any]]]:
        """Run *run*'s scorecards, scores, payments and findings from the plain tables, in
        the result's order, each a dict named as the result JSON names it (a scorecard's
        ``campaigns`` included); with *cites*, each outcome's ``evidence`` as the ledger
        rows it cites (``source``, ``row``). For a run recorded with archive schema 3 on."""
        return {section: [item_of(names, row) for row in rows]
                for section, (names, rows) in self.table_rows(run, cites=cites).items()}

    def table_rows(self, run: RunInfo, *, cites: bool) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
        """:meth:`table_items` as the rows come, for comparing two runs without making a
        dict of every item: section → (the items' names, their rows); :func:`item_of`
        makes an item of a row."""
        out: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
        for section, (table, columns) in _TABLES.items():
            wanted = [c for c in columns if c != "cites" or cites]
            with self.db.guard():
                rows = self.db.execute(f"SELECT {', '.join(wanted)} FROM {table} WHERE bureau = ? AND number = ? "
                                       "ORDER BY item", (run.bureau, run.number))
            out[section] = [_JSON_NAMES.get(c, c) for c in wanted], rows
        return out

    # --- the lock (锁定与重新开启) ---------------------------------------------------------------

    def finalise(self, bureau: str, number: int, *, by: str, note: str = "",
                 at: datetime | None = None) -> AuditRecord:
        """Make run *number* (as of its period's end) the period's final result."""
        decided_by(by)
        run = self.run(bureau, number)
        if run.as_of != run.period_end:
            raise ArchiveError(t("final_needs_end", number=number, as_of=run.as_of, period=run.period,
                                 end=run.period_end))
        with self.db.guard(writing=True), self.db.write(bureau):
            final = self.final_run(bureau, run.period)
            if final is not None:
                raise ArchiveError(t("already_final_reopen", period=run.period, number=final.number))
            self.db.execute("UPDATE runs SET status = ? WHERE bureau = ? AND number = ?", (FINAL, bureau, number))
            return self._audit(bureau, "finalise", run.period, number, note, by, at)

    def reopen(self, bureau: str, period: str, *, by: str, reason: str,
               at: datetime | None = None) -> AuditRecord:
        """Open a final period again: its final run becomes ``superseded`` (kept), with the reason."""
        decided_by(by)
        if not reason.strip():
            raise ArchiveError(t("reopen_reason"))
        with self.db.guard(writing=True), self.db.write(bureau):
            final = self.final_run(bureau, period)
            if final is None:
                raise ArchiveError(t("not_final", period=period))
            self.db.execute("UPDATE runs SET status = ? WHERE bureau = ? AND number = ?",
                            (SUPERSEDED, bureau, final.number))
            return self._audit(bureau, "reopen", period, final.number, reason, by, at)

    def note_decision(self, bureau: str, action: str, period: str, run: int | None, *, by: str, reason: str,
                      at: datetime | None = None) -> AuditRecord:
        """Add an audit record for a decision made elsewhere (an appeal's outcome, …)."""
        with self.db.guard(writing=True), self.db.write(bureau):
            return self._audit(bureau, action, period, run, reason, by, at)

    def _audit(self, bureau: str, action: str, period: str, run: int | None, reason: str, by: str,
               at: datetime | None, item: str | None = None) -> AuditRecord:
        rows = self.db.execute("SELECT MAX(seq) FROM audit WHERE bureau = ?", (bureau,))
        seq = int(rows[0][0] or 0) + 1
        rec = AuditRecord(bureau, seq, _now(at), who(by), action, period, run, reason.strip(), item)
        self.db.execute(
            "INSERT INTO audit (bureau, seq, at, actor, action, period, run, reason, item) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.bureau, rec.seq, rec.at, rec.by, rec.action, rec.period, rec.run, rec.reason, rec.item),
        )
        return rec

    def _audit_appeals(self, info: RunInfo, result: Result, at: datetime | None) -> None:
        """An audit record for each appeal decision (异议复核) the run's 异议登记表 shows
        as of its date that the period's audit does not hold yet: the reviewer (复核人,
        else who recorded the run), the decision's date and note, the first run with it.
        A decision changed later (维持, then 更正 on review) is a new record."""
        decided = [a for a in result.appeals if a.status in APPEAL_ACTIONS]
        if not decided:
            return
        rows = self.db.execute("SELECT action, item FROM audit WHERE bureau = ? AND period = ? AND item IS NOT NULL",
                               (info.bureau, info.period))
        held = {(str(action), str(item)) for action, item in rows}
        for a in decided:
            action = APPEAL_ACTIONS[a.status]
            if (action, a.id) in held:
                continue
            what = " ".join(x for x in (a.subject, a.campaign, a.metric) if x)
            # kept in the language of the run that first shows the decision
            reason = t("appeal_decided", result.language, id=a.id, subject=what, date=a.decided)
            reason = t("audit_reason", result.language, line=reason, reason=a.note) if a.note else reason
            self._audit(info.bureau, action, info.period, info.number, reason, a.decided_by or info.by, at, a.id)


_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "scorecards": ("run_scorecards", ("subject", "name", "grp", "composite", "grade", "rank", "campaigns")),
    "scores": ("run_scores", ("campaign", "subject", "metric", "value", "target", "unit", "cites")),
    "payments": ("run_payments", ("campaign", "subject", "kind", "amount", "period", "cites")),
    "findings": ("run_findings", ("campaign", "subject", "code", "severity", "message", "due", "cites")),
}
"""Result section → its plain table and the columns :func:`table_rows` fills."""

_JSON_NAMES = {"grp": "group", "cites": "evidence"}
"""Plain-table columns the result JSON names otherwise."""

def item_of(names: list[str], row: Any) -> dict[str, Any]:
    """A plain-table row as the result JSON names it: a scorecard's points per campaign
    and an outcome's cited rows (``source``, ``row``) decoded from their JSON text."""
    item = dict(zip(names, row, strict=True))
    if "campaigns" in item:
        item["campaigns"] = json.loads(item["campaigns"])
    if "evidence" in item:
        item["evidence"] = [{"source": f, "row": r} for f, r in json.loads(item["evidence"])]
    return item


def table_rows(result: Result, lang: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The plain tables' rows of *result*, section by section in the result's order, the
    columns of :data:`_TABLES`: values written as the result JSON writes them (findings'
    messages in *lang*, default the result's language)."""
    from bureaukit.result import write_value

    def cites(evidence: Any) -> str:
        return json.dumps([[e.source, e.row] for e in evidence if e.source and e.row is not None], ensure_ascii=False)

    lang = lang or result.language
    return {
        "scorecards": [(c.subject, c.name, c.group, fmt_points(c.composite), c.grade, c.rank,
                        json.dumps({k: fmt_points(v) for k, v in c.campaigns.items()}, ensure_ascii=False))
                       for c in result.scorecards],
        "scores": [(s.campaign, s.subject, s.metric, write_value(s, s.value), write_value(s, s.target), s.unit,
                    cites(s.evidence)) for s in result.scores],
        "payments": [(p.campaign, p.subject, p.kind, fmt_money(p.amount), p.period, cites(p.evidence))
                     for p in result.payments],
        "findings": [(f.campaign, f.subject, f.code, f.severity, f.message.get(lang) or f.message.get("zh", ""),
                      f.due.isoformat() if f.due else None, cites(f.evidence)) for f in result.findings],
    }


def result_config_name(bureau: Bureau) -> str:
    return bureau.config.path.name


def input_paths(bureau: Bureau, result: Result) -> dict[str, tuple[str, Path, str]]:
    """Every input file of the run: name (the config's file name, and each ledger as
    the config writes it) → (role ``config`` or ``input``, path, sha256 as scored)."""
    from bureaukit.ledgers import Source

    out = {result_config_name(bureau): ("config", bureau.config.path, result.config_hash)}
    for written, sha in result.files.items():
        out[written] = ("input", Source.parse(written, bureau.config.root, bureau.config.moved).path, sha)
    return out


def read_inputs(bureau: Bureau, result: Result, skip: set[str] | frozenset[str] = frozenset()
                ) -> dict[str, bytes]:
    """The content of every input file the run read, sha256 → bytes, except those whose
    sha256 is in *skip* (already stored). A file changed since it was scored is refused:
    the stored content must be what the run read."""
    out: dict[str, bytes] = {}
    changed: list[str] = []
    for name, (_, path, sha) in input_paths(bureau, result).items():
        if sha in skip or sha in out:
            continue
        data = read_input(path)
        if "sha256:" + hashlib.sha256(data).hexdigest() != sha:
            changed.append(name)
        out[sha] = data
    if changed:
        raise ArchiveError(t("changed_while_scoring", files=", ".join(changed)) + t("nothing_recorded"))
    return out


def read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"{path}: " + t("cannot_read_file", reason=reason(exc))) from None


def run_key(result: Result, files: Mapping[str, str], versions: Mapping[str, str]) -> str:
    """What makes two runs the same: inputs, versions, period, as-of, campaigns and language."""
    ident = {
        "files": dict(sorted(files.items())), "versions": dict(sorted(versions.items())),
        "period": result.period.id, "as_of": result.period.as_of.isoformat(),
        "campaigns": [c.name for c in result.campaigns], "language": result.language,
    }
    return "sha256:" + hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()


def summary(result: Result) -> str:
    """One line for ``runs``: units ranked, violations, money by kind."""
    ranked = sum(1 for c in result.scorecards if c.rank is not None and c.subject.startswith("unit:"))
    violations = sum(1 for f in result.findings if f.severity == "violation")
    money: dict[str, Decimal] = {}
    for p in result.payments:
        money[p.kind] = money.get(p.kind, Decimal(0)) + p.amount
    parts = [f"{ranked} ranked", f"{violations} violations"]
    parts += [f"{kind} {fmt_money(total)}" for kind, total in sorted(money.items())]
    return "; ".join(parts)


_SUMMARY_PART = re.compile(r"(?P<n>\d+) (?P<what>ranked|violations)|(?P<kind>[a-z_]+) (?P<amount>-?[\d,]+(?:\.\d+)?)")


def summary_text(stored: str) -> str:
    """A run's stored summary (``3 ranked; 0 violations; refund 1200.00``, one fixed form
    in the archive whatever the run's language) as this run's language reads it; a part
    in no known form is shown as stored."""
    from bureaukit import display
    from bureaukit.messages import language
    from bureaukit.render._labels import LABELS

    lang = language()
    out = []
    for part in stored.split("; "):
        m = _SUMMARY_PART.fullmatch(part)
        if m is None:
            out.append(part)
        elif m["what"]:
            out.append(t("summary_" + m["what"], n=m["n"]))
        else:
            zh, en = LABELS.get(m["kind"], (m["kind"], m["kind"]))
            # stored plain (2000.00), shown as every report shows money (2,000.00; REPORTS §2)
            amount = display.money(Decimal(m["amount"].replace(",", "")))
            out.append(t("summary_money", kind=en.lower() if lang == "en" else zh, amount=amount))
    return t("reason_sep").join(out)


def action_title(action: str) -> str:
    """An audit record's action (``finalise``, ``appeal upheld``) in the run's language."""
    from bureaukit.messages import MESSAGES

    key = "action_" + action.replace(" ", "_")
    return t(key) if key in MESSAGES else action


def status_title(status: str) -> str:
    """A run's status (``recorded``, ``final``, ``superseded``) in the run's language."""
    from bureaukit.messages import MESSAGES

    key = "status_" + status
    return t(key) if key in MESSAGES else status
