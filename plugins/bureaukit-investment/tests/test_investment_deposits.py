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
    # 五(一): 3000 from 局班子成员及二级机构主要负责人; 2000 voluntarily from 局机关工作人员
    # (the 招商办's head and staff) and 二级机构其他班子成员 (t_ygs, t_gls)
    deps = [rows.deposit("h_ygs", 3000), rows.deposit("tm", 3000)] + [
        rows.deposit(p, 2000) for p in ("t_ygs", "t_gls", "h_inv", "s_inv")
    ]
    return {"projects": ps, "deposits": deps}


def test_settlement_when_the_bureau_completes(inv, rows):
    out = inv(records=_records(rows, True), settings=SETTINGS)  # 15000 + 1500 + 1500 = 18000
    both = {"refund": "2000.00", "reward": "2000.00"}
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}  # 1(1)
    assert out.amounts("person:tm") == {"refund": "3000.00"}  # 1(2)
    assert out.amounts("person:t_ygs") == both  # 1(3): ygs 15000/3000
    assert out.amounts("person:t_gls") == {"refund": "2000.00"}  # 1(4): gls 1500/3000
    # an office head carries no personal task: his voluntary deposit follows 局机关, which has
    # no allocation here, so the bureau decides
    assert out.amounts("person:h_inv") == both
    assert out.amounts("person:s_inv") == both
    # only the mandatory payers who paid nothing; an office head owes nothing
    missing = [f.subject for f in out.find("investment.deposit_missing")]
    assert missing == ["person:h_gls", "person:tm2"]


def test_settlement_when_the_bureau_does_not_complete(inv, rows):
    out = inv(records=_records(rows, False), settings=SETTINGS)  # 16500 of 18000
    # 2(1): 二级机构主要负责人 with his own qualifying project A
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}
    # 2(2): 3000 × (1 − 16500/18000) = 250
    assert out.amounts("person:tm") == {"deduction": "250.00", "refund": "2750.00"}
    assert out.amounts("person:t_ygs") == {"refund": "2000.00", "reward": "2000.00"}  # 2(3)
    # 2(4): 2000 × (1 − 1500/3000) = 1000
    assert out.amounts("person:t_gls") == {"deduction": "1000.00", "refund": "1000.00"}
    # the bureau's shortfall for 局机关 people under no allocation: 2000 × 1500/18000 = 166.67
    assert out.amounts("person:s_inv") == {"deduction": "166.67", "refund": "1833.33"}
    assert out.amounts("person:h_inv") == {"deduction": "166.67", "refund": "1833.33"}
    for p in out.payments:
        assert p.period == "2014" and p.evidence[0].source == "<deposits>"


def test_office_head_with_voluntary_deposit_settles_on_his_allocated_unit(inv, rows):
    """Seed 000 五(二)2.(4): 局机关 with its own task (here through 招商办, 1500 of 3000)."""
    settings = {**SETTINGS, "allocation": {**SETTINGS["allocation"], "invest": {"total_wan": 3000}}}
    out = inv(records=_records(rows, True), settings=settings)
    # the bureau completed (18000): the office missed its own task → refund only, no reward
    assert out.amounts("person:h_inv") == {"refund": "2000.00"}
    assert "person:h_inv" not in {s.subject for s in out.scores}  # no personal task
    out = inv(records=_records(rows, False), settings=settings)
    # bureau not completed, office at 0 of 3000 → shortfall 1: the whole 2000 kept
    assert out.amounts("person:h_inv") == {"deduction": "2000.00"}


def test_institution_head_carries_both(inv, rows):
    """一 and 五(一): 二级机构主要负责人 has a personal task and owes the 3000 元."""
    out = inv(records={"deposits": [rows.deposit("tm"), rows.deposit("tm2")]}, settings=SETTINGS)
    personal = sorted(s.subject for s in out.scores if s.metric == "personal_project")
    assert personal == ["person:h_gls", "person:h_ygs", "person:tm", "person:tm2"]
    missing = sorted(f.subject for f in out.find("investment.deposit_missing"))
    assert missing == ["person:h_gls", "person:h_ygs"]


def test_shortfall_is_clamped_and_zero_amounts_are_not_paid(inv, rows):
    ps = [rows.project("A", "ygs", total=5000, planned=2000)]
    deps = [rows.deposit("t_gls", 2000), rows.deposit("t_ygs", 2000)]
    settings = {"targets": {"total_wan": 18000},
                "allocation": {"gls": {"total_wan": 3000},
                               "ygs": {"total_wan": 3000, "fixed_asset_wan": 100}}}
    out = inv(records={"projects": ps, "deposits": deps}, settings=settings)
    # gls at 0: shortfall 1, the whole deposit kept, no zero refund
    assert [(p.kind, str(p.amount)) for p in out.paid("person:t_gls")] == [("deduction", "2000.00")]
    # ygs missed fixed_asset_wan but not total_wan (the settlement metric): refund only
    assert out.amounts("person:t_ygs") == {"refund": "2000.00"}
    # settled on another metric the shortfall follows it; no target on it → 0
    out = inv(records={"projects": ps, "deposits": deps},
              settings={**settings, "settlement_metric": "fixed_asset_wan"})
    assert out.amounts("person:t_ygs") == {"deduction": "2000.00"}
    assert out.amounts("person:t_gls") == {"refund": "2000.00"}


def test_no_settlement_before_the_period_ends(inv, rows):
    out = inv(records=_records(rows, False), settings=SETTINGS, as_of="2014-12-30")
    assert out.payments == []


def test_deposit_missing(inv, rows, org):
    people = [*org["people"],
              person("gone", "gls", ["unit_head"], end="2014-05-19"),
              person("new", "gls", ["team_member"], start="2014-05-21")]
    deps = [rows.deposit("tm", paid="2014-05-20"), rows.deposit("tm2", paid="2014-05-21"),
            rows.deposit("h_inv", 2000, "2014-01-02"), rows.deposit("h_ygs"),
            rows.deposit("t_gls", 2000, "2014-06-01")]
    before = inv(people=people, records={"deposits": deps}, as_of="2014-05-19")
    assert before.find("investment.deposit_missing") == []
    out = inv(people=people, records={"deposits": deps}, as_of="2014-05-20")
    found = out.find("investment.deposit_missing")
    # tm2's deposit (21 May) is not visible yet as of 20 May; h_gls paid nothing
    assert [(f.subject, f.due, f.severity) for f in found] == [
        ("person:h_gls", date(2014, 5, 20), "violation"),
        ("person:tm2", date(2014, 5, 20), "violation"),
    ]
    assert "3,000.00 元" in found[0].message["zh"] and "韩段长" in found[0].message["zh"]
    late = inv(people=people, records={"deposits": deps}).find("investment.deposit_missing", "person:tm2")
    assert "2014-05-21" in late[0].message["zh"] and "paid only on 2014-05-21" in late[0].message["en"]


@pytest.mark.parametrize("due, flagged", [("05-20", False), ("05-19", True)])
def test_deposit_due_setting(inv, rows, due, flagged):
    deps = [rows.deposit(p, paid="2014-05-20") for p in ("tm", "tm2", "h_ygs", "h_gls")]
    out = inv(records={"deposits": deps}, settings={"deposit": {"due": due}})
    assert len(out.find("investment.deposit_missing")) == (4 if flagged else 0)


def test_a_deposit_paid_in_december_for_the_coming_year_is_that_years(inv, rows):
    """五(一) 风险金于5月20日之前上缴: tm paid on 2013-12-28, after 2013's due day, for 2014 —
    paid before 2014's due day, so not missing, and settled with 2014 (bureau completed:
    refund + reward). tm2's row is of 2013-05-10, before 2013's due day: last year's
    deposit in a ledger not yet renewed, so tm2 has paid nothing for 2014."""
    records = {"projects": _records(rows, True)["projects"],
               "deposits": [rows.deposit("h_ygs", 3000, paid="2014-05-10"), rows.deposit("h_gls", 3000, paid="2014-05-20"),
                            rows.deposit("tm", 3000, paid="2013-12-28"), rows.deposit("tm2", 3000, paid="2013-05-10")]}
    out = inv(records=records, settings=SETTINGS)
    assert sorted(f.subject for f in out.find("investment.deposit_missing")) == ["person:tm2"]
    assert out.amounts("person:tm") == {"refund": "3000.00"}  # 1(2): no project of his own, no reward
    assert out.amounts("person:tm2") == {}
    assert out.amounts("person:h_ygs") == {"refund": "3000.00", "reward": "3000.00"}
    # the same ledger for 2014-H2, which holds no due day: only what was paid in it
    h2 = inv(records=records, settings=SETTINGS, period="2014-H2")
    assert h2.find("investment.deposit_missing") == [] and h2.payments == []
