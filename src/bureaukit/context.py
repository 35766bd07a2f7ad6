"""The Context handed to a campaign's ``score`` and the shared quota rule (CORE §7–§8)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Generic, Literal

import attrs
from typing_extensions import TypeVar

from bureaukit.org import Org
from bureaukit.outcomes import Evidence, Finding, Note, Severity, person_subject, unit_subject
from bureaukit.periods import Bucket, Per, Period, buckets, time_progress
from bureaukit.provenance import Origin, Provenance
from bureaukit.records import RecordSpec, record_spec
from bureaukit.roles import Roles, SelectorError, format_selector, parse_selector
from bureaukit.workcalendar import Calendar

R = TypeVar("R")
S = TypeVar("S", default=Any)
"""The campaign's settings class: ``Context[InvestmentSettings]``."""


@attrs.frozen
class Who:
    """Who a quota binds: ``Who.role("unit_head")`` or ``Who.role("unit_head@station")``
    (role selectors, CORE §2: each person any of them matches), ``Who.unit_kinds("office")``,
    ``Who.bureau()`` (the root unit), ``Who.people()`` (every person) or
    ``Who.units("road", ...)``."""

    scope: Literal["role", "unit_kinds", "bureau", "people", "units"]
    values: tuple[str, ...] = ()

    @classmethod
    def role(cls, *selectors: str) -> Who:
        """Each person any of the role *selectors* matches; a malformed selector raises
        :class:`bureaukit.roles.SelectorError` here, not mid-score."""
        if not selectors:
            raise SelectorError("Who.role needs at least one role selector")
        return cls("role", tuple(format_selector(parse_selector(s)) for s in selectors))

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

    def __str__(self) -> str:
        """As a message names it: ``role unit_head@station``, ``unit kinds office/station``,
        ``units road/bridge``, ``bureau``, ``people``."""
        if self.scope == "role":
            return "role " + "/".join(self.values)
        if self.scope in ("unit_kinds", "units"):
            return self.scope.replace("_", " ") + " " + "/".join(self.values)
        return self.scope


@attrs.frozen
class Shortfall:
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
            # a plain loop first: the dict of late fields was built for every record,
            # and a completion after as_of is rare
            for c in completed:
                v = getattr(r, c)
                if v is not None and v > as_of:
                    late = {c: None for c in completed if (v := getattr(r, c)) is not None and v > as_of}
                    new = attrs.evolve(r, **late)
                    changed.append((new, r))
                    r = new
                    break
        out.append(r)
    return out, changed


def _has_key(cls: type) -> bool:
    """Records of *cls* have a key (a record class whose ledger declares one)."""
    try:
        return bool(record_spec(cls).ledger.key)
    except TypeError:  # not a record class: cited by its origin alone
        return False


class CheckContext(Generic[S]):
    """What a campaign's ``check`` sees: the org, its settings and all its records."""

    def __init__(
        self,
        org: Org,
        settings: S,
        records: Mapping[str, Sequence[Any]],
        provenance: Provenance,
        period: Period | None = None,
    ) -> None:
        self.org = org
        self.settings = settings
        self.records = records
        self.provenance = provenance
        self.period = period

    def origin(self, record: object) -> Origin | None:
        return self.provenance.origin(record)


class Context(Generic[S]):
    """Everything a campaign's ``score`` needs for one run.

    ``records`` maps each record kind to the run's records (already filtered to
    ``as_of``; :meth:`records_of` gives them by record class); ``settings`` is the
    campaign's structured settings, typed ``S`` for ``Context[S]``.
    """

    def __init__(
        self,
        *,
        campaign: str,
        org: Org,
        period: Period,
        as_of: date,
        calendar: Calendar,
        settings: S,
        records: Mapping[str, Sequence[Any]],
        provenance: Provenance,
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
        self._bureau_provenance = provenance
        run: dict[str, tuple[Any, ...]] = {}
        remade: list[tuple[object, object]] = []
        for kind, recs in records.items():
            kept, changed = filter_records(specs[kind], recs, period, as_of)
            run[kind] = tuple(kept)
            remade += changed
        self.provenance = provenance.derived(remade) if remade else provenance
        self.records: Mapping[str, tuple[Any, ...]] = run
        self._keyed: dict[type, bool] = {}
        self._codes: dict[str, str] = {}

    def records_of(self, cls: type[R]) -> tuple[R, ...]:
        """The run's records of the kind whose record class is *cls*:
        ``ctx.records_of(Project)``. A class the campaign does not register is an error
        naming the kinds it has."""
        for kind, spec in self._specs.items():
            if spec.cls is cls:
                return self.records.get(kind, ())
        known = ", ".join(f"{k} ({s.cls.__name__})" for k, s in self._specs.items()) or "none"
        name = getattr(cls, "__name__", repr(cls))
        raise TypeError(f"{name} is not a record kind of campaign {self.campaign}; its kinds: {known}")

    def finding(
        self,
        subject: str,
        name: str,
        severity: Severity,
        message: Mapping[str, str] | None = None,
        *,
        zh: str | None = None,
        en: str | None = None,
        due: date | None = None,
        evidence: Iterable[Evidence] = (),
    ) -> Finding:
        """A :class:`Finding` coded ``<campaign>.<name>`` with its message, as :func:`say`
        makes it: ``ctx.finding(unit("ygs"), "late", "warning", say(MESSAGES["late"], ...))``.

        ``zh=`` and ``en=`` (two finished texts instead of *message*) is how plugins
        written for plugin API 1 before ``say`` made messages still call it
        (docs/compatibility.md); a message is given one way or the other."""
        if message is None:
            if zh is None or en is None:
                raise TypeError("ctx.finding needs a message: say(template, **fields)")
            message = {"zh": zh, "en": en}
        elif zh is not None or en is not None:
            raise TypeError("ctx.finding takes a message or zh= and en=, not both")
        # one code text per kind of finding, not one per finding (a big run has ~250k)
        code = self._codes.get(name)
        if code is None:
            code = self._codes[name] = f"{self.campaign}.{name}"
        return Finding(subject, code, severity, message, due, tuple(evidence), campaign=self.campaign)

    def person_name(self, person_id: str) -> str:
        """The person's name as a note shows it (the id when the org has no such person):
        a campaign passes the name to its note, never the org."""
        p = self.org.people.get(person_id)
        return p.name if p is not None else person_id

    def unit_name(self, unit_id: str) -> str:
        """The unit's name as a note shows it (the id when the org has no such unit)."""
        u = self.org.units.get(unit_id)
        return u.name if u is not None else unit_id

    # --- time --------------------------------------------------------------------
    def at(self, as_of: date) -> Context[S]:
        """The same campaign as a run with another ``as_of`` would see it."""
        return Context(
            campaign=self.campaign,
            org=self.org,
            period=self.period,
            as_of=as_of,
            calendar=self.calendar,
            settings=self.settings,
            records=self._all,
            provenance=self._bureau_provenance,
            specs=self._specs,
            progress_mode=self._progress_mode,
        )

    def buckets(self, per: Per, window: tuple[date, date] | None = None) -> list[Bucket]:
        """The elapsed *per* buckets wholly inside the window (default the period)."""
        start, end = window or (self.period.start, self.period.end)
        return [
            b for b in buckets(per, start, end, self.calendar.is_workday) if b.end <= self.as_of
        ]

    # --- evidence ----------------------------------------------------------------
    def origin(self, record: object) -> Origin | None:
        return self.provenance.origin(record)

    def evidence(self, record: object, note: str | Note = "") -> Evidence:
        """Evidence pointing at *record*'s file, row and key, with a note: text, or a
        :class:`Note` (the campaign's function and its arguments) written only when a
        reader asks for it (``explain``, html, xlsx; the JSON cites the row alone)."""
        # A run cites ~1M times at a million ledger rows: the key is left for a reader to
        # write (Evidence.record), and the JSON writes each distinct row's key once.
        source, row = self.provenance.where(record)
        keyed = self._keyed.get(record.__class__)
        if keyed is None:
            keyed = self._keyed[record.__class__] = _has_key(record.__class__)
        return Evidence(source, row, record if keyed else None, note)

    # --- quotas (CORE §8) -----------------------------------------------------------
    def quota(
        self,
        who: Who,
        records: Iterable[R],
        *,
        min: int,
        per: Per,
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
        subjects, attr = self._quota_subjects(who, start, end)
        dates = _dates_by_owner(records, by or (lambda r: getattr(r, attr, None)), where, date_of)
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

    def quota_subjects(self, who: Who, window: tuple[date, date] | None = None) -> list[str]:
        """Every subject *who* binds in *window* (default the period), as :meth:`quota` holds
        them, whether or not it falls short: people whose span overlaps the window."""
        start, end = window or (self.period.start, self.period.end)
        return [subject for subject, *_ in self._quota_subjects(who, start, end)[0]]

    def _quota_subjects(self, who: Who, start: date, end: date) -> tuple[list[_QuotaSubject], str]:
        """(subject, owner key, span start, span end) for each subject *who* names, and the
        record field that says whose a record is (``person`` or ``unit``)."""
        if who.binds_people:
            people = self.org.everyone() if who.scope == "people" else Roles(who.values).holders(self.org)
            return [(person_subject(p.id), p.id, p.start, p.end) for p in people if p.overlaps(start, end)], "person"
        if who.scope == "bureau":
            ids = [self.org.root.id]
        elif who.scope == "units":
            ids = sorted(u for u in who.values if u in self.org.units)
        else:
            ids = [u.id for u in self.org.units_of_kind(*who.values)]
        return [(unit_subject(u), u, None, None) for u in ids], "unit"


_QuotaSubject = tuple[str, str, date | None, date | None]


def _dates_by_owner(
    records: Iterable[R],
    owner: Callable[[R], str | None],
    where: Callable[[R], bool] | None,
    date_of: Callable[[R], date] | None,
) -> dict[str, list[date]]:
    """The sorted dates of the records each owner has (dating field unless *date_of*)."""
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
    return dates
