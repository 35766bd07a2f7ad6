"""Every threshold at ±1, and the page's other cases (docs/campaigns/vanguard.md)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bureaukit_vanguard.records import Approval, Makeup, Measure, Step, Survey

X = "unit:ygs"
ONLY_X = {"participants": ["institution"]}


def d(md: str) -> date:
    return date.fromisoformat(f"2005-{md}")


@pytest.mark.parametrize("satisfied,passes", [(17, False), (18, True)])
def test_satisfaction_threshold_by_one_answer(vanguard, example, satisfied, passes):
    # 17 + 6 of 30 = 0.7667 fails; 18 + 6 of 30 = 0.8000 passes (≥, unrounded)
    recs = example.records()
    recs["surveys"][0] = Survey("ygs", "analyze", d("04-27"), satisfied, 6, 30 - satisfied - 6)
    out = vanguard(records=recs, settings=ONLY_X)
    assert out.value(X, "satisfaction.analyze") == ("0.8000" if passes else "0.7667")
    assert bool(out.find("vanguard.satisfaction_low")) is not passes
    assert out.value(X, "stage.analyze") == ("100.00" if passes else "90.00")


@pytest.mark.parametrize("satisfied,passes", [(8, False), (9, True)])
def test_seed_majority_threshold_by_one_answer(vanguard, example, satisfied, passes):
    # at 0.5: (8 + 6) / 30 = 0.4667 — 不满意 is the majority; (9 + 6) / 30 = 0.5000 passes
    recs = example.records()
    recs["surveys"][0] = Survey("ygs", "analyze", d("04-27"), satisfied, 6, 30 - satisfied - 6)
    out = vanguard(records=recs, settings={**ONLY_X, "satisfaction_min": Decimal("0.5")})
    assert bool(out.find("vanguard.satisfaction_low")) is not passes


def analyze_only(ok_day: str, survey_day: str = "04-20") -> dict[str, list[object]]:
    """学习动员 done and approved; 分析评议's last step (回头看) on 04-25, a passing survey."""
    from bureaukit_vanguard.settings import DEFAULT_PHASES

    learn, analyze, _ = DEFAULT_PHASES
    steps = [Step("ygs", "learn", s, d("01-15")) for s in learn.steps]
    steps += [Step("ygs", "analyze", s, d("03-20")) for s in analyze.steps[:-1]]
    steps += [Step("ygs", "analyze", "回头看", d("04-25"))]
    return {
        "steps": steps,
        "surveys": [Survey("ygs", "analyze", d(survey_day), 25, 5, 0)],
        "approvals": [Approval("ygs", "learn", d("02-20")), Approval("ygs", "analyze", d(ok_day))],
    }


@pytest.mark.parametrize("ok_day,early", [("04-24", True), ("04-25", False), ("04-26", False)])
def test_approval_around_the_last_step(vanguard, ok_day, early):
    s = {**ONLY_X, "formality": {"talks": 0, "measures": 0}}
    out = vanguard(records=analyze_only(ok_day), settings=s, as_of="2005-04-30")
    found = out.find("vanguard.approved_early", X)
    assert bool(found) is early
    if early:
        assert "step “回头看” done only on 2005-04-25" in found[0].message["en"]
        # the early approval is itself the 补课's trigger: due 30 days on, not yet due
        owed = out.find("vanguard.makeup_owed", X)
        assert [f.due for f in owed] == [d("05-24")]
    # approved either way, the 转段 item counts unless it owes 补课
    assert out.value(X, "stage.analyze") == ("90.00" if early else "100.00")


def test_approval_before_the_survey_is_early(vanguard):
    s = {**ONLY_X, "formality": {"talks": 0, "measures": 0}}
    out = vanguard(records=analyze_only("04-26", survey_day="04-27"), settings=s, as_of="2005-04-30")
    (f,) = out.find("vanguard.approved_early", X)
    assert f.message["en"].endswith("no satisfaction survey")


def test_a_late_step(vanguard, example):
    # 先进事迹报告会 on 03-02, after 02-28: step_missing; the approval on 03-04 is not early
    steps = [Step("ygs", "learn", "动员大会", d("01-10")), Step("ygs", "learn", "集中学习", d("01-20")),
             Step("ygs", "learn", "先进事迹报告会", d("03-02"))]
    out = vanguard(records={"steps": steps, "approvals": [Approval("ygs", "learn", d("03-04"))]},
                   settings=ONLY_X, as_of="2005-03-31")
    assert [f.message["en"] for f in out.find("vanguard.step_missing", X)] == [
        "phase learn (学习动员): step “先进事迹报告会” not done by 2005-02-28"]
    assert out.find("vanguard.approved_early") == []
    assert out.value(X, "stage.learn") == "75.00"


def test_as_of_mid_phase(vanguard, example):
    # as of 04-15: 分析评议 has not ended; six of its steps done; points from 学习动员 alone
    out = vanguard(records=example.records(), settings=ONLY_X, as_of="2005-04-15")
    assert out.value(X, "stage.analyze") == "60.00"
    assert out.score(X, "stage.analyze").evidence[-1].note_in("zh") == (
        "完成环节 6 + 测评达标 0 + 转段 0 = 6 / 10 项，100 × 6 / 10 = 60.00")
    assert out.value(X, "points") == "100.00"
    assert not out.has_score(X, "stage.rectify")
    assert out.find("vanguard.step_missing") == [] and out.find("vanguard.approval_missing") == []


@pytest.mark.parametrize("ok_day,moved", [("03-05", False), ("03-06", True)])
def test_moved_on_unapproved(vanguard, example, ok_day, moved):
    # 分析评议's first step on 03-05: an approval of 学习动员 that day is in time, a day later is not
    recs = example.records()
    recs["approvals"][0] = Approval("ygs", "learn", d(ok_day))
    out = vanguard(records=recs, settings=ONLY_X)
    found = out.find("vanguard.moved_unapproved", X)
    assert bool(found) is moved
    if moved:
        assert found[0].severity == "violation" and "征求意见" in found[0].message["zh"]
        assert found[0].evidence[0].source == "<steps>" and found[0].evidence[0].row == 4
        # the 补课 owed from 03-05 is due 04-04 and was never done
        over = [f for f in out.find("vanguard.makeup_overdue", X) if "learn" in f.message["en"]]
        assert [f.due for f in over] == [d("04-04")]
        assert out.value(X, "stage.learn") == "75.00"     # 3 环节 + 转段 0
    assert out.find("vanguard.approval_missing") == []


def test_moved_on_with_no_approval_at_all_is_not_also_missing(vanguard, example):
    recs = example.records()
    del recs["approvals"][0]
    out = vanguard(records=recs, settings=ONLY_X)
    assert len(out.find("vanguard.moved_unapproved", X)) == 1
    assert out.find("vanguard.approval_missing") == []


@pytest.mark.parametrize("as_of,missing", [("2005-02-27", False), ("2005-02-28", True)])
def test_approval_missing_once_the_phase_ends(vanguard, example, as_of, missing):
    out = vanguard(records={"steps": example.learn_steps()}, settings=ONLY_X, as_of=as_of)
    found = out.find("vanguard.approval_missing", X)
    assert [f.due for f in found] == ([d("02-28")] if missing else [])
    if missing:
        assert found[0].severity == "warning"


@pytest.mark.parametrize("done,code", [(None, "vanguard.makeup_owed"), ("05-26", None), ("05-27", None),
                                        ("05-28", "vanguard.makeup_overdue"), ("04-26", "vanguard.makeup_owed")])
def test_makeup_due_date(vanguard, example, done, code):
    # the analyze 补课 is owed from the survey of 04-27, due 05-27; as of 05-27 (not yet overdue)
    recs = example.records()
    recs["makeups"] = [Makeup("ygs", "analyze", done=d(done) if done else None)]
    out = vanguard(records=recs, settings=ONLY_X, as_of="2005-05-28" if done == "05-28" else "2005-05-27")
    found = [f for f in out.findings if f.code.startswith("vanguard.makeup")]
    assert [f.code for f in found] == ([code] if code else [])
    assert all(f.due == d("05-27") for f in found)


@pytest.mark.parametrize("as_of,code", [("2005-05-27", "vanguard.makeup_owed"),
                                        ("2005-05-28", "vanguard.makeup_overdue")])
def test_makeup_not_done_turns_overdue_the_day_after_due(vanguard, example, as_of, code):
    recs = example.records()
    recs["makeups"] = []
    out = vanguard(records=recs, settings=ONLY_X, as_of=as_of)
    assert [f.code for f in out.findings if f.code.startswith("vanguard.makeup")] == [code]
    assert out.find(code)[0].severity == ("warning" if code.endswith("owed") else "violation")


@pytest.mark.parametrize("days,code", [(22, "vanguard.makeup_overdue"), (23, None)])
def test_makeup_days_setting(vanguard, example, days, code):
    # done 05-20 = 04-27 + 23 days
    out = vanguard(records=example.records(), settings={**ONLY_X, "makeup_days": days}, as_of="2005-05-31")
    assert [f.code for f in out.findings if f.code == "vanguard.makeup_overdue"] == ([code] if code else [])


def test_review(vanguard, example):
    recs = example.records()
    # last phase not ended: no review_missing yet
    assert vanguard(records=recs, settings=ONLY_X, as_of="2005-06-29").find("vanguard.review_missing") == []
    # reviewed on the day it was done: nothing
    recs["makeups"] = [Makeup("ygs", "analyze", done=d("05-20"), reviewed=d("05-20"))]
    assert vanguard(records=recs, settings=ONLY_X).find("vanguard.review_missing") == []


def test_review_due_is_the_later_of_the_end_and_the_makeup(vanguard, example):
    # a 补课 done after the campaign ended: due on its own done date
    recs = example.records()
    recs["makeups"] = [Makeup("ygs", "analyze", done=d("07-05"))]
    out = vanguard(records=recs, settings={**ONLY_X, "window": "2005"}, period="2005", as_of="2005-07-10")
    (f,) = out.find("vanguard.review_missing", X)
    assert f.due == d("07-05")


def measure(mid: str, deadline: str, published: str | None = "05-15", done: str | None = None) -> Measure:
    return Measure(mid, "ygs", "问题", "措施", "p21", d(deadline), published=d(published) if published else None,
                   done=d(done) if done else None)


@pytest.mark.parametrize("published,flagged", [("06-30", False), ("07-01", True), (None, True)])
def test_not_published_by_the_phase_end(vanguard, example, published, flagged):
    recs = example.records()
    recs["measures"] = [measure("ZG-01", "06-20", published, "06-20")]
    out = vanguard(records=recs, settings={**ONLY_X, "window": "2005"}, period="2005", as_of="2005-07-01")
    found = out.find("vanguard.not_published", X)
    assert [f.due for f in found] == ([d("06-30")] if flagged else [])


def test_not_published_waits_for_the_phase_end(vanguard, example):
    recs = example.records()
    recs["measures"] = [measure("ZG-01", "06-20", None)]
    assert vanguard(records=recs, settings=ONLY_X, as_of="2005-06-29").find("vanguard.not_published") == []


@pytest.mark.parametrize("deadline,done,flagged", [
    ("06-20", "06-20", False),     # done on its deadline
    ("06-20", "06-21", True),      # a day late
    ("06-20", None, True),
    ("06-30", None, False),        # deadline = as_of: not yet overdue
    ("06-29", None, True),
])
def test_measure_deadline(vanguard, example, deadline, done, flagged):
    recs = example.records()
    recs["measures"] = [measure("ZG-01", deadline, "05-15", done)]
    out = vanguard(records=recs, settings=ONLY_X)
    found = sorted((f.subject, f.due) for f in out.find("vanguard.measure_overdue"))
    assert found == ([("person:p21", d(deadline)), (X, d(deadline))] if flagged else [])


def test_a_deadline_after_the_campaign_is_allowed(vanguard, example):
    recs = example.records()
    recs["measures"] = [Measure("ZG-09", "ygs", "长效机制", "修订制度", "p21", date(2006, 6, 30), published=d("05-15"))]
    assert vanguard(records=recs, settings=ONLY_X).find("vanguard.measure_overdue") == []
