"""What bureaukit itself says to a clerk, in one language per run (REPORTS §2).

A message is a key with a Chinese and an English text (``str.format`` fields):

    from bureaukit.messages import t
    click.echo(t("wrote", path=out, fmt="html"))

The language of a run: ``--lang``, else ``[bureau] language``, else a ``zh_*`` locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English. The CLI sets it with
:func:`set_language` as soon as it knows; library code that builds a message reads
:func:`language`. The problem shape ``FILE:ROW: 列名: 消息`` is the same in both.

Kept free of imports: ``import bureaukit`` stays cheap.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "wrote": ("已写入 {path}（{fmt}）", "wrote {path} ({fmt})"),
    "wrote_file": ("已写入 {path}", "wrote {path}"),
    "more_problems": ("……另有 {more} 个问题（共 {total} 个）", "... and {more} more problems ({total} in all)"),
    "error": ("错误：{text}", "error: {text}"),
    "debug_hint": ("（加 --debug 运行可看到调用栈）", "(run with --debug for the traceback)"),
    "interrupted": ("已中断", "interrupted"),
    "internal_error": ("内部错误：{text}", "internal error: {text}"),
    "bug_hint": (
        "（这是 bureaukit 的缺陷；加 --debug 运行可看到调用栈）",
        "(this is a bug in bureaukit; run with --debug for the traceback)",
    ),
    "note": ("注意：{text}", "note: {text}"),
    "warning": ("警告：{text}", "warning: {text}"),
    "reading": ("读取台账 … {rows:,} 行", "reading ledgers … {rows:,} rows"),
    "check_ok": (
        "检查通过：{units} 个单位，{people} 名人员，{records} 条台账记录；考核活动：{campaigns}",
        "OK: {units} units, {people} people, {records} ledger records; campaigns: {campaigns}",
    ),
    "none": ("无", "none"),
    "no_rows": (
        "考核期 {period}（{start} 至 {end}）内没有任何台账记录：得分只反映尚未登记的情况",
        "period {period} ({start}..{end}) holds no ledger rows: the scores only show that nothing is recorded yet",
    ),
    "no_rows_campaign": (
        "{campaign}：考核期内没有台账记录",
        "{campaign}: no ledger rows in the period",
    ),
    "binary_format": (
        "--format {fmt} 为二进制格式：请用 -o 文件{suffix} 写入文件",
        "--format {fmt} is binary: give -o FILE{suffix}",
    ),
    "fed_format": (
        "联合体的结果可写为 json、html、xlsx 或 csv（-o 文件.zip），或在终端显示为表格；不支持 {what}",
        "a federation's result is written as json, html, xlsx or csv (-o FILE.zip), or shown as a table; "
        "{what} is not supported",
    ),
    "fed_missing": ("缺失成员，未计入汇总：{subjects}", "missing member(s), left out of the roll-up: {subjects}"),
    "cannot_write": ("{path}：无法写入报告：{reason}", "{path}: cannot write the report: {reason}"),
    "unknown_format": ('--format：未知格式"{fmt}"；可用：{known}', '--format: unknown format "{fmt}"; known: {known}'),
    "format_suffix": (
        "-o {path}：{fmt} 报告应写入 {suffixes} 文件",
        "-o {path}: a {fmt} report is written to a {suffixes} file",
    ),
    "as_of_form": (
        '--as-of：应为日期（如 2014-06-30、2014/6/30、2014年6月30日），实为"{value}"',
        '--as-of: expected a date (2014-06-30, 2014/6/30, 2014年6月30日), got "{value}"',
    ),
    "as_of_outside": (
        "--as-of：{date} 不在考核期 {period}（{start} 至 {end}）内",
        "--as-of: {date} lies outside period {period} ({start}..{end})",
    ),
    "campaign_not_enabled": (
        '--campaign："{name}" 未启用；已启用：{enabled}',
        '--campaign: "{name}" is not enabled; enabled: {enabled}',
    ),
    "init_next": ("下一步：编辑 {config}，然后运行：bureaukit check {config}",
                  "next: edit {config}, then: bureaukit check {config}"),
    "not_set_up": (
        "{config}：{path}：{campaign}尚未设置{what}，本项暂不评分",
        "{config}: {path}: {campaign} is not set up yet ({what}): nothing is scored on it",
    ),
    "init_left_out": ("注意：未包含考核活动 {text}", "note: left out campaign {text}"),
    "no_plugins": ("未安装任何考核活动插件（pip install bureaukit-investment 等）",
                   "no campaign plugins installed (pip install bureaukit-investment, …)"),
    "plugins_header": ("考核活动|发行包|版本|已启用", "campaign|distribution|version|enabled"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "not_installed": ("未安装", "NOT INSTALLED"),
}

_current: str | None = None


def locale_language() -> str:
    """``zh`` when the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set names a
    Chinese locale (``zh_CN.UTF-8``), else ``en``."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str | None) -> None:
    """The language of this run's messages (``zh``/``en``); None: back to the locale's."""
    global _current
    _current = lang if lang in ("zh", "en") else None


def language() -> str:
    return _current or locale_language()


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """This run's language is *lang* inside the block, then what it was: a report, or a
    JSON that stores notes as text, written in its own language whatever the locale
    (evidence notes are written on demand and read :func:`language`)."""
    global _current
    before = _current
    _current = lang if lang in ("zh", "en") else before
    try:
        yield
    finally:
        _current = before


def language_for(configured: str | None) -> str:
    """The language of a bureau's run while it loads: ``--lang`` when the CLI set one, else
    the bureau's ``[bureau] language``, else the locale's (for messages written before the
    CLI adopts the config's language, without changing the process's)."""
    return _current or (configured if configured in ("zh", "en") else None) or locale_language()


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """Message *key* in *lang* (default: this run's language), its fields filled in."""
    zh, en = MESSAGES[key]
    text = en if (lang or language()) == "en" else zh
    return text.format(**fields) if fields else text
