"""Rule 1: rating average, 去掉最高分、最低分 (N = trim) when there are more than 2N."""

from decimal import Decimal

import pytest
from bureaukit_wubi.ratings import rating_average, trimmed

D = Decimal


@pytest.mark.parametrize(
    ("scores", "trim", "kept"),
    [
        ([90, 80], 1, [80, 90]),  # 2 = 2N: all kept
        ([90, 80, 70], 1, [80]),  # 3 = 2N + 1: trimmed
        ([90], 1, [90]),
        ([90, 80, 70, 60], 2, [60, 70, 80, 90]),  # exactly 2N: all kept
        ([90, 80, 70, 60, 50], 2, [70]),  # 2N + 1
        ([90, 80, 70], 0, [70, 80, 90]),  # trim 0: never trimmed
        ([80, 80, 80, 80], 1, [80, 80]),  # all tied: one instance each side
    ],
)
def test_trimming_boundaries(scores, trim, kept):
    assert trimmed([D(s) for s in scores], trim) == [D(k) for k in kept]


def test_rating_average_is_unrounded():
    assert rating_average([D(90), D(88), D(70)], 0) == D(248) / 3
    assert rating_average([], 1) is None


def test_two_ratings_are_both_kept_three_are_trimmed(wubi, rows):
    two = wubi({"ratings": rows.ratings("s1", "jingjie", [90, 71])})
    assert two.value("unit:s1", "dim.jingjie") == "80.50"  # (90 + 71) / 2
    three = wubi({"ratings": rows.ratings("s1", "jingjie", [90, 71, 85])})
    assert three.value("unit:s1", "dim.jingjie") == "85.00"  # only 85 kept


def test_trim_setting_two(wubi, rows):
    scores = [99, 90, 80, 70, 10]
    assert wubi({"ratings": rows.ratings("s1", "fuwu", scores)}, {"trim": 2}).value("unit:s1", "dim.fuwu") == "80.00"
    # trim 0: (99 + 90 + 80 + 70 + 10) / 5 = 349 / 5 = 69.8
    assert wubi({"ratings": rows.ratings("s1", "fuwu", scores)}, {"trim": 0}).value("unit:s1", "dim.fuwu") == "69.80"


def test_rounding_only_when_written(wubi, rows):
    # (80 + 80.005) / 2 = 80.0025 → written 80.00; the half-up case 80.005 → 80.01
    assert wubi({"ratings": rows.ratings("s1", "yeji", ["80", "80.005"])}).value("unit:s1", "dim.yeji") == "80.00"
    assert wubi({"ratings": rows.ratings("s1", "yeji", ["80.005"])}).value("unit:s1", "dim.yeji") == "80.01"


def test_evidence_marks_each_rating_kept_or_dropped(wubi, rows):
    # e1 95 and e2 95 tie at the top, e4 60 and e5 60 at the bottom: e2 (last id) and e4 (first id) dropped
    out = wubi({"ratings": rows.ratings("s1", "jingjie", [95, 95, 80, 60, 60])})
    ev = out.score("unit:s1", "dim.jingjie").evidence
    marks = {e.record: e.note_in("zh") for e in ev if e.record}
    assert marks == {
        "e1|s1|jingjie": "局领导1评分 95，计入",
        "e2|s1|jingjie": "局领导2评分 95，作为最高分去掉",
        "e3|s1|jingjie": "局领导3评分 80，计入",
        "e4|s1|jingjie": "局领导4评分 60，作为最低分去掉",
        "e5|s1|jingjie": "局领导5评分 60，计入",
    }
    assert ev[0].note_in("zh") == "比境界评分均值：(60 + 80 + 95) / 3 = 78.33"
    assert {e.record: e.note_in("en") for e in ev if e.record}["e2|s1|jingjie"] == (
        "局领导2 rated 95: dropped as the highest")
    assert out.value("unit:s1", "dim.jingjie") == "78.33"  # (60 + 80 + 95) / 3 = 78.333…
    assert {e.row for e in ev if e.record} == {1, 2, 3, 4, 5}
    assert all(e.source == "<ratings>" for e in ev if e.record)


def test_only_the_runs_ratings_count(wubi, rows):
    recs = [
        rows.rating("e1", "s1", "zuofeng", 90, "2014-01-01"),  # period start: counts
        rows.rating("e2", "s1", "zuofeng", 70, "2014-06-30"),  # as_of: counts
        rows.rating("e3", "s1", "zuofeng", 10, "2013-12-31"),  # before the period: left out
        rows.rating("e4", "s1", "zuofeng", 10, "2014-07-01"),  # after as_of: left out
        rows.rating("e1", "s1", "zuofeng", 10, "2013-06-01"),  # same key, another period: left out
    ]
    out = wubi({"ratings": recs}, as_of="2014-06-30")
    assert out.value("unit:s1", "dim.zuofeng") == "80.00"  # (90 + 70) / 2
