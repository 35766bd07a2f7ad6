"""The bad-input corpus (tests/bad_inputs/): every malformed config or ledger through the
real CLI ends in exit 2 (3 for a plugin), a message naming the file and row/column or the
config path, no traceback and no output file.

Cases are data (tests/bad_inputs/cases/*.toml; the format is in tests/bad_inputs/README.md):
each is applied to a fresh copy of tests/bad_inputs/base/ and scored with
``bureaukit score bureau.toml -o out.json``. Most run in-process through click's
CliRunner; ``test_cli_runner_matches_subprocess`` runs a sample through
``python -m bureaukit.cli`` in subprocesses and checks both give the same exit code and
stderr, which is what licenses the CliRunner shortcut.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lang_support import english_lines

from bureaukit.cli import main

HERE = Path(__file__).resolve().parent / "bad_inputs"
BASE = HERE / "base"
BASES = {"base": BASE, "demo": HERE.parent.parent / "configs" / "demo"}
"""``base = "demo"`` cases start from the demo bureau (all six campaigns)."""
BIG_CELL = 200 * 1024 * 1024


def _cell_cases(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    name = spec["file"].rsplit("/", 1)[-1]
    for i, value in enumerate(spec["values"]):
        expect = [f"{name}:{spec['row']}: {spec['column']}:", *spec.get("expect", ())]
        if spec.get("quote", True):
            expect.append(json.dumps(value, ensure_ascii=False))
        out.append({
            "id": f"cell-{name}-{spec['row']}-{spec['column']}-{i}",
            "cell": (spec["file"], spec["row"], spec["column"], value),
            "expect": expect,
            "base": spec.get("base", "base"),
            "needs": spec.get("needs", ()),
        })
    return out


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for f in sorted((HERE / "cases").glob("*.toml")):
        data = tomllib.loads(f.read_text(encoding="utf-8"))
        cases += data.get("case", [])
        for spec in data.get("cells", []):
            cases += _cell_cases(spec)
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    return cases


CASES = load_cases()


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    rows[row - 1][rows[0].index(column)] = value
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _xlsx(rows: list[list[str]], sheet: str | None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    if sheet is None:
        ws.title = "Sheet1"
    else:
        ws.title = sheet
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsxwriter(rows: list[list[str]], sheet: str) -> bytes:
    """The rows as xlsxwriter writes them: a cell beginning ``=`` is a formula saved with
    the value 0 in a workbook that asks to be calculated when opened."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet(sheet)
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    wb.close()
    return buf.getvalue()


def _make(root: Path, rel: str, what: str) -> None:
    target = root / rel
    if what == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("data.csv", "单位,测评结果,日期\n")
        target.write_bytes(buf.getvalue())
    elif what == "big_cell":
        with target.open("wb") as fh:
            fh.write("单位,测评结果,日期,服务对象\nygs_n,满意,2014-05-10,".encode())
            chunk = b"x" * (1 << 20)
            for _ in range(BIG_CELL // len(chunk)):
                fh.write(chunk)
            fh.write(b"\n")
    elif what == "deep_json":
        target.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif what.startswith("xlsxwriter:"):
        src = target.with_suffix(".csv")
        rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"))))
        target.write_bytes(_xlsxwriter(rows, what.partition(":")[2]))
    elif what.startswith("xlsx"):
        src = target.with_suffix(".csv")
        rows = list(csv.reader(io.StringIO(src.read_text(encoding="utf-8-sig"))))
        target.write_bytes(_xlsx(rows, what.partition(":")[2] or None))
    else:  # pragma: no cover
        raise AssertionError(f"unknown make {what!r}")


def build(case: dict[str, Any], root: Path) -> Path:
    """A copy of the base bureau with the case applied; returns the config path."""
    shutil.copytree(BASES[case.get("base", "base")], root)
    for rel, text in case.get("write", {}).items():
        (root / rel).write_text(text, encoding="utf-8")
    for rel, (enc, text) in case.get("write_encoded", {}).items():
        (root / rel).write_bytes(text.encode(enc))
    for rel, hexed in case.get("write_hex", {}).items():
        (root / rel).write_bytes(bytes.fromhex(hexed))
    for rel, text in case.get("append", {}).items():
        with (root / rel).open("a", encoding="utf-8") as fh:
            fh.write(text)
    for rel, old, new in case.get("edit", ()):
        p = root / rel
        text = p.read_text(encoding="utf-8")
        assert old in text, f"{case['id']}: {old!r} not in {rel}"
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
    if "cell" in case:
        rel, row, column, value = case["cell"]
        _set_cell(root / rel, row, column, value)
    for rel, what in case.get("make", {}).items():
        _make(root, rel, what)
    for rel in case.get("delete", ()):
        (root / rel).unlink()
    for rel in case.get("mkdir", ()):
        (root / rel).mkdir()
    for rel, mode in case.get("chmod", {}).items():
        (root / rel).chmod(mode)
    return root / case.get("config", "bureau.toml")


def run_inprocess(root: Path, cfg: str, args: list[str]) -> tuple[int, str, str]:
    old = Path.cwd()
    os.chdir(root)
    try:
        r = CliRunner().invoke(main, ["score", cfg, "-o", "out/report.json", *args])
    finally:
        os.chdir(old)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def run_subprocess(root: Path, cfg: str, args: list[str]) -> tuple[int, str, str]:
    p = subprocess.run(
        [sys.executable, "-m", "bureaukit.cli", "score", cfg, "-o", "out/report.json", *args],
        cwd=root, capture_output=True, text=True, timeout=120, env={**os.environ, "CI": "1"},
    )
    return p.returncode, p.stdout, p.stderr


def check_outcome(case: dict[str, Any], root: Path, code: int, err: str) -> None:
    want = case.get("code", 2)
    assert code == want, f"{case['id']}: exit {code}, wanted {want}\n{err}"
    assert "Traceback" not in err, err
    assert "internal error" not in err, err
    for s in case.get("expect", ()):
        assert s in err, f"{case['id']}: {s!r} not in stderr:\n{err}"
    out = root / "out"
    assert not out.exists() or not any(out.iterdir()), f"{case['id']}: output written"


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 150, len(CASES)


def _needs(case: dict[str, Any]) -> None:
    if case.get("skip_root") and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads any file")
    for name in case.get("needs", ()):
        pytest.importorskip(f"bureaukit_{name}")


def test_the_bases_are_clean(tmp_path: Path) -> None:
    for name, base in BASES.items():
        r = CliRunner().invoke(main, ["check", str(base / "bureau.toml")])
        assert r.exit_code == 0, (name, r.stderr)


def _place(line: str) -> str:
    """Where a problem line points: ``FILE:ROW`` (or ``FILE``), the same in any language."""
    head = re.split(r": |：", line, maxsplit=1)[0]  # a Chinese message follows its option with ：
    # a file (a path, a file name) or an option; click's usage lines point nowhere
    return head if " " not in head and re.search(r"[./:]|^-", head) else ""


def check_chinese(case: dict[str, Any], root: Path, en: tuple[int, str], zh: tuple[int, str]) -> None:
    """The case again for a Chinese bureau (no --lang: ``[bureau] language`` is zh): the same
    exit code, the same problems at the same places, and no English sentence left."""
    assert zh[0] == en[0], f"{case['id']}: exit {zh[0]} in Chinese, {en[0]} in English\n{zh[1]}"
    assert "Traceback" not in zh[1], zh[1]
    en_lines, zh_lines = en[1].splitlines(), zh[1].splitlines()
    places = [[p for p in map(_place, lines) if p] for lines in (zh_lines, en_lines)]
    assert places[0] == places[1], f"{case['id']}:\n{en[1]}\n{zh[1]}"
    for text in case.get("expect_zh", ()):
        assert text in zh[1], f"{case['id']}: {text!r} not in stderr:\n{zh[1]}"
    english = english_lines(zh[1], CODES)
    assert english == [], f"{case['id']}: English in a Chinese run:\n" + "\n".join(english)
    out = root / "out"
    assert not out.exists() or not any(out.iterdir()), f"{case['id']}: output written"


CODES = frozenset({"conduct", "investment", "publicity", "wubi", "style", "vanguard", "office", "station"})
"""Campaign names and unit kinds the bases' configs hold: codes an admin typed."""


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _needs(case)
    root = tmp_path / "b"
    cfg = build(case, root)
    (root / "out").mkdir(exist_ok=True)
    rel, extra = os.path.relpath(cfg, root), list(case.get("args", ()))
    # the corpus's expectations are in English: the run says so
    code, _out, err = run_inprocess(root, rel, [*extra, "--lang", "en"])
    check_outcome(case, root, code, err)
    if case["id"] != "config-language-fr":  # bureau.language itself is the problem: no language to speak
        # a Chinese clerk's machine: a config too broken to say its language speaks the locale's
        monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
        zcode, _out, zerr = run_inprocess(root, rel, extra)
        check_chinese(case, root, (code, err), (zcode, zerr))


SAMPLE = [
    "toml-unclosed-string", "config-enabled-not-installed", "config-conduct-stage-weight-text",
    "csv-misspelt-header", "csv-duplicate-key-across-files", "csv-utf16-le-bom", "csv-really-a-zip",
    "units-cycle", "xlsx-missing-sheet", "json-not-a-list", "jsonl-bad-line", "usage-as-of-feb-30",
    "cell-requests.csv-2-受理日期-0", "cell-stage_scores.csv-2-得分-0", "cell-stage_scores.csv-2-阶段-0",
    "config-path-missing",
]


def test_cli_runner_matches_subprocess(tmp_path: Path) -> None:
    """The honest run (a real process) and CliRunner agree on code and stderr."""
    by_id = {c["id"]: c for c in CASES}
    jobs = []
    for i, cid in enumerate(SAMPLE):
        case = by_id[cid]
        root = tmp_path / f"c{i}"
        cfg = os.path.relpath(build(case, root), root)
        (root / "out").mkdir(exist_ok=True)
        jobs.append((case, root, cfg, [*case.get("args", ()), "--lang", "en"]))
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        subs = list(pool.map(lambda j: run_subprocess(j[1], j[2], j[3]), jobs))
    for (case, root, cfg, args), (code, _o, err) in zip(jobs, subs, strict=True):
        check_outcome(case, root, code, err)
        icode, _io, ierr = run_inprocess(root, cfg, args)
        assert (icode, ierr) == (code, err), case["id"]


def test_file_removed_between_check_and_score(tmp_path: Path) -> None:
    root = tmp_path / "b"
    shutil.copytree(BASE, root)
    (root / "out").mkdir()
    r = CliRunner().invoke(main, ["check", str(root / "bureau.toml")])
    assert r.exit_code == 0, r.stderr
    (root / "ledgers" / "surveys.csv").unlink()
    code, _, err = run_inprocess(root, "bureau.toml", ["--lang", "en"])
    check_outcome({"id": "vanish", "expect": ["surveys.csv: no such file (looked for"]}, root, code, err)
    code, _, err = run_inprocess(root, "bureau.toml", [])
    check_outcome({"id": "vanish", "expect": ["ledgers/surveys.csv: 文件不存在（查找位置："]}, root, code, err)


def test_file_vanishes_while_loading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file passes the existence check and is gone when the reader opens it."""
    import bureaukit.ledgers as ledgers

    real = ledgers.check_regular

    def check_then_vanish(path: Path, limit: int, what: str = "ledger") -> int:
        size = real(path, limit, what)
        if path.name == "problems.csv":
            path.unlink()
        return size

    monkeypatch.setattr(ledgers, "check_regular", check_then_vanish)
    root = tmp_path / "b"
    shutil.copytree(BASE, root)
    (root / "out").mkdir()
    code, _, err = run_inprocess(root, "bureau.toml", ["--lang", "en"])
    check_outcome({"id": "vanish-mid-load", "expect": ["problems.csv: cannot read"]}, root, code, err)


def test_check_reports_the_same_problems(tmp_path: Path) -> None:
    """``check`` reports what ``score`` reports (a sample), with exit 2."""
    by_id = {c["id"]: c for c in CASES}
    for cid in ("csv-misspelt-header", "units-two-roots", "config-grades-ascending"):
        case = by_id[cid]
        root = tmp_path / cid
        cfg = build(case, root)
        r = CliRunner().invoke(main, ["check", str(cfg), "--lang", "en"])
        assert r.exit_code == 2 and "Traceback" not in r.stderr
        for s in case["expect"]:
            assert s in r.stderr, (cid, s, r.stderr)
