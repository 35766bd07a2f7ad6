"""Rule 4 — 明确两名以上宣传信息员和审核报送人员,同时还要确定一名网评人员 (seed 三)."""

from __future__ import annotations

from bureaukit.testing import person


def test_fully_staffed_unit_has_no_finding(publicity):
    out = publicity(settings={"quotas": {"ygs": {"news": 1}}})
    assert out.find("publicity.staffing") == []


def test_short_unit_lists_each_missing_role(publicity):
    # gls: g1 officer + reviewer, g2 commenter → officers 1/2
    out = publicity(settings={"quotas": {"gls": {"info": 1}}})
    [f] = out.find("publicity.staffing", "unit:gls")
    assert f.severity == "warning"
    assert "publicity_officer 1/2" in f.message["en"]
    assert "publicity_reviewer" not in f.message["en"]
    assert "宣传信息员 1/2" in f.message["zh"]


def test_people_out_of_post_do_not_count(org, publicity):
    org["people"] = [p for p in org["people"] if p.id != "y3"] + [
        person("y3", "ygs", roles=["publicity_reviewer", "commenter"], end="2014-06-30")]
    out = publicity(settings={"quotas": {"ygs": {"news": 1}}})
    [f] = out.find("publicity.staffing", "unit:ygs")
    assert "publicity_reviewer 0/1, commenter 0/1" in f.message["en"]
    mid = publicity(settings={"quotas": {"ygs": {"news": 1}}}, as_of="2014-06-30")
    assert mid.find("publicity.staffing") == []


def test_only_quota_units_are_checked_and_minimums_configurable(publicity):
    out = publicity(settings={"quotas": {"gls": {"info": 1}}, "staffing": {"publicity_officer": 1}})
    assert out.find("publicity.staffing") == []  # officers 1/1; reviewer and commenter defaults kept
    out = publicity(settings={"quotas": {"gls": {"info": 1}}, "staffing": {"publicity_officer": 1, "commenter": 2}})
    [f] = out.find("publicity.staffing")
    assert "commenter 1/2" in f.message["en"]
