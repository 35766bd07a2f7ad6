"""benchmarks/generate's shapes are valid bureaus of the shape they claim (the benchmark's
figures mean nothing on data bureaukit rejects), and the pandas peer computes the same
investment standings as bureaukit (the peer ratio means nothing otherwise)."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from bureaukit import load, score

REPO = Path(__file__).resolve().parent.parent
GENERATE = REPO / "benchmarks" / "generate"


def generate(tmp: Path, shape: str, rows: int, *extra: str) -> Path:
    out = tmp / shape
    subprocess.run([sys.executable, str(GENERATE), "--rows", str(rows), "--shape", shape, "--out", str(out),
                    *extra], check=True, capture_output=True)
    return out


def units_of(root: Path) -> dict[str, dict[str, str]]:
    with (root / "org" / "units.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {r["单位编号"]: r for r in csv.DictReader(fh)}


def allocation_of(root: Path) -> dict[str, object]:
    cfg = tomllib.loads((root / "bureau.toml").read_text(encoding="utf-8"))
    return dict(cfg["campaigns"]["investment"].get("allocation", {}))


@pytest.mark.parametrize("shape", ["bureau", "allocations", "deep", "people"])
def test_every_shape_scores(tmp_path: Path, shape: str) -> None:
    root = generate(tmp_path, shape, 3000)
    result = score(load(root / "bureau.toml"))
    assert result.scores and {c.name for c in result.campaigns} >= {"investment", "publicity"}


def test_every_campaign_is_generated_as_a_clerk_keeps_it(tmp_path: Path) -> None:
    """All six campaigns, vanguard included: its per-phase ledgers cover the units, and the
    run finds what a party office's ledgers hold (late and missing steps, failed 测评 with
    their 补课, early and missing 转段, overdue 整改), not an empty campaign."""
    root = generate(tmp_path, "bureau", 20_000)
    result = score(load(root / "bureau.toml"))
    assert {c.name for c in result.campaigns} == {"investment", "publicity", "wubi", "style", "conduct", "vanguard"}
    codes = {f.code for f in result.findings if f.campaign == "vanguard"}
    assert {"vanguard.step_missing", "vanguard.satisfaction_low", "vanguard.approved_early",
            "vanguard.approval_missing", "vanguard.measure_overdue"} <= codes
    stages = [s for s in result.scores if s.campaign == "vanguard" and s.metric == "stage.analyze"]
    assert len(stages) == 19  # every unit but the root takes part
    assert any(s.value == 100 for s in stages) and any(s.value < 100 for s in stages)


def test_allocations_shape_is_a_real_task_table(tmp_path: Path) -> None:
    """1,201 units of which 200 hold an allocation: 60 bureaus, their 运管所 and 公路段, and
    the 港航所 of the first 20 (60 + 120 + 20)."""
    root = generate(tmp_path, "allocations", 1000, "--campaigns", "investment")
    units, allocated = units_of(root), allocation_of(root)
    assert len(units) == 1201
    assert len(allocated) == 200
    assert sum(1 for u in allocated if units[u]["单位类型"] == "bureau") == 60
    assert sum(1 for u in allocated if u.endswith("_hgs")) == 20


def test_deep_shape_nests_twelve_levels(tmp_path: Path) -> None:
    root = generate(tmp_path, "deep", 1000, "--campaigns", "investment")
    units = units_of(root)

    def depth(uid: str) -> int:
        parent = units[uid]["上级单位"]
        return 0 if not parent else 1 + depth(parent)

    assert max(depth(u) for u in units) == 12 + 3  # root, 12 levels, bureau, 所, 站
    assert set(allocation_of(root)) == {u for u, r in units.items() if r["单位类型"] == "bureau"} - {"root"}


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="pandas (the optional peer) not installed")
def test_pandas_peer_gets_bureaukit_figures(tmp_path: Path) -> None:
    root = generate(tmp_path, "allocations", 4000, "--campaigns", "investment")
    peer_out = tmp_path / "peer.json"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "peer_pandas.py"), str(root), "--out", str(peer_out)],
                   check=True, capture_output=True)
    theirs = json.loads(peer_out.read_text(encoding="utf-8"))
    ours: dict[str, dict[str, str]] = {}
    for s in score(load(root / "bureau.toml")).scores:
        if s.subject.startswith("unit:") and s.metric != "points":
            ours.setdefault(s.subject[5:], {})[s.metric] = str(s.value)
    assert len(theirs) == 201
    assert {u: {m: Decimal(v) for m, v in t.items()} for u, t in ours.items()} == {
        u: {m: Decimal(v) for m, v in t.items()} for u, t in theirs.items()
    }


def test_generated_federation_scores(tmp_path: Path) -> None:
    """The benchmark's province: cities of up to 50 generated counties, two levels deep."""
    from bureaukit.federation import score_federation

    out = tmp_path / "fed"
    subprocess.run([sys.executable, str(GENERATE), "--federation", "3", "--rows", "300", "--out", str(out)],
                   check=True, capture_output=True)
    r = score_federation(out / "province.toml", jobs=1)
    (city,) = r.members
    assert city.subject == "bureau:city-01" and city.federation is not None
    assert [m.subject for m in city.federation.members] == [f"bureau:county-00{k}" for k in (1, 2, 3)]
    assert all(m.composite is not None for m in city.federation.members) and r.composite == city.composite
