"""A config is structured first without cattrs' detailed validation and, only when that
fails, again with it (``bureaukit.config.structure``; docs/performance.md, *Startup*).
The clerk must not be able to tell: every broken config of the bad-input corpus gives the
same exit code and the same lines as when the detailed pass was the only one, and a sound
config the same values."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import cattrs
import pytest
from click.testing import CliRunner
from test_bad_inputs import CASES, _needs, build

from bureaukit import config
from bureaukit.cli import main

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
CONFIG_CASES = [c for c in CASES if c["id"].startswith(("config-", "demo-", "fuzz-config-", "toml-"))]


def _detailed_only(*, detailed_validation: bool = True) -> cattrs.Converter:
    """The converter as it was before the quick pass: always the detailed one."""
    return config.make_converter()


def _check(root: Path, cfg: Path, lang: str | None) -> tuple[int, str]:
    """``check`` in English (``--lang en``), or as a Chinese clerk's machine runs it (no
    ``--lang``: the config's language, or the locale's for a config too broken to say)."""
    old = Path.cwd()
    os.chdir(root)
    try:
        r = CliRunner().invoke(main, ["check", os.path.relpath(cfg, root), *(["--lang", lang] if lang else [])])
    finally:
        os.chdir(old)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stderr


def test_the_corpus_has_config_cases() -> None:
    assert len(CONFIG_CASES) >= 60, len(CONFIG_CASES)


@pytest.mark.parametrize("lang", ["en", None], ids=["en", "zh"])
@pytest.mark.parametrize("case", CONFIG_CASES, ids=[c["id"] for c in CONFIG_CASES])
def test_a_broken_config_says_the_same_as_the_detailed_pass_alone(
    case: dict[str, Any], lang: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _needs(case)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    root = tmp_path / "b"
    cfg = build(case, root)
    two_passes = _check(root, cfg, lang)
    with monkeypatch.context() as m:
        m.setattr(config, "_CONVERTERS", {})
        m.setattr(config, "converter", _detailed_only)
        detailed_alone = _check(root, cfg, lang)
    assert two_passes == detailed_alone
    assert two_passes[0] != 0, two_passes  # it is broken: the detailed pass did speak


def test_a_sound_config_structures_to_the_same_values() -> None:
    _, data = config._read_toml(DEMO)
    quick, problems = config.structure(data, config.Config)
    assert problems == []
    assert quick == config.make_converter().structure(data, config.Config)
    assert quick == config.make_converter(detailed_validation=False).structure(data, config.Config)


def test_the_quick_pass_is_the_one_a_sound_config_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    """(So the saving is real: the detailed converter is not even made.)"""
    monkeypatch.setattr(config, "_CONVERTERS", {})
    _, data = config._read_toml(DEMO)
    config.structure(data, config.Config)
    assert set(config._CONVERTERS) == {False}
