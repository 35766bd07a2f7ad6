"""Rules 1–2: stage scores, surveys, satisfaction rate, points, not_reviewed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bureaukit_conduct.records import Answer, StageScore, Survey


def D(text: str) -> date:
    return date.fromisoformat(text)


def row(unit: str, stage: str, score: str, day: str = "2014-05-01") -> StageScore:
    return StageScore(unit, stage, Decimal(score), D(day))


def answers(unit: str, sat: int, basic: int, unsat: int, day: str = "2014-05-01") -> list[Survey]:
    kinds = [Answer.satisfied] * sat + [Answer.basic] * basic + [Answer.unsatisfied] * unsat
    return [Survey(unit, a, D(day)) for a in kinds]


def test_points_over_the_stages_a_unit_has(conduct):
    # only inspection 60 and collective 90: (30×60 + 20×90) / (30 + 20) = 3600 / 50 = 72
    out = conduct(records={"stage_scores": [row("inst", "inspection", "60"),
                                            row("inst", "集中评议", "90")]})
    assert out.value("unit:inst", "points") == "72.00"
    assert not out.has_score("unit:inst", "stage.third_party")
    assert not out.has_score("unit:inst", "satisfaction_rate")


def test_mean_of_three_rows_rounds_only_when_written(conduct):
    # (80 + 80 + 81) / 3 = 80.3333…; points = 80.3333… alone
    rows = [row("office", "inspection", s, f"2014-0{i + 3}-01") for i, s in enumerate(["80", "80", "81"])]
    out = conduct(records={"stage_scores": rows})
    assert out.value("unit:office", "stage.inspection") == "80.33"
    assert out.score("unit:office", "points").value == Decimal(241) / 3
    assert out.value("unit:office", "points") == "80.33"


def test_service_rating_stage_rows_win_over_surveys(conduct):
    # a unit with a service_rating stage score uses it, surveys give only the rate
    out = conduct(records={"stage_scores": [row("st2", "服务对象测评", "95")],
                           "surveys": answers("st2", 1, 0, 1)})
    assert out.value("unit:st2", "stage.service_rating") == "95.00"
    assert out.value("unit:st2", "satisfaction_rate") == "0.5000"
    assert out.value("unit:st2", "points") == "95.00"


def test_surveys_alone_give_points(conduct):
    # 2 satisfied, 1 basic: (200 + 80) / 3 = 93.33…; rate 3/3
    out = conduct(records={"surveys": answers("st2", 2, 1, 0)})
    assert out.value("unit:st2", "stage.service_rating") == "93.33"
    assert out.value("unit:st2", "satisfaction_rate") == "1.0000"
    assert out.value("unit:st2", "points") == "93.33"


def test_satisfaction_values_are_settings(conduct):
    out = conduct(records={"surveys": answers("st2", 1, 1, 1)},
                  settings={"satisfaction": {"satisfied": 100, "basic": 60, "unsatisfied": 20}})
    # (100 + 60 + 20) / 3 = 60
    assert out.value("unit:st2", "stage.service_rating") == "60.00"
    assert out.value("unit:st2", "satisfaction_rate") == "0.6667"


def test_no_stage_score_no_survey_no_points(conduct):
    out = conduct(records={"stage_scores": [row("st", "inspection", "88")]})
    assert out.value("unit:st", "points") == "88.00"
    for uid in ("office", "inst", "st2"):
        assert not out.has_score(f"unit:{uid}", "points")


@pytest.mark.parametrize("score", ["0", "100"])
def test_stage_score_bounds_are_allowed(conduct, score):
    out = conduct(records={"stage_scores": [row("st", "third_party", score)]})
    assert out.value("unit:st", "points") == f"{Decimal(score):.2f}"


def test_not_reviewed_unit_gets_one_info_finding(conduct):
    rows = [row("fin", "inspection", "70"), row("fin", "collective", "80")]
    out = conduct(records={"stage_scores": rows, "surveys": answers("fin", 1, 0, 0)})
    found = out.find("conduct.not_reviewed")
    assert [(f.subject, f.severity) for f in found] == [("unit:fin", "info")]
    assert "2 条阶段得分、1 份测评" in found[0].message["zh"]
    assert "2 stage score(s) and 1 survey" in found[0].message["en"]
    assert not out.has_score("unit:fin", "points")
    assert not out.has_score("unit:fin", "satisfaction_rate")


def test_units_setting_widens_the_review(conduct):
    out = conduct(records={"stage_scores": [row("fin", "inspection", "70")]},
                  settings={"units": ["finance"]})
    assert out.value("unit:fin", "points") == "70.00"
    assert out.find("conduct.not_reviewed") == []


def test_rows_after_as_of_are_left_out(conduct):
    rows = [row("st", "inspection", "60", "2014-03-31"), row("st", "inspection", "100", "2014-04-01")]
    out = conduct(records={"stage_scores": rows}, as_of="2014-03-31")
    assert out.value("unit:st", "stage.inspection") == "60.00"
    out = conduct(records={"stage_scores": rows}, as_of="2014-04-01")
    assert out.value("unit:st", "stage.inspection") == "80.00"


def test_custom_stages_and_weights(conduct):
    settings = {"stages": [{"id": "review", "title": "集中评议", "weight": 3},
                           {"id": "visits", "title": "走访", "weight": 1}]}
    out = conduct(records={"stage_scores": [row("st", "review", "80"), row("st", "走访", "40")]},
                  settings=settings)
    # (3×80 + 1×40) / 4 = 70
    assert out.value("unit:st", "points") == "70.00"
    assert out.value("unit:st", "stage.visits") == "40.00"
