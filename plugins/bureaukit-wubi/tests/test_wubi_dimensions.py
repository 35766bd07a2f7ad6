"""Rules 3–4: the blend of ratings and evidence, and points as the weighted mean."""

from decimal import Decimal


def test_blend_only_one_source_or_both(wubi, rows):
    recs = {
        "ratings": [rows.rating("e1", "s1", "zuofeng", 80), rows.rating("e1", "s1", "jingjie", 60)],
        "tasks": [rows.task("t1", "s1", "2014-03-01", "2014-03-01"), rows.task("t2", "s1", "2014-04-01", "2014-04-02")],
        "innovations": [rows.innov("i1", "s1", "2014-03-01", "2014-02-01")],
    }
    out = wubi(recs)
    assert out.value("unit:s1", "dim.zuofeng") == "68.00"  # 0.6 × 80 + 0.4 × 100 × 1/2 = 48 + 20
    assert out.value("unit:s1", "dim.jingjie") == "60.00"  # ratings alone
    assert out.value("unit:s1", "dim.chuangxin") == "100.00"  # evidence alone
    assert not out.has_score("unit:s1", "dim.fuwu")  # neither
    # points: equal weights over the three scored = (68 + 60 + 100) / 3 = 76
    assert out.value("unit:s1", "points") == "76.00"
    ev = out.score("unit:s1", "points").evidence
    assert ev[0].note_in("zh") == "五比加权平均：(20 × 比境界 60.00 + 20 × 比创新 100.00 + 20 × 比作风 68.00) / 60 = 76.00"
    assert ev[0].note_in("en") == ("weighted mean of the five: (20 × Compare outlook 60.00 + 20 × Compare innovation "
                                   "100.00 + 20 × Compare work style 68.00) / 60 = 76.00")
    # the blends with one source say which is missing
    assert out.score("unit:s1", "dim.jingjie").evidence[-1].note_in("zh") == "比境界 = 评分均值 60.00（无客观依据）"
    assert out.score("unit:s1", "dim.chuangxin").evidence[-1].note_in("zh") == "比创新 = 100 × 依据率 100.00% = 100.00（无评分）"


def test_blend_setting(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "zuofeng", 80)], "tasks": [rows.task("t1", "s1", "2014-03-01")]}
    out = wubi(recs, {"blend": {"ratings": 0.25, "evidence": 0.75}})
    assert out.value("unit:s1", "dim.zuofeng") == "20.00"  # 0.25 × 80 + 0.75 × 0
    note = out.score("unit:s1", "dim.zuofeng").evidence[-1]
    assert note.note_in("zh") == "比作风 = 0.25 × 评分均值 80.00 + 0.75 × 100 × 依据率 0.00% = 20.00"
    assert note.note_in("en") == ("Compare work style = 0.25 × rating average 80.00 + 0.75 × 100 × evidence rate "
                                  "0.00% = 20.00")


def test_weights_and_zero_weights(wubi, rows):
    recs = {
        "ratings": [rows.rating("e1", "s1", "zuofeng", 80), rows.rating("e1", "s1", "jingjie", 60)],
        "tasks": [rows.task("t1", "s1", "2014-03-01", "2014-03-01")],
    }
    w = {"jingjie": 10, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 30}
    out = wubi(recs, {"weights": w})
    assert out.value("unit:s1", "dim.zuofeng") == "88.00"  # 0.6 × 80 + 0.4 × 100
    assert out.value("unit:s1", "points") == "81.00"  # (10 × 60 + 30 × 88) / 40 = 3240 / 40
    zero = wubi(recs, {"weights": {**w, "jingjie": 0, "zuofeng": 0}})
    assert zero.has_score("unit:s1", "dim.zuofeng")
    assert not zero.has_score("unit:s1", "points")  # scored only on weight-0 dimensions
    half = wubi(recs, {"weights": {**w, "jingjie": 0}})
    assert half.value("unit:s1", "points") == "88.00"  # a weight-0 dimension drops out


def test_points_keep_unrounded_dimensions(wubi, rows):
    # dims 80.005 (written 80.01) and 80.004 (written 80.00): points (80.005 + 80.004) / 2 = 80.0045
    # → 80.00; had the written dimensions been averaged it would be 80.005 → 80.01
    out = wubi({"ratings": [rows.rating("e1", "s1", "jingjie", "80.005"), rows.rating("e1", "s1", "yeji", "80.004")]})
    assert (out.value("unit:s1", "dim.jingjie"), out.value("unit:s1", "dim.yeji")) == ("80.01", "80.00")
    assert out.score("unit:s1", "points").value == Decimal("80.0045")
    assert out.value("unit:s1", "points") == "80.00"


def test_unrated_kinds_and_unscored_units_get_nothing(wubi, rows):
    out = wubi({"ratings": [rows.rating("e1", "s1", "fuwu", 90)]})
    assert {s.subject for s in out.scores} == {"unit:s1"}
    assert wubi({}).scores == []


def test_units_setting_limits_who_is_rated(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "fuwu", 90), rows.rating("e1", "o1", "fuwu", 70)]}
    out = wubi(recs, {"units": ["station", "office"]})
    assert {s.subject for s in out.scores} == {"unit:s1", "unit:o1"}
