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
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off for the block, back as it was after.

    Loading, scoring and encoding a province's ledgers allocate millions of objects,
    nearly all acyclic (records, evidence, outcomes, strings); every full collection
    walks all of them again for nothing (about a fifth of a million-row run). Reference
    counting still frees everything as usual; only the search for cycles waits.

    With *freeze* (for a command: one short process whose bureau and result live until
    it exits), every object alive at the end of the block is moved out of the
    collector's sight for good (``gc.freeze``) before the collector comes back. Without
    it, the first collection after the block walks everything the block made, once more,
    for nothing (the largest single pause of the demo's start). A library caller's
    objects are never frozen: its process may run on and drop them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
