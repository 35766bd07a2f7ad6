"""The page's worked example (docs/campaigns/vanguard.md), by hand.

Unit X (``ygs``), defaults, period 2005-H1, as of 2005-06-30:
学习动员 100.00; 分析评议 (8 + 测评 0 + 转段 1) / 10 = 90.00; 整改提高 (3 + 1 + 0) / 6 = 66.67;
points (20 × 100 + 40 × 90 + 40 × 66.6667) / 100 = 82.67.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

ONLY_X = {"participants": ["institution"]}


def test_worked_example(vanguard, example):
    out = vanguard(records=example.records(), settings=ONLY_X)
    x = "unit:ygs"
    assert out.value(x, "stage.learn") == "100.00"
    assert out.value(x, "stage.analyze") == "90.00"
    *rows, analyze = out.score(x, "stage.analyze").evidence
    # the 8 steps it counted, its 测评 (76.67 %: cited, not met), its 转段 approval and the
    # 补课 done in time that lets the 转段 count
    notes = [e.note_in("zh") for e in rows]
    assert len(notes) == 11 and all(e.row is not None for e in rows)
    assert sum(n.startswith("分析评议阶段环节“") and n.endswith(" 完成") for n in notes) == 8
    assert notes[8:] == ["满意 17、基本满意 6、不满意 7：(17 + 6) / 30 = 76.67%", "2005-04-29 同意转段",
                         "补课记录：2005-05-20 完成"]
    assert analyze.note_in("zh") == "完成环节 8 + 测评达标 0 + 转段 1 = 9 / 10 项，100 × 9 / 10 = 90.00"
    assert analyze.note_in("en") == "steps done 8 + survey passed 0 + moved on 1 = 9 of 10, 100 × 9 / 10 = 90.00"
    assert out.value(x, "stage.rectify") == "66.67"
    assert out.score(x, "stage.rectify").evidence[-1].note_in("zh") == (
        "完成环节 3 + 测评达标 1 + 转段 0 = 4 / 6 项，100 × 4 / 6 = 66.67")
    assert out.value(x, "points") == "82.67"
    points = out.score(x, "points").evidence[0]
    assert points.note_in("zh") == "得分 = (20 × 学习动员 100 + 40 × 分析评议 90 + 40 × 整改提高 66.6667) / 100 = 82.67"
    assert points.note_in("en") == ("points = (20 × Study and mobilisation 100 + 40 × Analysis and review 90 + "
                                    "40 × Rectification 66.6667) / 100 = 82.67")
    # 17 + 6 of 30 = 0.7667 < 0.8; 10 + 8 of 20 = 0.9000
    assert out.value(x, "satisfaction.analyze") == "0.7667"
    assert out.value(x, "satisfaction.rectify") == "0.9000"
    low = out.find("vanguard.satisfaction_low", x)
    assert len(low) == 1 and low[0].message["zh"] == "分析评议阶段群众满意度 76.7%（满意 17 + 基本满意 6，共 30 份），低于 80.0%，须补课"
    early = sorted((f.message["en"], f.severity) for f in out.find("vanguard.approved_early", x))
    assert len(early) == 2 and {s for _, s in early} == {"violation"}
    assert "analyze" in early[0][0] and "补课 outstanding since 2005-04-27" in early[0][0]
    assert "rectify" in early[1][0] and "step “建立长效机制” not done" in early[1][0]
    # the analyze 补课: owed from 04-27, due 05-27, done 05-20 → no makeup Finding; not reviewed
    review = out.find("vanguard.review_missing", x)
    assert [(f.due, f.severity) for f in review] == [(date(2005, 6, 30), "warning")]
    assert "analyze" in review[0].message["en"]
    # the rectify 补课: first trigger the approval of 06-28, due 07-28, not yet due
    owed = out.find("vanguard.makeup_owed", x)
    assert [(f.due, f.severity) for f in owed] == [(date(2005, 7, 28), "warning")]
    assert out.find("vanguard.makeup_overdue") == []
    missing = out.find("vanguard.step_missing", x)
    assert [f.due for f in missing] == [date(2005, 6, 30)] and "建立长效机制" in missing[0].message["zh"]
    # no other Finding: 2 talks since 03-01, 2 measures published 05-15 and done by their
    # deadlines; 建立长效机制 not done, so the institutions signal stays silent
    codes = sorted(f.code for f in out.findings)
    assert codes == ["vanguard.approved_early", "vanguard.approved_early", "vanguard.makeup_owed",
                     "vanguard.review_missing", "vanguard.satisfaction_low", "vanguard.step_missing"]


def test_seed_threshold_half_passes_the_same_survey(vanguard, example):
    # at the seed's 多数群众不满意 (0.5) 23 of 30 passes: no 补课 for analyze, stage 100
    out = vanguard(records=example.records(), settings={**ONLY_X, "satisfaction_min": Decimal("0.5")})
    assert out.value("unit:ygs", "stage.analyze") == "100.00"
    assert out.find("vanguard.satisfaction_low") == []
    # the analyze approval is no longer early; the rectify one still is
    assert len(out.find("vanguard.approved_early")) == 1


def test_the_points_note_rounds_half_up_as_the_values_are_written() -> None:
    from decimal import Decimal

    from bureaukit_vanguard.notes import points_note

    from bureaukit.plugin import Text
    from bureaukit.testing import speaking

    # 100 × 1/3200 = 0.03125: half even would write 0.0312 (and 0.125 as 0.12)
    ended = [(Decimal(40), Text("一", "one"), Decimal("0.03125")), (Decimal(20), Text("二", "two"), Decimal(100))]
    with speaking("zh"):
        assert points_note(ended, Decimal(60), Decimal("0.125")) == "得分 = (40 × 一 0.0313 + 20 × 二 100) / 60 = 0.13"
        assert points_note(ended[1:], Decimal(20), Decimal(100)) == "得分 = (20 × 二 100) / 20 = 100.00"
