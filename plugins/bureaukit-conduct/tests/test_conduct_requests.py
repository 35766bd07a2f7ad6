"""Rule 5: 限时办结 — on time when done on or before the limit."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_conduct.records import Request


def D(text: str) -> date:
    return date.fromisoformat(text)


def req(rid: str, limit: str, done: str | None, *, unit: str = "office", handler: str = "s_off",
        received: str = "2014-06-02") -> Request:
    return Request(rid, unit, handler, D(received), D(limit), D(done) if done else None)


@pytest.mark.parametrize(("done", "rate", "late"), [
    ("2014-06-09", "1.0000", False),  # a day early
    ("2014-06-10", "1.0000", False),  # on the limit day
    ("2014-06-11", "0.0000", True),   # a day late
])
def test_done_around_the_limit(conduct, done, rate, late):
    out = conduct(records={"requests": [req("Q1", "2014-06-10", done)]})
    assert out.value("unit:office", "on_time_rate") == rate
    found = out.find("conduct.request_overdue")
    assert len(found) == (1 if late else 0)
    if late:
        assert (found[0].subject, found[0].due) == ("person:s_off", D("2014-06-10"))
        assert "超时 1 天" in found[0].message["zh"] and "1 day(s) late" in found[0].message["en"]


@pytest.mark.parametrize(("limit", "counted"), [
    ("2014-06-29", True),   # limit before as_of: open and overdue
    ("2014-06-30", False),  # limit is as_of: not yet due, left out
    ("2014-07-01", False),
])
def test_open_requests_around_as_of(conduct, limit, counted):
    recs = [req("Q1", "2014-06-10", "2014-06-05"), req("Q2", limit, None)]
    out = conduct(records={"requests": recs}, as_of="2014-06-30")
    # counted: 1 on time / 2; else 1 / 1
    assert out.value("unit:office", "on_time_rate") == ("0.5000" if counted else "1.0000")
    assert len(out.find("conduct.request_overdue")) == (1 if counted else 0)


def test_done_after_as_of_reads_as_open(conduct):
    recs = [req("Q1", "2014-06-10", "2014-07-03")]
    out = conduct(records={"requests": recs}, as_of="2014-06-30")
    f = out.find("conduct.request_overdue")[0]
    assert "仍未办结，已超时 20 天" in f.message["zh"]
    assert out.value("unit:office", "on_time_rate") == "0.0000"


def test_no_score_when_nothing_counts(conduct):
    out = conduct(records={"requests": [req("Q1", "2014-07-10", None)]}, as_of="2014-06-30")
    assert not out.has_score("unit:office", "on_time_rate")
    assert out.find("conduct.request_overdue") == []


def test_requests_received_after_as_of_are_left_out(conduct):
    recs = [req("Q1", "2014-06-10", "2014-06-09"),
            req("Q2", "2014-07-02", None, received="2014-07-01")]
    out = conduct(records={"requests": recs}, as_of="2014-06-30")
    assert out.value("unit:office", "on_time_rate") == "1.0000"


def test_rate_per_unit(conduct):
    recs = [req("Q1", "2014-06-10", "2014-06-09"),
            req("Q2", "2014-06-10", "2014-06-12", unit="st", handler="s_st"),
            req("Q3", "2014-06-10", "2014-06-10", unit="st", handler="s_st"),
            req("Q4", "2014-06-10", "2014-06-10", unit="st", handler="h_st")]
    out = conduct(records={"requests": recs})
    assert out.value("unit:office", "on_time_rate") == "1.0000"
    assert out.value("unit:st", "on_time_rate") == "0.6667"  # 2 / 3
