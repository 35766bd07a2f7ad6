"""Edges a clerk's ledger hits, worked by hand against the seeds (tenth session's red team)."""

from __future__ import annotations

from datetime import date

import pytest
from bureaukit_conduct.records import Request


def _req(id: str, received: str, limit: str, done: str | None) -> Request:
    return Request(id, "inst", "s_inst", date.fromisoformat(received), date.fromisoformat(limit),
                   date.fromisoformat(done) if done else None)


@pytest.mark.parametrize("received, limit, done, counted, late", [
    # seed 004 三 "严格落实首办负责制 … 限时办结制": each request answers for its limit in exactly one year.
    # received 2013-12-28, limit 2014-01-05, done 2014-01-10: the 2013 run (as of 12-31) saw it open
    # and not yet due; it is late in 2014 (5 days) — on_time_rate 0 / 1 in 2014
    ("2013-12-28", "2014-01-05", "2014-01-10", True, True),
    # done on time in January: on time in 2014, 1 / 1
    ("2013-12-30", "2014-01-06", "2014-01-06", True, False),
    # limit on the eve itself, 2013-12-31, open then: the 2013 run left it out (not yet past its
    # limit as of 12-31); late in 2014
    ("2013-12-24", "2013-12-31", "2014-01-02", True, True),
    # limit 2013-12-27 passed while still open on 12-31: the 2013 run counted it late; not again
    ("2013-12-20", "2013-12-27", "2014-01-03", False, False),
    # done in 2013: the 2013 run counted it
    ("2013-12-20", "2014-01-05", "2013-12-30", False, False),
])
def test_a_request_received_before_the_period_counts_in_the_year_it_resolves_or_lapses(
        conduct, received, limit, done, counted, late):
    out = conduct(records={"requests": [_req("Q1", received, limit, done)]})
    late_found = out.find("conduct.request_overdue")
    assert [f.subject for f in late_found] == (["person:s_inst"] if late else [])
    if counted:
        assert out.value("unit:inst", "on_time_rate") == ("0.0000" if late else "1.0000")
    else:
        assert not out.has_score("unit:inst", "on_time_rate")
    # and the 2013 run, as of its end, reports it only where the 2014 run does not
    last_year = conduct(records={"requests": [_req("Q1", received, limit, done)]}, period="2013")
    assert last_year.has_score("unit:inst", "on_time_rate") is not counted
