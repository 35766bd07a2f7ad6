"""The Context handed to a campaign's ``score`` and the shared quota rule (CORE §7–§8)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Literal, TypeVar

import attrs

from bureaukit._repr import FieldsRepr
from bureaukit.org import Org
from bureaukit.outcomes import Evidence
from bureaukit.periods import Bucket, Period, buckets, time_progress
from bureaukit.records import RecordSpec, record_spec
from bureaukit.workcalendar import Calendar

R = TypeVar("R")
_UNSET: Any = object()


@attrs.frozen(repr=False)
class Origin(FieldsRepr):
    """Where a record was read: the ledger file as the config names it, and its row."""

    source: str
    row: int


@attrs.frozen(repr=False)
class Who(FieldsRepr):
    """Who a quota binds: ``Who.role("unit_head")``, ``Who.unit_kinds("office")``,
    ``Who.bureau()`` (the root unit), ``Who.people()`` (every person) or
    ``Who.units("road", ...)``."""

    scope: Literal["role", "unit_kinds", "bureau", "people", "units"]
    values: tuple[str, ...] = ()

    @classmethod
    def role(cls, role: str) -> Who:
        return cls("role", (role,))

    @classmethod
    def unit_kinds(cls, *kinds: str) -> Who:
        return cls("unit_kinds", tuple(kinds))

    @classmethod
    def units(cls, *ids: str) -> Who:
        return cls("units", tuple(ids))

    @classmethod
    def bureau(cls) -> Who:
        return cls("bureau")

    @classmethod
    def people(cls) -> Who:
        return cls("people")

    @property
    def binds_people(self) -> bool:
        return self.scope in ("role", "people")


@attrs.frozen(repr=False)
class Shortfall(FieldsRepr):
    """A quota missed: *subject* had *have* of *need* records in *bucket*."""

    subject: str
    bucket: Bucket
    have: int
    need: int


def filter_records(
    spec: RecordSpec, records: Sequence[Any], period: Period, as_of: date
) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """The records of one run: dated ones on or before *as_of* (and, unless the kind
    keeps them, on or after the period start); completion dates after *as_of* read as
    empty. Returns the records and the (new, original) pairs of records changed."""
    dated = spec.ledger.dated
    keep_early = spec.ledger.before_period
    completed = spec.ledger.completed
    out: list[Any] = []
    changed: list[tuple[Any, Any]] = []
    start = period.start
    for r in records:
        if dated is not None:
            d = getattr(r, dated)
            if d > as_of or (not keep_early and d < start):
                continue
        if completed:
            late = {c: None for c in completed if (v := getattr(r, c)) is not None and v > as_of}
            if late:
                new = attrs.evolve(r, **late)
                changed.append((new, r))
                r = new
        out.append(r)
    return out, changed


class CheckContext:
    """What a campaign's ``check`` sees: the org, its settings and all its records."""

    def __init__(
        self,
        org: Org,
        settings: Any,
        records: Mapping[str, Sequence[Any]],
        origins: Mapping[int, Origin],
        period: Period | None = None,
    ) -> None:
        self.org = org
        self.settings = settings
        self.records = records
        self.origins = origins
        self.period = period

    def origin(self, record: object) -> Origin | None:
        return self.origins.get(id(record))


class Context:
    """Everything a campaign's ``score`` needs for one run.

    ``records`` maps each record kind to the run's records (already filtered to
    ``as_of``); ``settings`` is the campaign's structured settings.
    """

    def __init__(
        self,
        *,
        campaign: str,
        org: Org,
        period: Period,
        as_of: date,
        calendar: Calendar,
        settings: Any,
        records: Mapping[str, Sequence[Any]],
        origins: Mapping[int, Origin],
        specs: Mapping[str, RecordSpec],
        progress_mode: str = "days",
    ) -> None:
        self.campaign = campaign
        self.org = org
        self.period = period
        self.as_of = as_of
        self.calendar = calendar
        self.settings = settings
        self.final = as_of == period.end
        self.time_progress: Decimal = time_progress(period, as_of, progress_mode)
        self._all = records
        self._specs = specs
        self._progress_mode = progress_mode
        self._origins: dict[int, Origin] | Mapping[int, Origin] = origins
        run: dict[str, tuple[Any, ...]] = {}
        overlay: dict[int, Origin] = {}
        for kind, recs in records.items():
            kept, changed = filter_records(specs[kind], recs, period, as_of)
            run[kind] = tuple(kept)
            for new, old in changed:
                o = origins.get(id(old))
                if o is not None:
                    overlay[id(new)] = o
        if overlay:
            merged = dict(origins)
            merged.update(overlay)
            self._origins = merged
        self._keep_alive = run
        self.records: Mapping[str, tuple[Any, ...]] = run
        self._key_fns: dict[type, Any] = {}

    # --- time --------------------------------------------------------------------
    def at(self, as_of: date) -> Context:
        """The same campaign as a run with another ``as_of`` would see it."""
        return Context(
            campaign=self.campaign,
            org=self.org,
            period=self.period,
            as_of=as_of,
            calendar=self.calendar,
            settings=self.settings,
            records=self._all,
            origins=self._origins,
            specs=self._specs,
            progress_mode=self._progress_mode,
        )

    def buckets(self, per: str, window: tuple[date, date] | None = None) -> list[Bucket]:
        """The elapsed *per* buckets wholly inside the window (default the period)."""
        start, end = window or (self.period.start, self.period.end)
        return [
            b for b in buckets(per, start, end, self.calendar.is_workday) if b.end <= self.as_of
        ]

    # --- evidence ----------------------------------------------------------------
    def origin(self, record: object) -> Origin | None:
        return self._origins.get(id(record))

    def evidence(self, record: object, note: str = "") -> Evidence:
        """Evidence pointing at *record*'s file, row and key, with a note."""
        o = self._origins.get(id(record))
        # the key function per record class, looked up once per run: campaigns cite
        # evidence about once per ledger row, and record_spec + key_of per call added up
        cls = type(record)
        key_of = self._key_fns.get(cls, _UNSET)
        if key_of is _UNSET:
            try:
                key_of = record_spec(cls).key_of
            except TypeError:
                key_of = None
            self._key_fns[cls] = key_of
        key = key_of(record) if key_of is not None else None
        return Evidence(o.source if o else None, o.row if o else None, key, note)

    # --- quotas (CORE §8) -----------------------------------------------------------
    def quota(
        self,
        who: Who,
        records: Iterable[R],
        *,
        min: int,
        per: str,
        window: tuple[date, date] | None = None,
        where: Callable[[R], bool] | None = None,
        date_of: Callable[[R], date] | None = None,
        by: Callable[[R], str | None] | None = None,
    ) -> list[Shortfall]:
        """Each subject *who* names needs at least *min* of *records* per elapsed *per*
        bucket; returns the shortfalls (subject, bucket, have, need), in subject order.

        A person quota counts the records whose ``person`` is that person, a unit quota
        those whose ``unit`` is that unit (``by`` overrides); a record is placed in a
        bucket by its dating field (``date_of`` overrides). A person is held only to
        buckets lying wholly inside their span (start/end). *where* filters records.
        """
        start, end = window or (self.period.start, self.period.end)
        subjects: list[tuple[str, str, date | None, date | None]] = []
        if who.binds_people:
            people = (
                self.org.everyone()
                if who.scope == "people"
                else self.org.with_role(who.values[0])
            )
            for p in people:
                if p.overlaps(start, end):
                    subjects.append((f"person:{p.id}", p.id, p.start, p.end))
            attr = "person"
        else:
            if who.scope == "bureau":
                ids = [self.org.root.id]
            elif who.scope == "units":
                ids = sorted(u for u in who.values if u in self.org.units)
            else:
                ids = [u.id for u in self.org.units_of_kind(*who.values)]
            subjects = [(f"unit:{u}", u, None, None) for u in ids]
            attr = "unit"
        owner = by or (lambda r: getattr(r, attr, None))
        dates: dict[str, list[date]] = {}
        for r in records:
            if where is not None and not where(r):
                continue
            key = owner(r)
            if key is None:
                continue
            if date_of is not None:
                d = date_of(r)
            else:
                dated = record_spec(type(r)).ledger.dated
                if dated is None:
                    raise TypeError(f"{type(r).__name__} has no dating field: pass date_of=")
                d = getattr(r, dated)
            dates.setdefault(key, []).append(d)
        for ds in dates.values():
            ds.sort()
        spans = self.buckets(per, (start, end))
        out: list[Shortfall] = []
        for subject, key, s_start, s_end in subjects:
            ds = dates.get(key, [])
            for b in spans:
                if (s_start is not None and b.start < s_start) or (s_end is not None and b.end > s_end):
                    continue
                have = bisect_right(ds, b.end) - bisect_left(ds, b.start)
                if have < min:
                    out.append(Shortfall(subject, b, have, min))
        return out
