"""--format xlsx: sheets, frozen bold header, text never a formula, numbers exact, stable bytes."""

from __future__ import annotations

import io
import sys
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from core_support import HOSTILE_FORMULA, HOSTILE_SCRIPT

from bureaukit.errors import InputError
from bureaukit.render import RenderOptions
from bureaukit.render.xlsx import number_format, render

openpyxl = pytest.importorskip("openpyxl")


def load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_sheets_and_headers_zh(result_zh: Any) -> None:
    wb = load(render(result_zh, RenderOptions("zh")))
    assert wb.sheetnames == ["概览", "得分", "资金", "问题", "依据", "异议复核"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.b for c in ws[1])
    assert [c.value for c in wb["概览"][1]][:6] == ["排名", "组别", "主体", "名称", "综合得分", "等级"]
    assert [c.value for c in wb["资金"][1]][5] == "金额（元）"
    assert wb["得分"].column_dimensions["D"].width >= 12  # CJK names count double


def test_sheets_en(result_en: Any) -> None:
    wb = load(render(result_en, RenderOptions("en")))
    assert wb.sheetnames == ["Scorecards", "Scores", "Payments", "Findings", "Evidence", "Appeals"]
    assert wb["Scorecards"]["A1"].value == "Rank"


def test_formula_text_stays_text(result_zh: Any) -> None:
    data = render(result_zh, RenderOptions("zh"))
    wb = load(data)
    seen = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s"
                    assert cell.quotePrefix
                    seen += 1
    assert seen >= 6
    names = [c.value for c in wb["概览"]["D"]]
    assert HOSTILE_FORMULA in names and HOSTILE_SCRIPT in names
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                xml = zf.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml


def test_numbers_are_numbers_with_formats(result_zh: Any) -> None:
    wb = load(render(result_zh, RenderOptions("zh")))
    pay = wb["资金"]
    amounts = [(c.value, c.number_format) for c in pay["F"][1:]]
    assert amounts[1] == (2700, "0.00")
    assert Decimal(str(amounts[4][0])) == Decimal("166.66")
    card = wb["概览"]
    assert card["E2"].value == 88 and card["E2"].number_format == "0.00"
    assert number_format("0.6667") == "0.0000" and number_format("4030") == "0"


def test_identical_bytes_twice(result_zh: Any) -> None:
    from core_support import sample_result

    a = render(result_zh, RenderOptions("zh"))
    assert a == render(sample_result("zh"), RenderOptions("zh"))
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert all(i.date_time == (2014, 7, 31, 0, 0, 0) for i in zf.infolist())
        assert b"2014-07-31T00:00:00Z" in zf.read("docProps/core.xml")


def test_missing_openpyxl_is_a_clear_input_error(result_zh: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(InputError) as exc:
        render(result_zh, RenderOptions("zh"))
    assert "pip install 'bureaukit[xlsx]'" in str(exc.value)
