"""Everything a campaign plugin imports from bureaukit: ``import bureaukit.plugin as bk``
(or ``from bureaukit.plugin import ...``).

A campaign is a distribution ``bureaukit-<name>`` whose entry point (group
``bureaukit``) names a module with a ``@hookimpl`` function ``bureaukit_campaigns``
returning ``[Campaign(...)]`` (docs/writing-a-plugin.md). Its ``score`` receives a
``Context[Settings]``, typed by the settings class, and yields :class:`Score`,
:class:`Payment` and :class:`Finding` outcomes with their :class:`Evidence`.

The names, by topic:

- registering: ``hookimpl``, ``Campaign``, ``Phase``, ``API_VERSION``, ``Metric``,
  ``FindingKind``, ``BureauSetting``;
- records: ``Ledger``, ``col``, ``enum_label``;
- the run: ``Context``, ``CheckContext``, ``Who``, ``Shortfall``, ``Org``, ``Unit``,
  ``Person``, ``UNIT_KINDS``, ``Period``, ``PeriodError``, ``Bucket``, ``Per``,
  ``month_day``, ``half_of``, ``answers_in_period``;
- role selectors: ``Roles``, ``RoleSelector``, ``SelectorError``, ``selector_problem``,
  ``selector_problems``;
- outcomes: ``Score``, ``Payment``, ``PaymentKind``, ``Finding``, ``Severity``,
  ``Evidence``, ``Note``, ``Outcome``, ``unit``, ``person``;
- check issues: ``ConfigError``, ``ConfigWarning``, ``LedgerError``, ``CheckIssue``,
  ``toml_key``, ``did_you_mean``;
- words: ``say``, ``tell``, ``Say``, ``Message``, ``Text``, ``Rate``, ``rates_apart``,
  ``Yuan``, ``Amount``, ``Quantity``, ``pick``, ``language``, and ``notes`` (numbers in
  notes: ``exact``, ``places2``, ``places4``, ``percent``, ``thousands``);
- money and numbers: ``split``, ``split_among``, ``to_yuan``, ``weighted_mean``,
  ``group_by``;
- phases and gates of a staged campaign (loaded on first use, like the campaigns that
  need them): ``Step``, ``StepLog``, ``Window``, ``participants``, ``phase_ids``,
  ``campaign_window``, ``place_start``, ``place_end``, ``as_date``, ``find_phase``,
  ``unknown_phase``, ``window_errors``, ``month_day_errors``, ``step_ledger_errors``,
  ``Gates``, ``Makeup``, ``Makeups``, ``Trigger``, ``Unmet``.

These names are the plugin API of ``API_VERSION`` (docs/compatibility.md): they keep
their meaning within one API version. A bundled campaign imports nothing else from
bureaukit (tests/test_code_health.py checks it).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from bureaukit import notes
from bureaukit.campaigns import (
    API_VERSION,
    BureauSetting,
    Campaign,
    CheckIssue,
    ConfigError,
    ConfigWarning,
    LedgerError,
    Phase,
)
from bureaukit.catalogue import FindingKind, Metric
from bureaukit.context import CheckContext, Context, Shortfall, Who
from bureaukit.errors import did_you_mean
from bureaukit.grouping import group_by
from bureaukit.hookspecs import hookimpl
from bureaukit.messages import language, pick
from bureaukit.money import split, split_among, to_yuan, weighted_mean
from bureaukit.org import UNIT_KINDS, Org, Person, Unit
from bureaukit.outcomes import (
    Evidence,
    Finding,
    Note,
    Outcome,
    Payment,
    PaymentKind,
    Score,
    Severity,
    person_subject,
    unit_subject,
)
from bureaukit.periods import (
    Bucket,
    Per,
    Period,
    PeriodError,
    answers_in_period,
    half_of,
    month_day,
)
from bureaukit.phrases import (
    Amount,
    Message,
    Quantity,
    Rate,
    Say,
    Text,
    Yuan,
    rates_apart,
    say,
    tell,
)
from bureaukit.records import Ledger, col, enum_label
from bureaukit.roles import Roles, RoleSelector, SelectorError, selector_problem, selector_problems
from bureaukit.text import toml_key

if TYPE_CHECKING:
    from bureaukit.gates import Gates, Makeup, Makeups, Trigger, Unmet
    from bureaukit.phases import (
        Step,
        StepLog,
        Window,
        as_date,
        campaign_window,
        find_phase,
        month_day_errors,
        participants,
        phase_ids,
        place_end,
        place_start,
        step_ledger_errors,
        unknown_phase,
        window_errors,
    )

unit = unit_subject
"""``unit("ygs")`` is the subject text ``"unit:ygs"``."""

person = person_subject
"""``person("p01")`` is the subject text ``"person:p01"``."""

# Only staged campaigns (style, vanguard) use phases and gates; a run without one need not
# import them, so they load on first use (PEP 562). mypy reads them from the
# TYPE_CHECKING imports above, with their real types.
_STAGED = {
    "bureaukit.phases": (
        "Step StepLog Window as_date campaign_window find_phase month_day_errors participants "
        "phase_ids place_end place_start step_ledger_errors unknown_phase window_errors"
    ),
    "bureaukit.gates": "Gates Makeup Makeups Trigger Unmet",
}
_STAGED_MODULE = {name: module for module, names in _STAGED.items() for name in names.split()}

if not TYPE_CHECKING:  # at runtime only: to mypy a misspelt name stays an error

    def __getattr__(name: str) -> object:
        module = _STAGED_MODULE.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [  # by topic in the module docstring
    "API_VERSION",
    "UNIT_KINDS",
    "Amount",
    "Bucket",
    "BureauSetting",
    "Campaign",
    "CheckContext",
    "CheckIssue",
    "ConfigError",
    "ConfigWarning",
    "Context",
    "Evidence",
    "Finding",
    "FindingKind",
    "Gates",
    "Ledger",
    "LedgerError",
    "Makeup",
    "Makeups",
    "Message",
    "Metric",
    "Note",
    "Org",
    "Outcome",
    "Payment",
    "PaymentKind",
    "Per",
    "Period",
    "PeriodError",
    "Person",
    "Phase",
    "Quantity",
    "Rate",
    "RoleSelector",
    "Roles",
    "Say",
    "Score",
    "SelectorError",
    "Severity",
    "Shortfall",
    "Step",
    "StepLog",
    "Text",
    "Trigger",
    "Unit",
    "Unmet",
    "Who",
    "Window",
    "Yuan",
    "answers_in_period",
    "as_date",
    "campaign_window",
    "col",
    "did_you_mean",
    "enum_label",
    "find_phase",
    "group_by",
    "half_of",
    "hookimpl",
    "language",
    "month_day",
    "month_day_errors",
    "notes",
    "participants",
    "person",
    "phase_ids",
    "pick",
    "place_end",
    "place_start",
    "rates_apart",
    "say",
    "selector_problem",
    "selector_problems",
    "split",
    "split_among",
    "step_ledger_errors",
    "tell",
    "to_yuan",
    "toml_key",
    "unit",
    "unknown_phase",
    "weighted_mean",
    "window_errors",
]
