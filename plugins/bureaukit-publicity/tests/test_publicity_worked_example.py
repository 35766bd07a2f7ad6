"""The page's worked example (docs/campaigns/publicity.md), number for number."""

from __future__ import annotations

from decimal import Decimal


def test_long_news_report_doubles_and_splits(publicity, adoption):
    # A 1600-character news report by p1 and p2 in the provincial daily: 300 × 2 = 600 元
    out = publicity([adoption("N-01", "province_daily", ("p1", "p2"), "2014-03-10", chars=1600)])
    assert out.value("person:p1", "fees_yuan") == "300.00"
    assert out.value("person:p2", "fees_yuan") == "300.00"
    assert [p.amount for p in out.paid("person:p1", "fee")] == [Decimal("300.00")]
    assert out.paid("person:p1", "fee")[0].period == "2014-H1"


def test_info_item_split_three_ways_sums_to_the_fen(publicity, adoption):
    # An info item by p1, p2, p3 adopted by 市委市政府: 100 元 → 33.34, 33.33, 33.33
    out = publicity([adoption("X-01", "city_gov", ("p1", "p2", "p3"), "2014-08-01")])
    assert out.value("person:p1", "fees_yuan") == "33.34"
    assert out.value("person:p2", "fees_yuan") == "33.33"
    assert out.value("person:p3", "fees_yuan") == "33.33"
    assert sum(p.amount for p in out.paid(kind="fee")) == Decimal(100)
    assert {p.period for p in out.paid(kind="fee")} == {"2014-H2"}


def test_quota_points_half_way_through_the_year(publicity, adoption):
    # Quota { news = 20, info = 40 }, 15 news and 10 info by 30 June:
    # 100 × (15/20 + 10/40) / 2 = 100 × (0.75 + 0.25) / 2 = 50.00
    rows = [adoption(f"N-{i:02}", "city_media", "y1", "2014-05-01", unit="ygs") for i in range(15)]
    rows += [adoption(f"X-{i:02}", "bureau_site", "y2", "2014-06-30", unit="ygs") for i in range(10)]
    out = publicity(rows, settings={"quotas": {"ygs": {"news": 20, "info": 40}}}, as_of="2014-06-30")
    assert out.value("unit:ygs", "news") == "15"
    assert out.score("unit:ygs", "news").target == 20
    assert out.value("unit:ygs", "info") == "10"
    assert out.score("unit:ygs", "info").target == 40
    assert out.value("unit:ygs", "points") == "50.00"
    assert not out.paid()  # not a final run: no money


def test_tie_for_the_last_award_goes_to_the_higher_fees(publicity, adoption):
    # y1 has 10 news, y2 9: places 1 and 2. p1 and p2 have 8 each for the third place;
    # p1 had one in 市日报 (100 元) where p2 had all in 其他市级刊物 (30 元): p1 wins.
    rows = [adoption(f"Y1-{i}", "city_media", "y1") for i in range(10)]
    rows += [adoption(f"Y2-{i}", "city_media", "y2") for i in range(9)]
    rows += [adoption(f"P1-{i}", "city_media", "p1") for i in range(7)]
    rows += [adoption("P1-7", "city_daily", "p1")]
    rows += [adoption(f"P2-{i}", "city_media", "p2") for i in range(8)]
    out = publicity(rows)
    assert out.value("person:p1", "news_count") == "8"
    assert out.value("person:p2", "news_count") == "8"
    assert out.value("person:p1", "fees_yuan") == "310.00"  # 7 × 30 + 100
    assert out.value("person:p2", "fees_yuan") == "240.00"  # 8 × 30
    winners = sorted(p.subject for p in out.paid(kind="award"))
    assert winners == ["person:p1", "person:y1", "person:y2"]
    assert all(p.amount == Decimal(500) and p.period == "2014" for p in out.paid(kind="award"))
    note = out.paid("person:p1", "award")[0].evidence[0]
    assert note.note_in("zh") == ("新闻宣传工作先进个人第 3 名（符合条件 4 人，名额 3 名）：计入评比的新闻 8 篇（≥ 8 篇），"
                                  "稿酬 310.00 元；奖励 500.00 元")
    assert note.note_in("en") == ("outstanding individual in news publicity, rank 3 (4 eligible, 3 places): 8 news "
                                  "item(s) counting (≥ 8), fees 310.00 yuan; award 500.00 yuan")
