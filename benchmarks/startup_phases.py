#!/usr/bin/env python3
"""Where the start-up goes: one ``score CONFIG -f json`` taken apart into its phases, in
one process, wall milliseconds (docs/performance.md, *Startup*).

    .venv/bin/python benchmarks/startup_phases.py [CONFIG] [--runs 9]

Each run is a fresh interpreter; the medians (and minima) of the phases are printed. The
phases are the score command's steps, called one after another as it calls them:
importing the dependency floor (click, attrs, cattrs, pluggy, tomllib), importing the
core, reading the config (one cattrs call), importing ``importlib.metadata``, importing
the enabled campaigns' plugins (their entry points and registrations), loading the rest
(org, calendar, settings, ledgers, each campaign's check), scoring, recording into the
[archive] (with the JSON packed once) and writing the report. The archive is a fresh SQLite file in a temp dir,
recorded by the first run and found unchanged by the others, as the startup ratio of
``benchmarks/run`` has it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
import click, attr, cattrs, pluggy, tomllib
mark("import the floor (click, attrs, cattrs, pluggy, tomllib)")
from pathlib import Path
from bureaukit import cli, cli_archive
from bureaukit.config import is_federation, read_config
from bureaukit.engine import score
from bureaukit.speedups import gc_paused
mark("import the core (cli, bureau, engine, config, ledgers, result ...)")
cfg, out = Path(sys.argv[1]), Path(sys.argv[2])
config = read_config(cfg)
mark("read the config (TOML, one cattrs structure call)")
from importlib.metadata import entry_points  # imported by the command when it looks for plugins
mark("import importlib.metadata (email, zipfile, importlib.abc ...)")
for ep in entry_points(group="bureaukit"):
    if ep.name in config.enabled:
        ep.load().bureaukit_campaigns()
mark("find and import the enabled plugins (entry points, their modules)")
assert not is_federation(cfg)
bureau = cli.load_for_cli(cfg)  # as the command: the config read again (its hooks made), the rest
mark("load: settings, org, calendar, ledgers, checks")
with gc_paused(freeze=True):
    result = score(bureau)
mark("score")
run, packed = cli_archive.record_run(bureau, result, None, json_report=True)
mark("record in the archive (JSON packed once)")
renderer, owner = cli._pick_renderer("json", out, bureau)
options = cli._render_options(bureau, result, run, renderer, out)
data = packed.write if packed is not None else cli._rendered(renderer, owner, result, options, None)
cli._deliver(data, out, renderer.name)
mark("write the report")
print(json.dumps([(name, (t - marks[i][1]) * 1000) for i, (name, t) in enumerate(marks[1:])]))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("config", nargs="?", default=str(REPO / "configs" / "demo" / "bureau.toml"))
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bureaukit-phases-") as tmp:
        env = dict(os.environ, BUREAUKIT_ARCHIVE_URL=f"sqlite:///{Path(tmp) / 'archive.sqlite'}",
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as benchmarks/run: bytecode cached, as installed
        cmd = [sys.executable, "-c", CHILD, args.config, str(Path(tmp) / "out.json")]
        subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm: .pyc written, run 1 recorded
        runs = [json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
                for _ in range(args.runs)]
    names = [name for name, _ in runs[0]]
    total = [sum(ms for _, ms in r) for r in runs]
    for i, name in enumerate(names):
        got = [r[i][1] for r in runs]
        print(f"{statistics.median(got):7.1f} ms  (min {min(got):6.1f})  {name}")
    print(f"{statistics.median(total):7.1f} ms  (min {min(total):6.1f})  in all, after the interpreter's own start "
          f"(median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
