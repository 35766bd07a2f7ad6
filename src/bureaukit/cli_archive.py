"""The assessment year's commands (LIFECYCLE.md): runs, audit, finalise, reopen, diff, verify.

Registered on the ``bureaukit`` group by :func:`register`; each command imports the
archive only when it runs (the archive is no part of a plain ``score``'s startup).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bureaukit import cli_help

if TYPE_CHECKING:
    from bureaukit.archive import Archive, RunInfo
    from bureaukit.archive.store import AuditRecord, PackedResult
    from bureaukit.bureau import Bureau
    from bureaukit.config import Config
    from bureaukit.result import Result

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(fn: F) -> F:
    """bureaukit.cli.handle_errors, looked up when the command runs (cli imports this module)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from bureaukit.cli import handle_errors

        return handle_errors(fn)(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


lang_option = click.option("--lang", type=click.Choice(["zh", "en"]),
                           help="Language of messages (default: [bureau] language).")


def _config_command(fn: F) -> F:
    """The CONFIG argument, --lang and --debug every archive command takes."""
    fn = click.option("--debug", is_flag=True, help="Show tracebacks for failures.")(fn)
    fn = lang_option(fn)
    return click.argument("config", type=click.Path(dir_okay=False, path_type=Path))(fn)


def _period_id(cfg: Config, period: str | None) -> str | None:
    """``--period`` as the archive keeps it (``2014``, ``2014-H1``, a name from
    ``[periods]`` as its id); None when not given. A text that is no period is an error
    (exit 2), not a listing that finds nothing."""
    if period is None:
        return None
    from bureaukit.errors import InputError
    from bureaukit.periods import PeriodError, parse_period
    from bureaukit.problems import Problem

    try:
        return parse_period(period, cfg.periods).id
    except PeriodError as exc:
        raise InputError([Problem(str(exc), where="--period")]) from None


def _archive(config: Config) -> Archive:
    from bureaukit.archive import open_for
    from bureaukit.errors import InputError
    from bureaukit.messages import t
    from bureaukit.problems import Problem

    archive = open_for(config)
    if archive is None:
        raise InputError([Problem(t("no_archive"), str(config.path), where="archive.url")])
    return archive


def _read(config_path: Path, lang: str | None) -> Config:
    """The config; from here on the command speaks its language (``--lang`` first)."""
    from bureaukit.config import read_config
    from bureaukit.messages import set_language

    config = read_config(config_path)
    set_language(lang or config.bureau.language)  # undone when the command ends (cli.handle_errors)
    return config


def record_run(bureau: Bureau, result: Result, by: str | None, *, record: bool = True,
               json_report: bool = False) -> tuple[RunInfo | None, PackedResult | None]:
    """After a successful ``score``: hold it against the period's lock, then record it
    (unless *record* is false). Nothing happens without an ``[archive]``. Returns the
    run, and with *json_report* the result's JSON as packed for the archive (the report
    is written from it: the result is encoded once)."""
    from bureaukit.archive import open_for
    from bureaukit.archive.lifecycle import check_lock
    from bureaukit.archive.store import PackedResult
    from bureaukit.messages import t

    archive = open_for(bureau.config, writing=record, create=record)
    if archive is None:
        return None, None
    packed = PackedResult.of(result) if record and json_report else None
    with archive:
        final = check_lock(archive, bureau, result, packed)
        if final is not None:
            click.echo(t("note", text=_unchanged(bureau, result, final)), err=True)
            return final, packed
        if not record:
            return None, None
        if len(result.campaigns) < len(bureau.campaigns):
            click.echo(t("note", text=t("partial_not_recorded")), err=True)
            return None, packed
        recorded = archive.record(bureau, result, by=by, packed=packed)
    run = recorded.run
    if recorded.named_before is not None:
        click.echo(t("note", text=t("bureau_id_shared", id=run.bureau, before=recorded.named_before,
                                    name=result.bureau_name, archive=archive.shown)), err=True)
    if recorded.new:
        click.echo(t("run_recorded", number=run.number, period=run.period, as_of=run.as_of, archive=archive.shown),
                   err=True)
    else:
        click.echo(t("run_same", number=run.number), err=True)
    return run, packed


def _unchanged(bureau: Bureau, result: Result, final: RunInfo) -> str:
    """The note on a report of a final period that shows its final run's decision (of
    the chosen campaigns only, for a ``--campaign`` run)."""
    from bureaukit.messages import t

    if len(result.campaigns) < len(bureau.campaigns):
        names = ", ".join(c.name for c in result.campaigns)
        return t("final_unchanged_part", period=final.period, campaigns=names, number=final.number)
    return t("final_unchanged", period=final.period, number=final.number)


def archived_run(config: Path, number: int, given: list[str]) -> tuple[Config, Bureau, Result, RunInfo]:
    """``score --run N``: run *number* of CONFIG's archive to report as it was recorded,
    scored again from its archived inputs (never the files on disk) and checked equal to
    the archived result; the config as on disk (its archive, for the report's history and
    audit lines), the bureau as archived, the result and the run. *given*: the options
    that choose what to score, refused with it."""
    from bureaukit.archive.lifecycle import archived_report
    from bureaukit.archive.store import status_title
    from bureaukit.errors import InputError
    from bureaukit.messages import set_language, t

    cfg = _read(config, None)
    if given:
        raise InputError([t("run_option_alone", options=", ".join(given))])
    with _archive(cfg) as archive:
        run = archive.run(cfg.bureau.id, number)
        bureau, result = archived_report(archive, run)
    set_language(run.language)
    click.echo(t("note", text=t("run_report", number=run.number, period=run.period, as_of=run.as_of,
                                status=status_title(run.status))), err=True)
    return cfg, bureau, result, run


def history(config: Config, result: Result, run: RunInfo | None) -> dict[str, list[tuple[str, str, int | None]]] | None:
    """Each unit's composite and rank over the archived runs of *result*'s period up to
    it (one per as-of date, the latest recorded), for the html report's trend lines."""
    from bureaukit.archive import open_for

    archive = open_for(config, create=False)
    if archive is None:
        return None
    with archive:
        return archive.history(result.bureau_id, result.period.id, result.period.as_of,
                               run.number if run is not None else None)


def audit_lines(config: Config, run: RunInfo | None) -> tuple[str, ...]:
    """The period's audit records, one line each, when *run* is the period's final run
    (its report prints them in the footer); else none."""
    if run is None or run.status != "final":
        return ()
    from bureaukit.archive import open_for

    archive = open_for(config, create=False)
    if archive is None:
        return ()
    with archive:
        records = archive.audit(run.bureau, run.period)
    return tuple(_audit_line(a) for a in records)


def _audit_line(a: AuditRecord) -> str:
    """One decision as the final report's footer lists it."""
    from bureaukit.archive.store import action_title
    from bureaukit.messages import t

    line = t("audit_line", when=_when(a.at), by=a.by, action=action_title(a.action), run=a.run)
    return t("audit_reason", line=line, reason=a.reason) if a.reason else line




def register(group: click.Group) -> None:
    for command in (runs, audit, finalise, reopen, diff, verify, bulletin):
        group.add_command(command)


def _when(stamp: str) -> str:
    return stamp.replace("T", " ").removesuffix("Z")


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="Only runs of this period (e.g. 2014).")
@_guarded
def runs(config: Path, period: str | None, lang: str | None, debug: bool) -> None:
    """List the runs recorded in CONFIG's archive: number, when, by whom, period, as-of,
    status (recorded, final, superseded) and a one-line summary.

    \b
    Example:
      bureaukit runs configs/demo/bureau.toml --period 2014
    """
    from bureaukit.archive.store import status_title, summary_text
    from bureaukit.messages import t
    from bureaukit.render.table import format_table

    cfg = _read(config, lang)
    period = _period_id(cfg, period)
    with _archive(cfg) as archive:
        found = archive.runs(cfg.bureau.id, period)
    if not found:
        click.echo(t("no_runs_period", archive=archive.shown, period=period) if period
                   else t("no_runs", archive=archive.shown))
        return
    rows = [(str(r.number), _when(r.recorded_at), r.by, r.period, r.as_of.isoformat(),
             status_title(r.status) + (t("after_final") if r.after_final else ""), summary_text(r.summary))
            for r in found]
    header = tuple(t("runs_header").split("|"))
    for line in format_table(header, rows, ">" + "<" * 6):
        click.echo(line.rstrip())


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="Only decisions on this period.")
@_guarded
def audit(config: Path, period: str | None, lang: str | None, debug: bool) -> None:
    """List every decision recorded in CONFIG's archive (finalise, reopen, each appeal
    upheld or rejected): who, when, why, which run.

    \b
    Example:
      bureaukit audit configs/demo/bureau.toml
    """
    from bureaukit.archive.store import action_title
    from bureaukit.messages import t
    from bureaukit.render.table import format_table

    cfg = _read(config, lang)
    with _archive(cfg) as archive:
        found = archive.audit(cfg.bureau.id, _period_id(cfg, period))
    if not found:
        click.echo(t("no_decisions"))
        return
    rows = [(str(a.seq), _when(a.at), a.by, action_title(a.action), a.period, "" if a.run is None else str(a.run),
             a.reason) for a in found]
    for line in format_table(tuple(t("audit_header").split("|")), rows, ">" + "<" * 6):
        click.echo(line.rstrip())


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="The period to lock (default: [bureau] period).")
@click.option("--by", required=True, metavar="NAME", help="Who locks it (kept in the audit record).")
@click.option("--note", default="", metavar="TEXT", help="Why, or anything the record should say.")
@_guarded
def finalise(config: Path, period: str | None, by: str, note: str, lang: str | None, debug: bool) -> None:
    """Score the period as of its end, record it and lock the period (锁定): later runs
    with changed inputs are refused until it is reopened.

    \b
    Example:
      bureaukit finalise configs/demo/bureau.toml --period 2014 --by 张三
    """
    from bureaukit.archive.store import decided_by
    from bureaukit.cli import load_for_cli
    from bureaukit.engine import score
    from bureaukit.messages import t

    bureau = load_for_cli(config, lang)
    decided_by(by)
    per = bureau.period(period)
    _refuse_pending(bureau)
    with _archive(bureau.config) as archive:
        final = archive.final_run(bureau.config.bureau.id, per.id)
        if final is not None:
            from bureaukit.archive import ArchiveError

            raise ArchiveError(t("already_final", period=per.id, number=final.number, config=config))
        result = score(bureau, per.id, per.end)
        run = archive.record(bureau, result, by=by).run
        archive.finalise(run.bureau, run.number, by=by, note=note)
    click.echo(t("finalised", period=per.id, number=run.number))


def _refuse_pending(bureau: Bureau) -> None:
    """A period is not finalised while an appeal (异议) waits for review."""
    from bureaukit.appeals import pending
    from bureaukit.errors import InputError
    from bureaukit.messages import t
    from bureaukit.problems import Problem

    waiting = pending(bureau.appeals)
    if not waiting:
        return
    problems = []
    for a in waiting:
        o = bureau.provenance.origin(a)
        file, row = (bureau.shown.get(o.source, o.source), o.row) if o else (t("appeals_file"), None)
        problems.append(Problem(t("appeal_pending", id=a.id, subject=a.subject), file, row, where="状态"))
    raise InputError(problems)


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="The period to reopen (default: [bureau] period).")
@click.option("--by", required=True, metavar="NAME", help="Who reopens it (kept in the audit record).")
@click.option("--reason", required=True, metavar="TEXT", help="Why it is reopened (kept in the audit record).")
@_guarded
def reopen(config: Path, period: str | None, by: str, reason: str, lang: str | None, debug: bool) -> None:
    """Open a final period again (重新开启): its final run is kept, marked superseded,
    with the reason.

    \b
    Example:
      bureaukit reopen configs/demo/bureau.toml --period 2014 --by 张三 --reason "复核更正项目台账"
    """
    from bureaukit.messages import t

    cfg = _read(config, lang)
    pid = _period_id(cfg, period or cfg.bureau.period)
    if pid is None:
        from bureaukit.errors import InputError

        raise InputError([t("no_period")])
    with _archive(cfg) as archive:
        rec = archive.reopen(cfg.bureau.id, pid, by=by, reason=reason)
    click.echo(t("reopened", period=pid, run=rec.run))


def _pair(archive: Archive, bureau: str, a: int | None, b: int | None, period: str | None) -> tuple[int, int]:
    from bureaukit.archive import ArchiveError
    from bureaukit.archive.diff import default_pair

    if a is not None and b is not None:
        return a, b
    found = archive.runs(bureau, period)
    if a is not None:
        return (found[-1].number, a) if found and found[-1].number != a else (a, a)
    pair = default_pair(found)
    if pair is None:
        from bureaukit.messages import t

        raise ArchiveError(t("diff_needs_two_period", period=period, n=len(found)) if period
                           else t("diff_needs_two", n=len(found)))
    return pair


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from bureaukit.errors import InputError
    from bureaukit.messages import reason, t
    from bureaukit.problems import Problem
    from bureaukit.render import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        raise InputError([Problem(t("cannot_write_file", reason=reason(exc)), str(output))]) from None
    click.echo(t("wrote_file", path=output), err=True)


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in (".html", ".htm"):
        return "html"
    if output is not None and output.suffix.lower() == ".json":
        return "json"
    return "table"


@click.command(cls=cli_help.Command)
@_config_command
@click.argument("a", type=int, required=False)
@click.argument("b", type=int, required=False)
@click.option("--period", "-p", metavar="P", help="Without A and B: the latest two runs of this period.")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "html"]), help="Default: from -o's suffix, else table.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@_guarded
def diff(config: Path, a: int | None, b: int | None, period: str | None, fmt: str | None, output: Path | None,
         lang: str | None, debug: bool) -> None:
    """Why did a number change? Runs A and B compared (default: the latest two): each
    changed scorecard, score, payment and finding with the ledger rows behind it.

    \b
    Examples:
      bureaukit diff configs/demo/bureau.toml
      bureaukit diff configs/demo/bureau.toml 3 5 -o 变化.html
    """
    from bureaukit.archive.diff import diff_runs
    from bureaukit.archive.report import diff_html, diff_json, diff_lines

    cfg = _read(config, lang)
    with _archive(cfg) as archive:
        x, y = _pair(archive, cfg.bureau.id, a, b, _period_id(cfg, period))
        d = diff_runs(archive, cfg.bureau.id, x, y)
    kind = _format(fmt, output)
    text = diff_json(d) if kind == "json" else diff_html(d) if kind == "html" else "\n".join(diff_lines(d)) + "\n"
    _write(text, output)


@click.command(cls=cli_help.Command)
@_config_command
@click.argument("run", type=int)
@_guarded
def verify(config: Path, run: int, lang: str | None, debug: bool) -> None:
    """Re-score RUN from its archived inputs with the installed plugins: OK when the
    result is byte-identical, else what differs and the plugin versions that differ
    (exit 1).

    \b
    Example:
      bureaukit verify configs/demo/bureau.toml 12
    """
    from bureaukit.archive.lifecycle import verify as verify_run
    from bureaukit.archive.report import diff_lines
    from bureaukit.messages import t

    cfg = _read(config, lang)
    with _archive(cfg) as archive:
        found = verify_run(archive, cfg.bureau.id, run)
    if found.identical:
        click.echo(t("verify_same", run=run))
        return
    assert found.diff is not None
    click.echo(t("verify_different", run=run))
    for line in diff_lines(found.diff):
        click.echo(line)
    raise SystemExit(1)


def _previous(bureau: Bureau, result: Result, run: RunInfo | None) -> tuple[RunInfo | None, dict[str, Any] | None]:
    """The run recorded before *result*'s in its period (the latest with an earlier as-of)."""
    from bureaukit.archive import open_for

    archive = open_for(bureau.config, create=False)
    if archive is None:
        return None, None
    with archive:
        earlier = [r for r in archive.runs(result.bureau_id, result.period.id)
                   if r.as_of < result.period.as_of and (run is None or r.number < run.number)]
        if not earlier:
            return None, None
        return earlier[-1], archive.result_dict(result.bureau_id, earlier[-1].number)


_BULLETIN_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".xlsx": "xlsx"}


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="The period (default: [bureau] period).")
@click.option("--as-of", metavar="DATE", help="Cut-off date YYYY-MM-DD (default: the period's end).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="通报.docx, .html or .xlsx (default: a text version on stdout).")
@click.option("--by", metavar="NAME", help="Who scores, as the archive records it (default: the OS user).")
@_guarded
def bulletin(config: Path, period: str | None, as_of: str | None, output: Path | None, by: str | None,
             lang: str | None, debug: bool) -> None:
    """The monthly 时序进度通报: ranking with the movement since the previous recorded run,
    completion against 序时进度, units behind, new findings, items due within 15 days.
    The run is scored and recorded like ``score``. The bulletin is written in Chinese, as
    a 通报 is issued; --lang sets the language of the messages around it.

    \b
    Example:
      bureaukit bulletin configs/demo/bureau.toml --period 2014 --as-of 2014-09-30 -o 通报.docx
    """
    from bureaukit.archive import bulletin as bl
    from bureaukit.cli import load_for_cli
    from bureaukit.engine import score
    from bureaukit.errors import InputError
    from bureaukit.messages import reason, t
    from bureaukit.problems import Problem

    kind = None
    if output is not None:
        kind = _BULLETIN_SUFFIXES.get(output.suffix.lower())
        if kind is None:
            raise InputError([Problem(t("bulletin_suffix"), where=f"-o {output}")])
    bureau = load_for_cli(config, lang)
    result = score(bureau, period, as_of)
    run, _ = record_run(bureau, result, by)
    prev, before = _previous(bureau, result, run)
    b = bl.build(result, before, previous=(prev.number, prev.as_of) if prev else None,
                 run=run.number if run else None)
    if kind is None:
        _bulletin_text(b)
        return
    data = bl.to_docx(b) if kind == "docx" else bl.to_xlsx(b) if kind == "xlsx" else bl.to_html(b).encode("utf-8")
    assert output is not None
    from bureaukit.render import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        raise InputError([Problem(t("cannot_write_file", reason=reason(exc)), str(output))]) from None
    click.echo(t("wrote", path=output, fmt=kind), err=True)


def _bulletin_text(b: Any) -> None:
    from bureaukit.archive.bulletin import intro, sections
    from bureaukit.render.table import format_table

    click.echo(b.title)
    click.echo(intro(b))
    for heading, head, rows in sections(b):
        click.echo("")
        click.echo(heading)
        if not rows:
            click.echo("无。")
            continue
        for line in format_table(head, rows, "<" * len(head)):
            click.echo(line.rstrip())
