"""The demo's ledgers saved as Excel workbooks score exactly as the CSVs do (CORE §5: a
sheet is read as the clerk sees it, whatever it is saved as).

Each CSV becomes an .xlsx the way Excel stores what a clerk types: numbers as numeric
cells (a whole number too, which a workbook reader hands over as 77.0), dates as date
cells, everything else as text. The result must be the CSVs' result, byte for byte, but
for the files' names and hashes: the same scores, payments, findings and every note.
Found: a whole number in a workbook was quoted ``77.0`` in wubi's rating averages.
"""

from __future__ import annotations

import csv
import datetime
import re
import shutil
import sys
from pathlib import Path

import pytest

import bureaukit

openpyxl = pytest.importorskip("openpyxl")

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo"
NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def as_typed(cell: str) -> object:
    """What Excel stores for *cell* typed into a General-format cell."""
    if NUMBER.fullmatch(cell):
        return float(cell) if "." in cell else int(cell)
    if m := DATE.fullmatch(cell):
        return datetime.datetime(int(m[1]), int(m[2]), int(m[3]))
    return cell or None


def saved_as_xlsx(folder: Path) -> None:
    """Every CSV under *folder* replaced by a workbook, and the configs pointed at them."""
    for path in sorted(folder.rglob("*.csv")):
        wb = openpyxl.Workbook()
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                wb.active.append([as_typed(c) for c in row])
        wb.save(path.with_suffix(".xlsx"))
        path.unlink()
    for toml in folder.rglob("*.toml"):
        toml.write_text(toml.read_text(encoding="utf-8").replace('.csv"', '.xlsx"'), encoding="utf-8")


def comparable(result: bureaukit.Result) -> str:
    return re.sub(r"sha256:[0-9a-f]+", "sha256:…", result.to_json().replace(".xlsx", ".csv"))


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_the_demo_saved_as_workbooks_scores_as_its_csvs(tmp_path: Path, engine: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if engine == "openpyxl":
        monkeypatch.setitem(sys.modules, "python_calamine", None)  # the fallback reader
    else:
        pytest.importorskip("python_calamine")
    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder, ignore=shutil.ignore_patterns("*.sqlite*"))
    saved_as_xlsx(folder)
    assert not list(folder.rglob("*.csv")) and len(list(folder.rglob("*.xlsx"))) > 25
    from_csv = bureaukit.score(bureaukit.load(DEMO / "bureau.toml"))
    from_xlsx = bureaukit.score(bureaukit.load(folder / "bureau.toml"))
    assert comparable(from_xlsx) == comparable(from_csv)
