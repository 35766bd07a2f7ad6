"""Shared bits of the fuzz harnesses (not collected by pytest: see tests/fuzz/README)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASE = HERE.parent / "bad_inputs" / "base"
SCRATCH = Path(tempfile.mkdtemp(prefix="bureaukit-fuzz-"))


def seed_corpus(dest: Path, files: list[Path], prefix: bytes = b"") -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for f in files:
        (dest / f.name).write_bytes(prefix + f.read_bytes())


def scratch_file(name: str, data: bytes) -> Path:
    p = SCRATCH / name
    p.write_bytes(data)
    return p


def pid_note() -> str:
    return f"pid {os.getpid()} scratch {SCRATCH}"
