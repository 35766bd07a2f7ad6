"""Rules 1–2: 项目确认 (seed 三) and 折算 (seed 二(二)), with the 1000万元 threshold's
boundaries, carry-over (二(一)) and the conversions."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_investment.records import Category, Certificate

ONLY_TOTAL = {"targets": {"total_wan": 100000}}
ONLY_FIXED = {"targets": {"fixed_asset_wan": 100000}}


def total(out) -> str:
    return out.value("unit:bureau", "total_wan")


def unconfirmed(out) -> list[str]:
    return sorted(f.evidence[0].record for f in out.find("investment.unconfirmed"))


@pytest.mark.parametrize("planned, counted", [("999.99", False), ("1000", True), ("1000.01", True)])
@pytest.mark.parametrize("cat", [Category.industrial, Category.agriculture, Category.tourism,
                                 Category.infrastructure, Category.social, Category.financing])
def test_fixed_asset_categories_need_1000_planned(inv, rows, cat, planned, counted):
    out = inv(records={"projects": [rows.project("P1", category=cat, total=5000, planned=planned)]},
              settings=ONLY_TOTAL)
    assert total(out) == ("5000" if counted else "0")
    assert unconfirmed(out) == ([] if counted else ["P1"])


def test_high_tech_needs_a_certificate(inv, rows):
    ps = [
        rows.project("H0", category=Category.high_tech, total=1500, planned=1500),
        rows.project("H1", category=Category.high_tech, total=1700, planned=1500,
                     certificate=Certificate.provincial),
        rows.project("H2", category=Category.high_tech, total=1900, planned=1500,
                     certificate=Certificate.national),
    ]
    out = inv(records={"projects": ps}, settings=ONLY_TOTAL)
    assert total(out) == "3600"  # 1700 + 1900
    (f,) = out.find("investment.unconfirmed")
    assert f.subject == "unit:ygs" and f.severity == "info"
    assert "H0" in f.message["zh"] and "认定证书" in f.message["zh"]
    assert "certificate" in f.message["en"]


@pytest.mark.parametrize("cat", [Category.municipal, Category.real_estate])
def test_municipal_and_real_estate_need_planning_zone_and_1000(inv, rows, cat):
    ps = [
        rows.project("A", category=cat, total=1000, planned=0, in_planning_zone=True),
        rows.project("B", category=cat, total="999.9", planned=0, in_planning_zone=True),
        rows.project("C", category=cat, total=8000, planned=0, in_planning_zone=False),
    ]
    out = inv(records={"projects": ps}, settings=ONLY_TOTAL)
    assert total(out) == "1000"
    assert unconfirmed(out) == ["B", "C"]
    msg = {f.evidence[0].record: f.message["zh"] for f in out.find("investment.unconfirmed")}
    assert "999.9 万元 < 1,000 万元" in msg["B"]
    assert "不在城市规划区内" in msg["C"]


def test_commerce_service_counts_by_contract_total(inv, rows):
    ps = [rows.project("A", category=Category.commerce_service, total=1000, planned=0),
          rows.project("B", category=Category.commerce_service, total=999, planned=5000)]
    out = inv(records={"projects": ps}, settings=ONLY_TOTAL)
    assert total(out) == "1000"
    assert unconfirmed(out) == ["B"]


@pytest.mark.parametrize("cat", [Category.headquarters, Category.tax_cooperation])
@pytest.mark.parametrize("tax, counted", [("50", False), ("50.01", True)])
def test_headquarters_need_district_registration_and_tax_above_50(inv, rows, cat, tax, counted):
    ps = [rows.project("A", category=cat, total=300, planned=0, registered_in_district=True),
          rows.project("B", category=cat, total=400, planned=0, registered_in_district=False)]
    out = inv(records={"projects": ps, "progress": [rows.progress("A", tax=tax), rows.progress("B", tax=90)]},
              settings=ONLY_TOTAL)
    assert total(out) == ("300" if counted else "0")
    assert unconfirmed(out) == (["B"] if counted else ["A", "B"])


def test_old_projects_count_only_through_carry_over(inv, rows):
    ps = [
        rows.project("OLD13", signed="2013-06-01"),
        rows.project("C999", signed="2012-06-01", total=4000),
        rows.project("C1000", signed="2012-07-01", total=5000),
        rows.project("NEW", signed="2014-01-01", total=700, planned=1000),
    ]
    prog = [rows.progress("OLD13", fixed=5000), rows.progress("C999", fixed="999.99"),
            rows.progress("C1000", fixed=1000)]
    out = inv(records={"projects": ps, "progress": prog},
              settings={**ONLY_TOTAL, "carryover_signed_years": [2012]})
    assert total(out) == "5700"  # C1000 (视同新引资) + NEW
    assert unconfirmed(out) == ["C999", "OLD13"]
    msgs = {f.evidence[0].record: f.message for f in out.find("investment.unconfirmed")}
    assert "2013 年签约项目不视同新引资项目" in msgs["OLD13"]["zh"]
    assert "999.99 万元 < 1,000 万元" in msgs["C999"]["zh"]
    # the 999.99 is the progress row's: the finding cites that row after the project's
    (c999,) = [f for f in out.find("investment.unconfirmed") if f.evidence[0].record == "C999"]
    assert [e.record for e in c999.evidence] == ["C999", "C999|2014-11-30"]
    assert c999.evidence[1].note_in("zh") == ("2014-11-30 填报进度：本年完成固定资产投资 999.99 万元，"
                                             "本年实际纳税 0 万元，对中小企业贷款 0 万元")
    assert c999.evidence[1].note_in("en") == ("progress reported 2014-11-30: fixed-asset investment this year "
                                             "999.99 × 10k yuan, tax paid 0 × 10k yuan, loans to SMEs 0 × 10k yuan")
    # a carry-over with no progress row by as_of has 0 this year, and cites its project alone
    out = inv(records={"projects": [rows.project("C0", signed="2012-06-01")], "progress": []},
              settings={**ONLY_TOTAL, "carryover_signed_years": [2012]})
    (c0,) = out.find("investment.unconfirmed")
    assert [e.record for e in c0.evidence] == ["C0"] and "0 万元 < 1,000 万元" in c0.message["zh"]
    # without the setting no old project counts
    out = inv(records={"projects": ps, "progress": prog}, settings=ONLY_TOTAL)
    assert total(out) == "700"


def test_projects_signed_after_as_of_are_left_out(inv, rows):
    ps = [rows.project("A", signed="2014-06-30", total=1000), rows.project("B", signed="2014-07-01")]
    out = inv(records={"projects": ps}, settings=ONLY_TOTAL, as_of="2014-06-30")
    assert total(out) == "1000"


def test_conversions(inv, rows):
    ps = [
        rows.project("RE", category=Category.real_estate, total=9000, planned=0, in_planning_zone=True),
        rows.project("MU", category=Category.municipal, total=9000, planned=0, in_planning_zone=True),
        rows.project("FN", category=Category.financing, total=9000, planned=1000,
                     registered=date(2014, 3, 1)),
        rows.project("FO", category=Category.financing, total=9000, planned=1000,
                     registered=date(2013, 3, 1)),
        rows.project("HQ", category=Category.headquarters, total=100, planned=0,
                     registered_in_district=True),
        rows.project("TC", category=Category.tax_cooperation, total=100, planned=0,
                     registered_in_district=True),
        rows.project("IN", category=Category.industrial, total=3000, planned=2000),
    ]
    prog = [
        rows.progress("RE", tax=120, fixed=99999),
        rows.progress("MU", tax="10.5"),
        rows.progress("FN", loans=800, fixed=99999),
        rows.progress("FO", loans=800, fixed=300),
        rows.progress("HQ", tax=60),
        rows.progress("TC", tax="50.5"),
        rows.progress("IN", fixed=1500),
    ]
    out = inv(records={"projects": ps, "progress": prog}, settings=ONLY_FIXED)
    evidence = out.score("unit:bureau", "fixed_asset_wan").evidence
    # each 折算 cites its project's progress row (key: project, date), where the figure is
    assert {e.record for e in evidence} == {f"{p.project}|2014-11-30" for p in prog}
    notes = {e.record.split("|")[0]: e.note_in("zh") for e in evidence}
    assert notes["RE"] == "房地产商业：本年实际纳税 120 万元 × 6 = 720 万元"
    assert notes["MU"] == "市政工程：本年实际纳税 10.5 万元 × 6 = 63 万元"
    assert notes["FN"] == "今年注册的合法融资机构：对中小企业贷款 800 万元 × 0.5 = 400 万元"
    assert notes["FO"] == "本年完成固定资产投资 300 万元"
    assert notes["HQ"] == "总部经济：本年实际纳税 60 万元 × 8 = 480 万元"
    assert notes["TC"] == "护协税：本年实际纳税 50.5 万元 × 8 = 404 万元"
    assert notes["IN"] == "本年完成固定资产投资 1,500 万元"
    en = {e.record.split("|")[0]: e.note_in("en") for e in evidence}
    assert en["RE"] == "commercial real estate: tax paid this year 120 × 6 = 720 × 10k yuan"
    assert en["IN"] == "fixed-asset investment this year 1,500 × 10k yuan"
    # 720 + 63 + 400 + 300 + 480 + 404 + 1500
    assert out.value("unit:bureau", "fixed_asset_wan") == "3867"


def test_financing_registered_after_as_of_is_not_registered_yet(inv, rows):
    ps = [rows.project("FN", category=Category.financing, total=9000, planned=1000,
                       registered=date(2014, 9, 1))]
    prog = [rows.progress("FN", "2014-06-30", loans=800, fixed=100)]
    early = inv(records={"projects": ps, "progress": prog}, settings=ONLY_FIXED, as_of="2014-08-31")
    assert early.value("unit:bureau", "fixed_asset_wan") == "100"
    late = inv(records={"projects": ps, "progress": prog}, settings=ONLY_FIXED, as_of="2014-09-01")
    assert late.value("unit:bureau", "fixed_asset_wan") == "400"


def test_the_latest_progress_row_is_taken_whole(inv, rows):
    ps = [rows.project("RE", category=Category.real_estate, total=9000, planned=0, in_planning_zone=True)]
    prog = [rows.progress("RE", "2014-03-31", tax=50), rows.progress("RE", "2014-06-30", tax=100),
            rows.progress("RE", "2014-09-30", tax=0, fixed=10)]
    at = {"2014-03-30": "0", "2014-03-31": "300", "2014-07-01": "600", "2014-12-31": "0"}
    for as_of, want in at.items():
        out = inv(records={"projects": ps, "progress": prog}, settings=ONLY_FIXED, as_of=as_of)
        assert out.value("unit:bureau", "fixed_asset_wan") == want, as_of


def test_progress_before_the_period_is_ignored(inv, rows):
    ps = [rows.project("I", category=Category.industrial, signed="2012-05-01")]
    prog = [rows.progress("I", "2013-12-31", fixed=5000)]
    out = inv(records={"projects": ps, "progress": prog},
              settings={**ONLY_FIXED, "carryover_signed_years": [2012]})
    assert out.value("unit:bureau", "fixed_asset_wan") == "0"
    assert len(out.find("investment.unconfirmed")) == 1
