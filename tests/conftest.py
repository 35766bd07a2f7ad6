"""Fixtures for the core tests; shared data lives in core_support.py."""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tiny
from core_support import BASE_TOML, DEEDS_CSV, PEOPLE_CSV, UNITS_CSV, sample_result
from hypothesis import HealthCheck, settings

DEMO_ARCHIVE = Path(__file__).resolve().parents[1] / "configs" / "demo" / "archive.sqlite"

# The tests run on shared, noisy machines (CI and a busy workstation alike): a property
# holds or fails whatever the clock says, so no hypothesis example fails for being slow.
settings.register_profile("bureaukit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("bureaukit")


def _demo_runs() -> int | None:
    """How many runs configs/demo/archive.sqlite holds; None when there is no such file."""
    import sqlite3

    if not DEMO_ARCHIVE.exists():
        return None
    with contextlib.closing(sqlite3.connect(f"file:{DEMO_ARCHIVE}?mode=ro", uri=True)) as c:
        try:
            return int(c.execute("SELECT COUNT(*) FROM runs").fetchone()[0])
        except sqlite3.Error:
            return -1  # not (yet) an archive: any change shows as a different answer


@pytest.fixture(scope="session", autouse=True)
def demo_archive_untouched() -> Any:
    """No test records into the demo's own archive (configs/demo/archive.sqlite, which
    ``python3 dev.py demo`` fills) nor creates it: a test that scores the demo through the
    command gives --no-archive or a BUREAUKIT_ARCHIVE_URL in a temporary folder."""
    before = _demo_runs()
    yield
    assert _demo_runs() == before, (
        f"a test recorded into {DEMO_ARCHIVE}: score the demo with --no-archive or BUREAUKIT_ARCHIVE_URL in tmp"
    )


@pytest.fixture(autouse=True)
def language_left_as_found() -> Any:
    """A test (or the CLI it invokes in-process) that leaves bureaukit's run language
    changed fails: the next test would read its messages in that language."""
    from bureaukit.messages import chosen_language

    before = chosen_language()
    yield
    after = chosen_language()
    assert after == before, f"the test left the run language {after!r} (it was {before!r})"


@pytest.fixture
def english() -> Any:
    """The test reads bureaukit's messages in English (``--lang en`` for library calls):
    for tests written about the English wording; the Chinese is asserted on its own."""
    from bureaukit.messages import speaking

    with speaking("en"):
        yield


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


@pytest.fixture
def tiny_enabled(monkeypatch: pytest.MonkeyPatch, tiny_plugin: object) -> None:
    """Load the tiny campaign as if it were installed (for tests through the CLI)."""
    import bureaukit.bureau

    real = bureaukit.bureau.load

    def load(path, *, plugins=(), **options):  # type: ignore[no-untyped-def]
        return real(path, plugins=[tiny_plugin, *plugins], **options)

    monkeypatch.setattr(bureaukit.bureau, "load", load)


# --- a Result built directly, for the renderer tests (tests/test_render_*.py) ----------


@pytest.fixture
def result_zh() -> Any:
    return sample_result("zh")


@pytest.fixture
def result_en() -> Any:
    return sample_result("en")


# --- archive databases: SQLite always, PostgreSQL when it is installed ------------------


@pytest.fixture(scope="session")
def pg_admin_url() -> Any:
    """A PostgreSQL server for the archive tests: ``BUREAUKIT_TEST_PG_URL`` (``.ci/run``
    starts one), else a private cluster started here when initdb is installed, else None."""
    import os
    import tempfile

    url = os.environ.get("BUREAUKIT_TEST_PG_URL")
    if url:
        yield url
        return
    import pgcluster

    if pgcluster.find_bin("initdb") is None:
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="bk-pg-"))
    try:
        url = pgcluster.start(folder)
    except Exception as exc:
        pytest.fail(f"PostgreSQL is installed but the test cluster did not start: {exc}")
    try:
        yield url
    finally:
        pgcluster.stop(folder)


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path, pg_admin_url: str | None) -> Any:
    """A new, empty archive on each backend: a file, or a fresh database on the server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'archive.sqlite'}"
        return
    import os
    import uuid

    if pg_admin_url is None:
        if os.environ.get("BUREAUKIT_REQUIRE_PG"):
            pytest.fail("BUREAUKIT_REQUIRE_PG is set but no PostgreSQL server is available")
        pytest.skip("PostgreSQL IS NOT INSTALLED: the PostgreSQL archive tests did not run")
    import psycopg

    name = f"bk_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pg_admin_url.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def recorded(bureau_dir: Path, archive_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test bureau's config, recording into *archive_url* (given through the environment)."""
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", archive_url)
    return bureau_dir / "bureau.toml"
