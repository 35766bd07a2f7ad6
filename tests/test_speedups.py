"""What ``bureaukit.speedups`` does changes the time a run takes, never its result."""

from __future__ import annotations

import contextlib
import gc
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
