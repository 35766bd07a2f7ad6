"""Ledgers read column by column give what the row builder gives (bureaukit.columns).

A chunk of clean rows is built a column at a time; any other chunk goes through the row
builder. Whatever mixes of clean and unclean rows a ledger holds, and wherever the chunks
break, both ways must give the same records (same values, same types, same text of every
Decimal), at the same rows, with the same problems and notes in the same order."""

from __future__ import annotations

import csv
import enum
import io
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bureaukit import Ledger, col, columns, ledgers
from bureaukit.ledgers import (
    BOOKKEEPING_COLUMNS,
    Problems,
    Source,
    header_key,
    header_lookup,
    read_table,
)
from bureaukit.provenance import Provenance
from bureaukit.readers import Table, read_csv
from bureaukit.records import record_spec

pytestmark = pytest.mark.usefixtures("english")


class Kind(enum.Enum):
    visit = "走访"
    report = "报告"


@attrs.frozen
class Entry:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "登记", "en": "Entries"}, key=("id",))
    id: str = attrs.field(metadata=col("编号"))
    when: date = attrs.field(metadata=col("日期"))
    amount: Decimal = attrs.field(default=attrs.Factory(Decimal), metadata=col("金额"))
    kind: Kind | None = attrs.field(default=None, metadata=col("类型"))
    people: tuple[str, ...] = attrs.field(default=(), metadata=col("人员"))
    note: str | None = attrs.field(default=None, metadata=col("内容"))
    urgent: bool = attrs.field(default=False, metadata=col("紧急"))

    @id.validator
    def _not_refused(self, _attribute: object, value: str) -> None:
        if value == "refused":
            raise ValueError("id may not be refused")


SPEC = record_spec(Entry)
HEADER = ["序号", "编号", "日期", "金额", "类型", "人员", "内容", "紧急", "", "备注"]
"""序号 and 备注 are read by nobody; the column without a header is counted."""

CLEAN = {
    "序号": ["1", "2", "17"],
    "编号": ["a1", "b2", " c3 ", "XM-1", "TJ-9", "Sx"],
    "日期": ["2014-05-20", "2014/5/2", "2014年5月20日", "20140601"],
    "金额": ["", "1", "2.50", "1,234", " 7 "],
    "类型": ["", "visit", "走访", "report"],
    "人员": ["", "p1", "p1;p2", "p1、p2", "；"],
    "内容": ["", " ", "hello", " hi ", "\u3000"],
    "紧急": ["", "是", "否", "yes"],
    "": ["", "", "x"],
    "备注": ["", "注"],
}
UNCLEAN = {
    "序号": ["", " ", "合计", "小计", "Total", "制表人：张三", "总部"],
    "编号": ["", " ", "refused", "合计", "a\x01"],
    "日期": ["", " ", "2014-02-30", "x", "41779"],
    "金额": ["x", "-3", "1e999"],
    "类型": ["nope"],
    "人员": ["p1\x7f"],
    "内容": ["\x1b[31m"],
    "紧急": ["maybe"],
    "": [" "],
    "备注": [],
}


def row_of(pools: Callable[[str], list[str]]) -> st.SearchStrategy[list[str]]:
    return st.tuples(*(st.sampled_from(pools(h) or CLEAN[h]) for h in HEADER)).map(list)


CLEAN_ROW = row_of(CLEAN.__getitem__)
ROWS = st.one_of(
    CLEAN_ROW,
    CLEAN_ROW,
    CLEAN_ROW,
    # a row with some cells from the unclean pools
    st.tuples(CLEAN_ROW, row_of(UNCLEAN.__getitem__), st.lists(st.booleans(), min_size=len(HEADER),
                                                                max_size=len(HEADER))).map(
        lambda t: [u if pick else c for c, u, pick in zip(*t, strict=True)]),
    st.just([""] * len(HEADER)),  # a blank row
    st.just([" "] * len(HEADER)),  # a row of spaces
    st.just(["合计", "", "", "10", "", "", "", "", "", ""]),  # totals row
    st.just(["小计", "", "", "3", "", "", "", "", "", ""]),
    st.just(["制表人：张三"] + [""] * (len(HEADER) - 1)),  # footer line
    CLEAN_ROW.map(lambda r: r[:6]),  # short row
    CLEAN_ROW.map(lambda r: [*r, ""]),  # long row, the extra cell empty
    CLEAN_ROW.map(lambda r: [*r, "x"]),  # long row, a cell right of the header
)


class Text(str):
    """A text cell a plugin's reader might give: a str, but not exactly one."""


WORKBOOK_CELLS = st.one_of(st.none(), st.integers(0, 3), st.floats(0, 3), st.booleans(),
                           st.builds(Text, st.sampled_from(["", " ", "1", "p1;p2", "a1"])))


def workbook_rows(rows: list[list[str]], data: st.DataObject) -> list[list[Any]]:
    """Some cells replaced by what a workbook or a plugin's reader gives: None for an
    empty cell, numbers, booleans, str subclasses."""
    out = []
    for r in rows:
        cells: list[Any] = list(r)
        for i in data.draw(st.sets(st.integers(0, len(r) - 1), max_size=3)):
            cells[i] = data.draw(WORKBOOK_CELLS)
        out.append(cells)
    return out


@attrs.frozen
class Read:
    """Everything reading one table gives."""

    records: list[str]
    rows: list[int]
    problems: list[str]
    notes: list[str]
    count: int
    progress: list[int]


def read(table: Table, column_wise: bool) -> tuple[Read, list[Any]]:
    problems, provenance, progress = Problems(), Provenance(), []
    recs = read_table(SPEC, Source("e.csv", Path("e.csv"), None), "e.csv", table, header_lookup(SPEC), problems,
                      provenance, progress.append, frozenset(map(header_key, BOOKKEEPING_COLUMNS)),
                      column_wise=column_wise)
    origins = [provenance.origin(r) for r in recs]
    return Read([repr(r) for r in recs], [o.row for o in origins if o is not None], list(map(str, problems.kept)),
                list(map(str, problems.notes)), problems.count, progress), recs


def csv_table(header: list[str], rows: list[list[str]], broken_at: int | None = None) -> Iterator[Table]:
    """The rows written as a CSV file and read back by the CSV reader; *broken_at*: a
    quote left open on that line (the reader fails there)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for n, r in enumerate(rows):
        if n == broken_at:
            buf.write('"open,quote\n')
        writer.writerow(r)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "e.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        yield read_csv(path, None)


def both_ways(make: Callable[[], Table], chunk: int) -> tuple[tuple[Read, list[Any]], tuple[Read, list[Any]]]:
    with mock.patch.object(ledgers, "CHUNK_ROWS", chunk):
        by_columns = read(make(), True)
    return by_columns, read(make(), False)


def assert_fresh_empties(recs: list[Any]) -> None:
    """An empty 金额 is a Decimal made for its record (an attrs.Factory default)."""
    empties = [r.amount for r in recs if repr(r.amount) == "Decimal('0')"]
    assert len({id(a) for a in empties}) == len(empties)


@settings(max_examples=250, deadline=None)
@given(rows=st.lists(ROWS, max_size=40), chunk=st.integers(1, 9), broken=st.none() | st.integers(0, 40))
def test_csv_ledgers_read_the_same_both_ways(rows: list[list[str]], chunk: int, broken: int | None) -> None:
    def make() -> Table:
        return next(csv_table(HEADER, rows, broken))

    (a, recs), (b, _) = both_ways(make, chunk)
    assert a == b
    assert_fresh_empties(recs)


@settings(max_examples=250, deadline=None)
@given(rows=st.lists(ROWS, max_size=30), chunk=st.integers(1, 9), data=st.data(), memo=st.sampled_from([1, 3, 50_000]))
def test_workbook_cells_read_the_same_both_ways(rows: list[list[str]], chunk: int, data: st.DataObject,
                                                memo: int) -> None:
    """None, numbers, booleans and str subclasses among the texts, and memos that fill up."""
    cells = workbook_rows(rows, data)
    controls = data.draw(st.booleans())

    def make() -> Table:
        return Table(HEADER, iter(list(enumerate(cells, start=2))), 1, controls=controls)

    with mock.patch.object(columns, "MEMO_LIMIT", memo), mock.patch.object(ledgers, "MEMO_LIMIT", memo):
        (a, recs), (b, _) = both_ways(make, chunk)
    assert a == b
    assert_fresh_empties(recs)


# --- the tricky cases, by example --------------------------------------------------------


def clean_rows(n: int) -> list[list[str]]:
    return [[str(i), f"e{i}", "2014-05-20", str(i % 7 or ""), "visit", "p1;p2", "", "是", "", ""] for i in range(n)]


def plain_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The row numbers the row builder reads from now on."""
    seen: list[int] = []
    convert = ledgers._convert_rows

    def spy(rows: Any, *args: Any) -> int:
        rows = list(rows)
        seen.extend(n for n, _ in rows)
        return convert(rows, *args)

    monkeypatch.setattr(ledgers, "_convert_rows", spy)
    return seen


def test_a_clean_ledger_is_read_column_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = plain_rows(monkeypatch)
    a, recs = read(next(csv_table(HEADER, clean_rows(3000))), True)
    assert seen == [] and len(recs) == 3000 and a.rows == list(range(2, 3002))
    assert recs[8] == Entry("e8", date(2014, 5, 20), Decimal(1), Kind.visit, ("p1", "p2"), None, True)
    assert recs[7].amount == 0 and recs[7].amount is not recs[14].amount  # each its own Decimal()
    assert a.problems == [] and a.notes == []


def test_a_text_repeated_down_a_column_is_held_once() -> None:
    # the csv module makes an object per cell; a million rows of the same 内容 must not
    # keep a million copies of it (what a big run holds after loading)
    rows = [[str(i), f"e{i}", "2014-05-20", "1", "visit", "p1", " 已办结 ", "是", "", ""] for i in range(3000)]
    _, recs = read(next(csv_table(HEADER, rows)), True)
    assert {r.note for r in recs} == {"已办结"}
    assert all(r.note is recs[0].note for r in recs)  # chunks after the first find it too
    assert recs[0].id == "e0" and recs[2999].id == "e2999"


def test_a_column_of_distinct_texts_past_the_memo_is_only_stripped() -> None:
    rows = [[str(i), f" e{i} ", "2014-05-20", "1", "visit", "p1", f"第{i % 3}条", "是", "", ""] for i in range(40)]
    with mock.patch.object(columns, "MEMO_LIMIT", 5):
        _, recs = read(next(csv_table(HEADER, rows)), True)
    assert [r.id for r in recs] == [f"e{i}" for i in range(40)]
    assert [r.note for r in recs] == [f"第{i % 3}条" for i in range(40)]


def test_only_the_chunk_of_a_bad_row_goes_to_the_row_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = clean_rows(3000)
    rows[1500][2] = "2014-02-30"  # row 1502 of the file
    seen = plain_rows(monkeypatch)
    a, recs = read(next(csv_table(HEADER, rows)), True)
    first = ledgers.CHUNK_ROWS  # rows 2.. are the first chunk: the bad row lies in the second
    assert seen == list(range(2 + first, 2 + 2 * first))
    assert a.problems == ['e.csv:1502: 日期: not a real date, got "2014-02-30"']
    assert len(recs) == 2999 and 1502 not in a.rows


def test_totals_footers_and_unnamed_cells_are_named_as_row_by_row() -> None:
    rows = clean_rows(5)
    rows[2][8] = "x"  # a cell in the column without a header
    rows += [["合计", "", "", "99", "", "", "", "", "", ""], ["制表人：张三", *[""] * 9], *clean_rows(2)]
    rows[-2][1], rows[-1][1] = "f1", "f2"
    (a, _), (b, _) = both_ways(lambda: next(csv_table(HEADER, rows)), 3)
    assert a == b
    assert a.problems == ['e.csv:8: "制表人：张三" reads as a footer line (制表人：…), but records follow it: '
                          'move it below the last record or clear it']
    # the five rows' 金额: 0 + 1 + 2 + 3 + 4
    assert a.notes[:2] == ['e.csv:7: totals row "合计" skipped (closes 5 rows)',
                           'e.csv:7: 金额: warning: the totals row "合计" says 99, but the rows it closes (5) sum to 10']
    assert a.notes[-1] == "e.csv: column 9: has no header, so its 1 filled cells are not read"


def test_excel_s_trailing_empty_columns_are_read_column_by_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet saved with formatted but empty columns right of the header: every row is
    longer than the header by empty cells only."""
    rows = [[*r, "", ""] for r in clean_rows(50)]
    seen = plain_rows(monkeypatch)
    a, recs = read(next(csv_table([*HEADER, "", ""], rows)), True)
    assert seen == [] and len(recs) == 50 and a.problems == []


def test_a_workbook_s_zero_right_of_the_header_is_reported_not_dropped() -> None:
    # a 0 or FALSE is falsy but a cell: the row builder reports it, so the chunk is not clean
    rows: list[list[Any]] = [[str(i), f"e{i}", "2014-05-20", "1", "", "", "", "", "", "", None] for i in range(4)]
    rows[2][10] = 0  # one cell right of the header, in a sheet saved with an empty column there
    a, recs = read(Table(HEADER, iter(list(enumerate(rows, start=2))), 1), True)
    assert [r.id for r in recs] == ["e0", "e1", "e3"]
    assert len(a.problems) == 1 and a.problems[0].startswith("e.csv:4: ")
    assert a.problems == read(Table(HEADER, iter(list(enumerate(rows, start=2))), 1), False)[0].problems


def test_required_and_optional_empties(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = clean_rows(4)
    rows[1][6] = "\u3000"  # an optional text of spaces only: empty, no problem
    rows[2][2] = " "  # a required date of spaces only
    (a, recs), (b, _) = both_ways(lambda: next(csv_table(HEADER, rows)), 2)
    assert a == b
    assert a.problems == ["e.csv:4: 日期: required, but the cell is empty"]
    assert recs[1].note is None and [r.id for r in recs] == ["e0", "e1", "e3"]


def test_a_refused_record_is_worded_by_the_row_builder() -> None:
    rows = clean_rows(3)
    rows[1][1] = "refused"
    (a, _), (b, _) = both_ways(lambda: next(csv_table(HEADER, rows)), 8)
    assert a == b and a.problems == ["e.csv:3: invalid record: id may not be refused"]


def test_rows_before_an_unreadable_one_are_read_first() -> None:
    """A quote left open: the rows before it are records, their problems come first."""
    rows = clean_rows(6)
    rows[1][3] = "x"
    (a, _), (b, _) = both_ways(lambda: next(csv_table(HEADER, rows, broken_at=4)), 4)
    assert a == b
    assert a.rows == [2, 4, 5]
    assert a.problems[0] == 'e.csv:3: 金额: expected a number, got "x"'
    assert a.problems[1].startswith("e.csv:6: ")


def test_progress_is_told_every_10_000_records() -> None:
    (a, _), (b, _) = both_ways(lambda: next(csv_table(HEADER, clean_rows(25_000))), ledgers.CHUNK_ROWS)
    assert a.progress == b.progress == [10_000, 10_000, 5_000]
