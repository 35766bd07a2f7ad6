"""The result of a run (CORE §10) and its schema-1 JSON: same inputs, byte-identical output."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from bureaukit._repr import FieldsRepr
from bureaukit.money import fmt_exact, fmt_money, fmt_points, fmt_rate
from bureaukit.outcomes import SEVERITIES, Evidence, Finding, Payment, Score
from bureaukit.scorecards import Scorecard

SCHEMA = 1


@attrs.frozen(repr=False)
class CampaignInfo(FieldsRepr):
    name: str
    title: Mapping[str, str]
    distribution: str
    version: str


@attrs.frozen(repr=False)
class PeriodInfo(FieldsRepr):
    id: str
    start: date
    end: date
    as_of: date
    time_progress: Decimal
    final: bool


@attrs.frozen(repr=False)
class Result(FieldsRepr):
    """Everything a run found, in both languages; renderers and the JSON read it."""

    version: str
    bureau_id: str
    bureau_name: str
    language: str
    period: PeriodInfo
    campaigns: tuple[CampaignInfo, ...]
    scores: tuple[Score, ...]
    payments: tuple[Payment, ...]
    findings: tuple[Finding, ...]
    scorecards: tuple[Scorecard, ...]
    config_hash: str
    files: Mapping[str, str]
    names: Mapping[str, str] = attrs.field(factory=dict, eq=False)
    """subject → display name (units and people), for reports."""
    schema: int = SCHEMA

    def campaign_title(self, name: str, lang: str | None = None) -> str:
        for c in self.campaigns:
            if c.name == name:
                return c.title.get(lang or self.language, c.title.get("zh", name))
        return name

    def name_of(self, subject: str) -> str:
        return self.names.get(subject, subject)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return result_dict(self, lang or self.language)

    def to_json(self, lang: str | None = None) -> str:
        """The schema-1 JSON (UTF-8 text, keys in the documented order, final newline).

        Written on one line: the C encoder is ~20× faster than the indenting one, which
        matters at a million ledger rows (pipe through ``python -m json.tool`` to read it).
        """
        import gc

        # millions of small dicts at a province's size, none of them cyclic: keep the
        # cyclic collector from walking them (and the whole result) again and again
        enabled = gc.isenabled()
        gc.disable()
        try:
            return json.dumps(self.to_dict(lang), ensure_ascii=False) + "\n"
        finally:
            if enabled:
                gc.enable()


def _ev_key(evidence: tuple[Evidence, ...]) -> tuple[str, int, str, str]:
    if not evidence:
        return ("", -1, "", "")
    e = evidence[0]
    return (e.source or "", e.row if e.row is not None else -1, e.record or "", e.note)


def sort_scores(scores: list[Score]) -> list[Score]:
    return sorted(scores, key=lambda s: (s.campaign, s.subject, s.metric, _ev_key(s.evidence)))


def sort_payments(payments: list[Payment]) -> list[Payment]:
    return sorted(
        payments,
        key=lambda p: (p.campaign, p.subject, p.kind, p.period or "", _ev_key(p.evidence), p.amount),
    )


def sort_findings(findings: list[Finding], lang: str = "zh") -> list[Finding]:
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(
        findings,
        key=lambda f: (
            f.campaign,
            order[f.severity],
            f.code,
            f.subject,
            (1, date.max) if f.due is None else (0, f.due),
            _ev_key(f.evidence)[:2],
            f.message.get(lang, ""),
            f.message.get("zh", ""),
        ),
    )


def sort_scorecards(cards: list[Scorecard]) -> list[Scorecard]:
    return sorted(
        cards,
        key=lambda c: (c.group is None, c.group or "", c.rank if c.rank is not None else 1 << 30, c.subject),
    )


def write_value(score: Score, value: Decimal | int | None) -> str | None:
    """A score's value or target in its written form (CORE §4)."""
    if value is None:
        return None
    form = score.written_form
    if form == "money":
        return fmt_money(Decimal(value))
    if form == "rate":
        return fmt_rate(Decimal(value))
    if form == "score":
        return fmt_points(Decimal(value))
    return fmt_exact(value)


def _evidence(ev: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"source": e.source, "row": e.row, "record": e.record, "note": e.note} for e in ev]


def result_dict(r: Result, lang: str) -> dict[str, Any]:
    def msg(m: Mapping[str, str]) -> str:
        return m.get(lang) or m.get("zh") or m.get("en") or ""

    return {
        "schema": r.schema,
        "bureaukit": r.version,
        "bureau": {"id": r.bureau_id, "name": r.bureau_name},
        "period": {
            "id": r.period.id,
            "start": r.period.start.isoformat(),
            "end": r.period.end.isoformat(),
            "as_of": r.period.as_of.isoformat(),
            "time_progress": fmt_rate(r.period.time_progress),
            "final": r.period.final,
        },
        "campaigns": [
            {"name": c.name, "title": msg(c.title), "distribution": c.distribution, "version": c.version}
            for c in r.campaigns
        ],
        "scores": [
            {
                "campaign": s.campaign,
                "subject": s.subject,
                "metric": s.metric,
                "value": write_value(s, s.value),
                "target": write_value(s, s.target),
                "unit": s.unit,
                "evidence": _evidence(s.evidence),
            }
            for s in r.scores
        ],
        "payments": [
            {
                "campaign": p.campaign,
                "subject": p.subject,
                "kind": p.kind,
                "amount": fmt_money(p.amount),
                "period": p.period,
                "evidence": _evidence(p.evidence),
            }
            for p in r.payments
        ],
        "findings": [
            {
                "campaign": f.campaign,
                "subject": f.subject,
                "code": f.code,
                "severity": f.severity,
                "message": msg(f.message),
                "due": f.due.isoformat() if f.due else None,
                "evidence": _evidence(f.evidence),
            }
            for f in r.findings
        ],
        "scorecards": [
            {
                "subject": c.subject,
                "name": c.name,
                "group": c.group,
                "composite": fmt_points(c.composite),
                "grade": c.grade,
                "rank": c.rank,
                "campaigns": {k: fmt_points(v) for k, v in c.campaigns.items()},
            }
            for c in r.scorecards
        ],
        "inputs": {"config": r.config_hash, "files": dict(sorted(r.files.items()))},
    }
