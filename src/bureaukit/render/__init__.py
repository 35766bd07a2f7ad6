"""Report formats (CORE §11), registered through ``bureaukit_renderers`` like anyone's.

Each core renderer lives in its own module and is imported only when used, so that
``bureaukit score --format json`` never pays for xlsxwriter or the html template.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import attrs

from bureaukit.messages import speaking

if TYPE_CHECKING:
    from bureaukit.result import Result


@attrs.frozen
class RenderOptions:
    """How a report is rendered: ``lang`` zh|en for labels and messages; ``width`` the
    terminal width a table may use (None: unbounded)."""

    lang: str = "zh"
    width: int | None = None
    history: Mapping[str, Sequence[tuple[str, str, int | None]]] | None = None
    """Earlier runs of the period from the archive: subject → (as-of, composite, rank)
    in as-of order, the current run last; the html report draws each unit's trend."""
    audit: Sequence[str] = ()
    """The period's audit records (finalise, reopen …), one line each, for the footer of
    a final run's report."""


@attrs.frozen
class Renderer:
    """An output format: ``--format NAME``, or picked by ``-o`` file suffix.

    ``write``, when given, writes what ``render`` returns (a ``str`` as UTF-8) to a binary
    file object, piece by piece; the CLI then uses it instead of ``render``, so a big
    report is never held whole in memory.
    """

    name: str
    suffixes: tuple[str, ...]
    binary: bool
    render: Callable[[Result, RenderOptions], bytes | str]
    description: str = ""
    write: Callable[[Result, RenderOptions, BinaryIO], None] | None = None


def _lazy(module: str) -> Callable[[Result, RenderOptions], bytes | str]:
    # in the report's language: the evidence notes it writes on demand read it
    def render(result: Result, options: RenderOptions) -> bytes | str:
        fn: Callable[[Result, RenderOptions], bytes | str] = import_module(module).render
        with speaking(options.lang):
            return fn(result, options)

    return render


def _lazy_write(module: str) -> Callable[[Result, RenderOptions, BinaryIO], None]:
    def write(result: Result, options: RenderOptions, fh: BinaryIO) -> None:
        fn: Callable[[Result, RenderOptions, BinaryIO], None] = import_module(module).write
        with speaking(options.lang):
            fn(result, options, fh)

    return write


CORE_RENDERERS = (
    Renderer("table", (".txt",), False, _lazy("bureaukit.render.table"),
             "aligned text tables (CJK-width aware): scorecards, then each campaign"),
    Renderer("json", (".json",), False, _lazy("bureaukit.render.jsonout"),
             "schema-2 JSON, byte-identical for identical inputs", write=_lazy_write("bureaukit.render.jsonout")),
    Renderer("csv", (".zip",), True, _lazy("bureaukit.render.csvzip"),
             "a zip of one UTF-8 (BOM) CSV per section"),
    Renderer("xlsx", (".xlsx",), True, _lazy("bureaukit.render.xlsx"),
             "an Excel workbook: summary, ranking, a matrix per campaign, then every section (needs xlsxwriter)"),
    Renderer("html", (".html", ".htm"), False, _lazy("bureaukit.render.html"),
             "one self-contained offline HTML page with charts"),
)


TEMP_PREFIX = ".bureaukit-"
STALE_TEMP_SECONDS = 24 * 3600
"""A temp file of ours older than this (a day) is stale whatever its process: a run
writes its report in seconds or minutes."""
_TEMP_NAME = re.compile(r"^\.bureaukit-([0-9a-f]{8})-([0-9]+)-[0-9a-f]{8}\.tmp$")


_LEGACY_TEMP_NAME = re.compile(r"^\..+\.([0-9]+)\.[0-9a-f]{8}\.tmp$")
"""``.report.json.PID.RANDOM.tmp``, as bureaukit named its temp files before."""


def _host_tag() -> str:
    """8 hex digits naming this machine, so that a run on another machine writing to the
    same network folder is never taken for a dead process of ours."""
    import socket
    import zlib

    return f"{zlib.crc32(socket.gethostname().encode('utf-8', 'replace')):08x}"


def _create_temp(folder: Path) -> tuple[int, str]:
    """A new hidden file beside the report, created with the user's umask (0644 mostly),
    not ``tempfile.mkstemp``'s 0600: a report left in a shared folder must stay readable
    by colleagues.

    Its name, ``.bureaukit-HOST-PID-RANDOM.tmp`` (~40 bytes), is not made from the
    report's: it cannot be mistaken for a report (Windows shows dot files), and a report
    name of the file system's full length (255 bytes) leaves room for it."""
    host = _host_tag()
    while True:
        tmp = str(folder / f"{TEMP_PREFIX}{host}-{os.getpid()}-{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap test: the age bound alone decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, as another user's process
        return True
    return True


def clean_stale_temps(folder: Path) -> list[str]:
    """Remove temp files a killed run of ours left in *folder*: those of this machine
    whose process is gone, and any older than :data:`STALE_TEMP_SECONDS`. Only names of
    our exact pattern are touched; returns the names removed."""
    import time

    removed: list[str] = []
    host = _host_tag()
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        legacy = None if m is not None else _LEGACY_TEMP_NAME.match(entry.name)
        if m is None and legacy is None:
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS
            dead = not _alive(int(legacy.group(1))) if legacy is not None else (m is not None and m.group(1) == host and not _alive(int(m.group(2))))
            if old or dead:
                os.unlink(entry.path)
                removed.append(entry.name)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write *data* to *path* via a temp file in the same folder and a rename: on any
    failure no file is created or half-written. *data* is the bytes, or a function that
    writes them to the binary file it is given (a renderer's ``write``), so that they
    need not be held all at once."""
    folder = path.parent if str(path.parent) else Path(".")
    clean_stale_temps(folder)
    fd, tmp = _create_temp(folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
