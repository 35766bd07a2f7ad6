"""What bureaukit agrees to read: regular files of bounded size (docs/reliability.md).

Every input file — the config, the org files, every ledger, whatever reader reads
it — passes :func:`check_regular` before it is opened. A FIFO or a symlink to
``/dev/stdin`` would block the read for ever, ``/dev/zero`` would be read until
memory runs out, and a file far larger than any real ledger is a mistake (a wrong
export, a zip bomb's cousin) that should be a message, not a swap storm.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""A bureau config is a few KB (inline ``[[units]]`` tables a few hundred): 16 MiB is
far beyond any real one and still reads in a blink."""

MAX_LEDGER_BYTES = 1024 * 1024 * 1024
"""The largest ledger file read (1 GiB). The largest real ledgers are about 100 MB
(a million CSV rows of a province, the most one Excel sheet holds); ten times that is
the bound, so that a real ledger never meets it and a runaway file is refused before
it is read."""


class FileRefused(Exception):
    """A path bureaukit will not read; ``message`` says why, for a problem line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _kind(mode: int) -> str:
    """What the file at *mode* is, as a message key's tail (``file_is_fifo``)."""
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "other"


def size_text(n: int) -> str:
    """Bytes as a person reads them: ``1.5 GiB``, ``300 MiB``, ``12 KiB``."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ") if n % size else f"{n // size} {unit}"
    return f"{n} bytes"


def check_regular(path: Path, limit: int, what: str = "ledger") -> int:
    """The size of *path* when it is a regular file (symlinks followed) of at most
    *limit* bytes; raises :class:`FileRefused` otherwise, and ``OSError`` (a missing
    or unreadable file) as ``os.stat`` does.

    The file is never opened here: opening a FIFO for reading blocks until a writer
    comes, and some devices act on open.
    """
    from bureaukit.messages import t

    st = os.stat(path)
    named = t(f"what_{what}")
    if not stat.S_ISREG(st.st_mode):
        kind = _kind(st.st_mode)
        if kind == "folder":
            raise FileRefused(t("file_folder", what=named))
        raise FileRefused(t("file_kind", kind=t(f"file_is_{kind}"), what=named))
    if st.st_size > limit:
        raise FileRefused(t("file_too_big", size=st.st_size, shown=size_text(st.st_size), what=named,
                            limit=size_text(limit)))
    return st.st_size


def file_hash(path: Path) -> str:
    """``sha256:…`` of a file's bytes: the run's inputs record what was read."""
    import hashlib

    with path.open("rb") as fh:
        return "sha256:" + hashlib.file_digest(fh, "sha256").hexdigest()
