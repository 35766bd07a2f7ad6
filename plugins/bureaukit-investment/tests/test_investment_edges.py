"""Edges a clerk's ledger hits, worked by hand against seed 000 第一篇 (tenth session's red team)."""

from __future__ import annotations

from datetime import date

from bureaukit_investment.records import TripKind

from bureaukit.testing import person

YGS = {"allocation": {"ygs": {"total_wan": 1000}}}


def test_a_trip_counts_only_when_its_leader_is_in_post_that_day(inv, rows, org):
    # 四(三) "凡承担招商引资任务的单位主要负责人每季度带队外出招商一次": ygs changes head on
    # 2014-04-01 (h_old to 2014-03-31, h_new from 2014-04-01).
    people = [p for p in org["people"] if p.id != "h_ygs"] + [
        person("h_old", "ygs", roles=["unit_head"], end="2014-03-31"),
        person("h_new", "ygs", roles=["unit_head"], start="2014-04-01"),
        person("s_late", "ygs", roles=["staff"], start="2014-12-01"),
    ]
    trips = [
        rows.trip("T1", "ygs", "h_new", "2014-02-10"),  # Q1: h_new was not yet its head
        rows.trip("T2", "ygs", "h_old", "2014-05-10"),  # Q2: h_old had left
        rows.trip("T3", "ygs", "h_old", "2014-03-31"),  # Q1: his last day, still in post
        rows.trip("T4", "ygs", "h_new", "2014-04-01"),  # Q2: his first day, in post
        rows.trip("T5", "ygs", "s_late", "2014-08-01", TripKind.stationed),  # Q3: not yet staff
        rows.trip("T6", "ygs", "h_new", "2014-12-31"),  # Q4: last day of the quarter
    ]
    out = inv(people=people, records={"trips": trips}, settings=YGS)
    # Q1 met by T3, Q2 by T4, Q4 by T6; Q3 has only T5, stationed by someone who joined in December
    found = out.find("investment.no_trip", "unit:ygs")
    assert [f.due for f in found] == [date(2014, 9, 30)]
    assert [e.record for e in found[0].evidence] == ["T5"]
    # without T3 and T4, Q1 and Q2 are missed too: a head out of post leads no trip
    out = inv(people=people, records={"trips": [t for t in trips if t.id not in ("T3", "T4")]}, settings=YGS)
    assert [(f.due, [e.record for e in f.evidence]) for f in out.find("investment.no_trip", "unit:ygs")] == [
        (date(2014, 3, 31), ["T1"]), (date(2014, 6, 30), ["T2"]), (date(2014, 9, 30), ["T5"])]
