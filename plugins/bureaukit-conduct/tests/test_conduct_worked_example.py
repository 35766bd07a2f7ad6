"""The page's worked example (docs/campaigns/conduct.md), exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bureaukit_conduct.records import Accountability, Answer, Request, StageScore, Survey


def D(text: str) -> date:
    return date.fromisoformat(text)


def stage_rows() -> list[StageScore]:
    return [
        StageScore("st", "inspection", Decimal(75), D("2014-04-10"), "明察暗访组"),
        StageScore("st", "明察暗访", Decimal(85), D("2014-05-10"), "明察暗访组"),  # by title
        StageScore("st", "third_party", Decimal(90), D("2014-06-01")),
        StageScore("st", "collective", Decimal(70), D("2014-06-20")),
    ]


def surveys() -> list[Survey]:
    answers = [Answer.satisfied] * 6 + [Answer.basic] * 3 + [Answer.unsatisfied]
    return [Survey("st", a, D("2014-05-15"), f"司机{i}") for i, a in enumerate(answers)]


def test_points_from_stage_means_and_surveys(conduct):
    out = conduct(records={"stage_scores": stage_rows(), "surveys": surveys()}, as_of="2014-06-30")
    assert out.value("unit:st", "stage.inspection") == "80.00"  # (75 + 85) / 2
    assert out.value("unit:st", "stage.third_party") == "90.00"
    assert out.value("unit:st", "stage.collective") == "70.00"
    # (100×6 + 80×3 + 0×1) / 10 = 84
    assert out.value("unit:st", "stage.service_rating") == "84.00"
    assert out.value("unit:st", "satisfaction_rate") == "0.9000"  # (6 + 3) / 10
    # (30×80 + 20×90 + 30×84 + 20×70) / 100 = 8120 / 100
    assert out.value("unit:st", "points") == "81.20"
    assert out.score("unit:st", "points").value == Decimal("81.2")
    notes = [e.note_in("zh") for e in out.score("unit:st", "points").evidence]
    assert notes == ["明察暗访：权重 30 × 得分 80", "第三方监督：权重 20 × 得分 90", "服务对象测评：权重 30 × 得分 84",
                     "集中评议：权重 20 × 得分 70", "得分 = (30 × 80 + 20 × 90 + 30 × 84 + 20 × 70) / 100 = 81.2"]
    assert out.score("unit:st", "points").evidence[0].note_in("en") == "Unannounced inspection: weight 30 × 80"
    rating = [e.note_in("zh") for e in out.score("unit:st", "stage.service_rating").evidence]
    assert rating.count("满意，计 100 分") == 6 and rating.count("不满意，计 0 分") == 1
    assert rating[-1] == "服务对象测评：(满意 100 × 6 + 基本满意 80 × 3 + 不满意 0 × 1) / 10 份 = 84"
    *answered, rate = out.score("unit:st", "satisfaction_rate").evidence
    # each of the 10 answers is cited, as the rate counts it
    assert len(answered) == 10 and all(e.row is not None for e in answered)
    assert [e.note_in("zh") for e in answered].count("答卷：基本满意") == 3
    assert answered[0].note_in("en") in ("answer: satisfied", "answer: basically satisfied", "answer: unsatisfied")
    assert rate.note_in("zh") == "满意率 = (满意 6 + 基本满意 3) / 10 份 = 90.00%"
    assert rate.note_in("en") == "satisfaction rate = (satisfied 6 + basically satisfied 3) / 10 answers = 90.00%"


def test_on_time_rate_two_of_four(conduct):
    reqs = [
        Request("R1", "st", "s_st", D("2014-06-01"), D("2014-06-10"), D("2014-06-05")),  # early
        Request("R2", "st", "s_st", D("2014-06-01"), D("2014-06-10"), D("2014-06-10")),  # on the day
        Request("R3", "st", "h_st", D("2014-06-01"), D("2014-06-10"), D("2014-06-12")),  # late
        Request("R4", "st", "s_st", D("2014-06-05"), D("2014-06-20"), None),  # open, past limit
        Request("R5", "st", "s_st", D("2014-06-25"), D("2014-07-10"), None),  # open, not yet due
    ]
    out = conduct(records={"requests": reqs}, as_of="2014-06-30")
    assert out.value("unit:st", "on_time_rate") == "0.5000"
    notes = [e.note_in("zh") for e in out.score("unit:st", "on_time_rate").evidence]
    assert notes == ["时限 2014-06-10，2014-06-05 办结（按时）", "时限 2014-06-10，2014-06-10 办结（按时）",
                     "时限 2014-06-10，2014-06-12 办结（超时）", "时限 2014-06-20，截至 2014-06-30 未办结",
                     "按时办结 2 / 应办结 4 件 = 50.00%"]
    assert out.score("unit:st", "on_time_rate").evidence[-1].note_in("en") == "2 of 4 requests done on time = 50.00%"
    overdue = sorted((f.subject, f.due) for f in out.find("conduct.request_overdue"))
    assert overdue == [("person:h_st", D("2014-06-10")), ("person:s_st", D("2014-06-20"))]


def test_serious_records_go_up_the_tree(conduct):
    """The page's example: a station's staff member → the station's head (监管责任) and, nobody
    overseeing the station, the team member over its institution (分管领导); the station's head
    himself → the institution's head, and the same team member."""
    recs = [
        Accountability("A1", "s_st", D("2014-05-06"), "刁难服务对象", "诫勉谈话", True),
        Accountability("A2", "h_st", D("2014-07-01"), "不作为", "通报批评", True),
    ]
    out = conduct(records={"accountability": recs})
    assert sorted(f.subject for f in out.find("conduct.accountable")) == [
        "person:h_st",
        "person:s_st",
    ]
    duty = out.find("conduct.supervision_duty")
    got = sorted((f.subject, f.severity, f.evidence[0].record) for f in duty)
    assert got == [("person:h_inst", "warning", "A2"), ("person:h_st", "warning", "A1")]
    lead = out.find("conduct.leadership_duty")
    assert sorted((f.subject, f.evidence[0].record) for f in lead) == [("person:tm", "A1"), ("person:tm", "A2")]
