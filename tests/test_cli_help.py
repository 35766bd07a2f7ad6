"""The command line's own words — help, headings, usage errors — in one language per run
(REPORTS §2): Chinese with ``--lang zh`` or a ``zh_*`` locale, click's English otherwise."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from bureaukit import cli_help
from bureaukit.cli import main
from bureaukit.linebreak import display_width
from bureaukit.messages import set_language

ZH_LOCALE = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "zh_CN.UTF-8"}
EN_LOCALE = {"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"}
# three English words in a row: a sentence a Chinese clerk would have to read in English
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b")


@pytest.fixture(autouse=True)
def _language_from_the_locale() -> None:
    """These tests choose the language by the locale: no run's language may be in force."""
    set_language(None)


def run(args: list[str], env: dict[str, str | None]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args, env=env, prog_name="bureaukit")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def prose(text: str) -> list[str]:
    """The help's lines a clerk reads, without the example command lines to copy."""
    return [line for line in text.splitlines() if not line.strip().startswith("bureaukit ")]


def test_every_command_and_option_has_its_chinese_help() -> None:
    ctx = click.Context(main, info_name="bureaukit", **main.context_settings)
    missing, stale = [], []
    for name, command in {"": main, **main.commands}.items():
        texts = cli_help.HELP.get(name, {})
        wanted = {"", *(p.name for p in command.get_params(ctx) if isinstance(p, click.Option))}
        wanted = {w for w in wanted if w and not w.startswith("_")} | {""}  # click's own help option
        missing += [f"{name}.{w}" for w in wanted if not texts.get(w) and w not in cli_help.COMMON]
        stale += [f"{name}.{k}" for k in texts if k not in wanted | {"short"}]
    assert missing == [] and stale == []
    assert set(cli_help.HELP) == {"", *main.commands}


@pytest.mark.parametrize("command", ["", *sorted(main.commands)])
def test_help_in_chinese_has_no_english_sentence(command: str) -> None:
    args = [command, "-h"] if command else ["-h"]
    code, out = run(args, ZH_LOCALE)
    assert code == 0
    assert out.startswith(f"用法：bureaukit {command} [选项]".replace("  ", " "))
    assert "选项：" in out and "显示本帮助并退出。" in out
    english = [line for line in prose(out) if ENGLISH_SENTENCE.search(line)]
    assert english == []
    # Chinese takes two columns a character: no line wider than click's 100
    assert max(display_width(line) for line in out.splitlines()) <= 100


def test_lang_among_the_arguments_wins_over_the_locale() -> None:
    code, out = run(["score", "-h", "--lang", "zh"], EN_LOCALE)
    assert code == 0 and out.startswith("用法：bureaukit score [选项] CONFIG")
    assert "  -o, --output FILE    把报告写入文件" in out
    code, out = run(["--lang=en", "-h"], ZH_LOCALE)
    assert code == 0 and out.startswith("Usage: bureaukit [OPTIONS] COMMAND [ARGS]...")


def test_the_group_lists_each_command_by_its_chinese_short_help() -> None:
    code, out = run(["-h"], ZH_LOCALE)
    assert code == 0
    listed = dict(re.findall(r"^  ([a-z]+) +(\S.*)$", out.split("命令：")[1], re.MULTILINE))
    assert listed["score"] == "为一个考核期打分并写出报告。"
    assert listed["explain"] == "列出某个对象的每一项结果及其依据。"
    assert set(listed) == set(main.commands)


def test_english_help_is_clicks_own() -> None:
    code, out = run(["score", "-h"], EN_LOCALE)
    assert code == 0
    assert out.startswith("Usage: bureaukit score [OPTIONS] CONFIG")
    assert "Options:" in out and "Score CONFIG's bureau for a period" in out
    assert "-h, --help           Show this message and exit." in out


ERRORS = [
    (["score"], "错误：缺少参数 CONFIG", "Missing argument"),
    (["score", "a.toml", "--lang", "xx"], "错误：--lang 只能是 zh、en 之一", "'--lang'"),
    (["score", "a.toml", "--jobs", "0"], "错误：--jobs / -j 须为不小于 1 的整数", "'--jobs'"),
    (["score", "a.toml", "--timeout", "0"], "错误：--timeout 须为大于 0 的数", "'--timeout'"),
    (["score", "a.toml", "--perod", "2014"], "错误：没有选项 --perod（是不是 --period？）", "--perod"),
    (["score", "a.toml", "extra"], "错误：多余的参数：extra", "extra argument"),
    (["scroe"], "错误：没有命令 scroe（是不是 score？）", "'scroe'"),
    (["score", "a.toml", "--period"], "错误：选项 --period 需要一个值", "'--period' requires"),
    (["score", "a.toml", "--no-archive=3"], "错误：选项 --no-archive 不带值", "'--no-archive' does not take"),
    (["diff", "a.toml", "x"], "错误：A 须为整数", "'[A]'"),
]


@pytest.mark.parametrize(("args", "zh", "en"), ERRORS, ids=[" ".join(a) for a, _, _ in ERRORS])
def test_usage_errors_in_the_runs_language(args: list[str], zh: str, en: str) -> None:
    code, out = run(args, ZH_LOCALE)
    command = "bureaukit" if args[0] == "scroe" else f"bureaukit {args[0]}"
    assert code == 2
    assert out.splitlines() == [out.splitlines()[0], f"运行“{command} -h”可查看帮助。", zh]
    assert out.startswith(f"用法：{command} [选项]")
    code, out = run(args, EN_LOCALE)
    # click's own words, which change a little between its versions
    assert code == 2 and "Error: " in out and en in out and "用法" not in out


def test_width_counts_chinese_as_two_columns() -> None:
    assert display_width("ab") == 2
    assert display_width("考核 2014") == 9
    assert display_width("（默认）") == 8


def test_wrapping_keeps_punctuation_off_the_line_start_and_examples_whole() -> None:
    lines = cli_help._wrap("一二三四五，六七", 10)
    assert lines == ["一二三四", "五，六七"]  # never wider than the terminal: 五 goes down with its comma
    example = "  bureaukit score configs/demo/bureau.toml --period 2014-H1 --as-of 2014-06-30 -f json"
    assert cli_help._wrap(example, 20) == [example]
    assert cli_help._wrap("考核期 [periods] 中的名称", 16) == ["考核期 [periods]", "中的名称"]
