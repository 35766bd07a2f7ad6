"""The page's worked example (docs/campaigns/investment.md), with exactly its numbers."""

from __future__ import annotations

from bureaukit_investment.records import Category


def test_worked_example(inv, rows):
    r = rows
    projects = [
        # an 二级机构 head's industrial project: contract 2500, planned fixed asset 1200 → confirmed
        r.project("P1", "ygs", category=Category.industrial, total=2500, planned=1200,
                  introducers=("h_ygs",)),
        # a real_estate project in the planning zone with 120 万元 tax paid → 720
        r.project("P2", "ygs", category=Category.real_estate, total=12700, planned=0,
                  in_planning_zone=True),
        # the staff member's unit reaches 1000 of its 3000 total_wan
        r.project("P3", "invest", category=Category.commerce_service, total=1000, planned=0,
                  introducers=("s_inv",)),
    ]
    out = inv(
        records={
            "projects": projects,
            "progress": [r.progress("P2", tax=120)],
            "deposits": [r.deposit("tm", 3000), r.deposit("h_ygs", 3000), r.deposit("s_inv", 2000)],
        },
        settings={"targets": {"total_wan": 18000, "fixed_asset_wan": 7000},
                  "allocation": {"invest": {"total_wan": 3000}}},
    )
    # Bureau target 18000, reached 2500 + 12700 + 1000 = 16200 ⇒ not completed, shortfall 0.1
    assert out.value("unit:bureau", "total_wan") == "16200"
    assert out.score("unit:bureau", "total_wan").target == 18000
    # 120 × 6 = 720 toward fixed_asset_wan
    assert out.value("unit:bureau", "fixed_asset_wan") == "720"
    fa = out.score("unit:bureau", "fixed_asset_wan").evidence
    assert [e.note_in("zh") for e in fa if e.record == "P2|2014-11-30"] == ["房地产商业：本年实际纳税 120 万元 × 6 = 720 万元"]
    # a team member with no qualifying project and a 3000 元 deposit
    assert out.amounts("person:tm") == {"deduction": "300.00", "refund": "2700.00"}
    # the 二级机构 head whose industrial project is confirmed
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}
    # a 局机关 staff member's voluntary 2000 元, their unit at 1000 of 3000: 2000 × 2/3 = 1333.33
    assert out.value("unit:invest", "total_wan") == "1000"
    assert out.amounts("person:s_inv") == {"deduction": "1333.33", "refund": "666.67"}
    assert all(p.period == "2014" for p in out.payments)
    note = out.paid("person:s_inv", "deduction")[0].evidence[0]
    assert note.note_in("zh").endswith("：扣除 2,000.00 元 × (1 − 1,000 / 3,000) = 1,333.33 元，"
                                       "退回 2,000.00 元 − 1,333.33 元 = 666.67 元")
    assert "deducted 2,000.00 yuan × (1 − 1,000 / 3,000) = 1,333.33 yuan" in note.note_in("en")
