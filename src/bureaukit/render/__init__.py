"""Report formats (CORE §11), registered through ``bureaukit_renderers`` like anyone's.

Each core renderer lives in its own module and is imported only when used, so that
``bureaukit score --format json`` never pays for openpyxl or the html template.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from bureaukit._repr import FieldsRepr

if TYPE_CHECKING:
    from bureaukit.result import Result


@attrs.frozen(repr=False)
class RenderOptions(FieldsRepr):
    """How a report is rendered: ``lang`` zh|en for labels and messages; ``width`` the
    terminal width a table may use (None: unbounded)."""

    lang: str = "zh"
    width: int | None = None


@attrs.frozen(repr=False)
class Renderer(FieldsRepr):
    """An output format: ``--format NAME``, or picked by ``-o`` file suffix."""

    name: str
    suffixes: tuple[str, ...]
    binary: bool
    render: Callable[[Result, RenderOptions], bytes | str]
    description: str = ""


def _lazy(module: str) -> Callable[[Result, RenderOptions], bytes | str]:
    def render(result: Result, options: RenderOptions) -> bytes | str:
        fn: Callable[[Result, RenderOptions], bytes | str] = import_module(module).render
        return fn(result, options)

    return render


CORE_RENDERERS = (
    Renderer("table", (".txt",), False, _lazy("bureaukit.render.table"),
             "aligned text tables (CJK-width aware): scorecards, then each campaign"),
    Renderer("json", (".json",), False, _lazy("bureaukit.render.jsonout"),
             "schema-1 JSON, byte-identical for identical inputs"),
    Renderer("csv", (".zip",), True, _lazy("bureaukit.render.csvzip"),
             "a zip of one UTF-8 (BOM) CSV per section"),
    Renderer("xlsx", (".xlsx",), True, _lazy("bureaukit.render.xlsx"),
             "an Excel workbook, one sheet per section (needs openpyxl)"),
    Renderer("html", (".html", ".htm"), False, _lazy("bureaukit.render.html"),
             "one self-contained offline HTML page with charts"),
)


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* via a temp file in the same folder and a rename: on any
    failure no file is created or half-written."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
