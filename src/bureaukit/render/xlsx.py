"""``--format xlsx``: an Excel workbook, one sheet per section (CORE §11, §12).

Sheets 概览/Scorecards, 得分/Scores, 资金/Payments, 问题/Findings, 依据/Evidence
(names and headers in ``options.lang``); the header row bold and frozen; columns as
wide as their widest cell in display width (CJK counts two).

Numbers: money, points, rates and counts are written as numbers, made from the
written form (``Decimal("3000.00")``, never from a float the engine computed); openpyxl
stores them with 16 significant digits, which gives back the written digits exactly
for every value of up to 15 significant digits (any amount below 10¹³ 元 to the fen).
Each cell's number format has as many places as the written form (``0.00`` for
money and points, ``0.0000`` for rates, ``0`` for whole counts), so Excel shows the
same string the JSON writes, and sums and filters work. The exact strings are in the
csv zip and the JSON.

Text: every text cell (names, messages, notes, keys, ids) is stored as a string
(``data_type = "s"``, an inline string), never a formula or an error value, whatever
it starts with; one that starts like a formula (``=``, ``+``, ``-``, ``@``) also gets
Excel's quote prefix, so that editing the cell in Excel keeps it text. The value
itself is not changed.

Deterministic: document properties created/modified are the run's as-of date, and the
zip entries carry that date, so the same result gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from decimal import Decimal
from typing import Any

from bureaukit.errors import InputError
from bureaukit.render import RenderOptions
from bureaukit.render._labels import Section, display_width, fixed_zip, is_formula_like, sections
from bureaukit.result import Result

MAX_COL_WIDTH = 60
NEEDS = "--format xlsx needs openpyxl: pip install 'bureaukit[xlsx]'"


def number_format(written: str) -> str:
    """``"3000.00"`` → ``"0.00"``, ``"0.6667"`` → ``"0.0000"``, ``"4030"`` → ``"0"``."""
    places = len(written.partition(".")[2])
    return "0." + "0" * places if places else "0"


def _fill(ws: Any, section: Section, bold: Any) -> None:
    widths = [display_width(c.title) for c in section.columns]
    ws.append([c.title for c in section.columns])
    for cell in ws[1]:
        cell.data_type = "s"
        cell.font = bold
    for r, row in enumerate(section.rows, start=2):
        for i, (col, value) in enumerate(zip(section.columns, row, strict=True), start=1):
            if value is None:
                continue
            cell = ws.cell(row=r, column=i)
            text = str(value)
            if col.kind == "num":
                cell.value = Decimal(text)
                cell.number_format = number_format(text)
            elif col.kind == "int" and isinstance(value, int):
                cell.value = value
            else:
                cell.value = text
                cell.data_type = "s"
                if is_formula_like(text):
                    cell.quotePrefix = True
            longest = max((display_width(part) for part in text.split("\n")), default=0)
            widths[i - 1] = max(widths[i - 1], longest)
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_COL_WIDTH, w + 2)
    ws.freeze_panes = "A2"
    if section.rows:
        ws.auto_filter.ref = ws.dimensions


def render(result: Result, options: RenderOptions) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.writer.excel import ExcelWriter
    except ImportError as exc:
        raise InputError([NEEDS]) from exc

    wb = Workbook()
    bold = Font(bold=True)
    first = True
    for section in sections(result, options.lang):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = section.title
        _fill(ws, section, bold)
    stamp = datetime(result.period.as_of.year, result.period.as_of.month, result.period.as_of.day)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "bureaukit"
    wb.properties.title = result.bureau_name
    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save() would stamp "modified" with the clock.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as raw:
        members = [(info.filename, raw.read(info)) for info in raw.infolist()]
    return fixed_zip(members, result.period.as_of)
