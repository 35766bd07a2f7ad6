"""Every configuration and ledger error the page names, each naming its path or column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bureaukit_vanguard.campaign import CAMPAIGN
from bureaukit_vanguard.records import Approval, Makeup, Step, Survey

from bureaukit import InputError
from bureaukit.plugin import ConfigError, LedgerError
from bureaukit.testing import check, read_csv


def issues(org, settings=None, records=None):
    return check(CAMPAIGN, **org, settings=settings or {}, records=records or {})


def errors_at(found):
    out: dict[str, list[str]] = {}
    for i in found:
        if isinstance(i, ConfigError):
            out.setdefault(i.path, []).append(i.message)
    return {k: " | ".join(v) for k, v in out.items()}


def ph(id, title, start, end, steps, **kw):
    return {"id": id, "title": title, "start": start, "end": end, "steps": steps, **kw}


def test_defaults_are_clean(org):
    assert issues(org) == []


def test_unknown_key_and_bad_types_name_the_path(org):
    with pytest.raises(InputError) as exc:
        check(CAMPAIGN, **org, settings={"formality": {"talk": 1}, "makeup_days": "30天"})
    text = str(exc.value)
    assert "campaigns.vanguard.formality" in text and "talk" in text
    assert "campaigns.vanguard.makeup_days" in text


def test_no_phases_is_not_set_up_yet(org, vanguard):
    # bureaukit init writes `phases = []`: no error (the core notes it), nothing scored
    assert "phases" not in errors_at(issues(org, {"phases": [], "measures_phase": "x"}))
    out = vanguard(settings={"phases": []})
    assert (out.scores, out.findings) == ([], [])


def test_phase_errors(org):
    e = errors_at(issues(org, {"window": "2005-13", "phases": [
        ph("a", "甲", "01-01", "01-31", ["x", "x"], weight=Decimal(-1)),
        ph("a", "乙", "02-30", "2005-02-28", ["y"]),
        ph("c", "甲", "2005-04-01", "2005-03-01", []),
    ], "measures_phase": "a"}))
    assert "month 13" in e["window"]
    assert 'step "x" is listed twice' in e["phases[0].steps"] and "≥ 0" in e["phases[0].weight"]
    assert "names two phases" in e["phases[1].id"] and "for 02-29 give a date" in e["phases[1].start"]
    assert "names two phases" in e["phases[2].title"] and "at least one step" in e["phases[2].steps"]
    assert "before the start" in e["phases[2].end"]


def test_phases_follow_one_another(org):
    s = {"window": "2005", "phases": [ph("a", "甲", "01-01", "02-28", ["x"]), ph("b", "乙", "02-28", "03-31", ["y"]),
                                      ph("c", "丙", "04-01", "04-30", ["z"])], "measures_phase": "a",
         "formality": {"talks": 0, "measures": 0, "institutions": 0}}
    e = errors_at(issues(org, s))
    assert list(e) == ["phases[1].start"] and "on or before phase a ends (2005-02-28)" in e["phases[1].start"]
    s["phases"][1]["start"] = "03-01"
    assert issues(org, s) == []


def test_weights_and_scalars(org):
    zero = [ph(p, p, f"{m:02d}-01", f"{m:02d}-28", [p], weight=Decimal(0)) for m, p in ((1, "a"), (2, "b"))]
    e = errors_at(issues(org, {"phases": zero, "measures_phase": "c", "satisfaction_min": Decimal("1.01"),
                               "makeup_days": -1, "formality": {"talks": -1, "measures": 0, "institutions": 0}}))
    assert "weight 0" in e["phases"]
    assert "0..1" in e["satisfaction_min"] and "≥ 0" in e["makeup_days"]
    assert "≥ 0" in e["formality.talks"] and 'unknown phase "c"' in e["measures_phase"]
    assert issues(org, {"satisfaction_min": Decimal(0)}) == [] and issues(org, {"satisfaction_min": Decimal(1)}) == []


def test_formality_step_in_no_phase_or_two(org):
    phases = [ph("a", "甲", "01-01", "01-31", ["谈心", "制定整改方案"]), ph("b", "乙", "02-01", "02-28", ["谈心"])]
    e = errors_at(issues(org, {"phases": phases, "measures_phase": "a"}))
    assert "in phases a, b" in e["formality_steps.talks"]
    assert "in no phase" in e["formality_steps.institutions"]
    assert "formality_steps.measures" not in e
    # a signal turned off needs no step
    assert issues(org, {"phases": phases, "measures_phase": "a",
                        "formality": {"talks": 0, "institutions": 0}}) == []


def d(md: str) -> date:
    return date.fromisoformat(f"2005-{md}")


def test_ledger_errors_name_the_column(org):
    recs = {
        "steps": [Step("ygs", "准备", "动员大会", d("01-03")), Step("ygs", "learn", "动员会", d("01-03"))],
        "surveys": [Survey("ygs", "learn", d("02-20"), 5, 0, 0),                  # learn has no survey
                    Survey("ygs", "分析评议", d("04-20"), 0, 0, 0),               # all 0
                    Survey("ygs", "analyze", d("04-21"), 9, 1, 0)],               # the same key as a title
        "approvals": [Approval("ygs", "整改", d("06-20"))],
        "makeups": [Makeup("ygs", "analyze", reviewed=d("05-01")),
                    Makeup("ygs", "rectify", done=d("06-10"), reviewed=d("06-09"))],
    }
    found = [i for i in issues(org, records=recs) if isinstance(i, LedgerError)]
    got = sorted((type(i.record).__name__, i.column, i.message) for i in found)
    assert [(k, c) for k, c, _ in got] == [
        ("Approval", "阶段"), ("Makeup", "回头看日期"), ("Makeup", "回头看日期"),
        ("Step", "环节"), ("Step", "阶段"),
        ("Survey", "满意"), ("Survey", "阶段"), ("Survey", "阶段")]
    text = "\n".join(m for _, _, m in got)
    assert 'unknown phase "整改"; phases: learn 学习动员, analyze 分析评议, rectify 整改提高' in text
    assert '"动员会" is not a step of phase learn' in text
    assert "phase learn has no survey" in text and "a second row for unit ygs, phase analyze" in text
    assert "needs the 补课's done date" in text and "2005-06-09 is before the 补课 was done (2005-06-10)" in text


def test_csv_errors_name_file_row_column():
    text = "单位,阶段,测评日期,满意,基本满意,不满意\nygs,analyze,2005-04-31,10,-1,五\n"
    with pytest.raises(InputError) as exc:
        read_csv(CAMPAIGN, "surveys", text)
    lines = "\n".join(exc.value.problems)
    assert "surveys.csv:2: 测评日期" in lines and "2005-04-31" in lines
    assert "surveys.csv:2: 基本满意" in lines and "surveys.csv:2: 不满意" in lines


def test_csv_reads_chinese_headers_and_empty_counts():
    text = "单位,阶段,测评日期,满意,基本满意,不满意\nygs,分析评议,2005年4月27日,17,6,\n"
    (s,) = read_csv(CAMPAIGN, "surveys", text)
    assert (s.phase, s.date, s.satisfied, s.basic, s.unsatisfied) == ("分析评议", d("04-27"), 17, 6, 0)
    text = "编号,单位,存在问题,整改措施,责任人,完成时限,公示日期,完成日期,建立制度\nZG-1,ygs,拖沓,限时办结,p21,2005/6/20,,,\n"
    (m,) = read_csv(CAMPAIGN, "measures", text)
    assert m.deadline == d("06-20") and m.published is None and m.institution is None
