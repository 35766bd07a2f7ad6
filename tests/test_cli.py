"""Every command and exit code through click's CliRunner (the tiny campaign via an entry point stand-in)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.cli import main

pytestmark = pytest.mark.usefixtures("tiny_enabled")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_score_table_json_and_atomic_file(bureau_dir: Path, tmp_path: Path) -> None:
    cfg = str(bureau_dir / "bureau.toml")
    code, out, _ = run("score", cfg)
    assert code == 0 and "测试局" in out
    code, out, _ = run("score", cfg, "--format", "json")
    assert code == 0 and json.loads(out)["schema"] == 2
    target = tmp_path / "out.json"
    code, _, _err = run("score", cfg, "-o", str(target))
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["bureau"]["id"] == "t"
    assert list(tmp_path.glob(".bureaukit-*")) == []


def test_bad_input_exit_2_and_no_output_file(bureau_dir: Path, tmp_path: Path) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型\nd1,s1,2014-13-01,走访\n", encoding="utf-8")
    target = tmp_path / "r.json"
    code, _out, err = run("score", str(bureau_dir / "bureau.toml"), "-o", str(target))
    assert code == 2 and "deeds.csv:2: 日期:" in err and "Traceback" not in err
    assert not target.exists()
    code, _, err = run("check", str(bureau_dir / "bureau.toml"))
    assert code == 2 and "deeds.csv:2: 日期:" in err


def test_usage_errors_exit_2(bureau_dir: Path, tmp_path: Path) -> None:
    cfg = str(bureau_dir / "bureau.toml")
    assert run("score", cfg, "--as-of", "2014-02-30")[0] == 2
    assert run("score", cfg, "-o", str(tmp_path / "r.csv"))[0] == 2
    assert "-o report.zip" in run("score", cfg, "-o", str(tmp_path / "r.csv"))[2]
    assert run("score", cfg, "--format", "pdf")[0] == 2
    assert run("score", str(tmp_path / "missing.toml"))[0] == 2
    assert run("score")[0] == 2


def test_plugin_failure_exit_3_with_debug_traceback(bureau_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tiny

    def boom(ctx: object) -> list[object]:
        raise RuntimeError("kaput")

    import attrs

    monkeypatch.setattr(tiny, "CAMPAIGN", attrs.evolve(tiny.CAMPAIGN, score=boom))
    target = tmp_path / "r.html"
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-o", str(target), "--lang", "en")
    assert code == 3 and "plugin tiny" in err and "RuntimeError: kaput" in err and "Traceback" not in err
    assert not target.exists()
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-o", str(target))  # the bureau's Chinese
    assert code == 3 and err == "错误：插件 tiny (tiny local) 出错：RuntimeError: kaput\n（加 --debug 运行可看到调用栈）\n"
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "--debug")
    assert code == 3 and "Traceback" in err


def test_check_plugins_explain_init(bureau_dir: Path, tmp_path: Path) -> None:
    cfg = str(bureau_dir / "bureau.toml")
    code, out, _ = run("check", cfg)
    assert code == 0 and out.startswith("检查通过：5 个单位，4 名人员，3 条台账记录")
    code, out, _ = run("plugins", cfg, "--lang", "en")
    assert code == 0 and out.split()[:4] == ["campaign", "distribution", "version", "enabled"]
    code, out, _ = run("plugins", cfg)  # the bureau's language
    assert code == 0 and out.split()[:4] == ["考核活动", "发行包", "版本", "已启用"]
    code, out, _ = run("explain", cfg, "s1")
    assert code == 0 and "一站 (unit:s1)" in out and "得分 = 100.00" in out and "ledgers/deeds.csv:2 [d1]" in out
    assert "points" not in out  # the report's titles, not the codes (REPORTS §5)
    assert run("explain", cfg, "nobody")[0] == 2
    code, out, _ = run("init", str(tmp_path / "new"))
    assert code == 0 and (tmp_path / "new" / "bureau.toml").exists()
    code, out, err = run("check", str(tmp_path / "new" / "bureau.toml"))
    assert code == 0, err  # the starter passes check with every installed campaign enabled
    assert run("init", str(tmp_path / "new"))[0] == 2  # not empty any more


def test_help_everywhere_has_an_example() -> None:
    for cmd in ("score", "check", "plugins", "explain", "init"):
        code, out, _ = run(cmd, "--help")
        assert code == 0 and "Example" in out


def test_json_streams_to_the_file_and_stdout_alike(bureau_dir: Path, tmp_path: Path) -> None:
    cfg = str(bureau_dir / "bureau.toml")
    target = tmp_path / "out.json"
    assert run("score", cfg, "-o", str(target))[0] == 0
    code, out, _ = run("score", cfg, "-f", "json")
    assert code == 0 and out.encode("utf-8") == target.read_bytes()


def test_one_language_per_run(bureau_dir: Path, tmp_path: Path) -> None:
    """REPORTS §2: the bureau's language (zh here) for every CLI line; --lang en switches
    the report and the lines together."""
    cfg = str(bureau_dir / "bureau.toml")
    code, _, err = run("score", cfg, "-o", str(tmp_path / "r.txt"))
    assert code == 0 and err.startswith("已写入 ") and "（table）" in err
    code, _, err = run("score", cfg, "--lang", "en", "-o", str(tmp_path / "r.txt"))
    assert code == 0 and err.startswith("wrote ") and "Report" not in err
    assert "Assessment report" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    code, _, err = run("score", cfg, "--lang", "en", "--as-of", "2014/13/01")
    assert code == 2 and err.startswith("--as-of: expected a date") and "：" not in err


def test_init_names_the_bureau_and_year_with_grades(tmp_path: Path) -> None:
    """REPORTS §5: --name and --year, grades written; check passes and says the period
    holds no ledger rows yet."""
    import tomllib

    code, _, err = run("init", str(tmp_path / "b"), "--name", "示范县交通运输局", "--year", "2015")
    assert code == 0, err
    cfg = tomllib.loads((tmp_path / "b" / "bureau.toml").read_text(encoding="utf-8"))
    assert cfg["bureau"]["name"] == "示范县交通运输局" and cfg["bureau"]["period"] == "2015"
    assert [g["label"] for g in cfg["scoring"]["grades"]] == ["优秀", "良好", "合格", "不合格"]
    code, out, err = run("check", str(tmp_path / "b" / "bureau.toml"))
    assert code == 0 and out.startswith("检查通过：3 个单位"), err
    assert "警告：考核期 2015（2015-01-01 至 2015-12-31）内没有任何台账记录" in err


@pytest.mark.parametrize(("exc", "exit_code", "message"), [
    (RuntimeError("boom"), 1, "内部错误：RuntimeError: boom"),
    (OSError(28, "No space left on device"), 2, "无法写入报告：磁盘空间不足"),  # ENOSPC, as a Chinese clerk reads it
])
def test_a_failure_while_streaming_leaves_no_file(bureau_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  exc: Exception, exit_code: int, message: str) -> None:
    """The JSON is written to the temp file piece by piece: a failure half way through
    leaves neither a half-written report nor the temp file, and keeps an older report."""
    from bureaukit.result import Result

    def half_then_fail(self: Result, fh: object, lang: str | None = None) -> None:
        fh.write(b'{"schema": 1, "scores": [' * 10_000)  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(Result, "write_json", half_then_fail)
    cfg = str(bureau_dir / "bureau.toml")
    target = tmp_path / "out.json"
    code, _, err = run("score", cfg, "-o", str(target))
    assert code == exit_code and message in err and "Traceback" not in err
    assert not target.exists() and list(tmp_path.glob(".bureaukit-*")) == []
    target.write_text("older report", encoding="utf-8")
    assert run("score", cfg, "-o", str(target))[0] == exit_code
    assert target.read_text(encoding="utf-8") == "older report" and list(tmp_path.glob(".bureaukit-*")) == []


def test_report_file_follows_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    from bureaukit.render import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.json", b"{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_shell_completion_script_as_documented() -> None:
    """docs/quickstart.md: ``eval "$(_BUREAUKIT_COMPLETE=bash_source bureaukit)"``; the
    same variable works for ``python -m bureaukit``."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "_BUREAUKIT_COMPLETE": "bash_source"}
    p = subprocess.run([sys.executable, "-m", "bureaukit"], env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "_bureaukit_completion()" in p.stdout and "complete -o nosort -F _bureaukit_completion bureaukit" in p.stdout
    env = {**os.environ, "_BUREAUKIT_COMPLETE": "bash_complete", "COMP_WORDS": "bureaukit sc", "COMP_CWORD": "1"}
    p = subprocess.run([sys.executable, "-m", "bureaukit"], env=env, capture_output=True, text=True, timeout=60)
    assert p.stdout.split() == ["plain,score"]


def test_each_in_process_invocation_speaks_its_own_language(bureau_dir: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The language one command set (``--lang``, or the config's ``[bureau] language``) ends
    with it: the next command in the same process (a CliRunner, an embedding system) starts
    from the locale again, whichever way round, and after a failure too."""
    from bureaukit.messages import chosen_language, t

    cfg = str(bureau_dir / "bureau.toml")  # a Chinese bureau (no [bureau] language: zh)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    code, out, _ = run("plugins", "--lang", "zh")
    assert code == 0 and out.split()[:2] == ["考核活动", "发行包"]
    assert chosen_language() is None and t("yes") == "yes"
    code, out, _ = run("plugins")  # no --lang, no config: the English locale's
    assert code == 0 and out.split()[:2] == ["campaign", "distribution"]
    code, out, _ = run("check", cfg)
    assert code == 0 and out.startswith("检查通过：")
    code, out, _ = run("plugins")
    assert code == 0 and out.split()[:2] == ["campaign", "distribution"]
    # the other way round: an English run, then a Chinese locale's
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run("check", cfg, "--lang", "en")
    assert code == 0 and out.startswith("OK: 5 units, 4 people")
    code, out, _ = run("plugins")
    assert code == 0 and out.split()[:2] == ["考核活动", "发行包"]
    # a command that fails (exit 2) leaves no language behind either
    code, _, err = run("runs", cfg, "--lang", "en")
    assert code == 2 and "no archive configured" in err
    assert chosen_language() is None
    code, _, err = run("runs", cfg)
    assert code == 2 and "未配置存档" in err


def test_a_library_load_leaves_the_callers_language(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``bureaukit.load`` speaks the bureau's language while it reads (its problems are in
    it) and gives the caller's language back, whether it succeeds or fails."""
    import bureaukit.bureau
    from bureaukit.errors import InputError
    from bureaukit.messages import chosen_language, restore_language, set_language

    bureaukit.bureau.load(bureau_dir / "bureau.toml")  # the tiny campaign, as the fixture installs it
    assert chosen_language() is None
    token = set_language("en")
    try:
        (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型\nd1,s1,2014-13-01,走访\n",
                                                          encoding="utf-8")
        with pytest.raises(InputError):
            bureaukit.bureau.load(bureau_dir / "bureau.toml")
        assert chosen_language() == "en"
    finally:
        restore_language(token)
