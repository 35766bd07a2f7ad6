"""Rule 1 — 稿酬 (seed 六(三)): the fee table, 长篇双倍, halves, fee_units."""

from __future__ import annotations

from decimal import Decimal

import pytest

# (outlet, fee) — the seed's table: 本局交通政务网 40, 区直 40, 市交通政务网 60, 区委区政府 60,
# 其他市级网站 40, 省交通运输厅 100, 市委市政府 100, 其他省级网站 50, 交通运输部 300, 省委省政府 300;
# 区级媒体 30, 市日报 100, 其他市级刊物 30, 省日报 300, 中国交通报 300, 其他省级刊物 100, 部级刊物 800.
SEED_FEES = [
    ("bureau_site", "40.00"), ("district_unit_site", "40.00"), ("city_transport_site", "60.00"),
    ("district_gov", "60.00"), ("city_site", "40.00"), ("province_transport", "100.00"),
    ("city_gov", "100.00"), ("province_site", "50.00"), ("ministry", "300.00"),
    ("province_gov", "300.00"), ("district_media", "30.00"), ("city_daily", "100.00"),
    ("city_media", "30.00"), ("province_daily", "300.00"), ("china_transport_news", "300.00"),
    ("province_media", "100.00"), ("national_media", "800.00"),
]


@pytest.mark.parametrize(("outlet", "fee"), SEED_FEES)
def test_seed_fee_table(publicity, adoption, outlet, fee):
    out = publicity([adoption("A-1", outlet, "p1")])
    assert out.value("person:p1", "fees_yuan") == fee
    assert out.amounts("person:p1")["fee"] == fee


@pytest.mark.parametrize(
    ("text", "fee"),
    [("其他省级网站（交通运输系统）", "50.00"), ("其他省级网站(交通运输系统)", "50.00"),
     ("《中国交通报》", "300.00"), ("市委市政府", "100.00"), ("CITY_GOV", "100.00")],
)
def test_outlet_by_chinese_name_full_width_brackets(publicity, adoption, text, fee):
    kind = "news" if "交通报" in text else "info"
    out = publicity([adoption("A-1", text, "p1", kind=kind)])
    assert out.value("person:p1", "fees_yuan") == fee


@pytest.mark.parametrize(("chars", "fee"), [(1499, "300.00"), (1500, "600.00"), (1501, "600.00"),
                                            (None, "300.00")])
def test_long_report_boundary(publicity, adoption, chars, fee):
    # 长篇通讯报道(1500字以上)双倍: at 1500 characters and above
    out = publicity([adoption("N-1", "province_daily", "p1", chars=chars)])
    assert out.value("person:p1", "fees_yuan") == fee


def test_long_info_is_not_doubled(publicity, adoption):
    out = publicity([adoption("X-1", "city_gov", "p1", chars=3000)])
    assert out.value("person:p1", "fees_yuan") == "100.00"


def test_payments_per_half_and_scores_for_the_year(publicity, adoption):
    rows = [
        adoption("X-1", "city_gov", "p1", "2014-06-30"),
        adoption("X-2", "district_gov", "p1", "2014-07-01"),
        adoption("X-3", "bureau_site", "p1", "2014-12-31"),
    ]
    out = publicity(rows)
    assert out.value("person:p1", "fees_yuan") == "200.00"  # 100 + 60 + 40
    fees = {p.period: str(p.amount) for p in out.paid("person:p1", "fee")}
    assert fees == {"2014-H1": "100.00", "2014-H2": "100.00"}  # 100 | 60 + 40


def test_no_payment_before_the_period_ends(publicity, adoption):
    out = publicity([adoption("X-1", "city_gov", "p1", "2014-03-01")], as_of="2014-12-30")
    assert out.value("person:p1", "fees_yuan") == "100.00"
    assert out.paid() == []


def test_half_year_period_pays_its_half(publicity, adoption):
    rows = [adoption("X-1", "city_gov", "p1", "2014-03-01"), adoption("X-2", "city_gov", "p1", "2014-09-01")]
    out = publicity(rows, period="2014-H1")
    assert out.value("person:p1", "fees_yuan") == "100.00"  # X-2 is outside the period
    assert [(p.period, str(p.amount)) for p in out.paid("person:p1", "fee")] == [("2014-H1", "100.00")]


def test_fee_units_pay_only_their_people(publicity, adoption):
    # 局机关和两所: office by kind, ygs by id; gls people are scored but paid nothing
    rows = [adoption("X-1", "city_gov", ("p1", "y1", "g1"), unit="office")]
    out = publicity(rows, settings={"fee_units": ["office", "ygs"]})
    assert out.value("person:g1", "fees_yuan") == "33.33"
    assert out.amounts("person:p1") == {"fee": "33.34"}
    assert out.amounts("person:y1") == {"fee": "33.33"}
    assert out.paid("person:g1") == []


def test_fee_units_by_unit_kind(publicity, adoption):
    out = publicity([adoption("X-1", "city_gov", ("y1", "g1"))], settings={"fee_units": ["institution"]})
    assert out.amounts("person:y1") == {"fee": "50.00"}
    assert out.amounts("person:g1") == {"fee": "50.00"}


def test_zero_fee_half_pays_nothing(publicity, adoption):
    out = publicity([adoption("X-1", "bureau_site", "p1")], settings={"outlets": {"bureau_site": {"fee_yuan": 0}}})
    assert out.value("person:p1", "fees_yuan") == "0.00"
    assert out.paid() == []


def test_config_can_change_one_key_and_add_an_outlet(publicity, adoption):
    settings = {"outlets": {
        "city_gov": {"fee_yuan": Decimal(120)},
        "tv": {"kind": "news", "level": "city", "fee_yuan": Decimal(50), "zh": "市电视台", "counts": True},
    }}
    out = publicity([adoption("X-1", "city_gov", "p1"), adoption("N-1", "市电视台", "p1", kind="news")],
                    settings=settings)
    assert out.value("person:p1", "fees_yuan") == "170.00"
    assert out.value("person:p1", "news_count") == "1"


def test_evidence_lets_a_reader_recompute(publicity, adoption):
    out = publicity([adoption("N-1", "province_daily", ("p1", "p2"), chars=1600)])
    note = out.score("person:p1", "fees_yuan").evidence[0]
    assert note.note_in("zh") == ("N-1 2014-03-10 被省日报采用：稿酬 300.00 元 × 2（长篇通讯 1600 字）= 600.00 元，"
                                  "2 人分：杨帆 300.00 元、赵丽 300.00 元")
    assert note.note_in("en") == ("N-1 adopted by 省日报 on 2014-03-10: fee 300.00 yuan × 2 (long report, 1600 "
                                  "characters) = 600.00 yuan, split among 2: 杨帆 300.00 yuan, 赵丽 300.00 yuan")
    ev = out.paid("person:p1", "fee")[0].evidence[0]
    assert (ev.source, ev.row, ev.record) == ("<adoptions>", 1, "N-1|province_daily")
