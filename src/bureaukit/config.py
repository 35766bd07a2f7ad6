"""The bureau's one TOML file (CORE §6), structured with cattrs into attrs classes.

Every problem is reported with its dotted path, all at once; unknown keys are
errors with a did-you-mean.
"""

from __future__ import annotations

import enum
import hashlib
import itertools
import re
import tomllib
import typing
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from bureaukit.errors import InputError, did_you_mean
from bureaukit.files import MAX_CONFIG_BYTES, FileRefused, check_regular
from bureaukit.records import enum_choices, enum_label
from bureaukit.text import quoted


@attrs.frozen
class BureauConfig:
    """``[bureau]``: who is scored and how reports speak."""

    id: str
    name: str
    period: str | None = None
    language: Literal["zh", "en"] = "zh"
    time_progress: Literal["days", "months"] = "days"


@attrs.frozen
class CalendarConfig:
    """``[calendar]``: rest days beyond weekends, make-up workdays 调休, or China's official calendar."""

    holidays: tuple[str | date, ...] = ()
    workdays: tuple[str | date, ...] = ()
    source: Literal["weekends", "chinese-calendar"] = "weekends"


@attrs.frozen
class Grade:
    min: Decimal
    label: str


@attrs.frozen
class ScoringConfig:
    """``[scoring]``: how campaign points make a scorecard (CORE §9)."""

    weights: dict[str, Decimal] | None = None
    grades: tuple[Grade, ...] = ()
    groups: dict[str, tuple[str, ...]] | None = None
    rollup: Decimal = Decimal(0)
    rank_people: bool = False


@attrs.frozen
class LedgersConfig:
    """``[ledgers]``: how every ledger is read (CORE §5 *Bookkeeping columns*)."""

    ignore_columns: tuple[str, ...] | None = None
    """Headers of columns no rule reads; None: 序号, 备注, 说明 (an empty list reads every column)."""


@attrs.frozen
class ArchiveConfig:
    """``[archive]``: where runs are recorded (LIFECYCLE §1) and the appeals ledger (§3).

    ``url`` is ``sqlite:///archive.sqlite`` (relative to the config file) or
    ``postgresql://host/db``; ``BUREAUKIT_ARCHIVE_URL`` overrides it."""

    url: str | None = None
    appeals: str | None = None


@attrs.frozen
class CampaignTable:
    """One ``[campaigns.<name>]`` table: its ledgers (core-owned) and the rest (settings)."""

    ledgers: dict[str, tuple[str, ...]]
    settings: dict[str, Any]


@attrs.frozen
class Config:
    """A read config. ``root`` is the folder paths are resolved against."""

    path: Path
    root: Path
    text_hash: str
    bureau: BureauConfig
    calendar: CalendarConfig
    periods: dict[str, str]
    enabled: tuple[str, ...]
    campaigns: dict[str, CampaignTable]
    scoring: ScoringConfig
    units: str | tuple[dict[str, Any], ...]
    people: str | tuple[dict[str, Any], ...]
    roles: dict[str, str]
    ledgers: LedgersConfig = LedgersConfig()
    archive: ArchiveConfig = ArchiveConfig()

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve() if not Path(relative).is_absolute() else Path(relative)


TOP_KEYS = ("units", "people", "roles", "bureau", "calendar", "periods", "campaigns", "scoring", "ledgers",
            "federation", "archive")
"""``[federation]`` is read by bureaukit.federation; a bureau config with one also scores its own units."""


def show(value: object) -> str:
    """A value quoted as a message shows it: ``"一万八千"``, ``12``, ``true``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, (dict, list, tuple)):
        return "a table" if isinstance(value, dict) else "a list"
    return str(value)


class ValueProblem(ValueError):
    """Raised by structure hooks with the message users read."""


def make_converter() -> cattrs.Converter:
    """The one converter for config and settings: strict scalars, Decimal, dates, enums."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def s_str(v: Any, _: Any) -> str:
        if not isinstance(v, str):
            raise ValueProblem(f"expected text, got {show(v)}")
        return v

    def s_int(v: Any, _: Any) -> int:
        if isinstance(v, bool) or not isinstance(v, int):
            if isinstance(v, Decimal) and v == v.to_integral_value():
                return int(v)
            raise ValueProblem(f"expected a whole number, got {show(v)}")
        return v

    def s_bool(v: Any, _: Any) -> bool:
        if not isinstance(v, bool):
            raise ValueProblem(f"expected true or false, got {show(v)}")
        return v

    def s_decimal(v: Any, _: Any) -> Decimal:
        if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
            raise ValueProblem(f"expected a number, got {show(v)}")
        d = Decimal(v)
        if not d.is_finite():
            raise ValueProblem(f"expected a finite number, got {show(v)}")
        if d and not -30 <= d.adjusted() <= 30:
            # 1e999999 is finite, but any sum or product with it overflows the context
            raise ValueProblem(f"expected a number of sensible size (1e-30 to 1e30), got {d:.3e}")
        return d

    def s_date(v: Any, _: Any) -> date:
        if isinstance(v, date) and not hasattr(v, "hour"):
            return v
        if isinstance(v, str):
            try:
                return date.fromisoformat(v.strip())
            except ValueError:
                pass
        raise ValueProblem(f"expected a date YYYY-MM-DD, got {show(v)}")

    conv.register_structure_hook(str, s_str)
    conv.register_structure_hook(int, s_int)
    conv.register_structure_hook(bool, s_bool)
    conv.register_structure_hook(Decimal, s_decimal)
    conv.register_structure_hook(date, s_date)

    def is_literal(tp: Any) -> bool:
        return typing.get_origin(tp) is Literal

    def literal_hook(tp: Any) -> Any:
        allowed = typing.get_args(tp)

        def s(v: Any, _: Any) -> Any:
            if v not in allowed or isinstance(v, bool) != any(isinstance(a, bool) for a in allowed):
                choices = ", ".join(show(a) for a in allowed)
                raise ValueProblem(f"expected one of {choices}, got {show(v)}")
            return v

        return s

    conv.register_structure_hook_factory(is_literal, literal_hook)

    def is_enum(tp: Any) -> bool:
        return isinstance(tp, type) and issubclass(tp, enum.Enum)

    def enum_hook(tp: Any) -> Any:
        lookup: dict[str, Any] = {}
        for m in tp:
            lookup[m.name.casefold()] = m
            lookup[enum_label(m)] = m

        def s(v: Any, _: Any) -> Any:
            if isinstance(v, str) and (m := lookup.get(v.strip().casefold()) or lookup.get(v.strip())):
                return m
            raise ValueProblem(f"expected one of {enum_choices(tp)}, got {show(v)}")

        return s

    conv.register_structure_hook_factory(is_enum, enum_hook)

    def is_union_with_str_date(tp: Any) -> bool:
        return bool(tp == (str | date))

    conv.register_structure_hook_factory(is_union_with_str_date, lambda _: lambda v, __: _str_or_date(v))
    return conv


def _str_or_date(v: Any) -> str | date:
    if isinstance(v, (str, date)):
        return v
    raise ValueProblem(f"expected a date or a range a..b, got {show(v)}")


_CONVERTER: cattrs.Converter | None = None


def converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def _message(exc: BaseException, cl: Any) -> str:
    if isinstance(exc, ValueProblem):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required key is missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        parts = [f"unknown key {quoted(k)}{did_you_mean(k, known)}" for k in sorted(exc.extra_fields)]
        return "; ".join(parts) + (f"; known keys: {', '.join(known)}" if known else "")
    if isinstance(exc, AttributeError) and "items" in str(exc):
        return "expected a table"
    if isinstance(exc, TypeError) and "not iterable" in str(exc):
        return "expected a list"
    if isinstance(exc, (TypeError, ValueError)):
        text = str(exc) or type(exc).__name__
        return text
    return f"{type(exc).__name__}: {exc}"


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


def explain(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """(dotted path, message) for every problem in a cattrs detailed-validation error."""
    out: list[tuple[str, str]] = []
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            idx = note.index
            p = f"{path}[{idx}]" if isinstance(idx, int) else _join(path, str(idx))
            out.extend(explain(sub, p))
        out.extend((path, _message(sub, None)) for sub in without)
    elif isinstance(exc, ClassValidationError):
        with_notes2, without2 = exc.group_exceptions()
        for sub, note2 in with_notes2:
            out.extend(explain(sub, _join(path, note2.name)))
        out.extend((path, _message(sub, exc.cl)) for sub in without2)
    else:
        # a mapping's key or value error carries the key in a note
        out.append((path, _message(exc, None)))
    return out


def structure(value: Any, cls: type[Any], path: str) -> tuple[Any, list[tuple[str, str]]]:
    """Structure *value* into *cls*; on failure return None and every (path, message)."""
    try:
        return converter().structure(value, cls), []
    except (ClassValidationError, IterableValidationError) as exc:
        return None, explain(exc, path)
    except (ValueError, TypeError, KeyError) as exc:
        return None, [(path, _message(exc, cls))]


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    text = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
    if m:
        return f"{path}:{m.group(1)}: column {m.group(2)}: TOML syntax: {text}"
    return f"{path}: TOML syntax: {text}"


Problem = tuple[str, str]
"""(dotted path in the config, message): rendered ``FILE: path: message`` by :func:`read_config`."""


def _read_toml(p: Path) -> tuple[bytes, dict[str, Any]]:
    """The config file's bytes and its TOML: a regular file of at most MAX_CONFIG_BYTES
    (``bureaukit check /dev/zero`` is a message, not a read until memory runs out)."""
    try:
        check_regular(p, MAX_CONFIG_BYTES, "config")
        raw_bytes = p.read_bytes()
    except FileNotFoundError:
        raise InputError([f"{p}: no such config file (looked for {p.resolve()})"]) from None
    except FileRefused as exc:
        if p.is_dir():
            raise InputError([f"{p}: is a folder; give the bureau's TOML file (e.g. {p / 'bureau.toml'})"]) from None
        raise InputError([f"{p}: {exc.message}"]) from None
    except OSError as exc:
        raise InputError([f"{p}: cannot read: {exc.strerror}"]) from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([f"{p}: the config must be UTF-8 text (save it as UTF-8)"]) from None
    try:
        return raw_bytes, tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_toml_error(p, exc)]) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise InputError([f"{p}: TOML: arrays or inline tables nested too deeply (a config needs two or three levels)"]) from None


class _Tables:
    """The top-level tables of a config, each checked to be a table once."""

    def __init__(self, data: dict[str, Any], problems: list[Problem]) -> None:
        self.data = data
        self.problems = problems

    def __call__(self, name: str) -> dict[str, Any]:
        v = self.data.get(name, {})
        if not isinstance(v, dict):
            self.problems.append((name, f"expected a table [{name}], got {show(v)}"))
            return {}
        return v


def _top_keys(data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    for key in data:
        if key not in TOP_KEYS:
            problems.append((key, f'unknown key {quoted(key)}{did_you_mean(key, TOP_KEYS)}; known: {", ".join(TOP_KEYS)}'))
    for key in ("bureau", "campaigns"):
        if key not in data:
            problems.append((key, f"[{key}] is required"))
    return problems


def _calendar(table: dict[str, Any]) -> tuple[CalendarConfig | None, list[Problem]]:
    from bureaukit.periods import PeriodError
    from bureaukit.workcalendar import expand_days

    calendar, problems = structure(table, CalendarConfig, "calendar")
    if calendar is not None:
        for name in ("holidays", "workdays"):
            for i, item in enumerate(getattr(calendar, name)):
                try:
                    expand_days([item])
                except PeriodError as exc:
                    problems.append((f"calendar.{name}[{i}]", str(exc)))
    return calendar, problems


def _periods(table: dict[str, Any], bureau_table: dict[str, Any] | None) -> tuple[dict[str, str], list[Problem]]:
    """``[periods]`` (name = "a..b") and ``[bureau] period``, which may name one of them."""
    from bureaukit.periods import PeriodError, parse_period

    problems: list[Problem] = []
    periods: dict[str, str] = {}
    for name, value in table.items():
        if not isinstance(value, str):
            problems.append((f"periods.{name}", f"expected a period like \"2013-05-01..2014-04-30\", got {show(value)}"))
            continue
        periods[name] = value
    for name, value in periods.items():
        try:
            parse_period(value)
        except PeriodError as exc:
            problems.append((f"periods.{name}", str(exc)))
    raw_period = bureau_table.get("period") if bureau_table is not None else None
    if isinstance(raw_period, str):
        try:
            parse_period(raw_period, periods)
        except PeriodError as exc:
            problems.append(("bureau.period", str(exc)))
    return periods, problems


def _scoring(table: dict[str, Any]) -> tuple[ScoringConfig | None, list[Problem]]:
    """``[scoring]`` and the rules between its keys (grade order, shares, one group per kind)."""
    scoring, problems = structure(table, ScoringConfig, "scoring")
    if scoring is None:
        return None, problems
    mins = [g.min for g in scoring.grades]
    if any(a <= b for a, b in itertools.pairwise(mins)):
        problems.append(("scoring.grades", "list the grades from the highest min down (the first band whose min ≤ composite wins)"))
    if not Decimal(0) <= scoring.rollup <= Decimal(1):
        problems.append(("scoring.rollup", f"expected a share from 0 to 1, got {scoring.rollup}"))
    for name, w in (scoring.weights or {}).items():
        if w < 0:
            problems.append((f"scoring.weights.{name}", f"a weight must be ≥ 0, got {w}"))
    seen_kinds: dict[str, str] = {}
    for group, kinds in (scoring.groups or {}).items():
        for k in kinds:
            if k in seen_kinds:
                problems.append((f"scoring.groups.{group}", f'unit kind "{k}" is already in group "{seen_kinds[k]}"'))
            seen_kinds[k] = group
    return scoring, problems


def _enabled(camp: dict[str, Any], present: bool) -> tuple[tuple[str, ...], list[Problem]]:
    if not present:
        return (), []
    enabled_raw = camp.get("enabled")
    if not isinstance(enabled_raw, list) or not all(isinstance(x, str) for x in enabled_raw):
        got = show(enabled_raw) if enabled_raw is not None else "nothing"
        return (), [("campaigns.enabled", f"expected a list of campaign names, got {got}")]
    enabled = tuple(enabled_raw)
    dupes = sorted({x for x in enabled if enabled.count(x) > 1})
    return enabled, [("campaigns.enabled", f"listed twice: {', '.join(dupes)}")] if dupes else []


def _campaign_table(name: str, value: Any) -> tuple[CampaignTable | None, list[Problem]]:
    """One ``[campaigns.<name>]``: its ``ledgers`` (kind = file or files) and its settings."""
    if not isinstance(value, dict):
        return None, [(f"campaigns.{name}", f"expected a table [campaigns.{name}], got {show(value)}")]
    problems: list[Problem] = []
    settings = {k: v for k, v in value.items() if k != "ledgers"}
    ledgers: dict[str, tuple[str, ...]] = {}
    raw_ledgers = value.get("ledgers", {})
    if not isinstance(raw_ledgers, dict):
        problems.append((f"campaigns.{name}.ledgers", f"expected a table of record kind = file(s), got {show(raw_ledgers)}"))
        raw_ledgers = {}
    for kind, files in raw_ledgers.items():
        if isinstance(files, str):
            ledgers[kind] = (files,)
        elif isinstance(files, list) and files and all(isinstance(f, str) for f in files):
            ledgers[kind] = tuple(files)
        else:
            problems.append((f"campaigns.{name}.ledgers.{kind}", f"expected a file name or a list of file names, got {show(files)}"))
    return CampaignTable(ledgers, settings), problems


def _roles(table: dict[str, Any]) -> tuple[dict[str, str], list[Problem]]:
    roles: dict[str, str] = {}
    problems: list[Problem] = []
    for code, label in table.items():
        if not isinstance(label, str):
            problems.append((f"roles.{code}", f"expected the role's Chinese label, got {show(label)}"))
        else:
            roles[code] = label
    return roles, problems


def _org_part(key: str, v: Any) -> tuple[str | tuple[dict[str, Any], ...], list[Problem]]:
    """``units`` / ``people``: a file name or the config's own ``[[units]]`` tables."""
    if v is None:
        return (), [(key, f'the org needs {key}: a file (e.g. {key} = "org/{key}.csv") or [[{key}]] tables')]
    if isinstance(v, str):
        return v, []
    if isinstance(v, list) and all(isinstance(x, dict) for x in v):
        return tuple(v), []
    return (), [(key, f"expected a file name or [[{key}]] tables, got {show(v)}")]


def read_config(path: str | Path) -> Config:
    """Read and check a bureau config. Raises :class:`InputError` with every problem,
    each as ``FILE: dotted.path: message``, in the order of the sections."""
    p = Path(path)
    raw_bytes, data = _read_toml(p)
    problems = _top_keys(data)
    table = _Tables(data, problems)
    bureau_table = table("bureau") if "bureau" in data else None
    bureau, errs = structure(bureau_table, BureauConfig, "bureau") if bureau_table is not None else (None, [])
    problems += errs
    calendar, errs = _calendar(table("calendar"))
    problems += errs
    periods, errs = _periods(table("periods"), bureau_table)
    problems += errs
    scoring, errs = _scoring(table("scoring"))
    problems += errs
    ledgers_config, errs = structure(table("ledgers"), LedgersConfig, "ledgers")
    problems += errs
    archive, errs = structure(table("archive"), ArchiveConfig, "archive")
    problems += errs
    camp = table("campaigns")
    enabled, errs = _enabled(camp, "campaigns" in data)
    problems += errs
    tables: dict[str, CampaignTable] = {}
    for name, value in camp.items():
        if name != "enabled":
            ct, errs = _campaign_table(name, value)
            problems += errs
            if ct is not None:
                tables[name] = ct
    roles, errs = _roles(table("roles"))
    problems += errs
    units, errs = _org_part("units", data.get("units"))
    problems += errs
    people, errs = _org_part("people", data.get("people"))
    problems += errs
    if problems:
        raise InputError([f"{p}: {where}: {msg}" if where else f"{p}: {msg}" for where, msg in problems])
    assert bureau is not None and calendar is not None and scoring is not None and ledgers_config is not None and archive is not None
    return Config(
        path=p,
        root=p.resolve().parent,
        text_hash="sha256:" + hashlib.sha256(raw_bytes).hexdigest(),
        bureau=bureau,
        calendar=calendar,
        periods=periods,
        enabled=enabled,
        campaigns=tables,
        scoring=scoring,
        units=units,
        people=people,
        roles=roles,
        ledgers=ledgers_config,
        archive=archive,
    )


def structure_settings(cls: type[Any], table: Mapping[str, Any], path: str) -> tuple[Any, list[str]]:
    """A campaign's settings from its table; problems as ``path.key: message``."""
    try:
        value, errs = structure(dict(table), cls, path)
    except Exception as exc:  # a settings class validator raising something else
        return None, [f"{path}: {exc}"]
    return value, [f"{w}: {m}" for w, m in errs]
