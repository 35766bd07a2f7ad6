"""What ``bureaukit.speedups`` does changes the time a run takes, never its result."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import bureaukit
from bureaukit import speedups

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"


def test_gc_paused_restores_the_collector_as_it_was() -> None:
    assert gc.isenabled()
    with speedups.gc_paused():
        assert not gc.isenabled()
        with speedups.gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it off for the outer one
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), speedups.gc_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_run_with_the_collector_on_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    paused = bureaukit.score(bureaukit.load(DEMO), "2014").to_json()
    monkeypatch.setattr(speedups, "gc_paused", contextlib.nullcontext)
    plain = bureaukit.score(bureaukit.load(DEMO), "2014").to_json()
    assert plain == paused and '"schema": 2' in plain


def test_freeze_moves_what_the_block_made_out_of_the_collectors_sight() -> None:
    before = gc.get_freeze_count()
    try:
        with speedups.gc_paused(freeze=True):
            made = [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= before + len(made)
    finally:
        gc.unfreeze()  # the test process runs on: let the collector see them again
    with speedups.gc_paused():
        also = [[i] for i in range(10)]
    assert gc.get_freeze_count() == 0 and also  # without freeze nothing is frozen


def test_a_score_command_without_the_speedups_writes_the_same_report(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bureaukit.cli import main

    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", f"sqlite:///{tmp_path / 'archive.sqlite'}")
    args = ["score", str(DEMO), "--no-archive", "-f", "json", "-o"]
    fast = CliRunner().invoke(main, [*args, str(tmp_path / "fast.json")])
    gc.unfreeze()

    @contextlib.contextmanager
    def plain(*, freeze: bool = False) -> Iterator[None]:
        yield

    monkeypatch.setattr(speedups, "gc_paused", plain)
    slow = CliRunner().invoke(main, [*args, str(tmp_path / "plain.json")])
    assert fast.exit_code == slow.exit_code == 0, fast.output + slow.output
    assert (tmp_path / "fast.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
