"""Rule 3 — 走过场: each signal at its minimum ±1, and what it counts."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_vanguard.records import Measure, Step, Talk

X = "unit:ygs"
ONLY_X = {"participants": ["institution"]}


def d(md: str) -> date:
    return date.fromisoformat(f"2005-{md}")


@pytest.mark.parametrize("need,flagged", [(2, False), (3, True)])
def test_talks_minimum(vanguard, example, need, flagged):
    # 谈心 done 03-18 with 2 talks since 03-01
    out = vanguard(records=example.records(), settings={**ONLY_X, "formality": {"talks": need}})
    found = out.find("vanguard.formality", X)
    assert bool(found) is flagged
    if flagged:
        assert "with 2 talks, need 3" in found[0].message["en"] and found[0].severity == "warning"


def test_talks_count_from_the_phase_start_to_the_step(vanguard, example):
    recs = example.records()
    recs["talks"] = [Talk("ygs", d("02-27")),        # before 分析评议 starts
                     Talk("ygs", d("03-01")),        # its first day
                     Talk("ygs", d("03-18")),        # the step's day
                     Talk("ygs", d("03-19"))]        # after the step
    out = vanguard(records=recs, settings={**ONLY_X, "formality": {"talks": 3}}, as_of="2005-04-30")
    (f,) = out.find("vanguard.formality", X)
    assert "with 2 talks, need 3" in f.message["en"]


def test_a_formality_trigger_blocks_the_gate_and_dates_the_makeup(vanguard, example):
    # talks 3 needed, 2 held: 补课 from 03-18 (due 04-17); the survey of 04-27 fails too, but
    # the first trigger stays 03-18; the 补课 done 05-20 is late → makeup_overdue
    out = vanguard(records=example.records(), settings={**ONLY_X, "formality": {"talks": 3}})
    over = out.find("vanguard.makeup_overdue", X)
    assert [(f.due, f.severity) for f in over] == [(d("04-17"), "violation")]
    assert out.value(X, "stage.analyze") == "80.00"      # 8 + 测评 0 + 转段 0


def test_measures_signal(vanguard, example):
    recs = example.records()
    recs["measures"] = []
    out = vanguard(records=recs, settings=ONLY_X)
    (f,) = out.find("vanguard.formality", X)
    assert "制定整改方案" in f.message["zh"] and "with 0 measures, need 1" in f.message["en"]
    # off with a minimum of 0
    assert vanguard(records=recs, settings={**ONLY_X, "formality": {"measures": 0}}).find("vanguard.formality") == []


def with_institution_step(recs, institution: str | None):
    recs["steps"].append(Step("ygs", "rectify", "建立长效机制", d("06-20")))
    recs["measures"] = [Measure("ZG-01", "ygs", "问题", "措施", "p21", d("06-20"), published=d("05-15"),
                                done=d("06-18"), institution=institution)]
    return recs


@pytest.mark.parametrize("institution,flagged", [("窗口服务限时办结制度", False), (None, True), ("  ", True)])
def test_institutions_signal(vanguard, example, institution, flagged):
    out = vanguard(records=with_institution_step(example.records(), institution), settings=ONLY_X)
    found = [f for f in out.find("vanguard.formality", X) if "institution" in f.message["en"]]
    assert bool(found) is flagged


def test_a_step_not_done_gives_no_signal(vanguard, example):
    recs = example.records()
    recs["steps"] = [s for s in recs["steps"] if s.step != "谈心"]
    recs["talks"] = []
    out = vanguard(records=recs, settings=ONLY_X)
    assert out.find("vanguard.formality") == []
    assert any("谈心" in f.message["zh"] for f in out.find("vanguard.step_missing", X))


def test_formality_steps_setting(vanguard, example):
    # the talks signal checks 专题组织生活会 (04-05) instead: 2 talks since 03-01, need 3
    s = {**ONLY_X, "formality": {"talks": 3}, "formality_steps": {"talks": "专题组织生活会"}}
    (f,) = vanguard(records=example.records(), settings=s).find("vanguard.formality", X)
    assert "专题组织生活会" in f.message["zh"] and "2005-04-05" in f.message["zh"]
