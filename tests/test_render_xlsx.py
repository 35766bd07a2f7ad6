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


HEAD = 4
"""The header row: below the title block (bureau; period, as-of, status) and a blank row."""


def test_sheets_title_block_and_headers_zh(result_zh: Any) -> None:
    wb = load(render(result_zh, RenderOptions("zh")))
    assert wb.sheetnames == ["概览", "排名", "招商引资", "宣传信息工作", "得分", "资金", "问题", "依据", "异议复核"]
    for ws in wb.worksheets:
        assert ws["A1"].value == "示例区交通运输局  考核结果报告"
        # the period, the cut-off and interim vs final on every sheet
        assert ws["A2"].value.startswith("考核期 2014（2014-01-01 — 2014-12-31）  截至 2014-07-31  阶段性结果")
        assert ws.freeze_panes == f"A{HEAD + 1}"
        assert all(c.font.b for c in ws[HEAD] if c.value)
    assert [c.value for c in wb["排名"][HEAD]][:6] == ["排名", "组别", "主体", "名称", "综合得分", "等级"]
    assert [c.value for c in wb["资金"][HEAD]][5] == "金额（元）"
    assert wb["得分"].column_dimensions["D"].width >= 12  # CJK names count double


def test_campaign_sheet_is_the_matrix(result_zh: Any) -> None:
    """One row per subject; a metric with targets gets its target and completion (a rate)."""
    ws = load(render(result_zh, RenderOptions("zh")))["招商引资"]
    header = [c.value for c in ws[HEAD]]
    assert header[:5] == ["名称", "主体", "得分", "固定资产投资（万元）", "固定资产投资 目标（万元）"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=HEAD + 1, values_only=True)}
    road = rows["unit:road"]
    # 1520 of 1500 万元: completion 1520/1500 = 1.0133, shown as a percentage
    assert road[2] == 91.5 and road[3] == 1520 and road[4] == 1500 and road[5] == 1.0133
    (at,) = [r for r in range(HEAD + 1, ws.max_row + 1) if ws[f"B{r}"].value == "unit:road"]
    cells = {c.column_letter: c.number_format for c in ws[at]}
    assert cells["C"] == "0.00" and cells["F"] == "0.0%" and cells["D"] == "#,##0"


def test_sheets_en(result_en: Any) -> None:
    wb = load(render(result_en, RenderOptions("en")))
    assert wb.sheetnames[:2] == ["Summary", "Ranking"] and wb.sheetnames[-5:] == [
        "Scores", "Payments", "Findings", "Evidence", "Appeals"]
    assert wb["Ranking"][f"A{HEAD}"].value == "Rank"


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
    names = [c.value for c in wb["排名"]["D"]]
    assert HOSTILE_FORMULA in names and HOSTILE_SCRIPT in names
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                xml = zf.read(name).decode()
                assert "<f>" not in xml and "<f " not in xml


def test_numbers_are_numbers_with_formats(result_zh: Any) -> None:
    wb = load(render(result_zh, RenderOptions("zh")))
    pay = wb["资金"]
    amounts = [(c.value, c.number_format) for c in pay["F"][HEAD:]]
    assert amounts[1] == (2700, "#,##0.00")
    assert Decimal(str(amounts[4][0])) == Decimal("166.66")
    card = wb["排名"]
    assert card[f"E{HEAD + 1}"].value == 88 and card[f"E{HEAD + 1}"].number_format == "#,##0.00"
    assert number_format("0.6667") == "#,##0.0000" and number_format("4030") == "#,##0"
    summary = {r[0]: r[1] for r in wb["概览"].iter_rows(min_row=HEAD + 1, values_only=True)}
    assert summary["退还（元）"] == 5700 and summary["违规"] == 2  # 2,700 + 3,000 refunded


def test_a_sheet_past_the_row_limit_goes_on(result_zh: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """REPORTS §4: past Excel's rows the sheet continues in 依据 (2), … (the limit made
    small here: the same code path a province's 1,048,576+ evidence rows take)."""
    import bureaukit.render.xlsx as xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", HEAD + 3)  # title block, header, 3 rows
    wb = load(render(result_zh, RenderOptions("zh")))
    parts = [n for n in wb.sheetnames if n.startswith("依据")]
    n = sum(len(o.evidence) for o in (*result_zh.scores, *result_zh.payments, *result_zh.findings))
    assert n > 3 and parts == ["依据"] + [f"依据 ({i})" for i in range(2, (n + 2) // 3 + 1)]
    rows = [r for name in parts for r in wb[name].iter_rows(min_row=HEAD + 1, values_only=True)]
    assert len(rows) == len({(r[0], r[1]) for r in rows}) == n  # every item once
    assert all(wb[n].max_row <= HEAD + 3 for n in parts)


def test_identical_bytes_twice(result_zh: Any) -> None:
    from core_support import sample_result

    a = render(result_zh, RenderOptions("zh"))
    assert a == render(sample_result("zh"), RenderOptions("zh"))
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert all(i.date_time == (2014, 7, 31, 0, 0, 0) for i in zf.infolist())
        assert b"2014-07-31T00:00:00Z" in zf.read("docProps/core.xml")


def test_missing_xlsxwriter_is_a_clear_input_error(result_zh: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    with pytest.raises(InputError) as exc:
        render(result_zh, RenderOptions("zh"))
    assert "pip install 'bureaukit[xlsx]'" in str(exc.value)


def test_every_sheet_prints_on_a4_fitted_to_its_width_with_the_header_on_each_page(result_zh: Any) -> None:
    """What 打印 gives a clerk: A4; landscape only where the columns are wider than a
    portrait page; scaled to one page wide; the header row repeated; page numbers."""
    wb = load(render(result_zh, RenderOptions("zh")))
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.print_title_rows == f"${HEAD}:${HEAD}", ws.title
        assert ws.oddFooter.center.text == "&P / &N"
        wide = sum(d.width for d in ws.column_dimensions.values() if d.width) > 100
        assert ws.page_setup.orientation == ("landscape" if wide else "portrait"), ws.title
    assert wb["问题"].page_setup.orientation == "landscape" and wb["概览"].page_setup.orientation == "portrait"


def test_columns_are_as_wide_as_what_excel_shows() -> None:
    """The demo's points are 30-digit quotients (71.65333…); Excel shows 71.65: the 得分
    column is sized to that, not 32 wide."""
    from pathlib import Path

    import bureaukit

    demo = bureaukit.score(bureaukit.load(Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"))
    ws = load(render(demo, RenderOptions("zh")))["“五比五争”主题实践活动"]
    assert ws[f"C{HEAD}"].value == "得分" and ws.column_dimensions["C"].width < 10


def test_the_scores_sheet_titles_each_metric_and_shows_rates_as_percentages(result_zh: Any) -> None:
    ws = load(render(result_zh, RenderOptions("zh")))["得分"]
    header = [c.value for c in ws[HEAD]]
    assert header[4:6] == ["指标", "代码"]
    rows = [r for r in ws.iter_rows(min_row=HEAD + 1) if r[5].value == "fixed_asset_wan"]
    assert rows and all(r[4].value == "固定资产投资" for r in rows)
    road = next(r for r in rows if r[2].value == "unit:road")
    assert road[6].value == 1520 and road[9].value == 1.0133 and road[9].number_format == "0.0%"
    findings = load(render(result_zh, RenderOptions("zh")))["问题"]
    assert [c.value for c in findings[HEAD]][5:7] == ["类型", "代码"]
