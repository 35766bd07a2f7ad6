"""Rules 10–11: 风险金 (五(一)) and the year-end settlement table (五(二))."""

from __future__ import annotations

from datetime import date

import pytest

from bureaukit.testing import person

SETTINGS = {"targets": {"total_wan": 18000},
            "allocation": {"ygs": {"total_wan": 3000}, "gls": {"total_wan": 3000}}}


def _records(rows, bureau_completed: bool):
    ps = [
        rows.project("A", "ygs", total=15000, planned=2000, introducers=("h_ygs",)),
        rows.project("B", "gls", total=1500, planned=1000, introducers=("s_gls",)),
    ]
    if bureau_completed:
        ps.append(rows.project("C", "invest", total=1500, planned=1000, introducers=("s_inv",)))
    deps = [rows.deposit("h_ygs", 3000), rows.deposit("tm", 3000)] + [
        rows.deposit(p, 2000) for p in ("s_ygs", "s_n", "s_gls", "s_inv")
    ]
    return {"projects": ps, "deposits": deps}


def test_settlement_when_the_bureau_completes(inv, rows):
    out = inv(records=_records(rows, True), settings=SETTINGS)  # 15000 + 1500 + 1500 = 18000
    both = {"refund": "2000.00", "reward": "2000.00"}
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}  # 1(1)
    assert out.amounts("person:tm") == {"refund": "3000.00"}  # 1(2)
    assert out.amounts("person:s_ygs") == both  # 1(3): ygs 15000/3000
    assert out.amounts("person:s_n") == both  # ygs_n has no allocation: ygs decides
    assert out.amounts("person:s_gls") == {"refund": "2000.00"}  # 1(4): gls 1500/3000
    assert out.amounts("person:s_inv") == both  # no allocated unit: the bureau decides


def test_settlement_when_the_bureau_does_not_complete(inv, rows):
    out = inv(records=_records(rows, False), settings=SETTINGS)  # 16500 of 18000
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}  # 2(1)
    # 2(2): 3000 × (1 − 16500/18000) = 250
    assert out.amounts("person:tm") == {"deduction": "250.00", "refund": "2750.00"}
    assert out.amounts("person:s_ygs") == {"refund": "2000.00", "reward": "2000.00"}  # 2(3)
    # 2(4): 2000 × (1 − 1500/3000) = 1000
    assert out.amounts("person:s_gls") == {"deduction": "1000.00", "refund": "1000.00"}
    # the bureau's shortfall for 局机关 staff: 2000 × 1500/18000 = 166.666… → 166.67
    assert out.amounts("person:s_inv") == {"deduction": "166.67", "refund": "1833.33"}
    for p in out.payments:
        assert p.period == "2014" and p.evidence[0].source == "<deposits>"


def test_shortfall_is_clamped_and_zero_amounts_are_not_paid(inv, rows):
    ps = [rows.project("A", "ygs", total=5000, planned=2000)]
    deps = [rows.deposit("s_gls", 2000), rows.deposit("s_ygs", 2000)]
    settings = {"targets": {"total_wan": 18000},
                "allocation": {"gls": {"total_wan": 3000},
                               "ygs": {"total_wan": 3000, "fixed_asset_wan": 100}}}
    out = inv(records={"projects": ps, "deposits": deps}, settings=settings)
    # gls at 0: shortfall 1, the whole deposit kept, no zero refund
    assert [(p.kind, str(p.amount)) for p in out.paid("person:s_gls")] == [("deduction", "2000.00")]
    # ygs missed fixed_asset_wan but not total_wan (the settlement metric): refund only
    assert out.amounts("person:s_ygs") == {"refund": "2000.00"}
    # settled on another metric the shortfall follows it; no target on it → 0
    out = inv(records={"projects": ps, "deposits": deps},
              settings={**settings, "settlement_metric": "fixed_asset_wan"})
    assert out.amounts("person:s_ygs") == {"deduction": "2000.00"}
    assert out.amounts("person:s_gls") == {"refund": "2000.00"}


def test_no_settlement_before_the_period_ends(inv, rows):
    out = inv(records=_records(rows, False), settings=SETTINGS, as_of="2014-12-30")
    assert out.payments == []


def test_deposit_missing(inv, rows, org):
    people = [*org["people"],
              person("gone", "gls", ["unit_head"], end="2014-05-19"),
              person("new", "gls", ["team_member"], start="2014-05-21")]
    deps = [rows.deposit("tm", paid="2014-05-20"), rows.deposit("tm2", paid="2014-05-21"),
            rows.deposit("h_inv", paid="2014-01-02"), rows.deposit("h_ygs"), rows.deposit("h_n"),
            rows.deposit("s_gls", 2000, "2014-06-01")]
    before = inv(people=people, records={"deposits": deps}, as_of="2014-05-19")
    assert before.find("investment.deposit_missing") == []
    out = inv(people=people, records={"deposits": deps}, as_of="2014-05-20")
    found = out.find("investment.deposit_missing")
    # tm2's deposit (21 May) is not visible yet as of 20 May; h_gls paid nothing
    assert [(f.subject, f.due, f.severity) for f in found] == [
        ("person:h_gls", date(2014, 5, 20), "violation"),
        ("person:tm2", date(2014, 5, 20), "violation"),
    ]
    assert "3000 元" in found[0].message["zh"] and "韩段长" in found[0].message["zh"]
    late = inv(people=people, records={"deposits": deps}).find("investment.deposit_missing", "person:tm2")
    assert "2014-05-21" in late[0].message["zh"] and "paid only on 2014-05-21" in late[0].message["en"]


@pytest.mark.parametrize("due, flagged", [("05-20", False), ("05-19", True)])
def test_deposit_due_setting(inv, rows, due, flagged):
    deps = [rows.deposit(p, paid="2014-05-20") for p in ("tm", "tm2", "h_inv", "h_ygs", "h_n", "h_gls")]
    out = inv(records={"deposits": deps}, settings={"deposit": {"due": due}})
    assert len(out.find("investment.deposit_missing")) == (6 if flagged else 0)
