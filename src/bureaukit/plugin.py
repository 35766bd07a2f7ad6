"""Everything a campaign plugin imports: ``from bureaukit.plugin import ...``.

A campaign is a distribution ``bureaukit-<name>`` whose entry point (group
``bureaukit``) names a module with a ``@hookimpl`` function ``bureaukit_campaigns``
returning ``[Campaign(...)]`` (docs/writing-a-plugin.md). Its ``score`` receives a
``Context[Settings]``, typed by the settings class, and yields :class:`Score`,
:class:`Payment` and :class:`Finding` outcomes with their :class:`Evidence`.

The names here are the plugin API of ``API_VERSION`` (docs/compatibility.md): they keep
their meaning within one API version.
"""

from __future__ import annotations

from bureaukit import notes
from bureaukit.campaigns import (
    API_VERSION,
    BureauSetting,
    Campaign,
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
from bureaukit.money import split, split_among, to_yuan
from bureaukit.org import Org, Person, Unit
from bureaukit.outcomes import (
    Evidence,
    Finding,
    Note,
    Outcome,
    Payment,
    Score,
    Severity,
    person_subject,
    unit_subject,
)
from bureaukit.periods import Bucket, Per, Period
from bureaukit.phrases import Amount, Quantity, Rate, Say, Text, Yuan, rates_apart, say, tell
from bureaukit.records import Ledger, col

unit = unit_subject
"""``unit("ygs")`` is the subject text ``"unit:ygs"``."""

person = person_subject
"""``person("p01")`` is the subject text ``"person:p01"``."""

__all__ = [
    "API_VERSION",
    "Amount",
    "Bucket",
    "BureauSetting",
    "Campaign",
    "CheckContext",
    "ConfigError",
    "ConfigWarning",
    "Context",
    "Evidence",
    "Finding",
    "FindingKind",
    "Ledger",
    "LedgerError",
    "Metric",
    "Note",
    "Org",
    "Outcome",
    "Payment",
    "Per",
    "Period",
    "Person",
    "Phase",
    "Quantity",
    "Rate",
    "Say",
    "Score",
    "Severity",
    "Shortfall",
    "Text",
    "Unit",
    "Who",
    "Yuan",
    "col",
    "did_you_mean",
    "group_by",
    "hookimpl",
    "notes",
    "person",
    "rates_apart",
    "say",
    "split",
    "split_among",
    "tell",
    "to_yuan",
    "unit",
]
