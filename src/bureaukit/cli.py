"""The command line (CORE §11): thin commands over the library.

Exit codes: 0 success; 2 bad input (usage, config, ledgers); 3 a plugin failed;
1 anything else (a bug). Errors go to stderr one per line, never a traceback
unless ``--debug``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import click

from bureaukit import cli_archive, cli_help
from bureaukit.problems import Problem

if TYPE_CHECKING:
    from bureaukit.bureau import Bureau
    from bureaukit.config import Config
    from bureaukit.plugins import Owner
    from bureaukit.render import Renderer, RenderOptions
    from bureaukit.result import Result

F = TypeVar("F", bound=Callable[..., Any])
MAX_SHOWN = 50


def _fail(lines: Sequence[object], code: int, total: int | None = None) -> None:
    """Every problem (a :class:`~bureaukit.problems.Problem` or a line), the first
    MAX_SHOWN of them, on stderr; then exit with *code*."""
    from bureaukit.messages import t
    from bureaukit.text import visible

    for line in lines[:MAX_SHOWN]:
        click.echo(visible(line), err=True)
    total = len(lines) if total is None else total
    if total > MAX_SHOWN:
        click.echo(t("more_problems", more=total - MAX_SHOWN, total=total), err=True)
    raise SystemExit(code)


def handle_errors(fn: F) -> F:
    """Turn bureaukit's errors into messages and exit codes (2 input, 3 plugin, 1 bug)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from bureaukit.messages import restore_language, set_language

        # --lang given before the command name (bureaukit --lang en check …) is the command's
        if "lang" in kwargs and kwargs["lang"] is None:
            kwargs["lang"] = cli_help.asked_language()
        # until the config says more; the language before this command is back when it ends,
        # however it ends (an in-process caller's next command starts afresh)
        token = set_language(kwargs.get("lang"))
        try:
            return _handled(functools.partial(fn, *args, **kwargs), bool(kwargs.get("debug")))
        finally:
            restore_language(token)

    return wrapper  # type: ignore[return-value]


def _handled(fn: Callable[[], Any], debug: bool) -> Any:
    """``fn()``'s value; bureaukit's errors as messages and exit codes."""
    from bureaukit.errors import InputError, PluginFailure
    from bureaukit.messages import t

    try:
        value = fn()
        with _writing_stdout():
            # flushed here, where a full disk is still a message (at exit, a traceback)
            sys.stdout.flush()
        return value
    except BrokenPipeError:
        _quiet_broken_pipe()
    except InputError as exc:
        _fail(exc.details, 2, exc.total)
    except PluginFailure as exc:
        if debug and exc.traceback:
            click.echo(exc.traceback, err=True)
        lines = [t("error", exc.lang, text=exc)]
        if not debug:
            lines.append(t("debug_hint", exc.lang))
        _fail(lines, 3)
    except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
        raise
    except KeyboardInterrupt:
        _fail([t("interrupted")], 130)
    except Exception as exc:
        raise_internal(exc, debug)
    return None


def raise_internal(exc: BaseException, debug: bool) -> None:
    """Report a bug in bureaukit (exit 1)."""
    if debug:
        import traceback

        traceback.print_exception(exc)
    from bureaukit.errors import one_line
    from bureaukit.messages import t

    _fail([t("internal_error", text=one_line(exc)), t("bug_hint")], 1)


EXIT_BROKEN_PIPE = 141
"""Exit status when the reader of our output left (``| head``): 128 + SIGPIPE, what a
shell reports for ``cat`` or ``yes`` in the same place; no message is printed."""


def _quiet_broken_pipe() -> None:
    """The reader of stdout is gone: end at once and quietly, like other Unix tools.
    stdout is pointed at /dev/null first, so that Python's own flush at exit does not
    fail again and print "Exception ignored … BrokenPipeError"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (a test runner's stream)
        pass
    raise SystemExit(EXIT_BROKEN_PIPE)


def _out(text: str) -> None:
    """One line to stdout, user text made visible, a failing stdout reported."""
    from bureaukit.text import visible

    with _writing_stdout():
        click.echo("\n".join(visible(line) for line in text.split("\n")))


@contextlib.contextmanager
def _writing_stdout() -> Iterator[None]:
    """Writing the report or a message to stdout: a full disk (``> /dev/full``) or a
    closed terminal is bad input of a kind (exit 2, one line); a reader that left
    (``| head``) is no failure at all and passes on to :func:`handle_errors`."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        from bureaukit.errors import InputError
        from bureaukit.messages import reason, t

        raise InputError([t("stdout_failed", reason=reason(exc))]) from None


debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for failures.")
period_option = click.option("--period", "-p", metavar="P", help="Period to score: 2014, 2014-H1, 2014-Q2, 2014-07, a..b or a name from [periods]. Default: [bureau] period.")
config_argument = click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
lang_option = cli_archive.lang_option


class _Progress:
    """A row counter on stderr while both stderr and stdout are a terminal: never in
    pipes or CI logs, nor over a pager reading the report (``| less``)."""

    def __init__(self) -> None:
        self.rows = 0
        self.width = 0

    def __call__(self, n: int) -> None:
        from bureaukit.linebreak import display_width
        from bureaukit.messages import t

        self.rows += n
        text = t("reading", rows=self.rows)
        self.width = max(self.width, display_width(text))
        click.echo("\r" + text, err=True, nl=False)

    def clear(self) -> None:
        """The counter's line blanked over exactly its width, the cursor back at its start
        (a fixed 60 spaces wrapped onto a second line in a narrow terminal)."""
        if self.width:
            click.echo("\r" + " " * self.width + "\r", err=True, nl=False)


def _progress() -> _Progress | None:
    if not (sys.stderr.isatty() and sys.stdout.isatty()) or os.environ.get("CI"):
        return None
    return _Progress()


def load_for_cli(config: Path, lang: str | None = None, timeout: float | None = None) -> Bureau:
    """The bureau, read and checked; from here on the CLI speaks its language (``--lang``
    first, then ``[bureau] language``)."""
    from bureaukit.bureau import load
    from bureaukit.messages import set_language
    from bureaukit.speedups import gc_paused

    tick = _progress()
    try:
        with gc_paused(freeze=True):  # the bureau lives until the command ends
            bureau = load(config, progress=tick, timeout=timeout)
    finally:
        if tick is not None:
            tick.clear()
    set_language(lang or bureau.config.bureau.language)
    return bureau


@click.group(cls=cli_help.Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="bureaukit", prog_name="bureaukit")
@click.option("--lang", type=click.Choice(["zh", "en"]), expose_value=False, is_eager=True,
              help="Language of help and messages (default: the locale's).")
def main() -> None:
    """Score a bureau's units and people for an assessment period (考核).

    \b
    Example:
      bureaukit check configs/demo/bureau.toml
      bureaukit score configs/demo/bureau.toml --period 2014 -o report.html
    """


@main.command()
@config_argument
@period_option
@click.option("--as-of", metavar="DATE", help="Cut-off date YYYY-MM-DD (default: the period's end; money is settled only then).")
@click.option("--campaign", "-c", "campaigns", multiple=True, metavar="NAME", help="Score only this campaign (repeatable).")
@click.option("--format", "-f", "fmt", metavar="FORMAT", help="table | json | csv | xlsx | html (default: from -o's suffix, else table).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE (atomically) instead of stdout.")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Report language (default: [bureau] language).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS", help="Fail a plugin still reading, checking, scoring or rendering after SECONDS (each call).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N", help="Federations: score members in N processes (default: the number of CPUs).")
@click.option("--keep-going", is_flag=True, help="Federations: write the roll-up even if members fail (marked missing; exit 2).")
@click.option("--by", metavar="NAME", help="Who scores, as the archive records it (default: the OS user).")
@click.option("--no-archive", is_flag=True, help="Do not record this run in the [archive].")
@click.option("--run", "run_number", type=click.IntRange(min=1), metavar="N", help="Report archived run N as recorded: scored again from its archived inputs (not the files on disk) and checked equal.")
@debug_option
@handle_errors
def score(config: Path, period: str | None, as_of: str | None, campaigns: tuple[str, ...], fmt: str | None,
          output: Path | None, lang: str | None, timeout: float | None, jobs: int | None, keep_going: bool,
          by: str | None, no_archive: bool, run_number: int | None, debug: bool) -> None:
    """Score CONFIG's bureau for a period and write the report. A config with
    [federation] scores its member bureaus and ranks and rolls them up (三级联动).

    \b
    Examples:
      bureaukit score configs/demo/bureau.toml
      bureaukit score configs/demo/bureau.toml --period 2014-H1 --as-of 2014-06-30 -f json
      bureaukit score configs/demo/bureau.toml -o report.xlsx --lang zh
      bureaukit score city.toml --jobs 2 -o city.json
      bureaukit score configs/demo/bureau.toml --run 17 -o 2014-final.html
    """
    from bureaukit.config import is_federation
    from bureaukit.engine import score as run_score
    from bureaukit.errors import InputError
    from bureaukit.messages import t
    from bureaukit.speedups import gc_paused

    if run_number is not None:
        others = {"--period": period, "--as-of": as_of, "--campaign": campaigns, "--lang": lang}
        _score_run(config, run_number, fmt, output, timeout, [name for name, value in others.items() if value])
        return
    if is_federation(config):
        _score_federation(config, period, as_of, fmt, output, jobs, keep_going, lang)
        return
    bureau = load_for_cli(config, lang, timeout)
    # picked after loading: the enabled plugins may bring renderers of their own
    renderer, owner = _pick_renderer(fmt if fmt or output else "table", output, bureau)
    with gc_paused(freeze=True):  # so does the result
        result = run_score(bureau, period, as_of, list(campaigns) or None, timeout=timeout, lang=lang)
    if result.no_rows:
        p = result.period
        click.echo(t("warning", text=t("no_rows", period=p.id, start=p.start, end=p.as_of)), err=True)
    recorded, packed = cli_archive.record_run(bureau, result, by, record=not no_archive,
                                              json_report=owner is None and renderer.name == "json")
    options = _render_options(bureau.config, result, recorded, renderer, output)
    if output is None and renderer.binary and sys.stdout.isatty():
        raise InputError([t("binary_format", fmt=renderer.name, suffix=renderer.suffixes[0])])
    # a JSON report the archive already holds is written from it: the result is not encoded twice
    data = packed.write if packed is not None else _rendered(renderer, owner, result, options, timeout)
    _deliver(data, output, renderer.name)


def _score_run(config: Path, number: int, fmt: str | None, output: Path | None, timeout: float | None,
               given: list[str]) -> None:
    """``score --run N``: the report of an archived run as it was recorded (*given*: the
    options choosing what to score, refused with it)."""
    from bureaukit.errors import InputError
    from bureaukit.messages import t

    cfg, bureau, result, run = cli_archive.archived_run(config, number, given)
    renderer, owner = _pick_renderer(fmt if fmt or output else "table", output, bureau)
    options = _render_options(cfg, result, run, renderer, output)
    if output is None and renderer.binary and sys.stdout.isatty():
        raise InputError([t("binary_format", fmt=renderer.name, suffix=renderer.suffixes[0])])
    _deliver(_rendered(renderer, owner, result, options, timeout), output, renderer.name)


def _render_options(config: Config, result: Result, recorded: Any, renderer: Renderer, output: Path | None) -> RenderOptions:
    """How the report is drawn: its language, a terminal's width for a table on one,
    the archive's history (html) and audit lines."""
    from bureaukit.render import RenderOptions

    width = None
    if output is None and renderer.name == "table" and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    history = cli_archive.history(config, result, recorded) if renderer.name == "html" else None
    audit = cli_archive.audit_lines(config, recorded)
    return RenderOptions(lang=result.language, width=width, history=history, audit=audit)


def _rendered(renderer: Renderer, owner: Owner | None, result: Result, options: RenderOptions,
              timeout: float | None) -> bytes | Callable[[BinaryIO], None]:
    """The report's bytes, or a function streaming them (a plugin's renderer bounded by
    ``--timeout``)."""
    from bureaukit.plugins import bounded

    if renderer.write is not None:
        # streamed: a province's JSON is hundreds of MB, twice over as str and bytes
        return _owned(functools.partial(renderer.write, result, options), owner, timeout, renderer.name)
    body = renderer.render(result, options) if owner is None else bounded(
        functools.partial(renderer.render, result, options), timeout, owner, f"the {renderer.name} renderer"
    )
    return body.encode("utf-8") if isinstance(body, str) else body


def _deliver(data: bytes | Callable[[BinaryIO], None], output: Path | None, fmt: str) -> None:
    """The report on stdout, or written atomically to *output* (never half a file)."""
    from bureaukit.errors import InputError
    from bureaukit.messages import reason, t
    from bureaukit.render import write_atomic
    from bureaukit.text import visible

    if output is None:
        with _writing_stdout():
            if callable(data):
                data(sys.stdout.buffer)
            else:
                sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise InputError([t("cannot_write", path=visible(str(output)), reason=reason(exc))]) from None
    click.echo(t("wrote", path=visible(str(output)), fmt=fmt), err=True)


FEDERATION_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".zip": "csv",
                      ".txt": "table"}


def _score_federation(config: Path, period: str | None, as_of: str | None, fmt: str | None, output: Path | None,
                      jobs: int | None, keep_going: bool, lang: str | None) -> None:
    """``score`` of a federation: a terminal table, or json, html, xlsx or a csv zip."""
    from bureaukit.errors import InputError
    from bureaukit.federation import MemberFailure, score_federation
    from bureaukit.messages import set_language, t

    kind = fmt or (FEDERATION_FORMATS.get(output.suffix.lower(), "") if output is not None else "table")
    if kind not in FEDERATION_FORMATS.values() or (output is not None and FEDERATION_FORMATS.get(
            output.suffix.lower()) != kind):
        raise InputError([Problem(t("fed_format", what=fmt or output), str(config))])
    if output is None and kind in ("xlsx", "csv") and sys.stdout.isatty():
        raise InputError([t("binary_format", fmt=kind, suffix=".xlsx" if kind == "xlsx" else ".zip")])
    try:
        result = score_federation(config, period, as_of, jobs=jobs, keep_going=keep_going)
    except MemberFailure as exc:
        _fail(exc.problems, exc.exit_code)
    lang = lang or _federation_language(config)
    set_language(lang)
    width = None
    if output is None and kind == "table" and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns
    _deliver(_federation_report(result, kind, lang, width), output, f"federation {kind}")
    if result.missing:
        _fail([t("fed_missing", subjects=", ".join(result.missing))], 2)


def _federation_language(config: Path) -> str:
    """The federation config's ``[bureau] language``, Chinese by default as a bureau's."""
    from bureaukit.federation_runs import read_toml

    head = read_toml(config).get("bureau", {})
    configured = head.get("language") if isinstance(head, dict) else None
    return configured if configured in ("zh", "en") else "zh"


def _federation_report(result: Any, kind: str, lang: str, width: int | None = None) -> bytes:
    from bureaukit import __version__

    if kind == "json":
        return result.to_json(__version__).encode("utf-8")  # type: ignore[no-any-return]
    from bureaukit.render import federation as fed

    if kind == "table":
        return ("\n".join(fed.text_lines(result, lang, width)) + "\n").encode("utf-8")

    if kind == "html":
        return fed.render_html(result, lang, __version__).encode("utf-8")
    return fed.render_xlsx(result, lang) if kind == "xlsx" else fed.render_csv(result, lang)


def _owned(write: Callable[[BinaryIO], None], owner: Owner | None, timeout: float | None, name: str) -> Callable[[BinaryIO], None]:
    """A renderer's ``write``, run as its plugin's code when a plugin brought it."""
    if owner is None:
        return write

    from bureaukit.plugins import bounded

    def bounded_write(fh: BinaryIO) -> None:
        # OSError: a full disk or a reader that left is the output's, not the plugin's
        bounded(functools.partial(write, fh), timeout, owner, f"the {name} renderer", (OSError,))

    return bounded_write


def _renderers(bureau: Bureau | None = None) -> list[tuple[Any, Owner | None]]:
    from bureaukit.plugins import collect_owned, new_manager, owners_of
    from bureaukit.render import Renderer

    pm = bureau.plugins if bureau is not None else new_manager()
    owners = owners_of({n: d.loaded for n, d in bureau.campaigns.items()}) if bureau is not None else None
    return collect_owned(pm, "bureaukit_renderers", Renderer, owners)


def _pick_renderer(fmt: str | None, output: Path | None, bureau: Bureau | None = None) -> tuple[Any, Owner | None]:
    """The renderer for ``--format`` or ``-o``'s suffix, and the plugin that brought it."""
    from bureaukit.errors import InputError
    from bureaukit.messages import t

    renderers = _renderers(bureau)
    by_name = {r.name: (r, o) for r, o in renderers}
    if fmt is not None:
        if fmt not in by_name:
            raise InputError([t("unknown_format", fmt=fmt, known=", ".join(by_name))])
        r, o = by_name[fmt]
        if output is not None and output.suffix.lower() not in r.suffixes:
            raise InputError([t("format_suffix", path=output, fmt=fmt, suffixes=" / ".join(r.suffixes))])
        return r, o
    assert output is not None
    suffix = output.suffix.lower()
    for r, o in reversed(renderers):  # a plugin's renderer for a suffix wins over the core's
        if suffix in r.suffixes:
            return r, o
    hint = t("csv_is_zip") if suffix == ".csv" else ""
    known = ", ".join(s for r, _ in renderers for s in r.suffixes)
    raise InputError([Problem(t("unknown_suffix", suffix=suffix or t("no_suffix"), hint=hint, known=known),
                              where=f"-o {output}")])


@main.command()
@config_argument
@period_option
@lang_option
@debug_option
@handle_errors
def check(config: Path, period: str | None, lang: str | None, debug: bool) -> None:
    """Validate CONFIG and every ledger it names; print all problems (exit 0 when clean).

    \b
    Example:
      bureaukit check configs/demo/bureau.toml --period 2014
    """
    from bureaukit.engine import (
        check_run_keys,
        check_run_phases,
        context_for,
        parse_as_of,
        rows_in_period,
    )
    from bureaukit.messages import language, t
    from bureaukit.text import visible

    bureau = load_for_cli(config, lang)
    problems: list[Problem] = []
    warnings: list[str] = []
    if period or bureau.config.bureau.period:
        per = bureau.period(period)
        cut = parse_as_of(None, per)
        rows = 0
        for data in bureau.campaigns.values():
            ctx = context_for(bureau, data, per, cut)
            problems += check_run_keys(bureau, data, ctx) + check_run_phases(data, ctx)
            rows += rows_in_period(ctx, data.specs)
        if bureau.campaigns and rows == 0:
            warnings.append(t("no_rows", period=per.id, start=per.start, end=per.end))
    if problems:
        from bureaukit.errors import InputError

        raise InputError(problems)
    for text in warnings:
        click.echo(t("warning", text=text), err=True)

    for note in bureau.notes:
        click.echo(t("note", text=visible(note)), err=True)
    n_records = sum(len(v) for d in bureau.campaigns.values() for v in d.records.values())
    lang = language()  # the campaigns by their titles: 招商引资、政务公开… (names in English)
    titles = [d.name if lang == "en" else d.loaded.campaign.title.get(lang) or d.name for d in bureau.campaigns.values()]
    _out(t(
        "check_ok", units=len(bureau.org.units), people=len(bureau.org.people), records=n_records,
        campaigns=(", " if lang == "en" else "、").join(titles) or t("none"),
    ))


@main.command()
@click.argument("config", required=False, type=click.Path(dir_okay=False, path_type=Path))
@lang_option
@debug_option
@handle_errors
def plugins(config: Path | None, lang: str | None, debug: bool) -> None:
    """List installed campaigns with their distribution and version, and which CONFIG enables.

    \b
    Example:
      bureaukit plugins configs/demo/bureau.toml
    """
    from bureaukit.messages import set_language, t
    from bureaukit.plugins import installed

    found = installed()
    enabled: tuple[str, ...] = ()
    if config is not None:
        from bureaukit.config import read_config

        cfg = read_config(config)
        enabled = cfg.enabled
        set_language(lang or cfg.bureau.language)  # undone when the command ends (handle_errors)
    if not found:
        _out(t("no_plugins"))
    campaign, distribution, version, enabled_title = t("plugins_header").split("|")
    rows = [(campaign, distribution, version, enabled_title if config else "")]
    for name in sorted(found):
        i = found[name]
        rows.append((name, i.distribution, i.version, (t("yes") if name in enabled else t("no")) if config else ""))
    for name in enabled:
        if name not in found:
            rows.append((name, f"bureaukit-{name}", t("not_installed"), t("yes")))
    from bureaukit.linebreak import display_width
    from bureaukit.render._labels import pad

    widths = [max(display_width(r[c]) for r in rows) for c in range(4)]
    for r in rows:
        _out("  ".join(pad(cell, w) for cell, w in zip(r, widths, strict=True)).rstrip())


@main.command()
@config_argument
@click.argument("subject")
@period_option
@click.option("--as-of", metavar="DATE", help="Cut-off date YYYY-MM-DD (default: the period's end).")
@click.option("--campaign", "-c", "campaigns", multiple=True, metavar="NAME", help="Only this campaign (repeatable).")
@click.option("--lang", type=click.Choice(["zh", "en"]), help="Language of messages (default: [bureau] language).")
@debug_option
@handle_errors
def explain(config: Path, subject: str, period: str | None, as_of: str | None, campaigns: tuple[str, ...],
            lang: str | None, debug: bool) -> None:
    """Every outcome for one SUBJECT with its evidence: "why is my score 72?".

    SUBJECT is unit:<id>, person:<id>, a bare id or a name.

    \b
    Example:
      bureaukit explain configs/demo/bureau.toml unit:ygs --period 2014
    """
    from bureaukit.engine import score as run_score
    from bureaukit.explain import explain_text, resolve_subject

    bureau = load_for_cli(config, lang)
    subj = resolve_subject(bureau, subject)
    result = run_score(bureau, period, as_of, list(campaigns) or None, lang=lang)
    cli_archive.record_run(bureau, result, None, record=False)  # a final period's lock holds here too
    _out(explain_text(result, subj, bureau.config.scoring))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="某区交通运输局", show_default=True, help="The bureau's name.")
@click.option("--year", type=click.IntRange(1980, 2200), metavar="YYYY", help="The assessment year (default: this year).")
@click.option("--xlsx", is_flag=True, help="Write the org files and ledgers as Excel templates for clerks (drop-downs, prompts).")
@lang_option
@debug_option
@handle_errors
def init(directory: Path, name: str, year: int | None, xlsx: bool, lang: str | None, debug: bool) -> None:
    """Create a starter bureau in DIRECTORY: bureau.toml, org files and empty ledger
    templates (Chinese headers) for every installed campaign.

    \b
    Example:
      bureaukit init mybureau && bureaukit check mybureau/bureau.toml
      bureaukit init --xlsx mybureau     # Excel templates for the clerks
    """
    from bureaukit.messages import t
    from bureaukit.starter import write_starter
    from bureaukit.text import visible

    written, skipped = write_starter(directory, name=name, year=year, xlsx=xlsx)
    for p in written:
        _out(t("wrote_file", path=p))
    for note in skipped:
        click.echo(t("init_left_out", text=visible(note)), err=True)
    _out(t("init_next", config=directory / "bureau.toml"))


@main.command()
@config_argument
@click.argument("kind")
@click.option("--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The workbook to write (.xlsx).")
@lang_option
@debug_option
@handle_errors
def template(config: Path, kind: str, output: Path, lang: str | None, debug: bool) -> None:
    """Write an Excel template for one ledger: Chinese headers with prompts, drop-downs of
    the bureau's units, people and choices, date checks, a frozen header.

    \b
    KIND is campaign.kind (investment.projects), org.units or org.people.
    Example:
      bureaukit template bureau.toml investment.projects -o 项目台账.xlsx
    """
    from bureaukit.clerk_templates import template_from_config
    from bureaukit.errors import InputError
    from bureaukit.messages import t

    if output.suffix.lower() != ".xlsx":
        raise InputError([Problem(t("template_xlsx"), where=f"-o {output}")])
    template_from_config(config, kind, output)
    _out(t("wrote_file", path=output))


cli_archive.register(main)


def run() -> None:
    """The ``bureaukit`` command (and ``python -m bureaukit``): :func:`main`, leaving
    through the interpreter's ordinary exit so that profilers, coverage and plugins'
    ``atexit`` handlers see a normal end. Named ``bureaukit`` however it was started, so
    the usage lines and shell completion (``_BUREAUKIT_COMPLETE``) are the same."""
    main(prog_name="bureaukit")


if __name__ == "__main__":  # pragma: no cover
    run()
