"""Fixtures for the core tests; shared data lives in core_support.py."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tiny
from core_support import BASE_TOML, DEEDS_CSV, PEOPLE_CSV, UNITS_CSV, sample_result


@pytest.fixture
def bureau_dir(tmp_path: Path) -> Path:
    (tmp_path / "org").mkdir()
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "org" / "units.csv").write_text(UNITS_CSV, encoding="utf-8")
    (tmp_path / "org" / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (tmp_path / "ledgers" / "deeds.csv").write_text(DEEDS_CSV, encoding="utf-8")
    (tmp_path / "bureau.toml").write_text(BASE_TOML, encoding="utf-8")
    return tmp_path


@pytest.fixture
def write(bureau_dir: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        p = bureau_dir / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
        return p

    return _write


@pytest.fixture
def tiny_plugin() -> object:
    return tiny


@pytest.fixture(params=["interpreted", "compiled"])
def row_builder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test twice: every ledger row through ``interpret_row``, then every row through
    ``compile_row`` (bureaukit uses the first for a file's first COMPILE_AFTER rows)."""
    import bureaukit.ledgers

    monkeypatch.setattr(bureaukit.ledgers, "COMPILE_AFTER", 10**9 if request.param == "interpreted" else 0)
    return str(request.param)


@pytest.fixture
def tiny_enabled(monkeypatch: pytest.MonkeyPatch, tiny_plugin: object) -> None:
    """Load the tiny campaign as if it were installed (for tests through the CLI)."""
    import bureaukit.bureau

    real = bureaukit.bureau.load

    def load(path, *, plugins=(), progress=None, timeout=None):  # type: ignore[no-untyped-def]
        return real(path, plugins=[tiny_plugin, *plugins], progress=progress, timeout=timeout)

    monkeypatch.setattr(bureaukit.bureau, "load", load)


# --- a Result built directly, for the renderer tests (tests/test_render_*.py) ----------


@pytest.fixture
def result_zh() -> Any:
    return sample_result("zh")


@pytest.fixture
def result_en() -> Any:
    return sample_result("en")
