"""Rule 3 — 年终评比 (seed 六(二)): 先进个人 each ×3 at ≥ 8 news / ≥ 20 info, 好消息单项奖."""

from __future__ import annotations

from decimal import Decimal

import pytest


def news(adoption, who, n, outlet="city_media"):
    return [adoption(f"{who}-N{i}", outlet, who) for i in range(n)]


def info(adoption, who, n, outlet="district_gov"):
    return [adoption(f"{who}-X{i}", outlet, who) for i in range(n)]


@pytest.mark.parametrize(("n", "wins"), [(7, False), (8, True), (9, True)])
def test_news_award_threshold(publicity, adoption, n, wins):
    out = publicity(news(adoption, "p1", n))
    assert bool(out.paid("person:p1", "award")) is wins


@pytest.mark.parametrize(("n", "wins"), [(19, False), (20, True), (21, True)])
def test_info_award_threshold(publicity, adoption, n, wins):
    out = publicity(info(adoption, "p1", n))
    assert bool(out.paid("person:p1", "award")) is wins
    if wins:
        note = out.paid("person:p1", "award")[0].evidence[0]
        assert note.note_in("zh") == (f"政务信息工作先进个人第 1 名（符合条件 1 人，名额 3 名）：计入评比的信息 {n} 篇"
                                      f"（≥ 20 篇），稿酬 {n * 60:,}.00 元；奖励 500.00 元")  # 区委区政府 60 元 each
        assert note.note_in("en").startswith("outstanding individual in government information, rank 1 (1 eligible")


def test_uncounted_outlets_do_not_make_eligible(publicity, adoption):
    # 8 news in 区级媒体 and 20 info on 本局网站: not 市级刊物 / 市局、区委区政府以上
    rows = news(adoption, "p1", 8, "district_media") + info(adoption, "p1", 20, "bureau_site")
    out = publicity(rows)
    assert out.paid(kind="award") == []


def test_three_places_ranked_by_count(publicity, adoption):
    rows = (news(adoption, "p1", 8) + news(adoption, "p2", 9) + news(adoption, "y1", 10)
            + news(adoption, "y2", 11))
    out = publicity(rows)
    assert sorted(p.subject for p in out.paid(kind="award")) == ["person:p2", "person:y1", "person:y2"]


def test_equal_count_and_fees_goes_to_person_id(publicity, adoption):
    rows = news(adoption, "y1", 8) + news(adoption, "p2", 8)
    out = publicity(rows, settings={"award": {"news_count": 1}})
    assert [p.subject for p in out.paid(kind="award")] == ["person:p2"]


def test_fewer_eligible_fewer_awards(publicity, adoption):
    out = publicity(news(adoption, "p1", 8) + news(adoption, "p2", 3))
    assert [p.subject for p in out.paid(kind="award")] == ["person:p1"]


@pytest.mark.parametrize(
    ("period", "as_of", "awarded"),
    [("2014", None, True), ("2014-H2", None, False), ("2014", "2014-12-30", False),
     ("2013-05-01..2014-04-30", None, False), ("2013-07-01..2014-12-31", None, True)],
)
def test_awards_only_in_final_whole_year_runs(publicity, adoption, period, as_of, awarded):
    rows = [adoption(f"N{i}", "city_media", "p1", "2014-03-02") for i in range(8)]
    out = publicity(rows, period=period, as_of=as_of)
    assert bool(out.paid(kind="award")) is awarded


def test_good_news_needs_both_marks_and_splits_among_first_row_authors(publicity, adoption):
    rows = [
        adoption("G-1", "city_gov", ("p1", "p2", "p3"), "2014-05-01", good_news=True, leader_instruction=True),
        adoption("G-1", "province_gov", ("p1",), "2014-04-01", good_news=True, leader_instruction=True),
        adoption("G-2", "city_gov", "y1", good_news=True),  # no 领导批示
        adoption("G-3", "city_gov", "y2", leader_instruction=True),  # not 好消息推荐
    ]
    out = publicity(rows)
    # G-1 wins once; its first such row is the 2014-04-01 one by p1 alone
    assert [(p.subject, str(p.amount)) for p in out.paid(kind="award")] == [("person:p1", "500.00")]
    assert out.paid("person:p1", "award")[0].evidence[0].note_in("zh") == (
        "好消息单项奖 G-1：好消息推荐且有领导批示（省委省政府 2014-04-01）；500.00 元 ÷ 1 人 → 杨帆 500.00 元")


def test_good_news_split_three_ways(publicity, adoption):
    rows = [adoption("G-1", "city_gov", ("p1", "p2", "p3"), good_news=True, leader_instruction=True)]
    out = publicity(rows)
    assert [str(p.amount) for p in sorted(out.paid(kind="award"), key=lambda p: p.subject)] == [
        "166.67", "166.67", "166.66"]


def test_good_news_same_day_tie_by_outlet_code(publicity, adoption):
    rows = [
        adoption("G-1", "province_gov", "p2", "2014-05-01", good_news=True, leader_instruction=True),
        adoption("G-1", "city_gov", "p1", "2014-05-01", good_news=True, leader_instruction=True),
    ]
    out = publicity(rows)
    assert [p.subject for p in out.paid(kind="award")] == ["person:p1"]  # city_gov < province_gov


def test_one_person_may_win_all_three_and_they_stay_separate(publicity, adoption):
    rows = news(adoption, "p1", 8) + info(adoption, "p1", 20)
    rows.append(adoption("G-1", "city_gov", "p1", good_news=True, leader_instruction=True))
    out = publicity(rows, settings={"fee_units": ["gls"]})  # fee_units does not apply to awards
    awards = out.paid("person:p1", "award")
    assert len(awards) == 3
    assert sum(p.amount for p in awards) == Decimal(1500)
    assert out.amounts("person:p1") == {"award": "1500.00"}


def test_award_cites_the_adoptions_its_count_counted(publicity, adoption):
    # the award names the counted rows as the count does (one citation serves both), the
    # 区级媒体 rows not among them; then every row of the 稿酬 its note writes, with its fee
    rows = news(adoption, "p1", 8) + news(adoption, "p1", 2, "district_media")
    out = publicity(rows)
    award = out.paid("person:p1", "award")[0].evidence
    counted = out.score("person:p1", "news_count").evidence
    assert len(award) == 1 + 8 + 10
    assert list(award[1:9]) == list(counted[:-1])
    assert [(e.row, e.record) for e in award[1:9]] == [(i + 1, f"p1-N{i}|city_media") for i in range(8)]
    assert award[1].note_in("zh") == "p1-N0（新闻）被其他市级刊物采用，计入评比"
    assert sorted(e.row for e in award[9:]) == list(range(1, 11))
    assert all("稿酬 30.00 元" in e.note_in("zh") for e in award[9:])  # 10 × 30 = 300.00 in the note
