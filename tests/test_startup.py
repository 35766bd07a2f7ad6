"""What a plain bureau's ``score`` imports: the start-up budget (docs/performance.md,
*Startup*) is spent on what the run uses, not on machinery for other inputs or outputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit import config
from bureaukit.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "configs" / "demo" / "bureau.toml"

NOT_ON_A_CSV_JSON_SCORE = {
    "bureaukit.federation",  # asked only whether the config is one (bureaukit.config.is_federation)
    "bureaukit.workbook",  # .xlsx facts: read only when a workbook is
    "xml.etree.ElementTree",
    "bureaukit.render.html",
    "bureaukit.render.table",
    "bureaukit.render.xlsx",
    "bureaukit.render.csvzip",
    "bureaukit.archive.diff",
    "bureaukit.archive.rows",
}


def test_a_json_score_of_csv_ledgers_imports_no_other_formats_machinery(tmp_path: Path) -> None:
    env = {**os.environ, "BUREAUKIT_ARCHIVE_URL": f"sqlite:///{tmp_path / 'archive.sqlite'}"}
    cmd = [sys.executable, "-X", "importtime", "-m", "bureaukit", "score", str(DEMO), "-f", "json",
           "-o", str(tmp_path / "demo.json")]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    assert p.returncode == 0, p.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in p.stderr.splitlines() if line.startswith("import time:")}
    assert {"bureaukit.engine", "bureaukit.result", "bureaukit.archive.store"} <= imported  # it did look
    assert not imported & NOT_ON_A_CSV_JSON_SCORE


def test_a_sound_bureau_is_structured_without_detailed_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The config and all six campaigns' settings take the quick pass: cattrs' detailed
    structuring code (twice as long to generate) is made only for a config that fails
    (``tests/test_config_errors_once.py`` holds the messages equal)."""
    monkeypatch.setattr(config, "_CONVERTERS", {})
    r = CliRunner().invoke(main, ["score", str(DEMO), "-f", "json", "-o", str(tmp_path / "demo.json"), "--no-archive"])
    assert r.exit_code == 0, r.stderr
    assert set(config._CONVERTERS) == {False}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_csv_ledger_is_opened_once(tmp_path: Path, encoding: str) -> None:
    """The CSV reader checks a file's bytes (binary, header length, encoding) and reads
    its rows through one open handle; a GB18030 file (decoded twice) too."""
    from bureaukit.readers import read_csv

    opened: list[str] = []

    class Counted(type(tmp_path)):  # type: ignore[misc]
        def open(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            opened.append(self.name)
            return super().open(*args, **kwargs)

    path = Counted(tmp_path / "units.csv")
    path.write_bytes("编号,名称\nU1,办公室\nU2,财务科\n".encode(encoding))
    opened.clear()
    table = read_csv(path, None)
    assert table.header == ["编号", "名称"]
    assert [row for _, row in table.rows] == [["U1", "办公室"], ["U2", "财务科"]]
    assert table.encoding == ("GB18030" if encoding == "gb18030" else "UTF-8")
    assert opened == ["units.csv"]
