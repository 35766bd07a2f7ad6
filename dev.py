#!/usr/bin/env python3
"""Set up and run bureaukit from a fresh clone, with nothing but Python ≥ 3.11.

    python3 dev.py demo   # venv + install + score the demo bureau for 2014 → report.html
    python3 dev.py test   # venv + install + ruff + mypy --strict + the whole test suite

Works the same on Linux, macOS and Windows; the virtual environment is ``.venv``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PLUGINS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").exists())


def bin_path(name: str) -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / sub / f"{name}{suffix}"


def run(*args: str | Path) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True)


def setup(extras: str) -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"bureaukit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    py = bin_path("python")
    if not py.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    editable: list[str | Path] = []
    for p in PLUGINS:
        editable += ["-e", p]
    run(*pip, "-e", f".[{extras}]", *editable)
    return py


DEMO_YEAR = """
import calendar, datetime, bureaukit
from bureaukit.archive import open_for
bureau = bureaukit.load("configs/demo/bureau.toml")
with open_for(bureau.config, writing=True) as archive:
    for month in range(1, 13):
        day = datetime.date(2014, month, calendar.monthrange(2014, month)[1])
        run = archive.record(bureau, bureaukit.score(bureau, "2014", day), by="示例局办公室").run
        print(f"recorded run {run.number}: 2014 as of {day}")
"""


def record_demo_year(py: Path) -> None:
    """The demo's archive: 2014 scored as of each month's end (a fresh file each time), so
    runs, diff and the trend lines have a year to show."""
    archive = ROOT / "configs" / "demo" / "archive.sqlite"
    for p in archive.parent.glob(archive.name + "*"):
        p.unlink()
    run(py, "-c", DEMO_YEAR)


def main() -> None:
    task = sys.argv[1] if len(sys.argv) > 1 else ""
    if task == "demo":
        py = setup("xlsx")
        run(bin_path("bureaukit"), "check", "configs/demo/bureau.toml")
        record_demo_year(py)
        run(bin_path("bureaukit"), "runs", "configs/demo/bureau.toml", "--period", "2014")
        run(bin_path("bureaukit"), "score", "configs/demo/bureau.toml", "--period", "2014", "-o", "report.html")
        run(bin_path("bureaukit"), "score", "configs/demo/bureau.toml", "--period", "2014")
        print(f"\nThe report: {ROOT / 'report.html'}  (open it in any browser; it needs no network)")
    elif task == "test":
        py = setup("test")
        src = ["src", *[p / "src" for p in PLUGINS]]
        run(py, "-m", "ruff", "check", *src)
        run(py, "-m", "mypy", "--strict", *src)
        run(py, "-m", "pytest", *sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
