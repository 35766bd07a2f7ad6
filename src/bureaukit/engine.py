"""Running the campaigns for one period (CORE §7–§10): contexts, outcomes, scorecards, result."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import Any

import attrs

from bureaukit.bureau import Bureau, CampaignData
from bureaukit.campaigns import Campaign
from bureaukit.catalogue import FindingKind, Metric
from bureaukit.catalogue import resolve as resolve_catalogue
from bureaukit.context import Context
from bureaukit.errors import InputError, PluginFailure, format_exc, one_line
from bureaukit.ledgers import Problems, Targets, check_keys_and_refs
from bureaukit.messages import t
from bureaukit.org import Org
from bureaukit.outcomes import PAYMENT_KINDS, SEVERITIES, Finding, Outcome, Payment, Score
from bureaukit.periods import Period, PeriodError, parse_date, time_progress
from bureaukit.phases import step_findings
from bureaukit.phrases import Message
from bureaukit.plugins import StillRunning, in_thread
from bureaukit.problems import Problem, config_problem
from bureaukit.records import RecordSpec
from bureaukit.result import (
    CampaignInfo,
    PeriodInfo,
    Result,
    sort_findings,
    sort_payments,
    sort_scorecards,
    sort_scores,
)
from bureaukit.scorecards import make_scorecards

Catalogue = tuple[dict[str, Metric], dict[str, FindingKind]]


def parse_as_of(value: str | date | None, period: Period, lang: str | None = None) -> date:
    """The cut-off date: *value* in any form a ledger cell takes, within the period."""
    if value is None:
        return period.end
    if isinstance(value, str):
        try:
            value = parse_date(value)
        except PeriodError:
            raise InputError([t("as_of_form", lang, value=value)]) from None
    if not period.start <= value <= period.end:
        raise InputError([t("as_of_outside", lang, date=value.isoformat(), period=period.id,
                            start=period.start.isoformat(), end=period.end.isoformat())])
    return value


def context_for(bureau: Bureau, data: CampaignData, period: Period, as_of: date) -> Context:
    return Context(
        campaign=data.name,
        org=bureau.org,
        period=period,
        as_of=as_of,
        calendar=bureau.calendar,
        settings=data.settings,
        records=data.records,
        provenance=bureau.provenance,
        specs=data.specs,
        progress_mode=bureau.config.bureau.time_progress,
    )


def rows_in_period(ctx: Context, specs: Mapping[str, RecordSpec]) -> int:
    """Ledger rows the run sees that fall in its period: dated ones from the period start
    to ``as_of``, and every undated one (REPORTS §5: a period with none says so)."""
    n = 0
    start = ctx.period.start
    for kind, recs in ctx.records.items():
        spec = specs.get(kind)
        dated = spec.ledger.dated if spec is not None else None
        if dated is None or spec is None or not spec.ledger.before_period:
            n += len(recs)
        else:
            n += sum(1 for r in recs if getattr(r, dated) >= start)
    return n


def check_run_keys(bureau: Bureau, data: CampaignData, ctx: Context) -> list[Problem]:
    """Keys that are unique only within a run (``key_scope="run"``)."""
    # only the kinds keyed per run: in this scope the others report nothing (load checked
    # them), and computing every record's key is a large share of a big run
    specs = {k: s for k, s in data.specs.items() if s.ledger.key and s.ledger.key_scope == "run"}
    if not specs:
        return []
    problems = Problems()
    check_keys_and_refs(specs, ctx.records, ctx.provenance, bureau.shown, Targets({}, {}), problems, key_scope="run")
    return problems.kept


def check_run_phases(data: CampaignData, ctx: Context) -> list[Problem]:
    """A staged campaign's phases placed in this run's window. ``check`` placed them in the
    config's period; a run of another (``--period 2014-Q2`` with no ``window``) may place
    them out of order, which the campaign reports as a PeriodError: the config's to fix."""
    phases = data.loaded.campaign.phases
    if phases is None:
        return []
    try:
        list(phases(ctx))
    except PeriodError as exc:
        return [config_problem(f"campaigns.{data.name}", str(exc))]
    except Exception:  # the plugin's failure, reported as such when it runs
        return []
    return []


def _call(campaign: Campaign, ctx: Context, timeout: float | None) -> list[Any]:
    if timeout is None:
        return list(campaign.score(ctx))
    try:
        return in_thread(lambda: list(campaign.score(ctx)), timeout, f"bureaukit-{campaign.name}")
    except StillRunning:
        raise TimeoutError(f"still scoring after --timeout {timeout:g} s") from None


def _validate(name: str, out: Iterable[Any], org: Org, catalogue: Catalogue) -> list[Outcome]:
    """Every outcome well formed, declared in the campaign's catalogue (REPORTS §1) and
    stamped with its campaign; raise ValueError otherwise."""
    metrics, codes = catalogue
    rated: set[str] = set()  # subjects given points: once each
    checked: list[Outcome] = []
    # a campaign yields an outcome per row for a few thousand subjects: each subject
    # text is checked against the org once
    known: set[str] = set()
    for o in out:
        if not isinstance(o, (Score, Payment, Finding)):
            raise ValueError(f"yielded {type(o).__name__}, not Score, Payment or Finding")
        if o.subject.__class__ is not str or o.subject not in known:
            _check_subject(o.subject, org)
            if o.subject.__class__ is str:
                known.add(o.subject)
        if isinstance(o, Score):
            _check_score(o, metrics, rated)
        elif isinstance(o, Payment):
            _check_payment(o)
        else:
            _check_finding(o, name, codes)
        checked.append(_stamped(o, name))
    return checked


def _stamped(o: Outcome, name: str) -> Outcome:
    """*o* marked as an outcome of campaign *name*.

    A finding made by ``ctx.finding`` carries its campaign already and is kept as it is:
    findings are most of a big run's outcomes, and a copy of each (``attrs.evolve``) was
    ~7 % of ``engine.score`` at 100k rows. A score or payment a plugin makes itself
    (``Score(...)``) names no campaign and is copied with it; an outcome stamped for
    another campaign (a plugin yielding a result it was handed) is copied too, never
    changed: outcomes are frozen.
    """
    return o if o.campaign == name else attrs.evolve(o, campaign=name)


def _check_subject(subject: str, org: Org) -> None:
    kind, _, ident = subject.partition(":")
    if kind not in ("unit", "person"):
        raise ValueError(f"subject {subject!r} is not unit:<id> or person:<id>")
    if ident not in (org.units if kind == "unit" else org.people):
        raise ValueError(f"outcome for unknown subject {subject!r}")


def _check_score(o: Score, metrics: Collection[str], rated: set[str]) -> None:
    for v in (o.value, o.target):
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, Decimal))):
            raise ValueError(f"score {o.metric} has a {type(v).__name__} value: use Decimal")
    if o.metric not in metrics:
        raise ValueError(f"score metric {o.metric!r} is not declared in the campaign's metrics")
    if o.metric == "points":
        _check_points(o, rated)


def _check_payment(o: Payment) -> None:
    if o.kind not in PAYMENT_KINDS:
        raise ValueError(f"payment kind {o.kind!r} is not one of {', '.join(PAYMENT_KINDS)}")
    if not isinstance(o.amount, Decimal) or not o.amount.is_finite():
        raise ValueError(f"payment amount {o.amount!r} is not a Decimal")


def _check_finding(o: Finding, campaign: str, codes: Collection[str]) -> None:
    if not o.code.startswith(f"{campaign}."):
        raise ValueError(f"finding code {o.code!r} must start with {campaign + '.'!r}")
    if o.code not in codes:
        raise ValueError(f"finding code {o.code!r} is not declared in the campaign's findings")
    if o.severity not in SEVERITIES:
        raise ValueError(f"finding severity {o.severity!r} is not one of {', '.join(SEVERITIES)}")
    m = o.message
    if isinstance(m, Message):
        why = m.problem()
        if why is not None:
            raise ValueError(f"finding {o.code} message: {why}")
    elif not isinstance(m, dict) or "zh" not in m or "en" not in m:
        raise ValueError(f"finding {o.code} message must give zh and en")


def _check_points(o: Score, rated: set[str]) -> None:
    """``points`` is the core's metric: 0–100, one per subject and campaign."""
    value = o.value
    if (isinstance(value, Decimal) and not value.is_finite()) or not 0 <= value <= 100:
        raise ValueError(f"points {value} for {o.subject} lies outside 0–100")
    if o.subject in rated:
        raise ValueError(f"points given twice for {o.subject}")
    rated.add(o.subject)


def campaign_catalogue(campaign: Campaign, settings: object, *, distribution: str | None = None,
                       version: str | None = None) -> Catalogue:
    """The campaign's metrics and finding kinds for its settings; a malformed catalogue
    is the plugin's failure."""
    try:
        return resolve_catalogue(campaign.name, campaign.metrics, campaign.findings, settings,
                                 campaign.phases is not None)
    except Exception as exc:
        raise PluginFailure(campaign.name, f"catalogue: {one_line(exc)}", distribution, version,
                            format_exc()) from exc


def run_campaign(ctx: Context, campaign: Campaign, *, timeout: float | None = None,
                 distribution: str | None = None, version: str | None = None,
                 catalogue: Catalogue | None = None) -> list[Outcome]:
    """One campaign's outcomes for a context, phase steps included; a failure is the plugin's."""
    if catalogue is None:
        catalogue = campaign_catalogue(campaign, ctx.settings, distribution=distribution, version=version)
    try:
        raw = _call(campaign, ctx, timeout)
        outcomes = _validate(campaign.name, raw, ctx.org, catalogue)
        if campaign.phases is not None:
            phases = list(campaign.phases(ctx))
            steps = step_findings(ctx, phases, ctx.records.get(campaign.steps, ()), campaign.step_severity)
            outcomes += _validate(campaign.name, steps, ctx.org, catalogue)
    except PeriodError as exc:
        # e.g. chinese-calendar has no data for the year: the config's to fix (exit 2)
        raise InputError([config_problem(f"campaigns.{campaign.name}", str(exc))]) from exc
    except (Exception, SystemExit) as exc:  # a plugin calling sys.exit() is a failure, not a success
        tb = getattr(exc, "__bureaukit_tb__", None) or format_exc()
        raise PluginFailure(campaign.name, one_line(exc), distribution, version, tb) from exc
    return outcomes


def score(
    bureau: Bureau,
    period: str | None = None,
    as_of: str | date | None = None,
    campaigns: Sequence[str] | None = None,
    *,
    timeout: float | None = None,
    lang: str | None = None,
) -> Result:
    """Score a loaded bureau for a period: every enabled campaign (or those named),
    then the scorecards. Raises :class:`InputError` or :class:`PluginFailure`."""
    from bureaukit.speedups import gc_paused

    with gc_paused():
        return _score(bureau, period, as_of, campaigns, timeout=timeout, lang=lang)


def _appeals(bureau: Bureau, per: Period, cut: date) -> tuple[Any, ...]:
    """The appeals a run shows: as of *cut*, or as the ledger has them at the period's
    end (a period's appeals are heard after it, during 公示: docs/decisions.md)."""
    if not bureau.appeals:
        return ()
    from bureaukit.appeals import as_of

    return as_of(bureau.appeals, None if cut == per.end else cut, bureau.org.units, bureau.org.people)


def _score(
    bureau: Bureau,
    period: str | None,
    as_of: str | date | None,
    campaigns: Sequence[str] | None,
    *,
    timeout: float | None,
    lang: str | None,
) -> Result:
    language = lang or bureau.config.bureau.language
    per = bureau.period(period)
    cut = parse_as_of(as_of, per, language)
    names = _selected(bureau, campaigns, language)
    runs, catalogues, rows = _run_campaigns(bureau, names, per, cut, timeout, language)
    result = _result(bureau, names, per, cut, runs, catalogues, rows, language)
    _call_result_hooks(bureau, result)
    return result


def _selected(bureau: Bureau, campaigns: Sequence[str] | None, language: str) -> list[str]:
    """The enabled campaigns to run, in the config's order (``--campaign`` narrows them)."""
    names = list(bureau.campaigns)
    if not campaigns:
        return names
    unknown = [c for c in campaigns if c not in bureau.campaigns]
    if unknown:
        raise InputError([t("campaign_not_enabled", language, name=c, enabled=", ".join(names)) for c in unknown])
    return [n for n in names if n in campaigns]


@attrs.frozen
class _Run:
    """One campaign's outcomes: its scores as it yielded them (the scorecards read them in
    that order), and its scores, payments and findings each sorted (CORE §10)."""

    name: str
    scores: list[Score]
    sorted_scores: list[Score]
    payments: list[Payment]
    findings: list[Finding]


def _sorted_run(name: str, outcomes: list[Outcome], language: str) -> _Run:
    """*outcomes* of campaign *name*, sorted as soon as it ran: every sort key starts with
    the campaign, so the result's order is the campaigns' by name, each sorted on its own;
    and the keys of a campaign's sort (~250k findings at a million rows, ~40 MB of
    tuples) are freed before the next campaign runs, not held on top of every outcome
    (the peak of a big run, docs/performance.md)."""
    scores = [o for o in outcomes if isinstance(o, Score)]
    return _Run(
        name,
        scores,
        sort_scores(scores),
        sort_payments([o for o in outcomes if isinstance(o, Payment)]),
        sort_findings([o for o in outcomes if isinstance(o, Finding)], language),
    )


def _run_campaigns(bureau: Bureau, names: list[str], per: Period, cut: date, timeout: float | None,
                   language: str) -> tuple[list[_Run], dict[str, Catalogue], dict[str, int]]:
    """Each campaign's outcomes, sorted, and catalogue, after every run-scoped key was
    checked (all problems at once), and its ledger rows in the period
    (:func:`rows_in_period`)."""
    contexts: list[tuple[CampaignData, Context]] = []
    problems: list[Problem] = []
    for name in names:
        data = bureau.campaigns[name]
        ctx = context_for(bureau, data, per, cut)
        problems += check_run_keys(bureau, data, ctx) + check_run_phases(data, ctx)
        contexts.append((data, ctx))
    if problems:
        raise InputError(problems)
    runs: list[_Run] = []
    catalogues: dict[str, Catalogue] = {}
    for data, ctx in contexts:
        lc = data.loaded
        cat = campaign_catalogue(lc.campaign, data.settings, distribution=lc.distribution, version=lc.version)
        catalogues[data.name] = cat
        outcomes = run_campaign(ctx, lc.campaign, timeout=timeout, distribution=lc.distribution,
                                version=lc.version, catalogue=cat)
        runs.append(_sorted_run(lc.campaign.name, outcomes, language))
    rows = {data.name: rows_in_period(ctx, data.specs) for data, ctx in contexts}
    return runs, catalogues, rows


def _result(bureau: Bureau, names: list[str], per: Period, cut: date, runs: list[_Run],
            catalogues: dict[str, Catalogue], rows: dict[str, int], language: str) -> Result:
    """The sorted outcomes with the scorecards made from each subject's points."""
    from bureaukit import __version__

    points: dict[str, dict[str, Decimal]] = {}
    for run in runs:
        for s in run.scores:
            if s.metric == "points":
                points.setdefault(s.subject, {})[s.campaign] = Decimal(s.value)
    ordered = sorted(runs, key=attrgetter("name"))
    cards = make_scorecards(points, bureau.org, bureau.config.scoring)
    names_map = {f"unit:{u.id}": u.name for u in bureau.org.units.values()}
    names_map.update({f"person:{p.id}": p.name for p in bureau.org.people.values()})
    loaded = [bureau.campaigns[n].loaded for n in names]
    return Result(
        version=__version__,
        bureau_id=bureau.config.bureau.id,
        bureau_name=bureau.config.bureau.name,
        language=language,
        period=PeriodInfo(
            per.id, per.start, per.end, cut,
            time_progress(per, cut, bureau.config.bureau.time_progress),
            cut == per.end,
        ),
        campaigns=tuple(CampaignInfo(lc.campaign.name, dict(lc.campaign.title), lc.distribution, lc.version)
                        for lc in loaded),
        scores=tuple(chain.from_iterable(r.sorted_scores for r in ordered)),
        payments=tuple(chain.from_iterable(r.payments for r in ordered)),
        findings=tuple(chain.from_iterable(r.findings for r in ordered)),
        scorecards=tuple(sort_scorecards(cards)),
        config_hash=bureau.config.text_hash,
        files=dict(bureau.inputs),
        names=names_map,
        ledger_rows=rows,
        metrics={n: c[0] for n, c in catalogues.items()},
        finding_kinds={n: c[1] for n, c in catalogues.items()},
        appeals=_appeals(bureau, per, cut),
    )


def _call_result_hooks(bureau: Bureau, result: Result) -> None:
    """``bureaukit_result`` of every plugin; a failure is that plugin's (exit 3)."""
    for impl in bureau.plugins.hook.bureaukit_result.get_hookimpls():
        try:
            given = {"result": result, "config": bureau.config}
            impl.function(*[given[a] for a in impl.argnames])
        except (Exception, SystemExit) as exc:
            label = impl.plugin_name.removeprefix("bureaukit.")
            owner = bureau.campaigns.get(label)
            raise PluginFailure(
                label, f"bureaukit_result raised {one_line(exc)}",
                owner.loaded.distribution if owner else None, owner.loaded.version if owner else None,
                traceback=format_exc(),
            ) from exc
