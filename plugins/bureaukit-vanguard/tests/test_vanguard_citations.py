"""A 补课 and an early 转段 cite the rows behind the dates they write (tenth session's red team):
the 补课（2005-04-27起） of the worked example is the failed 测评's date, found in the survey row."""

from __future__ import annotations

from bureaukit_vanguard.records import Approval, Step

ONLY_X = {"participants": ["institution"]}
X = "unit:ygs"


def _cited(finding):
    return [(e.source, e.record, e.note_in("zh")) for e in finding.evidence]


def test_approved_early_cites_the_failed_survey_that_keeps_the_makeup_outstanding(vanguard, example):
    # 三.1 "多数群众不满意的,必须进行补课,经督导组把关同意后,才能转入下一阶段": the 测评 of
    # 04-27 (17 + 6) / 30 = 0.7667 < 0.8 triggers the 补课; the approval of 04-29 comes before it
    # is done (05-20) → approved_early, "补课未完成（2005-04-27起）": 04-27 is in the survey row.
    out = vanguard(records=example.records(), settings=ONLY_X)
    early = [f for f in out.find("vanguard.approved_early", X) if "分析评议" in f.message["zh"]]
    (f,) = early
    assert "补课未完成（2005-04-27起）" in f.message["zh"]
    assert _cited(f) == [("<approvals>", "ygs|analyze", "2005-04-29 同意转段"),
                         ("<surveys>", "ygs|analyze", "2005-04-27 群众满意度测评未达标")]


def test_makeup_findings_cite_each_trigger_on_its_row(vanguard, example):
    # the analyze 补课 is done 05-20 with no 回头看 → review_missing; its triggers: the survey of
    # 04-27 and the early approval of 04-29, each cited on its own row, then the 补课 row
    out = vanguard(records=example.records(), settings=ONLY_X)
    (f,) = out.find("vanguard.review_missing", X)
    assert _cited(f) == [("<surveys>", "ygs|analyze", "2005-04-27 群众满意度测评未达标"),
                         ("<approvals>", "ygs|analyze", "2005-04-29 未达转段条件即同意转段"),
                         ("<makeups>", "ygs|analyze", "补课记录：2005-05-20 完成")]


def test_approved_early_cites_the_step_done_only_later(vanguard, example):
    # 学习动员 ends 02-28; 先进事迹报告会 done 03-02; approval 02-26 → early: "环节“先进事迹报告会”
    # 2005-03-02才完成", a date of the step row, cited; and the unit moved on to 分析评议 on 03-05
    # (after the approval: not unapproved).
    steps = [s for s in example.learn_steps() if s.step != "先进事迹报告会"]
    steps.append(Step("ygs", "学习动员", "先进事迹报告会", example.d("03-02")))
    out = vanguard(records={"steps": steps, "approvals": [Approval("ygs", "learn", example.d("02-26"))]},
                   settings=ONLY_X, as_of="2005-03-31")
    (f,) = out.find("vanguard.approved_early", X)
    assert "环节“先进事迹报告会”2005-03-02才完成" in f.message["zh"]
    assert _cited(f)[1:] == [("<steps>", None, "学习动员阶段环节“先进事迹报告会” 2005-03-02 完成")]
