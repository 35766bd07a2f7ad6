"""The hooks a bureaukit plugin may implement — this module is their reference.

A plugin is a module (or object) registered through the entry point group
``bureaukit``; the entry point's name is the campaign name it provides. Only the
entry points a config enables are imported. Implement hooks with
``@bureaukit.hookimpl`` and the exact function names below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from bureaukit.campaigns import Campaign
    from bureaukit.readers import Reader
    from bureaukit.render import Renderer
    from bureaukit.result import Result

hookspec = pluggy.HookspecMarker("bureaukit")
hookimpl = pluggy.HookimplMarker("bureaukit")


@hookspec
def bureaukit_campaigns() -> list[Campaign]:
    """Return the campaigns this plugin provides.

    Called once, right after the plugin is loaded, before any config table is
    structured. Return a list of :class:`bureaukit.Campaign` (usually one, named as
    the entry point). Each registration is validated: its ``api`` must equal the
    core's plugin API version, its name, settings class and record classes must be
    well formed, and no two plugins may register the same name; a bad registration
    is reported as this plugin's failure (exit 3), never silently skipped.

    Results from all plugins are collected (not ``firstresult``).
    """


@hookspec
def bureaukit_readers() -> list[Reader]:
    """Return ledger formats: :class:`bureaukit.readers.Reader` objects.

    Called when the first ledger is read. A reader has a ``name``, the file
    ``suffixes`` it reads (``(".csv",)``) and ``read(path, sheet) -> Table``, where
    ``sheet`` is the part after ``#`` in the config (``file.xlsx#Sheet``) or None.
    ``read`` raises :class:`bureaukit.readers.ReadError` for a file it cannot read.
    The core's own csv/xlsx/json/jsonl readers come through this hook; a plugin's
    reader for a suffix the core also reads takes precedence.

    Results from all plugins are collected (not ``firstresult``).
    """


@hookspec
def bureaukit_renderers() -> list[Renderer]:
    """Return output formats: :class:`bureaukit.render.Renderer` objects.

    Called when a report is written. A renderer has a ``name`` (``--format``), a
    file ``suffix`` (``-o report.html`` picks the renderer by it), whether it
    ``binary``, and ``render(result, options) -> bytes | str``; optionally
    ``write(result, options, fh)``, which writes the same bytes to a binary file
    object piece by piece and is then used by the CLI instead of ``render``. The
    core's table, json, csv, xlsx and html come through this hook.

    Results from all plugins are collected (not ``firstresult``).
    """


@hookspec
def bureaukit_result(result: Result, config: Any) -> None:
    """Be told of every finished result, e.g. to push it to another system.

    Called once per ``score`` run after scorecards are made, with the
    :class:`bureaukit.Result` (frozen: it cannot be changed) and the
    :class:`bureaukit.config.Config`. The return value is ignored; an exception
    is reported as this plugin's failure (exit 3) and no output is written.
    """
