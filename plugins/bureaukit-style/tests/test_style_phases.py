"""Rule 6 — phases and steps: placed in the window; the core yields style.step_missing."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_style.campaign import CAMPAIGN
from bureaukit_style.records import Step

from bureaukit.testing import context


def placed(org, settings, period):
    ctx = context(CAMPAIGN, **org, settings=settings, period=period,
                  periods={"style-year": "2013-05-01..2014-04-30"})
    return [(p.id, p.start, p.end) for p in CAMPAIGN.phases(ctx)]


def test_zuofeng_phases_in_the_campaign_year(org):
    assert placed(org, {}, "style-year") == [
        ("mobilize", date(2013, 5, 1), date(2013, 5, 31)),
        ("implement", date(2013, 6, 1), date(2014, 3, 31)),   # end before start: next year
        ("summarize", date(2014, 4, 1), date(2014, 4, 30)),   # before the window start: next year
    ]


def test_window_setting_places_phases(org):
    assert placed(org, {"window": "2013-05-01..2014-04-30"}, "2014")[2][1] == date(2014, 4, 1)


def test_tigao_phases(org):
    assert placed(org, {"preset": "tigao"}, "2012") == [
        ("mobilize", date(2012, 3, 1), date(2012, 4, 30)),
        ("implement", date(2012, 4, 1), date(2012, 11, 30)),
        ("assess", date(2012, 11, 21), date(2012, 12, 10)),
    ]


def test_dates_given_as_dates(org):
    ph = [{"id": "x", "title": "X", "start": "2014-02-01", "end": date(2014, 2, 28), "steps": ["a"]}]
    assert placed(org, {"phases": ph}, "2014") == [("x", date(2014, 2, 1), date(2014, 2, 28))]


def test_step_missing(style):
    steps = [Step("office", "mobilize", "动员大会", date(2013, 5, 10)),
             Step("office", "动员部署", "工作方案", date(2013, 5, 31)),   # title, last day
             Step("ygs", "mobilize", "动员大会", date(2013, 5, 20)),
             Step("ygs", "mobilize", "工作方案", date(2013, 6, 1))]        # too late
    out = style(records={"steps": steps}, settings={"quotas": [], "meeting_max_minutes": 0},
                period="style-year", periods={"style-year": "2013-05-01..2014-04-30"},
                as_of="2013-06-30")
    found = sorted((f.subject, f.message["en"]) for f in out.find("style.step_missing"))
    # mobilize ended; ygs lacks 工作方案 in time, ygs_n lacks both; the root is not a participant
    assert [s for s, _ in found] == ["unit:ygs", "unit:ygs_n", "unit:ygs_n"]
    assert all(f.severity == "violation" for f in out.find("style.step_missing"))


def test_a_step_done_for_an_earlier_campaign_does_not_count(style):
    done = [Step(u, "mobilize", s, date(2013, 5, 10)) for u in ("office", "ygs") for s in ("动员大会", "工作方案")]
    last_year = [Step("ygs_n", "mobilize", s, date(2012, 5, 10)) for s in ("动员大会", "工作方案")]
    early = [Step("ygs_n", "mobilize", "动员大会", date(2013, 5, 1))]   # the window's first day
    out = style(records={"steps": done + last_year + early}, settings={"quotas": [], "meeting_max_minutes": 0},
                period="style-year", periods={"style-year": "2013-05-01..2014-04-30"}, as_of="2013-06-30")
    found = [(f.subject, f.message["zh"]) for f in out.find("style.step_missing")]
    assert found == [("unit:ygs_n", "动员部署阶段缺少环节“工作方案”（应于2013-05-31前完成）")]


@pytest.mark.parametrize("participants,expected", [(["office"], ["unit:office"]),
                                                   (None, ["unit:office", "unit:ygs", "unit:ygs_n"])])
def test_participants(style, participants, expected):
    s = {"quotas": [], "meeting_max_minutes": 0,
         "phases": [{"id": "p", "title": "P", "start": "01-01", "end": "01-31", "steps": ["a"]}]}
    if participants:
        s["participants"] = participants
    out = style(records={}, settings=s)
    assert sorted(f.subject for f in out.find("style.step_missing")) == expected
