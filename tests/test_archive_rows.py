"""Ledger rows that differ between two versions of a file (LIFECYCLE §4): the rows both
versions share at the top and bottom are set aside before aligning the rest, and the
answer is the one aligning every row gives."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bureaukit.archive import rows as rows_module
from bureaukit.archive.rows import FileChange, core_readers, diff_rows

READERS = core_readers()


def _csv(rows: list[tuple[str, str]]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["编号", "本年完成固定资产投资"])
    w.writerows(rows)
    return out.getvalue().encode("utf-8")


def _lines(change: FileChange) -> list[str]:
    return [r.line() for r in change.rows]


def test_one_changed_cell_in_a_long_ledger(tmp_path: Path) -> None:
    before = [(f"p{i}", str(100 + i)) for i in range(1, 201)]
    after = list(before)
    after[12] = ("p13", "1200")  # row 14 of the file: the header is row 1
    change = diff_rows("ledgers/progress.csv", _csv(before), _csv(after), READERS, tmp_path)
    assert _lines(change) == ["ledgers/progress.csv:14: 本年完成固定资产投资 113 → 1200"]


def test_line_ends_alone_change_no_row(tmp_path: Path) -> None:
    data = _csv([("p1", "800"), ("p2", "900")])
    assert diff_rows("a.csv", data, data.replace(b"\n", b"\r\n"), READERS, tmp_path).rows == ()


def test_rows_added_at_the_end_and_removed_at_the_top(tmp_path: Path) -> None:
    before = [("p1", "1"), ("p2", "2"), ("p3", "3")]
    after = [("p2", "2"), ("p3", "3"), ("p4", "4")]
    change = diff_rows("a.csv", _csv(before), _csv(after), READERS, tmp_path)
    assert _lines(change) == ["a.csv:2: removed: p1, 1", "a.csv:4: added: p4, 4"]


rows_st = st.lists(st.tuples(st.text("pq", min_size=1, max_size=3), st.sampled_from(["1", "2", "800"])),
                   max_size=30, unique=True)


@settings(max_examples=100, deadline=None)
@given(before=rows_st, edits=st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["add", "drop", "set"])),
                                      max_size=3))
def test_setting_aside_the_shared_ends_gives_what_aligning_every_row_gives(
    tmp_path_factory: pytest.TempPathFactory, before: list[tuple[str, str]], edits: list[tuple[int, str]]
) -> None:
    after = list(before)
    for at, what in edits:
        i = at % (len(after) + 1)
        if what == "add":
            after.insert(i, ("new", "9"))
        elif after and what == "drop":
            del after[i % len(after)]
        elif after:
            after[i % len(after)] = (after[i % len(after)][0], "7")
    folder = tmp_path_factory.mktemp("rows")
    trimmed = diff_rows("a.csv", _csv(before), _csv(after), READERS, folder)
    with pytest.MonkeyPatch.context() as mp:  # the plain path: every row aligned
        mp.setattr(rows_module, "_shared_ends", lambda a, b: (0, 0))
        whole = diff_rows("a.csv", _csv(before), _csv(after), READERS, folder)
    assert trimmed.rows == whole.rows
    assert (trimmed.rows == ()) == (before == after)


def _workbook(sheets: dict[str, list[tuple[str, object]]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(["编号", "本年完成固定资产投资"])
        for row in rows:
            ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_every_sheet_of_a_workbook_is_compared(tmp_path: Path) -> None:
    """A workbook whose ledgers sit on several sheets (``x.xlsx#项目``, ``x.xlsx#进度``):
    a change on any sheet is found and named with its sheet; a sheet added is named."""
    from bureaukit.archive.rows import diff_files

    before = _workbook({"项目": [("p1", 800), ("p2", 900)], "进度": [("p1", 100), ("p2", 200)]})
    after = _workbook({"项目": [("p1", 800), ("p2", 900)], "进度": [("p1", 100), ("p2", 250)],
                       "备注": [("p1", 1)]})
    changes = diff_files({"x.xlsx": ("sha256:a", before)}, {"x.xlsx": ("sha256:b", after)}, READERS)
    assert [(c.file, c.note, _lines(c)) for c in changes] == [
        ("x.xlsx#进度", "", ["x.xlsx#进度:3: 本年完成固定资产投资 200 → 250"]),
        ("x.xlsx#备注", "a new sheet", []),
    ]
    # the rows keep the file as evidence cites it (without the sheet), for the outcomes behind them
    assert [(r.file, r.sheet, r.row) for r in changes[0].rows] == [("x.xlsx", "进度", 3)]
    # a workbook of one sheet is compared as before, without a sheet in its name
    one = diff_files({"y.xlsx": ("sha256:a", _workbook({"S": [("p1", 1)]}))},
                     {"y.xlsx": ("sha256:b", _workbook({"S": [("p1", 2)]}))}, READERS)
    assert [(c.file, _lines(c)) for c in one] == [("y.xlsx", ["y.xlsx:2: 本年完成固定资产投资 1 → 2"])]


def test_a_change_citing_none_of_the_changed_rows_names_the_changed_ledgers() -> None:
    """A number that moved while a ledger changed, though it cites none of the changed rows
    (a total computed from another ledger's projects), is not put down to 'no input'."""
    from datetime import date

    from bureaukit.archive.diff import RunDiff
    from bureaukit.archive.rows import RowChange
    from bureaukit.archive.store import RunInfo

    def run(n: int) -> RunInfo:
        return RunInfo("demo", n, "2015-01-10T08:00:00Z", "张三", "2014", date(2014, 12, 31), date(2014, 12, 31),
                       "recorded", False, "zh", "bureau.toml", {"bureaukit": "0.1.0"}, "k", "sha256:r", "")

    progress = FileChange("ledgers/investment/progress.csv",
                          (RowChange("ledgers/investment/progress.csv", "changed", 3, 3),))
    d = RunDiff(run(4), run(5), ("100.00%", "100.00%"), (progress,), (), ())
    assert d.reason_without_rows() == ("changed ledgers, none of whose changed rows it cites: "
                                       "ledgers/investment/progress.csv")
    assert RunDiff(run(4), run(5), ("100.00%", "100.00%"), (), (), ()).reason_without_rows() == "no input changed"
