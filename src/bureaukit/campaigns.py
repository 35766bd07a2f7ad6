"""What a campaign plugin registers (CORE §7): a frozen, validated :class:`Campaign`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, Literal

import attrs
from typing_extensions import TypeVar

from bureaukit.records import record_spec

if TYPE_CHECKING:
    from bureaukit.catalogue import FindingsDecl, MetricsDecl
    from bureaukit.context import CheckContext, Context
    from bureaukit.outcomes import Outcome

API_VERSION = 1
"""The plugin API version of this core; ``Campaign.api`` must equal it."""

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
KIND = re.compile(r"^[a-z][a-z0-9_]*$")

S = TypeVar("S", default=Any)


@attrs.frozen
class Phase:
    """A phase 阶段 of a campaign with the steps 环节 each participating unit must do."""

    id: str
    title: str
    start: date
    end: date
    steps: tuple[str, ...]


@attrs.frozen
class ConfigError:
    """A problem in the campaign's settings: ``path`` is relative to its table
    (``"allocation.road"`` → ``campaigns.investment.allocation.road``)."""

    path: str
    message: str


@attrs.frozen
class ConfigWarning:
    """Worth telling the administrator, not an error (``check`` exits 0)."""

    path: str
    message: str


@attrs.frozen
class LedgerError:
    """A problem with one record: reported as ``FILE:ROW: column: message``."""

    record: object
    column: str
    message: str


CheckIssue = ConfigError | ConfigWarning | LedgerError


@attrs.frozen
class BureauSetting:
    """A setting only the bureau itself can give — a target, a quota, a schedule (REPORTS §5).

    ``bureaukit init`` writes ``key = neutral`` (TOML text) so that a fresh bureau is not
    scored against the demo district's figures, with ``example`` (TOML text) commented out
    above it under the comment ``zh``. A campaign takes its neutral value as "not set up
    yet": it scores nothing on it, and ``check`` notes the setting the bureau has still to
    give. ``neutral=None``: the plugin's default is already neutral; init writes only the
    commented example.
    """

    key: str
    neutral: str | None
    example: str
    zh: str
    en: str


@attrs.frozen
class Campaign(Generic[S]):
    """A campaign's registration, returned from ``bureaukit_campaigns``.

    - ``name``: the campaign name = entry point name (``investment``).
    - ``title``: ``{"zh": ..., "en": ...}``.
    - ``settings``: an attrs class; the campaign's config table is structured into it,
      and ``score`` receives it typed: ``Context[S]`` for ``Campaign[S]``.
    - ``records``: record kind → record class (see :mod:`bureaukit.records`).
    - ``score``: ``(Context) -> Iterable[Score | Payment | Finding]``.
    - ``check``: optional ``(CheckContext) -> Iterable[ConfigError | ConfigWarning |
      LedgerError]`` for rules the types cannot say (run by ``load`` and ``check``).
    - ``phases``: optional ``(Context) -> Sequence[Phase]``; the core then checks the
      steps recorded in record kind ``steps`` and yields ``<name>.step_missing`` with
      severity ``step_severity`` (CORE §8). A campaign's own rules read the same steps
      through :class:`bureaukit.phases.StepLog`; gates between phases (转段) and 补课 are
      :mod:`bureaukit.gates`.
    - ``metrics``: metric name → :class:`bureaukit.Metric` (titles zh/en, kind, unit,
      better), or a function of the structured settings giving that mapping; ``points``
      is declared by the core (REPORTS §1).
    - ``findings``: finding code → :class:`bureaukit.FindingKind` (short titles zh/en),
      or a function of the settings; ``<name>.step_missing`` is the core's.
    - ``bureau_settings``: the settings only the bureau can give (targets, quotas,
      schedules) as :class:`BureauSetting`; ``init`` writes them neutral.
    - ``api``: the plugin API version the campaign was written for.

    The engine rejects a Score whose metric, or a Finding whose code, is not declared.
    """

    name: str
    title: Mapping[str, str]
    settings: type[S]
    records: Mapping[str, type]
    score: Callable[[Context[S]], Iterable[Outcome]]
    check: Callable[[CheckContext[S]], Iterable[CheckIssue]] | None = None
    phases: Callable[[Context[S]], Sequence[Phase]] | None = None
    steps: str = "steps"
    step_severity: Literal["info", "warning", "violation"] = "violation"
    metrics: MetricsDecl = attrs.field(factory=dict)
    findings: FindingsDecl = attrs.field(factory=dict)
    bureau_settings: tuple[BureauSetting, ...] = ()
    api: int = API_VERSION


def validate_campaign(obj: Any) -> list[str]:
    """What is wrong with a registration (empty when it is sound)."""
    if not isinstance(obj, Campaign):
        return [f"returned {type(obj).__name__}, not bureaukit.Campaign"]
    errors: list[str] = []
    if obj.api != API_VERSION:
        errors.append(
            f"written for plugin API {obj.api!r}, this bureaukit speaks API {API_VERSION}: "
            "install a matching version"
        )
    if not isinstance(obj.name, str) or not NAME.match(obj.name):
        errors.append(f"campaign name {obj.name!r} must be lower-case letters, digits and _")
    if not isinstance(obj.title, Mapping) or not {"zh", "en"} <= set(obj.title):
        errors.append("title must give both zh and en")
    if not attrs.has(obj.settings):
        errors.append("settings must be an attrs class")
    else:
        try:
            obj.settings()
        except Exception as exc:
            errors.append(f"settings class cannot be built from its defaults: {exc}")
    if not isinstance(obj.records, Mapping):
        errors.append("records must map record kinds to record classes")
    else:
        for kind, cls in obj.records.items():
            if not isinstance(kind, str) or not KIND.match(kind) or kind == "ledgers":
                errors.append(f"record kind {kind!r} must be lower-case letters, digits and _")
                continue
            try:
                spec = record_spec(cls)
            except TypeError as exc:
                errors.append(f"record kind {kind}: {exc}")
                continue
            for f in spec.fields:
                if f.ref not in (None, "person", "unit") and f.ref not in obj.records:
                    errors.append(f"record kind {kind}: {f.name} refers to unknown kind {f.ref!r}")
    if not callable(obj.score):
        errors.append("score must be callable")
    errors += _catalogue_problems(obj)
    if obj.phases is not None and obj.steps not in obj.records:
        errors.append(f"phases are declared but record kind {obj.steps!r} is not")
    return errors


def _catalogue_problems(obj: Campaign) -> list[str]:
    """A declared catalogue checked at registration; one given as a function of the
    settings is checked when the engine resolves it."""
    from bureaukit.catalogue import finding_problems, metric_problems

    errors: list[str] = []
    if not callable(obj.metrics):
        errors += metric_problems(obj.metrics)
    if not callable(obj.findings):
        errors += finding_problems(obj.findings, obj.name if isinstance(obj.name, str) else "")
    return errors
