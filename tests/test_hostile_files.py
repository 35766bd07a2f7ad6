"""Hostile files (issue 18): special files, runaway sizes, deep nesting, broken pipes and
text that would drive a terminal. Each must end in bounded time and memory with a clear
message (exit 2), never a hang, a traceback, ``internal error`` or an output file.

Every case runs the real command in a subprocess (``python -m bureaukit.cli``) and
measures the child's wall time and peak memory (``ru_maxrss`` from ``os.wait4``). The
big and special files are built at test time, sparse where the file system allows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import attrs
import pytest

HERE = Path(__file__).resolve().parent
BASE = HERE / "bad_inputs" / "base"
DEMO = HERE.parent / "configs" / "demo"
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and /dev/full are POSIX")

# Bounds for one case: far above what each takes (a fraction of a second and ~60-90 MB
# for the small bureau), far below what the unguarded code did (a hang; gigabytes).
TIME_LIMIT = 60.0
MEMORY_LIMIT_MB = 400


@attrs.frozen
class Run:
    code: int
    out: bytes
    err: str
    seconds: float
    peak_mb: float


# The command runs under a small launcher that reports its child's peak RSS
# (RUSAGE_CHILDREN): measured from pytest itself, a child started by vfork would count
# the pages it shared with pytest (hundreds of MB late in a run) as its own.
LAUNCHER = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run([sys.executable, '-m', 'bureaukit.cli', *sys.argv[2:]])\n"
    "with open(sys.argv[1], 'w') as fh:\n"
    "    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(r.returncode if r.returncode >= 0 else 128 - r.returncode)\n"
)


def run_cli(
    args: list[str],
    cwd: Path,
    *,
    stdin: Any = subprocess.DEVNULL,
    stdout: Any = subprocess.PIPE,
    read: Callable[[IO[bytes]], bytes] | None = None,
    lang: str | None = "en",
) -> Run:
    """``bureaukit ARGS --lang LANG`` in a child process: its exit code, output, stderr, wall
    time and peak RSS. A child still running after TIME_LIMIT is killed and the test fails.
    These tests quote bureaukit's English (*lang* None: the bureau's own language)."""
    if lang is not None:
        args = [*args, "--lang", lang]
    rss_file = cwd / f".peak-rss-{os.getpid()}-{time.monotonic_ns()}"
    start = time.monotonic()
    p = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, str(rss_file), *args], cwd=cwd, stdin=stdin, stdout=stdout,
        stderr=subprocess.PIPE, env={**os.environ, "CI": "1"}, start_new_session=True,
    )
    # stderr is drained beside stdout: a child blocked writing one pipe while this reads
    # the other would be a hang of the test's own making
    errors: list[bytes] = []
    assert p.stderr is not None
    drain = threading.Thread(target=lambda: errors.append(p.stderr.read()), daemon=True)  # type: ignore[union-attr]
    drain.start()
    try:
        out = b""
        if p.stdout is not None:
            out = read(p.stdout) if read is not None else p.stdout.read()
            p.stdout.close()
        code = p.wait(timeout=max(1.0, start + TIME_LIMIT - time.monotonic()))
        drain.join(timeout=10)
        err = b"".join(errors).decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.wait()
        pytest.fail(f"{args} still running after {TIME_LIMIT} s")
    seconds = time.monotonic() - start
    peak_kb = int(rss_file.read_text())
    rss_file.unlink()
    return Run(code, out, err, seconds, peak_kb / 1024)


def assert_refused(r: Run, *expect: str, limit_mb: float = MEMORY_LIMIT_MB) -> None:
    assert r.code == 2, (r.code, r.err)
    assert "Traceback" not in r.err and "internal error" not in r.err, r.err
    for s in expect:
        assert s in r.err, (s, r.err)
    assert r.seconds < TIME_LIMIT
    assert r.peak_mb < limit_mb, f"peak {r.peak_mb:.0f} MB"


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    root = tmp_path / "b"
    shutil.copytree(BASE, root)
    (root / "out").mkdir()
    return root


def score(root: Path, *more: str) -> Run:
    return run_cli(["score", "bureau.toml", "-o", "out/report.json", *more], root)


def no_output(root: Path) -> None:
    assert not any((root / "out").iterdir()), list((root / "out").iterdir())


# --- special files -------------------------------------------------------------------


@posix_only
def test_a_fifo_ledger_is_refused_unread(bureau: Path) -> None:
    """Reading a FIFO blocks until a writer comes: it must never be opened."""
    ledger = bureau / "ledgers" / "surveys.csv"
    ledger.unlink()
    os.mkfifo(ledger)
    r = score(bureau)
    assert_refused(r, "surveys.csv: is a named pipe (FIFO), not a ledger file: bureaukit reads only regular files")
    no_output(bureau)


@posix_only
def test_a_fifo_unit_file_is_refused_unread(bureau: Path) -> None:
    units = bureau / "org" / "units.csv"
    units.unlink()
    os.mkfifo(units)
    assert_refused(score(bureau), "units.csv: is a named pipe (FIFO)")
    no_output(bureau)


@posix_only
def test_a_ledger_linked_to_stdin_is_refused_unread(bureau: Path) -> None:
    """A symlink to /dev/stdin, with stdin a pipe that never ends: reading it would hang."""
    ledger = bureau / "ledgers" / "problems.csv"
    ledger.unlink()
    ledger.symlink_to("/dev/stdin")
    r_fd, w_fd = os.pipe()  # the write end stays open for the whole run
    try:
        r = run_cli(["score", "bureau.toml", "-o", "out/report.json"], bureau, stdin=r_fd)
    finally:
        os.close(r_fd)
        os.close(w_fd)
    assert_refused(r, "problems.csv: is a named pipe (FIFO), not a ledger file")
    no_output(bureau)


@posix_only
def test_check_dev_zero_is_refused_unread(tmp_path: Path) -> None:
    r = run_cli(["check", "/dev/zero"], tmp_path)
    assert_refused(r, "/dev/zero: is a device, not a config file: bureaukit reads only regular files")


@posix_only
def test_a_ledger_that_is_dev_zero_is_refused_unread(bureau: Path) -> None:
    ledger = bureau / "ledgers" / "requests.csv"
    ledger.unlink()
    ledger.symlink_to("/dev/zero")
    assert_refused(score(bureau), "requests.csv: is a device, not a ledger file")
    no_output(bureau)


# --- sizes ---------------------------------------------------------------------------


def test_a_ledger_over_the_size_bound_is_refused_unread(bureau: Path) -> None:
    from bureaukit.files import MAX_LEDGER_BYTES

    ledger = bureau / "ledgers" / "surveys.csv"
    with ledger.open("r+b") as fh:  # sparse: the test never writes a gigabyte
        fh.truncate(MAX_LEDGER_BYTES + 1)
    r = score(bureau)
    assert_refused(r, "surveys.csv: the file has 1,073,741,825 bytes", "a ledger file may be at most 1 GiB")
    assert r.seconds < 20
    no_output(bureau)


def test_a_config_over_the_size_bound_is_refused_unread(bureau: Path) -> None:
    from bureaukit.files import MAX_CONFIG_BYTES

    with (bureau / "bureau.toml").open("r+b") as fh:
        fh.truncate(MAX_CONFIG_BYTES + 1)
    assert_refused(score(bureau), "bureau.toml: the file has 16,777,217 bytes", "a config file may be at most 16 MiB")


def test_a_100_mb_header_line_of_commas_is_refused_before_it_is_split(bureau: Path) -> None:
    """50 million header cells, each once went through difflib."""
    ledger = bureau / "ledgers" / "surveys.csv"
    with ledger.open("wb") as fh:
        chunk = b"," * (1 << 20)
        for _ in range(100):
            fh.write(chunk)
        fh.write("\nygs_n,满意,2014-05-10,x\n".encode())
    r = score(bureau)
    assert_refused(r, "surveys.csv:1: the first line (the header row) is longer than 1024 KiB", limit_mb=200)
    no_output(bureau)


def test_a_header_of_more_cells_than_excel_has_columns_is_refused(bureau: Path) -> None:
    """Under the line bound but over the column bound: 20,000 unknown headers. Only the
    first few get a did-you-mean, and no row is matched against them."""
    ledger = bureau / "ledgers" / "surveys.csv"
    ledger.write_text(",".join(f"列{i}" for i in range(20_000)) + "\n" + "x," * 19_999 + "x\n", encoding="utf-8")
    r = score(bureau)
    assert_refused(r, "surveys.csv:1: the header row has 20,000 cells; a ledger has at most 16,384 columns")
    no_output(bureau)


def test_thousands_of_unknown_headers_get_few_suggestions(bureau: Path) -> None:
    ledger = bureau / "ledgers" / "surveys.csv"
    header = ["单位", "测评结果", "日期", "服务对象", *(f"测评结果{i}" for i in range(5_000))]
    ledger.write_text(",".join(header) + "\n", encoding="utf-8")
    r = score(bureau)
    assert_refused(r, 'surveys.csv:1: 测评结果0: unknown column (did you mean "测评结果" / "answer"?)', "(5000 in all)")
    assert r.seconds < 20
    no_output(bureau)


# --- the unit tree -------------------------------------------------------------------


def _chain(bureau: Path, depth: int, cycle: bool) -> None:
    """A unit chain *depth* deep under the bureau (or closed into a cycle)."""
    rows = ["单位编号,单位名称,单位类型,上级单位", "bureau,测试局,bureau,"]
    for i in range(depth):
        parent = f"u{i - 1}" if i else ("u" + str(depth - 1) if cycle else "bureau")
        rows.append(f"u{i},单位{i},station,{parent}")
    rows += ["office,办公室,office,bureau", "ygs,运管所,institution,bureau", "ygs_n,北站,station,ygs"]
    (bureau / "org" / "units.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_a_5000_deep_unit_chain_scores_in_linear_time(bureau: Path) -> None:
    _chain(bureau, 5000, cycle=False)
    r = run_cli(["check", "bureau.toml"], bureau, lang=None)  # the bureau's own Chinese
    assert r.code == 0, r.err
    assert "检查通过：5004 个单位" in r.out.decode()  # the demo bureau speaks Chinese
    assert r.seconds < 30


def test_a_5000_unit_cycle_is_one_message_in_linear_time(bureau: Path) -> None:
    _chain(bureau, 5000, cycle=True)
    r = score(bureau)
    assert_refused(r, "units.csv:3: 上级单位: the unit tree has a cycle: u0 → u4999 → u4998")
    assert r.err.count("has a cycle") == 1
    assert r.seconds < 30
    no_output(bureau)


def test_tree_checks_are_linear_in_depth() -> None:
    """In-process, without start-up noise: a chain 8x deeper takes at most ~8x longer
    (the old cycle check was about cubic: 512x)."""
    from bureaukit.org import Unit, build_org

    def seconds(depth: int) -> float:
        units = [Unit("root", "r", "bureau", None)] + [
            Unit(f"u{i}", "n", "station", f"u{i - 1}" if i else "root") for i in range(depth)
        ]
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            org = build_org(units, [])
            depths = [org.depth(u.id) for u in units]
            best = min(best, time.perf_counter() - t)
        assert depths[-1] == depth
        return best

    small, big = seconds(1000), seconds(8000)
    assert big < 8 * small * 3, (small, big)


# --- config --------------------------------------------------------------------------


@pytest.mark.parametrize("nesting", ["[" * 100_000 + "]" * 100_000, "{ a = " * 50_000 + "1" + " }" * 50_000])
def test_deeply_nested_toml_is_a_config_error(bureau: Path, nesting: str) -> None:
    cfg = bureau / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('period = "2014"', f'period = "2014"\ndeep = {nesting}'), encoding="utf-8")
    assert_refused(score(bureau), "bureau.toml: TOML: arrays or inline tables nested too deeply")
    no_output(bureau)


# --- stdout --------------------------------------------------------------------------


def test_a_reader_that_leaves_ends_the_run_quietly(tmp_path: Path) -> None:
    """``score -f json | head -c 100``: exit 141 (as a shell shows for cat), no message."""
    def head(fh: IO[bytes]) -> bytes:
        return fh.read(100)

    # --no-archive: the demo's [archive] would add its "recorded run" line to stderr
    r = run_cli(["score", str(DEMO / "bureau.toml"), "--period", "2014", "-f", "json", "--no-archive"],
                tmp_path, read=head)
    assert r.out.startswith(b"{") and len(r.out) == 100
    assert r.err == "", r.err
    assert r.code == 141


@posix_only
@pytest.mark.parametrize("command", [
    ["score", "--period", "2014", "-f", "json", "--no-archive"], ["score", "--period", "2014", "--no-archive"], ["check"],
    ["explain", "unit:ygs", "--period", "2014"],
])
def test_a_full_disk_on_stdout_is_one_line_exit_2(tmp_path: Path, command: list[str]) -> None:
    args = [command[0], str(DEMO / "bureau.toml"), *command[1:]]
    with open("/dev/full", "wb") as full:
        r = run_cli(args, tmp_path, stdout=full)
    assert r.code == 2, r.err
    assert r.err == "cannot write to standard output: No space left on device\n"
    with open("/dev/full", "wb") as full:
        r = run_cli(args, tmp_path, stdout=full, lang=None)  # the demo bureau's own language
    assert r.code == 2 and r.err == "无法写入标准输出：磁盘空间不足\n"  # ENOSPC in Chinese


# --- text that would drive a terminal ------------------------------------------------

ESCAPES = ["\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\u202e", "\x9b31m", "\u2066", "\x08\x08\x08"]
RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\u2066", "\x08")


def assert_inert(text: str) -> None:
    for ch in RAW:
        assert ch not in text, (ch, text)


def test_messages_show_controls_in_headers_ids_and_keys(bureau: Path) -> None:
    """Unknown header, unknown reference, duplicate key: user text is shown <U+XXXX>."""
    req = bureau / "ledgers" / "requests.csv"
    lines = req.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[1] = "nowhere" + ESCAPES[0]  # the unit column
    lines[1] = ",".join(cells)
    lines.append(lines[2])  # a duplicate key
    req.write_text("\n".join(lines) + "\n", encoding="utf-8")
    surveys = bureau / "ledgers" / "surveys.csv"
    text = surveys.read_text(encoding="utf-8")
    surveys.write_text(text.replace("服务对象", "服务对象" + ESCAPES[1] + ESCAPES[2], 1), encoding="utf-8")
    r = score(bureau)
    assert_refused(r, "<U+001B>[2J<U+001B>[H", "服务对象<U+001B>]0;pwned<U+0007><U+202E>", "duplicate key")
    assert_inert(r.err)


def test_explain_and_the_table_show_controls(bureau: Path) -> None:
    """A ledger cell may not hold C0/C1 controls (a problem of its own), but bidi and
    zero-width characters are text; the bureau's name in the config may hold anything
    TOML can escape. Both are shown <U+XXXX> by explain and the table."""
    units = bureau / "org" / "units.csv"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("办公室", "办公室\u202e室公办\u2066\u200b"), encoding="utf-8")
    cfg = bureau / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('name = "坏输入测试局"', 'name = "坏输入\\u001b[2J\\u001b]0;pwned\\u0007测试局"'), encoding="utf-8")
    r = run_cli(["explain", "bureau.toml", "unit:office"], bureau)
    assert r.code == 0, r.err
    assert "办公室<U+202E>室公办<U+2066><U+200B>" in r.out.decode()
    assert_inert(r.out.decode())
    r = run_cli(["score", "bureau.toml"], bureau)
    assert r.code == 0, r.err
    assert "坏输入<U+001B>[2J<U+001B>]0;pwned<U+0007>测试局" in r.out.decode()
    assert "办公室<U+202E>室公办<U+2066><U+200B>" in r.out.decode()
    assert_inert(r.out.decode())


def test_an_unknown_subject_and_sheet_are_shown_inert(bureau: Path) -> None:
    r = run_cli(["explain", "bureau.toml", "x\x1b[2Jy\u202e"], bureau)
    assert_refused(r, 'no unit or person "x<U+001B>[2Jy<U+202E>"')
    assert_inert(r.err)


# --- workbooks -----------------------------------------------------------------------


def _xlsx_surveys(bureau: Path, sheet: str | bytes | None = None, shared: str | bytes | None = None) -> Path:
    """The surveys ledger as a workbook (the csv's rows from A1, or *sheet* as given)."""
    from workbooks import EMPTY_SST, sheet_xml, table_rows, write_workbook

    csv_path = bureau / "ledgers" / "surveys.csv"
    table = [line.split(",") for line in csv_path.read_text(encoding="utf-8-sig").splitlines() if line]
    cfg = bureau / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("ledgers/surveys.csv", "ledgers/surveys.xlsx"), encoding="utf-8")
    return write_workbook(
        bureau / "ledgers" / "surveys.xlsx",
        sheet if sheet is not None else sheet_xml(table_rows(table)),
        shared if shared is not None else EMPTY_SST,
    )


def _table(bureau: Path) -> list[list[str]]:
    text = (bureau / "ledgers" / "surveys.csv").read_text(encoding="utf-8-sig")
    return [line.split(",") for line in text.splitlines() if line]


def test_a_clean_workbook_passes_the_guard(bureau: Path) -> None:
    _xlsx_surveys(bureau)
    r = run_cli(["check", "bureau.toml"], bureau)
    assert r.code == 0, r.err


def test_one_stray_cell_at_the_last_cell_of_excel_is_named(bureau: Path) -> None:
    """Ctrl+End and a keystroke: python-calamine would ask for 512 GB and abort."""
    from workbooks import sheet_xml, table_rows

    rows = [*table_rows(_table(bureau)), (1048576, [("XFD1048576", "x")])]
    _xlsx_surveys(bureau, sheet_xml(rows))
    r = score(bureau)
    assert_refused(
        r, "surveys.xlsx: sheet xl/worksheets/sheet1.xml: its used range reaches row 1,048,576 and column XFD",
        "through cell XFD1048576: a stray cell far from the table? Delete it",
    )
    no_output(bureau)


def test_a_stray_cell_far_right_is_named(bureau: Path) -> None:
    from workbooks import sheet_xml, table_rows

    rows = table_rows(_table(bureau))
    rows[-1][1].append(("XFD30000", "x"))
    rows[-1] = (30_000, [(ref.rstrip("0123456789") + "30000", v) for ref, v in rows[-1][1]])
    _xlsx_surveys(bureau, sheet_xml(rows))
    assert_refused(score(bureau), "through cell XFD30000")


def test_a_declared_used_range_of_the_whole_grid_is_refused(bureau: Path) -> None:
    from workbooks import sheet_xml, table_rows

    _xlsx_surveys(bureau, sheet_xml(table_rows(_table(bureau)), dimension="A1:XFD1048576"))
    assert_refused(score(bureau), "the workbook says its used range is A1:XFD1048576 (17,179,869,184 cells")


def test_a_stray_cell_far_down_within_the_bound_is_read_past(bureau: Path) -> None:
    """A1048576 below a short table spans 4 million cells, within the bound: the blank
    rows are skipped and the real rows read, as a clerk would want."""
    from workbooks import sheet_xml, table_rows

    rows = [*table_rows(_table(bureau)), (1048576, [("A1048576", " ")])]
    _xlsx_surveys(bureau, sheet_xml(rows))
    r = run_cli(["check", "bureau.toml"], bureau)
    assert r.code == 0, r.err
    assert r.peak_mb < 600


@pytest.mark.parametrize(("ref", "message"), [
    ("A0", "a cell reference to row 0: the file is damaged"),
    ("A99999999", "the cell reference A99999999 lies beyond Excel's last row or column"),
    ("XFDA1", "the cell reference XFDA1 lies beyond Excel's last row or column"),
])
def test_a_cell_reference_outside_the_grid_is_refused(bureau: Path, ref: str, message: str) -> None:
    from workbooks import sheet_xml, table_rows

    rows = table_rows(_table(bureau))
    rows[-1][1].append((ref, "x"))
    _xlsx_surveys(bureau, sheet_xml(rows))
    assert_refused(score(bureau), message)


def test_one_huge_shared_string_is_refused_uninflated(bureau: Path) -> None:
    """A 20 MB shared string (the same bound holds for the 1.5 GB one, which also meets
    the part bound): longer than any ledger cell."""
    from workbooks import NS, sheet_xml, table_rows

    rows = table_rows(_table(bureau))
    sst = f'<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>'.encode() + b"x" * (20 << 20) + b"</t></si></sst>"
    rows[1][1].append(("E2", 0))
    _xlsx_surveys(bureau, sheet_xml(rows), sst)
    assert_refused(score(bureau), "the part xl/sharedStrings.xml holds a text of more than 10 MiB in one piece", limit_mb=200)


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook whose sheet inflates to 1.2 GB from ~1 MB (built once, streamed)."""
    import zipfile
    import zlib

    from workbooks import CONTENT_TYPES, NS, ROOT_RELS, WORKBOOK_RELS, workbook_xml

    path = tmp_path_factory.mktemp("bomb") / "surveys.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook_xml())
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(f'<worksheet xmlns="{NS}"><sheetData>'.encode())
            block = b"<row><c><v>1</v></c></row>" * (1 << 15)
            for _ in range(1_200_000_000 // len(block)):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 20 << 20 and zlib  # a few MB on disk
    return path


def test_a_zip_bomb_sheet_is_refused_by_its_declared_size(bureau: Path, bomb: Path) -> None:
    _xlsx_surveys(bureau)
    shutil.copy(bomb, bureau / "ledgers" / "surveys.xlsx")
    r = score(bureau)
    assert_refused(r, "the part xl/worksheets/sheet1.xml of the workbook inflates to 1.1 GiB (at most 1 GiB): a zip bomb", limit_mb=200)
    assert r.seconds < 20
    no_output(bureau)


def test_a_zip_bomb_whose_header_lies_is_bounded_while_it_inflates(bureau: Path, bomb: Path) -> None:
    """The same bomb with its declared size patched to 3 MB: the inflate stops there and
    the part is reported damaged (its CRC disagrees), never inflated further."""
    import struct
    import zipfile

    _xlsx_surveys(bureau)
    target = bureau / "ledgers" / "surveys.xlsx"
    data = bytearray(bomb.read_bytes())
    with zipfile.ZipFile(bomb) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    central = data.find(b"PK\x01\x02", info.header_offset + 30)
    while central >= 0:  # the central directory entry of that member
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_len] == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, central + 24, 3 << 20)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, info.header_offset + 22, 3 << 20)
    target.write_bytes(bytes(data))
    r = score(bureau)
    assert_refused(r, "the part xl/worksheets/sheet1.xml of the workbook is damaged", limit_mb=200)
    no_output(bureau)


# --- leftovers of a killed run --------------------------------------------------------


def test_temp_files_of_killed_runs_are_cleaned_on_the_next_write(bureau: Path) -> None:
    """A run killed while writing leaves its temp file: the next write removes it (its
    process is gone) and leaves everything else alone."""
    out = bureau / "out"
    # a writer killed mid-write: it creates its temp file the way write_atomic does and dies
    code = (
        "import os, sys; from pathlib import Path; from bureaukit.render import _create_temp; "
        "fd, tmp = _create_temp(Path(sys.argv[1])); os.write(fd, b'{half'); os._exit(9)"
    )
    subprocess.run([sys.executable, "-c", code, str(out)], check=False)
    (out / f".report.json.{_dead_pid()}.0123abcd.tmp").write_text("{half")  # the old naming
    live = out / f".report.json.{os.getpid()}.0123abcd.tmp"  # a live process's: kept
    live.write_text("{half")
    theirs = out / ".notes.tmp"
    theirs.write_text("mine")
    left = sorted(p.name for p in out.iterdir())
    assert len(left) == 4 and any(n.startswith(".bureaukit-") for n in left), left
    r = score(bureau)
    assert r.code == 0, r.err
    assert sorted(p.name for p in out.iterdir()) == sorted([live.name, theirs.name, "report.json"])


def test_a_temp_file_older_than_a_day_is_cleaned_whoever_left_it(tmp_path: Path) -> None:
    from bureaukit.render import STALE_TEMP_SECONDS, write_atomic

    other_host = tmp_path / f".bureaukit-00000000-{os.getpid()}-0123abcd.tmp"
    other_host.write_text("x")
    fresh = tmp_path / f".bureaukit-00000000-{os.getpid()}-4567abcd.tmp"
    fresh.write_text("x")
    then = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(other_host, (then, then))
    write_atomic(tmp_path / "r.json", b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, "r.json"])


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_a_report_name_of_the_longest_legal_length_is_written(bureau: Path) -> None:
    name = "考核" * 40 + "r" * (250 - 5 - 240) + ".json"  # 250 bytes in UTF-8
    assert len(name.encode()) == 250
    r = run_cli(["score", "bureau.toml", "-o", f"out/{name}"], bureau)
    assert r.code == 0, r.err
    assert [p.name for p in (bureau / "out").iterdir()] == [name]


def test_an_openpyxl_failure_mid_file_is_a_problem_at_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without python-calamine, openpyxl parses as rows are read: a damaged cell far down
    the sheet fails mid-file, and must be a problem line at that row, not a crash."""
    from workbooks import sheet_xml, write_workbook

    from bureaukit.provenance import Provenance
    from bureaukit.ledgers import Problems, Source, read_kind
    from bureaukit.org import Unit
    from bureaukit.readers import CORE_READERS
    from bureaukit.records import record_spec

    monkeypatch.setitem(sys.modules, "python_calamine", None)  # the fallback reader
    rows: list[tuple[int, list[tuple[str, str | int | float]]]] = [
        (1, [("A1", "单位编号"), ("B1", "单位名称"), ("C1", "单位类型"), ("D1", "上级单位")]),
        (2, [("A2", "bureau"), ("B2", "局"), ("C2", "bureau")]),
    ]
    xml = sheet_xml(rows).replace("</sheetData>", '<row r="3"><c r="A3" t="b"><v>maybe</v></c></row></sheetData>')
    path = write_workbook(tmp_path / "units.xlsx", xml)
    problems = Problems()
    xlsx = next(r for r in CORE_READERS if ".xlsx" in r.suffixes)
    read_kind(record_spec(Unit), [Source("units.xlsx", path, None)], {".xlsx": xlsx}, problems, Provenance())
    assert any(line.endswith("units.xlsx:3: cannot read the sheet: invalid literal for int() with base 10: 'maybe'")
               for line in problems.lines), problems.lines


def test_an_unreadable_row_while_the_header_is_sought_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by fuzz_xlsx.py through openpyxl: a damaged cell reference in the rows above
    the header (a title row) raised out of the header search instead of being reported."""
    from workbooks import write_workbook

    from bureaukit.provenance import Provenance
    from bureaukit.ledgers import Problems, Source, read_kind
    from bureaukit.org import Unit
    from bureaukit.readers import CORE_READERS
    from bureaukit.records import record_spec

    monkeypatch.setitem(sys.modules, "python_calamine", None)  # the fallback reader
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>2014年单位表</t></is></c></row>'
        '<row r="2"><c r="$A$" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    path = write_workbook(tmp_path / "units.xlsx", xml)
    problems = Problems()
    xlsx = next(r for r in CORE_READERS if ".xlsx" in r.suffixes)
    read_kind(record_spec(Unit), [Source("units.xlsx", path, None)], {".xlsx": xlsx}, problems, Provenance())
    assert any("cannot read the sheet" in line for line in problems.lines), problems.lines
