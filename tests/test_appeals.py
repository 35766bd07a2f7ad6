"""Appeals (异议与复核, LIFECYCLE §3): the 异议登记表 as a core ledger, its status as of a
run's date, the 异议复核 section of every report, and finalise refused while one is pending."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.cli import main

pytestmark = pytest.mark.usefixtures("tiny_enabled")

APPEALS = """编号,对象,活动,指标,提出日期,理由,状态,复核日期,复核人,说明
A1,s1,tiny,deeds,2014-03-02,漏计走访一次,更正,2014-03-20,张三,已补录
A2,person:p3,,,2014-05-01,稿酬分配有误,待复核,,,
A3,unit:s2,,,2014-06-01,评分偏低,维持,2014-06-10,张三,符合办法
"""


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def with_appeals(bureau_dir: Path) -> Path:
    (bureau_dir / "ledgers" / "appeals.csv").write_text(APPEALS, encoding="utf-8")
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + '\n[archive]\nappeals = "ledgers/appeals.csv"\n', encoding="utf-8")
    return cfg


def test_status_as_of_the_run_date(with_appeals: Path) -> None:
    code, out, err = run("score", str(with_appeals), "-f", "json", "--no-archive")
    assert code == 0, err
    data = json.loads(out)
    assert [(a["id"], a["subject"], a["status"], a["decided"]) for a in data["appeals"]] == [
        ("A1", "unit:s1", "upheld", "2014-03-20"),
        ("A2", "person:p3", "pending", None),
        ("A3", "unit:s2", "rejected", "2014-06-10"),
    ]
    assert "ledgers/appeals.csv" in data["inputs"]["files"]
    # on 15 March A1 was filed but not yet decided; A2 and A3 were not filed yet
    code, out, _ = run("score", str(with_appeals), "--as-of", "2014-03-15", "-f", "json", "--no-archive")
    assert [(a["id"], a["status"], a["decided_by"]) for a in json.loads(out)["appeals"]] == [("A1", "pending", None)]


def test_every_bad_row_at_once(bureau_dir: Path, with_appeals: Path) -> None:
    (bureau_dir / "ledgers" / "appeals.csv").write_text(
        "编号,对象,活动,提出日期,理由,状态,复核日期\n"
        "B1,nobody,tiny,2014-03-02,x,更正,\n"
        "B1,s1,wubi,2014-03-02,x,维持,2014-03-01\n"
        "B3,s1,,2014-03-02,x,同意,\n",
        encoding="utf-8",
    )
    code, _, err = run("check", str(with_appeals), "--lang", "en")
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert any("appeals.csv:2: 对象:" in line and "nobody" in line for line in lines)
    assert any("appeals.csv:2: 复核日期: required once the appeal is upheld" in line for line in lines)
    assert any("appeals.csv:3: 活动:" in line and "wubi" in line for line in lines)
    assert any("appeals.csv:3: 复核日期:" in line and "before the appeal was filed" in line
               for line in lines)
    # a Chinese bureau reads them in Chinese
    code, _, err = run("check", str(with_appeals))
    assert code == 2
    lines = err.splitlines()
    assert any(line.endswith('appeals.csv:2: 对象: "nobody" 既不是单位编号，也不是人员编号') for line in lines)
    assert any(line.endswith("appeals.csv:2: 复核日期: 状态为更正（已复核）时必填") for line in lines)
    assert any(line.endswith('appeals.csv:3: 活动: "wubi" 不是已启用的考核活动；已启用：tiny') for line in lines)
    assert any(line.endswith("appeals.csv:3: 复核日期: 2014-03-01 早于提出日期 2014-03-02") for line in lines)
    assert any("appeals.csv:4: 状态:" in line for line in lines)
    assert any("appeals.csv:3: 编号:" in line for line in lines)  # B1 twice


def test_every_report_has_the_appeals_section(with_appeals: Path, tmp_path: Path) -> None:
    cfg = str(with_appeals)
    code, out, _ = run("score", cfg, "--no-archive")
    assert code == 0
    tail = out[out.index("异议复核"):]
    # pending first, then the decided ones with their outcome
    rows = [line.split()[0] for line in tail.splitlines()[4:] if line.strip()]
    assert rows == ["A2", "A1", "A3"]
    assert "待复核" in tail and "更正" in tail and "维持" in tail and "漏计走访一次" in tail
    html = tmp_path / "r.html"
    assert run("score", cfg, "--no-archive", "-o", str(html))[0] == 0
    page = html.read_text(encoding="utf-8")
    assert '<section id="appeals"><h2>异议复核</h2>' in page and "稿酬分配有误" in page
    book = tmp_path / "r.xlsx"
    assert run("score", cfg, "--no-archive", "-o", str(book))[0] == 0
    from openpyxl import load_workbook

    ws = load_workbook(book)["异议复核"]
    values = [[c.value for c in r] for r in ws.iter_rows()]
    # rows 1–3: the title block every sheet carries (bureau; period, as-of, status; blank)
    assert values[3][:3] == ["编号", "主体", "名称"]
    assert [r[0] for r in values[4:]] == ["A2", "A1", "A3"]
    pack = tmp_path / "r.zip"
    assert run("score", cfg, "--no-archive", "-o", str(pack))[0] == 0
    with zipfile.ZipFile(pack) as z:
        text = z.read("appeals.csv").decode("utf-8-sig")
    assert text.splitlines()[1].startswith("A2,person:p3,")
    code, out, _ = run("score", cfg, "--no-archive", "-f", "json")
    assert [a["id"] for a in json.loads(out)["appeals"]] == ["A1", "A2", "A3"]


def test_a_bureau_without_appeals_shows_none(bureau_dir: Path) -> None:
    code, out, _ = run("score", str(bureau_dir / "bureau.toml"), "--no-archive")
    assert code == 0 and out.rstrip().endswith("异议复核\n========\n（无）".rstrip())
    code, out, _ = run("score", str(bureau_dir / "bureau.toml"), "--no-archive", "-f", "json")
    assert json.loads(out)["appeals"] == []


def test_finalise_refused_while_an_appeal_is_pending(with_appeals: Path, bureau_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", f"sqlite:///{bureau_dir / 'archive.sqlite'}")
    code, _, err = run("finalise", str(with_appeals), "--by", "张三")
    assert code == 2
    assert err.count("\n") == 1 and "appeals.csv:3: 状态: 异议 A2（person:p3）待复核，不能锁定" in err
    assert not (bureau_dir / "archive.sqlite").exists()
    appeals = bureau_dir / "ledgers" / "appeals.csv"
    appeals.write_text(appeals.read_text(encoding="utf-8").replace(
        "A2,person:p3,,,2014-05-01,稿酬分配有误,待复核,,,", "A2,person:p3,,,2014-05-01,稿酬分配有误,维持,2014-05-09,张三,"),
        encoding="utf-8")
    code, _, err = run("finalise", str(with_appeals), "--by", "张三")
    assert code == 0, err
    # and the appeals ledger is an input like any other: a change to it after the lock is refused
    appeals.write_text(appeals.read_text(encoding="utf-8") + "A4,s3,,,2014-12-30,迟报,待复核,,,\n", encoding="utf-8")
    code, _, err = run("score", str(with_appeals), "-f", "json")
    assert code == 2 and "ledgers/appeals.csv（1 行变化）" in err


def test_the_demo_appeal_was_pending_on_10_november() -> None:
    import bureaukit.bureau
    from bureaukit.engine import score

    demo = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
    bureau = bureaukit.bureau.load(demo)
    on_10th = score(bureau, "2014", "2014-11-10").to_dict()["appeals"]
    assert [(a["id"], a["subject"], a["status"]) for a in on_10th] == [("YY-01", "unit:hgs", "pending")]
    year = score(bureau, "2014").to_dict()["appeals"]
    assert [(a["id"], a["status"], a["decided"]) for a in year] == [
        ("YY-01", "upheld", "2014-11-20"), ("YY-02", "rejected", "2014-12-19")]



def test_each_appeal_decision_is_an_audit_record(with_appeals: Path, bureau_dir: Path, archive_url: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every 异议复核 decision the recorded runs show becomes one audit record (who decided,
    when, the note, the first run with it), listed by ``bureaukit audit``."""
    from bureaukit.archive import open_archive

    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", archive_url)
    cfg = str(with_appeals)
    # 15 March: A1 filed, not yet decided: no decision to audit
    # the runs speak English: the audit records' reasons are written in the recording run's language
    en = ("-f", "json", "--by", "王五", "--lang", "en")
    assert run("score", cfg, "--as-of", "2014-03-15", *en)[0] == 0
    assert run("audit", cfg, "--lang", "en")[1].strip() == "no decisions recorded yet"
    assert run("audit", cfg)[1].strip() == "尚无决定记录"
    # 31 March: A1 upheld on 20 March by 张三 (run 2); 30 June: A3 rejected too (run 3), A1 not again
    assert run("score", cfg, "--as-of", "2014-03-31", *en)[0] == 0
    assert run("score", cfg, "--as-of", "2014-06-30", *en)[0] == 0
    # the same decisions in another run: nothing new
    assert run("score", cfg, "--as-of", "2014-07-31", *en)[0] == 0
    # A3 reviewed again: upheld on 1 August, without a reviewer's name (the recorder stands for it)
    appeals = bureau_dir / "ledgers" / "appeals.csv"
    appeals.write_text(appeals.read_text(encoding="utf-8").replace(
        "维持,2014-06-10,张三,符合办法", "更正,2014-08-01,,复核后更正"), encoding="utf-8")
    assert run("score", cfg, "--as-of", "2014-08-31", *en)[0] == 0
    with open_archive(archive_url) as a:
        got = [(r.by, r.action, r.period, r.run, r.item, r.reason) for r in a.audit("t")]
    assert got == [
        ("张三", "appeal upheld", "2014", 2, "A1", "A1 unit:s1 tiny deeds: decided 2014-03-20: 已补录"),
        ("张三", "appeal rejected", "2014", 3, "A3", "A3 unit:s2: decided 2014-06-10: 符合办法"),
        ("王五", "appeal upheld", "2014", 5, "A3", "A3 unit:s2: decided 2014-08-01: 复核后更正"),
    ]
    code, out, _ = run("audit", cfg, "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2 + 3 and "appeal rejected" in lines[3] and "A3 unit:s2: decided 2014-06-10: 符合办法" in lines[3]
    code, out, _ = run("audit", cfg)
    lines = out.splitlines()
    assert code == 0 and [line.split()[4] for line in lines[2:]] == ["异议更正", "异议维持", "异议更正"]
    # A2 decided, and recorded by a run in the bureau's Chinese: its reason is written in Chinese
    appeals.write_text(appeals.read_text(encoding="utf-8").replace(
        "A2,person:p3,,,2014-05-01,稿酬分配有误,待复核,,,", "A2,person:p3,,,2014-05-01,稿酬分配有误,维持,2014-09-01,李四,分配无误"),
        encoding="utf-8")
    assert run("score", cfg, "--as-of", "2014-09-30", "-f", "json", "--by", "王五")[0] == 0
    with open_archive(archive_url) as a:
        last = a.audit("t")[-1]
    assert (last.by, last.action, last.run, last.reason) == ("李四", "appeal rejected", 6,
                                                             "A2 person:p3：2014-09-01 复核决定：分配无误")


def test_appeals_heard_after_the_period_end_are_in_its_final_run(with_appeals: Path, bureau_dir: Path,
                                                                  archive_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A year's appeals are filed and heard after it ends (公示 in January): the report
    as of the period's end shows every appeal of the ledger with its status as written,
    and finalising audits their decisions; an interim run still shows its own day."""
    from bureaukit.archive import open_archive

    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", archive_url)
    cfg = str(with_appeals)
    appeals = bureau_dir / "ledgers" / "appeals.csv"
    text = appeals.read_text(encoding="utf-8").replace("稿酬分配有误,待复核,,,", "稿酬分配有误,维持,2014-05-09,张三,")
    appeals.write_text(text + 'A4,s2,tiny,,2015-01-05,"公示期提出：""漏计""走访\n一次",待复核,,,\n', encoding="utf-8")
    code, out, err = run("score", cfg, "-f", "json", "--no-archive")
    assert code == 0, err
    assert [(a["id"], a["status"]) for a in json.loads(out)["appeals"]][-1] == ("A4", "pending")
    code, _, err = run("finalise", cfg, "--by", "张三")
    assert code == 2 and "A4" in err
    appeals.write_text(appeals.read_text(encoding="utf-8").replace(
        "一次\",待复核,,,", "一次\",更正,2015-01-09,李四,已补录"), encoding="utf-8")
    code, out, err = run("finalise", cfg, "--by", "张三")
    assert code == 0, err
    code, out, err = run("score", cfg, "-f", "json")
    assert code == 0, err
    shown = json.loads(out)["appeals"]
    assert [(a["id"], a["status"], a["decided"], a["decided_by"]) for a in shown][-1] == (
        "A4", "upheld", "2015-01-09", "李四")
    with open_archive(archive_url) as a:
        decided = [(r.by, r.action, r.run, r.item) for r in a.audit("t") if r.item == "A4"]
    assert decided == [("李四", "appeal upheld", 1, "A4")]
    # the text report of the final run lists it among the decided appeals
    code, out, _ = run("score", cfg)
    assert code == 0 and "A4" in out[out.index("异议复核"):]
    # a run as of 30 December knows nothing of it yet
    code, out, _ = run("score", cfg, "--as-of", "2014-12-30", "-f", "json", "--no-archive")
    assert "A4" not in [a["id"] for a in json.loads(out)["appeals"]]
