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

For the whole path through files and the command line, :func:`write_bureau` writes a
bureau.toml with its org and ledger files (each in the encoding a clerk's Excel gives
it) and :func:`run_cli` runs a ``bureaukit`` command on it:

    cfg = write_bureau(tmp_path, CONFIG, {"org/units.csv": UNITS, "org/people.csv": PEOPLE,
                                          "ledgers/采用记录.csv": ADOPTIONS.encode("gb18030")})
    r = run_cli("score", cfg, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert r.json["schema"] == 1

A note or message a test reads in one language: ``with speaking("zh"): ...`` (the run's
language inside the block, the previous one back after it).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from bureaukit.campaigns import Campaign, CheckIssue, ConfigError, ConfigWarning, LedgerError
from bureaukit.config import structure_settings
from bureaukit.context import CheckContext, Context
from bureaukit.engine import run_campaign
from bureaukit.errors import InputError
from bureaukit.ledgers import Problems, Source, Targets, check_keys_and_refs, read_kind
from bureaukit.messages import speaking as speaking  # re-exported for plugin tests
from bureaukit.org import Org, Person, Unit, build_org
from bureaukit.outcomes import Finding, Outcome, Payment, Score
from bureaukit.periods import parse_period
from bureaukit.provenance import Provenance, of_lists
from bureaukit.readers import CORE_READERS
from bureaukit.records import record_spec
from bureaukit.result import write_value
from bureaukit.text import toml_key
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


def _origins(records: Mapping[str, Iterable[Any]]) -> tuple[dict[str, list[Any]], Provenance]:
    out = {kind: list(recs) for kind, recs in records.items()}
    return out, of_lists(out.items())


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
    check_keys_and_refs(specs, recs, origins, {}, Targets.of(o.people, o.units), problems)
    if problems.kept:
        raise InputError(problems.kept)
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
        provenance=origins,
        specs={k: record_spec(c) for k, c in campaign.records.items()},
        progress_mode=time_progress,
    )


@attrs.frozen
class Outcomes:
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


# --- a plugin's conftest: the small bureau and the runner every test module asks for -------


SmallBureau = dict[str, Any]
"""A small bureau as the runners take it: ``{"units": [...], "people": [...]}``."""


def org_fixture(make_org: Callable[[], SmallBureau]) -> Any:
    """The ``org`` fixture: a fresh ``{"units", "people"}`` from *make_org* for each test,
    which the test may change before it runs the campaign (``org["people"] = [...]``).
    In a plugin's conftest: ``org = org_fixture(small_org)``."""
    import pytest  # only a test session imports pytest

    @pytest.fixture(name="org")
    def fresh_org() -> SmallBureau:
        return make_org()

    return fresh_org


def runner_fixture(campaign: Campaign, name: str, *, period: str = "2014") -> Any:
    """A fixture named *name* that runs *campaign* on the test's ``org`` (read when the
    test calls it, so changes to ``org`` count): ``style(records={...}, settings={...})``;
    any :func:`context` argument may be given, ``period`` defaults to *period*.
    In a plugin's conftest: ``style = runner_fixture(CAMPAIGN, "style")``."""
    import pytest

    @pytest.fixture(name=name)
    def runner(org: SmallBureau) -> Callable[..., Outcomes]:
        def go(**kwargs: Any) -> Outcomes:
            return run(campaign, **{**org, "period": period, **kwargs})

        return go

    return runner


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
        origins = Provenance()
        readers = {s: r for r in CORE_READERS for s in r.suffixes}
        recs = read_kind(spec, [Source(f"{kind}.csv", path, None)], readers, problems, origins)
        if problems.kept:  # each in the one file read, named as the test named it
            raise InputError([p.inside(f"{kind}.csv") for p in problems.kept])
    return recs


# --- the whole path: files on disk and the command line ---------------------------------


def write_bureau(
    folder: str | Path,
    config: str | Mapping[str, Any],
    files: Mapping[str, str | bytes] | None = None,
    *,
    encoding: str = "utf-8",
) -> Path:
    """Write a bureau into *folder* (made when missing) and return its ``bureau.toml``.

    *config* is the TOML text, or a mapping shaped like the file (nested mappings are
    tables; values str, bool, int, Decimal, date and lists), written out as TOML; the
    file is UTF-8, as TOML requires. *files* maps paths below *folder* (``org/units.csv``,
    ``ledgers/项目台账.csv``) to their content: text is written in *encoding*, bytes as
    they are, so that one file can differ, e.g. ``text.encode("gb18030")`` as Chinese
    Excel saves a CSV or ``text.encode("utf-8-sig")`` with the BOM of Excel's
    "CSV UTF-8". :func:`csv_text` makes the text from rows.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    cfg = root / "bureau.toml"
    text = config if isinstance(config, str) else _toml_text(config)
    cfg.write_bytes(text.encode("utf-8"))
    return cfg


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV text from rows, the header row first: cells as ``str()`` writes them, None
    as an empty cell, quoted only where a comma, quote or line break needs it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _toml_text(config: Mapping[str, Any]) -> str:
    """TOML text for a config mapping: nested mappings become ``[tables]`` (inline tables
    inside lists); a Decimal is written as a TOML float, which bureaukit reads back as an
    equal Decimal."""
    lines: list[str] = []
    _toml_table(lines, (), config)
    return "\n".join(lines).lstrip("\n") + "\n"


def _toml_table(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    values = {k: v for k, v in table.items() if not isinstance(v, Mapping)}
    tables = {k: v for k, v in table.items() if isinstance(v, Mapping)}
    # a table holding only tables needs no header of its own; an empty one does, to exist
    if path and (values or not tables):
        lines += ["", "[" + ".".join(toml_key(k) for k in path) + "]"]
    lines += [f"{toml_key(k)} = {_toml_value(v)}" for k, v in values.items()]
    for k, v in tables.items():
        _toml_table(lines, (*path, k), v)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # JSON's escapes are all TOML escapes; TOML wants DEL escaped as well
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, Decimal):
        text = str(value)
        return text if "." in text or "E" in text else text + ".0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}: {value!r}")


@attrs.frozen
class CliRun:
    """What one ``bureaukit`` command returned and printed."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        """stdout parsed, when the command printed JSON (``--format json``); else None."""
        if not self.stdout.lstrip().startswith(("{", "[")):
            return None
        return json.loads(self.stdout)


def run_cli(*args: str | Path) -> CliRun:
    """Run ``bureaukit ARGS…`` in this process with the plugins installed here, e.g.
    ``run_cli("check", cfg)``. An exception the CLI does not turn into an exit code (a
    bug) propagates, traceback and all."""
    import inspect

    from click.testing import CliRunner

    from bureaukit.cli import main

    # click before 8.2 folds stderr into stdout unless told not to
    options: dict[str, Any] = {}
    if "mix_stderr" in inspect.signature(CliRunner).parameters:
        options["mix_stderr"] = False
    r = CliRunner(**options).invoke(main, [str(a) for a in args], catch_exceptions=False)
    return CliRun(r.exit_code, r.stdout, r.stderr)
