"""The archive's two databases behind one small interface (LIFECYCLE §1, §7).

SQLite through the standard library is the embedded default; PostgreSQL through
psycopg 3 (``bureaukit[postgres]``) serves a city's or province's hub. Plain SQL
through the DB-API: the SQL here is written once with ``?`` placeholders and runs
on both. Every database failure becomes an :class:`ArchiveError` (exit 2) whose
message names the archive without its password.
"""

from __future__ import annotations

import abc
import contextlib
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from bureaukit.errors import InputError, one_line
from bureaukit.messages import reason, t

SCHEMA_VERSION = 3
"""The archive schema this bureaukit writes; older archives are migrated forward."""

APP = "bureaukit-archive"


class ArchiveError(InputError):
    """The archive cannot be opened, read or written: a one-line message, exit 2."""

    def __init__(self, message: str) -> None:
        super().__init__([message])
        self.message = message


def redact(url: str) -> str:
    """*url* with any password replaced by ``***`` (it is never printed)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an archive URL that cannot be parsed)"
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


LEVEL = 1
"""zlib level: ~4× faster than the default 6 on ledgers and JSON, ~15 % larger."""


def compress(data: bytes) -> bytes:
    return zlib.compress(data, LEVEL)


def compressor() -> zlib._Compress:
    """A streaming :func:`compress`: the same format, read back by :func:`decompress`."""
    return zlib.compressobj(LEVEL)


def decompress(data: bytes) -> bytes:
    return zlib.decompress(data)


# --- the schema ------------------------------------------------------------------------
#
# Numbers in the plain tables are TEXT in their written form ("85.50", "1200.00"): exact,
# and what the reports show. Query them with CAST(composite AS REAL) / ::numeric.

_V1 = (
    "CREATE TABLE archive_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, data {blob} NOT NULL)",
    """CREATE TABLE runs (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL, period TEXT NOT NULL, period_end TEXT NOT NULL,
        as_of TEXT NOT NULL, status TEXT NOT NULL, after_final INTEGER NOT NULL,
        language TEXT NOT NULL, config_name TEXT NOT NULL, versions TEXT NOT NULL,
        run_key TEXT NOT NULL, result_sha256 TEXT NOT NULL, summary TEXT NOT NULL,
        PRIMARY KEY (bureau, number))""",
    """CREATE TABLE run_files (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
        sha256 TEXT NOT NULL, PRIMARY KEY (bureau, number, name))""",
    """CREATE TABLE run_scorecards (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, subject TEXT NOT NULL, name TEXT,
        grp TEXT, composite TEXT NOT NULL, grade TEXT, rank INTEGER)""",
    """CREATE TABLE run_scores (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, campaign TEXT NOT NULL,
        subject TEXT NOT NULL, metric TEXT NOT NULL, value TEXT, target TEXT, unit TEXT)""",
    """CREATE TABLE run_payments (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, campaign TEXT NOT NULL,
        subject TEXT NOT NULL, kind TEXT NOT NULL, amount TEXT NOT NULL, period TEXT)""",
    """CREATE TABLE run_findings (
        bureau TEXT NOT NULL, number INTEGER NOT NULL, campaign TEXT NOT NULL,
        subject TEXT NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
        due TEXT)""",
    """CREATE TABLE audit (
        bureau TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
        action TEXT NOT NULL, period TEXT NOT NULL, run INTEGER, reason TEXT NOT NULL,
        PRIMARY KEY (bureau, seq))""",
    "CREATE INDEX run_scorecards_run ON run_scorecards (bureau, number)",
    "CREATE INDEX run_scores_run ON run_scores (bureau, number)",
    "CREATE INDEX run_payments_run ON run_payments (bureau, number)",
    "CREATE INDEX run_findings_run ON run_findings (bureau, number)",
)

_V2 = (
    # what a decision is about beside its period and run: an appeal's 编号 (one audit record
    # per appeal decision and period)
    "ALTER TABLE audit ADD COLUMN item TEXT",
)

_V3 = (
    # diff compares two runs on the plain tables rather than their whole result JSON: each
    # item's place in the result (a key that repeats is told apart by it), a scorecard's
    # points per campaign, the ledger rows an outcome cites (JSON [[file, row], …]), and
    # the run's 序时进度. Runs recorded before stay NULL there and are compared on their JSON.
    "ALTER TABLE runs ADD COLUMN time_progress TEXT",
    "ALTER TABLE run_scorecards ADD COLUMN item INTEGER",
    "ALTER TABLE run_scorecards ADD COLUMN campaigns TEXT",
    "ALTER TABLE run_scores ADD COLUMN item INTEGER",
    "ALTER TABLE run_scores ADD COLUMN cites TEXT",
    "ALTER TABLE run_payments ADD COLUMN item INTEGER",
    "ALTER TABLE run_payments ADD COLUMN cites TEXT",
    "ALTER TABLE run_findings ADD COLUMN item INTEGER",
    "ALTER TABLE run_findings ADD COLUMN cites TEXT",
)

MIGRATIONS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2, 3: _V3}
"""Schema version → the statements that bring the previous version to it."""

TABLES = ("archive_meta", "blobs", "runs", "run_files", "run_scorecards", "run_scores",
          "run_payments", "run_findings", "audit")


class Database(abc.ABC):
    """One open archive database. Subclasses differ only in connecting, locking and errors."""

    kind = ""
    blob_type = ""
    BUSY_MS = 60_000
    """How long a recorder waits for another holding the bureau's write lock before it
    says so (``archive_busy``) instead of waiting for ever."""

    def __init__(self, shown: str, writing: bool = False) -> None:
        self.shown = shown
        """The archive as messages name it (never with a password)."""
        self.writing = writing
        """Opened to record: every failure says nothing was recorded."""

    @abc.abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        ...

    @abc.abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        ...

    @abc.abstractmethod
    def write(self, bureau: str) -> contextlib.AbstractContextManager[None]:
        """One transaction holding the bureau's write lock: run and audit numbers are
        given one recorder at a time, and a failure leaves nothing of it behind."""
        ...

    @abc.abstractmethod
    def table_names(self) -> set[str]:
        ...

    @abc.abstractmethod
    def close(self) -> None:
        ...

    def problem(self, exc: BaseException, writing: bool) -> ArchiveError:
        """The message for a database failure."""
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return self.error(text, writing)

    def error(self, text: str, writing: bool = False) -> ArchiveError:
        """``archive NAME: text``, saying nothing was recorded when it was *writing*."""
        return archive_error(self.shown, text, writing)

    @contextlib.contextmanager
    def guard(self, writing: bool = False) -> Iterator[None]:
        """Turn the driver's errors into an :class:`ArchiveError`."""
        writing = writing or self.writing
        try:
            yield
        except ArchiveError:
            raise
        except OSError as exc:
            raise self.problem(exc, writing) from None
        except Exception as exc:
            if _is_driver_error(exc):
                raise self.problem(exc, writing) from None
            raise

    # --- the schema --------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create a new archive, migrate an older one forward, refuse a newer or foreign one."""
        with self.guard():
            version = self._version()
        if version == SCHEMA_VERSION:
            return
        with self.guard(writing=True), self.write("(schema)"):
            version = self._version()  # another recorder may have created it meanwhile
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for stmt in MIGRATIONS[v]:
                    self.execute(stmt.format(blob=self.blob_type))
            if version == 0:
                self.execute("INSERT INTO archive_meta (key, value) VALUES (?, ?)", ("app", APP))
                self.execute("INSERT INTO archive_meta (key, value) VALUES (?, ?)", ("schema", str(SCHEMA_VERSION)))
            else:
                self.execute("UPDATE archive_meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),))

    def _version(self) -> int:
        names = self.table_names()
        if "archive_meta" not in names:
            if names:
                raise self.error(t("archive_foreign_tables", tables=", ".join(sorted(names)[:5])))
            return 0
        meta = dict(self.execute("SELECT key, value FROM archive_meta"))
        if meta.get("app") != APP:
            raise self.error(t("archive_foreign"))
        try:
            version = int(meta.get("schema", ""))
        except ValueError:
            raise self.error(t("archive_schema_unreadable")) from None
        if version > SCHEMA_VERSION:
            raise self.error(t("archive_newer", version=version, known=SCHEMA_VERSION))
        return version


def archive_error(shown: str, text: str, writing: bool = False) -> ArchiveError:
    """``archive NAME: text`` in the run's language, saying nothing was recorded when it
    was *writing*."""
    return ArchiveError(t("archive_problem", archive=shown, text=text) + (t("nothing_recorded") if writing else ""))


def _is_driver_error(exc: BaseException) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.Error):
        return True
    psycopg = _loaded_psycopg()
    return psycopg is not None and isinstance(exc, psycopg.Error)


def _loaded_psycopg() -> Any:
    import sys

    return sys.modules.get("psycopg")


# --- SQLite ------------------------------------------------------------------------------


class SQLiteDatabase(Database):
    """An archive file: WAL, a busy timeout, and one ``BEGIN IMMEDIATE`` transaction per change."""

    kind = "sqlite"
    blob_type = "BLOB"

    def __init__(self, path: Path, writing: bool = False) -> None:
        super().__init__(str(path), writing)
        import sqlite3

        self.path = path
        if not path.parent.is_dir():
            raise archive_error(str(path), t("archive_no_folder", folder=path.parent))
        if path.is_dir():
            raise archive_error(str(path), t("archive_is_folder"), writing)
        if not path.exists():
            _create_private(path)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=self.BUSY_MS / 1000,
                                        check_same_thread=False)
        except sqlite3.Error as exc:
            raise self.problem(exc, writing) from None
        with self.guard():
            self.conn.execute(f"PRAGMA busy_timeout = {self.BUSY_MS}")
            names = self.table_names()  # a file that is not a database fails here, before anything else
            # WAL rewrites the file's header: never on a database that is not (yet) ours
            if os.access(path, os.W_OK) and (not names or "archive_meta" in names):
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL" if self._wal() else "PRAGMA synchronous = FULL")

    def _wal(self) -> bool:
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"

    def problem(self, exc: BaseException, writing: bool) -> ArchiveError:
        text = str(exc).lower()
        why = one_line(exc)
        if "not a database" in text or "malformed" in text:
            why = t("archive_not_sqlite")
        elif ("readonly" in text or "read-only" in text or isinstance(exc, PermissionError)
              or not os.access(self.path, os.W_OK) or not os.access(self.path.parent, os.W_OK)):
            why = t("archive_read_only")
        elif "disk is full" in text or "disk i/o" in text or "no space" in text:
            why = t("archive_disk_full")
        elif "locked" in text or "busy" in text:
            why = t("archive_busy")
        elif "unable to open" in text:
            why = t("archive_cannot_open")
        return self.error(why, writing)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def write(self, bureau: str) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def table_names(self) -> set[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")}

    def close(self) -> None:
        self.conn.close()


def _create_private(path: Path) -> None:
    """A new archive file readable by its owner only: it holds names, penalties and money."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return  # another recorder made it a moment ago
    except OSError as exc:
        raise archive_error(str(path), t("archive_cannot_create", reason=reason(exc))) from None
    os.close(fd)


# --- PostgreSQL --------------------------------------------------------------------------


class PostgresDatabase(Database):
    """A hub's database (psycopg 3). Run numbers are given under a per-bureau advisory lock."""

    kind = "postgresql"
    blob_type = "BYTEA"
    CONNECT_TIMEOUT = 10

    def __init__(self, url: str, writing: bool = False) -> None:
        super().__init__(redact(url), writing)
        self._secret = urlsplit(url).password
        try:
            import psycopg
        except ImportError:
            raise self.error(t("archive_needs_psycopg")) from None
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=self.CONNECT_TIMEOUT)
            # the bureau's advisory lock (write) waits at most BUSY_MS, as SQLite's busy timeout
            self.conn.execute(f"SET lock_timeout = {int(self.BUSY_MS)}")
        except psycopg.Error as exc:
            raise self.problem(exc, writing) from None

    def problem(self, exc: BaseException, writing: bool) -> ArchiveError:
        text = " ".join(str(exc).split()) or type(exc).__name__
        if self._secret:
            text = text.replace(self._secret, "***").replace(unquote(self._secret), "***")
        lowered = text.lower()
        if "connection" in lowered and ("refused" in lowered or "failed" in lowered or "timeout" in lowered):
            text = t("pg_unreachable", text=text)
        elif "read-only" in lowered or "permission denied" in lowered:
            text = t("pg_read_only", text=text)
        elif "no space" in lowered or "disk full" in lowered:
            text = t("pg_disk_full", text=text)
        elif "lock timeout" in lowered:
            text = t("archive_busy")
        return self.error(text, writing)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self.conn.execute(sql.replace("?", "%s"), tuple(params))
        return list(cur.fetchall()) if cur.description is not None else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), [tuple(r) for r in rows])

    @contextlib.contextmanager
    def write(self, bureau: str) -> Iterator[None]:
        with self.conn.transaction():
            # one recorder per bureau at a time (others wait), released at commit or rollback
            self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (f"bureaukit:{bureau}",))
            yield

    def table_names(self) -> set[str]:
        rows = self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {str(r[0]) for r in rows}

    def close(self) -> None:
        self.conn.close()


def connect(url: str, base: Path | None = None, *, writing: bool = False) -> Database:
    """Open the archive at *url*: ``sqlite:///relative/path`` (against *base*),
    ``sqlite:////absolute/path``, a bare file path, or ``postgresql://…``."""
    if url.startswith(("postgresql://", "postgres://")):
        db: Database = PostgresDatabase(url, writing)
    else:
        db = SQLiteDatabase(sqlite_path(url, base), writing)
    try:
        db.ensure_schema()
    except BaseException:
        db.close()
        raise
    return db


def sqlite_path(url: str, base: Path | None) -> Path:
    if url.startswith("sqlite:///"):
        rest = url.removeprefix("sqlite:///")
        p = Path("/" + rest[1:]) if rest.startswith("/") else Path(rest)
    elif "://" in url:
        scheme = url.split("://", 1)[0]
        raise ArchiveError("archive.url: " + t("archive_unknown_url", scheme=scheme))
    else:
        p = Path(url)
    if not p.is_absolute() and base is not None:
        p = base / p
    return p
