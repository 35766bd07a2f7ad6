"""Rules 7–9: 序时进度 (四(四)), 离岗招商 and 外出招商 (四(三))."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bureaukit_investment.records import Category, TripKind

from bureaukit.testing import person


# 2014-07-31 is day 212 of 365: time progress 212/365 = 0.58082…; 18000 × 212/365 = 10454.79
@pytest.mark.parametrize("total, behind", [(10454, True), (10455, False)])
def test_behind_schedule_boundary(inv, rows, total, behind):
    out = inv(records={"projects": [rows.project("A", total=total)]},
              settings={"targets": {"total_wan": 18000}}, as_of="2014-07-31")
    assert bool(out.find("investment.behind_schedule", "unit:bureau")) is behind


def test_behind_schedule_lists_every_lagging_target(inv, rows):
    ps = [rows.project("A", "ygs", category=Category.industrial, total=7560, planned=5000)]
    out = inv(records={"projects": ps, "progress": [rows.progress("A", "2014-06-30", fixed=5000)]},
              settings={"targets": {"total_wan": 18000, "fixed_asset_wan": 7000, "industrial_wan": 5000},
                        "allocation": {"ygs": {"total_wan": 3000}, "gls": {"total_wan": 3000}}},
              as_of="2014-07-31")
    (f,) = out.find("investment.behind_schedule", "unit:bureau")
    assert f.severity == "warning"
    # fixed 5000/7000 = 0.7143 and industrial 7560/5000 are ahead; only total lags
    assert "低于序时进度 58.1%" in f.message["zh"] and "招商引资总额 7,560 / 18,000 万元（42.0%）" in f.message["zh"]
    assert "Fixed-asset" not in f.message["en"] and "Total investment 7,560 / 18,000 × 10k yuan (42.0%)" in f.message["en"]
    (g,) = out.find("investment.behind_schedule", "unit:gls")
    assert "Total investment 0 / 3,000 × 10k yuan (0.0%)" in g.message["en"]
    assert not out.find("investment.behind_schedule", "unit:ygs")  # 7560/3000
    # people and unallocated units are never flagged
    assert {f.subject for f in out.find("investment.behind_schedule")} == {"unit:bureau", "unit:gls"}


GLS_FIXED = {"allocation": {"gls": {"fixed_asset_wan": 1000}}}


def _gls(rows, at_checkpoint, later=None):
    ps = [rows.project("G", "gls", total=3000, planned=2000)]
    prog = [rows.progress("G", "2014-07-15", fixed=at_checkpoint)]
    if later is not None:
        prog.append(rows.progress("G", "2014-10-31", fixed=later))
    return {"projects": ps, "progress": prog}


@pytest.mark.parametrize("fixed, flagged", [("499.99", True), ("500", False), ("500.01", False)])
def test_leave_post_boundary_at_checkpoint(inv, rows, fixed, flagged):
    out = inv(records=_gls(rows, fixed), settings=GLS_FIXED)
    found = out.find("investment.leave_post")
    assert [f.subject for f in found] == (["person:h_gls"] if flagged else [])
    if flagged:
        (f,) = found
        assert f.severity == "violation" and f.due == date(2014, 7, 31)
        assert "主要领导离岗招商，直至完成任务" in f.message["zh"]
        # 499.99/1000 is written 49.999% against 50.000%: never "50.0%, below 50.0%"
        assert "固定资产投资完成 499.99 / 1,000 万元（49.999%），未达 50.000%" in f.message["zh"]


def test_leave_post_uses_the_figures_as_of_the_checkpoint(inv, rows):
    # 400 at 15 July, 900 by 31 October: below half then, still below the target now
    out = inv(records=_gls(rows, 400, 900), settings=GLS_FIXED)
    (f,) = out.find("investment.leave_post")
    assert "完成 400 / 1,000 万元（40.0%），未达 50.0%" in f.message["zh"] and "仍未完成（90.0%）" in f.message["zh"]
    # the task completed by the end: no finding
    assert not inv(records=_gls(rows, 400, 1000), settings=GLS_FIXED).find("investment.leave_post")
    # before the checkpoint date nothing is checked
    assert not inv(records=_gls(rows, 400), settings=GLS_FIXED, as_of="2014-07-30").find(
        "investment.leave_post")
    assert inv(records=_gls(rows, 400), settings=GLS_FIXED, as_of="2014-07-31").find(
        "investment.leave_post")


def test_leave_post_on_the_unit_without_a_head_and_skips_other_metrics(inv, rows, org):
    people = [p for p in org["people"] if p.id != "h_gls"]
    people.append(person("old", "gls", ["unit_head"], end="2014-08-31"))
    out = inv(people=people, records=_gls(rows, 0), settings=GLS_FIXED)
    assert [f.subject for f in out.find("investment.leave_post")] == ["unit:gls"]
    only_total = {"allocation": {"gls": {"total_wan": 9000}}}
    assert not inv(records=_gls(rows, 0), settings=only_total).find("investment.leave_post")


def test_leave_post_checkpoint_settings(inv, rows):
    s = {**GLS_FIXED, "checkpoint": {"date": "09-30", "min_ratio": Decimal("0.8")}}
    out = inv(records=_gls(rows, 700), settings=s, as_of="2014-09-30")
    assert [f.due for f in out.find("investment.leave_post")] == [date(2014, 9, 30)]


YGS = {"allocation": {"ygs": {"total_wan": 1000}}}


def test_trips_each_quarter(inv, rows):
    trips = [
        rows.trip("T1", "ygs", "h_ygs", "2014-03-31"),                      # Q1: the head leads
        rows.trip("T2", "ygs", "s_ygs", "2014-05-10"),                      # Q2: staff trip: no
        rows.trip("T3", "ygs", "h_n", "2014-06-10"),                        # Q2: not its head
        rows.trip("T4", "ygs", "s_ygs", "2014-08-01", TripKind.stationed),  # Q3: stationed
        rows.trip("T5", "ygs_n", "h_n", "2014-11-01"),                      # Q4: another unit
    ]
    out = inv(records={"trips": trips}, settings=YGS)
    found = out.find("investment.no_trip", "unit:ygs")
    assert [(f.due, f.severity) for f in found] == [(date(2014, 6, 30), "warning"),
                                                     (date(2014, 12, 31), "warning")]
    assert "2014-Q2" in found[0].message["zh"] and "T2、T3" in found[0].message["zh"]
    assert [e.record for e in found[0].evidence] == ["T2", "T3"]
    # a quarter counts once it has elapsed
    mid = inv(records={"trips": trips}, settings=YGS, as_of="2014-12-30")
    assert [f.due for f in mid.find("investment.no_trip")] == [date(2014, 6, 30)]
    # unallocated units and the bureau have no trip quota
    assert {f.subject for f in out.find("investment.no_trip")} == {"unit:ygs"}


def test_a_unit_without_a_head_needs_stationed_rows(inv, rows, org):
    people = [p for p in org["people"] if p.id != "h_ygs"]
    trips = [rows.trip(f"S{q}", "ygs", "s_ygs", f"2014-{3 * q:02d}-01", TripKind.stationed)
             for q in (1, 2, 3)]
    out = inv(people=people, records={"trips": trips}, settings=YGS)
    assert [f.due for f in out.find("investment.no_trip")] == [date(2014, 12, 31)]


def test_trip_bucket_setting(inv, rows):
    out = inv(records={"trips": [rows.trip("T1", "ygs", "h_ygs", "2014-03-01")]},
              settings={**YGS, "trip_every": "half"})
    assert [f.message["en"].split(" in ")[1][:7] for f in out.find("investment.no_trip")] == ["2014-H2"]
