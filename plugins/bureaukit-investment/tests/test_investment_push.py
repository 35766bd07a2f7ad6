"""Rule 12: 二季度攻坚 (第四篇 一; 二(五))."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_investment.records import Promotion

ON = {"h1_push": {"promotions": 1}}


def promo(id: str, day: str, unit: str = "invest") -> Promotion:
    return Promotion(id, unit, date.fromisoformat(day), "交通项目招商推介会")


def test_off_by_default(inv):
    assert inv(as_of="2014-06-30").find("investment.h1_big_signing") == []


@pytest.mark.parametrize(
    "total, signed, flagged",
    [("4999.99", "2014-05-01", True), ("5000", "2014-06-30", False), ("5000", "2014-07-01", True),
     ("8000", "2013-12-31", True)],
)
def test_big_signing_by_end_of_june(inv, rows, total, signed, flagged):
    # an unconfirmed project counts too (planned 0): 不论是否确认
    ps = [rows.project("A", total=total, planned=0, signed=signed)]
    out = inv(records={"projects": ps, "promotions": [promo("E1", "2014-03-01")]}, settings=ON)
    found = out.find("investment.h1_big_signing")
    assert [(f.subject, f.due, f.severity) for f in found] == (
        [("unit:bureau", date(2014, 6, 30), "warning")] if flagged else [])
    if flagged:
        assert "0 个，少于 1 个" in found[0].message["zh"]


def test_promotions_and_timing(inv, rows):
    ps = [rows.project("A", total=6000, signed="2014-04-01")]
    held_late = {"projects": ps, "promotions": [promo("E1", "2014-07-01")]}
    assert not inv(records=held_late, settings=ON, as_of="2014-06-29").find("investment.no_promotion")
    (f,) = inv(records=held_late, settings=ON, as_of="2014-06-30").find("investment.no_promotion")
    assert f.due == date(2014, 6, 30) and "0 次，少于 1 次" in f.message["zh"]
    on_time = {"projects": ps, "promotions": [promo("E1", "2014-06-30", unit="ygs")]}
    assert inv(records=on_time, settings=ON).find("investment.no_promotion") == []


def test_counts_and_zero_turns_a_check_off(inv, rows):
    ps = [rows.project("A", total=6000, signed="2014-04-01")]
    s = {"h1_push": {"big_signings": 2, "promotions": 0, "by": "05-31"}}
    found = inv(records={"projects": ps}, settings=s).find()
    codes = [f.code for f in found if f.code.startswith("investment.h1") or "promotion" in f.code]
    assert codes == ["investment.h1_big_signing"]
    assert [f.due for f in found if f.code == "investment.h1_big_signing"] == [date(2014, 5, 31)]
    # a period not containing `by` is not checked
    assert inv(records={"projects": []}, settings=ON, period="2014-H2").find("investment.no_promotion") == []
