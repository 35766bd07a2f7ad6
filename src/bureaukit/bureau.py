"""Loading a bureau: config, plugins, org and ledgers, read and checked together.

``load(path)`` reports every problem in every file at once (:class:`InputError`) or
returns a :class:`Bureau` ready to score.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pluggy

from bureaukit.campaigns import ConfigError, ConfigWarning, LedgerError
from bureaukit.config import Config, read_config, structure_settings
from bureaukit.context import CheckContext, Origins
from bureaukit.errors import InputError, PluginFailure, did_you_mean
from bureaukit.ledgers import (
    BOOKKEEPING_COLUMNS,
    Problems,
    Source,
    _read_table,
    check_keys_and_refs,
    display_path,
    listed_twice,
    read_kind,
)
from bureaukit.org import Org, OrgError, Person, Unit, build_org
from bureaukit.periods import Period, PeriodError, parse_period
from bureaukit.plugins import (
    LoadedCampaign,
    Owner,
    bounded,
    collect_owned,
    load_campaigns,
    new_manager,
    owners_of,
)
from bureaukit.readers import Reader, ReadError, Table
from bureaukit.records import RecordSpec, record_spec
from bureaukit.workcalendar import Calendar, expand_days, official_calendar


@attrs.define
class CampaignData:
    """One enabled campaign as loaded: its registration, settings and records."""

    loaded: LoadedCampaign
    settings: Any
    records: dict[str, list[Any]]
    specs: dict[str, RecordSpec]

    @property
    def name(self) -> str:
        return self.loaded.campaign.name


@attrs.define
class Bureau:
    """A bureau ready to score: what :func:`bureaukit.load` returns."""

    config: Config
    org: Org
    calendar: Calendar
    campaigns: dict[str, CampaignData]
    origins: Origins
    inputs: dict[str, str]
    notes: list[str]
    plugins: pluggy.PluginManager = attrs.field(repr=False)
    shown: dict[str, str] = attrs.Factory(dict)
    """Ledger source as written → path as shown to this user (for messages)."""
    appeals: list[Any] = attrs.Factory(list)
    """The 异议登记表 rows (:class:`bureaukit.appeals.Appeal`), when ``[archive] appeals`` names one."""

    def period(self, period: str | None = None) -> Period:
        """The period to score: *period*, else ``[bureau] period``."""
        pid = period or self.config.bureau.period
        if pid is None:
            raise InputError(["no period to score: give --period (e.g. --period 2014) or set [bureau] period"])
        try:
            return parse_period(pid, self.config.periods)
        except PeriodError as exc:
            raise InputError([f"--period: {exc}"]) from None


def _listed(fn: Callable[[Any], Iterable[Any]], arg: Any) -> list[Any]:
    return list(fn(arg))


def guarded_reader(reader: Reader, owner: Owner, timeout: float | None) -> Reader:
    """*reader* (a plugin's) run as its owner's code: an exception other than ReadError
    or OSError names the distribution, and with *timeout* the whole read — the file
    opened and every row read — must end in time. The rows are read inside the bound
    (a plugin's reader is for small special formats; the core's stream)."""

    def read(path: Path, sheet: str | None) -> Table:
        def whole() -> tuple[Table, list[tuple[int, list[Any]]], ReadError | None]:
            table = reader.read(path, sheet)
            rows: list[tuple[int, list[Any]]] = []
            try:
                rows.extend(table.rows)
            except ReadError as exc:  # reported at its row, after the rows before it
                return table, rows, exc
            return table, rows, None

        table, rows, error = bounded(whole, timeout, owner, f"the {reader.name} reader", (ReadError, OSError))

        def replay() -> Iterator[tuple[int, list[Any]]]:
            yield from rows
            if error is not None:
                raise error

        return attrs.evolve(table, rows=replay())

    return attrs.evolve(reader, read=read)


def _file_hash(path: Path) -> str:
    with path.open("rb") as fh:
        return "sha256:" + hashlib.file_digest(fh, "sha256").hexdigest()


def _inline_table(items: Sequence[Mapping[str, Any]]) -> Table:
    header: list[str] = []
    for item in items:
        for k in item:
            if k not in header:
                header.append(k)

    def rows() -> Any:
        for n, item in enumerate(items, start=1):
            yield n, [_inline_cell(item.get(k)) for k in header]

    return Table(header, rows(), None)


def _inline_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return list(value)
    return value


def _respell_ids(settings: Any, org: Org, config: Config, path: str, cfg_shown: str, notes: list[str]) -> Any:
    """The settings with each text naming a unit or person only in canonical form spelt as
    the org spells it (CORE §2 *Identity*); ``check`` names every rewrite."""
    from bureaukit.identity import id_spellings, respell
    from bureaukit.org import STANDARD_ROLES

    keep = {*org.units, *org.people, *(u.kind for u in org.units.values()), *STANDARD_ROLES, *STANDARD_ROLES.values(),
            *config.roles, *config.roles.values()}
    found: list[str] = []
    settings = respell(settings, id_spellings(org.units, org.people), keep, path, found)
    notes.extend(f"{cfg_shown}: {n}" for n in found)
    return settings


def load(
    path: str | Path,
    *,
    plugins: Iterable[Any] = (),
    progress: Callable[[int], None] | None = None,
    timeout: float | None = None,
) -> Bureau:
    """Read and check a bureau's config, org and every enabled campaign's ledgers.

    *plugins* are extra plugin objects (modules or instances with hookimpls) to
    register besides the enabled entry points — for tests and embedding systems.
    Raises :class:`InputError` (every problem) or :class:`PluginFailure`.
    """
    from bureaukit.speedups import gc_paused

    with gc_paused():
        return _load(path, plugins, progress, timeout)


def _load(path: str | Path, plugins: Iterable[Any], progress: Callable[[int], None] | None, timeout: float | None) -> Bureau:
    config = read_config(path)
    cfg_shown = display_path(config.path.resolve())
    pm = new_manager()
    try:
        loaded = load_campaigns(pm, config.enabled, plugins)
    except InputError as exc:
        raise InputError([f"{cfg_shown}: {p}" for p in exc.problems]) from None
    readers: dict[str, Reader] = {}
    for r, owner in collect_owned(pm, "bureaukit_readers", Reader, owners_of(loaded)):
        if owner is not None:  # a plugin's reader: its failures and hangs are its own
            r = guarded_reader(r, owner, timeout)
        for s in r.suffixes:
            readers[s.lower()] = r
    problems = Problems()
    origins = Origins()
    inputs: dict[str, str] = {}
    shown: dict[str, str] = {}
    notes: list[str] = []

    def config_problem(where: str, message: str) -> None:
        problems.add(f"{cfg_shown}: {where}: {message}")

    ignore = BOOKKEEPING_COLUMNS if config.ledgers.ignore_columns is None else config.ledgers.ignore_columns

    # --- org -----------------------------------------------------------------------
    org_records: dict[str, list[Any]] = {}
    for key, cls in (("units", Unit), ("people", Person)):
        spec = record_spec(cls)
        part = getattr(config, key)
        if isinstance(part, str):
            src = Source.parse(part, config.root)
            shown[src.written] = src.shown
            org_records[key] = read_kind(spec, [src], readers, problems, origins, ignore=ignore)
            if problems.count == 0:  # else no report is made: a refused file is never read
                inputs[src.written] = _file_hash(src.path)
        else:
            from bureaukit.ledgers import header_key, header_lookup

            src = Source(f"[[{key}]]", config.path, None)
            shown[src.written] = f"{cfg_shown} [[{key}]]"
            org_records[key] = _read_table(
                spec, src, f"{cfg_shown} [[{key}]]", _inline_table(part), header_lookup(spec), problems, origins, None,
                frozenset(map(header_key, ignore)),
            )
    org: Org | None = None
    if problems.count == 0:
        where: dict[int, str] = {}
        for recs in org_records.values():
            for rec in recs:
                o = origins.get(id(rec))
                if o is not None:
                    where[id(rec)] = f"{shown.get(o.source, o.source)}:{o.row}"
        try:
            org = build_org(org_records["units"], org_records["people"], config.roles, where)
        except OrgError as exc:
            for w, m in exc.problems:
                problems.add(f"{w}: {m}" if ":" in w else f"{cfg_shown}: {w}: {m}")
    # --- calendar ------------------------------------------------------------------
    calendar = Calendar()
    try:
        calendar = Calendar(
            expand_days(config.calendar.holidays),
            expand_days(config.calendar.workdays),
            official_calendar() if config.calendar.source == "chinese-calendar" else None,
        )
    except PeriodError as exc:
        config_problem("calendar.source", str(exc))
    # --- scoring weights against the enabled campaigns ---------------------------------
    weights = config.scoring.weights
    if weights is not None:
        for name in config.enabled:
            if name not in weights:
                config_problem("scoring.weights", f'enabled campaign "{name}" has no weight')
        for name in weights:
            if name not in config.enabled:
                config_problem(f"scoring.weights.{name}", f'"{name}" is not an enabled campaign{did_you_mean(name, config.enabled)}')
    for name in config.campaigns:
        if name not in config.enabled:
            notes.append(f"{cfg_shown}: campaigns.{name}: not enabled, so this table is not checked")
    # --- campaigns -------------------------------------------------------------------
    configured_period: Period | None = None
    if config.bureau.period:
        try:
            configured_period = parse_period(config.bureau.period, config.periods)
        except PeriodError:
            configured_period = None  # already reported by read_config
    campaigns: dict[str, CampaignData] = {}
    for name in config.enabled:
        lc = loaded[name]
        camp = lc.campaign
        before = problems.count
        table = config.campaigns.get(name)
        settings_raw = table.settings if table else {}
        settings, errs = structure_settings(camp.settings, settings_raw, f"campaigns.{name}")
        for e in errs:
            problems.add(f"{cfg_shown}: {e}")
        if org is not None and settings is not None:
            settings = _respell_ids(settings, org, config, f"campaigns.{name}", cfg_shown, notes)
        specs = {kind: record_spec(cls) for kind, cls in camp.records.items()}
        records: dict[str, list[Any]] = {kind: [] for kind in specs}
        for kind, files in (table.ledgers if table else {}).items():
            if kind not in specs:
                config_problem(
                    f"campaigns.{name}.ledgers.{kind}",
                    f'unknown record kind "{kind}"{did_you_mean(kind, specs)}; {name} keeps: {", ".join(specs)}',
                )
                continue
            sources = [Source.parse(f, config.root) for f in files]
            for s in sources:
                shown[s.written] = s.shown
            sources, twice = listed_twice(sources)
            for message in twice:
                config_problem(f"campaigns.{name}.ledgers.{kind}", message)
            records[kind] = read_kind(specs[kind], sources, readers, problems, origins, progress, ignore)
            if problems.count == 0:  # else no report is made: a refused file is never read
                for s in sources:
                    inputs[s.written] = _file_hash(s.path)
        if org is not None:
            check_keys_and_refs(specs, records, origins, shown, org.people, org.units, problems)
        if org is not None and settings is not None and camp.check is not None and problems.count == before:
            ctx = CheckContext(org, settings, records, origins, configured_period)
            check = functools.partial(_listed, camp.check, ctx)
            issues = bounded(check, timeout, Owner(name, lc.distribution, lc.version), "check")
            for issue in issues:
                if isinstance(issue, ConfigError):
                    config_problem(f"campaigns.{name}.{issue.path}".rstrip("."), issue.message)
                elif isinstance(issue, ConfigWarning):
                    notes.append(f"{cfg_shown}: campaigns.{name}.{issue.path}: {issue.message}".replace(". :", ":"))
                elif isinstance(issue, LedgerError):
                    o = origins.get(id(issue.record))
                    file = shown.get(o.source, o.source) if o else "(inline)"
                    problems.at(file, o.row if o else None, issue.column, issue.message)
                else:
                    raise PluginFailure(name, f"check returned {type(issue).__name__}", lc.distribution, lc.version)
        campaigns[name] = CampaignData(lc, settings, records, specs)
    appeals: list[Any] = []
    if config.archive.appeals:
        from bureaukit.appeals import read_appeals

        appeals = read_appeals(config, org, readers, problems, origins, inputs, shown)
    notes[:0] = problems.notes
    if problems.count:
        raise InputError(problems.lines, problems.count)
    assert org is not None
    return Bureau(config, org, calendar, campaigns, origins, inputs, notes, pm, shown, appeals)
