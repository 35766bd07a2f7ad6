"""Loading a bureau: config, plugins, org and ledgers, read and checked together.

``load(path)`` reports every problem in every file at once (:class:`InputError`) or
returns a :class:`Bureau` ready to score.
"""

from __future__ import annotations

import functools
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import pluggy

from bureaukit.campaigns import ConfigError, ConfigWarning, LedgerError
from bureaukit.config import Config, read_config, structure_settings
from bureaukit.context import CheckContext
from bureaukit.errors import InputError, PluginFailure, did_you_mean
from bureaukit.files import file_hash
from bureaukit.ledgers import (
    BOOKKEEPING_COLUMNS,
    Problems,
    Source,
    Targets,
    check_keys_and_refs,
    display_path,
    listed_twice,
    read_kind,
    read_table,
)
from bureaukit.messages import t
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
from bureaukit.problems import Problem
from bureaukit.provenance import Provenance
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
    provenance: Provenance
    """Every record read, and where."""
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
            raise InputError([t("no_period_to_score")])
        try:
            return parse_period(pid, self.config.periods)
        except PeriodError as exc:
            raise InputError([Problem(str(exc), where="--period")]) from None


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


@attrs.frozen
class _OrgIds:
    """What every campaign's settings and ledgers are checked against, made once per
    bureau rather than once per campaign: with 30,000 people, the canonical form of
    every id is no small cost (docs/performance.md, seventh session)."""

    org: Org
    targets: Targets
    """What a ledger's references may name."""
    keep: frozenset[str]
    """Texts a setting keeps as written: the ids themselves, unit kinds, roles."""

    @classmethod
    def of(cls, org: Org, config: Config) -> _OrgIds:
        from bureaukit.org import STANDARD_ROLES

        keep = frozenset({*org.units, *org.people, *(u.kind for u in org.units.values()), *STANDARD_ROLES,
                          *STANDARD_ROLES.values(), *config.roles, *config.roles.values()})
        return cls(org, Targets.of(org.people, org.units), keep)

    @property
    def spellings(self) -> Mapping[str, str]:
        """Canonical form → the unit or person id as the org spells it, a unit's first
        (as :func:`bureaukit.text.spellings` of the units, then the people)."""
        return ChainMap(self.targets.units, self.targets.people)


def _respell_ids(settings: Any, ids: _OrgIds, path: str, cfg_shown: str, notes: list[str]) -> Any:
    """The settings with each text naming a unit or person only in canonical form spelt as
    the org spells it (CORE §2 *Identity*); ``check`` names every rewrite."""
    from bureaukit.identity import respell

    found: list[str] = []
    settings = respell(settings, ids.spellings, ids.keep, path, found)
    notes.extend(f"{cfg_shown}: {n}" for n in found)
    return settings


def load(
    path: str | Path,
    *,
    plugins: Iterable[Any] = (),
    progress: Callable[[int], None] | None = None,
    timeout: float | None = None,
    moved: Mapping[str, Path] | None = None,
) -> Bureau:
    """Read and check a bureau's config, org and every enabled campaign's ledgers.

    *plugins* are extra plugin objects (modules or instances with hookimpls) to
    register besides the enabled entry points — for tests and embedding systems.
    *moved* reads files the config names (as it writes them) from other paths, citing
    them as written: ``verify`` re-scores archived copies of ledgers kept outside the
    config's folder. Raises :class:`InputError` (every problem) or :class:`PluginFailure`.
    """
    from bureaukit.speedups import gc_paused

    with gc_paused():
        return _load(path, plugins, progress, timeout, moved or {})


def load_org(path: str | Path, *, moved: Mapping[str, Path] | None = None) -> Org:
    """Only a bureau's units and people (no campaign, no ledger): a federation reads the
    root unit of a member's archived final from the org archived with it. Raises
    :class:`InputError` with every problem."""
    from bureaukit.messages import language_for, speaking

    config = read_config(path)
    if moved:
        config = attrs.evolve(config, moved=dict(moved))
    readers = {s.lower(): r for r, _ in collect_owned(new_manager(), "bureaukit_readers", Reader) for s in r.suffixes}
    state = _Loading(config, readers)
    with speaking(language_for(config.bureau.language)):
        org = _load_org(state)
    if state.problems.count or org is None:
        raise InputError(state.problems.kept, state.problems.count)
    return org


def _load(path: str | Path, plugins: Iterable[Any], progress: Callable[[int], None] | None,
          timeout: float | None, moved: Mapping[str, Path]) -> Bureau:
    """:func:`load`, every problem found after the config was read written in the bureau's
    language (``--lang`` when the CLI gave one), the caller's language back afterwards."""
    from bureaukit.messages import language_for, speaking

    config = read_config(path)
    if moved:
        config = attrs.evolve(config, moved=dict(moved))
    with speaking(language_for(config.bureau.language)):
        return _load_bureau(config, plugins, progress, timeout)


@attrs.define
class _Loading:
    """What the steps of one :func:`load` share: every problem found so far, where each
    record came from, the input files' hashes and how each is shown to this user."""

    config: Config
    readers: dict[str, Reader]
    problems: Problems = attrs.Factory(Problems)
    provenance: Provenance = attrs.Factory(Provenance)
    inputs: dict[str, str] = attrs.Factory(dict)
    shown: dict[str, str] = attrs.Factory(dict)
    notes: list[str] = attrs.Factory(list)

    @property
    def ignore(self) -> tuple[str, ...]:
        """Bookkeeping columns no rule reads (``[ledgers] ignore_columns``)."""
        given = self.config.ledgers.ignore_columns
        return BOOKKEEPING_COLUMNS if given is None else given

    @property
    def config_shown(self) -> str:
        return display_path(self.config.path.resolve())

    def config_problem(self, where: str, message: str) -> None:
        self.problems.add(Problem(message, self.config_shown, where=where))

    def read_files(self, spec: RecordSpec, written: Sequence[str], where: str | None = None,
                   progress: Callable[[int], None] | None = None) -> list[Any]:
        """The records of *spec* in the files as the config writes them (at config path
        *where*, which may not list a file twice), hashed."""
        sources = [Source.parse(f, self.config.root, self.config.moved) for f in written]
        for s in sources:
            self.shown[s.written] = s.shown
        if where is not None:
            sources, twice = listed_twice(sources)
            for message in twice:
                self.config_problem(where, message)
        records = read_kind(spec, sources, self.readers, self.problems, self.provenance, progress, self.ignore)
        if self.problems.count == 0:  # else no report is made: a refused file is never read
            for s in sources:
                self.inputs[s.written] = file_hash(s.path)
        return records


def _load_bureau(config: Config, plugins: Iterable[Any], progress: Callable[[int], None] | None,
                 timeout: float | None) -> Bureau:
    pm = new_manager()
    try:
        loaded = load_campaigns(pm, config.enabled, plugins)
    except InputError as exc:
        raise InputError([p.inside(display_path(config.path.resolve())) for p in exc.details]) from None
    readers: dict[str, Reader] = {}
    for r, owner in collect_owned(pm, "bureaukit_readers", Reader, owners_of(loaded)):
        if owner is not None:  # a plugin's reader: its failures and hangs are its own
            r = guarded_reader(r, owner, timeout)
        for s in r.suffixes:
            readers[s.lower()] = r
    state = _Loading(config, readers)
    org = _load_org(state)
    calendar = _load_calendar(state)
    _check_weights(state)
    period = _configured_period(config)
    ids = None if org is None else _OrgIds.of(org, config)
    campaigns = {name: _load_campaign(state, loaded[name], ids, period, progress, timeout) for name in config.enabled}
    appeals: list[Any] = []
    if config.archive.appeals:
        from bureaukit.appeals import read_appeals

        appeals = read_appeals(config, org, readers, state.problems, state.provenance, state.inputs, state.shown)
    state.notes[:0] = map(str, state.problems.notes)
    if state.problems.count:
        raise InputError(state.problems.kept, state.problems.count)
    assert org is not None
    return Bureau(config, org, calendar, campaigns, state.provenance, state.inputs, state.notes, pm, state.shown, appeals)


def _load_org(state: _Loading) -> Org | None:
    """Units and people, from files or the config's own ``[[units]]`` / ``[[people]]``."""
    config = state.config
    org_records: dict[str, list[Any]] = {}
    for key, cls in (("units", Unit), ("people", Person)):
        spec = record_spec(cls)
        part = getattr(config, key)
        if isinstance(part, str):
            org_records[key] = state.read_files(spec, [part])
        else:
            from bureaukit.ledgers import header_key, header_lookup

            src = Source(f"[[{key}]]", config.path, None)
            where = f"{state.config_shown} [[{key}]]"
            state.shown[src.written] = where
            org_records[key] = read_table(
                spec, src, where, _inline_table(part), header_lookup(spec), state.problems, state.provenance, None,
                frozenset(map(header_key, state.ignore)),
            )
    if state.problems.count:
        return None

    def origin(rec: object) -> tuple[str, int] | None:
        o = state.provenance.origin(rec)
        return None if o is None else (state.shown.get(o.source, o.source), o.row)

    try:
        return build_org(org_records["units"], org_records["people"], config.roles, origin)
    except OrgError as exc:
        for p in exc.problems:
            state.problems.add(p if p.file else p.inside(state.config_shown))
        return None


def _load_calendar(state: _Loading) -> Calendar:
    cal = state.config.calendar
    try:
        return Calendar(
            expand_days(cal.holidays),
            expand_days(cal.workdays),
            official_calendar() if cal.source == "chinese-calendar" else None,
        )
    except PeriodError as exc:
        state.config_problem("calendar.source", str(exc))
        return Calendar()


def _check_weights(state: _Loading) -> None:
    """``[scoring] weights`` name exactly the enabled campaigns; a table of a campaign
    that is not enabled is noted (it is not checked)."""
    config = state.config
    weights = config.scoring.weights
    if weights is not None:
        for name in config.enabled:
            if name not in weights:
                state.config_problem("scoring.weights", t("weight_missing", name=name))
        for name in weights:
            if name not in config.enabled:
                state.config_problem(f"scoring.weights.{name}",
                                     t("weight_not_enabled", name=name, near=did_you_mean(name, config.enabled)))
    for name in config.campaigns:
        if name not in config.enabled:
            state.notes.append(f"{state.config_shown}: campaigns.{name}: " + t("table_not_enabled"))


def _configured_period(config: Config) -> Period | None:
    if not config.bureau.period:
        return None
    try:
        return parse_period(config.bureau.period, config.periods)
    except PeriodError:
        return None  # already reported by read_config


def _load_campaign(state: _Loading, lc: LoadedCampaign, ids: _OrgIds | None, period: Period | None,
                   progress: Callable[[int], None] | None, timeout: float | None) -> CampaignData:
    """One enabled campaign: its settings, its ledgers, the core's key and reference
    checks, then the campaign's own ``check`` when all that is sound."""
    name, camp = lc.campaign.name, lc.campaign
    org = None if ids is None else ids.org
    before = state.problems.count
    table = state.config.campaigns.get(name)
    settings, errs = structure_settings(camp.settings, table.settings if table else {}, f"campaigns.{name}")
    for e in errs:
        state.problems.add(e.inside(state.config_shown))
    if ids is not None and settings is not None:
        settings = _respell_ids(settings, ids, f"campaigns.{name}", state.config_shown, state.notes)
    specs = {kind: record_spec(cls) for kind, cls in camp.records.items()}
    records: dict[str, list[Any]] = {kind: [] for kind in specs}
    for kind, files in (table.ledgers if table else {}).items():
        if kind not in specs:
            state.config_problem(
                f"campaigns.{name}.ledgers.{kind}",
                t("unknown_record_kind", kind=kind, near=did_you_mean(kind, specs), name=name, known=", ".join(specs)),
            )
            continue
        records[kind] = state.read_files(specs[kind], files, f"campaigns.{name}.ledgers.{kind}", progress)
    if ids is not None:
        check_keys_and_refs(specs, records, state.provenance, state.shown, ids.targets, state.problems)
    if table is not None:
        _note_not_set_up(state, lc, table.settings)
    if org is not None and settings is not None and camp.check is not None and state.problems.count == before:
        _run_check(state, lc, CheckContext(org, settings, records, state.provenance, period), timeout)
    return CampaignData(lc, settings, records, specs)


def _note_not_set_up(state: _Loading, lc: LoadedCampaign, given: Mapping[str, Any]) -> None:
    """A bureau setting (a target, a quota, a schedule) the config still gives its neutral
    value, as ``bureaukit init`` wrote it: noted, so that ``check`` says which campaign is
    not set up yet (REPORTS §5)."""
    import tomllib

    from bureaukit.messages import language_for

    lang = language_for(state.config.bureau.language)
    camp = lc.campaign
    title = camp.title.get(lang, camp.name)
    for bs in camp.bureau_settings:
        if bs.neutral is None or bs.key not in given:
            continue
        if given[bs.key] == tomllib.loads(f"v = {bs.neutral}")["v"]:
            what = bs.en if lang == "en" else bs.zh
            state.notes.append(t("not_set_up", lang, config=state.config_shown, campaign=title,
                                 path=f"campaigns.{camp.name}.{bs.key}", what=what))


def _run_check(state: _Loading, lc: LoadedCampaign, ctx: CheckContext[Any], timeout: float | None) -> None:
    """A campaign's ``check``: its errors join the problems, its warnings the notes."""
    name = lc.campaign.name
    assert lc.campaign.check is not None
    check = functools.partial(_listed, lc.campaign.check, ctx)
    issues = bounded(check, timeout, Owner(name, lc.distribution, lc.version), "check")
    for issue in issues:
        if isinstance(issue, ConfigError):
            state.config_problem(f"campaigns.{name}.{issue.path}".rstrip("."), issue.message)
        elif isinstance(issue, ConfigWarning):
            state.notes.append(f"{state.config_shown}: campaigns.{name}.{issue.path}: {issue.message}".replace(". :", ":"))
        elif isinstance(issue, LedgerError):
            o = state.provenance.origin(issue.record)
            file = state.shown.get(o.source, o.source) if o else "(inline)"
            state.problems.at(file, o.row if o else None, issue.column, issue.message)
        else:
            raise PluginFailure(name, f"check returned {type(issue).__name__}", lc.distribution, lc.version)
