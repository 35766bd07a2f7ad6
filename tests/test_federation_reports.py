"""Federation reports (REPORTS.md for 三级联动): html (offline, no script, fits 1024 px,
checked in headless Chromium), xlsx (read back with openpyxl) and the csv zip, from the
hand-worked province of fedtools:

    county A 50.00 (不合格), B 75.00 (合格), C 100.00 (优秀); province's own units 40.00
    city = (50.00 + 75.00) / 2 = 62.50; ranks in the city: B 1, A 2
    province = 0.7 × 40.00 + 0.3 × (62.50 + 100.00) / 2 = 52.375 → 52.38; ranks: C 1, city 2
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from fedtools import make_province
from test_render_html import A4_PRINTABLE_PX, EXTERNAL, NAMES, chromium, measure, needs_chromium, pdf_pages

from bureaukit.federation import FederationResult, score_federation
from bureaukit.render.federation import render_csv, render_html, render_xlsx
from bureaukit.render.html import CSP
from bureaukit.testing import run_cli


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_province(tmp_path_factory.mktemp("province")).parent


@pytest.fixture(scope="module")
def result(folder: Path) -> FederationResult:
    return score_federation(folder / "province.toml", jobs=1)


def _summary(page: str) -> str:
    return page.split('<section id="summary" class="summary">')[1].split("</section>")[0]


def test_html_summary_first_in_chinese(result: FederationResult) -> None:
    page = render_html(result, "zh", "0.1.0")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "<script" not in page.lower() and not EXTERNAL.search(page)
    assert "联合评比报告" in page and "某省交通运输厅" in page and "各成员本次评分" in page
    # scored as of the period's end: its date, not 期末 alone
    assert "<dd>2014-12-31（期末）</dd>" in page
    top = _summary(page)
    assert '<span class="v">52.38</span>' in top
    assert "成员平均 (62.50 + 100.00) / 2 = 81.25；(1 − 0.3) × 本级 40.00 + 0.3 × 81.25 = 52.38" in top
    assert " mean of" not in page  # one language: the JSON's note holds both, the page zh alone
    # the province's ranking: C first, then the city (a member federation has no grade)
    rows = re.findall(r"<tr><td class=\"n\">(\d+)</td><td><span class=\"nm\">([^<]+)</span></td>"
                      r"<td class=\"n\"><b>([\d.]+)</b></td><td class=\"grp\">([^<]*)</td></tr>", top)
    assert rows == [("1", "丙县交通运输局", "100.00", "优秀"), ("2", "某市交通运输系统", "62.50", "")]
    # the city at its own level, after page one: B 1, A 2
    city = page.split('<section id="f-city" class="">')[1].split("</section>")[0]
    assert "某省交通运输厅 › 某市交通运输系统" in city and '<span class="v">62.50</span>' in city
    assert city.index("乙县交通运输局") < city.index("甲县交通运输局")
    assert "<td class=\"grp\">合格</td>" in city and "<td class=\"grp\">不合格</td>" in city
    assert page.index('id="summary"') < page.index('id="f-city"') < page.index('id="runs"')


def test_html_english(result: FederationResult) -> None:
    page = render_html(result, "en", "0.1.0")
    assert '<html lang="en">' in page and "Federation report" in page and "Ranking" not in page.split("<body>")[0]
    assert "mean of 2 members (62.50 + 100.00) / 2 = 81.25; (1 − 0.3) × own 40.00" in page
    assert "成员平均" not in page and "each member scored afresh" in page


def test_missing_member_listed_apart(folder: Path, tmp_path: Path) -> None:
    province = make_province(tmp_path)
    bad = tmp_path / "city" / "b" / "projects.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",3000,", ",三千,"), encoding="utf-8")
    out = tmp_path / "province.html"
    r = run_cli("score", province, "--keep-going", "-o", out)
    assert r.exit_code == 2 and "缺失成员，未计入汇总：bureau:county-b" in r.stderr
    page = out.read_text(encoding="utf-8")
    city = page.split('<section id="f-city" class="">')[1].split("</section>")[0]
    ranking, apart = city.split('<p class="apart">')
    assert "乙县" not in ranking and "甲县交通运输局" in ranking
    assert apart.startswith("缺失成员（未计入汇总，无名次）：") and "county-b" in apart and "合同投资额" in apart
    assert "<b>缺失</b>" not in ranking


def test_xlsx_reads_back(result: FederationResult, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "p.xlsx"
    path.write_bytes(render_xlsx(result, "zh"))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["概览", "排名", "运行依据", "缺失成员"]
    ws = wb["排名"]
    assert ws["A1"].value == "某省交通运输厅  联合评比报告" and ws.freeze_panes == "A5"
    assert [c.value for c in ws[4]] == ["联合体", "组别", "名次", "名称", "对象", "综合分", "等级", "状态"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert rows == [
        ["某省交通运输厅", "成员局", 1, "丙县交通运输局", "bureau:county-c", 100, "优秀", "已评分"],
        ["某省交通运输厅", "成员局", 2, "某市交通运输系统", "bureau:city", 62.5, None, "已评分"],
        ["某省交通运输厅 › 某市交通运输系统", "成员局", 1, "乙县交通运输局", "bureau:county-b", 75, "合格", "已评分"],
        ["某省交通运输厅 › 某市交通运输系统", "成员局", 2, "甲县交通运输局", "bureau:county-a", 50, "不合格", "已评分"],
    ]
    assert ws["F5"].number_format == "0.00"
    summary = {r[0].value: r[1].value for r in wb["概览"].iter_rows(min_row=5)}
    assert summary["本级成绩"] == "52.38" and summary["成员权重"] == "0.3" and summary["本级单位"] == "40.00"
    runs = [[c.value for c in row] for row in wb["运行依据"].iter_rows(min_row=5)]
    assert [r[1] for r in runs] == ["某省交通运输厅（本级单位）", "丙县交通运输局", "甲县交通运输局", "乙县交通运输局"]
    assert all(str(r[3]).startswith("sha256:") and r[4] == 3 and r[6] is None for r in runs)


def test_csv_zip(result: FederationResult) -> None:
    data = render_csv(result, "en")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == ["missing.csv", "ranking.csv", "runs.csv", "summary.csv"]
        text = z.read("ranking.csv").decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Federation", "Group", "Rank", "Name", "Subject", "Composite", "Grade", "Status"]
    assert rows[1][2:6] == ["1", "丙县交通运输局", "bureau:county-c", "100.00"]
    assert rows[3][2:6] == ["1", "乙县交通运输局", "bureau:county-b", "75.00"]


def test_every_format_same_bytes_twice_and_whatever_the_jobs(folder: Path, tmp_path: Path) -> None:
    province = folder / "province.toml"
    for suffix in ("html", "xlsx", "zip", "json"):
        one, two = tmp_path / f"one.{suffix}", tmp_path / f"two.{suffix}"
        r1 = run_cli("score", province, "--jobs", "1", "-o", one)
        r2 = run_cli("score", province, "--jobs", "2", "-o", two)
        assert r1.exit_code == 0 and r2.exit_code == 0, r1.stderr + r2.stderr
        assert one.read_bytes() == two.read_bytes(), suffix
    assert json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["composite"] == "52.38"


def test_unknown_format_is_refused_whole(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    r = run_cli("score", folder / "province.toml", "-o", out)
    assert r.exit_code == 2 and "html, xlsx or csv" in r.stderr and not out.exists()
    assert "Traceback" not in r.stderr


@needs_chromium
def test_html_fits_1024_and_prints(result: FederationResult, tmp_path: Path) -> None:
    page = render_html(result, "zh", "0.1.0")
    report = tmp_path / "fed.html"
    report.write_text(page, encoding="utf-8")
    shot = tmp_path / "fed.png"
    done = chromium(tmp_path, report.as_uri(), f"--screenshot={shot}", "--window-size=1024,1400",
                    "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    got = measure(tmp_path, page, 1024, 1400)
    assert got["inner"] == 1024 and got["scroll"] <= 1024 and got["wide"] == [], got
    pdf = tmp_path / "fed.pdf"
    done = chromium(tmp_path, report.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.exists(), done.stderr[-2000:]
    assert pdf_pages(pdf.read_bytes()) >= 2  # page one the summary alone, then the levels and runs


PATHS = NAMES.replace("document.body.setAttribute('data-measure', JSON.stringify(\n  {", """const paths = [...document.querySelectorAll('td.path')]
  .filter(e => lines(e) > e.textContent.split('/').length).map(e => e.textContent);
document.body.setAttribute('data-measure', JSON.stringify(
  {paths: paths, n_paths: document.querySelectorAll('td.path').length, """)


@needs_chromium
@pytest.mark.parametrize("width", [1024, A4_PRINTABLE_PX])
def test_html_never_breaks_a_name_and_breaks_a_config_path_only_after_a_slash(
        result: FederationResult, width: int, tmp_path: Path) -> None:
    """成员运行依据 printed 某市交通运输系 / 统 and c/bureau.tom / l: the hash column is the
    one that gives way (at 1024 px and on an A4 page)."""
    page = render_html(result, "zh", "0.1.0")
    if width == A4_PRINTABLE_PX:
        page = page.replace("@media print{", "@media all{")
    assert PATHS != NAMES
    got = measure(tmp_path, page, width, 1400, script=PATHS)
    assert got["names"] >= 10 and got["broken"] == [] and got["wide"] == [], got
    assert got["n_paths"] == 4 and got["paths"] == [], got


def test_english_runs_table_names_the_own_units_in_english(result: FederationResult) -> None:
    page = render_html(result, "en", "0.1.0")
    assert '<span class="nm">某省交通运输厅</span> (own units)</td>' in page and "（Own units）" not in page
    assert '<td class="path">c/<wbr>bureau.toml</td>' in page
