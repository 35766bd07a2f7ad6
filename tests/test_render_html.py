"""--format html: escaped, self-contained, offline; checked in headless Chromium too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from core_support import HOSTILE_SCRIPT

from bureaukit.render import RenderOptions
from bureaukit.render.html import CSP, render

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
EXTERNAL = re.compile(r"""\b(?:src|href|action|data|poster|srcset|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)""", re.I)


def test_escaped_and_self_contained(result_zh: Any) -> None:
    page = render(result_zh, RenderOptions("zh"))
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert HOSTILE_SCRIPT not in page
    assert ESCAPED in page
    assert "<script" not in page.lower()
    assert "=HYPERLINK(&quot;http://x&quot;)" in page
    assert "\u202e" not in page and "\x1b" not in page
    assert not EXTERNAL.search(page)
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    for bad in ("url(", "@import", "<link", "<iframe", "<img", "<object"):
        assert bad not in page
    assert "<details>" in page and "@media print" in page and "size:A4" in page


def test_content_zh_and_en(result_zh: Any, result_en: Any) -> None:
    zh = render(result_zh, RenderOptions("zh"))
    assert '<html lang="zh-CN">' in zh
    for text in ("示例区交通运输局", "序时进度", "58.1%", "2014-07-31", "综合排名", "招商引资", "违规", "合计", "5,700.00"):
        assert text in zh
    # titles, not codes, head the matrix; 1520 of 1500 万元 = 101.3 %, on time (58.1 %)
    assert "<th class=\"n\">固定资产投资</th>" in zh and "fixed_asset_wan" not in zh
    assert '1,520 万元<span class="sub">/ 1,500 万元 · <span class="good">101.3%</span>' in zh
    en = render(result_en, RenderOptions("en"))
    assert '<html lang="en">' in en and "Ranking" in en and "Time progress" in en
    assert "Left post for 3 days during a trip" in en


def test_same_bytes_twice(result_zh: Any) -> None:
    from core_support import sample_result

    assert render(result_zh, RenderOptions("zh")) == render(sample_result("zh"), RenderOptions("zh"))


def chromium(tmp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
            "--host-resolver-rules=MAP * ~NOTFOUND", *extra, url,
        ],
        capture_output=True, text=True, timeout=90, check=False,
    )


def page_requests(netlog: Path) -> set[str]:
    """URLs the page itself asked for (the browser's own update pings are not the page's)."""
    data = json.loads(netlog.read_text(encoding="utf-8"))
    out = set()
    for event in data["events"]:
        params = event.get("params") or {}
        if "url" in params and "site=file://" in str(params.get("site_for_cookies", "")):
            out.add(params["url"])
    return out


def test_summary_first_and_unranked_apart(result_zh: Any) -> None:
    """REPORTS §3: page one is the summary; the root (no group, no rank) is listed apart,
    not in a ranking with a bar; at most ten findings, violations first."""
    zh = render(result_zh, RenderOptions("zh"))
    summary = zh.split('<section id="summary" class="summary">')[1].split("</section>")[0]
    assert zh.index("summary") < zh.index('id="c-investment"')
    ranking, apart = summary.split('<p class="apart">')
    assert "示例区交通运输局</span>" not in ranking and '<b class="nm">示例区交通运输局</b>' in apart
    assert "不参与排名" in apart
    top = summary.split('<ol class="top">')[1].split("</ol>")[0]
    assert top.count("<li>") == 6 and top.index("违规") < top.index("警示") < top.index("提示")
    assert "5,700.00" in summary  # refunds 2,700.00 + 3,000.00, with separators


def demo_result() -> Any:
    import bureaukit

    return bureaukit.score(bureaukit.load(Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"))


MEASURE = """<script>
document.querySelectorAll('details').forEach(d => { d.open = true; });
const page = document.querySelector('.page').getBoundingClientRect();
const wide = [...document.querySelectorAll('table, h2, .finding, .kpis, ol, p')]
  .filter(e => e.getBoundingClientRect().right > page.right + 0.5)
  .map(e => e.tagName + ':' + e.textContent.slice(0, 40));
document.body.setAttribute('data-measure', JSON.stringify(
  {scroll: document.documentElement.scrollWidth, inner: innerWidth, wide: wide}));
</script>"""


def measuring_copy(page: str) -> str:
    """The report with a measuring script (so its CSP, which forbids scripts, is left
    out): the same layout, its widths written into the DOM for --dump-dom."""
    no_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    return no_csp.replace("</body>", MEASURE + "</body>")


def measure(tmp: Path, page: str, width: int, height: int = 1800, script: str = MEASURE) -> dict[str, Any]:
    """What *script* measured in *page* (:func:`measuring_copy`) at *width* × *height*,
    read back from the DOM headless Chromium dumps."""
    measured = tmp / "measure.html"
    measured.write_text(measuring_copy(page).replace(MEASURE, script), encoding="utf-8")
    done = chromium(tmp, measured.as_uri(), "--dump-dom", f"--window-size={width},{height}", "--hide-scrollbars")
    m = re.search(r'data-measure="([^"]*)"', done.stdout)
    assert m, done.stderr[-2000:]
    got: dict[str, Any] = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    return got


@needs_chromium
@pytest.mark.parametrize("width", [1024, 1400])
def test_report_fits_the_window_without_horizontal_scrolling(width: int, tmp_path: Path) -> None:
    """REPORTS §3: the demo report, every evidence list opened, fits 1024 and 1400 px."""
    page = render(demo_result(), RenderOptions("zh"))
    shot = tmp_path / f"report-{width}.png"
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    done = chromium(tmp_path, report.as_uri(), f"--screenshot={shot}", f"--window-size={width},1800",
                    "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    got = measure(tmp_path, page, width, 1800)
    assert got["inner"] == width
    assert got["scroll"] <= width and got["wide"] == [], got


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@needs_chromium
def test_summary_prints_on_one_a4_page(tmp_path: Path) -> None:
    """REPORTS §3: page one, rendered alone and printed (A4 portrait), is one page; the
    whole report prints on more (so the count is no accident of the printer)."""
    from bureaukit.render.html import render_summary

    result = demo_result()
    counts = {}
    for name, text in (("summary", render_summary(result, RenderOptions("zh"))),
                       ("report", render(result, RenderOptions("zh")))):
        src = tmp_path / f"{name}.html"
        src.write_text(text, encoding="utf-8")
        pdf = tmp_path / f"{name}.pdf"
        done = chromium(tmp_path, src.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
        assert pdf.exists(), done.stderr[-2000:]
        counts[name] = pdf_pages(pdf.read_bytes())
    assert counts["summary"] == 1, counts
    assert counts["report"] > 3, counts


@needs_chromium
def test_chromium_dom_shows_hostile_name_as_text(result_zh: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(render(result_zh, RenderOptions("zh")), encoding="utf-8")
    done = chromium(tmp_path, report.as_uri(), "--dump-dom")
    dom = done.stdout
    assert "示例区交通运输局" in dom, done.stderr[-2000:]
    assert ESCAPED in dom
    assert "<script" not in dom.lower()
    assert not EXTERNAL.search(dom)


@needs_chromium
def test_chromium_makes_no_request(result_zh: Any, tmp_path: Path) -> None:
    # The CSP alone would block a request: take it out, so that a reference would be fetched.
    page = render(result_zh, RenderOptions("zh")).replace(f'content="{CSP}"', 'content=""')
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    control = tmp_path / "control.html"
    control.write_text('<img src="http://127.0.0.1:9/x.png"><p>control</p>', encoding="utf-8")

    log = tmp_path / "control.json"
    chromium(tmp_path, control.as_uri(), f"--log-net-log={log}", "--net-log-capture-mode=Everything", "--dump-dom")
    assert page_requests(log) == {"http://127.0.0.1:9/x.png"}  # the detector does see a fetch

    log = tmp_path / "report.json"
    shot = tmp_path / "report.png"
    done = chromium(
        tmp_path, report.as_uri(), f"--log-net-log={log}", "--net-log-capture-mode=Everything",
        f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars",
    )
    assert shot.exists() and shot.stat().st_size > 10_000, done.stderr[-2000:]
    assert page_requests(log) == set()


NAMES = """<script>
const broken = [...document.querySelectorAll('.nm')]
  .filter(e => e.getClientRects().length > 1).map(e => e.textContent);
const page = document.querySelector('.page').getBoundingClientRect();
const wide = [...document.querySelectorAll('table')]
  .filter(e => e.getBoundingClientRect().right > page.right + 0.5).map(e => e.textContent.slice(0, 40));
const lines = e => { const r = document.createRange(); r.selectNodeContents(e);
  return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
const nowrap = [...document.querySelectorAll('td.nw')].filter(e => lines(e) > 1).map(e => e.textContent);
document.body.setAttribute('data-measure', JSON.stringify(
  {names: document.querySelectorAll('.nm').length, broken: broken, wide: wide, nowrap: nowrap}));
</script>"""

A4_PRINTABLE_PX = 710
"""A4 portrait less the print margins (210 − 2 × 11 mm) in CSS pixels (96 per inch)."""


@needs_chromium
@pytest.mark.parametrize("width", [1024, A4_PRINTABLE_PX])
def test_names_ids_and_dates_are_never_broken(width: int, tmp_path: Path) -> None:
    """A unit's name is never broken inside (区道路运输管理 / 所 in the summary's ranking,
    区港航 / 管理所 in 异议复核), nor an appeal's number or dates (YY- / 01, 2014-11- / 05):
    at 1024 px and on an A4 page (the print styles applied on screen at its width,
    which is how the printed page lays out), with no table wider than the page."""
    page = render(demo_result(), RenderOptions("zh"))
    if width == A4_PRINTABLE_PX:
        page = page.replace("@media print{", "@media all{")
    got = measure(tmp_path, page, width, 1800, script=NAMES)
    assert got["names"] > 100 and got["broken"] == [] and got["wide"] == [] and got["nowrap"] == [], got


def test_print_leaves_out_the_evidence_column(result_zh: Any) -> None:
    """依据 opens on screen; on paper its column would be empty (details are not printed)."""
    page = render(result_zh, RenderOptions("zh"))
    assert "nav.toc,details,.ev{display:none}" in page
    assert '<th class="ev">依据</th>' in page


@needs_chromium
def test_the_english_report_fits_1024_px_and_speaks_english_punctuation(tmp_path: Path) -> None:
    """The contents line's English campaign titles wrap between links (they ran past the
    page: no break between </a><a>), and English lines take English colons and brackets."""
    page = render(demo_result(), RenderOptions("en"))
    assert "Not ranked: <b" in page and "Grades</b>: " in page and "（" not in page.split('class="apart"')[1][:200]
    got = measure(tmp_path, page, 1024, 1800)
    assert got["scroll"] <= 1024, got


def test_an_english_report_names_its_units_in_english(result_en: Any) -> None:
    """REPORTS §2, one language: 1,520 of 1,500 万元 reads "1,520 × 10k yuan" (as the
    English messages write it), not "1,520 万元", in the page, the workbook's header and
    the text report's header."""
    from bureaukit.render.table import render as text
    from bureaukit.render.xlsx import render as xlsx

    page = render(result_en, RenderOptions("en"))
    assert '1,520 × 10k yuan<span class="sub">/ 1,500 × 10k yuan · ' in page and "万元" not in page.split("<h3>")[1]
    assert "(10k yuan)" in text(result_en, RenderOptions("en"))
    openpyxl = pytest.importorskip("openpyxl")
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx(result_en, RenderOptions("en"))))["Investment attraction"]
    assert "Fixed-asset investment (10k yuan)" in [c.value for c in sheet[4]]
