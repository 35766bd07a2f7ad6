"""Config and ledger errors the page names: each names its path or column."""

from __future__ import annotations

import pytest
from bureaukit_publicity.campaign import CAMPAIGN

from bureaukit import InputError
from bureaukit.plugin import ConfigError, ConfigWarning, LedgerError
from bureaukit.testing import check, read_csv


def issues(org, settings=None, adoptions=(), cases=()):
    return check(CAMPAIGN, **org, settings=settings if settings is not None else {"quotas": {"ygs": {"news": 1}}},
                 records={"adoptions": list(adoptions), "cases": list(cases)})


def test_clean_config_has_no_issue(org):
    assert issues(org) == []


def test_empty_quotas_is_only_a_warning(org):
    [w] = issues(org, {})
    assert isinstance(w, ConfigWarning) and w.path == "quotas" and "任务分解" in w.message


def test_quota_unit_that_is_no_unit(org):
    [e] = issues(org, {"quotas": {"ygs_x": {"news": 1}}})
    assert isinstance(e, ConfigError) and e.path == "quotas.ygs_x" and "ygs_x" in e.message


def test_negative_quota(org):
    [e] = issues(org, {"quotas": {"ygs": {"news": -1}}})
    assert e.path == "quotas.ygs.news"


def test_quota_key_other_than_news_info(org):
    with pytest.raises(InputError) as exc:
        issues(org, {"quotas": {"ygs": {"news": 1, "xinwen": 2}}})
    assert 'campaigns.publicity.quotas.ygs: unknown key "xinwen"' in str(exc.value)


def test_fee_units_entry_neither_id_nor_kind(org):
    [e] = issues(org, {"quotas": {"ygs": {"news": 1}}, "fee_units": ["office", "station", "lgs"]})
    assert e == ConfigError("fee_units[2]", e.message) and '"lgs"' in e.message


def test_new_outlet_missing_keys(org):
    [e] = issues(org, {"quotas": {"ygs": {"news": 1}}, "outlets": {"tv": {"kind": "news", "fee_yuan": 50}}})
    assert isinstance(e, ConfigError) and e.path == "outlets.tv"
    assert "missing level, zh, counts" in e.message


def test_outlet_bad_kind_is_a_structure_error(org):
    with pytest.raises(InputError) as exc:
        issues(org, {"outlets": {"city_site": {"kind": "nws"}}})
    assert "campaigns.publicity.outlets.city_site.kind" in str(exc.value)


def test_unknown_outlet(org, adoption):
    [e] = issues(org, adoptions=[adoption("X-1", "市政府网", "p1")])
    assert isinstance(e, LedgerError) and e.column == "采用单位"
    assert '"市政府网"' in e.message and "city_gov 市委市政府" in e.message


def test_outlet_of_the_other_kind(org, adoption):
    [e] = issues(org, adoptions=[adoption("X-1", "city_daily", "p1", kind="info")])
    assert e.column == "采用单位" and "takes news" in e.message and "info" in e.message


def test_author_listed_twice(org, adoption):
    [e] = issues(org, adoptions=[adoption("X-1", "city_gov", ("p1", "p2", "p1"))])
    assert e.column == "作者" and "p1 listed twice" in e.message


def test_same_item_same_outlet_spelt_two_ways(org, adoption):
    [e] = issues(org, adoptions=[adoption("X-1", "city_gov", "p1"), adoption("X-1", "市委市政府", "p1")])
    assert e.column == "采用单位" and "X-1" in e.message


def test_replied_before_received(org, case):
    [e] = issues(org, cases=[case("C-1", "2014-03-05", "2014-03-04")])
    assert e.column == "答复日期" and '"2014-03-04"' in e.message


def test_ledger_errors_reported_as_file_row_column(org):
    text = "稿件编号,类型,作者,报送单位,采用单位,采用日期\nX-1,信息,p1,office,火星日报,2014-03-01\n"
    recs = read_csv(CAMPAIGN, "adoptions", text)
    [e] = issues(org, adoptions=recs)
    assert e.column == "采用单位"


def test_bad_enum_cell_lists_the_choices():
    text = "编号,单位,类型,收到日期\nC-1,ygs,表扬,2014-03-01\n"
    with pytest.raises(InputError) as exc:
        read_csv(CAMPAIGN, "cases", text)
    msg = str(exc.value)
    assert "cases.csv:2" in msg and "类型" in msg and "负面报道" in msg
