"""``--format json``: the schema-2 JSON of CORE §10 (docs/result-schema.md)."""

from __future__ import annotations

from typing import BinaryIO

from bureaukit.render import RenderOptions
from bureaukit.result import Result


def render(result: Result, options: RenderOptions) -> str:
    return result.to_json(options.lang)


def write(result: Result, options: RenderOptions, fh: BinaryIO) -> None:
    result.write_json(fh, options.lang)
