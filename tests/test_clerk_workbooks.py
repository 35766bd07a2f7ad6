"""Workbooks as clerks keep them (CORE §5): hidden sheets, formulas never calculated, error
values, the 1904 date system, percent cells, merged cells, .xls/.ods, and the CSV files
Excel writes in the wrong shape — each built here, read through bureaukit.load."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from core_support import BASE_TOML

import bureaukit
from bureaukit import Ledger, Score, col
from bureaukit.context import Context
from bureaukit.errors import InputError

# these tests quote bureaukit's English wording; the Chinese is asserted in
# test_messages_zh.py, the bad-input corpus and test_zh_session.py
pytestmark = pytest.mark.usefixtures("english")

openpyxl = pytest.importorskip("openpyxl")



@pytest.fixture(params=["calamine", "openpyxl"])
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each workbook test through python-calamine and through the openpyxl fallback."""
    if request.param == "openpyxl":
        monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails: the fallback reads
    else:
        pytest.importorskip("python_calamine")
    return str(request.param)


def load(bureau_dir: Path, tiny: object, ledger: str) -> Any:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(BASE_TOML.replace('"ledgers/deeds.csv"', f'"{ledger}"'), encoding="utf-8")
    return bureaukit.load(cfg, plugins=[tiny])


def deeds(bureau_dir: Path, tiny: object, ledger: str = "ledgers/d.xlsx") -> list[Any]:
    return list(load(bureau_dir, tiny, ledger).campaigns["tiny"].records["deeds"])


def problems(bureau_dir: Path, tiny: object, ledger: str = "ledgers/d.xlsx") -> list[str]:
    with pytest.raises(InputError) as exc:
        load(bureau_dir, tiny, ledger)
    return [p.replace(str(bureau_dir) + "/", "") for p in exc.value.problems]


HEADER = ["编号", "单位", "日期", "类型", "金额"]


def test_the_first_visible_sheet_is_read_a_hidden_one_only_when_named(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    wb = openpyxl.Workbook()
    old = wb.active
    old.title = "旧表"
    old.append(HEADER)
    old.append(["old1", "s1", "2013-03-01", "走访", 999])
    old.sheet_state = "hidden"
    ws = wb.create_sheet("台账")
    ws.append(HEADER)
    ws.append(["d1", "s1", "2014-03-01", "走访", 100])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    assert [d.id for d in deeds(bureau_dir, tiny_plugin)] == ["d1"]
    assert [d.id for d in deeds(bureau_dir, tiny_plugin, "ledgers/d.xlsx#旧表")] == ["old1"]
    # openpyxl refuses to save a workbook without a visible sheet; other programs do not
    _rewrite_part(bureau_dir / "ledgers" / "d.xlsx", "xl/workbook.xml", b'state="visible"', b'state="hidden"')
    assert problems(bureau_dir, tiny_plugin) == [
        "ledgers/d.xlsx: the workbook has no visible sheet (hidden: 旧表, 台账): name the one to read as file.xlsx#Sheet"
    ]


@pytest.mark.parametrize("empty_value", [b"<v />", b"<v></v>", b""], ids=["v-selfclosed", "v-empty", "no-v"])
def test_formulas_without_a_saved_value_and_error_values_are_cell_errors(
    bureau_dir: Path, tiny_plugin: object, engine: str, empty_value: bytes
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["d1", "s1", "2014-03-01", "走访", "=100+20"])  # openpyxl saves no value for it
    ws.append(["d2", "s1", "2014-03-01", "走访", "#REF!"])
    ws.append(["d3", "#N/A", "2014-03-01", "走访", 5])
    ws.append(["d4", "s1", "2014-03-01", "走访", "#DIV/0!"])
    ws.append(["d5", "s1", "2014-03-01", "走访", 7])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    # openpyxl writes the missing value as <v /> or, with lxml installed, <v></v>; other
    # programs leave it out: each is a formula without a saved value
    _set_formula_value(bureau_dir / "ledgers" / "d.xlsx", b"100+20", empty_value)
    assert problems(bureau_dir, tiny_plugin) == [
        "ledgers/d.xlsx:2: 金额: a formula without a saved value (the file was never opened in Excel or WPS): "
        "open it there, save it, and read it again",
        "ledgers/d.xlsx:3: 金额: the cell shows the error #REF!: correct the formula in Excel or WPS",
        "ledgers/d.xlsx:4: 单位: the cell shows the error #N/A: correct the formula in Excel or WPS",
        "ledgers/d.xlsx:5: 金额: the cell shows the error #DIV/0!: correct the formula in Excel or WPS",
    ]


def _rewrite_part(path: Path, part: str, old: bytes, new: bytes) -> None:
    import zipfile

    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(path, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def _set_formula_value(path: Path, formula: bytes, value: bytes) -> None:
    """The saved value of *formula*'s cell replaced by *value*, however openpyxl wrote it."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    for written in (b"<v />", b"<v/>", b"<v></v>"):
        if b"<f>" + formula + b"</f>" + written in xml:
            _rewrite_part(path, "xl/worksheets/sheet1.xml", b"<f>" + formula + b"</f>" + written, b"<f>" + formula + b"</f>" + value)
            return
    raise AssertionError(f"no formula {formula!r} in the sheet")


def test_a_formula_with_its_saved_value_is_read(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["d1", "s1", "2014-03-01", "走访", "=100+20"])
    path = bureau_dir / "ledgers" / "d.xlsx"
    wb.save(path)
    # as Excel saves it: the formula and its value, and no request to calculate on opening
    _set_formula_value(path, b"100+20", b"<v>120</v>")
    _rewrite_part(path, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    (d1,) = deeds(bureau_dir, tiny_plugin)
    assert d1.amount_yuan == Decimal(120)


@pytest.mark.parametrize("writer", ["xlsxwriter", "openpyxl"])
def test_formulas_in_a_workbook_never_calculated_are_cell_errors_whatever_value_was_saved(
    bureau_dir: Path, tiny_plugin: object, engine: str, writer: str
) -> None:
    """xlsxwriter saves every formula with the value 0 and asks Excel to calculate the
    workbook when it is opened (fullCalcOnLoad): read as saved, 0 would be scored. A
    program's own value (xlsxwriter's value=) is no spreadsheet's result either."""
    path = bureau_dir / "ledgers" / "d.xlsx"
    if writer == "xlsxwriter":
        xlsxwriter = pytest.importorskip("xlsxwriter")
        wb = xlsxwriter.Workbook(str(path))
        ws = wb.add_worksheet()
        for r, row in enumerate([HEADER, ["d1", "s1", "2014-03-01", "走访", 5], ["d2", "s1", "2014-03-01", "走访"],
                                 ["d3", "s1", "2014-03-01", "走访"], ["d4", "s1", "2014-03-01", "走访", 7]]):
            ws.write_row(r, 0, row)
        ws.write_formula("E3", "=100+20")  # saved as <v>0</v>
        ws.write_formula("E4", "=100+20", None, 120)  # saved as <v>120</v>
        ws.write_array_formula("E5:E5", "{=SUM(3,4)}")
        wb.close()
    else:
        owb = openpyxl.Workbook()
        ows = owb.active
        for row in [HEADER, ["d1", "s1", "2014-03-01", "走访", 5], ["d2", "s1", "2014-03-01", "走访", "=100+20"],
                    ["d3", "s1", "2014-03-01", "走访", "=100+21"], ["d4", "s1", "2014-03-01", "走访", "=3+4"]]:
            ows.append(row)
        owb.save(path)
        for formula, value in ((b"100+20", b"<v>0</v>"), (b"3+4", b"<v>7</v>")):
            _set_formula_value(path, formula, value)  # d3 keeps openpyxl's empty value
    assert b'fullCalcOnLoad="1"' in _part(path, "xl/workbook.xml")
    message = (
        "金额: a formula whose value was never calculated (a program wrote the file and asks for it to be "
        "calculated when opened; the saved value is a placeholder): open it in Excel or WPS, save it, and read it again; "
        "if this stays, copy the formula column and paste it as values"
    )
    unsaved = (
        "金额: a formula without a saved value (the file was never opened in Excel or WPS): "
        "open it there, save it, and read it again"
    )
    expected = [f"ledgers/d.xlsx:3: {message}", f"ledgers/d.xlsx:4: {message}", f"ledgers/d.xlsx:5: {message}"]
    if writer == "openpyxl":
        expected[1] = f"ledgers/d.xlsx:4: {unsaved}"
    assert problems(bureau_dir, tiny_plugin) == expected
    # once Excel or WPS has calculated and saved it, the flag is gone and the values are read
    _rewrite_part(path, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")
    if writer == "openpyxl":
        _set_formula_value(path, b"100+21", b"<v>120</v>")
    saved = [5, 0, 120, 0 if writer == "xlsxwriter" else 7]  # xlsxwriter's array formula saved 0
    assert [d.amount_yuan for d in deeds(bureau_dir, tiny_plugin)] == [Decimal(v) for v in saved]


def _part(path: Path, part: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read(part)


def test_a_1904_workbook_is_read_in_its_date_system(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(HEADER)
    ws.append(["d1", "s1", datetime.datetime(2014, 5, 20), "走访", 1])
    ws.append(["d2", "s1", 40317, "走访", 1])  # a date typed as a bare number: serial 40317 of 1904
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    d1, d2 = deeds(bureau_dir, tiny_plugin)
    assert d1.date == datetime.date(2014, 5, 20) and d2.date == datetime.date(2014, 5, 20)


def test_merged_cells_belong_to_every_row_they_cover(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2014年度工作台账"])
    ws.merge_cells("A1:E1")
    ws.append(HEADER)
    ws.append(["d1", "s2", "2014-03-01", "走访", 10])
    ws.append(["d2", None, "2014-03-02", "报告", 20])
    ws.append(["d3", None, "2014-03-03", None, 30])
    ws.merge_cells("B3:B5")  # one unit for three rows
    ws.merge_cells("D4:D5")
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    bureau = load(bureau_dir, tiny_plugin, "ledgers/d.xlsx")
    got = [(d.id, d.unit, d.kind.name) for d in bureau.campaigns["tiny"].records["deeds"]]
    assert got == [("d1", "s2", "visit"), ("d2", "s2", "report"), ("d3", "s2", "report")]
    assert [n.replace(str(bureau_dir) + "/", "") for n in bureau.notes if "d.xlsx" in n] == [
        'ledgers/d.xlsx:1: skipped above the header: "2014年度工作台账"'
    ]


def test_a_two_row_header_drawn_with_merged_cells(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    """The way Excel users draw it: single columns merged down over both header rows, the
    group title 经费（元） merged across the two columns it spans (every cell of a merged
    range holds its value)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "单位", "日期", "类型", "经费（元）", None])
    ws.append([None, None, None, None, "金额", "完成日期"])
    for col in "ABCD":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("E1:F1")
    ws.append(["d1", "s1", "2014-03-01", "走访", 100, "2014-03-05"])
    ws.append(["d2", "s2", "2014-03-02", "报告", 250.5, None])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    bureau = load(bureau_dir, tiny_plugin, "ledgers/d.xlsx")
    got = [(d.id, d.unit, d.amount_yuan, str(d.done)) for d in bureau.campaigns["tiny"].records["deeds"]]
    assert got == [("d1", "s1", 100, "2014-03-05"), ("d2", "s2", Decimal("250.5"), "None")]
    assert [n.replace(str(bureau_dir) + "/", "") for n in bureau.notes if "d.xlsx" in n] == [
        "ledgers/d.xlsx:2: the header takes two rows (row 1 and this one): this row's names read as 金额（元）、完成日期"
    ]


# --- percent cells: a campaign whose columns declare their scale ------------------------


@attrs.frozen
class Rate:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "完成率", "en": "Rates"}, key=("unit",))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    done: Decimal = attrs.field(metadata=col("完成率", percent="points"))
    share: Decimal = attrs.field(default=Decimal(0), metadata=col("占比", percent="rate"))
    plain: Decimal = attrs.field(default=Decimal(0), metadata=col("数值"))


def _score(ctx: Context) -> Iterable[Score]:
    for r in ctx.records["rates"]:
        yield Score(f"unit:{r.unit}", "points", r.done)


@attrs.frozen
class RatedSettings:
    pass


class RatedPlugin:
    @bureaukit.hookimpl
    def bureaukit_campaigns(self) -> list[bureaukit.Campaign]:
        return [bureaukit.Campaign(name="rated", title={"zh": "完成率", "en": "Rated"}, settings=RatedSettings,
                                   records={"rates": Rate}, score=_score)]


def load_rates(bureau_dir: Path, file: str = "rates.xlsx") -> Any:
    toml = BASE_TOML.replace('enabled = ["tiny"]', 'enabled = ["rated"]').replace(
        "[campaigns.tiny]\ntarget = 2\n\n[campaigns.tiny.ledgers]\ndeeds = \"ledgers/deeds.csv\"",
        f'[campaigns.rated.ledgers]\nrates = "ledgers/{file}"',
    )
    (bureau_dir / "bureau.toml").write_text(toml, encoding="utf-8")
    return bureaukit.load(bureau_dir / "bureau.toml", plugins=[RatedPlugin()])


def test_percent_cells_read_as_the_clerk_sees_them_in_the_declared_scale(bureau_dir: Path, engine: str) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位", "完成率", "占比", "数值"])
    ws.append(["s1", 0.992, 0.25, 3])
    ws.append(["s2", 1, 1, 4])
    ws.append(["s3", 98.5, 0.5, 5])  # plain numbers: read as typed
    for ref, fmt in (("B2", "0.0%"), ("C2", "0%"), ("B3", "0%"), ("C3", "0.00%")):
        ws[ref].number_format = fmt
    wb.save(bureau_dir / "ledgers" / "rates.xlsx")
    got = [(r.unit, str(r.done), str(r.share)) for r in load_rates(bureau_dir).campaigns["rated"].records["rates"]]
    assert got == [("s1", "99.2", "0.25"), ("s2", "100", "1"), ("s3", "98.5", "0.5")]
    ws["D4"].number_format = "0.0%"
    wb.save(bureau_dir / "ledgers" / "rates.xlsx")
    with pytest.raises(InputError) as exc:
        load_rates(bureau_dir)
    assert [p.replace(str(bureau_dir) + "/", "") for p in exc.value.problems] == [
        "ledgers/rates.xlsx:4: 数值: a cell formatted as a percentage (500%), in a column that does not say whether it "
        "holds 0–100 or 0–1: type the number without the % format"
    ]


def test_percent_text_saved_to_csv_reads_as_the_percent_cell_it_was(bureau_dir: Path) -> None:
    """Excel saves a percent-formatted cell to CSV as its text, ``99.2%``: the same sheet
    as above, saved as CSV, reads the same (and full-width ％ as typed with an IME)."""
    (bureau_dir / "ledgers" / "rates.csv").write_text(
        "单位,完成率,占比,数值\ns1,99.2%,25%,3\ns2,100%,１００％,4\ns3,98.5,0.5,5\n", encoding="utf-8")
    got = [(r.unit, str(r.done), str(r.share))
           for r in load_rates(bureau_dir, "rates.csv").campaigns["rated"].records["rates"]]
    assert got == [("s1", "99.2", "0.25"), ("s2", "100", "1"), ("s3", "98.5", "0.5")]
    (bureau_dir / "ledgers" / "rates.csv").write_text("单位,完成率,数值\ns1,99.2%,500%\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_rates(bureau_dir, "rates.csv")
    assert [p.replace(str(bureau_dir) + "/", "") for p in exc.value.problems] == [
        "ledgers/rates.csv:2: 数值: a cell formatted as a percentage (500%), in a column that does not say whether it "
        "holds 0–100 or 0–1: type the number without the % format"
    ]


# --- other workbook formats --------------------------------------------------------------


def test_xls_through_calamine(bureau_dir: Path, tiny_plugin: object) -> None:
    pytest.importorskip("python_calamine")
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    hidden = book.add_sheet("旧表")
    hidden.write(0, 0, "编号")
    hidden.visibility = 1
    sheet = book.add_sheet("台账")
    for c, h in enumerate(HEADER):
        sheet.write(1, c, h)
    sheet.write_merge(0, 0, 0, 4, "2014年度工作台账")
    sheet.write(2, 0, "d1")
    sheet.write_merge(2, 3, 1, 1, "s2")  # one unit over two rows
    sheet.write(3, 0, "d2")
    for r, day in ((2, "2014-03-01"), (3, "2014/3/2")):
        sheet.write(r, 2, day)
        sheet.write(r, 3, "走访")
    sheet.write(2, 4, 12.5)
    book.save(str(bureau_dir / "ledgers" / "d.xls"))
    got = [(d.id, d.unit, str(d.amount_yuan)) for d in deeds(bureau_dir, tiny_plugin, "ledgers/d.xls")]
    assert got == [("d1", "s2", "12.5"), ("d2", "s2", "0")]


def test_ods_through_calamine(bureau_dir: Path, tiny_plugin: object) -> None:
    pytest.importorskip("python_calamine")
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="台账")
    for row in (HEADER, ["d1", "ｓ１", "2014－05－20", "走访", "7"], ["d2", "s1", "20140521", "报告", ""]):
        tr = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(bureau_dir / "ledgers" / "d.ods"))
    got = [(d.id, d.unit, d.date.isoformat(), str(d.amount_yuan)) for d in deeds(bureau_dir, tiny_plugin, "ledgers/d.ods")]
    assert got == [("d1", "s1", "2014-05-20", "7"), ("d2", "s1", "2014-05-21", "0")]


# --- cell forms clerks type ---------------------------------------------------------------


def test_extra_date_and_yes_no_forms(bureau_dir: Path, tiny_plugin: object) -> None:
    rows = [
        "d1,s1,2014－05－20,走访,✔", "d2,s1,2014.05.20,走访,Ｙ", "d3,s1,20140520,走访,✘",
        "d4,s1,２０１４年５月２０日,走访,ｎｏ",
    ]
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型,紧急\n" + "\n".join(rows) + "\n", encoding="utf-8")
    got = [(d.date.isoformat(), d.urgent) for d in deeds(bureau_dir, tiny_plugin, "ledgers/deeds.csv")]
    assert got == [("2014-05-20", True), ("2014-05-20", True), ("2014-05-20", False), ("2014-05-20", False)]
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型\nd1,s1,20140231,走访\n", encoding="utf-8")
    assert problems(bureau_dir, tiny_plugin, "ledgers/deeds.csv") == ['ledgers/deeds.csv:2: 日期: not a real date, got "20140231"']


def test_csv_in_the_wrong_shape_says_how_to_save_it(bureau_dir: Path, tiny_plugin: object) -> None:
    path = bureau_dir / "ledgers" / "deeds.csv"
    text = "编号,单位,日期,类型\nd1,s1,2014-03-01,走访\n"
    path.write_bytes(text.replace(",", "\t").encode("utf-16"))  # Excel's "Unicode text"
    utf16 = problems(bureau_dir, tiny_plugin, "ledgers/deeds.csv")
    path.write_bytes(text.encode("utf-16-le"))  # no BOM
    assert problems(bureau_dir, tiny_plugin, "ledgers/deeds.csv") == utf16 == [
        "ledgers/deeds.csv: this is UTF-16 text (Excel's \"Unicode text\"), not CSV: in Excel choose "
        "Save As → CSV UTF-8 (逗号分隔) (*.csv)"
    ]
    for sep, name in ((";", "semicolons"), ("\t", "tabs")):
        path.write_text(text.replace(",", sep), encoding="utf-8")
        assert problems(bureau_dir, tiny_plugin, "ledgers/deeds.csv") == [
            f"ledgers/deeds.csv:1: the cells are separated by {name}, not commas: in Excel choose "
            "Save As → CSV UTF-8 (逗号分隔) (*.csv)"
        ]


def test_a_number_of_16_or_more_digits_in_a_text_column_is_an_error_not_its_lost_digits(
    bureau_dir: Path, tiny_plugin: object, engine: str
) -> None:
    """An id typed as a number keeps 15 significant digits in Excel: 341802199001011234
    is saved as 3.41802199001011E+17, which read as text would be a different id."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append([3.41802199001011e17, "s1", "2014-03-01", "走访", 5])
    ws.append([999999999999999.0, "s1", "2014-03-01", "走访", 5])  # 15 digits: exact, read as text
    ws.append([101.0, "s1", "2014-03-01", "走访", 5])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    assert problems(bureau_dir, tiny_plugin) == [
        "ledgers/d.xlsx:2: 编号: a number cell of 16 or more digits, got 3.41802199001011e+17: Excel keeps only "
        "15 significant digits, so its last digits are lost; format the column as Text and type it again "
        "(an id number or account is text)"
    ]
    ws.delete_rows(2)
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    assert [d.id for d in deeds(bureau_dir, tiny_plugin)] == ["999999999999999", "101"]


def test_hidden_rows_are_read_and_named(bureau_dir: Path, tiny_plugin: object, engine: str) -> None:
    """A row hidden by hand or filtered out still counts, as Excel's SUM counts it; check
    names the records read from hidden rows, since the clerk who hid them may think them gone."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(1, 5):
        ws.append([f"d{i}", "s1", "2014-03-01", "走访", 10 * i])
    ws.append([])
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[5].hidden = True
    ws.row_dimensions[6].hidden = True  # blank: no record, not named
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    bureau = load(bureau_dir, tiny_plugin, "ledgers/d.xlsx")
    assert [d.id for d in bureau.campaigns["tiny"].records["deeds"]] == ["d1", "d2", "d3", "d4"]
    assert [n.replace(str(bureau_dir) + "/", "") for n in bureau.notes if "d.xlsx" in n] == [
        "ledgers/d.xlsx:3: the workbook hides rows 3, 5 (2 records, hidden or filtered out): they are read and "
        "scored like any other row; delete a row that is no record"
    ]


@pytest.mark.parametrize("empty_value", [b"<v/>", b"<v></v>"], ids=["v-selfclosed", "v-empty"])
def test_a_formula_whose_result_is_empty_text_is_an_empty_cell(
    bureau_dir: Path, tiny_plugin: object, engine: str, empty_value: bytes
) -> None:
    """=IF(B2="","",…) giving "" is saved by Excel and WPS as t="str" with an empty value:
    a result, not a formula never calculated."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([*HEADER, "完成日期"])
    ws.append(["d1", "s1", "2014-03-01", "走访", 5, '=IF(1=1,"","2014-04-01")'])
    path = bureau_dir / "ledgers" / "d.xlsx"
    wb.save(path)
    xml = _part(path, "xl/worksheets/sheet1.xml")
    start = xml.index(b'<c r="F2"')
    old = xml[start : xml.index(b"</c>", start) + 4]
    _rewrite_part(path, "xl/worksheets/sheet1.xml", old, b'<c r="F2" t="str"><f>IF(1=1,"","2014-04-01")</f>' + empty_value + b"</c>")
    _rewrite_part(path, "xl/workbook.xml", b' fullCalcOnLoad="1"', b"")  # as Excel saves it
    (d1,) = deeds(bureau_dir, tiny_plugin)
    assert (d1.amount_yuan, d1.done) == (Decimal(5), None)
