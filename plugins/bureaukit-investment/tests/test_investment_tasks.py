"""Rules 3, 5, 6: metrics against targets, the personal task, points (seed 一, 二(一))."""

from __future__ import annotations

import pytest
from bureaukit_investment.records import Category, Certificate


def test_metrics_roll_up_through_descendants(inv, rows):
    ps = [
        rows.project("A", "ygs", category=Category.industrial, total=6000, planned=3000),
        rows.project("B", "ygs_n", category=Category.high_tech, total=2000, planned=1000,
                     certificate=Certificate.provincial),
        rows.project("C", "gls", category=Category.tourism, total=5000, planned=4000),
        rows.project("D", "invest", category=Category.commerce_service, total="4999.99", planned=0),
    ]
    prog = [rows.progress("A", fixed=2500), rows.progress("B", fixed=500), rows.progress("C", fixed=1000)]
    out = inv(
        records={"projects": ps, "progress": prog},
        settings={"allocation": {"ygs": {"total_wan": 8000, "industrial_wan": 9000},
                                 "invest": {"big_projects": 1}}},
    )
    b = {m: out.value("unit:bureau", m)
         for m in ("total_wan", "fixed_asset_wan", "industrial_wan", "big_projects")}
    assert b == {"total_wan": "17999.99", "fixed_asset_wan": "4000", "industrial_wan": "8000",
                 "big_projects": "2"}  # A 6000 ≥ 5000, C 5000 ≥ 5000; D 4999.99 is not
    # ygs: its own keys only, over itself and ygs_n
    assert out.value("unit:ygs", "total_wan") == "8000"
    assert out.value("unit:ygs", "industrial_wan") == "8000"
    assert not out.has_score("unit:ygs", "fixed_asset_wan")
    assert out.value("unit:invest", "big_projects") == "0"
    # units without an allocation are not rated
    assert not out.has_score("unit:gls", "points") and not out.has_score("unit:ygs_n", "points")
    # points: 100 × mean(min(1, v/t))
    # bureau: total 17999.99/18000, fixed 4000/7000, industrial 1, big 1
    want = 100 * (min(1, 17999.99 / 18000) + 4000 / 7000 + 1 + 1) / 4
    assert out.value("unit:bureau", "points") == f"{want:.2f}" == "89.29"
    assert out.value("unit:ygs", "points") == "94.44"  # (1 + 8000/9000) / 2
    assert out.value("unit:invest", "points") == "0.00"
    s = out.score("unit:bureau", "big_projects")
    assert s.unit == "个" and [e.record for e in s.evidence] == ["A", "C"]


@pytest.mark.parametrize(
    "total, done, points, paid",
    [
        # 2000 × (1 − 17999/18000) = 0.111… → 0.11
        ("17999", False, "99.99", {"deduction": "0.11", "refund": "1999.89"}),
        ("18000", True, "100.00", {"refund": "2000.00", "reward": "2000.00"}),
        ("18001", True, "100.00", {"refund": "2000.00", "reward": "2000.00"}),
    ],
)
def test_completed_exactly_at_target(inv, rows, total, done, points, paid):
    out = inv(records={"projects": [rows.project("A", total=total)],
                       "deposits": [rows.deposit("t_ygs", 2000)]},
              settings={"targets": {"total_wan": 18000}})
    assert out.value("unit:bureau", "points") == points
    # t_ygs is under no allocated unit: the bureau's task decides
    assert out.amounts("person:t_ygs") == paid
    assert bool(out.find("investment.behind_schedule")) is not done


def test_district_verified_replaces_the_bureau_figure_in_final_runs_only(inv, rows):
    ps = [rows.project("A", total=20000)]
    settings = {"targets": {"total_wan": 18000}, "district_verified": {"total_wan": 16200}}
    final = inv(records={"projects": ps, "deposits": [rows.deposit("tm")]}, settings=settings)
    assert final.value("unit:bureau", "total_wan") == "16200"
    assert final.score("unit:bureau", "total_wan").evidence[0].note_in("zh") == (
        "以区考核组验收认定为准：招商引资总额 16,200 万元（台账合计 20,000 万元）")
    assert final.value("unit:bureau", "points") == "90.00"
    assert final.amounts("person:tm") == {"deduction": "300.00", "refund": "2700.00"}
    mid = inv(records={"projects": ps}, settings=settings, as_of="2014-12-30")
    assert mid.value("unit:bureau", "total_wan") == "20000"


@pytest.mark.parametrize(
    "total, planned, count",
    [("1999.99", 1000, 0), (2000, "999.99", 0), (2000, 1000, 1), ("2000.01", "1000.01", 1)],
)
def test_personal_task_thresholds(inv, rows, total, planned, count):
    out = inv(records={"projects": [rows.project("A", total=total, planned=planned, introducers=("tm",))]})
    assert out.value("person:tm", "personal_project") == str(count)
    assert out.score("person:tm", "personal_project").target == 1
    assert out.value("person:tm", "points") == ("100.00" if count else "0.00")


def test_co_introducers_each_get_full_credit_and_unconfirmed_projects_do_not_count(inv, rows):
    ps = [
        rows.project("A", total=4000, planned=2000, introducers=("tm", "h_gls")),
        rows.project("B", total=4000, planned=2000, introducers=("tm2",), signed="2013-12-31"),
        rows.project("C", total=4000, planned=3000, introducers=("h_ygs",)),
        rows.project("E", total=4000, planned=3000, introducers=("h_ygs",)),
    ]
    out = inv(records={"projects": ps})
    assert out.value("person:tm", "personal_project") == "1"
    assert out.value("person:h_gls", "personal_project") == "1"
    assert out.value("person:tm2", "personal_project") == "0"  # B signed before the period
    assert out.value("person:h_ygs", "personal_project") == "2"
    # 局班子成员及二级机构主要负责人 are rated, nobody else: not the 招商办's head (科室),
    # not the station's head (站所), not the main leader (who holds no team_member here)
    rated = sorted(s.subject for s in out.scores if s.metric == "personal_project")
    assert rated == ["person:h_gls", "person:h_ygs", "person:tm", "person:tm2"]


def test_people_out_of_post_for_the_whole_period_are_not_rated(rows):
    from bureaukit_investment.campaign import CAMPAIGN

    from bureaukit.testing import person, run, unit

    out = run(CAMPAIGN, units=[unit("b", kind="bureau")],
              people=[person("gone", "b", ["team_member"], end="2013-12-31"),
                      person("here", "b", ["team_member"], start="2014-12-01")])
    assert not out.has_score("person:gone", "points")
    assert out.value("person:here", "points") == "0.00"
