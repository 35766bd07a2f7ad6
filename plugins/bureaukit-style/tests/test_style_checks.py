"""Every configuration and ledger error the page names, each naming its path or column."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_style.campaign import CAMPAIGN
from bureaukit_style.records import Activity, Problem, Source, Step
from bureaukit_style.records import ActivityKind as K

from bureaukit import InputError
from bureaukit.plugin import ConfigError, ConfigWarning, LedgerError
from bureaukit.testing import check, read_csv


def issues(org, settings=None, records=None):
    return check(CAMPAIGN, **org, settings=settings or {}, records=records or {})


def errors_at(found, cls=ConfigError):
    return {(i.path if not isinstance(i, LedgerError) else i.column): i.message
            for i in found if isinstance(i, cls)}


def test_defaults_are_clean(org):
    assert issues(org) == []


def test_unknown_key_and_bad_types_name_the_path(org):
    with pytest.raises(InputError) as exc:
        check(CAMPAIGN, **org, settings={"preset": "zuofang", "deductons": {}})
    text = str(exc.value)
    assert "campaigns.style.preset" in text and "campaigns.style" in text and "deductons" in text
    with pytest.raises(InputError) as exc:
        check(CAMPAIGN, **org, settings={"quotas": [{"id": "q", "who": "bureau",
                                                     "activity": "reading", "min": 1, "per": "day"}]})
    text = str(exc.value)
    assert "campaigns.style.quotas[0].activity" in text and "campaigns.style.quotas[0].per" in text


def test_config_errors(org):
    found = issues(org, settings={
        "window": "2014-13",
        "base_points": 0,
        "deductions": {"problem": -1},
        "phases": [{"id": "a", "title": "A", "start": "13-01", "end": "05-31", "steps": []},
                   {"id": "a", "title": "B", "start": "2014-05-01", "end": "2014-04-01",
                    "steps": ["x"]}],
        "quotas": [{"id": "q", "who": {"roles": "x"}, "activity": "duty", "min": -1, "per": "week",
                    "during": "nope"},
                   {"id": "q", "who": "bureau", "activity": "duty", "min": 1, "per": "week"}],
        "key_projects": [{"id": "G1", "leader": "p99", "manager": "p21"}],
    })
    e = errors_at(found)
    assert "month 13" in e["window"]
    assert "> 0" in e["base_points"] and "≥ 0" in e["deductions.problem"]
    assert "13-01" in e["phases[0].start"] and "at least one step" in e["phases[0].steps"]
    assert "twice" in e["phases[1].id"] and "before the start" in e["phases[1].end"]
    assert "unit_kinds" in e["quotas[0].who"] and "≥ 0" in e["quotas[0].min"]
    assert 'unknown phase "nope"' in e["quotas[0].during"] and "twice" in e["quotas[1].id"]
    assert "p99" in e["key_projects[0].leader"]


def test_quota_binding_nobody_warns(org):
    found = issues(org, settings={"quotas": [
        {"id": "q", "who": {"role": "publicity_lead"}, "activity": "article", "min": 1, "per": "year"}]})
    assert "publicity_lead" in errors_at(found, ConfigWarning)["quotas[0].who"]


def test_ledger_errors_name_the_column(org):
    recs = {
        "problems": [Problem("A", "ygs", date(2014, 3, 3), "迟到", Source.self)],
        "activities": [Activity("B", K.reception, "bureau", date(2014, 3, 3)),
                       Activity("C", K.site_visit, "ygs", date(2014, 3, 3), person="p21"),
                       Activity("D", K.site_visit, "ygs", date(2014, 3, 3), person="p21",
                                project="X9"),
                       Activity("E", K.research, "ygs", date(2014, 3, 3))],
        "steps": [Step("ygs", "准备", "动员大会", date(2014, 5, 3)),
                  Step("ygs", "mobilize", "动员会", date(2014, 5, 3))],
    }
    found = [i for i in issues(org, records=recs) if isinstance(i, LedgerError)]
    by = sorted((getattr(i.record, "id", None) or i.record.step, i.column, i.message) for i in found)
    assert [(k, c) for k, c, _ in by] == [("A", "问题类型"), ("B", "人员"), ("C", "项目"),
                                          ("D", "项目"), ("动员会", "环节"), ("动员大会", "阶段")]
    msgs = {k: m for k, _, m in by}
    assert "lax 散" in msgs["A"] and "eight.8" in msgs["A"]   # lists the accepted values
    assert "X9" in msgs["D"] and "工作方案" in msgs["动员会"] and "mobilize 动员部署" in msgs["动员大会"]


def test_csv_reader_errors_name_file_row_column():
    text = "编号,单位,日期,问题类型,来源,人员,查实\nA,ygs,2014-02-30,lax,暗访,,也许\n"
    with pytest.raises(InputError) as exc:
        read_csv(CAMPAIGN, "problems", text)
    lines = "\n".join(exc.value.problems)
    assert "problems.csv:2: 日期" in lines and "2014-02-30" in lines
    assert "problems.csv:2: 来源" in lines and "个人自查" in lines


def test_csv_reader_reads_chinese_headers_and_labels():
    text = ("编号,类型,单位,日期,人员,项目,时长(分钟),备注\n"
            "H1,接访值班,ygs_n,2014/5/4,p36,,,调休上班\n"
            "H2,site_visit,ygs,2014年5月5日,p21,G105,45,\n")
    a, b = read_csv(CAMPAIGN, "activities", text)
    assert a.kind is K.duty and a.date == date(2014, 5, 4) and a.note == "调休上班"
    assert b.kind is K.site_visit and b.minutes == 45 and b.project == "G105"
