"""The bureau's one TOML file (CORE §6): a tree of attrs classes shaped like the file,
structured by one cattrs converter in one call.

- The classes below mirror the TOML tables (``[bureau]`` → :class:`BureauConfig`, …);
  a campaign's own table is structured into its settings class by the same converter.
- The converter is cattrs' preconfigured tomllib converter, strict about scalars (TOML
  gives ``7`` where text was meant: an error, never ``"7"``), with Decimal, dates,
  Literal and Enum (code or Chinese label) hooks.  Every other type is cattrs' own.
- Rules about one key are attrs validators on the class; when one fails, every rule of
  that class is checked, so a config shows all its problems at once.
- Every problem is a :class:`~bureaukit.problems.Problem` at a dotted path
  (``scoring.grades[0].min``); unknown keys come with a did-you-mean.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import itertools
import re
import tomllib
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, NewType

import attrs
import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    list_structure_factory,
    mapping_structure_factory,
)
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, override
from cattrs.preconf.tomllib import make_converter as make_toml_converter

from bureaukit.errors import InputError, did_you_mean
from bureaukit.files import MAX_CONFIG_BYTES, FileRefused, check_regular
from bureaukit.messages import reason, t
from bureaukit.periods import PeriodError, parse_period
from bureaukit.problems import Problem, config_problem
from bureaukit.records import enum_choices, enum_label
from bureaukit.text import quoted, show, toml_key
from bureaukit.workcalendar import expand_days

__all__ = [
    "ArchiveConfig", "BureauConfig", "CalendarConfig", "CampaignTable", "CampaignsConfig", "Config", "Grade",
    "LedgersConfig", "ScoringConfig", "ValueProblem", "converter", "read_config", "show", "structure",
    "structure_settings",
]


class ValueProblem(ValueError):
    """Raised by structure hooks and validators with the message users read.

    *below* continues the dotted path under the key that failed (a weight's campaign
    name, a list index ``[2]``); a message that names the key's own path is given as a
    function of that path."""

    def __init__(self, message: str | Callable[[str], str], *below: str) -> None:
        self.message = message
        self.below = below
        super().__init__(message if isinstance(message, str) else "")

    def at(self, path: str) -> tuple[str, str]:
        """(the problem's dotted path, its message) when raised for the key at *path*."""
        for part in self.below:
            path = f"{path}{part}" if part.startswith("[") else _join(path, toml_key(part))
        return path, self.message(path) if callable(self.message) else self.message


def _not_a_table(value: object) -> ValueProblem:
    return ValueProblem(lambda path: t("cfg_table", path=path, value=show(value)))


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


# ---------------------------------------------------------------------------------------
# The rules about one key (attrs validators; see the module docstring)


def _descending(_: object, __: attrs.Attribute[Any], grades: tuple[Grade, ...]) -> None:
    if any(a.min <= b.min for a, b in itertools.pairwise(grades)):
        raise ValueProblem(t("cfg_grades_order"))


def _share(_: object, __: attrs.Attribute[Any], value: Decimal) -> None:
    if not Decimal(0) <= value <= Decimal(1):
        raise ValueProblem(t("cfg_share", value=value))


def _weights(_: object, __: attrs.Attribute[Any], weights: dict[str, Decimal] | None) -> None:
    for name, w in (weights or {}).items():
        if w < 0:
            raise ValueProblem(t("cfg_weight", value=w), name)


def _one_group_per_kind(_: object, __: attrs.Attribute[Any], groups: dict[str, tuple[str, ...]] | None) -> None:
    seen: dict[str, str] = {}
    for group, kinds in (groups or {}).items():
        for kind in kinds:
            if kind in seen:
                raise ValueProblem(t("cfg_kind_grouped", kind=kind, group=seen[kind]), group)
            seen[kind] = group


def _days(_: object, __: attrs.Attribute[Any], items: tuple[str | date, ...]) -> None:
    for i, item in enumerate(items):
        try:
            expand_days([item])
        except PeriodError as exc:
            raise ValueProblem(str(exc), f"[{i}]") from None


def _listed_once(_: object, __: attrs.Attribute[Any], names: tuple[str, ...]) -> None:
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueProblem(t("cfg_listed_twice", names=", ".join(twice)))


# ---------------------------------------------------------------------------------------
# The tree


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

    holidays: tuple[str | date, ...] = attrs.field(default=(), validator=_days)
    workdays: tuple[str | date, ...] = attrs.field(default=(), validator=_days)
    source: Literal["weekends", "chinese-calendar"] = "weekends"


@attrs.frozen
class Grade:
    min: Decimal
    label: str


@attrs.frozen
class ScoringConfig:
    """``[scoring]``: how campaign points make a scorecard (CORE §9)."""

    weights: dict[str, Decimal] | None = attrs.field(default=None, validator=_weights)
    grades: tuple[Grade, ...] = attrs.field(default=(), validator=_descending)
    groups: dict[str, tuple[str, ...]] | None = attrs.field(default=None, validator=_one_group_per_kind)
    rollup: Decimal = attrs.field(default=Decimal(0), validator=_share)
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


LedgerFiles = NewType("LedgerFiles", tuple[str, ...])
"""A record kind's ledger: one file name or a list of them."""

PeriodText = NewType("PeriodText", str)
"""A period id or range as ``[periods]`` writes it (``"2013-05-01..2014-04-30"``)."""

RoleLabel = NewType("RoleLabel", str)
"""A role's Chinese label in ``[roles]``."""

OrgSource = str | tuple[dict[str, Any], ...]
"""``units`` / ``people``: a file name, or the config's own ``[[units]]`` tables."""


@attrs.frozen
class CampaignTable:
    """One ``[campaigns.<name>]`` table: its ledgers (core-owned, kind → files) and the
    rest, its settings, structured into the campaign's settings class when it loads."""

    ledgers: dict[str, LedgerFiles] = attrs.Factory(dict)
    settings: dict[str, Any] = attrs.Factory(dict)


@attrs.frozen
class CampaignsConfig(Mapping[str, CampaignTable]):
    """``[campaigns]``: ``enabled`` and a table per campaign (name → :class:`CampaignTable`)."""

    enabled: tuple[str, ...] = attrs.field(validator=_listed_once)
    tables: dict[str, CampaignTable] = attrs.Factory(dict)

    def __getitem__(self, name: str) -> CampaignTable:
        return self.tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)


def _missing(key: str) -> dict[str, str]:
    """Field metadata: what to say when the key is left out (a :mod:`bureaukit.messages` key)."""
    return {"missing": key}


_RUN = {"toml": "no"}
"""Field metadata: a fact of the run (where the file is), not a key of the file."""


def _is_key(a: attrs.Attribute[Any]) -> bool:
    """The field is a key the TOML may write: not a fact of the run (attrs keeps a copy of
    a field's metadata, so the test is by content), and set through ``__init__``."""
    return a.init and a.metadata.get("toml") != "no"


@attrs.frozen
class Config:
    """A read config: the TOML's tables, and ``path`` (as given), ``root`` (the folder
    its paths are resolved against) and ``text_hash`` of the file."""

    bureau: BureauConfig = attrs.field(metadata=_missing("cfg_missing_bureau"))
    campaigns: CampaignsConfig = attrs.field(metadata=_missing("cfg_missing_campaigns"))
    units: OrgSource = attrs.field(
        metadata=_missing("cfg_missing_units"))
    people: OrgSource = attrs.field(
        metadata=_missing("cfg_missing_people"))
    calendar: CalendarConfig = CalendarConfig()
    periods: dict[str, PeriodText] = attrs.Factory(dict)
    scoring: ScoringConfig = ScoringConfig()
    roles: dict[str, RoleLabel] = attrs.Factory(dict)
    ledgers: LedgersConfig = LedgersConfig()
    archive: ArchiveConfig = ArchiveConfig()
    federation: dict[str, Any] | None = None
    """``[federation]``, read by :mod:`bureaukit.federation`; a bureau config with one also scores its own units."""
    path: Path = attrs.field(default=Path("bureau.toml"), metadata=_RUN)
    root: Path = attrs.field(default=Path("."), metadata=_RUN)
    text_hash: str = attrs.field(default="", metadata=_RUN)
    moved: Mapping[str, Path] = attrs.field(factory=dict, metadata=_RUN)
    """Files read from elsewhere than the config names them, by the name the config writes
    (``verify`` re-scores a run whose ledgers lay outside the config's folder from copies)."""

    @property
    def enabled(self) -> tuple[str, ...]:
        return self.campaigns.enabled

    def resolve(self, relative: str) -> Path:
        return (self.root / relative).resolve() if not Path(relative).is_absolute() else Path(relative)


# ---------------------------------------------------------------------------------------
# The converter: the hooks for the types that need one


def _text(v: Any, _: Any) -> str:
    if not isinstance(v, str):
        raise ValueProblem(t("cfg_text", value=show(v)))
    return v


def _whole_number(v: Any, _: Any) -> int:
    if isinstance(v, Decimal) and v.is_finite() and v == v.to_integral_value():
        return int(v)
    if isinstance(v, bool) or not isinstance(v, int):
        raise ValueProblem(t("cfg_whole", value=show(v)))
    return v


def _true_or_false(v: Any, _: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueProblem(t("cfg_bool", value=show(v)))
    return v


def _number(v: Any, _: Any) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        raise ValueProblem(t("cfg_number", value=show(v)))
    d = Decimal(v)
    if not d.is_finite():
        raise ValueProblem(t("cfg_finite", value=show(v)))
    if d and not -30 <= d.adjusted() <= 30:
        # 1e999999 is finite, but any sum or product with it overflows the context
        raise ValueProblem(t("cfg_size", value=f"{d:.3e}"))
    return d


def _day(v: Any, _: Any) -> date:
    if isinstance(v, date) and not hasattr(v, "hour"):
        return v
    if isinstance(v, str):
        try:
            return date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise ValueProblem(t("cfg_date", value=show(v)))


def _day_or_text(v: Any, _: Any) -> str | date:
    if isinstance(v, (str, date)):
        return v
    raise ValueProblem(t("cfg_date_or_range", value=show(v)))


def _ledger_files(v: Any, _: Any) -> LedgerFiles:
    if isinstance(v, str):
        return LedgerFiles((v,))
    if isinstance(v, list) and v and all(isinstance(f, str) for f in v):
        return LedgerFiles(tuple(v))
    raise ValueProblem(t("cfg_files", value=show(v)))


def _period_text(v: Any, _: Any) -> PeriodText:
    if not isinstance(v, str):
        raise ValueProblem(t("cfg_period", value=show(v)))
    try:
        parse_period(v)
    except PeriodError as exc:
        raise ValueProblem(str(exc)) from None
    return PeriodText(v)


def _role_label(v: Any, _: Any) -> RoleLabel:
    if not isinstance(v, str):
        raise ValueProblem(t("cfg_role", value=show(v)))
    return RoleLabel(v)


def _org_source(v: Any, _: Any) -> OrgSource:
    if isinstance(v, str):
        return v
    if isinstance(v, list) and all(isinstance(x, dict) for x in v):
        return tuple(v)
    raise ValueProblem(lambda path: t("cfg_org_source", path=path, value=show(v)))


def _literal_hook(tp: Any) -> Callable[[Any, Any], Any]:
    allowed = typing.get_args(tp)

    def structure(v: Any, _: Any) -> Any:
        if v not in allowed or isinstance(v, bool) != any(isinstance(a, bool) for a in allowed):
            raise ValueProblem(t("cfg_one_of", choices=", ".join(show(a) for a in allowed), value=show(v)))
        return v

    return structure


def _enum_hook(tp: Any) -> Callable[[Any, Any], Any]:
    """An enumeration by its code (any case) or its Chinese label (``工业``)."""
    lookup: dict[str, Any] = {}
    for m in tp:
        lookup[m.name.casefold()] = m
        lookup[enum_label(m)] = m

    def structure(v: Any, _: Any) -> Any:
        if isinstance(v, str) and (m := lookup.get(v.strip().casefold()) or lookup.get(v.strip())):
            return m
        raise ValueProblem(t("cfg_one_of", choices=enum_choices(tp), value=show(v)))

    return structure


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _is_literal(tp: Any) -> bool:
    return typing.get_origin(tp) is Literal


def _campaigns(conv: cattrs.Converter) -> Callable[[Any, Any], CampaignsConfig]:
    """``[campaigns]`` holds ``enabled`` beside one table per campaign, named by the campaign."""

    def structure(v: Any, _: Any) -> CampaignsConfig:
        if not isinstance(v, Mapping):
            raise _not_a_table(v)
        errors: list[Exception] = []
        tables: dict[str, CampaignTable] = {}
        for name, table in v.items():
            if name == "enabled":
                continue
            try:
                tables[name] = _campaign_table(conv, table)
            except (ClassValidationError, IterableValidationError, ValueError, TypeError) as exc:
                errors.append(_noted(exc, name, CampaignTable))
        enabled = v.get("enabled")
        if not isinstance(enabled, list) or not all(isinstance(x, str) for x in enabled):
            got = t("cfg_nothing") if enabled is None else show(enabled)
            errors.append(_noted(ValueProblem(t("cfg_enabled", value=got)), "enabled", tuple))
        if not errors:
            try:
                return CampaignsConfig(tuple(typing.cast(list[str], enabled)), tables)
            except ValueProblem as exc:  # its one rule, about enabled
                errors.append(_noted(exc, "enabled", tuple))
        raise ClassValidationError("While structuring [campaigns]", errors, CampaignsConfig)

    return structure


def _campaign_table(conv: cattrs.Converter, table: Any) -> CampaignTable:
    if not isinstance(table, Mapping):
        raise _not_a_table(table)
    ledgers = table.get("ledgers", {})
    if not isinstance(ledgers, Mapping):
        raise ValueProblem(t("cfg_ledgers", value=show(ledgers)), "ledgers")
    settings = {k: v for k, v in table.items() if k != "ledgers"}
    return conv.structure({"ledgers": ledgers, "settings": settings}, CampaignTable)


def _noted(exc: Exception, name: str, tp: Any) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(f"Structuring {name}", name, tp)]
    return exc


def _attrs_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """Any attrs class (the config's and the campaigns' settings): a table, structured by
    cattrs; when one of its validators fails, every validator is run so that each broken
    rule is reported."""

    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        run_facts: dict[str, Any] = {a.name: override(omit=True) for a in attrs.fields(cls) if not _is_key(a)}
        made = make_dict_structure_fn(cls, conv, **run_facts)

        def structure(v: Any, _: Any) -> Any:
            if not isinstance(v, Mapping):
                raise _not_a_table(v)
            try:
                return made(v, cls)
            except ClassValidationError as exc:
                with_notes, without = exc.group_exceptions()
                # every key structured and __init__ raised: a validator (cattrs notes no attribute)
                validators = without and not with_notes and not any(isinstance(e, ForbiddenExtraKeysError) for e in without)
                broken = _broken_rules(cls, made, v) if validators else None
                if broken is None:
                    raise
                raise broken from None

        return structure

    return factory


def _plain_attrs_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """Any attrs class on the quick pass (:func:`structure`): cattrs' own introspective
    structuring, :meth:`cattrs.Converter.structure_attrs_fromdict`, which generates no code
    (each field by the same hook the generated function of :func:`_attrs_hook` calls; a
    key left out keeps the class's default). What the generated function adds is checked
    here: a table, holding no key but the fields' (:func:`_is_key`). Whatever fails is left
    to the detailed pass, whose generated functions say what is wrong."""

    def factory(cls: Any) -> Callable[[Any, Any], Any]:
        if getattr(cls, "__parameters__", ()):  # generic: its fields' types need cattrs' type map
            raise TypeError(f"{cls.__name__} is generic: structured by the detailed pass")
        attrs.resolve_types(cls)  # the annotations are text (PEP 563); cattrs reads each field's type
        keys = frozenset(a.name for a in attrs.fields(cls) if _is_key(a))

        def structure(v: Any, _: Any) -> Any:
            if not isinstance(v, Mapping):
                raise _not_a_table(v)
            if not keys.issuperset(v):
                raise ForbiddenExtraKeysError("", cls, set(v) - keys)
            return conv.structure_attrs_fromdict(v, cls)

        return structure

    return factory


def _broken_rules(cls: Any, made: Callable[[Any, Any], Any], v: Any) -> ClassValidationError | None:
    """Every validator of *cls* that fails on *v*, each noted with its attribute."""
    was_disabled = attrs.validators.get_disabled()
    attrs.validators.set_disabled(True)
    try:
        instance = made(v, cls)
    finally:
        attrs.validators.set_disabled(was_disabled)
    errors: list[Exception] = []
    for a in attrs.fields(cls):
        if a.validator is not None:
            try:
                a.validator(instance, a, getattr(instance, a.name))
            except (ValueError, TypeError) as exc:
                errors.append(_noted(exc, a.name, a.type))
    return ClassValidationError(f"While validating {cls.__name__}", errors, cls) if errors else None


def _is_sequence(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is list or (typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is ...)


def _is_table(tp: Any) -> bool:
    return typing.get_origin(tp) in (dict, Mapping)


def _sequence_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """cattrs' own list structuring, once the TOML gave a list (a string is not a list of
    its characters)."""

    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        inner = (list_structure_factory if typing.get_origin(tp) is list else homogenous_tuple_structure_factory)(tp, conv)

        def structure(v: Any, tp_: Any) -> Any:
            if not isinstance(v, (list, tuple)):
                raise ValueProblem(t("cfg_list", value=show(v)))
            return inner(v, tp_)

        return structure

    return factory


def _table_hook(conv: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], Any]]:
    """cattrs' own mapping structuring, once the TOML gave a table."""

    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        inner = mapping_structure_factory(tp, conv)

        def structure(v: Any, t: Any) -> Any:
            if not isinstance(v, Mapping):
                raise _not_a_table(v)
            return inner(v, t)

        return structure

    return factory


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """The converter for the config and every campaign's settings: with cattrs'
    detailed validation, every problem at its path; without it, the quick pass of
    :func:`structure` — the same hooks and values, stopping at the first problem, and
    attrs classes structured without generated code (:func:`_plain_attrs_hook`)."""
    conv = make_toml_converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    for tp, hook in ((str, _text), (int, _whole_number), (bool, _true_or_false), (Decimal, _number), (date, _day),
                     (LedgerFiles, _ledger_files), (PeriodText, _period_text), (RoleLabel, _role_label)):
        conv.register_structure_hook(tp, hook)
    # the unions by equality (cattrs' own union strategy would be asked first)
    conv.register_structure_hook_func(lambda tp: bool(tp == str | date), _day_or_text)
    conv.register_structure_hook_func(lambda tp: bool(tp == OrgSource), _org_source)
    conv.register_structure_hook_factory(_is_literal, _literal_hook)
    conv.register_structure_hook_factory(_is_enum, _enum_hook)
    conv.register_structure_hook_factory(_is_sequence, _sequence_hook(conv))
    conv.register_structure_hook_factory(_is_table, _table_hook(conv))
    conv.register_structure_hook(CampaignsConfig, _campaigns(conv))
    conv.register_structure_hook_factory(attrs.has, (_attrs_hook if detailed_validation else _plain_attrs_hook)(conv))
    return conv


_CONVERTERS: dict[bool, cattrs.Converter] = {}


def converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """The converter, made on first use (its hooks are generated per class as they are met)."""
    conv = _CONVERTERS.get(detailed_validation)
    if conv is None:
        conv = _CONVERTERS[detailed_validation] = make_converter(detailed_validation=detailed_validation)
    return conv


# ---------------------------------------------------------------------------------------
# cattrs' errors as problems at dotted paths


def _unknown_keys(exc: ForbiddenExtraKeysError, path: str) -> list[Problem]:
    known = [a.name for a in attrs.fields(exc.cl) if _is_key(a)] if attrs.has(exc.cl) else []
    parts = [t("cfg_unknown_key", key=quoted(k), near=did_you_mean(k, known)) for k in sorted(exc.extra_fields)]
    message = t("reason_sep").join(parts) + (t("cfg_known_keys", known=", ".join(known)) if known else "")
    if not path:  # a top-level key: the key is where the problem is
        return [config_problem(k, t("cfg_unknown_key", key=quoted(k), near=did_you_mean(k, known))
                               + t("cfg_known_keys", known=", ".join(known)))
                for k in sorted(exc.extra_fields)]
    return [config_problem(path, message)]


def _missing_key(cl: Any, name: str) -> str:
    field = attrs.fields_dict(cl).get(name) if attrs.has(cl) else None
    # the metadata names a message (a class is made at import, before a run's language is known)
    return t(field.metadata.get("missing", "cfg_missing") if field is not None else "cfg_missing")


def _leaf(exc: BaseException, path: str) -> list[Problem]:
    if isinstance(exc, ValueProblem):
        return [config_problem(*exc.at(path))]
    if isinstance(exc, ForbiddenExtraKeysError):
        return _unknown_keys(exc, path)
    if isinstance(exc, ValueError):  # a settings class's own validator: the plugin's words (messages.pick)
        return [config_problem(path, str(exc) or type(exc).__name__)]
    from bureaukit.messages import foreign

    # a TypeError from building the class (a string where a list belongs): Python's words, cited
    if isinstance(exc, TypeError):
        return [config_problem(path, foreign(str(exc) or type(exc).__name__))]
    return [config_problem(path, foreign(f"{type(exc).__name__}: {exc}"))]


def explain(exc: BaseException, path: str = "") -> list[Problem]:
    """A problem at its dotted path for everything a detailed-validation error holds.

    (:func:`cattrs.transform_error` walks the same tree, but writes each problem as one
    string and mapping keys as ``['key']``; a :class:`Problem` keeps the path apart.)"""
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        out = [p for sub, note in with_notes
               for p in explain(sub, f"{path}[{note.index}]" if isinstance(note.index, int) else _join(path, toml_key(str(note.index))))]
        return out + [p for sub in without for p in _leaf(sub, path)]
    if isinstance(exc, ClassValidationError):
        out = []
        with_notes2, without2 = exc.group_exceptions()
        for sub, note2 in with_notes2:
            if isinstance(sub, KeyError):
                out.append(config_problem(_join(path, note2.name), _missing_key(exc.cl, note2.name)))
            else:
                out.extend(explain(sub, _join(path, note2.name)))
        return out + [p for sub in without2 for p in _leaf(sub, path)]
    return _leaf(exc, path)


def structure(value: Any, cls: type[Any], path: str = "") -> tuple[Any, list[Problem]]:
    """Structure *value* into *cls*: (the value, no problems) or (None, every problem).

    A sound config is structured without cattrs' detailed validation and without the
    structuring functions cattrs generates for each class: generating and compiling them
    is most of what structuring a config costs in a process that structures each class
    once (docs/performance.md, *Startup*); cattrs' introspective
    ``structure_attrs_fromdict`` calls the same hooks, so the values are the same. Only a
    value that fails is structured again with detailed validation (generated functions),
    which finds every problem and its path, so the clerk reads the same messages as if it
    had been the only pass (``tests/test_config_errors_once.py``)."""
    with contextlib.suppress(Exception):  # whatever stopped it, the detailed pass below says it all
        return converter(detailed_validation=False).structure(value, cls), []
    try:
        return converter().structure(value, cls), []
    except (ClassValidationError, IterableValidationError, ValueProblem) as exc:
        return None, explain(exc, path)


# ---------------------------------------------------------------------------------------
# Reading the file


_TOML_ZH = (
    # tomllib's messages (Python 3.11–3.13) as a Chinese admin reads them; any other is quoted as it is
    (r"Cannot declare (.+) twice", r"表 \1 声明了两次"),
    (r"Cannot mutate immutable namespace (.+)", r"不能修改已定义的 \1"),
    (r"Cannot overwrite a value", "同一个键赋值了两次"),
    (r"Cannot redefine namespace (.+)", r"不能重新定义 \1"),
    (r"Duplicate inline table key (.+)", r"内联表中的键 \1 重复"),
    (r"Expected '=' after a key in a key/value pair", "键之后应有 '='"),
    (r"Expected '\]' at the end of a table declaration", "表头 [...] 缺少结尾的 ']'"),
    (r"Expected '\]\]' at the end of an array declaration", "表数组 [[...]] 缺少结尾的 ']]'"),
    (r"Found invalid character (.+)", r"无效字符 \1"),
    (r"Illegal character (.+)", r"非法字符 \1"),
    (r"Invalid date or datetime", "日期或时间无效"),
    (r"Invalid hex value", "十六进制值无效"),
    (r"Invalid initial character for a key part", "键的首字符无效（内联表 { } 不能换行）"),
    (r"Invalid statement", "无效的语句"),
    (r"Invalid value", "无效的值（文本要加引号）"),
    (r"Unclosed array", "数组 [ ] 未闭合"),
    (r"Unclosed inline table", "内联表 { } 未闭合"),
    (r"Unescaped '\\' in a string", "字符串中的 '\\' 未转义（Windows 路径请用 / 或单引号）"),
    (r"Unterminated string", "字符串的引号未闭合"),
    (r"Escaped character is not a Unicode scalar value", "转义字符不是有效的 Unicode 字符"),
)


def _toml_text(text: str) -> str:
    """tomllib's message in the run's language (its English as it is, else the Chinese, or
    the parser's words quoted when they are new)."""
    from bureaukit.messages import foreign, language

    if language() == "en":
        return text
    for pattern, zh in _TOML_ZH:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, zh, text)
    return foreign(text)


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> Problem:
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    text = _toml_text(re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc)))
    if m:
        return Problem(t("toml_syntax", text=text), str(path), int(m.group(1)), t("column_n", n=m.group(2)))
    return Problem(t("toml_syntax", text=text), str(path))


def _read_toml(p: Path) -> tuple[bytes, dict[str, Any]]:
    """The config file's bytes and its TOML: a regular file of at most MAX_CONFIG_BYTES
    (``bureaukit check /dev/zero`` is a message, not a read until memory runs out)."""
    try:
        check_regular(p, MAX_CONFIG_BYTES, "config")
        raw_bytes = p.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(t("cfg_no_file", path=p.resolve()), str(p))]) from None
    except FileRefused as exc:
        if p.is_dir():
            raise InputError([Problem(t("cfg_folder", example=p / "bureau.toml"), str(p))]) from None
        raise InputError([Problem(exc.message, str(p))]) from None
    except OSError as exc:
        raise InputError([Problem(t("cannot_read", reason=reason(exc)), str(p))]) from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError([Problem(t("cfg_utf8"), str(p))]) from None
    try:
        return raw_bytes, tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise InputError([_toml_error(p, exc)]) from None
    except RecursionError:  # tomllib parses nested arrays and inline tables recursively
        raise InputError([Problem(t("toml_nested"), str(p))]) from None


def is_federation(path: Path) -> bool:
    """The config at *path* has a ``[federation]`` table (read cheaply; errors are left to
    the reader that follows). Here rather than in :mod:`bureaukit.federation`, because
    every plain bureau's ``score`` asks it: the federation machinery is imported only for
    a federation."""
    try:
        if b"federation" not in path.read_bytes():  # a plain bureau's config: no TOML parse
            return False
    except OSError:
        return False
    try:
        return "federation" in _read_toml(path)[1]
    except InputError:
        return False


def _period_named(data: Mapping[str, Any]) -> list[Problem]:
    """``[bureau] period`` is a period id or a name from ``[periods]``: a rule across two
    tables, checked beside the structuring so that it is reported with every other
    problem rather than only once they are all fixed."""
    bureau, periods = data.get("bureau"), data.get("periods")
    period = bureau.get("period") if isinstance(bureau, Mapping) else None
    if not isinstance(period, str):
        return []
    named = {k: v for k, v in periods.items() if isinstance(v, str)} if isinstance(periods, Mapping) else {}
    try:
        parse_period(period, named)
    except PeriodError as exc:
        return [config_problem("bureau.period", str(exc))]
    return []


def read_config(path: str | Path) -> Config:
    """Read and check a bureau config. Raises :class:`InputError` with every problem,
    each as ``FILE: dotted.path: message``."""
    from bureaukit.messages import language_for, speaking

    p = Path(path)
    raw_bytes, data = _read_toml(p)
    config: Config
    # the config's own problems in its language, when it says one (``--lang`` first)
    bureau = data.get("bureau")
    with speaking(language_for(bureau.get("language", "zh") if isinstance(bureau, Mapping) else None)):
        config, problems = structure(data, Config)
        problems += _period_named(data)
    if problems:
        raise InputError([problem.inside(str(p)) for problem in problems])
    return attrs.evolve(config, path=p, root=p.resolve().parent,
                        text_hash="sha256:" + hashlib.sha256(raw_bytes).hexdigest())


def structure_settings(cls: type[Any], table: Mapping[str, Any], path: str) -> tuple[Any, list[Problem]]:
    """A campaign's settings from its table (by the same converter); problems at ``path.key``."""
    try:
        return structure(dict(table), cls, path)
    except Exception as exc:
        return None, [config_problem(path, str(exc) or type(exc).__name__)]
