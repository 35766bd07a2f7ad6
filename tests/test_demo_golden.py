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
from bureaukit.result import cited

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "configs" / "demo" / "bureau.toml"
GOLDEN = ROOT / "tests" / "golden" / "demo-2014.json"


@pytest.fixture(scope="module")
def result() -> Any:
    from bureaukit.plugins import installed

    missing = {"investment", "publicity", "wubi", "style", "conduct", "vanguard"} - set(installed())
    if missing:
        pytest.fail(f"the demo needs every campaign plugin installed; missing: {sorted(missing)}")
    return bureaukit.score(bureaukit.load(DEMO))


def value(r: dict[str, Any], campaign: str, subject: str, metric: str) -> str:
    (s,) = [s for s in r["scores"] if (s["campaign"], s["subject"], s["metric"]) == (campaign, subject, metric)]
    return str(s["value"])


def test_matches_the_reviewed_golden_file(result: Any) -> None:
    assert result.to_dict() == json.loads(GOLDEN.read_text(encoding="utf-8"))


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
    # 二级机构主要负责人 with no qualifying project: the bureau's shortfall on his 3000
    # (质监站 p30): 3000 × (1 − 16800/18000) = 200.00 kept
    assert (pay[("person:p30", "deduction")], pay[("person:p30", "refund")]) == ("200.00", "2800.00")
    # 局机关 (jiguan) has its own task, 2800/3000 total_wan: its office staff and office heads
    # (voluntary 2000 元, 五(一)) lose 2000 × (1 − 2800/3000) = 133.333… → 133.33 (五(二)2.(4))
    for pid in ("p06", "p07", "p09", "p10", "p19"):
        assert (pay[(f"person:{pid}", "deduction")], pay[(f"person:{pid}", "refund")]) == ("133.33", "1866.67")
    # 二级机构其他班子成员 of a unit that completed its task (ygs): refund and reward
    assert (pay[("person:p22", "refund")], pay[("person:p22", "reward")]) == ("2000.00", "2000.00")
    # 站所 heads pay no 风险金 and carry no personal task; office heads carry no personal task
    people = {s["subject"] for s in r["scores"] if s["campaign"] == "investment" and s["metric"] == "personal_project"}
    assert people == {f"person:p0{i}" for i in (2, 3, 4, 5)} | {f"person:p{i}" for i in (21, 26, 30, 33)}
    assert not {subject for subject, _ in pay} & {f"person:p{i}" for i in (36, 38, 40, 42, 44)}
    missing = [f["subject"] for f in r["findings"] if f["code"] == "investment.deposit_missing"]
    assert missing == []  # p13 (安全监督科 head) paid nothing: voluntary, so no violation
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
    # 倒查追责 up the tree (seed 002 篇3 二), the four serious records, by record:
    duties = {}
    for f in r["findings"]:
        if f["code"] in ("conduct.supervision_duty", "conduct.leadership_duty"):
            duties.setdefault(cited(r, f)[0].record, []).append((f["code"][8:], f["subject"]))
    assert {k: sorted(v) for k, v in duties.items()} == {
        # 城北运管站 staff: the station's head; nobody oversees the station → p02 over 运管所
        "WZ-2014-01": [("leadership_duty", "person:p02"), ("supervision_duty", "person:p36")],
        # 超限检测站 staff: the station's head; p03 over 公路段
        "WZ-2014-02": [("leadership_duty", "person:p03"), ("supervision_duty", "person:p44")],
        # 运管所 staff: its head p21 and its 分管领导 p02
        "WZ-2014-03": [("leadership_duty", "person:p02"), ("supervision_duty", "person:p21")],
        # 超限检测站's head himself: up to 公路段's head p26; p03
        "WZ-2014-05": [("leadership_duty", "person:p03"), ("supervision_duty", "person:p26")],
    }
    (ygs,) = [c for c in r["scorecards"] if c["subject"] == "unit:ygs"]
    # own = (30×100 + 10×60 + 20×83.09… + 20×98 + 20×83.60 + 10×100 vanguard)/110 = 89.94;
    # 三级联动 0.7 × own + 0.3 × mean(城北 85.87…, 城南 87.78…) = 62.961 + 26.048 = 89.01
    assert (ygs["composite"], ygs["grade"], ygs["rank"], ygs["group"]) == ("89.01", "良好", 1, "institution")
    groups = [c["group"] for c in r["scorecards"]]
    assert groups == sorted(groups, key=lambda g: (g is None, g or ""))


def test_hand_worked_vanguard(result: Any) -> None:
    """configs/demo/ledgers/vanguard: the four 二级机构's 党支部, phases in 2014-H1."""
    r = result.to_dict()
    # 区道路运输管理所: every step on time, both 测评 pass, approved each time
    assert [value(r, "vanguard", "unit:ygs", m) for m in ("stage.learn", "stage.analyze", "stage.rectify",
                                                          "points")] == ["100.00"] * 4
    # 区公路管理段: 测评 (17 + 6) / 30 = 0.7667 < 0.8 on 04-26 → 补课 due 05-26, done 05-20 and
    # reviewed; the approval of 04-29 came with it outstanding (approved_early). 分析评议
    # (8 + 0 + 1) / 10 = 90; points (20×100 + 40×90 + 40×100)/100 = 96.00
    assert value(r, "vanguard", "unit:gls", "satisfaction.analyze") == "0.7667"
    assert value(r, "vanguard", "unit:gls", "stage.analyze") == "90.00"
    assert value(r, "vanguard", "unit:gls", "points") == "96.00"
    # 交通工程质量监督站: 先进事迹报告会 on 03-03, after 学习动员 ended 02-28: (2 + 1)/4 = 75;
    # points (20×75 + 40×100 + 40×100)/100 = 95.00
    assert value(r, "vanguard", "unit:zjz", "stage.learn") == "75.00"
    assert value(r, "vanguard", "unit:zjz", "points") == "95.00"
    # 区港航管理所: no approval of 分析评议, 制定整改方案 on 05-08 → moved_unapproved; its 补课
    # due 06-07 done 06-15 (overdue), never reviewed; 分析评议 (8 + 1 + 0)/10 = 90 → 96.00
    assert value(r, "vanguard", "unit:hgs", "stage.analyze") == "90.00"
    assert value(r, "vanguard", "unit:hgs", "points") == "96.00"
    found = sorted((f["subject"], f["code"], f["due"]) for f in r["findings"] if f["campaign"] == "vanguard")
    assert found == [
        ("person:p33", "vanguard.measure_overdue", "2014-09-30"),    # ZG-hgs-1 done 10-15
        ("unit:gls", "vanguard.approved_early", None),
        ("unit:gls", "vanguard.satisfaction_low", None),
        ("unit:hgs", "vanguard.makeup_overdue", "2014-06-07"),
        ("unit:hgs", "vanguard.measure_overdue", "2014-09-30"),
        ("unit:hgs", "vanguard.moved_unapproved", None),
        ("unit:hgs", "vanguard.not_published", "2014-06-30"),       # ZG-hgs-1 published 07-02
        ("unit:hgs", "vanguard.review_missing", "2014-06-30"),
        ("unit:zjz", "vanguard.step_missing", "2014-02-28"),
    ]
    cards = {c["subject"]: c for c in r["scorecards"]}
    # 区港航管理所 = (20×73 + 30×100 + 20×97 + 10×96 + 20×71.65…)/100 = 87.93 passes 区公路管理段
    # (own 90.05, rolled up with its three stations to 87.65) for second place
    assert (cards["unit:hgs"]["composite"], cards["unit:hgs"]["rank"]) == ("87.93", 2)
    assert (cards["unit:gls"]["composite"], cards["unit:gls"]["rank"]) == ("87.65", 3)
