"""bureaukit: score a bureau's units and people for an assessment period (考核).

The names below load their modules on first use, so ``import bureaukit`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from bureaukit.bureau import Bureau, load
    from bureaukit.campaigns import (
        API_VERSION,
        Campaign,
        ConfigError,
        ConfigWarning,
        LedgerError,
        Phase,
    )
    from bureaukit.catalogue import FindingKind, Metric
    from bureaukit.context import CheckContext, Context, Shortfall, Who
    from bureaukit.engine import score
    from bureaukit.errors import BureaukitError, InputError, PluginFailure
    from bureaukit.hookspecs import hookimpl
    from bureaukit.org import Org, Person, Unit
    from bureaukit.outcomes import Evidence, Finding, Payment, Score
    from bureaukit.periods import Bucket, Period
    from bureaukit.records import Ledger, col
    from bureaukit.result import Result

_LAZY = {
    "load": "bureaukit.bureau",
    "Bureau": "bureaukit.bureau",
    "score": "bureaukit.engine",
    "Campaign": "bureaukit.campaigns",
    "Phase": "bureaukit.campaigns",
    "ConfigError": "bureaukit.campaigns",
    "ConfigWarning": "bureaukit.campaigns",
    "LedgerError": "bureaukit.campaigns",
    "API_VERSION": "bureaukit.campaigns",
    "Metric": "bureaukit.catalogue",
    "FindingKind": "bureaukit.catalogue",
    "Context": "bureaukit.context",
    "CheckContext": "bureaukit.context",
    "Who": "bureaukit.context",
    "Shortfall": "bureaukit.context",
    "BureaukitError": "bureaukit.errors",
    "InputError": "bureaukit.errors",
    "PluginFailure": "bureaukit.errors",
    "hookimpl": "bureaukit.hookspecs",
    "Org": "bureaukit.org",
    "Unit": "bureaukit.org",
    "Person": "bureaukit.org",
    "Score": "bureaukit.outcomes",
    "Payment": "bureaukit.outcomes",
    "Finding": "bureaukit.outcomes",
    "Evidence": "bureaukit.outcomes",
    "Period": "bureaukit.periods",
    "Bucket": "bureaukit.periods",
    "Ledger": "bureaukit.records",
    "col": "bureaukit.records",
    "Result": "bureaukit.result",
}

__all__ = [
    "API_VERSION",
    "Bucket",
    "Bureau",
    "BureaukitError",
    "Campaign",
    "CheckContext",
    "ConfigError",
    "ConfigWarning",
    "Context",
    "Evidence",
    "Finding",
    "FindingKind",
    "InputError",
    "Ledger",
    "LedgerError",
    "Metric",
    "Org",
    "Payment",
    "Period",
    "Person",
    "Phase",
    "PluginFailure",
    "Result",
    "Score",
    "Shortfall",
    "Unit",
    "Who",
    "__version__",
    "col",
    "hookimpl",
    "load",
    "score",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bureaukit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
