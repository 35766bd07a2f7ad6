import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bureaukit.periods import PeriodError, answers_in_period, buckets, parse_period, time_progress
from bureaukit.workcalendar import Calendar, expand_days


@pytest.mark.parametrize(
    ("pid", "start", "end"),
    [
        ("2014", date(2014, 1, 1), date(2014, 12, 31)),
        ("2014-H1", date(2014, 1, 1), date(2014, 6, 30)),
        ("2014-H2", date(2014, 7, 1), date(2014, 12, 31)),
        ("2014-Q1", date(2014, 1, 1), date(2014, 3, 31)),
        ("2012-Q1", date(2012, 1, 1), date(2012, 3, 31)),
        ("2014-02", date(2014, 2, 1), date(2014, 2, 28)),
        ("2012-02", date(2012, 2, 1), date(2012, 2, 29)),
        ("2013-05-01..2014-04-30", date(2013, 5, 1), date(2014, 4, 30)),
    ],
)
def test_period_forms(pid: str, start: date, end: date) -> None:
    p = parse_period(pid)
    assert (p.id, p.start, p.end) == (pid, start, end)


def test_named_period() -> None:
    p = parse_period("style-year", {"style-year": "2013-05-01..2014-04-30"})
    assert (p.id, p.start, p.end) == ("style-year", date(2013, 5, 1), date(2014, 4, 30))


@pytest.mark.parametrize("bad", ["2014-13", "2014-H3", "14", "2014-02-30..2014-03-01", "2014-05-01..2014-04-01", "nope"])
def test_bad_periods_are_errors(bad: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(bad)


def test_time_progress_days_and_months() -> None:
    y = parse_period("2014")
    assert time_progress(y, date(2014, 12, 31)) == 1
    assert time_progress(y, date(2014, 1, 1)) == Decimal(1) / Decimal(365)
    assert time_progress(y, date(2014, 7, 31)) == Decimal(212) / Decimal(365)
    assert time_progress(y, date(2014, 7, 31), "months") == Decimal(7) / Decimal(12)
    assert time_progress(y, date(2014, 7, 30), "months") == Decimal(6) / Decimal(12)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 800))
def test_time_progress_is_monotonic_and_bounded(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    p = parse_period(f"{start.isoformat()}..{end.isoformat()}")
    prev = Decimal(-1)
    d = start
    while d <= end:
        tp = time_progress(p, d)
        assert 0 < tp <= 1
        assert tp > prev
        prev = tp
        d += timedelta(days=max(1, length // 7))
    assert time_progress(p, end) == 1


def test_week_and_fortnight_buckets_lie_wholly_inside() -> None:
    # 2014-03-01 is a Saturday: the first Monday is 03-03
    weeks = buckets("week", date(2014, 3, 1), date(2014, 3, 31))
    assert [b.label for b in weeks] == ["2014-W10", "2014-W11", "2014-W12", "2014-W13"]
    assert weeks[0].start == date(2014, 3, 3) and weeks[-1].end == date(2014, 3, 30)
    fortnights = buckets("fortnight", date(2014, 3, 1), date(2014, 3, 31))
    assert [(b.label, b.end) for b in fortnights] == [("2014-03-03", date(2014, 3, 16)), ("2014-03-17", date(2014, 3, 30))]


def test_calendar_buckets_and_labels() -> None:
    window = (date(2013, 5, 1), date(2014, 4, 30))
    assert [b.label for b in buckets("quarter", *window)] == ["2013-Q3", "2013-Q4", "2014-Q1"]
    assert [b.label for b in buckets("half", *window)] == ["2013-H2"]
    assert buckets("year", *window) == []
    assert [b.label for b in buckets("window", *window)] == ["2013-05-01..2014-04-30"]
    assert len(buckets("month", *window)) == 12


@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 1, 1)), st.integers(0, 400),
       st.sampled_from(["week", "fortnight", "month", "quarter", "half", "year", "workday"]))
def test_buckets_are_inside_ordered_and_disjoint(start: date, length: int, per: str) -> None:
    end = start + timedelta(days=length)
    bs = buckets(per, start, end)
    for a, b in itertools.pairwise(bs):
        assert a.end < b.start
    for b in bs:
        assert start <= b.start <= b.end <= end


def test_workdays_follow_holidays_and_makeup_days() -> None:
    cal = Calendar(expand_days(["2014-01-31..2014-02-06"]), expand_days(["2014-01-26", "2014-02-08"]))
    days = [b.label for b in buckets("workday", date(2014, 1, 25), date(2014, 2, 9), cal.is_workday)]
    assert days == ["2014-01-26", "2014-01-27", "2014-01-28", "2014-01-29", "2014-01-30", "2014-02-07", "2014-02-08"]


D = date.fromisoformat
START_2014 = D("2014-01-01")


@pytest.mark.parametrize(("received", "done", "due", "answers"), [
    ("2014-03-01", None, "2014-03-15", True),          # received in the period
    ("2013-12-28", "2014-01-10", "2014-01-05", True),  # open on the eve, due after it: late in 2014
    ("2013-12-28", "2014-01-03", "2014-01-05", True),  # on time in January: counted in 2014
    ("2013-12-28", None, "2013-12-31", True),          # due on the eve itself: 2013's run saw it not yet late
    ("2013-12-20", None, "2013-12-30", False),         # late before the eve: 2013's final run reported it
    ("2013-12-20", "2013-12-31", "2014-01-05", False),  # done on the eve: 2013's
    ("2013-12-20", "2014-01-01", "2013-12-25", False),  # late and still open on the eve: 2013's lapse
])
def test_an_item_answers_for_its_deadline_in_exactly_one_period(
        received: str, done: str | None, due: str, answers: bool) -> None:
    """answers_in_period for 2014 by hand; and the same item for 2013 (start 2013-01-01,
    as that year's final run on 2013-12-31 sees it) is 2013's exactly when it is not 2014's."""
    done_day = None if done is None else D(done)
    assert answers_in_period(D(received), done_day, D(due), START_2014) is answers
    in_2013 = D(received) <= D("2013-12-31") and (
        done_day is not None and done_day <= D("2013-12-31") or D(due) < D("2013-12-31"))
    assert in_2013 is not answers or D(received) >= START_2014
