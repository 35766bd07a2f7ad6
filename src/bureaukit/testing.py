"""Helpers for plugin authors: test a campaign in a few lines, without files.

    from bureaukit.testing import run, unit, person

    out = run(CAMPAIGN,
              units=[unit("bureau", kind="bureau"), unit("road", parent="bureau")],
              people=[person("p1", "road", roles=["unit_head"])],
              records={"projects": [Project(...)]},
              settings={"targets": {"total_wan": 100}},
              period="2014", as_of="2014-12-31")
    assert out.value("unit:bureau", "points") == "100.00"

Inline records get the origin ``<kind>`` row N (their 1-based position) so evidence
can be asserted; :func:`read_csv` reads records from CSV text through the real
ledger reader, Chinese headers and all.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from bureaukit._repr import FieldsRepr
from bureaukit.campaigns import Campaign, CheckIssue, ConfigError, ConfigWarning, LedgerError
from bureaukit.config import structure_settings
from bureaukit.context import CheckContext, Context, Origin
from bureaukit.engine import run_campaign
from bureaukit.errors import InputError
from bureaukit.ledgers import Problems, Source, check_keys_and_refs, read_kind
from bureaukit.org import Org, Person, Unit, build_org
from bureaukit.outcomes import Finding, Outcome, Payment, Score
from bureaukit.periods import parse_period
from bureaukit.readers import CORE_READERS
from bureaukit.records import record_spec
from bureaukit.result import write_value
from bureaukit.workcalendar import Calendar, expand_days


def unit(id: str, name: str | None = None, kind: str = "office", parent: str | None = None) -> Unit:
    """A unit; the root is the one with no parent."""
    return Unit(id, name or id, kind, parent)


def person(
    id: str,
    unit: str,
    roles: Sequence[str] = (),
    oversees: Sequence[str] = (),
    start: str | date | None = None,
    end: str | date | None = None,
    name: str | None = None,
) -> Person:
    return Person(id, name or id, unit, tuple(roles), tuple(oversees), _date(start), _date(end))


def _date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def org(units: Iterable[Unit], people: Iterable[Person] = ()) -> Org:
    return build_org(units, people)


def settings_of(campaign: Campaign, settings: Mapping[str, Any] | object | None) -> Any:
    """The campaign's settings from a mapping (structured like the config's table)."""
    if settings is None:
        settings = {}
    if not isinstance(settings, Mapping):
        return settings
    value, errors = structure_settings(campaign.settings, settings, f"campaigns.{campaign.name}")
    if errors:
        raise InputError(errors)
    return value


def _origins(records: Mapping[str, Iterable[Any]]) -> tuple[dict[str, list[Any]], dict[int, Origin]]:
    origins: dict[int, Origin] = {}
    out: dict[str, list[Any]] = {}
    for kind, recs in records.items():
        out[kind] = list(recs)
        for i, r in enumerate(out[kind], start=1):
            origins.setdefault(id(r), Origin(f"<{kind}>", i))
    return out, origins


def check(
    campaign: Campaign,
    *,
    units: Iterable[Unit],
    people: Iterable[Person] = (),
    records: Mapping[str, Iterable[Any]] | None = None,
    settings: Mapping[str, Any] | object | None = None,
) -> list[CheckIssue]:
    """The issues the campaign's own ``check`` reports (plus core key/ref problems as
    LedgerError-free strings raised in InputError)."""
    o = org(units, people)
    recs, origins = _origins(records or {})
    for kind in campaign.records:
        recs.setdefault(kind, [])
    s = settings_of(campaign, settings)
    problems = Problems()
    specs = {k: record_spec(c) for k, c in campaign.records.items()}
    check_keys_and_refs(specs, recs, origins, {}, o.people, o.units, problems)
    if problems.lines:
        raise InputError(problems.lines)
    if campaign.check is None:
        return []
    return list(campaign.check(CheckContext(o, s, recs, origins)))


def context(
    campaign: Campaign,
    *,
    units: Iterable[Unit],
    people: Iterable[Person] = (),
    records: Mapping[str, Iterable[Any]] | None = None,
    settings: Mapping[str, Any] | object | None = None,
    period: str = "2014",
    as_of: str | date | None = None,
    holidays: Iterable[str] = (),
    workdays: Iterable[str] = (),
    time_progress: str = "days",
    periods: Mapping[str, str] | None = None,
) -> Context:
    """A Context for *campaign* built from inline units, people, records and settings."""
    o = org(units, people)
    recs, origins = _origins(records or {})
    for kind in campaign.records:
        recs.setdefault(kind, [])
    unknown = set(recs) - set(campaign.records)
    if unknown:
        raise KeyError(f"{campaign.name} has no record kind(s) {sorted(unknown)}")
    per = parse_period(period, periods)
    cut = _date(as_of) or per.end
    return Context(
        campaign=campaign.name,
        org=o,
        period=per,
        as_of=cut,
        calendar=Calendar(expand_days(holidays), expand_days(workdays)),
        settings=settings_of(campaign, settings),
        records=recs,
        origins=origins,
        specs={k: record_spec(c) for k, c in campaign.records.items()},
        progress_mode=time_progress,
    )


@attrs.frozen(repr=False)
class Outcomes(FieldsRepr):
    """A campaign's outcomes with lookups that read like the seed's worked cases."""

    items: tuple[Outcome, ...]

    @property
    def scores(self) -> list[Score]:
        return [o for o in self.items if isinstance(o, Score)]

    @property
    def payments(self) -> list[Payment]:
        return [o for o in self.items if isinstance(o, Payment)]

    @property
    def findings(self) -> list[Finding]:
        return [o for o in self.items if isinstance(o, Finding)]

    def score(self, subject: str, metric: str) -> Score:
        """The one Score of *metric* for *subject* (KeyError when there is none)."""
        hits = [s for s in self.scores if s.subject == subject and s.metric == metric]
        if len(hits) != 1:
            raise KeyError(f"{len(hits)} scores {metric} for {subject}")
        return hits[0]

    def has_score(self, subject: str, metric: str) -> bool:
        return any(s.subject == subject and s.metric == metric for s in self.scores)

    def value(self, subject: str, metric: str) -> str | None:
        """The score's value as the JSON writes it (``"50.00"``, ``"0.7500"``, ``"720"``)."""
        s = self.score(subject, metric)
        return write_value(s, s.value)

    def find(self, code: str | None = None, subject: str | None = None) -> list[Finding]:
        return [
            f for f in self.findings
            if (code is None or f.code == code) and (subject is None or f.subject == subject)
        ]

    def paid(self, subject: str | None = None, kind: str | None = None) -> list[Payment]:
        return [
            p for p in self.payments
            if (subject is None or p.subject == subject) and (kind is None or p.kind == kind)
        ]

    def amounts(self, subject: str) -> dict[str, str]:
        """kind → total amount written to the fen, for one subject."""
        totals: dict[str, Any] = {}
        for p in self.paid(subject):
            totals[p.kind] = totals.get(p.kind, 0) + p.amount
        return {k: f"{v:.2f}" for k, v in sorted(totals.items())}


def run(campaign: Campaign, **kwargs: Any) -> Outcomes:
    """Run *campaign* on inline data (arguments as :func:`context`); its ``check`` runs
    first and any ConfigError or LedgerError raises InputError."""
    issues = check(
        campaign,
        units=kwargs["units"],
        people=kwargs.get("people", ()),
        records=kwargs.get("records"),
        settings=kwargs.get("settings"),
    ) if campaign.check is not None else []
    errors = [i for i in issues if isinstance(i, (ConfigError, LedgerError))]
    if errors:
        raise InputError([_issue_text(i) for i in errors])
    ctx = context(campaign, **kwargs)
    return Outcomes(tuple(run_campaign(ctx, campaign)))


def run_context(ctx: Context, campaign: Campaign) -> Outcomes:
    return Outcomes(tuple(run_campaign(ctx, campaign)))


def _issue_text(issue: CheckIssue) -> str:
    if isinstance(issue, LedgerError):
        return f"{type(issue.record).__name__}: {issue.column}: {issue.message}"
    if isinstance(issue, (ConfigError, ConfigWarning)):
        return f"{issue.path}: {issue.message}"
    return str(issue)


def read_csv(campaign: Campaign, kind: str, text: str, *, encoding: str = "utf-8") -> list[Any]:
    """Records of *kind* from CSV text, through the real reader and cell converters
    (raises InputError with ``FILE:ROW: column: message`` lines)."""
    spec = record_spec(campaign.records[kind])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{kind}.csv"
        path.write_bytes(text.encode(encoding))
        problems = Problems()
        origins: dict[int, Origin] = {}
        readers = {s: r for r in CORE_READERS for s in r.suffixes}
        recs = read_kind(spec, [Source(f"{kind}.csv", path, None)], readers, problems, origins)
        if problems.lines:
            shown = Source(f"{kind}.csv", path, None).shown
            raise InputError([line.replace(shown, f"{kind}.csv") for line in problems.lines])
    return recs
