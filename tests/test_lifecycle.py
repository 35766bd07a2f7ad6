"""Finalise, reopen, audit, diff and verify (LIFECYCLE §2, §4, §5) through the CLI, on
SQLite and on a real PostgreSQL server. The numbers are the tiny campaign's: a unit's
points are 100 × deeds ÷ 2 (at most 100); each deed's 100 yuan fee is split among its people."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from bureaukit.archive import open_archive
from bureaukit.cli import main

pytestmark = pytest.mark.usefixtures("tiny_enabled")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def _edit(bureau_dir: Path, old: str, new: str) -> None:
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    text = deeds.read_text(encoding="utf-8")
    assert old in text
    deeds.write_text(text.replace(old, new), encoding="utf-8")


def test_finalise_lock_reopen_and_audit(recorded: Path, archive_url: str, bureau_dir: Path) -> None:
    cfg = str(recorded)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0  # run 1, interim
    code, out, err = run("finalise", cfg, "--period", "2014", "--by", "张三", "--note", "年终结算")
    assert code == 0, err
    assert out == "考核期 2014 已锁定：第 2 次运行\n"
    code, _, err = run("finalise", cfg, "--by", "张三", "--lang", "en")
    assert code == 2 and "already final (run 2)" in err
    code, _, err = run("finalise", cfg, "--by", "张三")
    assert code == 2 and f"考核期 2014 已锁定（第 2 次运行）；如需更改：bureaukit reopen {cfg} --period 2014" in err
    # the same inputs: the final result, nothing new recorded
    code, out, err = run("score", cfg, "-f", "json")
    assert code == 0 and "注意：考核期 2014 已锁定：本结果即第 2 次运行的结果，未改变" in err
    with open_archive(archive_url) as a:
        assert out == a.result_json("t", 2)
    # d2's 金额 0 → 50 and a new deed: refused, naming the file and the two rows
    _edit(bureau_dir, "d2,s1,2014/5/20,report,0,", "d2,s1,2014/5/20,report,50,")
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        (bureau_dir / "ledgers" / "deeds.csv").read_text(encoding="utf-8") + "d4,s3,2014-09-01,走访,,,,\n",
        encoding="utf-8")
    code, out, err = run("score", cfg, "-f", "json")
    assert code == 2 and out == ""
    assert "考核期 2014 已于 " in err and " 由 张三 锁定（第 2 次运行）；输入已变化：ledgers/deeds.csv（2 行变化）" in err
    assert f"如需更正：bureaukit reopen {cfg} --period 2014 --by 姓名 --reason 理由" in err
    # also with --no-archive: the lock holds for every report of the period's end
    assert run("score", cfg, "--no-archive", "-f", "json")[0] == 2
    # an interim run is still allowed, marked as made after finalisation
    code, _, err = run("score", cfg, "--as-of", "2014-09-30", "-f", "json")
    assert code == 0 and "已存档：第 3 次运行" in err
    code, _, err = run("reopen", cfg, "--by", "李四", "--reason", "", "--lang", "en")
    assert code == 2 and "say why" in err
    code, _, err = run("reopen", cfg, "--by", "李四", "--reason", "")
    assert code == 2 and "--reason：请说明重新开启的理由（记入审计记录）" in err
    code, out, err = run("reopen", cfg, "--period", "2014", "--by", "李四", "--reason", "更正工作台账")
    assert code == 0 and out == "考核期 2014 已重新开启；第 2 次运行已被取代\n"
    code, _, err = run("reopen", cfg, "--period", "2014", "--by", "李四", "--reason", "again", "--lang", "en")
    assert code == 2 and "not final" in err
    code, _, err = run("reopen", cfg, "--period", "2014", "--by", "李四", "--reason", "again")
    assert code == 2 and "考核期 2014 未锁定，无需重新开启" in err
    assert run("finalise", cfg, "--by", "张三")[0] == 0  # run 4: the corrected final
    code, out, _ = run("runs", cfg, "--lang", "en")
    statuses = [(line.split()[0], line.split()[6:9]) for line in out.splitlines()[2:]]
    assert [(n, st[0]) for n, st in statuses] == [("1", "recorded"), ("2", "superseded"), ("3", "recorded"),
                                                  ("4", "final")]
    assert statuses[2][1][1:] == ["(after", "final)"]
    code, out, _ = run("runs", cfg)
    statuses = [(line.split()[0], line.split()[6]) for line in out.splitlines()[2:]]
    assert statuses == [("1", "已记录"), ("2", "已取代"), ("3", "已记录（锁定后）"), ("4", "已锁定")]
    code, out, _ = run("audit", cfg, "--lang", "en")
    lines = out.splitlines()[2:]
    assert len(lines) == 3
    assert "张三" in lines[0] and "finalise" in lines[0] and "年终结算" in lines[0] and lines[0].split()[6] == "2"
    assert "李四" in lines[1] and "reopen" in lines[1] and "更正工作台账" in lines[1]
    assert "finalise" in lines[2] and lines[2].split()[6] == "4"
    code, out, _ = run("audit", cfg)
    lines = out.splitlines()
    assert lines[0].split() == ["序号", "时间（UTC）", "操作人", "决定", "考核期", "运行", "理由"]
    assert [line.split()[4:7] for line in lines[2:]] == [["锁定", "2014", "2"], ["重新开启", "2014", "2"],
                                                         ["锁定", "2014", "4"]]


def test_diff_names_the_rows_behind_each_change(recorded: Path, bureau_dir: Path) -> None:
    cfg = str(recorded)
    assert run("score", cfg, "-f", "json")[0] == 0  # run 1
    # a new deed for s3 (row 5), and d3's person p4 → p3 (row 4)
    _edit(bureau_dir, "d3,s2,2014年7月1日,visit,,p4,", "d3,s2,2014年7月1日,visit,,p3,")
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8") + "d4,s3,2014-09-01,走访,,,,\n", encoding="utf-8")
    assert run("score", cfg, "-f", "json")[0] == 0  # run 2
    code, out, err = run("diff", cfg)
    assert code == 0, err
    zh = out.splitlines()
    assert zh[0] == "第 1 次运行（2014，截至 2014-12-31，已记录） → 第 2 次运行（2014，截至 2014-12-31，已记录）"
    assert zh[1:3] == ["输入变化：", "  ledgers/deeds.csv: 新增 1 行, 修改 1 行"]
    i = zh.index("  unit:s3 三站: 综合得分 0.00 → 50.00；名次 3 → 2；各项考核: tiny 0.00 → 50.00")
    assert zh[i + 1] == "    ← ledgers/deeds.csv:5: 新增行：d4, s3, 2014-09-01, 走访"
    i = zh.index("  tiny person:p4 fee 2014: 已消失：金额 100.00")
    assert zh[i + 1] == "    ← ledgers/deeds.csv:4: 人员 p4 → p3"
    code, out, err = run("diff", cfg, "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("run 1 (2014, as of 2014-12-31, recorded) → run 2")
    assert "  ledgers/deeds.csv: 1 added, 1 changed" in lines
    # s3: 0 deeds → 1, so 0 → 50 points, composite 0.00 → 50.00, because of the added row 5
    i = lines.index("  unit:s3 三站: composite 0.00 → 50.00; rank 3 → 2; campaigns: tiny 0.00 → 50.00")
    assert lines[i + 1] == "    ← ledgers/deeds.csv:5: added: d4, s3, 2014-09-01, 走访"
    i = lines.index("  tiny unit:s3 deeds: value 0 → 1")
    assert lines[i + 1] == "    ← ledgers/deeds.csv:5: added: d4, s3, 2014-09-01, 走访"
    # p4's 100 yuan fee goes to p3, because of row 4's 人员 cell
    i = lines.index("  tiny person:p4 fee 2014: disappeared: amount 100.00")
    assert lines[i + 1] == "    ← ledgers/deeds.csv:4: 人员 p4 → p3"
    code, out, _ = run("diff", cfg, "1", "2", "-f", "json")
    data = json.loads(out)
    assert data["a"]["number"] == 1 and data["b"]["number"] == 2
    rows = data["files"][0]["rows"]
    assert [(r["kind"], r["row"]) for r in rows] == [("changed", 4), ("added", 5)]
    assert rows[0]["cells"] == [{"column": "人员", "before": "p4", "after": "p3"}]
    out_html = bureau_dir / "变化.html"
    assert run("diff", cfg, "-o", str(out_html))[0] == 0
    page = out_html.read_text(encoding="utf-8")
    assert "ledgers/deeds.csv:4: 人员 p4 → p3" in page and "<script" not in page
    assert '<html lang="zh">' in page and "<h1>变化说明</h1>" in page and "<th>依据</th>" in page


def test_diff_without_changed_rows_is_the_passage_of_time(recorded: Path) -> None:
    cfg = str(recorded)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0
    assert run("score", cfg, "-f", "json")[0] == 0
    code, out, _ = run("diff", cfg, "1", "2", "--lang", "en")
    assert code == 0
    # d3 is dated 1 July: by 30 June s2 had no deed; time progress 181/365 days → 365/365
    assert "time progress (序时进度) 49.59% → 100.00%" in out
    assert "    ← as of 2014-06-30 → 2014-12-31, time progress 49.59% → 100.00%" in out
    assert "inputs changed" not in out
    code, out, _ = run("diff", cfg, "1", "2")
    assert code == 0 and "序时进度 49.59% → 100.00%" in out.splitlines()
    assert "    ← 截至日 2014-06-30 → 2014-12-31，序时进度 49.59% → 100.00%" in out
    assert "输入变化" not in out


def test_diff_needs_two_runs_and_real_numbers(recorded: Path) -> None:
    cfg = str(recorded)
    code, _, err = run("diff", cfg, "--lang", "en")
    assert code == 2 and "diff needs two runs" in err
    code, _, err = run("diff", cfg)
    assert code == 2 and "比较需要两次运行；存档中有 0 次" in err
    assert run("score", cfg, "-f", "json")[0] == 0
    code, _, err = run("diff", cfg, "1", "9", "--lang", "en")
    assert code == 2 and "run 9: no such run" in err
    code, _, err = run("diff", cfg, "1", "9")
    assert code == 2 and "第 9 次运行：" in err and "中没有 [bureau] id 为 t 的这次运行（已有第 1 至 1 次）" in err


def test_a_period_that_is_none_is_an_error_not_an_empty_listing(recorded: Path) -> None:
    """``runs``, ``audit`` and ``diff`` read ``--period`` as score does: a text that is no
    period exits 2 naming it (``runs --period bogus`` said "no runs" and exited 0)."""
    cfg = str(recorded)
    assert run("score", cfg, "-f", "json")[0] == 0
    for command in (["runs"], ["audit"], ["diff"]):
        code, out, err = run(*command, cfg, "--period", "2041-H3")
        assert code == 2 and out == "" and '--period: 未知考核期"2041-H3"' in err, (command, err)
    code, out, _ = run("runs", cfg, "--period", "2014")
    assert code == 0 and "2014-12-31" in out


def test_verify_ok_then_different_with_a_changed_plugin(recorded: Path, monkeypatch: pytest.MonkeyPatch,
                                                        bureau_dir: Path) -> None:
    import tiny

    cfg = str(recorded)
    assert run("score", cfg, "-f", "json")[0] == 0
    # the files on disk change afterwards: verify uses the archived ones
    _edit(bureau_dir, "d1,s1,", "d1,s2,")
    code, out, err = run("verify", cfg, "1", "--lang", "en")
    assert code == 0, err
    assert out.startswith("OK: run 1")
    code, out, err = run("verify", cfg, "1")
    assert code == 0 and out == "一致：第 1 次运行按存档的输入重新评分，结果逐字节相同\n"

    def generous(ctx):  # type: ignore[no-untyped-def]
        for o in tiny.score(ctx):
            yield attrs.evolve(o, value=100) if getattr(o, "metric", None) == "points" else o

    monkeypatch.setattr(tiny, "CAMPAIGN", attrs.evolve(tiny.CAMPAIGN, score=generous))
    code, out, _ = run("verify", cfg, "1", "--lang", "en")
    assert code == 1
    assert out.startswith("DIFFERENT: run 1")
    assert "  unit:s3 三站: composite 0.00 → 100.00; rank 3 → 1; campaigns: tiny 0.00 → 100.00" in out
    code, out, _ = run("verify", cfg, "1")
    assert code == 1 and out.startswith("不一致：第 1 次运行按存档的输入重新评分，结果不同\n")
    assert "  unit:s3 三站: 综合得分 0.00 → 100.00；名次 3 → 1；各项考核: tiny 0.00 → 100.00" in out


def test_verify_rescores_inputs_kept_outside_the_config_folder(
        recorded: Path, bureau_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """A bureau may keep a ledger on another drive (an absolute path) and its org beside the
    config's folder (``..``): verify re-scores the archived copies byte for byte, though the
    files are gone, and the result still cites them as the config writes them."""
    elsewhere = tmp_path_factory.mktemp("共享盘")
    deeds = elsewhere / "deeds.csv"
    (bureau_dir / "ledgers" / "deeds.csv").rename(deeds)
    sibling = bureau_dir.parent / (bureau_dir.name + "-org")
    sibling.mkdir()
    (bureau_dir / "org" / "people.csv").rename(sibling / "people.csv")
    toml = bureau_dir / "bureau.toml"
    text = toml.read_text(encoding="utf-8")
    assert '"ledgers/deeds.csv"' in text and '"org/people.csv"' in text
    toml.write_text(text.replace('"ledgers/deeds.csv"', json.dumps(deeds.as_posix()))
                    .replace('"org/people.csv"', json.dumps(f"../{sibling.name}/people.csv")), encoding="utf-8")
    code, out, err = run("score", str(recorded), "-f", "json")
    assert code == 0, err
    assert json.dumps(deeds.as_posix(), ensure_ascii=False) in out  # cited as written
    deeds.unlink()
    (sibling / "people.csv").unlink()
    code, out, err = run("verify", str(recorded), "1", "--lang", "en")
    assert code == 0, err
    assert out.startswith("OK: run 1")
    # and the files are really gone: scoring them now fails, naming the absolute one
    code, _, err = run("score", str(recorded), "--no-archive", "-f", "json")
    assert code == 2 and "deeds.csv" in err


def test_every_archive_command_has_help_with_an_example() -> None:
    for cmd in ("runs", "audit", "finalise", "reopen", "diff", "verify", "bulletin"):
        code, out, _ = run(cmd, "--help")
        assert code == 0 and "Example" in out, cmd


def test_archive_commands_without_an_archive(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUREAUKIT_ARCHIVE_URL", raising=False)
    code, _, err = run("runs", str(bureau_dir / "bureau.toml"), "--lang", "en")
    assert code == 2 and "no archive configured" in err and "[archive]" in err
    code, _, err = run("runs", str(bureau_dir / "bureau.toml"))
    assert code == 2 and err.startswith(f"{bureau_dir / 'bureau.toml'}: archive.url: 未配置存档：请加入 [archive] url")


def test_a_final_runs_report_prints_the_audit_records(recorded: Path, tmp_path: Path) -> None:
    cfg = str(recorded)
    assert run("score", cfg, "-f", "json")[0] == 0  # run 1
    code, out, _ = run("score", cfg)
    assert code == 0 and "审计记录" not in out  # not final yet
    assert run("finalise", cfg, "--by", "张三", "--note", "年终结算")[0] == 0  # the same inputs: run 1 is final
    code, out, _ = run("score", cfg)
    assert code == 0
    tail = out[out.index("审计记录"):]
    assert " 张三 锁定 第 1 次运行：年终结算" in tail
    page = tmp_path / "final.html"
    assert run("score", cfg, "-o", str(page))[0] == 0
    assert '<div class="audit"><b>审计记录</b><ul><li>' in page.read_text(encoding="utf-8")
    # an interim report of the same period is not the final one: no audit footer
    code, out, _ = run("score", cfg, "--as-of", "2014-06-30")
    assert code == 0 and "审计记录" not in out
