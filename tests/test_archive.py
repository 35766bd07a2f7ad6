"""The archive (LIFECYCLE §1, §7) on SQLite and on a real PostgreSQL server: recording
through ``score``, ``runs``, the archived inputs, and every fault a clerk can meet."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bureaukit.archive import SCHEMA_VERSION, ArchiveError, open_archive
from bureaukit.cli import main

pytestmark = pytest.mark.usefixtures("tiny_enabled")

TESTS = Path(__file__).resolve().parent


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def _runs(url: str, bureau: str = "t") -> list[Any]:
    with open_archive(url) as a:
        return a.runs(bureau)


def test_score_records_each_new_run_once(recorded: Path, archive_url: str, bureau_dir: Path) -> None:
    cfg = str(recorded)
    code, out, err = run("score", cfg, "-f", "json", "--by", "张三")
    assert code == 0, err
    # the bureau speaks Chinese (no [bureau] language: zh)
    assert f"已存档：第 1 次运行（2014，截至 2014-12-31），存于 {archive_url}" in err
    # the same inputs again: nothing new
    code, _, err = run("score", cfg, "-f", "json")
    assert code == 0 and "输入与第 1 次运行相同：不再重复存档" in err
    # an interim run (as of 30 June) is a new run; so is an edited ledger
    code, _, err = run("score", cfg, "--as-of", "2014-06-30", "-f", "json")
    assert code == 0 and "已存档：第 2 次运行（2014，截至 2014-06-30）" in err
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    original = deeds.read_bytes()
    deeds.write_text(original.decode() + "d4,s3,2014-09-01,走访,,,,\n", encoding="utf-8")
    code, _, err = run("score", cfg, "-f", "json")
    assert code == 0 and "已存档：第 3 次运行" in err
    runs = _runs(archive_url)
    assert [(r.number, r.by, r.as_of.isoformat(), r.status) for r in runs][:1] == [(1, "张三", "2014-12-31", "recorded")]
    assert [r.number for r in runs] == [1, 2, 3]
    with open_archive(archive_url) as a:
        # run 1's result is the JSON score printed, byte for byte
        assert a.result_json("t", 1) == out
        # and its inputs are the files as they were then, not as they are now
        inputs = a.inputs("t", 1)
        assert inputs["ledgers/deeds.csv"] == original
        assert inputs["bureau.toml"] == recorded.read_bytes()
        assert set(inputs) == {"bureau.toml", "org/units.csv", "org/people.csv", "ledgers/deeds.csv"}
        assert a.inputs("t", 3)["ledgers/deeds.csv"].endswith(b"d4,s3,2014-09-01,\xe8\xb5\xb0\xe8\xae\xbf,,,,\n")
        # the unchanged files are stored once (deduplicated by sha256)
        rows = a.db.execute("SELECT COUNT(*) FROM blobs")
    # 4 inputs of run 1 + the changed deeds.csv + 3 distinct results
    assert rows[0][0] == 4 + 1 + 3


def test_plain_tables_answer_sql(recorded: Path, archive_url: str) -> None:
    assert run("score", str(recorded), "-f", "json")[0] == 0
    with open_archive(archive_url) as a:
        cards = a.db.execute("SELECT subject, composite, rank FROM run_scorecards WHERE number = 1 ORDER BY subject")
        fees = a.db.execute("SELECT subject, amount FROM run_payments WHERE number = 1 ORDER BY subject")
        findings = a.db.execute("SELECT subject, code, severity FROM run_findings WHERE number = 1 AND code = 'tiny.open'")
        missing = a.db.execute("SELECT COUNT(*) FROM run_findings WHERE number = 1 AND code = 'tiny.step_missing'")
    # tiny: s1 has 2 deeds of a target of 2 → 100 points; s2 1 → 50; s3 and off none → 0
    assert ("unit:s1", "100.00", 1) in cards and ("unit:s2", "50.00", 2) in cards
    # d1's fee of 100 split between p2 and p3, d3's to p4
    assert fees == [("person:p2", "50.00"), ("person:p3", "50.00"), ("person:p4", "100.00")]
    assert findings == [("unit:s1", "tiny.open", "warning")]
    # no steps kept: each of the 4 units misses both prep steps (方案, 动员)
    assert missing == [(8,)]


def test_runs_command_and_no_archive(recorded: Path, archive_url: str) -> None:
    cfg = str(recorded)
    code, out, _ = run("runs", cfg, "--lang", "en")
    assert code == 0 and "no runs recorded yet" in out
    code, out, _ = run("runs", cfg)
    assert code == 0 and "中尚无存档的运行" in out
    assert run("score", cfg, "--no-archive", "-f", "json")[0] == 0
    assert run("score", cfg, "--campaign", "tiny", "-f", "json")[0] == 0  # all enabled: recorded
    code, out, _ = run("runs", cfg, "--period", "2014", "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["run", "recorded"]
    assert len(lines) == 3 and lines[2].split()[0] == "1"
    assert "recorded" in lines[2] and "4 ranked; 8 violations; fee 200.00" in lines[2]
    # the same run in the bureau's Chinese: the stored summary read in the run's language
    code, out, _ = run("runs", cfg, "--period", "2014")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:3] == ["运行", "记录时间（UTC）", "操作人"]
    assert "已记录" in lines[2] and "4 个单位排名；8 项违规；稿酬 200.00 元" in lines[2]
    code, out, _ = run("runs", cfg, "--period", "2015", "--lang", "en")
    assert code == 0 and "no runs recorded yet" in out and "for period 2015" in out
    code, out, _ = run("runs", cfg, "--period", "2015")
    assert code == 0 and "中尚无考核期 2015 的存档运行" in out


def test_a_run_that_does_not_exist_is_an_input_error(recorded: Path, archive_url: str) -> None:
    assert run("score", str(recorded), "-f", "json")[0] == 0
    with open_archive(archive_url) as a, pytest.raises(ArchiveError, match=r"run 7: no such run .*runs 1 to 1"):
        a.run("t", 7)


def test_config_archive_url_relative_to_the_config(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUREAUKIT_ARCHIVE_URL", raising=False)
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + '\n[archive]\nurl = "sqlite:///archive.sqlite"\n', encoding="utf-8")
    elsewhere = bureau_dir / "org"
    monkeypatch.chdir(elsewhere)
    assert run("score", str(cfg), "-f", "json")[0] == 0
    db = bureau_dir / "archive.sqlite"
    assert db.exists() and not (elsewhere / "archive.sqlite").exists()
    assert db.stat().st_mode & 0o777 == 0o600  # names, penalties and money: the owner's only
    code, _, err = run("check", str(cfg))
    assert code == 0, err


def test_unknown_archive_key_is_a_config_error(bureau_dir: Path) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + '\n[archive]\nurll = "x"\n', encoding="utf-8")
    code, _, err = run("check", str(cfg))
    assert code == 2 and "archive" in err and "urll" in err


def test_two_recorders_at_once_both_succeed(recorded: Path, archive_url: str) -> None:
    # through the module attributes: tiny_enabled patches bureaukit.bureau.load, and
    # bureaukit.load would keep the patched function for every later test
    import bureaukit.bureau
    import bureaukit.engine

    bureau = bureaukit.bureau.load(recorded)
    results = [bureaukit.engine.score(bureau, "2014", f"2014-0{m}-28") for m in range(1, 9)]
    # a timeout: a recorder that fails before the barrier must fail the test, not hang the
    # others for ever (a loaded box once sat 23 minutes here)
    barrier = threading.Barrier(len(results), timeout=120)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def record(result: Any) -> None:
        try:
            with open_archive(archive_url) as a:
                barrier.wait()
                numbers.append(a.record(bureau, result).run.number)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=record, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 9))
    assert sorted(r.as_of.month for r in _runs(archive_url)) == list(range(1, 9))


def test_a_recorder_waits_for_another_only_so_long(recorded: Path, archive_url: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """One recorder holding the bureau's write lock (a hung colleague's run on the hub):
    another waits BUSY_MS, then says so and records nothing — on PostgreSQL too, whose
    advisory lock waited for ever."""
    import bureaukit.bureau
    import bureaukit.engine
    from bureaukit.archive.db import Database

    bureau = bureaukit.bureau.load(recorded)
    result = bureaukit.engine.score(bureau, "2014", "2014-03-31")
    before = len(_runs(archive_url, result.bureau_id))
    monkeypatch.setattr(Database, "BUSY_MS", 300)
    with open_archive(archive_url) as holder, holder.db.guard(), holder.db.write(result.bureau_id):
        with open_archive(archive_url) as waiting:
            started = time.monotonic()
            with pytest.raises(ArchiveError, match="another bureaukit held the archive too long"):
                waiting.record(bureau, result)
            assert time.monotonic() - started < 30
    assert len(_runs(archive_url, result.bureau_id)) == before


KILL_SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
import tiny, bureaukit
from bureaukit.archive import open_archive
from bureaukit.archive import store
bureau = bureaukit.load({cfg!r}, plugins=[tiny])
result = bureaukit.score(bureau, "2014", "2014-03-31")
real = store.Archive._insert_tables
def slow(self, info, result):
    real(self, info, result)  # the run, its files and its tables are written, not committed
    open({flag!r}, "w").close()
    time.sleep(60)
store.Archive._insert_tables = slow
with open_archive({url!r}) as a:
    a.record(bureau, result)
"""


def test_kill_9_while_recording_leaves_the_archive_as_before(recorded: Path, archive_url: str, tmp_path: Path) -> None:
    assert run("score", str(recorded), "-f", "json")[0] == 0
    flag = tmp_path / "inside"
    script = KILL_SCRIPT.format(tests=str(TESTS), cfg=str(recorded), flag=str(flag), url=archive_url)
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 60
    while not flag.exists():
        assert proc.poll() is None, "the recorder ended before it was killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.kill()  # SIGKILL: no handler, no rollback from the process itself
    proc.wait()
    assert [r.number for r in _runs(archive_url)] == [1]
    with open_archive(archive_url) as a:
        assert a.db.execute("SELECT COUNT(*) FROM run_files WHERE number = 2")[0][0] == 0
        assert a.db.execute("SELECT COUNT(*) FROM run_scores WHERE number = 2")[0][0] == 0
        if a.db.kind == "sqlite":
            assert a.db.execute("PRAGMA integrity_check") == [("ok",)]
    # and the next recorder takes number 2
    assert "已存档：第 2 次运行" in run("score", str(recorded), "--as-of", "2014-03-31", "-f", "json")[2]


# --- SQLite faults --------------------------------------------------------------------------


@pytest.fixture
def sqlite_bureau(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db = bureau_dir / "archive.sqlite"
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", f"sqlite:///{db}")
    return bureau_dir / "bureau.toml", db


def test_no_archive_creates_no_file(sqlite_bureau: tuple[Path, Path]) -> None:
    cfg, db = sqlite_bureau
    assert run("score", str(cfg), "--no-archive", "-f", "json")[0] == 0
    assert not db.exists()


def test_corrupt_file_is_refused_and_left_alone(sqlite_bureau: tuple[Path, Path], tmp_path: Path) -> None:
    cfg, db = sqlite_bureau
    db.write_bytes(b"PK\x03\x04 this is a zip, not an archive" * 100)
    before = db.read_bytes()
    report = tmp_path / "r.json"
    code, _, err = run("score", str(cfg), "-o", str(report), "--lang", "en")
    assert code == 2 and "not an SQLite database bureaukit can read" in err and "Traceback" not in err
    assert db.read_bytes() == before and not report.exists()
    code, _, err = run("runs", str(cfg), "--lang", "en")
    assert code == 2 and "corrupt or foreign" in err
    code, _, err = run("runs", str(cfg))
    assert code == 2 and f"存档 {db}：不是 bureaukit 能读取的 SQLite 数据库（文件损坏或并非存档）；文件未改动" in err


def test_foreign_sqlite_database_is_refused(sqlite_bureau: tuple[Path, Path]) -> None:
    cfg, db = sqlite_bureau
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE invoices (id INTEGER)")
    c.close()
    before = db.read_bytes()
    code, _, err = run("score", str(cfg), "-f", "json", "--lang", "en")
    assert code == 2 and "not a bureaukit archive (it holds other tables: invoices)" in err
    code, _, err = run("score", str(cfg), "-f", "json")
    assert code == 2 and "不是 bureaukit 存档（其中已有其他表：invoices）；请指定新文件或空数据库" in err
    assert db.read_bytes() == before


def _set_schema(url: str, version: str) -> None:
    """Write *version* into the archive's meta as another bureaukit would (bypassing this one)."""
    if url.startswith("sqlite:///"):
        with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as c, c:
            c.execute("UPDATE archive_meta SET value = ? WHERE key = 'schema'", (version,))
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        c.execute("UPDATE archive_meta SET value = %s WHERE key = 'schema'", (version,))


def _snapshot(url: str) -> Any:
    """The archive's content, to show it was not changed."""
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).read_bytes()
    import psycopg

    with psycopg.connect(url, autocommit=True) as c:
        return [c.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("archive_meta", "runs", "audit")]


def test_newer_schema_is_refused(recorded: Path, archive_url: str) -> None:
    assert run("score", str(recorded), "-f", "json")[0] == 0
    _set_schema(archive_url, "99")
    before = _snapshot(archive_url)
    code, _, err = run("score", str(recorded), "--as-of", "2014-05-31", "-f", "json", "--lang", "en")
    assert code == 2 and "Traceback" not in err
    assert f"written by a newer bureaukit (archive schema 99; this bureaukit knows up to {SCHEMA_VERSION})" in err
    for command in (["runs"], ["audit"], ["diff"]):
        code, _, err = run(*command, str(recorded), "--lang", "en")
        assert code == 2 and "written by a newer bureaukit" in err, command
        code, _, err = run(*command, str(recorded))
        assert code == 2 and f"由更新版本的 bureaukit 写入（存档结构版本 99；本版本最高支持 {SCHEMA_VERSION}）" in err, command
    assert _snapshot(archive_url) == before


def _as_schema_1(url: str) -> None:
    """Turn an archive into what the bureaukit of schema 1 wrote: the later schemas'
    columns dropped (SQLite ≥ 3.35 and PostgreSQL drop columns), the version set back."""
    from bureaukit.archive.db import MIGRATIONS

    drops = [stmt.replace(" ADD COLUMN ", " DROP COLUMN ").rsplit(" ", 1)[0]
             for version in (2, 3) for stmt in MIGRATIONS[version]]
    if url.startswith("sqlite:///"):
        with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as c, c:
            for stmt in drops:
                c.execute(stmt)
    else:
        import psycopg

        with psycopg.connect(url, autocommit=True) as c:
            for stmt in drops:
                c.execute(stmt)
    _set_schema(url, "1")


def test_an_archive_of_schema_1_is_migrated_forward(recorded: Path, archive_url: str, bureau_dir: Path) -> None:
    """An archive of schema 1 (before appeal decisions were audited (2) and diff read the
    plain tables (3)) is migrated forward: its runs and audit records kept, its runs compared
    on their result JSON, and a run recorded after the migration compared with them."""
    cfg = str(recorded)
    assert run("score", cfg, "--as-of", "2014-06-30", "-f", "json")[0] == 0
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8").replace("d1,s1,", "d1,s2,"), encoding="utf-8")
    assert run("score", cfg, "-f", "json")[0] == 0
    assert run("finalise", cfg, "--period", "2014", "--by", "张三", "--note", "年终结算")[0] == 0
    code, expected, _ = run("diff", cfg, "1", "2", "-f", "json")
    assert code == 0
    _as_schema_1(archive_url)
    with open_archive(archive_url) as a:  # migrated on opening
        assert dict(a.db.execute("SELECT key, value FROM archive_meta"))["schema"] == str(SCHEMA_VERSION)
        assert "item" in {c.lower() for c in _columns(a, "audit")}
        assert [(r.number, r.status, r.time_progress) for r in a.runs("t")] == [(1, "recorded", None), (2, "final", None)]
        assert [(r.seq, r.by, r.action, r.item) for r in a.audit("t")] == [(1, "张三", "finalise", None)]
    code, out, _ = run("diff", cfg, "1", "2", "-f", "json")
    assert code == 0
    old, new = json.loads(out), json.loads(expected)
    # the same changes and the rows behind them, whether read from the JSON or the tables
    assert [(c["section"], c["key"], c["fields"], c["because"]) for c in old["changes"]] == \
        [(c["section"], c["key"], c["fields"], c["because"]) for c in new["changes"]]
    assert old["changes"] and any(c["because"] for c in old["changes"])


def _columns(a: Any, table: str) -> list[str]:
    if a.db.kind == "sqlite":
        return [str(r[1]) for r in a.db.execute(f"PRAGMA table_info({table})")]
    return [str(r[0]) for r in a.db.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()",
        (table,))]


@contextlib.contextmanager
def _read_only(*paths: Path) -> Iterator[None]:
    """Make *paths* read-only for this process: chmod, and for root (who writes to any
    file) the immutable attribute as well."""
    import shutil

    modes = {p: p.stat().st_mode for p in paths}
    immutable = os.geteuid() == 0 and shutil.which("chattr") is not None
    for p in paths:
        p.chmod(0o555 if p.is_dir() else 0o444)
    if immutable:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True)
    elif os.geteuid() == 0:
        pytest.skip("root without chattr cannot make a file read-only")
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        for p, m in modes.items():
            p.chmod(m)


def test_read_only_archive(sqlite_bureau: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> None:
    cfg, db = sqlite_bureau
    assert run("score", str(cfg), "-f", "json")[0] == 0
    before = db.read_bytes()
    report = tmp_path_factory.mktemp("out") / "r.json"
    with _read_only(db, db.parent):
        code, _, err = run("score", str(cfg), "--as-of", "2014-04-30", "-o", str(report), "--lang", "en")
        assert code == 2, err
        assert "read-only" in err and "nothing was recorded" in err and "Traceback" not in err
        code, _, err = run("score", str(cfg), "--as-of", "2014-04-30", "-o", str(report))
        assert code == 2 and "存档只读（请检查文件及其所在文件夹的权限）；未存档任何内容（存档保持原样）" in err
        assert not report.exists()
    assert db.read_bytes() == before
    assert [r.number for r in _runs(f"sqlite:///{db}")] == [1]


def test_full_disk_leaves_the_archive_as_before(sqlite_bureau: tuple[Path, Path], tmp_path: Path) -> None:
    import resource
    import signal

    cfg, db = sqlite_bureau
    cli = [sys.executable, str(TESTS / "tiny_cli.py")]
    assert subprocess.run([*cli, "score", str(cfg), "-f", "json"], capture_output=True, env=os.environ).returncode == 0
    # 3000 more deeds with random ids: the next run is far bigger than the disk allows
    deeds = cfg.parent / "ledgers" / "deeds.csv"
    extra = "".join(f"r{os.urandom(8).hex()},s3,2014-09-01,走访,,,,\n" for _ in range(3000))
    deeds.write_text(deeds.read_text(encoding="utf-8") + extra, encoding="utf-8")
    limit = max(db.stat().st_size, 64 * 1024)

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    report = tmp_path / "r.json"
    res = subprocess.run([*cli, "score", str(cfg), "-o", str(report), "--lang", "en"], capture_output=True,
                         text=True, preexec_fn=full_disk, env=os.environ)
    assert res.returncode == 2, res.stderr
    assert "disk is full" in res.stderr and "nothing was recorded" in res.stderr and "Traceback" not in res.stderr
    res = subprocess.run([*cli, "score", str(cfg), "-o", str(report)], capture_output=True, text=True,
                         preexec_fn=full_disk, env=os.environ)
    assert res.returncode == 2 and "磁盘已满（或文件无法增大）；未存档任何内容（存档保持原样）" in res.stderr
    assert not report.exists()
    assert [r.number for r in _runs(f"sqlite:///{db}")] == [1]
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    c.close()


# --- PostgreSQL faults ----------------------------------------------------------------------


def test_unreachable_postgresql_never_shows_the_password(bureau_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once closed
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", f"postgresql://clerk:Sup3rSecret@127.0.0.1:{port}/bureau")
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-f", "json", "--lang", "en")
    assert code == 2 and "cannot reach the PostgreSQL server" in err
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-f", "json")
    assert code == 2 and "无法连接 PostgreSQL 服务器（" in err and "Sup3rSecret" not in err
    assert "Sup3rSecret" not in err and f"postgresql://clerk:***@127.0.0.1:{port}/bureau" in err


@pytest.mark.parametrize("archive_url", ["postgresql"], indirect=True)
def test_password_in_url_is_never_printed(bureau_dir: Path, archive_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the test cluster trusts local connections: any password is accepted, none is printed
    url = archive_url.replace("bureaukit@", "bureaukit:Sup3rSecret@")
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", url)
    code, _, err = run("score", str(bureau_dir / "bureau.toml"), "-f", "json", "--lang", "en")
    assert code == 0 and "recorded run 1" in err and "Sup3rSecret" not in err and "bureaukit:***@" in err
    code, out, err = run("runs", str(bureau_dir / "bureau.toml"))
    assert code == 0 and "Sup3rSecret" not in out + err


def test_init_writes_the_archive_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUREAUKIT_ARCHIVE_URL", raising=False)
    assert run("init", str(tmp_path / "new"))[0] == 0
    text = (tmp_path / "new" / "bureau.toml").read_text(encoding="utf-8")
    assert '[archive]\n# 每次成功评分连同其输入一并存档于此（docs/lifecycle.md）\nurl = "sqlite:///archive.sqlite"' in text
    from bureaukit.archive import archive_url
    from bureaukit.config import read_config

    assert archive_url(read_config(tmp_path / "new" / "bureau.toml")) == "sqlite:///archive.sqlite"


def test_packed_result_is_the_json_byte_for_byte(recorded: Path, tmp_path: Path) -> None:
    """The archive packs the result's JSON in one pass, and ``score -f json`` writes its
    report from that: the same bytes as the plain encoding."""
    import hashlib
    import io
    import zlib

    import bureaukit.bureau
    from bureaukit.archive.store import PackedResult
    from bureaukit.engine import score

    result = score(bureaukit.bureau.load(recorded), None, None)
    plain = result.to_json().encode("utf-8")
    packed = PackedResult.of(result)
    out = io.BytesIO()
    packed.write(out)
    assert out.getvalue() == plain
    assert zlib.decompress(packed.data) == plain
    assert (packed.sha256, packed.size) == ("sha256:" + hashlib.sha256(plain).hexdigest(), len(plain))
    # through the command: with and without an archive, the same report
    code, _, err = run("score", str(recorded), "-o", str(tmp_path / "a.json"))
    assert code == 0 and "已存档：第 1 次运行" in err
    code, _, err = run("score", str(recorded), "--no-archive", "-o", str(tmp_path / "b.json"))
    assert code == 0 and "存档" not in err
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes() == plain


def test_recording_reads_only_content_not_stored_yet(recorded: Path, archive_url: str, bureau_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from bureaukit.archive import store

    assert run("score", str(recorded), "-f", "json")[0] == 0
    read: list[str] = []
    real = store.read_input
    monkeypatch.setattr(store, "read_input", lambda path: read.append(path.name) or real(path))
    deeds = bureau_dir / "ledgers" / "deeds.csv"
    deeds.write_text(deeds.read_text(encoding="utf-8") + "d4,s3,2014-09-01,走访,,,,\n", encoding="utf-8")
    code, _, err = run("score", str(recorded), "-f", "json")
    assert code == 0 and "已存档：第 2 次运行" in err
    assert read == ["deeds.csv"]  # the config and the org files are stored already


def test_a_recorded_score_imports_only_what_recording_needs(recorded: Path, archive_url: str, tmp_path: Path) -> None:
    """Recording is part of every ``score`` with an ``[archive]``: the diff and row
    machinery is imported only when a final period's inputs changed, psycopg only for a
    PostgreSQL archive."""
    cli = [sys.executable, "-X", "importtime", str(TESTS / "tiny_cli.py"), "score", str(recorded), "-o"]
    env = {**os.environ, "BUREAUKIT_ARCHIVE_URL": archive_url}
    for n in (1, 2):  # recording a new run, then finding it recorded
        p = subprocess.run([*cli, str(tmp_path / f"r{n}.json")], capture_output=True, text=True, env=env)
        assert p.returncode == 0, p.stderr
        imported = {line.split("|")[-1].strip() for line in p.stderr.splitlines() if line.startswith("import time:")}
        assert "bureaukit.archive.store" in imported
        assert not imported & {"bureaukit.archive.diff", "bureaukit.archive.rows", "bureaukit.archive.bulletin"}
        assert ("psycopg" in imported) == archive_url.startswith("postgresql")


def test_a_runs_summary_shows_money_as_reports_do() -> None:
    """Stored plain (one form whatever the language), shown with separators (REPORTS §2);
    a summary stored with separators by an earlier bureaukit reads the same."""
    from bureaukit.archive.store import summary_text
    from bureaukit.messages import speaking

    with speaking("zh"):
        assert summary_text("13 ranked; 29 violations; refund 44533.36; award 2000.00") == (
            "13 个单位排名；29 项违规；退还 44,533.36 元；奖金 2,000.00 元")
        assert summary_text("1 ranked; 0 violations; refund 1,200.00") == "1 个单位排名；0 项违规；退还 1,200.00 元"
    with speaking("en"):
        assert summary_text("2 ranked; 1 violations; deduction -1234.5") == "2 ranked; 1 violations; deduction -1,234.50"
