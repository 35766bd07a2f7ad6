"""``python tests/tiny_cli.py ARGS…``: the bureaukit command with the tiny campaign
installed, for tests that need a real process (kill -9, file-size limits, another user)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import tiny

import bureaukit.bureau

_real = bureaukit.bureau.load


def _load(path, *, plugins=(), progress=None, timeout=None):  # type: ignore[no-untyped-def]
    return _real(path, plugins=[tiny, *plugins], progress=progress, timeout=timeout)


bureaukit.bureau.load = _load  # type: ignore[assignment]

if __name__ == "__main__":
    from bureaukit.cli import main

    main(sys.argv[1:], prog_name="bureaukit")
