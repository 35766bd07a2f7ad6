"""Ledger formats and cell forms (CORE §5), through bureaukit.load on files."""

import json
from datetime import date
from pathlib import Path

import pytest
from core_support import BASE_TOML
from tiny import Kind

import bureaukit
from bureaukit.errors import InputError

# the messages these tests quote are the English ones; the Chinese are asserted in
# test_messages_zh.py and the bad-input corpus
pytestmark = pytest.mark.usefixtures("english")

# every test here runs twice: rows through the interpreted and through the compiled row builder

DEEDS_EN = "id,unit,date,kind,amount_yuan,people,done,urgent\nd1,s1,2014-03-01,visit,100,p2;p3,2014-03-05,no\n"


def load_deeds(bureau_dir: Path, tiny: object, ledger: str = "ledgers/deeds.csv") -> list[object]:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(BASE_TOML.replace('"ledgers/deeds.csv"', json.dumps(ledger, ensure_ascii=False)), encoding="utf-8")
    return bureaukit.load(cfg, plugins=[tiny]).campaigns["tiny"].records["deeds"]


def problems(bureau_dir: Path, tiny: object, ledger: str = "ledgers/deeds.csv") -> str:
    with pytest.raises(InputError) as exc:
        load_deeds(bureau_dir, tiny, ledger)
    return "\n".join(exc.value.problems)


def test_chinese_headers_and_cell_forms(bureau_dir: Path, tiny_plugin: object) -> None:
    d1, d2, d3 = load_deeds(bureau_dir, tiny_plugin)
    assert d1.people == ("p2", "p3")  # full-width ；
    assert str(d2.date) == "2014-05-20" and d2.kind is Kind.report and d2.urgent is True
    assert str(d3.date) == "2014-07-01" and d3.kind is Kind.visit and d3.urgent is False
    assert str(d1.amount_yuan) == "100" and str(d3.amount_yuan) == "0"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_are_detected(bureau_dir: Path, tiny_plugin: object, encoding: str) -> None:
    text = "编号,单位,日期,类型,人员\nd9,s1,2014-03-01,走访,p2、p3\n"
    (bureau_dir / "ledgers" / "deeds.csv").write_bytes(text.encode(encoding))
    (rec,) = load_deeds(bureau_dir, tiny_plugin)
    assert rec.kind is Kind.visit and rec.people == ("p2", "p3")


def test_english_headers_json_and_jsonl(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "d.json").write_text(
        json.dumps([{"编号": "d1", "unit": "s1", "date": "2014-03-01", "kind": "走访", "people": ["p2"], "amount_yuan": 12.5}],
                   ensure_ascii=False), encoding="utf-8")
    (rec,) = load_deeds(bureau_dir, tiny_plugin, "ledgers/d.json")
    assert rec.people == ("p2",) and str(rec.amount_yuan) == "12.5"
    (bureau_dir / "ledgers" / "d.jsonl").write_text(
        '{"id": "d1", "unit": "s1", "date": "2014-03-01", "kind": "visit"}\n\n{"id": "d2", "unit": "s2", "date": "2014-03-02", "kind": "visit"}\n',
        encoding="utf-8")
    assert [r.id for r in load_deeds(bureau_dir, tiny_plugin, "ledgers/d.jsonl")] == ["d1", "d2"]


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_xlsx_sheet_selection_and_excel_dates(
    bureau_dir: Path, tiny_plugin: object, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    if engine == "openpyxl":
        import sys

        monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails: the fallback reads
    else:
        pytest.importorskip("python_calamine")
    import datetime

    wb = openpyxl.Workbook()
    wb.active.title = "说明"
    wb.active.append(["这张表不是台账"])
    ws = wb.create_sheet("台账")
    ws.append([])  # a blank first row: the header is the first row with text
    ws.append(["编号", "单位", "日期", "类型", "金额"])
    ws.append(["d1", "s1", datetime.datetime(2014, 5, 20), "走访", 1200.5])
    ws.append([1001, "s2", 41779, "报告", 3])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    r1, r2 = load_deeds(bureau_dir, tiny_plugin, "ledgers/d.xlsx#台账")
    assert str(r1.date) == "2014-05-20" and str(r1.amount_yuan) == "1200.5"
    assert r2.id == "1001" and str(r2.date) == "2014-05-20"
    text = problems(bureau_dir, tiny_plugin, "ledgers/d.xlsx#没有")
    assert 'no sheet "没有"; the workbook has: 说明, 台账' in text
    ws.append(["d3", "s1", "2014-02-30", "走访", 1])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    assert 'ledgers/d.xlsx:5: 日期: not a real date, got "2014-02-30"' in problems(bureau_dir, tiny_plugin, "ledgers/d.xlsx#台账")


def test_every_bad_cell_reported_with_file_row_column(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        "编号,单位,日期,类型,金额,人员,紧急\n"
        "d1,s1,2014-02-30,走访,100,p2,否\n"
        "d2,s9,2014-03-01,出差,-5,p2;pX,也许\n"
        "d1,s1,2014-03-01,走访,一百,,\n"
        ",s1,2014-03-01,走访,,,\n",
        encoding="utf-8",
    )
    text = problems(bureau_dir, tiny_plugin)
    f = "ledgers/deeds.csv"
    assert f'{f}:2: 日期: not a real date, got "2014-02-30"' in text
    assert f'{f}:3: 类型: expected one of visit 走访, report 报告, got "出差"' in text
    assert f'{f}:3: 金额: must not be negative, got "-5"' in text
    assert f'{f}:3: 紧急: expected yes or no' in text
    assert f'{f}:4: 金额: expected a number, got "一百"' in text
    assert f"{f}:5: 编号: required, but the cell is empty" in text


def test_references_and_duplicate_keys(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        "编号,单位,日期,类型,人员\nd1,s9,2014-03-01,走访,p2;pX\nd1,s1,2014-03-02,走访,\n", encoding="utf-8")
    text = problems(bureau_dir, tiny_plugin)
    assert 'ledgers/deeds.csv:2: 单位: unknown unit "s9"' in text
    assert 'ledgers/deeds.csv:2: 人员: unknown person "pX"' in text
    assert 'ledgers/deeds.csv:3: 编号: duplicate key "d1" (first at ' in text


def test_misspelt_header_never_drops_data(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日其,类型,金 额\nd1,s1,2014-03-01,走访,1\n", encoding="utf-8")
    text = problems(bureau_dir, tiny_plugin)
    assert 'ledgers/deeds.csv:1: 日其: unknown column (did you mean "日期" / "date"?)' in text
    assert "ledgers/deeds.csv:1: 日期: required column is missing" in text


def test_header_with_unit_suffix_and_blank_rows(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        "编号,单位,日期,类型,金额（元）,\nd1,s1,2014-03-01,走访,5,\n,,,,,\n", encoding="utf-8")
    (rec,) = load_deeds(bureau_dir, tiny_plugin)
    assert str(rec.amount_yuan) == "5"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"PK\x03\x04rest-of-a-zip", "this is a zip"),
        (b"\xff\xfe\x00a\x00b", "UTF-16"),
        ("编号,单位\n".encode() + b"\x81\x30\xff\xff\xff", "neither UTF-8 nor GB18030"),
    ],
)
def test_files_that_are_not_csv(bureau_dir: Path, tiny_plugin: object, content: bytes, message: str) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_bytes(content)
    assert message in problems(bureau_dir, tiny_plugin)


def test_campaign_ledger_error_from_check(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型,金额\nd1,s1,2014-03-01,走访,20000\n", encoding="utf-8")
    assert "ledgers/deeds.csv:2: 金额: more than 10000, got 20000" in problems(bureau_dir, tiny_plugin)


def test_a_row_longer_than_the_header_is_an_error_not_lost_data(bureau_dir: Path, tiny_plugin: object) -> None:
    (bureau_dir / "ledgers" / "deeds.csv").write_text(
        "编号,单位,日期,类型,金额\nd1,s1,2014-03-01,走访,1,234\nd2,s1,2014-03-02,走访,5\n", encoding="utf-8")
    text = problems(bureau_dir, tiny_plugin)
    assert "ledgers/deeds.csv:2: column 6: the row has more cells than the header (6 > 5)" in text
    assert ":3:" not in text  # the file goes on: row 3 is fine


def test_xlsx_yes_no_cells_as_numbers_and_cells_right_of_header(bureau_dir: Path, tiny_plugin: object) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "单位", "日期", "类型", "紧急"])
    ws.append(["d1", "s1", "2014-03-01", "走访", 1])
    ws.append(["d2", "s1", "2014-03-01", "走访", 0, "stray"])
    ws.append(["d3", "s1", "2014-03-01", "走访", 1])
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    text = problems(bureau_dir, tiny_plugin, "ledgers/d.xlsx")
    assert text.count("\n") == 0 and "ledgers/d.xlsx:3: column 6: the row has more cells" in text
    ws.delete_rows(3)
    wb.save(bureau_dir / "ledgers" / "d.xlsx")
    d1, d3 = load_deeds(bureau_dir, tiny_plugin, "ledgers/d.xlsx")
    assert d1.urgent is True and d3.urgent is True


def test_a_dating_field_must_be_required() -> None:
    from typing import ClassVar

    import attrs

    from bureaukit import Ledger, col
    from bureaukit.records import record_spec

    @attrs.frozen
    class Loose:
        __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "x", "en": "x"}, dated="day")
        day: date | None = attrs.field(default=None, metadata=col("日期"))

    with pytest.raises(TypeError, match="dating field and must be required"):
        record_spec(Loose)


def test_problem_count_beyond_what_is_kept(bureau_dir: Path, tiny_plugin: object) -> None:
    from click.testing import CliRunner

    from bureaukit.cli import main

    rows = "".join(f"d{i},s1,2014-13-01,走访\n" for i in range(120))
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型\n" + rows, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_deeds(bureau_dir, tiny_plugin)
    assert exc.value.total == 120
    import bureaukit.bureau

    real = bureaukit.bureau.load
    try:
        bureaukit.bureau.load = lambda p, plugins=(), progress=None, timeout=None: real(p, plugins=[tiny_plugin])  # type: ignore[assignment]
        res = CliRunner().invoke(main, ["check", str(bureau_dir / "bureau.toml")])
    finally:
        bureaukit.bureau.load = real  # type: ignore[assignment]
    assert res.exit_code == 2
    assert res.stderr.splitlines()[-1] == "... and 70 more problems (120 in all)"


def test_numbers_typed_as_text_read_only_as_a_clerk_means_them(bureau_dir: Path, tiny_plugin: object) -> None:
    """Full-width digits from a Chinese input method are the number they show; every
    other form Decimal() would take (scientific notation, "1_000", other scripts' digits,
    superscripts) is an error quoting the cell, never a number."""
    good = {"d1": ("１２．５", "12.5"), "d2": ("１，２３４", "1234"), "d3": ("1，000.5", "1000.5"),
            "d4": ("＋７", "7"), "d5": (".5", "0.5"), "d6": ("2,000", "2000")}
    rows = "".join(f"{k},s1,2014-03-01,走访,{v}\n" for k, (v, _) in good.items() if "," not in v)
    rows += "".join(f'{k},s1,2014-03-01,走访,"{v}"\n' for k, (v, _) in good.items() if "," in v)
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型,金额\n" + rows, encoding="utf-8")
    read = {r.id: str(r.amount_yuan) for r in load_deeds(bureau_dir, tiny_plugin)}
    assert read == {k: want for k, (_, want) in good.items()}

    bad = ["1.23457E+11", "2e3", "1_000", "١٢٣", "5²", "①", "12 3"]
    rows = "".join(f"b{i},s1,2014-03-01,走访,{v}\n" for i, v in enumerate(bad))
    (bureau_dir / "ledgers" / "deeds.csv").write_text("编号,单位,日期,类型,金额\n" + rows, encoding="utf-8")
    text = problems(bureau_dir, tiny_plugin)
    for i, v in enumerate(bad):
        assert f'ledgers/deeds.csv:{i + 2}: 金额: expected a number, got {"scientific notation " if i < 2 else ""}"{v}"' in text
    assert "a CSV keeps only the digits shown" in text
