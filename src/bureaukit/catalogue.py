"""What each metric and finding code means (REPORTS §1): declared once by the campaign
that yields it, carried in the result, so that every report labels and formats a number
without knowing the plugin.

``Campaign.metrics`` maps a metric name to a :class:`Metric`; ``Campaign.findings`` maps a
finding code (``investment.behind_schedule``) to a :class:`FindingKind`. Either may be a
function of the campaign's structured settings when the names come from the settings
(conduct's ``stage.<id>``, wubi's ``dim.<code>``). The core declares ``points`` (0–100)
for every campaign and ``<name>.step_missing`` for a campaign with phases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

import attrs

MetricKind = Literal["points", "score", "rate", "amount", "count"]
METRIC_KINDS: tuple[MetricKind, ...] = ("points", "score", "rate", "amount", "count")
Better = Literal["higher", "lower"]


@attrs.frozen
class Metric:
    """One metric's title and how to show it.

    ``kind``: ``points`` (the campaign's 0–100 standing), ``score`` (another 0–100
    value), ``rate`` (0–1, shown as a percentage), ``amount`` (with its ``unit``:
    ``万元``, ``元``, ``件``, ``篇``, ``次``, ``个``), ``count`` (an integer).
    ``better``: ``higher`` or ``lower`` (a deduction count is better low).
    """

    zh: str
    en: str
    kind: MetricKind
    unit: str | None = None
    better: Better = "higher"

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def to_dict(self) -> dict[str, Any]:
        return {"zh": self.zh, "en": self.en, "kind": self.kind, "unit": self.unit, "better": self.better}


@attrs.frozen
class FindingKind:
    """The short title of a finding code (``低于序时进度`` / ``Behind schedule``); the
    message stays per finding."""

    zh: str
    en: str

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def to_dict(self) -> dict[str, Any]:
        return {"zh": self.zh, "en": self.en}


POINTS = Metric("得分", "Points", "points")
"""The core's metric: every campaign's standing of a subject, 0–100."""

STEP_MISSING = FindingKind("阶段环节未完成", "Phase step missing")
"""The core's finding for a campaign with phases (CORE §8)."""

Metrics = Mapping[str, Metric]
FindingKinds = Mapping[str, FindingKind]
MetricsDecl = Metrics | Callable[[Any], Metrics]
FindingsDecl = FindingKinds | Callable[[Any], FindingKinds]


def metric_problems(metrics: object) -> list[str]:
    """What is wrong with a metric catalogue (empty when sound)."""
    if not isinstance(metrics, Mapping):
        return [f"metrics must map metric names to bureaukit.Metric, got {type(metrics).__name__}"]
    errors = []
    for name, m in metrics.items():
        if not isinstance(name, str) or not name:
            errors.append(f"metric name {name!r} must be a non-empty text")
        elif not isinstance(m, Metric):
            errors.append(f"metric {name}: {type(m).__name__} is not bureaukit.Metric")
        elif m.kind not in METRIC_KINDS:
            errors.append(f"metric {name}: kind {m.kind!r} is not one of {', '.join(METRIC_KINDS)}")
        elif m.better not in ("higher", "lower"):
            errors.append(f"metric {name}: better {m.better!r} is not higher or lower")
        elif not (isinstance(m.zh, str) and m.zh and isinstance(m.en, str) and m.en):
            errors.append(f"metric {name}: give both zh and en titles")
        elif name == "points" and m.kind != "points":
            errors.append("metric points is declared by the core (kind points)")
    return errors


def finding_problems(findings: object, campaign: str) -> list[str]:
    """What is wrong with a finding catalogue (empty when sound)."""
    if not isinstance(findings, Mapping):
        return [f"findings must map finding codes to bureaukit.FindingKind, got {type(findings).__name__}"]
    errors = []
    for code, k in findings.items():
        if not isinstance(code, str) or not code.startswith(f"{campaign}."):
            errors.append(f"finding code {code!r} must start with {campaign + '.'!r}")
        elif not isinstance(k, FindingKind):
            errors.append(f"finding {code}: {type(k).__name__} is not bureaukit.FindingKind")
        elif not (isinstance(k.zh, str) and k.zh and isinstance(k.en, str) and k.en):
            errors.append(f"finding {code}: give both zh and en titles")
    return errors


def resolve(
    name: str, metrics: MetricsDecl, findings: FindingsDecl, settings: object, phases: bool
) -> tuple[dict[str, Metric], dict[str, FindingKind]]:
    """A campaign's catalogues for its settings, the core's entries added; raise
    ValueError naming what is malformed (the plugin's failure)."""
    declared_m = metrics(settings) if callable(metrics) else metrics
    declared_f = findings(settings) if callable(findings) else findings
    errors = metric_problems(declared_m) + finding_problems(declared_f, name)
    if errors:
        raise ValueError("; ".join(errors))
    out_m = {"points": POINTS, **declared_m}
    out_f = dict(declared_f)
    if phases:
        out_f.setdefault(f"{name}.step_missing", STEP_MISSING)
    return out_m, out_f
