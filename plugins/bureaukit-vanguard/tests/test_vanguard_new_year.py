"""A batch whose phases cross the new year (跨年), worked by hand (tenth session's red team).

The second batch of the seed's campaign ran from the second half of the year into the next;
phases given as month-days are placed in the window: a start before the window's start goes in
the next year (place_start), so 整改提高 "01-01..02-28" is 2006's."""

from __future__ import annotations

from datetime import date

from bureaukit_vanguard.records import Approval, Makeup, Step, Survey

WINDOW = "2005-09-01..2006-02-28"
PHASES = [
    {"id": "learn", "title": "学习动员", "start": "09-01", "end": "10-31", "steps": ["动员大会"], "weight": 20},
    {"id": "analyze", "title": "分析评议", "start": "11-01", "end": "12-31", "steps": ["征求意见"], "survey": True,
     "weight": 40},
    {"id": "rectify", "title": "整改提高", "start": "01-01", "end": "02-28", "steps": ["制定整改方案"],
     "survey": True, "weight": 40},
]
SETTINGS = {"participants": ["institution"], "phases": PHASES,
            "formality": {"talks": 0, "measures": 0, "institutions": 0}}
X = "unit:ygs"


def D(s: str) -> date:
    return date.fromisoformat(s)


def _records(analyze_ok: str, makeup_done: str | None) -> dict[str, list[object]]:
    return {
        "steps": [Step("ygs", "learn", "动员大会", D("2005-09-10")),
                  Step("ygs", "analyze", "征求意见", D("2005-11-20")),
                  Step("ygs", "rectify", "制定整改方案", D("2006-01-02"))],
        "surveys": [Survey("ygs", "analyze", D("2005-12-20"), 9, 1, 0),
                    Survey("ygs", "rectify", D("2006-02-20"), 8, 2, 0)],
        "approvals": [Approval("ygs", "learn", D("2005-10-28")), Approval("ygs", "analyze", D(analyze_ok)),
                      Approval("ygs", "rectify", D("2006-02-26"))],
        "makeups": [Makeup("ygs", "analyze", done=D(makeup_done))] if makeup_done else [],
    }


def test_approved_on_the_last_day_of_the_year_is_clean(vanguard):
    # 分析评议 approved 2005-12-31 (its last day), the 整改方案 made 2006-01-02: no finding;
    # every phase 100: steps 1 + survey 1 + 转段 1 of 3 (learn: 1 + 1 of 2)
    out = vanguard(records=_records("2005-12-31", None), settings={**SETTINGS, "window": WINDOW},
                   period=WINDOW)
    assert list(out.findings) == []
    assert [out.value(X, f"stage.{p}") for p in ("learn", "analyze", "rectify")] == ["100.00"] * 3
    assert out.value(X, "points") == "100.00"


def test_moving_on_across_the_new_year_before_the_approval(vanguard):
    # approval of 分析评议 only on 2006-01-03, after the 整改方案 of 2006-01-02 (a later phase's step
    # after the phase's end, 2005-12-31) → moved_unapproved, a trigger of 2006-01-02; 补课 due
    # 2006-01-02 + 30 days = 2006-02-01. The approval of 01-03 then finds it outstanding →
    # approved_early. 补课 done 2006-02-02, a day late → makeup_overdue; and 分析评议's 转段 item
    # is not met: (1 + 1 + 0) / 3 → 66.67. points = (20 × 100 + 40 × 66.6667 + 40 × 100) / 100
    # = (2000 + 2666.667 + 4000) / 100 = 86.67. No 回头看 date on the 补课: review_missing, due the
    # later of the last phase's end (2006-02-28) and the 补课 (02-02).
    out = vanguard(records=_records("2006-01-03", "2006-02-02"), settings={**SETTINGS, "window": WINDOW},
                   period=WINDOW)
    assert sorted((f.code, str(f.due)) for f in out.findings) == [
        ("vanguard.approved_early", "None"), ("vanguard.makeup_overdue", "2006-02-01"),
        ("vanguard.moved_unapproved", "None"), ("vanguard.review_missing", "2006-02-28")]
    assert out.value(X, "stage.analyze") == "66.67"
    assert out.value(X, "points") == "86.67"
    # done on 2006-02-01, its due day: on time, and the 转段 counts again
    out = vanguard(records=_records("2006-01-03", "2006-02-01"), settings={**SETTINGS, "window": WINDOW},
                   period=WINDOW)
    assert not out.find("vanguard.makeup_overdue")
    assert out.value(X, "stage.analyze") == "100.00"
