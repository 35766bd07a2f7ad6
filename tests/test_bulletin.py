"""The monthly 时序进度通报 (LIFECYCLE §6): ranking with movement since the previous
recorded run, completion against 序时进度, units behind, new findings, items due within
15 days; as text, .docx, .html and .xlsx. Numbers from the tiny campaign: a unit's points
are 100 × deeds ÷ 2 (at most 100), ``deeds`` has a target of 2."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from bureaukit.cli import main

pytestmark = pytest.mark.usefixtures("tiny_enabled")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def monthly(recorded: Path) -> Path:
    """The test bureau with a monthly quota of one deed per station (tiny.quota findings,
    due at each month's end)."""
    recorded.write_text(recorded.read_text(encoding="utf-8").replace("target = 2", "target = 2\nmonthly = 1"),
                        encoding="utf-8")
    return recorded


def _section(out: str, title: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 1:]:
        if not line.strip():
            break
        body.append(line)
    return body


def test_bulletin_text_against_the_previous_run(monthly: Path, bureau_dir: Path) -> None:
    cfg = str(monthly)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0  # run 1
    # by 20 September: d3 (s2, 1 July) counts, and a new deed for s3 on 1 September
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8") + "d4,s3,2014-09-01,走访,,,,\n", encoding="utf-8")
    code, out, err = run("bulletin", cfg, "--as-of", "2014-09-20")
    assert code == 0, err
    assert "已存档：第 2 次运行（2014，截至 2014-09-20）" in err
    assert out.startswith("测试局2014年度考核时序进度通报（截至2014年9月20日）")
    ranking = _section(out, "一、排名（二）：基层站所（与第 1 次运行、截至 2014-06-30 相比）")
    # s1 100 (2 deeds, rank 1 before and now); s2 and s3 0 → 50 each, tied second
    rows = [line.split() for line in ranking[2:]]
    assert rows[0] == ["1", "一站", "100.00", "—", "+0.00"]  # no grades configured: that cell is empty
    assert sorted((r[1], r[2], r[0], r[-1]) for r in rows[1:]) == [("三站", "50.00", "2", "+50.00"),
                                                                     ("二站", "50.00", "2", "+50.00")]
    # 序时进度 on 20 September: 263 of 365 days = 72.1 %; 1 deed of a target of 2 is 50 % (behind)
    assert "序时进度 72.1%" in out
    behind = [line.split() for line in _section(out, "二、进度落后于序时进度（72.1%）的单位")[2:]]
    assert sorted((r[0], r[5]) for r in behind) == [("三站", "50.0%"), ("二站", "50.0%"), ("办公室", "0.0%")]
    ahead = [line.split() for line in _section(out, "三、达到序时进度的目标")[2:]]
    assert [(r[0], r[3], r[4], r[5]) for r in ahead] == [("一站", "2", "2", "100.0%")]
    # new since run 1: the quota findings of July and August (tiny finds a month short once it has ended)
    new = [line.split() for line in _section(out, "四、新发现的问题（与第 1 次运行、截至 2014-06-30 相比）")[2:]]
    assert new and all(r[0] in ("一站", "二站", "三站") for r in new)


def test_due_within_15_days_and_new_findings(result_zh: Any) -> None:
    """From the sample result: a violation due 30 June, a quota due 8 June."""
    from bureaukit.archive.bulletin import build

    def on(day: date) -> Any:
        return attrs.evolve(result_zh, period=attrs.evolve(result_zh.period, as_of=day))

    # 20 June: 30 June is 10 days ahead; 8 June is past
    assert [(i.subject, i.due) for i in build(on(date(2014, 6, 20)), None).due_soon] == [("person:p1", "2014-06-30")]
    # 1 June: 8 June is 7 days ahead, 30 June 29 days (beyond 15)
    assert [(i.subject, i.due) for i in build(on(date(2014, 6, 1)), None).due_soon] == [("unit:fin", "2014-06-08")]
    # 30 June itself is not ahead of 30 June
    assert build(on(date(2014, 6, 30)), None).due_soon == ()
    before = result_zh.to_dict()
    before["findings"] = [f for f in before["findings"] if f["code"] != "publicity.quota"]
    b = build(result_zh, before)
    assert [(i.subject, i.message) for i in b.new_findings] == [("unit:fin", "第 23 周未报送信息")]
    assert build(result_zh, None).new_findings == ()  # nothing to compare with: nothing is "new"


def test_bulletin_files(monthly: Path, tmp_path: Path) -> None:
    cfg = str(monthly)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0
    docx_path = tmp_path / "通报.docx"
    code, _, err = run("bulletin", cfg, "--as-of", "2014-09-20", "-o", str(docx_path))
    assert code == 0, err
    import docx

    doc = docx.Document(str(docx_path))
    assert doc.paragraphs[0].text == "测试局2014年度考核时序进度通报（截至2014年9月20日）"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    stations = doc.tables[headings.index("一、排名（二）：基层站所（与第 1 次运行、截至 2014-06-30 相比）")]
    assert [c.text for c in stations.rows[0].cells] == ["名次", "单位", "综合得分", "等次", "名次变化", "得分变化"]
    assert [c.text for c in stations.rows[1].cells] == ["1", "一站", "100.00", "", "—", "+0.00"]
    html_path = tmp_path / "通报.html"
    assert run("bulletin", cfg, "--as-of", "2014-09-20", "-o", str(html_path))[0] == 0
    page = html_path.read_text(encoding="utf-8")
    assert "<h1>测试局2014年度考核时序进度通报（截至2014年9月20日）</h1>" in page and "<script" not in page
    xlsx_path = tmp_path / "通报.xlsx"
    assert run("bulletin", cfg, "--as-of", "2014-09-20", "-o", str(xlsx_path))[0] == 0
    from openpyxl import load_workbook

    values = [r[0].value for r in load_workbook(xlsx_path)["通报"].iter_rows()]
    assert values[0] == "测试局2014年度考核时序进度通报（截至2014年9月20日）"
    code, _, err = run("bulletin", cfg, "-o", str(tmp_path / "通报.pdf"))
    assert code == 2 and ".docx, .html or .xlsx" in err


def test_bulletin_without_an_archive_has_no_movement(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUREAUKIT_ARCHIVE_URL", raising=False)
    code, out, _ = run("bulletin", str(bureau_dir / "bureau.toml"), "--as-of", "2014-09-20")
    assert code == 0
    assert "一、排名（二）：基层站所（此前无存档运行）" in out and "新" in out


def test_html_report_draws_each_units_trend(recorded: Path, tmp_path: Path) -> None:
    cfg = str(recorded)
    first = tmp_path / "first.html"
    assert run("score", cfg, "--as-of", "2014-03-31", "-o", str(first))[0] == 0
    assert 'id="trend"' not in first.read_text(encoding="utf-8")  # nothing earlier to draw
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0
    page_path = tmp_path / "report.html"
    code, _, err = run("score", cfg, "-o", str(page_path))
    assert code == 0, err
    page = page_path.read_text(encoding="utf-8")
    assert '<section id="trend"><h2>历次运行综合得分走势</h2>' in page
    # s2: no deed by 31 March or 30 June (d3 is dated 1 July), 1 deed of 2 by the year's end
    assert "<title>2014-03-31 0.00; 2014-06-30 0.00; 2014-12-31 50.00</title>" in page
    # s1 did its 2 deeds by 20 May: 50 on 31 March (d1), 100 after
    assert "<title>2014-03-31 50.00; 2014-06-30 100.00; 2014-12-31 100.00</title>" in page
    trend = page[page.index('<section id="trend">'):]
    trend = trend[:trend.index("</section>")]
    assert trend.count("<polyline") == 4  # 办公室, 一站, 二站, 三站
