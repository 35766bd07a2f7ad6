"""A problem a user can act on, and the one place it is written out.

Every check in bureaukit (config, org, ledgers, a campaign's own check, the CLI's
options) reports what is wrong as a :class:`Problem`: *where* (a file, its row, a
column or a dotted config path) and *what*.  :meth:`Problem.__str__` is the only
code that joins them, in the form a clerk's editor jumps to::

    ledgers/projects.csv:12: 签约日期: expected a date, got "2014-02-30"
    bureau.toml: campaigns.investment.targets.total_wan: expected a number, got "一万八千"
    bureau.toml:7: column 15: TOML syntax: Invalid value
"""

from __future__ import annotations

import attrs

from bureaukit.text import visible


@attrs.frozen
class Problem:
    """What is wrong (``message``) and where: ``file`` (as the user named it), its
    ``row`` (a line or ledger row, 1-based), and ``where`` inside it (a column header,
    ``column 15``, or a dotted config path such as ``scoring.grades[0].min``)."""

    message: str
    file: str | None = None
    row: int | None = None
    where: str | None = None

    def __str__(self) -> str:
        # file names and headers are user text, made visible (a message quotes its cells so already)
        place = f"{visible(self.file or '')}{'' if self.row is None else f':{self.row}'}"
        return ": ".join(part for part in (place, visible(self.where or ""), self.message) if part)

    def inside(self, file: str) -> Problem:
        """This problem, found in *file* (a config path found while reading that config)."""
        return attrs.evolve(self, file=file)


def config_problem(path: str, message: str) -> Problem:
    """A problem at a dotted config path (the file is added by whoever read it)."""
    return Problem(message, where=path or None)
