"""Fuzz the ledger readers: csv/xlsx/json/jsonl through ``bureaukit.readers`` and
``bureaukit.ledgers.read_kind`` with the core's Unit/Person specs and conduct's Request.

The first byte of each input picks the format and the record kind; the rest is the
file. Anything but problems collected in ``Problems`` is a crash: ``read_kind`` must
turn every bad file into ``FILE:ROW: column: message`` lines.

    python tests/fuzz/fuzz_readers.py -max_total_time=300 tests/fuzz/corpus/readers
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["bureaukit"]):
    from bureaukit.provenance import Provenance
    from bureaukit.ledgers import Problems, Source, read_kind
    from bureaukit.org import Person, Unit
    from bureaukit.readers import CORE_READERS
    from bureaukit.records import record_spec

try:
    from bureaukit_conduct.records import Request

    SPECS = [record_spec(Unit), record_spec(Person), record_spec(Request)]
except ImportError:  # pragma: no cover
    SPECS = [record_spec(Unit), record_spec(Person)]

from _common import SCRATCH, scratch_file

READERS = {s: r for r in CORE_READERS for s in r.suffixes}
SUFFIXES = [".csv", ".xlsx", ".json", ".jsonl"]


def one(data: bytes) -> None:
    if not data:
        return
    pick = data[0]
    suffix = SUFFIXES[pick % len(SUFFIXES)]
    spec = SPECS[(pick // len(SUFFIXES)) % len(SPECS)]
    path = scratch_file("ledger" + suffix, data[1:])
    problems = Problems()
    recs = read_kind(spec, [Source("ledger" + suffix, path, None)], READERS, problems, Provenance())
    assert recs is not None
    for line in problems.lines:
        assert isinstance(line, str) and "Traceback" not in line


def main() -> None:
    atheris.Setup(sys.argv, one)
    print(f"scratch: {SCRATCH}", file=sys.stderr)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
