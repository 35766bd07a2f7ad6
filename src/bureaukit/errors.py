"""The two failures a user can act on: bad input (exit 2) and a failing plugin (exit 3)."""

from __future__ import annotations

from collections.abc import Iterable

from bureaukit.problems import Problem
from bureaukit.text import visible


class BureaukitError(Exception):
    """Base of the errors bureaukit reports to a user (never with a traceback)."""

    exit_code = 1


class InputError(BureaukitError):
    """Bad input: config, ledgers, usage. ``details`` are the :class:`Problem` s;
    ``problems`` the same written one line each, in the form
    ``FILE:ROW: column: message`` or ``FILE: config.path: message``."""

    exit_code = 2

    def __init__(self, problems: Iterable[str | Problem], total: int | None = None) -> None:
        self.details = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        # every line holds user text (cells, headers, file names, ids): made visible here,
        # whoever built it, so that no message can drive the terminal it is printed on
        self.problems = [visible(p) for p in self.details]
        self.total = total if total is not None else len(self.problems)
        """How many problems there were (more than ``problems`` holds when they were cut)."""
        super().__init__("\n".join(self.problems))


class PluginFailure(BureaukitError):
    """A plugin failed to import, registered garbage, raised or hung while scoring."""

    exit_code = 3

    def __init__(
        self,
        plugin: str,
        summary: str,
        distribution: str | None = None,
        version: str | None = None,
        traceback: str | None = None,
    ) -> None:
        self.plugin = plugin
        self.summary = visible(summary)
        self.distribution = distribution
        self.version = version
        self.traceback = traceback
        from bureaukit.messages import language, t

        self.lang = language()
        """The language the failure was told in (the bureau's, while it loads): its lines say
        the rest in it too."""
        dist = f" ({distribution} {version})" if distribution else ""
        super().__init__(t("plugin_failed", plugin=plugin, dist=dist, summary=summary))


def one_line(exc: BaseException) -> str:
    """An exception's one-line summary: ``ValueError: bad thing``."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def format_exc() -> str:
    """The current exception's traceback as text (``traceback`` is imported only on failure)."""
    import traceback

    return traceback.format_exc()


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` for the known word closest to *word*, else nothing:
    ``f'unknown kind "{kind}"{did_you_mean(kind, kinds)}'``."""
    if len(word) > 100:  # difflib's cost grows with the square of the length; no key is this long
        return ""
    import difflib

    from bureaukit.messages import t

    match = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return t("did_you_mean", word=f'"{match[0]}"') if match else ""
