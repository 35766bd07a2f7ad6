"""The core's own readers and renderers, registered through the same hooks as any plugin's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bureaukit.hookspecs import hookimpl

if TYPE_CHECKING:
    from bureaukit.readers import Reader
    from bureaukit.render import Renderer


@hookimpl
def bureaukit_readers() -> list[Reader]:
    from bureaukit.readers import CORE_READERS

    return list(CORE_READERS)


@hookimpl
def bureaukit_renderers() -> list[Renderer]:
    from bureaukit.render import CORE_RENDERERS

    return list(CORE_RENDERERS)
