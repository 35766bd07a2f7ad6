"""Ledger and config errors the page names: unknown stage, score outside 0–100, settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from bureaukit_conduct.campaign import CAMPAIGN
from bureaukit_conduct.records import Answer, Request, StageScore, Survey

from bureaukit import ConfigError, ConfigWarning, InputError, LedgerError
from bureaukit.testing import check, read_csv, run


def D(text: str) -> date:
    return date.fromisoformat(text)


def issues(org, **kw):
    return check(CAMPAIGN, units=org["units"], people=org["people"], **kw)


def test_clean_ledgers_have_no_issues(org):
    rows = [StageScore("st", "inspection", Decimal(0), D("2014-05-01")),
            StageScore("st", "第三方监督", Decimal(100), D("2014-05-01"))]
    assert issues(org, records={"stage_scores": rows}) == []


def test_unknown_stage_names_the_column_and_lists_the_stages(org):
    rows = [StageScore("st", "暗访", Decimal(80), D("2014-05-01"))]
    (issue,) = issues(org, records={"stage_scores": rows})
    assert isinstance(issue, LedgerError) and issue.column == "阶段"
    assert '"暗访"' in issue.message
    assert "inspection 明察暗访" in issue.message and "collective 集中评议" in issue.message
    with pytest.raises(InputError, match="阶段"):
        run(CAMPAIGN, **org, records={"stage_scores": rows})


@pytest.mark.parametrize(("score", "bad"), [("-0.01", True), ("0", False), ("100", False),
                                            ("100.01", True)])
def test_score_outside_0_to_100(org, score, bad):
    rows = [StageScore("st", "inspection", Decimal(score), D("2014-05-01"))]
    found = issues(org, records={"stage_scores": rows})
    if bad:
        (issue,) = found
        assert isinstance(issue, LedgerError) and issue.column == "得分"
        assert f'got "{score}"' in issue.message
    else:
        assert found == []


def test_request_dates_out_of_order(org):
    recs = [Request("Q1", "st", "s_st", D("2014-06-10"), D("2014-06-09"), None),
            Request("Q2", "st", "s_st", D("2014-06-10"), D("2014-06-20"), D("2014-06-09"))]
    found = issues(org, records={"requests": recs})
    assert sorted((i.column, i.record.id) for i in found) == [("办结日期", "Q2"), ("办结时限", "Q1")]


@pytest.mark.parametrize(("settings", "path", "text"), [
    ({"stages": [{"id": "a", "title": "甲", "weight": 0}]}, "stages[0].weight", "must be > 0"),
    ({"stages": [{"id": "a", "title": "甲", "weight": 1}, {"id": "a", "title": "乙", "weight": 1}]},
     "stages[1].id", "given twice"),
    ({"stages": [{"id": "a", "title": "甲", "weight": 1}, {"id": "b", "title": "甲", "weight": 1}]},
     "stages[1]", "already names stages[0]"),
    ({"stages": [{"id": "Inspection!", "title": "甲", "weight": 1}]}, "stages[0].id", "lower-case"),
    ({"stages": []}, "stages", "at least one stage"),
    ({"satisfaction": {"basic": 120}}, "satisfaction.basic", "0–100, got 120"),
    ({"problems": {"min": 3, "max": 2}}, "problems.max", "≥ problems.min (3), got 2"),
    ({"problems": {"min": -1, "max": 2}}, "problems.min", "≥ 0, got -1"),
])
def test_config_errors_name_their_path(org, settings, path, text):
    found = [i for i in issues(org, settings=settings) if isinstance(i, ConfigError)]
    assert [i.path for i in found] == [path]
    assert text in found[0].message


def test_config_types_are_checked_by_the_core(org):
    with pytest.raises(InputError, match=r"campaigns\.conduct\.trace_back"):
        issues(org, settings={"trace_back": "some"})
    with pytest.raises(InputError, match=r'campaigns\.conduct: unknown key "problem" \(did you mean "problems"'):
        issues(org, settings={"problem": {"min": 1}})


def test_surveys_without_a_service_rating_stage_warn(org):
    settings = {"stages": [{"id": "inspection", "title": "明察暗访", "weight": 1}]}
    found = issues(org, settings=settings,
                   records={"surveys": [Survey("st", Answer.basic, D("2014-05-01"))]})
    assert [(type(i), i.path) for i in found] == [(ConfigWarning, "stages")]


def test_csv_cells_through_the_real_reader():
    text = "单位,测评结果,日期,服务对象\nst,基本满意,2014/5/20,张三\nst,satisfied,2014年5月21日,\n"
    recs = read_csv(CAMPAIGN, "surveys", text)
    assert [(r.answer, r.date) for r in recs] == [(Answer.basic, D("2014-05-20")),
                                                   (Answer.satisfied, D("2014-05-21"))]
    with pytest.raises(InputError, match=r"surveys\.csv:2: 测评结果: .*不满意"):
        read_csv(CAMPAIGN, "surveys", "单位,测评结果,日期\nst,很满意,2014-05-20\n")
    text = "编号,单位,问题描述,领衔领导,整改时限,问题查清,整改到位,销号日期\nP1,st,x,h_st,2014-06-30,是,√,\n"
    (p,) = read_csv(CAMPAIGN, "problems", text)
    assert (p.cause_found, p.rectified, p.measures_done, p.closed) == (True, True, False, None)
