"""Working days (CORE §3): weekends rest, ``[calendar] holidays`` add rest days,
``[calendar] workdays`` add make-up working days 调休; optionally China's official
calendar from the ``chinese-calendar`` package."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

import attrs

from bureaukit.messages import t
from bureaukit.periods import PeriodError, parse_date


@attrs.frozen
class Calendar:
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    official: Callable[[date], bool] | None = attrs.field(default=None, eq=False)
    """``chinese_calendar.is_workday`` when ``source = "chinese-calendar"``."""

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        if self.official is not None:
            return self.official(day)
        return day.weekday() < 5

    def workdays_between(self, start: date, end: date) -> list[date]:
        out = []
        d = start
        while d <= end:
            if self.is_workday(d):
                out.append(d)
            d += timedelta(days=1)
        return out


def expand_days(items: Iterable[str | date]) -> frozenset[date]:
    """Dates and ``a..b`` ranges (inclusive) as a set of days."""
    days: set[date] = set()
    for item in items:
        if isinstance(item, date):
            days.add(item)
            continue
        text = item.strip()
        if ".." in text:
            a_text, b_text = text.split("..", 1)
            a, b = parse_date(a_text), parse_date(b_text)
            if b < a:
                raise PeriodError(t("range_backwards", text=text))
            if (b - a).days > 366:
                # "2014-01-31..6014-02-06" is a typo, and would be a million days to expand
                raise PeriodError(t("range_too_long", text=text, days=(b - a).days + 1))
            while a <= b:
                days.add(a)
                a += timedelta(days=1)
        else:
            days.add(parse_date(text))
    return frozenset(days)


def official_calendar() -> Callable[[date], bool]:
    """China's official holidays and make-up days (the ``chinese-calendar`` package)."""
    from importlib import import_module

    try:
        chinese_calendar = import_module("chinese_calendar")
    except ImportError:
        raise PeriodError(t("calendar_needs_package")) from None

    def is_workday(day: date) -> bool:
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            raise PeriodError(t("calendar_no_year", year=day.year)) from None

    return is_workday
