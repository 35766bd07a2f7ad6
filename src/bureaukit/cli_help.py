"""The command line's own words in the clerk's language (REPORTS §2): help, headings and
usage errors.

click writes a command's help from its docstring and ``help=`` texts, and its own words
(``Usage:``, ``Options``, ``Error: Missing argument 'CONFIG'.``) in English: they go through
``gettext`` with no Chinese catalogue. A Chinese office reads them in Chinese, so the
commands are :class:`Command` and the group a :class:`Group`, which write the same help and
the same usage errors in the run's language.

Help is asked for before any config is read, so its language is ``--lang`` when it is among
the arguments, else the locale's (:func:`bureaukit.messages.language`). The English stays
where click reads it, in the commands themselves; the Chinese is here, keyed by command and
parameter name (``tests/test_cli_help.py`` checks that every command and option has both).
Chinese is written by display width (a Chinese character takes two columns), which click's
wrapping, counting characters, does not know.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO, Any

import click

from bureaukit.linebreak import display_width, wrap
from bureaukit.messages import language

_LANG = "bureaukit.lang"  # ctx.meta is shared by a command and its group

COMMON: dict[str, str] = {
    "lang": "帮助和提示的语言：zh 中文，en 英文（默认按系统的区域设置）。",
    "help": "显示本帮助并退出。",
    "version": "显示版本号并退出。",
    "debug": "出错时显示调用栈（供排查缺陷）。",
}

_SCORE_LANG = "报告语言：zh 中文，en 英文（默认取 [bureau] language）。"

HELP: dict[str, dict[str, str]] = {
    "": {
        "": """为一个考核期给本局各单位和人员打分（考核）。

示例：
  bureaukit check configs/demo/bureau.toml
  bureaukit score configs/demo/bureau.toml --period 2014 -o report.html""",
    },
    "score": {
        "short": "为一个考核期打分并写出报告。",
        "": """按 CONFIG 所述的局，为一个考核期打分并写出报告。CONFIG 中有 [federation] 时，
为其成员局分别打分，再排名并三级联动汇总。

示例：
  bureaukit score configs/demo/bureau.toml
  bureaukit score configs/demo/bureau.toml --period 2014-H1 --as-of 2014-06-30 -f json
  bureaukit score configs/demo/bureau.toml -o report.xlsx --lang zh
  bureaukit score city.toml --jobs 2 -o city.json
  bureaukit score configs/demo/bureau.toml --run 17 -o 2014-final.html""",
        "period": "考核期：2014、2014-H1、2014-Q2、2014-07、a..b 或 [periods] 中的名称（默认取 [bureau] period）。",
        "as_of": "截止日期，如 2014-06-30（默认为考核期末；资金只在期末结算）。",
        "campaigns": "只计算这项考核活动（可重复）。",
        "fmt": "报告格式：table、json、csv、xlsx、html（默认按 -o 的扩展名，否则 table）。",
        "output": "把报告写入文件（整体写入，不留半个文件），而不是输出到屏幕。",
        "lang": _SCORE_LANG,
        "timeout": "插件读取、检查、计分或生成报告的每一步超过这么多秒即判为失败。",
        "jobs": "联动汇总：用 N 个进程为成员局打分（默认为处理器个数）。",
        "keep_going": "联动汇总：有成员局出错也写出汇总（该局标为缺失，退出码 2）。",
        "by": "打分人，记入考核档案（默认为操作系统用户名）。",
        "no_archive": "本次结果不记入 [archive] 考核档案。",
        "run_number": "出存档中第 N 次运行的报告：按存档的输入重新评分（不读磁盘上的台账），核对与存档结果相同。",
    },
    "check": {
        "short": "检查配置和每一份台账。",
        "": """检查 CONFIG 及其列出的每一份台账，一次列出全部问题（无问题时退出码为 0）。

示例：
  bureaukit check configs/demo/bureau.toml --period 2014""",
        "period": "考核期：2014、2014-H1、2014-Q2、2014-07、a..b 或 [periods] 中的名称（默认取 [bureau] period）。",
    },
    "plugins": {
        "short": "列出已安装的考核活动插件。",
        "": """列出已安装的考核活动插件，及其发行包、版本和 CONFIG 启用了哪些。

示例：
  bureaukit plugins configs/demo/bureau.toml""",
    },
    "explain": {
        "short": "列出某个对象的每一项结果及其依据。",
        "": """列出某个对象的每一项结果及其依据，回答“我的得分为什么是 72？”。

SUBJECT 可写作 unit:<编号>、person:<编号>、编号本身或名称。

示例：
  bureaukit explain configs/demo/bureau.toml unit:ygs --period 2014""",
        "period": "考核期：2014、2014-H1、2014-Q2、2014-07、a..b 或 [periods] 中的名称（默认取 [bureau] period）。",
        "as_of": "截止日期，如 2014-06-30（默认为考核期末）。",
        "campaigns": "只看这项考核活动（可重复）。",
        "lang": "提示语言：zh 中文，en 英文（默认取 [bureau] language）。",
    },
    "init": {
        "short": "新建一个起步用的局。",
        "": """在 DIRECTORY 中新建一个起步用的局：bureau.toml、组织机构文件，以及每个已安装考核活动的
空白台账模板（中文表头）。

示例：
  bureaukit init mybureau && bureaukit check mybureau/bureau.toml
  bureaukit init --xlsx mybureau     # 给台账员用的 Excel 模板""",
        "name": "局的名称。",
        "year": "考核年度（默认为今年）。",
        "xlsx": "组织机构文件和台账写成 Excel 模板（带下拉选项和填写提示）。",
    },
    "template": {
        "short": "为一份台账写出 Excel 模板。",
        "": """为一份台账写出 Excel 模板：中文表头和填写提示，本局单位、人员和可选值的下拉列表，
日期校验，冻结表头。

KIND 写作 活动.台账（如 investment.projects），或 org.units、org.people。
示例：
  bureaukit template bureau.toml investment.projects -o 项目台账.xlsx""",
        "output": "要写出的工作簿（.xlsx）。",
    },
    "runs": {
        "short": "列出考核档案中记录的各次运行。",
        "": """列出 CONFIG 的考核档案中记录的各次运行：序号、时间、打分人、考核期、截止日期、
状态（已记录、最终结果、已被取代）和一行摘要。

示例：
  bureaukit runs configs/demo/bureau.toml --period 2014""",
        "period": "只列这个考核期的运行（如 2014）。",
    },
    "audit": {
        "short": "列出考核档案中记录的每一项决定。",
        "": """列出 CONFIG 的考核档案中记录的每一项决定（定稿、重新开启、每件异议的维持或驳回）：
谁、何时、为什么、针对哪次运行。

示例：
  bureaukit audit configs/demo/bureau.toml""",
        "period": "只列这个考核期的决定。",
    },
    "finalise": {
        "short": "按期末打分、记入档案并锁定考核期。",
        "": """按期末为考核期打分、记入档案并锁定：此后台账有改动的运行一律拒绝，直到重新开启。

示例：
  bureaukit finalise configs/demo/bureau.toml --period 2014 --by 张三""",
        "period": "要锁定的考核期（默认取 [bureau] period）。",
        "by": "锁定人（记入审计记录）。",
        "note": "原因或需要记下的说明。",
    },
    "reopen": {
        "short": "重新开启已定稿的考核期。",
        "": """重新开启已定稿的考核期：原最终结果保留，标为已被取代，并记下原因。

示例：
  bureaukit reopen configs/demo/bureau.toml --period 2014 --by 张三 --reason "复核更正项目台账\"""",
        "period": "要重新开启的考核期（默认取 [bureau] period）。",
        "by": "重新开启人（记入审计记录）。",
        "reason": "重新开启的原因（记入审计记录）。",
    },
    "diff": {
        "short": "比较两次运行：某个数为什么变了。",
        "": """某个数为什么变了？比较 A、B 两次运行（默认为最近两次）：每一处变化的综合得分、
得分、资金和问题，以及背后的台账行。

示例：
  bureaukit diff configs/demo/bureau.toml
  bureaukit diff configs/demo/bureau.toml 3 5 -o 变化.html""",
        "period": "不给 A、B 时：这个考核期最近的两次运行。",
        "fmt": "格式：默认按 -o 的扩展名，否则 table。",
        "output": "写入文件，而不是输出到屏幕。",
    },
    "verify": {
        "short": "用档案中的输入重新计算一次运行并核对。",
        "": """用档案中保存的输入和已安装的插件重新计算第 RUN 次运行：结果逐字节相同即为通过，
否则列出不同之处和版本不同的插件（退出码 1）。

示例：
  bureaukit verify configs/demo/bureau.toml 12""",
    },
    "bulletin": {
        "short": "每月的时序进度通报。",
        "": """每月的时序进度通报：排名及其较上次记录运行的升降，对照序时进度的完成情况，
落后单位，新发现的问题，15 天内到期的事项。本次运行与 score 一样打分并记入档案。
通报按公文用中文写出；--lang 只改变通报之外的提示语言。

示例：
  bureaukit bulletin configs/demo/bureau.toml --period 2014 --as-of 2014-09-30 -o 通报.docx""",
        "period": "考核期（默认取 [bureau] period）。",
        "as_of": "截止日期，如 2014-06-30（默认为考核期末）。",
        "output": "通报.docx、.html 或 .xlsx（默认在屏幕上输出文字版）。",
        "by": "打分人，记入考核档案（默认为操作系统用户名）。",
    },
}


def help_language(ctx: click.Context) -> str:
    """``zh`` or ``en``: ``--lang`` among this command line's arguments, else the run's."""
    lang = ctx.meta.get(_LANG)
    return lang if isinstance(lang, str) else language()


def asked_language() -> str | None:
    """``--lang`` as this command line gave it, before the command or after it
    (``bureaukit --lang en check …`` and ``bureaukit check --lang en …``); None when not given."""
    ctx = click.get_current_context(silent=True)
    lang = ctx.meta.get(_LANG) if ctx is not None else None
    return lang if isinstance(lang, str) else None


def _lang_in(args: Sequence[str]) -> str | None:
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.removeprefix("--lang=")
        if arg.startswith("--lang") and value in ("zh", "en"):
            return value
    return None


def _zh_help(ctx: click.Context, param: str = "") -> str:
    command = "" if ctx.parent is None else ctx.info_name or ""
    return HELP.get(command, {}).get(param) or COMMON.get(param, "")


# -- help text in lines ------------------------------------------------------------------


def _wrap(text: str, columns: int) -> list[str]:
    """*text* in lines of at most *columns* display columns, paragraph by paragraph
    (:func:`bureaukit.linebreak.wrap`: Chinese between characters by 避头尾, English at
    spaces); an example command line is kept whole, to be copied."""
    lines: list[str] = []
    for paragraph in _paragraphs(text):
        lines += [paragraph] if paragraph.startswith(" ") or not paragraph else wrap(paragraph, columns)
    return lines


def _paragraphs(text: str) -> Iterable[str]:
    """The paragraphs of *text* (blank lines between them) each on one line, indented
    lines (examples) and blank lines as they are."""
    joined = ""
    for line in text.splitlines():
        if line.strip() and not line.startswith(" "):
            ascii_join = joined[-1:].isascii() and joined[-1:].isalnum() and line[0].isascii()
            joined += (" " if ascii_join else "") + line
            continue
        if joined:
            yield joined
            joined = ""
        yield line
    if joined:
        yield joined


def _write_text(formatter: click.HelpFormatter, text: str) -> None:
    indent = " " * formatter.current_indent
    for line in _wrap(text, formatter.width - formatter.current_indent):
        formatter.write(f"{indent}{line}\n" if line else "\n")


def _write_dl(formatter: click.HelpFormatter, rows: Sequence[tuple[str, str]]) -> None:
    """Terms and their help in two columns, as click writes them, by display width."""
    first = min(max(display_width(term) for term, _ in rows), 30) + 2
    indent = " " * formatter.current_indent
    for term, text in rows:
        lines = _wrap(text, max(formatter.width - formatter.current_indent - first, 20))
        if display_width(term) > first - 2:
            formatter.write(f"{indent}{term}\n")
        else:
            formatter.write(f"{indent}{term}{' ' * (first - display_width(term))}{lines.pop(0)}\n")
        for line in lines:
            formatter.write(f"{indent}{' ' * first}{line}\n")


def _write_section(formatter: click.HelpFormatter, heading: str, rows: Sequence[tuple[str, str]]) -> None:
    """A titled list (``选项：``) as click's ``formatter.section`` writes one."""
    if rows:
        formatter.write_paragraph()
        formatter.write(f"{' ' * formatter.current_indent}{heading}：\n")
        with formatter.indentation():
            _write_dl(formatter, rows)


# -- usage errors -------------------------------------------------------------------------


class UsageError(click.UsageError):
    """A usage error in Chinese: the usage line, the help hint and the message."""

    def show(self, file: IO[Any] | None = None) -> None:
        lines = [f"错误：{self.format_message()}"]
        if self.ctx is not None:
            option = self.ctx.help_option_names[0]
            lines[:0] = [self.ctx.get_usage(), f"运行“{self.ctx.command_path} {option}”可查看帮助。"]
        click.echo("\n".join(lines), file=file, err=file is None)


def _hint(param: click.Parameter) -> str:
    """``--jobs / -j`` or ``CONFIG``: how the command line names *param*."""
    return " / ".join(param.opts) if isinstance(param, click.Option) else param.human_readable_name


def _range(kind: click.IntRange | click.FloatRange) -> str:
    parts = []
    if kind.min is not None:
        parts.append(f"{'大于' if kind.min_open else '不小于'} {kind.min}")
    if kind.max is not None:
        parts.append(f"{'小于' if kind.max_open else '不大于'} {kind.max}")
    return "、".join(parts)


def _bad_value(param: click.Parameter, hint: str) -> str:
    """What a good value of *param* is (click's message names the bad one in English)."""
    kind = param.type
    if isinstance(kind, click.Choice):
        return f"{hint} 只能是 {'、'.join(map(str, kind.choices))} 之一"
    if isinstance(kind, (click.IntRange, click.FloatRange)):
        number = "整数" if isinstance(kind, click.IntRange) else "数"
        return f"{hint} 须为{_range(kind)} 的{number}"
    if isinstance(kind, click.Path):
        return f"{hint} 须为{'文件' if not kind.dir_okay else '文件夹'}"
    if kind is click.INT:
        return f"{hint} 须为整数"
    if kind is click.FLOAT:
        return f"{hint} 须为数"
    return f"{hint} 的值无效"


def zh_message(error: click.UsageError, command: click.Command) -> str:
    """click's usage error *error* said in Chinese, from what it carries (never its text)."""
    if isinstance(error, click.MissingParameter) and error.param is not None:
        what = "参数" if isinstance(error.param, click.Argument) else "选项"
        return f"缺少{what} {_hint(error.param)}"
    if isinstance(error, click.BadParameter) and error.param is not None:
        return _bad_value(error.param, _hint(error.param))
    if isinstance(error, click.NoSuchOption):
        close = sorted(error.possibilities or ())
        return f"没有选项 {error.option_name}" + (f"（是不是 {'、'.join(close)}？）" if close else "")
    if isinstance(error, click.BadOptionUsage):
        flag = any(error.option_name in p.opts and getattr(p, "is_flag", False) for p in command.params)
        return f"选项 {error.option_name} {'不带值' if flag else '需要一个值'}"
    return f"命令行有误：{error.format_message()}"


# -- commands -------------------------------------------------------------------------------


class _Localised(click.Command):
    """A command whose help and usage errors are in the run's language."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        lang = _lang_in(args)
        if lang:
            ctx.meta[_LANG] = lang
        if help_language(ctx) != "zh":
            return super().parse_args(ctx, args)
        try:
            return self._parse_zh(ctx, args)
        except click.UsageError as error:
            if isinstance(error, UsageError) or type(error).__name__ == "NoArgsIsHelpError":
                raise  # already Chinese; or click about to show the help (click ≥ 8.2)
            raise UsageError(zh_message(error, self), ctx) from None

    def _parse_zh(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, args)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        if help_language(ctx) == "zh":
            metavars = {self.options_metavar: "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
            pieces = [metavars.get(p, p) for p in pieces]
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_language(ctx) != "zh":
            return super().format_usage(ctx, formatter)
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_language(ctx) != "zh":
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            _write_text(formatter, _zh_help(ctx))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_language(ctx) != "zh":
            return super().format_options(ctx, formatter)
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and not isinstance(param, click.Argument):
                is_help = bool(set(param.opts) & set(ctx.help_option_names))
                rows.append((record[0], _zh_help(ctx, "help" if is_help else param.name or "")))
        _write_section(formatter, "选项", rows)


class Command(_Localised):
    """A subcommand: also its extra arguments named in Chinese."""

    def _parse_zh(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        rest = super()._parse_zh(ctx, args)
        ctx.allow_extra_args = allowed
        if rest and not allowed:
            raise UsageError(f"多余的参数：{' '.join(rest)}", ctx)
        return rest


class Group(_Localised, click.Group):
    """The ``bureaukit`` group: its commands listed, and an unknown one named, in Chinese."""

    command_class = Command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if help_language(ctx) == "zh" and name and self.get_command(ctx, name) is None:
            import difflib

            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.6)
            raise UsageError(f"没有命令 {name}" + (f"（是不是 {close[0]}？）" if close else ""), ctx)
        return super().resolve_command(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)  # in English, click's lists the commands too
        if help_language(ctx) == "zh":
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if help_language(ctx) != "zh":
            return super().format_commands(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _short_help(name)))
        _write_section(formatter, "命令", rows)


def _short_help(command: str) -> str:
    """The line a command gets in the group's list: its ``short`` help, else the first
    sentence of its help."""
    texts = HELP.get(command, {})
    head = texts.get("short") or texts.get("", "").split("\n\n")[0].replace("\n", "")
    return head.partition("。")[0] + "。"
