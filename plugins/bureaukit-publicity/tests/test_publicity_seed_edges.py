"""Edges a clerk's ledger hits, worked by hand against seed 000 第三篇 (red-team, session 10)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def test_award_note_fees_are_summed_from_rows_the_award_cites(publicity, adoption):
    # seed 六(二): the 先进个人 are ranked by 刊登数 (and, a bureau default, by 稿酬 on a tie);
    # the award's note writes p1's 稿酬, so every row in that sum must be cited with its fee.
    # p1: 8 news at 其他市级刊物 (counted, 30 元 each = 240.00), 1 news at 区级媒体 (not
    # counted, 30.00), 1 info at 本局交通政务网 (not counted, 40.00) → 稿酬 310.00 元.
    rows = [adoption(f"N{i}", "city_media", "p1", f"2014-03-{i + 1:02d}") for i in range(8)]
    rows += [adoption("D1", "district_media", "p1", "2014-04-01"), adoption("B1", "bureau_site", "p1", "2014-04-02")]
    out = publicity(rows)
    (award,) = out.paid("person:p1", "award")
    assert "稿酬 310.00 元" in award.evidence[0].note_in("zh")
    # the rows cited with a fee, each once, are all ten, and their fees add up to the note's
    fee_rows = {e.row: e.note_in("zh") for e in award.evidence[1:] if "稿酬" in e.note_in("zh")}
    assert sorted(fee_rows) == list(range(1, 11))
    assert fee_rows[9] == "D1 2014-04-01 被区级媒体(日报专刊等)采用：稿酬 30.00 元"
    assert fee_rows[10] == "B1 2014-04-02 被本局交通政务网采用：稿酬 40.00 元"
    assert 8 * Decimal(30) + 30 + 40 == Decimal("310")


def test_a_case_received_at_the_year_end_is_answered_for_in_the_year_it_falls_due(publicity, case):
    # seed 五: "及时妥善地解决存在的问题 … 经审核通过后方可对外答复"; reply_days 7 (bureau default).
    # The 2013 run (as_of 2013-12-31) cannot see a lapse that happens in January; the 2014
    # run must, or no year's report ever shows it.
    cases = [
        # received 12-28 → due 2014-01-04; answered 01-10: 6 days late, in 2014
        case("Y-1", "2013-12-28", "2014-01-10"),
        # received 12-24 → due 12-31; open on the eve and not yet late (12-31 ≤ due): late in 2014
        case("Y-2", "2013-12-24"),
        # received 12-20 → due 12-27; still open on 12-31 > 12-27: 2013's final run reported it
        case("Y-3", "2013-12-20"),
        # received and answered late in 2013 (due 12-13, answered 12-20): 2013's
        case("Y-4", "2013-12-06", "2013-12-20"),
        # received 12-30, answered 2014-01-03 on time but with no approver: a 2014 reply
        case("Y-5", "2013-12-30", "2014-01-03", approved_by=None),
    ]
    late_2014 = publicity(cases=cases)
    assert sorted((f.evidence[0].record, f.due) for f in late_2014.find("publicity.reply_overdue")) == [
        ("Y-1", date(2014, 1, 4)), ("Y-2", date(2013, 12, 31))]
    assert [f.evidence[0].record for f in late_2014.find("publicity.reply_unapproved")] == ["Y-5"]
    # and the 2013 run reports Y-3 and Y-4 only: each lapse in exactly one year
    late_2013 = publicity(cases=cases, period="2013")
    assert sorted(f.evidence[0].record for f in late_2013.find("publicity.reply_overdue")) == ["Y-3", "Y-4"]
    assert late_2013.find("publicity.reply_unapproved") == []


def test_fees_of_a_period_across_new_year_are_paid_per_calendar_half(publicity, adoption):
    # seed 六(三): "个人稿件由各单位宣传信息工作责任科室半年和年终分别统计审核确认"; a bureau that
    # scores 2013-07-01..2014-06-30 settles two calendar halves, 2013-H2 and 2014-H1, and no
    # award (the period holds no whole calendar year).
    #   2013-12-31 省委省政府 300 元 ÷ (p1, p2, p3) → 100.00 each          → 2013-H2
    #   2014-01-01 其他省级网站 50 元 ÷ (p1, p2, p3) → 16.67, 16.67, 16.66 → 2014-H1
    #   2014-06-30 省日报 300 × 2 (1500 字: 以上 includes 1500) ÷ (p2, p1) → 300.00 each → 2014-H1
    #   2014-07-01 is after the period: left out.
    # p1: H2 100.00; H1 16.67 + 300.00 = 316.67. p2: 100.00; 16.67 + 300.00 = 316.67.
    # p3: 100.00; 16.66. Total 300 + 50 + 600 = 950.00 = 416.67 + 416.67 + 116.66.
    rows = [
        adoption("Z-1", "province_gov", ("p1", "p2", "p3"), "2013-12-31"),
        adoption("Z-2", "province_site", ("p1", "p2", "p3"), "2014-01-01"),
        adoption("Z-3", "province_daily", ("p2", "p1"), "2014-06-30", chars=1500),
        adoption("Z-4", "province_gov", "p1", "2014-07-01"),
    ]
    out = publicity(rows, period="2013-07-01..2014-06-30")
    paid = {(p.subject, p.period): str(p.amount) for p in out.paid(kind="fee")}
    assert paid == {
        ("person:p1", "2013-H2"): "100.00", ("person:p1", "2014-H1"): "316.67",
        ("person:p2", "2013-H2"): "100.00", ("person:p2", "2014-H1"): "316.67",
        ("person:p3", "2013-H2"): "100.00", ("person:p3", "2014-H1"): "16.66",
    }
    assert sum(p.amount for p in out.paid(kind="fee")) == Decimal("950.00")
    assert out.paid(kind="award") == []
    assert out.value("person:p1", "fees_yuan") == "416.67"
