"""Periods 考核期, the as-of date, time progress 序时进度 and quota buckets (CORE §3)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal, get_args

import attrs

from bureaukit.messages import t

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")

Per = Literal["workday", "week", "fortnight", "month", "quarter", "half", "year", "window"]
"""What a quota counts per: a settings field typed ``Per`` accepts exactly these."""

BUCKETS: tuple[Per, ...] = get_args(Per)


class PeriodError(ValueError):
    """A period id, date or range that cannot be read."""


@attrs.frozen
class Period:
    """An assessment period: ``id`` as written (``2014``, ``2014-H1``, a range or a name)."""

    id: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def month_day(self, md: str) -> date:
        """A ``"MM-DD"`` placed in the year of the period's start."""
        return month_day(md, self.start.year)


def month_day(md: str, year: int) -> date:
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})", md.strip())
    if not m:
        raise PeriodError(t("month_day", value=md))
    try:
        return date(year, int(m.group(1)), int(m.group(2)))
    except ValueError:
        raise PeriodError(t("not_a_day_of", value=md, year=year)) from None


def parse_date(text: str) -> date:
    """A date as a ledger cell may hold it (``2014-06-30``, ``2014/6/30``,
    ``2014年6月30日``, REPORTS §5), not an Excel serial number."""
    from bureaukit.cells import CellError, to_date

    try:
        if text.strip().isdigit():
            raise CellError(text)
        day: date = to_date(text)
    except CellError:
        raise PeriodError(t("date_form", value=text)) from None
    return day


def _month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


def parse_period(text: str, named: Mapping[str, str] | None = None) -> Period:
    """Read a period id: ``2014``, ``2014-H1``, ``2014-Q2``, ``2014-07``,
    ``2013-05-01..2014-04-30`` or a name from ``[periods]``."""
    pid = text.strip()
    if named and pid in named:
        inner = parse_period(named[pid])
        return Period(pid, inner.start, inner.end)
    if m := _YEAR.match(pid):
        y = int(m.group(1))
        return Period(pid, date(y, 1, 1), date(y, 12, 31))
    if m := _HALF.match(pid):
        y, h = int(m.group(1)), int(m.group(2))
        return Period(pid, date(y, 1 if h == 1 else 7, 1), date(y, 6, 30) if h == 1 else date(y, 12, 31))
    if m := _QUARTER.match(pid):
        y, q = int(m.group(1)), int(m.group(2))
        return Period(pid, date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if m := _MONTH.match(pid):
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            raise PeriodError(t("no_such_month", pid=pid, month=mo))
        return Period(pid, date(y, mo, 1), _month_end(y, mo))
    if m := _RANGE.match(pid):
        a, b = parse_date(m.group(1)), parse_date(m.group(2))
        if b < a:
            raise PeriodError(t("range_backwards", text=pid))
        return Period(pid, a, b)
    known = ", ".join(sorted(named or {})) or t("none_defined")
    raise PeriodError(t("unknown_period", pid=pid, known=known))


def time_progress(period: Period, as_of: date, mode: str = "days") -> Decimal:
    """Elapsed share of the period at *as_of*, both ends inclusive (unrounded).

    ``days``: days elapsed / days in period. ``months``: months wholly elapsed (their
    last day, or the period's end if earlier, on or before *as_of*) / months touched.
    """
    if as_of < period.start:
        return Decimal(0)
    if as_of >= period.end:
        return Decimal(1)
    if mode == "months":
        months = list(_months(period.start, period.end))
        done = sum(1 for (y, m) in months if min(_month_end(y, m), period.end) <= as_of)
        return Decimal(done) / Decimal(len(months))
    return Decimal((as_of - period.start).days + 1) / Decimal(period.days)


def _months(start: date, end: date) -> Iterable[tuple[int, int]]:
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


@attrs.frozen
class Bucket:
    """One span a quota is checked over, labelled as reports show it."""

    label: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def buckets(
    per: Per,
    start: date,
    end: date,
    is_workday: Callable[[date], bool] | None = None,
) -> list[Bucket]:
    """Every *per* bucket lying wholly inside [start, end], in order (CORE §3)."""
    out: list[Bucket] = []
    if per == "window":
        return [Bucket(f"{start.isoformat()}..{end.isoformat()}", start, end)]
    if per == "workday":
        check = is_workday or (lambda d: d.weekday() < 5)
        d = start
        while d <= end:
            if check(d):
                out.append(Bucket(d.isoformat(), d, d))
            d += timedelta(days=1)
        return out
    if per in ("week", "fortnight"):
        d = start + timedelta(days=(7 - start.weekday()) % 7)  # first Monday on or after start
        span = 7 if per == "week" else 14
        while d + timedelta(days=span - 1) <= end:
            last = d + timedelta(days=span - 1)
            if per == "week":
                iso = d.isocalendar()
                label = f"{iso.year}-W{iso.week:02d}"
            else:
                label = d.isoformat()
            out.append(Bucket(label, d, last))
            d += timedelta(days=span)
        return out
    if per in ("month", "quarter", "half", "year"):
        step = {"month": 1, "quarter": 3, "half": 6, "year": 12}[per]
        for y in range(start.year, end.year + 1):
            for first in range(1, 13, step):
                a = date(y, first, 1)
                b = _month_end(y, first + step - 1)
                if a < start or b > end:
                    continue
                if per == "month":
                    label = f"{y}-{first:02d}"
                elif per == "quarter":
                    label = f"{y}-Q{(first - 1) // 3 + 1}"
                elif per == "half":
                    label = f"{y}-H{1 if first == 1 else 2}"
                else:
                    label = str(y)
                out.append(Bucket(label, a, b))
        return out
    raise PeriodError(t("unknown_bucket", per=per, known=", ".join(BUCKETS)))


def answers_in_period(received: date, done: date | None, due: date, start: date) -> bool:
    """Whether a run of the period starting on *start* answers for an item's deadline (a
    request's 限时, a case's reply, a complaint's handling): received in the period, or
    received before it and, on the period's eve, neither done nor past its deadline.

    Each lapse is then reported in exactly one period: the previous period's final run,
    as of that eve, saw every item done by then or already late; one still open and not
    yet due (received 2013-12-28, due 2014-01-04, done 01-10) is this period's — while
    runs left out rows received before their period, it was late in no year."""
    if received >= start:
        return True
    return (done is None or done >= start) and due >= start - timedelta(days=1)


def half_of(day: date) -> str:
    """``YYYY-H1`` (Jan–Jun) or ``YYYY-H2`` (Jul–Dec) of a day."""
    return f"{day.year}-H{1 if day.month <= 6 else 2}"
