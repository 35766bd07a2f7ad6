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
    assert "publicity_officer 1 of 2" in f.message["en"] and "宣传信息员 1 / 2 人" in f.message["zh"]
    assert "publicity_reviewer" not in f.message["en"]
    assert "宣传信息员 1 / 2 人" in f.message["zh"]


def test_people_out_of_post_do_not_count(org, publicity):
    org["people"] = [p for p in org["people"] if p.id != "y3"] + [
        person("y3", "ygs", roles=["publicity_reviewer", "commenter"], end="2014-06-30")]
    out = publicity(settings={"quotas": {"ygs": {"news": 1}}})
    [f] = out.find("publicity.staffing", "unit:ygs")
    assert "publicity_reviewer 0 of 1, commenter 0 of 1" in f.message["en"]
    mid = publicity(settings={"quotas": {"ygs": {"news": 1}}}, as_of="2014-06-30")
    assert mid.find("publicity.staffing") == []


def test_only_quota_units_are_checked_and_minimums_configurable(publicity):
    out = publicity(settings={"quotas": {"gls": {"info": 1}}, "staffing": {"publicity_officer": 1}})
    assert out.find("publicity.staffing") == []  # officers 1/1; reviewer and commenter defaults kept
    out = publicity(settings={"quotas": {"gls": {"info": 1}}, "staffing": {"publicity_officer": 1, "commenter": 2}})
    [f] = out.find("publicity.staffing")
    assert "commenter 1 of 2" in f.message["en"]


# --- staffing keys are role selectors (CORE §2) ----------------------------------------------


def test_a_minimum_per_unit_head_at_office_binds_office_quota_units_only(org, publicity):
    """``"unit_head@office" = 1``: each quota 科室 needs its own head in post; a quota 二级机构
    (ygs) is not bound by it. The office is otherwise fully staffed (p1, p2 officers; p3
    reviewer; p2 commenter)."""
    settings = {"quotas": {"office": {"info": 1}, "ygs": {"news": 1}},
                "staffing": {"unit_head@office": 1}}
    out = publicity(settings=settings)
    [f] = out.find("publicity.staffing")
    assert f.subject == "unit:office"
    assert f.message["en"] == "局办公室 lacks publicity staff in post on 2014-12-31: unit_head@office 0 of 1"
    assert f.message["zh"] == "局办公室宣传信息队伍不足（2014-12-31 在岗）：单位主要负责人 0 / 1 人"
    notes = [e.note_in("zh") for e in f.evidence]
    assert notes[0] == "宣传信息员：杨帆、赵丽（2 / 2 人）" and notes[-1] == "单位主要负责人：无（0 / 1 人）"
    # ygs has a head or not, it is no office: no finding either way
    org["people"] = [*org["people"], person("h_off", "office", roles=["unit_head"], name="杨帆"),
                     person("h_off2", "office", roles=["unit_head"], name="孙悦", end="2014-06-30")]
    out = publicity(settings=settings)
    assert out.find("publicity.staffing") == []
    # h_off2 left on 2014-06-30: with a minimum of 2 the office is 1/2 at year end
    out = publicity(settings={**settings, "staffing": {"unit_head@office": 2}})
    [f] = out.find("publicity.staffing")
    assert f.message["en"].endswith("unit_head@office 1 of 2")


def test_a_selector_over_two_kinds_and_the_plain_role_count_apart(org, publicity):
    """``"commenter@institution,station" = 2`` binds ygs and gls (二级机构) but not the office;
    the plain ``commenter = 1`` default still binds all three."""
    out = publicity(settings={"quotas": {"office": {"info": 1}, "ygs": {"news": 1}, "gls": {"info": 1}},
                              "staffing": {"publicity_officer": 1, "commenter@institution,station": 2}})
    got = {f.subject: f.message["en"].rpartition(": ")[2] for f in out.find("publicity.staffing")}
    assert got == {"unit:ygs": "commenter@institution,station 1 of 2",
                   "unit:gls": "commenter@institution,station 1 of 2"}


def test_bad_staffing_selectors_are_config_errors_with_their_paths(org):
    from bureaukit_publicity.campaign import CAMPAIGN

    from bureaukit.plugin import ConfigError
    from bureaukit.testing import check

    found = check(CAMPAIGN, **org, settings={"quotas": {"ygs": {"news": 1}}, "staffing": {
        "publicty_officer": 2, "unit_head@ofice": 1, "unit_head@office,office": 1, "commenter": -1}})
    got = {(i.path, i.message) for i in found if isinstance(i, ConfigError)}
    kinds = "the units' kinds: bureau, institution, office, station"
    assert got == {
        ("staffing.commenter", "must be ≥ 0, got -1"),
        ("staffing.publicty_officer", next(m for p, m in got if p == "staffing.publicty_officer")),
        ('staffing."unit_head@ofice"', f'no unit is of kind "ofice" (did you mean "office"?); {kinds}'),
        ('staffing."unit_head@office,office"', 'unit kind "office" named twice in "unit_head@office,office"'),
    }
    assert next(m for p, m in got if p == "staffing.publicty_officer").startswith(
        'unknown role "publicty_officer" (did you mean "publicity_officer"?); known roles: ')
