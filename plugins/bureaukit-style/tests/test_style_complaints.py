"""Rule 5 — complaints: 有诉必理、有理必果 within 15 days; 一次性投诉查实停职制."""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Complaint

QUIET = {"quotas": [], "phases": [], "meeting_max_minutes": 0}
R = date(2014, 3, 1)


def test_resolved_boundaries(style):
    rows = [Complaint("T1", "ygs", R, date(2014, 3, 15), "已答复"),   # 14 days
            Complaint("T2", "ygs", R, date(2014, 3, 16), "已答复"),   # 15: at the limit
            Complaint("T3", "ygs", R, date(2014, 3, 17), "已答复")]   # 16: late
    out = style(records={"complaints": rows}, settings=QUIET)
    [f] = out.find("style.complaint")
    assert f.subject == "unit:ygs" and f.severity == "violation"
    assert "T3" in f.message["zh"] and "16" in f.message["zh"]
    assert f.due == date(2014, 3, 16)
    assert out.value("unit:ygs", "points") == "100.00"


def test_unresolved_by_as_of(style):
    rows = [Complaint("T1", "ygs", R),                                   # open
            Complaint("T2", "ygs", R, date(2014, 3, 5), None)]           # handled, no result
    at = style(records={"complaints": rows}, settings=QUIET, as_of="2014-03-16")
    assert at.find("style.complaint") == []                              # 15 days: not yet late
    late = style(records={"complaints": rows}, settings=QUIET, as_of="2014-03-17")
    assert sorted(f.message["en"].split()[1] for f in late.find("style.complaint")) == ["T1:", "T2:"]


def test_handled_after_as_of_reads_open(style):
    rows = [Complaint("T1", "ygs", R, date(2014, 3, 10), "已答复")]
    out = style(records={"complaints": rows}, settings={**QUIET, "complaint_days": 5},
                as_of="2014-03-09")
    [f] = out.find("style.complaint")
    assert "unresolved" in f.message["en"] and f.due == date(2014, 3, 6)


def test_suspension(style):
    rows = [Complaint("T1", "ygs", R, date(2014, 3, 3), "查实，停职", verified_against="p23")]
    out = style(records={"complaints": rows}, settings=QUIET)
    [f] = out.find("style.suspension")
    assert f.subject == "person:p23" and f.severity == "violation" and "T1" in f.message["zh"]
    assert out.find("style.complaint") == []
