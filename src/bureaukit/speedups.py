"""The one place where bureaukit works around the interpreter's overheads.

Everything else is written the plain way. What is here stays only while a profile shows
it saves more than 10 % of the figure it serves (docs/performance.md has the figures),
and ``tests/test_speedups.py`` checks that a run gives the same result without it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block, back as it was after.

    Loading, scoring and encoding a province's ledgers allocate millions of objects,
    nearly all acyclic (records, evidence, outcomes, strings); every full collection
    walks all of them again for nothing (about a fifth of a million-row run). Reference
    counting still frees everything as usual; only the search for cycles waits.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_loaded() -> None:
    """Move every object alive now out of the collector's sight for good.

    A command is one short process and the loaded bureau lives until it exits: without
    this, each full collection after loading (in the renderers, in plugins that turn the
    collector back on) walks the whole bureau again. Objects made later are collected
    as usual.
    """
    gc.freeze()
