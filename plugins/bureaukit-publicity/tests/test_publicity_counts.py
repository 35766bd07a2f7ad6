"""Rules 2 and 6 — counts for the award, unit counts against the quota, points."""

from __future__ import annotations

import pytest


def test_person_counts_only_outlets_that_count(publicity, adoption):
    rows = [
        adoption("N-1", "district_media", "p1"),  # 区级媒体: not 市级刊物
        adoption("N-2", "city_media", "p1"),
        adoption("X-1", "bureau_site", "p1"),  # 本局: not 市局、区委区政府以上
        adoption("X-2", "district_unit_site", "p1"),
        adoption("X-3", "district_gov", "p1"),  # 区委区政府 counts
        adoption("X-4", "city_site", "p1"),  # 其他市级网站: city level, counts
    ]
    out = publicity(rows)
    assert out.value("person:p1", "news_count") == "1"
    assert out.value("person:p1", "info_count") == "2"


def test_narrower_reading_of_city_sites(publicity, adoption):
    out = publicity([adoption("X-1", "city_site", "p1")], settings={"outlets": {"city_site": {"counts": False}}})
    assert out.value("person:p1", "info_count") == "0"


def test_same_item_in_two_outlets_counts_twice(publicity, adoption):
    out = publicity([adoption("X-1", "city_gov", "p1"), adoption("X-1", "province_gov", "p1")])
    assert out.value("person:p1", "info_count") == "2"
    assert out.value("person:p1", "fees_yuan") == "400.00"


def test_zero_counts_are_written_for_every_author(publicity, adoption):
    out = publicity([adoption("N-1", "district_media", "p1")])
    assert out.value("person:p1", "news_count") == "0"
    assert out.value("person:p1", "info_count") == "0"
    assert not out.has_score("person:p2", "news_count")


def test_unit_counts_its_own_rows_not_its_stations(publicity, adoption):
    rows = [
        adoption("N-1", "district_media", "y1", unit="ygs"),  # any outlet counts toward the quota
        adoption("N-2", "city_media", "s1", unit="ygs_n"),  # a station's own
        adoption("X-1", "bureau_site", "y1", unit="ygs"),
    ]
    out = publicity(rows, settings={"quotas": {"ygs": {"news": 4, "info": 2}, "ygs_n": {"news": 1}}})
    assert out.value("unit:ygs", "news") == "1"
    assert out.value("unit:ygs", "info") == "1"
    assert out.value("unit:ygs", "points") == "37.50"  # 100 × (1/4 + 1/2) / 2
    assert out.value("unit:ygs_n", "news") == "1"
    assert not out.has_score("unit:ygs_n", "info")  # no info quota
    assert out.value("unit:ygs_n", "points") == "100.00"


@pytest.mark.parametrize(("n", "points"), [(9, "90.00"), (10, "100.00"), (11, "100.00")])
def test_points_boundary_at_the_quota(publicity, adoption, n, points):
    rows = [adoption(f"N-{i}", "city_media", "y1", unit="ygs") for i in range(n)]
    out = publicity(rows, settings={"quotas": {"ygs": {"news": 10}}})
    assert out.value("unit:ygs", "points") == points


def test_no_points_for_unit_without_quota_or_with_zero_quota(publicity, adoption):
    out = publicity([adoption("N-1", "city_media", "g1", unit="gls")],
                    settings={"quotas": {"gls": {"news": 0, "info": 0}, "ygs": {"news": 1}}})
    assert not out.has_score("unit:gls", "points")
    assert not out.has_score("unit:office", "points")
    assert out.value("unit:ygs", "points") == "0.00"
    assert not out.has_score("person:g1", "points")


def test_rows_before_the_period_and_after_as_of_are_left_out(publicity, adoption):
    rows = [adoption("N-0", "city_media", "y1", "2013-12-31", unit="ygs"),
            adoption("N-1", "city_media", "y1", "2014-06-30", unit="ygs"),
            adoption("N-2", "city_media", "y1", "2014-07-01", unit="ygs")]
    out = publicity(rows, settings={"quotas": {"ygs": {"news": 4}}}, as_of="2014-06-30")
    assert out.value("unit:ygs", "news") == "1"
    assert out.value("unit:ygs", "points") == "25.00"
    assert out.value("person:y1", "news_count") == "1"


def test_a_completion_at_a_half_is_written_half_up():
    """1 of 32 adoptions is 3.125%: written 3.13% (四舍五入) like every rate a reader sees,
    not 3.12% (Python's half-even quantize)."""
    from decimal import Decimal

    from bureaukit_publicity.notes import points_note

    from bureaukit.testing import speaking

    with speaking("zh"):
        assert points_note((("info", 1, 32),), Decimal("3.125")) == (
            "信息完成率 min(100%, 1 / 32) = 3.13%；得分 = 100 × 平均 = 3.13")
    with speaking("en"):
        assert points_note((("news", 10, 10), ("info", 4, 20)), Decimal(60)) == (
            "news completion min(100%, 10 / 10) = 100.00%; information completion min(100%, 4 / 20) = 20.00%; "
            "points = 100 × mean = 60.00")
