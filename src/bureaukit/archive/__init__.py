"""The assessment year's record (LIFECYCLE.md): runs archived with their inputs, the
period's lock, the audit trail.

    from bureaukit.archive import open_archive
    with open_archive("sqlite:///archive.sqlite", base=config_dir) as archive:
        recorded = archive.record(bureau, result, by="张三")
        for run in archive.runs(bureau.config.bureau.id, period="2014"):
            print(run.number, run.status, run.summary)

SQLite (standard library) by default; PostgreSQL with ``bureaukit[postgres]``.
"""

from bureaukit.archive.db import SCHEMA_VERSION, ArchiveError, redact
from bureaukit.archive.store import (
    ENV_URL,
    FINAL,
    RECORDED,
    SUPERSEDED,
    Archive,
    AuditRecord,
    Recorded,
    RunInfo,
    archive_url,
    archive_url_of,
    open_archive,
    open_for,
)

__all__ = [
    "ENV_URL",
    "FINAL",
    "RECORDED",
    "SCHEMA_VERSION",
    "SUPERSEDED",
    "Archive",
    "ArchiveError",
    "AuditRecord",
    "Recorded",
    "RunInfo",
    "archive_url",
    "archive_url_of",
    "open_archive",
    "open_for",
    "redact",
]
