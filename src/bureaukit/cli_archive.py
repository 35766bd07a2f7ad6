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
    from bureaukit.archive.store import PackedResult
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


def _config_command(fn: F) -> F:
    """The CONFIG argument and --debug every archive command takes."""
    fn = click.option("--debug", is_flag=True, help="Show tracebacks for failures.")(fn)
    return click.argument("config", type=click.Path(dir_okay=False, path_type=Path))(fn)


def _archive(config: Config) -> Archive:
    from bureaukit.archive import open_for
    from bureaukit.errors import InputError
    from bureaukit.problems import Problem

    archive = open_for(config)
    if archive is None:
        raise InputError([Problem('no archive configured; add [archive] url = "sqlite:///archive.sqlite" '
                                  "(or set BUREAUKIT_ARCHIVE_URL)", str(config.path), where="archive.url")])
    return archive


def _read(config_path: Path) -> Config:
    from bureaukit.config import read_config

    return read_config(config_path)


def record_run(bureau: Bureau, result: Result, by: str | None, *, record: bool = True,
               json_report: bool = False) -> tuple[RunInfo | None, PackedResult | None]:
    """After a successful ``score``: hold it against the period's lock, then record it
    (unless *record* is false). Nothing happens without an ``[archive]``. Returns the
    run, and with *json_report* the result's JSON as packed for the archive (the report
    is written from it: the result is encoded once)."""
    from bureaukit.archive import open_for
    from bureaukit.archive.lifecycle import check_lock
    from bureaukit.archive.store import PackedResult

    archive = open_for(bureau.config, writing=record, create=record)
    if archive is None:
        return None, None
    packed = PackedResult.of(result) if record and json_report else None
    with archive:
        final = check_lock(archive, bureau, result, packed)
        if final is not None:
            click.echo(f"note: period {final.period} is final: this is run {final.number}'s result, unchanged "
                       f"/ 期间已锁定，结果与第 {final.number} 次运行相同", err=True)
            return final, packed
        if not record:
            return None, None
        if len(result.campaigns) < len(bureau.campaigns):
            click.echo("note: not recorded in the archive: a run of some campaigns only (--campaign)", err=True)
            return None, packed
        recorded = archive.record(bureau, result, by=by, packed=packed)
    run = recorded.run
    if recorded.new:
        click.echo(f"recorded run {run.number} ({run.period}, as of {run.as_of}) in {archive.shown}", err=True)
    else:
        click.echo(f"same inputs as run {run.number}: not recorded again", err=True)
    return run, packed


def history(bureau: Bureau, result: Result, run: RunInfo | None) -> dict[str, list[tuple[str, str, int | None]]] | None:
    """Each unit's composite and rank over the archived runs of *result*'s period up to
    it (one per as-of date, the latest recorded), for the html report's trend lines."""
    from bureaukit.archive import open_for

    archive = open_for(bureau.config, create=False)
    if archive is None:
        return None
    with archive:
        return archive.history(result.bureau_id, result.period.id, result.period.as_of,
                               run.number if run is not None else None)


def audit_lines(bureau: Bureau, run: RunInfo | None) -> tuple[str, ...]:
    """The period's audit records, one line each, when *run* is the period's final run
    (its report prints them in the footer); else none."""
    if run is None or run.status != "final":
        return ()
    from bureaukit.archive import open_for

    archive = open_for(bureau.config, create=False)
    if archive is None:
        return ()
    with archive:
        records = archive.audit(run.bureau, run.period)
    return tuple(f"{_when(a.at)} {a.by} {a.action} run {a.run}: {a.reason}".rstrip(": ") for a in records)


def register(group: click.Group) -> None:
    for command in (runs, audit, finalise, reopen, diff, verify, bulletin):
        group.add_command(command)


def _when(stamp: str) -> str:
    return stamp.replace("T", " ").removesuffix("Z")


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="Only runs of this period (e.g. 2014).")
@_guarded
def runs(config: Path, period: str | None, debug: bool) -> None:
    """List the runs recorded in CONFIG's archive: number, when, by whom, period, as-of,
    status (recorded, final, superseded) and a one-line summary.

    \b
    Example:
      bureaukit runs configs/demo/bureau.toml --period 2014
    """
    from bureaukit.render.table import format_table

    cfg = _read(config)
    with _archive(cfg) as archive:
        found = archive.runs(cfg.bureau.id, period)
    if not found:
        click.echo(f"no runs recorded yet in {archive.shown}" + (f" for period {period}" if period else ""))
        return
    rows = [(str(r.number), _when(r.recorded_at), r.by, r.period, r.as_of.isoformat(),
             r.status + (" (after final)" if r.after_final else ""), r.summary) for r in found]
    header = ("run", "recorded (UTC)", "by", "period", "as of", "status", "summary")
    for line in format_table(header, rows, ">" + "<" * 6):
        click.echo(line.rstrip())


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="Only decisions on this period.")
@_guarded
def audit(config: Path, period: str | None, debug: bool) -> None:
    """List every decision recorded in CONFIG's archive (finalise, reopen, each appeal
    upheld or rejected): who, when, why, which run.

    \b
    Example:
      bureaukit audit configs/demo/bureau.toml
    """
    from bureaukit.render.table import format_table

    cfg = _read(config)
    with _archive(cfg) as archive:
        found = archive.audit(cfg.bureau.id, period)
    if not found:
        click.echo("no decisions recorded yet")
        return
    rows = [(str(a.seq), _when(a.at), a.by, a.action, a.period, "" if a.run is None else str(a.run), a.reason)
            for a in found]
    for line in format_table(("#", "at (UTC)", "by", "action", "period", "run", "reason"), rows, ">" + "<" * 6):
        click.echo(line.rstrip())


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="The period to lock (default: [bureau] period).")
@click.option("--by", required=True, metavar="NAME", help="Who locks it (kept in the audit record).")
@click.option("--note", default="", metavar="TEXT", help="Why, or anything the record should say.")
@_guarded
def finalise(config: Path, period: str | None, by: str, note: str, debug: bool) -> None:
    """Score the period as of its end, record it and lock the period (锁定): later runs
    with changed inputs are refused until it is reopened.

    \b
    Example:
      bureaukit finalise configs/demo/bureau.toml --period 2014 --by 张三
    """
    from bureaukit.cli import load_for_cli
    from bureaukit.engine import score

    bureau = load_for_cli(config)
    per = bureau.period(period)
    _refuse_pending(bureau)
    with _archive(bureau.config) as archive:
        final = archive.final_run(bureau.config.bureau.id, per.id)
        if final is not None:
            from bureaukit.archive import ArchiveError

            raise ArchiveError(f"period {per.id} is already final (run {final.number}) / 期间已锁定；"
                               f"to change it: bureaukit reopen {config} --period {per.id} --by NAME --reason TEXT")
        result = score(bureau, per.id, per.end)
        run = archive.record(bureau, result, by=by).run
        archive.finalise(run.bureau, run.number, by=by, note=note)
    click.echo(f"期间 {per.id} 已锁定：第 {run.number} 次运行 / period {per.id} is final: run {run.number}")


def _refuse_pending(bureau: Bureau) -> None:
    """A period is not finalised while an appeal (异议) waits for review."""
    from bureaukit.appeals import pending
    from bureaukit.errors import InputError
    from bureaukit.problems import Problem

    waiting = pending(bureau.appeals)
    if not waiting:
        return
    problems = []
    for a in waiting:
        o = bureau.provenance.origin(a)
        file, row = (bureau.shown.get(o.source, o.source), o.row) if o else ("appeals", None)
        problems.append(Problem(f"异议 {a.id}（{a.subject}）待复核，不能锁定 / appeal {a.id} is pending: "
                                "decide it (更正 or 维持) before finalising", file, row, where="状态"))
    raise InputError(problems)


@click.command(cls=cli_help.Command)
@_config_command
@click.option("--period", "-p", metavar="P", help="The period to reopen (default: [bureau] period).")
@click.option("--by", required=True, metavar="NAME", help="Who reopens it (kept in the audit record).")
@click.option("--reason", required=True, metavar="TEXT", help="Why it is reopened (kept in the audit record).")
@_guarded
def reopen(config: Path, period: str | None, by: str, reason: str, debug: bool) -> None:
    """Open a final period again (重新开启): its final run is kept, marked superseded,
    with the reason.

    \b
    Example:
      bureaukit reopen configs/demo/bureau.toml --period 2014 --by 张三 --reason "复核更正项目台账"
    """
    from bureaukit.periods import PeriodError, parse_period

    cfg = _read(config)
    pid = period or cfg.bureau.period
    if pid is None:
        from bureaukit.errors import InputError

        raise InputError(["no period: give --period (e.g. --period 2014)"])
    try:
        pid = parse_period(pid, cfg.periods).id
    except PeriodError as exc:
        from bureaukit.errors import InputError
        from bureaukit.problems import Problem

        raise InputError([Problem(str(exc), where="--period")]) from None
    with _archive(cfg) as archive:
        rec = archive.reopen(cfg.bureau.id, pid, by=by, reason=reason)
    click.echo(f"期间 {pid} 已重新开启；第 {rec.run} 次运行已被取代 / period {pid} reopened; run {rec.run} is superseded")


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
        raise ArchiveError(f"diff needs two runs{' of ' + period if period else ''}; the archive holds {len(found)}")
    return pair


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from bureaukit.errors import InputError
    from bureaukit.problems import Problem
    from bureaukit.render import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as exc:
        raise InputError([Problem(f"cannot write: {exc.strerror or exc}", str(output))]) from None
    click.echo(f"wrote {output}", err=True)


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
         debug: bool) -> None:
    """Why did a number change? Runs A and B compared (default: the latest two): each
    changed scorecard, score, payment and finding with the ledger rows behind it.

    \b
    Examples:
      bureaukit diff configs/demo/bureau.toml
      bureaukit diff configs/demo/bureau.toml 3 5 -o 变化.html
    """
    from bureaukit.archive.diff import diff_runs
    from bureaukit.archive.report import diff_html, diff_json, diff_lines

    cfg = _read(config)
    with _archive(cfg) as archive:
        x, y = _pair(archive, cfg.bureau.id, a, b, period)
        d = diff_runs(archive, cfg.bureau.id, x, y)
    kind = _format(fmt, output)
    text = diff_json(d) if kind == "json" else diff_html(d) if kind == "html" else "\n".join(diff_lines(d)) + "\n"
    _write(text, output)


@click.command(cls=cli_help.Command)
@_config_command
@click.argument("run", type=int)
@_guarded
def verify(config: Path, run: int, debug: bool) -> None:
    """Re-score RUN from its archived inputs with the installed plugins: OK when the
    result is byte-identical, else what differs and the plugin versions that differ
    (exit 1).

    \b
    Example:
      bureaukit verify configs/demo/bureau.toml 12
    """
    from bureaukit.archive.lifecycle import verify as verify_run
    from bureaukit.archive.report import diff_lines

    cfg = _read(config)
    with _archive(cfg) as archive:
        found = verify_run(archive, cfg.bureau.id, run)
    if found.identical:
        click.echo(f"OK: run {run} re-scored from its archived inputs gives the same result, byte for byte")
        return
    assert found.diff is not None
    click.echo(f"DIFFERENT: run {run} re-scored from its archived inputs gives another result")
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
             debug: bool) -> None:
    """The monthly 时序进度通报: ranking with the movement since the previous recorded run,
    completion against 序时进度, units behind, new findings, items due within 15 days.
    The run is scored and recorded like ``score``.

    \b
    Example:
      bureaukit bulletin configs/demo/bureau.toml --period 2014 --as-of 2014-09-30 -o 通报.docx
    """
    from bureaukit.archive import bulletin as bl
    from bureaukit.cli import load_for_cli
    from bureaukit.engine import score
    from bureaukit.errors import InputError
    from bureaukit.problems import Problem

    kind = None
    if output is not None:
        kind = _BULLETIN_SUFFIXES.get(output.suffix.lower())
        if kind is None:
            raise InputError([Problem("a bulletin is written to a .docx, .html or .xlsx file", where=f"-o {output}")])
    bureau = load_for_cli(config)
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
        raise InputError([Problem(f"cannot write: {exc.strerror or exc}", str(output))]) from None
    click.echo(f"wrote {output} ({kind})", err=True)


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
