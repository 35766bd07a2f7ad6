"""Rule 3 — 局两周一次的工作例会时间不超过90分钟."""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Meeting
from bureaukit_style.records import MeetingKind as M

# 2014-03-03 is a Monday: fortnights 03-03..03-16, 03-17..03-30
WINDOW = {"quotas": [], "phases": [], "window": "2014-03-01..2014-03-31"}


def test_overlong_boundaries(style):
    rows = [Meeting("H1", "bureau", date(2014, 3, 4), M.biweekly, 89),
            Meeting("H2", "bureau", date(2014, 3, 18), M.biweekly, 90),
            Meeting("H3", "ygs", date(2014, 3, 19), M.biweekly, 91),
            Meeting("H4", "bureau", date(2014, 3, 20), M.other, 180),
            Meeting("H5", "bureau", date(2014, 3, 21), M.biweekly, None)]
    out = style(records={"meetings": rows}, settings=WINDOW)
    [f] = out.find("style.meeting_overlong")
    assert f.subject == "unit:ygs" and "91" in f.message["zh"] and "H3" in f.message["en"]
    assert out.find("style.meeting_missing") == []
    assert out.value("unit:ygs", "points") == "100.00"  # findings only


def test_missing_fortnight_on_root(style):
    rows = [Meeting("H1", "bureau", date(2014, 3, 16), M.biweekly, 60),   # last day of 1st
            Meeting("H2", "ygs", date(2014, 3, 18), M.biweekly, 60),      # not the root's
            Meeting("H3", "bureau", date(2014, 3, 20), M.other, 60)]      # not biweekly
    out = style(records={"meetings": rows}, settings=WINDOW)
    [f] = out.find("style.meeting_missing")
    assert f.subject == "unit:bureau" and f.severity == "info"
    assert f.due == date(2014, 3, 30) and "2014-03-17" in f.message["en"]


def test_current_fortnight_not_yet_missed(style):
    out = style(records={}, settings=WINDOW, as_of="2014-03-29", period="2014-03")
    assert [f.due for f in out.find("style.meeting_missing")] == [date(2014, 3, 16)]


def test_configured_limit_and_off(style):
    rows = [Meeting("H1", "bureau", date(2014, 3, 4), M.biweekly, 70)]
    out = style(records={"meetings": rows}, settings={**WINDOW, "meeting_max_minutes": 60})
    assert len(out.find("style.meeting_overlong")) == 1
    off = style(records={"meetings": rows}, settings={**WINDOW, "meeting_max_minutes": 0})
    assert off.find("style.meeting_overlong") == [] and off.find("style.meeting_missing") == []
    tigao = style(records={"meetings": rows}, settings={**WINDOW, "preset": "tigao"})
    assert tigao.find("style.meeting_overlong") == [] and tigao.find("style.meeting_missing") == []
