"""The demo bureau scored for 2014 against a golden JSON reviewed by hand.

The numbers asserted one by one below were worked by hand from the demo ledgers
(configs/demo/ledgers/*) and the campaign pages; the golden file holds the rest. After a
deliberate change, review the diff, then regenerate with:

    bureaukit score configs/demo/bureau.toml -f json | python -m json.tool --no-ensure-ascii > tests/golden/demo-2014.json
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import bureaukit

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "configs" / "demo" / "bureau.toml"
GOLDEN = ROOT / "tests" / "golden" / "demo-2014.json"


@pytest.fixture(scope="module")
def result() -> Any:
    from bureaukit.plugins import installed

    missing = {"investment", "publicity", "wubi", "style", "conduct"} - set(installed())
    if missing:
        pytest.fail(f"the demo needs every campaign plugin installed; missing: {sorted(missing)}")
    return bureaukit.score(bureaukit.load(DEMO))


def value(r: dict[str, Any], campaign: str, subject: str, metric: str) -> str:
    (s,) = [s for s in r["scores"] if (s["campaign"], s["subject"], s["metric"]) == (campaign, subject, metric)]
    return str(s["value"])


def test_matches_the_reviewed_golden_file(result: Any) -> None:
    assert result.to_dict() == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_compiled_rows_give_the_same_json(result: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's files are short, so they are read through ``interpret_row``; every row
    through ``compile_row`` gives the same bytes."""
    import bureaukit.ledgers

    monkeypatch.setattr(bureaukit.ledgers, "COMPILE_AFTER", 0)
    assert bureaukit.score(bureaukit.load(DEMO)).to_json() == result.to_json()


def test_byte_identical_twice(result: Any) -> None:
    again = bureaukit.score(bureaukit.load(DEMO))
    assert again.to_json() == result.to_json()


def test_hand_worked_investment(result: Any) -> None:
    r = result.to_dict()
    # 以区考核组验收认定为准: 16800 of 18000; 6850/7000; industrial and big projects met
    assert value(r, "investment", "unit:bureau", "total_wan") == "16800"
    # 100 × mean(16800/18000, 6850/7000, 1, 1) = 100 × 3.911905/4 = 97.80
    assert value(r, "investment", "unit:bureau", "points") == "97.80"
    pay = {(p["subject"], p["kind"]): p["amount"] for p in r["payments"] if p["campaign"] == "investment"}
    # a team member with no qualifying project: 3000 × (1 − 16800/18000) = 200.00 kept
    assert (pay[("person:p05", "deduction")], pay[("person:p05", "refund")]) == ("200.00", "2800.00")
    # office staff, no allocated unit above: the bureau's shortfall on a 2000 元 deposit
    assert (pay[("person:p07", "deduction")], pay[("person:p07", "refund")]) == ("133.33", "1866.67")
    # every deposit settles to the fen: refund + deduction = deposit
    for (subject, kind), amount in pay.items():
        if kind == "deduction":
            assert Decimal(amount) + Decimal(pay.get((subject, "refund"), "0")) in (Decimal(2000), Decimal(3000))


def test_hand_worked_publicity_conduct_and_scorecard(result: Any) -> None:
    r = result.to_dict()
    assert value(r, "publicity", "unit:office", "points") == "96.00"  # info 24 of 25
    # 城北运管站 carries conduct's worked example: (30×80 + 20×90 + 30×84 + 20×70)/100
    assert value(r, "conduct", "unit:ygs_n", "points") == "81.20"
    assert value(r, "conduct", "unit:ygs_n", "satisfaction_rate") == "0.9000"
    (ygs,) = [c for c in r["scorecards"] if c["subject"] == "unit:ygs"]
    # own = (30×100 + 10×60 + 20×83.09… + 20×98 + 20×83.60)/100 = 88.94;
    # 三级联动 0.7 × own + 0.3 × mean(城北 85.87…, 城南 87.78…) = 88.30
    assert (ygs["composite"], ygs["grade"], ygs["rank"], ygs["group"]) == ("88.30", "良好", 1, "institution")
    groups = [c["group"] for c in r["scorecards"]]
    assert groups == sorted(groups, key=lambda g: (g is None, g or ""))
