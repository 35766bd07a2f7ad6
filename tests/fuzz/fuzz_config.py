"""Fuzz the config loader: ``bureaukit.config.read_config`` on arbitrary bytes, and for
inputs it accepts, the whole ``bureaukit.load`` against the base bureau's org and
conduct ledgers (tests/bad_inputs/base). Only InputError/PluginFailure may escape.

    python tests/fuzz/fuzz_config.py -max_total_time=300 tests/fuzz/corpus/config
"""

from __future__ import annotations

import shutil
import sys

import atheris

with atheris.instrument_imports(include=["bureaukit"]):
    import bureaukit.bureau
    from bureaukit.config import read_config
    from bureaukit.errors import InputError, PluginFailure

from _common import BASE, SCRATCH

ROOT = SCRATCH / "bureau"
shutil.copytree(BASE, ROOT)
CFG = ROOT / "bureau.toml"


def one(data: bytes) -> None:
    CFG.write_bytes(data)
    try:
        read_config(CFG)
    except InputError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        return
    try:
        bureaukit.bureau.load(CFG)
    except InputError as exc:
        assert exc.problems
    except PluginFailure as exc:
        # a config may enable an installed campaign the harness did not mean; a plugin
        # failing on odd settings is the plugin's bug: report it but do not stop
        print(f"plugin failure: {exc}", file=sys.stderr)


def main() -> None:
    atheris.Setup(sys.argv, one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
