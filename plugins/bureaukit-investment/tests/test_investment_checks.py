"""Config errors on the page, rule 4 (引进人) and the deposit roles as ledger errors, and
ledger cells read through the real reader."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bureaukit_investment.campaign import CAMPAIGN
from bureaukit_investment.records import Category, Certificate, TripKind

from bureaukit import ConfigError, InputError, LedgerError
from bureaukit.testing import check, person, read_csv, unit


def issues(org, **kw):
    return check(CAMPAIGN, **org, **kw)


def paths(found):
    return sorted((i.path, i.message) for i in found if isinstance(i, ConfigError))


def test_defaults_are_clean(org):
    assert issues(org) == []


def test_allocation_errors(org):
    found = paths(issues(org, settings={"allocation": {
        "bureau": {"total_wan": 100},
        "ygz": {"total_wan": 100},
        "gls": {"total": 100, "fixed_asset_wan": 0},
        "ygs": {},
    }}))
    by = dict(found)
    assert "root unit" in by["allocation.bureau"] and "office unit" in by["allocation.bureau"]
    assert by["allocation.ygz"] == 'unknown unit "ygz" (did you mean "ygs"?)'
    assert by["allocation.gls.total"].startswith('unknown key "total" (did you mean "total_wan"?)')
    assert by["allocation.gls.fixed_asset_wan"] == "a target must be > 0, got 0"
    assert "at least one target" in by["allocation.ygs"]


def test_target_and_verified_errors(org):
    found = dict(paths(issues(org, settings={
        "targets": {"total_wan": -1, "big_project": 2},
        "district_verified": {"fixed": 1, "total_wan": -5},
        "deposit": {"due": "5月20日"},
        "checkpoint": {"date": "02-30", "min_ratio": Decimal(0)},
        "h1_push": {"by": "13-01"},
        "max_introducers": 0,
    })))
    assert found["targets.total_wan"] == "a target must be > 0, got -1"
    assert found["targets.big_project"].startswith('unknown key "big_project" (did you mean "big_projects"?)')
    assert found["district_verified.fixed"].startswith('unknown key "fixed"')
    assert found["district_verified.total_wan"] == "must be ≥ 0, got -5"
    assert '"5月20日"' in found["deposit.due"]
    assert "02-30" in found["checkpoint.date"] and "13-01" in found["h1_push.by"]
    assert "checkpoint.min_ratio" in found and "max_introducers" in found
    # no targets: not set up yet (bureaukit init writes `targets = {}`), no error; the core notes it
    assert "targets" not in dict(paths(issues(org, settings={"targets": {}})))


def test_a_campaign_without_targets_scores_nothing(inv):
    """REPORTS §5: a bureau fresh from init has no targets yet; nothing is scored against
    the demo district's, not even the deposits (the campaign is not set up)."""
    out = inv(settings={"targets": {}})
    assert (out.scores, out.payments, out.findings) == ([], [], [])


def test_settings_types_are_checked_by_the_core(org):
    with pytest.raises(InputError) as err:
        issues(org, settings={"trip_every": "season", "settlement_metric": "total",
                              "industrial_categories": ["工业", "钢铁"]})
    text = "\n".join(err.value.problems)
    assert "campaigns.investment.trip_every" in text and "campaigns.investment.settlement_metric" in text
    assert "campaigns.investment.industrial_categories" in text
    # enums by code or label
    assert issues(org, settings={"industrial_categories": ["工业", "high_tech", "农业产业化"]}) == []


def test_introducer_rules(org, rows):
    ps = [
        rows.project("OK2", planned=2000, introducers=("tm", "h_ygs")),
        rows.project("LOW", planned="1999.99", introducers=("tm", "h_ygs")),
        rows.project("THREE", planned=9000, introducers=("tm", "h_ygs", "h_gls")),
        rows.project("TWICE", planned=9000, introducers=("tm", "tm")),
    ]
    found = [i for i in issues(org, records={"projects": ps}) if isinstance(i, LedgerError)]
    got = sorted((i.record.id, i.column) for i in found)
    assert got == [("LOW", "引进人"), ("THREE", "引进人"), ("TWICE", "引进人")]
    msg = {i.record.id: i.message for i in found}
    assert "2000 万元" in msg["LOW"] and "1999.99" in msg["LOW"]
    assert "at most 2" in msg["THREE"] and '"tm;h_ygs;h_gls"' in msg["THREE"]
    assert "listed twice" in msg["TWICE"]
    # three introducers allowed once max_introducers says so
    three = issues(org, records={"projects": ps[2:3]}, settings={"max_introducers": 3})
    assert three == []


def test_deposit_roles(org, rows):
    deps = [rows.deposit("tm"), rows.deposit("t_ygs", 2000), rows.deposit("ml", 3000)]
    found = issues(org, records={"deposits": deps})
    assert [(i.record.person, i.column) for i in found] == [("ml", "缴纳人")]
    assert '"ml"' in found[0].message and "main_leader" in found[0].message


def test_run_raises_on_ledger_errors(inv, rows):
    with pytest.raises(InputError) as err:
        inv(records={"deposits": [rows.deposit("ml")]})
    assert "缴纳人" in err.value.problems[0]


def test_cells_through_the_reader():
    text = ("项目编号,项目名称,项目类别,引进单位,引进人,签约日期,合同投资额,计划固定资产投资,认定证书,城市规划区内\n"
            "P1,光伏组件,高新技术,ygs,p1；p2,2014年3月1日,2500,2000,省级,否\n"
            "P2,商业综合体,real_estate,ygs,p1,2014/4/2,12700,0,,是\n")
    p1, p2 = read_csv(CAMPAIGN, "projects", text)
    assert p1.category is Category.high_tech and p1.introducers == ("p1", "p2")
    assert p1.certificate is Certificate.provincial and p1.in_planning_zone is False
    assert p2.certificate is Certificate.none and p2.in_planning_zone is True
    assert p2.contract_total_wan == Decimal("12700")
    (t,) = read_csv(CAMPAIGN, "trips", "编号,单位,带队人,日期,目的地,方式\nT1,ygs,p1,2014-03-01,上海,驻点招商\n")
    assert t.kind is TripKind.stationed
    (g,) = read_csv(CAMPAIGN, "progress", "项目编号,填报日期,本年完成固定资产投资\nP1,2014-06-30,\n")
    assert g.fixed_asset_wan == 0 and g.tax_paid_wan == 0


def test_bad_cells_name_the_column():
    text = ("项目编号,项目名称,项目类别,引进单位,引进人,签约日期,合同投资额,计划固定资产投资\n"
            "P1,x,钢铁,ygs,p1,2014-02-30,一千,2000\n")
    with pytest.raises(InputError) as err:
        read_csv(CAMPAIGN, "projects", text)
    text = "\n".join(err.value.problems)
    assert "projects.csv:2: 项目类别:" in text and "industrial 工业" in text
    assert "projects.csv:2: 签约日期:" in text and "2014-02-30" in text
    assert "projects.csv:2: 合同投资额:" in text


def test_role_selectors_the_bureau_writes(org):
    """CORE §2: each entry is checked where it stands, with a did-you-mean."""
    found = dict(paths(issues(org, settings={
        "personal_roles": ["team_member", "unit_haed@institution"],
        "deposit": {"mandatory_roles": ["team_member@bureua"],
                    "voluntary_roles": ["staff@office", "unit_team@", "单位其他班子成员"]},
    })))
    assert found["personal_roles[1]"].startswith('unknown role "unit_haed" (did you mean "unit_head"?)')
    assert found["deposit.mandatory_roles[0]"].startswith(
        'no unit is of kind "bureua" (did you mean "bureau"?); the units\' kinds: bureau, institution')
    assert found["deposit.voluntary_roles[1]"].startswith('empty unit kind in "unit_team@"')
    assert found["deposit.voluntary_roles[2]"] == 'write the role code "unit_team" for 单位其他班子成员'
    assert len(found) == 4  # "staff@office" is good


def test_default_kinds_no_unit_has_match_nobody(rows):
    """The defaults name 局机关 kinds (finance, personnel, projects) this bureau lacks: no error,
    and a kind the bureau itself writes that no unit has is one."""
    units = [unit("bureau", "示例局", kind="bureau"), unit("gls", "公路段", kind="institution", parent="bureau")]
    people = [person("h", "gls", ["unit_head"]), person("t", "gls", ["unit_team"])]
    assert check(CAMPAIGN, units=units, people=people, records={"deposits": [rows.deposit("t", 2000)]}) == []
    found = check(CAMPAIGN, units=units, people=people,
                  settings={"deposit": {"voluntary_roles": ["unit_team@institution", "staff@office"]}})
    assert [(i.path, i.message[:28]) for i in found] == [
        ("deposit.voluntary_roles[1]", 'no unit is of kind "office";')]
