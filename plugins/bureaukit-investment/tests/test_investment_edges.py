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


def test_leave_post_cites_the_rows_of_both_figures_it_quotes(inv, rows):
    # 四(三) "凡7月31日前固定资产投资任务完成未达到50%的单位,其主要领导要离岗招商,直至完成任务".
    # gls's task: fixed asset 1000. Project G's progress: 400 by 2014-07-15, 900 by 2014-10-31;
    # project H (industrial, signed 2014-08-01) 50 by 2014-11-30. At 07-31: 400 / 1000 = 40% < 50%;
    # at 12-31: 900 + 50 = 950 / 1000 = 95% < 100% → leave_post. The finding quotes 400 and 950:
    # 400 is in G's 07-15 row, 950 in G's 10-31 row and H's 11-30 row — each cited.
    recs = {
        "projects": [rows.project("G", "gls", total=3000, planned=2000),
                     rows.project("H", "gls", total=1500, planned=1200, signed="2014-08-01")],
        "progress": [rows.progress("G", "2014-07-15", fixed=400), rows.progress("G", "2014-10-31", fixed=900),
                     rows.progress("H", "2014-11-30", fixed=50)],
    }
    out = inv(records=recs, settings={"allocation": {"gls": {"fixed_asset_wan": 1000}}})
    (f,) = out.find("investment.leave_post")
    assert "完成 400 / 1,000 万元（40.0%）" in f.message["zh"] and "仍未完成（95.0%）" in f.message["zh"]
    assert [e.record for e in f.evidence[1:]] == ["G|2014-07-15", "G|2014-10-31", "H|2014-11-30"]
    assert ["400" in f.evidence[1].note_in("zh"), "900" in f.evidence[2].note_in("zh"),
            "50" in f.evidence[3].note_in("zh")] == [True, True, True]


def test_leave_post_cites_a_row_unchanged_since_the_checkpoint_once(inv, rows):
    # G's only row, 300 on 2014-06-30, is both figures: 300 / 1000 at 07-31 and at 12-31
    recs = {"projects": [rows.project("G", "gls", total=3000, planned=2000)],
            "progress": [rows.progress("G", "2014-06-30", fixed=300)]}
    out = inv(records=recs, settings={"allocation": {"gls": {"fixed_asset_wan": 1000}}})
    (f,) = out.find("investment.leave_post")
    assert [e.record for e in f.evidence[1:]] == ["G|2014-06-30"]


def test_a_deduction_of_half_a_fen_rounds_up_and_the_split_keeps_the_whole(inv, rows):
    # 五(二)2(2) "个人缴纳风险金按照区委、区政府下达我局任务的差额比例相应扣除"; CORE §4: ROUND_HALF_UP at
    # the point of payment. The bureau reaches 17999.775 of 18000 万元: shortfall
    # 1 − 17999.775 / 18000 = 0.225 / 18000 = 0.0000125. tm (no project) paid 2000:
    # 2000 × 0.0000125 = 0.025 元 → 0.03 (half up; half-even would keep 0.02); refund 2000 − 0.03 = 1999.97.
    out = inv(records={"projects": [rows.project("A", "ygs", total="17999.775")],
                       "deposits": [rows.deposit("tm", 2000)]},
              settings={"targets": {"total_wan": 18000}})
    assert out.amounts("person:tm") == {"deduction": "0.03", "refund": "1999.97"}
    assert sum(p.amount for p in out.paid("person:tm")) == rows.D(2000)
