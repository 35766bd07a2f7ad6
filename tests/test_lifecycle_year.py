"""The assessment year as an office lives it (LIFECYCLE.md), on the demo bureau copied
to a temporary folder, recording into a new archive on SQLite and on a real PostgreSQL
server: what a final period's later reports say, appeals decided after the year's end,
and the archive's errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.archive import open_archive
from bureaukit.cli import main

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo"


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def demo(tmp_path: Path, archive_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo bureau's config in *tmp_path*, recording into *archive_url*."""
    shutil.copytree(DEMO, tmp_path / "demo", ignore=shutil.ignore_patterns("archive.sqlite*"))
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", archive_url)
    return tmp_path / "demo" / "bureau.toml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_final_period_reads_the_same_in_english_and_campaign_by_campaign(demo: Path, archive_url: str) -> None:
    """The final result in the other language, or one campaign of it, is the decision
    as it was made: shown, not refused as if the plugins had changed it."""
    cfg = str(demo)
    assert run("finalise", cfg, "--by", "张三")[0] == 0  # run 1
    code, out, err = run("score", cfg, "--lang", "en", "-f", "json")
    assert code == 0, err
    assert "period 2014 is final: this is run 1's result, unchanged" in err
    assert json.loads(out)["scorecards"][0]["grade"] == "良好"  # the config's label, as decided
    code, out, err = run("score", cfg, "-c", "investment", "-f", "json")
    assert code == 0, err
    assert "考核期 2014 已锁定：所选考核活动（investment）的结果即第 1 次运行中的结果，未改变" in err
    assert {s["campaign"] for s in json.loads(out)["scores"]} == {"investment"}
    code, _, err = run("score", cfg, "-c", "investment", "--lang", "en", "-f", "json")
    assert code == 0, err
    with open_archive(archive_url) as a:
        assert [r.number for r in a.runs("demo")] == [1]  # nothing new recorded
    # a changed ledger is refused whichever language or campaigns the report is in
    _edit(demo.parent / "ledgers" / "investment" / "progress.csv", "XM2013-05,2014-06-30,300,",
          "XM2013-05,2014-06-30,900,")
    for extra in (("--lang", "en"), ("-c", "investment"), ("-c", "wubi")):
        code, out, err = run("score", cfg, *extra, "-f", "json")
        assert code == 2 and out == "", extra
        assert "progress.csv" in err, extra


@pytest.mark.usefixtures("tiny_enabled")
def test_a_decision_names_who_made_it(recorded: Path, archive_url: str) -> None:
    """finalise and reopen are decisions: a blank --by is refused before anything is
    recorded (it used to become the OS user, as for a recorded run)."""
    cfg = str(recorded)
    for by in ("", "  "):
        code, _, err = run("finalise", cfg, "--by", by)
        assert code == 2 and err == "--by：请写明作出决定的人（记入审计记录）\n"
    with open_archive(archive_url) as a:
        assert a.runs("t") == [] and a.audit("t") == []
    assert run("finalise", cfg, "--by", " 张三 ")[0] == 0
    code, _, err = run("reopen", cfg, "--by", " ", "--reason", "更正", "--lang", "en")
    assert code == 2 and err == "--by: name who decides (it is kept in the audit record)\n"
    assert run("reopen", cfg, "--by", "李四", "--reason", "更正")[0] == 0
    with open_archive(archive_url) as a:
        assert [(r.by, r.action) for r in a.audit("t")] == [("张三", "finalise"), ("李四", "reopen")]


@pytest.mark.usefixtures("tiny_enabled")
def test_explain_holds_to_a_final_period(recorded: Path, bureau_dir: Path, archive_url: str) -> None:
    """"Why is my score 72?" of a final period answers with the decision, or is refused
    when the ledgers changed since: never a changed number as if it were the period's."""
    cfg = str(recorded)
    assert run("finalise", cfg, "--by", "张三")[0] == 0
    code, out, err = run("explain", cfg, "unit:s1")
    assert code == 0 and "(unit:s1)" in out, err
    assert "考核期 2014 已锁定：本结果即第 1 次运行的结果，未改变" in err
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8").replace("d2,s1,", "d2,s2,"), encoding="utf-8")
    code, out, err = run("explain", cfg, "unit:s1")
    assert code == 2 and out == ""
    assert "锁定（第 1 次运行）；输入已变化：ledgers/deeds.csv（1 行变化）" in err
    # an interim date is no report of the decision: explained as before
    assert run("explain", cfg, "unit:s1", "--as-of", "2014-06-30")[0] == 0
    with open_archive(archive_url) as a:
        assert [r.number for r in a.runs("t")] == [1]


@pytest.mark.usefixtures("tiny_enabled")
def test_an_archive_url_naming_a_folder(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``sqlite:///存档`` where 存档 is a folder: said so, exit 2, the report file kept."""
    (bureau_dir / "存档").mkdir()
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", f"sqlite:///{bureau_dir / '存档'}")
    report = bureau_dir / "report.json"
    report.write_text("上月的报告", encoding="utf-8")
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-o", str(report))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert f"存档 {bureau_dir / '存档'}：这是一个文件夹，不是存档文件" in err and "未存档任何内容" in err
    assert report.read_text(encoding="utf-8") == "上月的报告"
    code, _, err = run("runs", str(bureau_dir / "bureau.toml"))
    assert code == 2 and "这是一个文件夹，不是存档文件" in err and "未存档" not in err
    assert list((bureau_dir / "存档").iterdir()) == []


@pytest.mark.usefixtures("tiny_enabled")
def test_the_report_of_a_run_as_recorded(recorded: Path, bureau_dir: Path, archive_url: str, tmp_path: Path) -> None:
    """Once the ledgers changed after the lock, ``score`` is refused: ``score --run N``
    still reports the decision, from the archived inputs, byte for byte, in any format."""
    cfg = str(recorded)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0  # run 1
    assert run("finalise", cfg, "--by", "张三", "--note", "年终结算")[0] == 0  # run 2
    code, decided, _ = run("score", cfg, "-f", "json")
    assert code == 0
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8").replace("d2,s1,", "d2,s2,"), encoding="utf-8")
    code, _, err = run("score", cfg, "-f", "json")
    assert code == 2 and f"锁定时的报告：bureaukit score {cfg} --run 2" in err
    code, out, err = run("score", cfg, "--run", "2", "-f", "json")
    assert code == 0, err
    assert out == decided
    assert err == ("注意：第 2 次运行（2014，截至 2014-12-31，已锁定）的报告：按存档的输入重新评分，"
                   "与存档结果逐字节相同，不读磁盘上的台账\n")
    with open_archive(archive_url) as a:
        assert out == a.result_json("t", 2)
        assert [r.number for r in a.runs("t")] == [1, 2]  # nothing recorded
    # the final run's report carries the audit trail in its footer, as it did when locked
    code, out, _ = run("score", cfg, "--run", "2")
    assert code == 0 and "(最终结果)" in out and "张三" in out and "年终结算" in out
    code, out, _ = run("score", cfg, "--run", "1")
    assert code == 0 and "截至 2014-06-30" in out and "年终结算" not in out
    html = tmp_path / "final.html"
    assert run("score", cfg, "--run", "2", "-o", str(html))[0] == 0
    assert "年终结算" in html.read_text(encoding="utf-8")
    # the run's own period, date, campaigns and language: nothing else to choose
    code, _, err = run("score", cfg, "--run", "2", "--as-of", "2014-03-01", "-c", "tiny")
    assert code == 2 and err == "--run 按该次运行的考核期、时点、考核活动和语言出报告，不能与 --as-of, --campaign 同用\n"
    code, _, err = run("score", cfg, "--run", "3")
    assert code == 2 and "第 3 次运行" in err and "已有第 1 至 2 次" in err


@pytest.mark.usefixtures("tiny_enabled")
def test_diff_as_a_leader_reads_it(recorded: Path, bureau_dir: Path) -> None:
    """A unit renamed is named so; the one reason behind many changes (the config) is
    written once, then "同上"; an appeals ledger newly named is an input that came, not
    "a changed ledger none of whose rows it cites"."""
    cfg = str(recorded)
    assert run("score", cfg, "-f", "json")[0] == 0  # run 1
    units = bureau_dir / "org" / "units.csv"
    units.write_text(units.read_text(encoding="utf-8").replace("s2,二站,", "s2,第二站,"), encoding="utf-8")
    (bureau_dir / "ledgers" / "appeals.csv").write_text("编号,对象,提出日期,理由,状态\n", encoding="utf-8")
    recorded.write_text(recorded.read_text(encoding="utf-8").replace("target = 2", "target = 4")
                        + '\n[archive]\nappeals = "ledgers/appeals.csv"\n', encoding="utf-8")
    assert run("score", cfg, "-f", "json")[0] == 0  # run 2
    code, out, err = run("diff", cfg)
    assert code == 0, err
    lines = out.splitlines()
    assert "  ledgers/appeals.csv: 新增输入" in lines and "  org/units.csv: 修改 1 行" in lines
    renamed = [line for line in lines if line.startswith("  unit:s2 ")]
    assert len(renamed) == 1 and renamed[0].endswith("；名称 二站 → 第二站"), renamed
    why = [line for line in lines if line.startswith("    ← ")]
    assert why[0] == ("    ← 配置已修改；台账有变化，但其变化的行均未被引用：org/units.csv；"
                      "其他输入变化：ledgers/appeals.csv（新增输入）")
    assert len(why) > 3 and set(why[1:]) == {"    ← 同上"}
    code, out, _ = run("diff", cfg, "--lang", "en")
    lines = out.splitlines()
    assert any(line.startswith("  unit:s2 ") and line.endswith("; name 二站 → 第二站") for line in lines)
    assert "    ← as above" in lines


@pytest.mark.usefixtures("tiny_enabled")
def test_two_bureaus_with_one_id_in_one_archive_are_told(recorded: Path, bureau_dir: Path, tmp_path: Path,
                                                         archive_url: str) -> None:
    """A city's hub where two bureaus kept ``init``'s id: each run that follows the other
    bureau's says so (their runs, locks and diffs would mix); a bureau's own runs say nothing."""
    other = tmp_path / "other"
    shutil.copytree(bureau_dir, other)
    (other / "bureau.toml").write_text(recorded.read_text(encoding="utf-8").replace("测试局", "另一局"),
                                       encoding="utf-8")
    code, _, err = run("score", str(recorded), "-f", "json")
    assert code == 0 and "运行此前来自" not in err
    code, _, err = run("score", str(recorded), "--as-of", "2014-06-30", "-f", "json")
    assert code == 0 and "运行此前来自" not in err
    code, _, err = run("score", str(other / "bureau.toml"), "--as-of", "2014-07-31", "-f", "json")
    assert code == 0, err
    assert "[bureau] id 为 t 的运行此前来自“测试局”，本次来自“另一局”：若是两个不同的局，请给其中一个改 [bureau] id" in err
    assert "已存档：第 3 次运行" in err
    code, _, err = run("score", str(recorded), "--as-of", "2014-08-31", "-f", "json", "--lang", "en")
    assert code == 0 and 'bureau id t was last recorded by "另一局" and now by "测试局"' in err
    with open_archive(archive_url) as a:
        assert [r.number for r in a.runs("t")] == [1, 2, 3, 4]


def test_a_bulletin_numbers_its_groups_rankings(demo: Path) -> None:
    """The demo ranks three groups: 一、排名（一）…（二）…（三）, not 一、 three times."""
    code, out, err = run("bulletin", str(demo), "--as-of", "2014-09-30")
    assert code == 0, err
    headings = [line for line in out.splitlines() if line and line[0] in "一二三四五"]
    assert [h.split("（与")[0].split("（此前")[0] for h in headings] == [
        "一、排名（一）：二级机构", "一、排名（二）：科室", "一、排名（三）：基层站所",
        "二、进度落后于序时进度（74.8%）的单位", "三、达到序时进度的目标", "四、新发现的问题",
        "五、15 日内到期事项（2014-09-30 之后）"]
