"""The core's phase support for staged campaigns: StepLog, 补课 (Makeup) and 转段 gates,
worked by hand on a two-phase campaign (A 03-01..03-31, B 04-01..04-30)."""

from __future__ import annotations

from datetime import date

import attrs

from bureaukit.campaigns import Phase
from bureaukit.gates import Gates, Makeup, Makeups, Trigger, Unmet
from bureaukit.periods import parse_period
from bureaukit.phases import StepLog, campaign_window, place_end, place_start, window_errors

A = Phase("a", "甲", date(2005, 3, 1), date(2005, 3, 31), ("x", "y"))
B = Phase("b", "乙", date(2005, 4, 1), date(2005, 4, 30), ("z",))


@attrs.frozen
class Row:
    unit: str
    phase: str
    step: str
    done: date | None


@attrs.frozen
class Ok:
    unit: str
    phase: str
    date: date


def d(md: str) -> date:
    return date.fromisoformat(f"2005-{md}")


def test_step_log_counts_from_the_first_start_and_reads_titles():
    log = StepLog([A, B], [Row("u", "甲", "x", d("03-10")), Row("u", "a", "y", d("04-02")),
                           Row("u", "a", "y", date(2004, 3, 5)),      # last year's: not this campaign's
                           Row("u", "b", "z", d("03-20"))])           # early work on B counts
    assert log.counts_by("u", "a", "x", d("03-10")) and not log.counts_by("u", "a", "x", d("03-09"))
    assert log.missing_by("u", A, A.end) == ["y"]
    assert log.missing_by("u", A, d("04-02")) == []
    assert log.done_on("u", "a", "y") == d("04-02")
    # B's step on 03-20 is within A: not moving on; nothing after A's end
    assert log.moved_on("u", 0) is None


def test_moved_on_is_the_earliest_later_step_after_the_end():
    rows = [Row("u", "b", "z", d("04-09")), Row("u", "b", "z", d("04-03")), Row("u", "b", "z", d("03-30"))]
    log = StepLog([A, B], rows)
    moved = log.moved_on("u", 0)
    assert moved is not None and moved.done == d("04-03")
    gates = Gates(log, {("u", "a"): Ok("u", "a", d("04-03"))})
    assert gates.moved_unapproved("u", 0) is None                       # approved that very day
    gates = Gates(log, {("u", "a"): Ok("u", "a", d("04-04"))})
    assert gates.moved_unapproved("u", 0) == moved                      # a day late
    assert not gates.approval_missing("u", 0, d("04-30"))               # approved (late)
    gates = Gates(log, {})
    assert gates.moved_unapproved("u", 1) is None                       # the last phase moves nowhere
    assert not gates.approval_missing("u", 0, d("04-30"))               # moved_unapproved covers it
    assert gates.approval_missing("u", 1, d("04-30")) and not gates.approval_missing("u", 1, d("04-29"))


def test_unmet_lists_late_and_missing_steps_extra_conditions_and_an_outstanding_makeup():
    log = StepLog([A, B], [Row("u", "a", "x", d("03-31"))])
    m = Makeup("u", "a", [Trigger(d("03-20"), "survey")], done=d("04-05"))
    gates = Gates(log, {})
    unmet = gates.unmet("u", 0, d("03-30"), [Unmet("无测评", "no survey")], m)
    assert [u.en for u in unmet] == ["step “x” done only on 2005-03-31", "step “y” not done", "no survey",
                                     "补课 outstanding since 2005-03-20"]
    assert [u.en for u in gates.unmet("u", 0, d("03-31"))] == ["step “y” not done"]


def test_makeup_dates():
    m = Makeup("u", "a", [Trigger(d("03-20"), "late"), Trigger(d("03-10"), "early", blocks=False)])
    assert m.first == d("03-10") and m.due(30) == d("04-09")
    assert not m.outstanding(d("03-19"))            # only the non-blocking trigger so far
    assert m.outstanding(d("03-20"))
    assert m.status(d("04-09"), 30) == "owed" and m.status(d("04-10"), 30) == "overdue"
    done = attrs.evolve(m, done=d("04-09"))
    assert not done.outstanding(d("04-09")) and done.outstanding(d("04-08"))
    assert done.status(d("06-30"), 30) == "on_time"
    assert attrs.evolve(m, done=d("04-10")).status(d("06-30"), 30) == "late"
    # a 补课 done before the first trigger is an older one: it does not count
    old = attrs.evolve(m, done=d("03-09"))
    assert old.done_on is None and old.status(d("04-10"), 30) == "overdue"


def test_makeups_gather_one_per_unit_and_phase():
    ms = Makeups({("u", "a"): (d("04-01"), None)})
    ms.add("u", "a", Trigger(d("03-20"), "one"))
    ms.add("u", "a", Trigger(d("03-25"), "two"))
    ms.add("v", "b", Trigger(d("04-20"), "three"))
    owed = ms.owed()
    assert [(m.unit, m.phase, len(m.triggers), m.done) for m in owed] == [
        ("u", "a", 2, d("04-01")), ("v", "b", 1, None)]


def test_month_days_placed_in_the_window():
    w = (date(2013, 5, 1), date(2014, 4, 30))
    assert place_start("04-01", w) == date(2014, 4, 1)
    assert place_end("03-31", date(2013, 6, 1)) == date(2014, 3, 31)
    assert place_start("2005-01-01", w) == date(2005, 1, 1)


def test_a_campaign_window_is_its_setting_else_the_period() -> None:
    """作风建设年 "从2013年5月开始, 到2014年4月底结束" as a window over a 2014 run."""
    year = parse_period("2014")
    assert campaign_window("2013-05-01..2014-04-30", year) == (date(2013, 5, 1), date(2014, 4, 30))
    assert campaign_window(None, year) == (date(2014, 1, 1), date(2014, 12, 31))
    assert campaign_window(None, None) == (date(2001, 1, 1), date(2001, 12, 31))
    assert list(window_errors(None)) == [] and list(window_errors("2014-H1")) == []
    [err] = window_errors("2014-13", "campaigns.style.window")
    assert (err.path, err.message) == ("campaigns.style.window", "\"2014-13\": month 13 does not exist")
