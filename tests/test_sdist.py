"""The core's source distribution is complete: built from a copy of the sources, it holds
the licence and everything its own tests need, and those tests pass when run from the
unpacked sdist (CHANGELOG 0.1: "sdists that include the tests' support files")."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What an unpacked sdist must hold for `pytest` to run there (MANIFEST.in says why).
NEEDED = (
    "LICENSE",
    "pyproject.toml",
    "MANIFEST.in",
    "src/bureaukit/__init__.py",
    "src/bureaukit/py.typed",
    "tests/conftest.py",
    "tests/core_support.py",
    "tests/tiny.py",
    "tests/golden/demo-2014.json",
    "tests/bad_inputs/base/bureau.toml",
    "configs/demo/bureau.toml",
    "mkdocs.yml",
    "docs/index.md",
)

# A few test modules that exercise the support files: the tiny plugin and its bureau
# (conftest), the config contract and the ledgers.
SUBSET = ("tests/test_config.py", "tests/test_money.py", "tests/test_text.py")


def _copy_sources(dest: Path) -> Path:
    """The core's sources as a fresh checkout has them: no venv, caches or earlier builds."""
    junk = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", "site",
                                  ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", "plugins",
                                  "benchmarks", "archive.sqlite*", "out", "report.html")
    return Path(shutil.copytree(ROOT, dest, ignore=junk))


def _build_sdist(src: Path, out: Path) -> Path:
    pytest.importorskip("build", reason="the sdist is built with `python -m build` (the [test] extra has it)")
    pytest.importorskip("setuptools", reason="the core builds with setuptools")
    # --no-isolation: the test environment's setuptools (>= 77, from the [test] extra);
    # an isolated build would download it on every run
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--no-isolation", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300)
    (sdist,) = out.glob("bureaukit-*.tar.gz")
    return sdist


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("sdist")
    sdist = _build_sdist(_copy_sources(work / "src-copy"), work / "dist")
    with tarfile.open(sdist) as tar:
        tar.extractall(work / "unpacked", filter="data")
    (top,) = (work / "unpacked").iterdir()
    return top


def test_the_sdist_holds_the_licence_and_the_tests_support_files(unpacked: Path) -> None:
    missing = [name for name in NEEDED if not (unpacked / name).is_file()]
    assert missing == []
    meta = (unpacked / "PKG-INFO").read_text(encoding="utf-8")
    assert "License-Expression: MIT" in meta and "License-File: LICENSE" in meta
    assert not list(unpacked.rglob("__pycache__")) and not list(unpacked.rglob("*.pyc"))


def test_tests_pass_from_the_unpacked_sdist(unpacked: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked / "src")}  # its own bureaukit, not the checkout's
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUBSET],
        cwd=unpacked, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]  # 5 would be "no tests ran"
    where = subprocess.run([sys.executable, "-c", "import bureaukit; print(bureaukit.__file__)"],
                           cwd=unpacked, env=env, capture_output=True, text=True, check=True).stdout
    assert Path(where.strip()).is_relative_to(unpacked / "src")
