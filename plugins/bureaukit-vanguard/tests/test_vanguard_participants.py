"""Who takes part, which rows count, and when there is no ``points``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bureaukit_vanguard.records import Survey


def test_every_unit_but_the_root_by_default(vanguard):
    out = vanguard(records={}, as_of="2005-03-01")
    assert sorted(s.subject for s in out.scores if s.metric == "points") == [
        "unit:office", "unit:ygs", "unit:ygs_n"]
    # nothing done: every learn step missing, approval missing; stage 0
    assert out.value("unit:office", "stage.learn") == "0.00"
    assert len(out.find("vanguard.step_missing", "unit:office")) == 3


def test_rows_of_units_not_taking_part_are_read_not_scored(vanguard, example):
    recs = example.records("office")
    out = vanguard(records=recs, settings={"participants": ["institution"]})
    assert {f.subject for f in out.findings} == {"unit:ygs"}
    assert not out.has_score("unit:office", "points")


def test_an_older_campaigns_survey_does_not_count(vanguard, example):
    recs = example.records()
    recs["surveys"] = [Survey("ygs", "analyze", date(2004, 4, 27), 30, 0, 0)]
    out = vanguard(records=recs, settings={"participants": ["institution"]})
    assert not out.has_score("unit:ygs", "satisfaction.analyze")
    assert "no satisfaction survey" in out.find("vanguard.approved_early")[0].message["en"]


def test_no_points_before_a_phase_ends_or_when_their_weights_are_0(vanguard, example):
    out = vanguard(records=example.records(), settings={"participants": ["institution"]}, as_of="2005-02-25")
    # steps done by 02-20, the approval of 02-26 not yet: 3 of 4
    assert out.value("unit:ygs", "stage.learn") == "75.00" and not out.has_score("unit:ygs", "points")
    phases = [{"id": "learn", "title": "学习动员", "start": "01-01", "end": "02-28", "weight": Decimal(0),
               "steps": ["动员大会"]},
              {"id": "rectify", "title": "整改提高", "start": "03-01", "end": "06-30", "survey": True,
               "steps": ["制定整改方案"]}]
    s = {"participants": ["institution"], "phases": phases, "formality": {"talks": 0, "institutions": 0}}
    out = vanguard(records={}, settings=s, as_of="2005-03-15")
    assert out.has_score("unit:ygs", "stage.learn") and not out.has_score("unit:ygs", "points")


def test_weights_weigh_the_ended_phases(vanguard, example):
    # equal weights: (100 + 90 + 66.6667) / 3 = 85.56
    from bureaukit_vanguard.settings import DEFAULT_PHASES

    phases = [{"id": p.id, "title": p.title, "start": p.start, "end": p.end, "steps": list(p.steps),
               "survey": p.survey} for p in DEFAULT_PHASES]
    out = vanguard(records=example.records(), settings={"participants": ["institution"], "phases": phases})
    assert out.value("unit:ygs", "points") == "85.56"


def test_an_acceptance_after_the_window_counts(vanguard, example):
    # 验收 of 整改提高 on 07-05, after the 2005-H1 window: a 2005 run as of 07-31 sees it
    from bureaukit_vanguard.records import Approval

    recs = example.records()
    recs["approvals"][2] = Approval("ygs", "rectify", date(2005, 7, 5))
    s = {"participants": ["institution"], "window": "2005-H1"}
    out = vanguard(records=recs, settings=s, period="2005", as_of="2005-07-31")
    assert out.find("vanguard.approval_missing") == []
    (early,) = [f for f in out.find("vanguard.approved_early") if "rectify" in f.message["en"]]
    assert "2005-07-05" in early.message["en"]
