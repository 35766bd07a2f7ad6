"""Report formats (CORE §11), registered through ``bureaukit_renderers`` like anyone's.

Each core renderer lives in its own module and is imported only when used, so that
``bureaukit score --format json`` never pays for xlsxwriter or the html template.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import attrs

from bureaukit._repr import FieldMethods

if TYPE_CHECKING:
    from bureaukit.result import Result


@attrs.frozen(repr=False, eq=False)
class RenderOptions(FieldMethods):
    """How a report is rendered: ``lang`` zh|en for labels and messages; ``width`` the
    terminal width a table may use (None: unbounded)."""

    lang: str = "zh"
    width: int | None = None


@attrs.frozen(repr=False, eq=False)
class Renderer(FieldMethods):
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
    def render(result: Result, options: RenderOptions) -> bytes | str:
        fn: Callable[[Result, RenderOptions], bytes | str] = import_module(module).render
        return fn(result, options)

    return render


def _lazy_write(module: str) -> Callable[[Result, RenderOptions, BinaryIO], None]:
    def write(result: Result, options: RenderOptions, fh: BinaryIO) -> None:
        fn: Callable[[Result, RenderOptions, BinaryIO], None] = import_module(module).write
        fn(result, options, fh)

    return write


CORE_RENDERERS = (
    Renderer("table", (".txt",), False, _lazy("bureaukit.render.table"),
             "aligned text tables (CJK-width aware): scorecards, then each campaign"),
    Renderer("json", (".json",), False, _lazy("bureaukit.render.jsonout"),
             "schema-1 JSON, byte-identical for identical inputs", write=_lazy_write("bureaukit.render.jsonout")),
    Renderer("csv", (".zip",), True, _lazy("bureaukit.render.csvzip"),
             "a zip of one UTF-8 (BOM) CSV per section"),
    Renderer("xlsx", (".xlsx",), True, _lazy("bureaukit.render.xlsx"),
             "an Excel workbook: summary, ranking, a matrix per campaign, then every section (needs xlsxwriter)"),
    Renderer("html", (".html", ".htm"), False, _lazy("bureaukit.render.html"),
             "one self-contained offline HTML page with charts"),
)


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new hidden file beside the report, created with the user's umask (0644 mostly),
    not ``tempfile.mkstemp``'s 0600: a report left in a shared folder must stay readable
    by colleagues (importing tempfile also cost ~3 ms of every start)."""
    while True:
        tmp = str(folder / f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write *data* to *path* via a temp file in the same folder and a rename: on any
    failure no file is created or half-written. *data* is the bytes, or a function that
    writes them to the binary file it is given (a renderer's ``write``), so that they
    need not be held all at once."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = _create_temp(folder, path.name)
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
