"""REPORTS §5: ``bureaukit init`` writes a neutral bureau — none of the demo district's
targets, quotas or schedules — that ``check`` passes, noting the campaigns not set up yet,
and that scores to the no-data banner: no deduction, no payment, no violation."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest


def run(*args: str) -> tuple[int, str, str]:
    p = subprocess.run([sys.executable, "-m", "bureaukit", *args], capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    return p.returncode, p.stdout, p.stderr


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bureaukit.plugins import installed

    missing = {"investment", "publicity", "wubi", "style", "conduct", "vanguard"} - set(installed())
    if missing:
        pytest.fail(f"needs every campaign plugin installed; missing: {sorted(missing)}")
    where = tmp_path_factory.mktemp("init") / "b"
    code, _, err = run("init", str(where), "--name", "示范县交通运输局", "--year", "2026")
    assert code == 0, err
    return where / "bureau.toml"


def test_the_demo_figures_are_examples_only(fresh: Path) -> None:
    text = fresh.read_text(encoding="utf-8")
    cfg = tomllib.loads(text)["campaigns"]
    # the demo's targets and quotas stand commented out, the live values are neutral
    assert "# targets = { total_wan = 18000" in text and cfg["investment"]["targets"] == {}
    assert cfg["style"]["quotas"] == [] and cfg["style"]["phases"] == [] and cfg["style"]["meeting_max_minutes"] == 0
    assert cfg["vanguard"]["phases"] == []
    assert "quotas" not in cfg["publicity"] and "# quotas = { office = { info = 25 }" in text
    assert "18000" not in "".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_check_passes_and_names_what_is_not_set_up(fresh: Path) -> None:
    code, out, err = run("check", str(fresh))
    assert code == 0, err
    assert out.startswith("检查通过：3 个单位，3 名人员，0 条台账记录")
    assert "campaigns.investment.targets: 招商引资尚未设置全局招商引资目标任务" in err
    assert "campaigns.vanguard.phases: 保持共产党员先进性教育活动尚未设置活动阶段" in err
    for key in ("quotas", "phases", "meeting_max_minutes"):
        assert f"campaigns.style.{key}: " in err


def test_a_fresh_bureau_scores_to_the_no_data_banner_not_a_fake_result(fresh: Path) -> None:
    code, out, err = run("score", str(fresh), "--no-archive", "-f", "json")
    assert code == 0, err
    r = json.loads(out)
    assert r["payments"] == []
    assert [f for f in r["findings"] if f["severity"] == "violation"] == []
    # style deducts nothing: every subject it rates stands at 100
    assert {s["value"] for s in r["scores"] if s["campaign"] == "style" and s["metric"] == "deductions"} <= {"0"}
    # investment and vanguard are not set up: they score nobody
    assert {s["campaign"] for s in r["scores"]} & {"investment", "vanguard"} == set()
    # what is left are a handful of "nothing recorded yet" notes, not hundreds
    assert len(r["findings"]) <= 5, [f["message"] for f in r["findings"]]
    code, out, err = run("score", str(fresh), "--no-archive")
    assert code == 0 and "本期无台账记录" in out
    assert "内没有任何台账记录" in err


def test_every_commented_example_is_a_setting_the_campaign_accepts() -> None:
    """The example init writes above each neutral value is valid TOML that the campaign's
    settings take as they are: an admin uncomments it and edits the figures."""
    from bureaukit.config import structure_settings
    from bureaukit.starter import _installed_campaigns

    campaigns, _ = _installed_campaigns()
    declared = {c.name: c.bureau_settings for c in campaigns}
    assert {n for n, d in declared.items() if d} >= {"investment", "style", "publicity", "vanguard"}
    for camp in campaigns:
        for bs in camp.bureau_settings:
            value = tomllib.loads(f"v = {bs.example}")["v"]
            settings, errors = structure_settings(camp.settings, {bs.key: value}, f"campaigns.{camp.name}")
            assert errors == [] and settings is not None, (camp.name, bs.key, errors)
            if bs.neutral is not None:
                neutral = tomllib.loads(f"v = {bs.neutral}")["v"]
                assert structure_settings(camp.settings, {bs.key: neutral}, "x")[1] == [], (camp.name, bs.key)


def test_the_id_is_the_folders_name_and_a_full_folder_is_refused_in_zh(tmp_path: Path) -> None:
    """Two bureaus made by init must not share an archive's id (every init wrote
    ``mybureau``); the refusal of a folder that holds files speaks Chinese in zh."""
    where = tmp_path / "城关交通局"
    assert run("init", str(where), "--lang", "zh")[0] == 0
    cfg = tomllib.loads((where / "bureau.toml").read_text(encoding="utf-8"))
    assert cfg["bureau"]["id"] == "城关交通局"
    code, _, err = run("init", str(where), "--lang", "zh")
    assert code == 2 and err.strip() == f"{where}: 文件夹不是空的；init 只写入新的或空的文件夹"
