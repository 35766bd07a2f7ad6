"""A Chinese bureau's day with bureaukit, every line it prints read for English (REPORTS §2:
one language per run, Chinese for a Chinese bureau): score, check of a broken ledger,
explain, runs, audit, diff, verify, bulletin, finalise, reopen — on a copy of the demo
district (``[bureau] language = "zh"``), its archive in the copy. A line holding three or
more English words in a row (not a path, an id, a code or the clerk's quoted text) fails
the test: a net for any message still English, today or after a change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lang_support import english_lines

from bureaukit.cli import main

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo"


def _copy_demo(where: Path) -> Path:
    shutil.copytree(DEMO, where, ignore=shutil.ignore_patterns("archive.sqlite*"))
    return where / "bureau.toml"


def _codes(cfg: Path) -> frozenset[str]:
    """Ids and codes the demo's clerks and admin typed: they stay as typed in any language."""
    import bureaukit

    bureau = bureaukit.load(cfg)
    words = set(bureau.campaigns) | {k for d in bureau.campaigns.values() for k in d.records}
    words |= {u.id for u in bureau.org.units.values()} | {p.id for p in bureau.org.people.values()}
    return frozenset(words)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple[str, int, str]], frozenset[str]]:
    """Every command of the day: (command line, exit code, stdout + stderr)."""
    root = tmp_path_factory.mktemp("zh") / "demo"
    cfg = _copy_demo(root)
    codes = _codes(cfg)
    c = str(cfg)
    day: list[list[str]] = [
        ["check", c],
        ["score", c, "--as-of", "2014-06-30"],
        ["score", c, "--as-of", "2014-09-30", "--by", "局办公室"],
        ["score", c, "--as-of", "2014-09-30"],  # the same inputs: not recorded again
        ["explain", c, "ygs", "--as-of", "2014-09-30"],
        ["runs", c],
        ["diff", c],
        ["diff", c, "1", "2", "-f", "html", "-o", str(root / "变化.html")],
        ["verify", c, "1"],
        ["bulletin", c, "--as-of", "2014-09-30"],
        ["runs", c, "--period", "2015"],
        ["audit", c],
        ["finalise", c, "--by", "王建国", "--note", "年终考核"],
        ["finalise", c, "--by", "王建国"],  # already final: refused (exit 2)
        ["score", c],  # the final result, unchanged
        ["reopen", c, "--by", "王建国", "--reason", "复核更正台账"],
        ["reopen", c, "--by", "王建国", "--reason", "again"],  # not final: refused
        ["audit", c],
        ["diff", c, "1", "99"],  # no such run
        ["verify", c, "99"],
        ["plugins", c],
    ]
    out = []
    for args in day:
        r = CliRunner().invoke(main, args)
        out.append((" ".join(args[:1] + args[2:]), r.exit_code, r.stdout + r.stderr))
    # a clerk's broken ledger: a date that is no date, an unknown unit, an empty required cell
    projects = root / "ledgers" / "investment" / "projects.csv"
    text = projects.read_text(encoding="utf-8-sig")
    text = text.replace("XM2013-05,水阳江生态旅游码头,旅游开发,gls,p28,2013-06-18",
                        "XM2013-05,水阳江生态旅游码头,旅游开发,gls,p28,2013-02-30")
    text = text.replace("XM2014-02,城北现代物流园,商贸和现代服务业,ygs,", "XM2014-02,城北现代物流园,商贸和现代服务业,ygsx,")
    text = text.replace("XM2013-08,城南客运枢纽站,基础设施,ygs,p21,", "XM2013-08,,基础设施,ygs,p21,")
    projects.write_text(text, encoding="utf-8")
    for args in (["check", c], ["score", c], ["reopen", c, "--by", "王建国", "--reason", ""]):
        r = CliRunner().invoke(main, args)
        out.append((" ".join(args[:1] + args[2:]), r.exit_code, r.stdout + r.stderr))
    return out, codes


def test_every_line_of_a_chinese_bureaus_day_is_chinese(session: tuple[list[tuple[str, int, str]], frozenset[str]]) -> None:
    commands, codes = session
    english = [(cmd, line) for cmd, _, text in commands for line in english_lines(text, codes)]
    assert english == [], "\n".join(f"{cmd}: {line}" for cmd, line in english)


def test_the_day_went_as_a_clerk_expects(session: tuple[list[tuple[str, int, str]], frozenset[str]]) -> None:
    """The session is real: each command did what it should (the net above is not empty)."""
    commands, _ = session
    by = [(cmd.split()[0], code) for cmd, code, _ in commands]
    assert by == [("check", 0), ("score", 0), ("score", 0), ("score", 0), ("explain", 0), ("runs", 0),
                  ("diff", 0), ("diff", 0), ("verify", 0), ("bulletin", 0), ("runs", 0), ("audit", 0),
                  ("finalise", 0), ("finalise", 2), ("score", 0), ("reopen", 0), ("reopen", 2), ("audit", 0),
                  ("diff", 2), ("verify", 2), ("plugins", 0), ("check", 2), ("score", 2), ("reopen", 2)]
    text = {i: t for i, (_, _, t) in enumerate(commands)}
    assert text[0].startswith("检查通过：18 个单位，46 名人员，1030 条台账记录")
    assert "已存档：第 1 次运行（2014，截至 2014-06-30）" in text[1]
    assert "输入与第 2 次运行相同：不再重复存档" in text[3]
    assert text[8] == "一致：第 1 次运行按存档的输入重新评分，结果逐字节相同\n"
    assert text[12].startswith("考核期 2014 已锁定：第 3 次运行")
    assert "注意：考核期 2014 已锁定：本结果即第 3 次运行的结果，未改变" in text[14]
    assert text[15] == "考核期 2014 已重新开启；第 3 次运行已被取代\n"
    assert "考核期 2014 未锁定，无需重新开启" in text[16]
    broken = text[21]
    assert "ledgers/investment/projects.csv:2: 签约日期: 日期不存在，实为 \"2013-02-30\"" in broken
    assert "ledgers/investment/projects.csv:3: 项目名称: 必填，但单元格为空" in broken
    assert 'ledgers/investment/projects.csv:5: 引进单位: 未知单位 "ygsx"（是否应为 "ygs"？）' in broken
    # a progress row citing the project whose row is broken: named by the projects ledger's title
    assert 'ledgers/investment/progress.csv:7: 项目编号: 未知项目台账中的记录 "XM2013-08"（是否应为 "XM2014-08"？）' in broken


@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["--lang", "en", "check", "{c}"], "OK: 18 units", "检查通过"),
    (["check", "{c}", "--lang", "en"], "OK: 18 units", "检查通过"),
    (["--lang", "en", "explain", "{c}", "ygs"], "(as of 2014-12-31)", "截至"),
    (["--lang", "en", "runs", "{c}"], "recorded (UTC)", "记录时间"),
])
def test_lang_before_the_command_is_the_commands(tmp_path: Path, args: list[str], english: str, chinese: str) -> None:
    """``bureaukit --lang en check …`` speaks English as ``check --lang en`` does, in a
    bureau whose config says ``language = "zh"`` (the group's --lang reached only the help)."""
    c = str(_copy_demo(tmp_path / "demo"))
    assert CliRunner().invoke(main, ["score", c]).exit_code == 0  # a run for runs to list
    r = CliRunner().invoke(main, [a.format(c=c) for a in args])
    assert r.exit_code == 0, r.output
    assert english in r.stdout and chinese not in r.stdout + r.stderr, r.stdout[:400]
