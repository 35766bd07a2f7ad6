"""``--format xlsx``: an Excel workbook a bureau files (REPORTS §4), written with xlsxwriter.

Sheets, named in ``options.lang``: 概览 (the summary), 排名 (scorecards), one per
campaign as its matrix (subjects × metrics), 得分 (every score, one per row), 资金, 问题,
依据. Every sheet starts with a title block (bureau, period, as-of, 最终结果 / 阶段性结果),
then the bold header row, frozen. A sheet longer than Excel's 1,048,576 rows goes on in
``依据 (2)``, ``依据 (3)`` … with the same title block and header.

Numbers are numbers, formatted by the metric's kind: ``#,##0.00`` for money, ``0.00``
for points and scores, ``0.0%`` for rates, ``#,##0`` / ``#,##0.####`` for amounts and
counts. They are made from the written form (a Decimal), and any amount of up to 15
significant digits (below 10¹³ 元 to the fen) reads back exactly; the exact strings are
in the csv zip and the JSON.

Text is written as text, never as a formula, URL or number, whatever it starts with;
text that starts like a formula (``=``, ``+``, ``-``, ``@``) also gets Excel's quote
prefix, so that editing the cell keeps it text.

Deterministic: the document properties carry the run's as-of date and the zip entries
that date, so the same result gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bureaukit import display
from bureaukit.catalogue import Metric
from bureaukit.errors import InputError
from bureaukit.linebreak import display_width
from bureaukit.outcomes import SEVERITIES
from bureaukit.render import RenderOptions
from bureaukit.render._labels import (
    Section,
    campaign_names,
    campaign_title,
    clean,
    fixed_zip,
    is_formula_like,
    label,
    matrix,
    payment_totals,
    sections,
    unit_text,
)
from bureaukit.result import Result

MAX_ROWS = 1_048_576
"""Excel's rows per sheet."""
MAX_COL_WIDTH = 60
_PLACES = {"money": Decimal("0.01"), "points": Decimal("0.01"), "rate": Decimal("0.0001")}
NEEDS = "--format xlsx needs xlsxwriter: pip install 'bureaukit[xlsx]'"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

Cell = tuple[Any, str]
"""A value and its format key: ``text``, ``money``, ``points``, ``rate``, ``int``,
``amount``, ``date`` or ``head``."""


def number_format(written: str) -> str:
    """The format that shows a written form's places: ``"3000.00"`` → ``#,##0.00``."""
    places = len(written.partition(".")[2])
    return "#,##0." + "0" * places if places else "#,##0"


def metric_format(metric: Metric) -> str:
    """A metric's format key by its kind (REPORTS §2)."""
    if metric.kind in ("points", "score"):
        return "points"
    if metric.kind == "rate":
        return "rate"
    if metric.kind == "amount" and metric.unit == "元":
        return "money"
    return "amount"


PORTRAIT_WIDTH = 100
"""Columns (of Excel's character width) an A4 portrait page holds at 100 %; a wider
sheet prints landscape, and every sheet is scaled to its page's width."""


def shown(value: Any, kind: str) -> str:
    """A cell as Excel shows it under its format, to size its column (a point's Decimal
    quotient is 30 digits long; Excel shows ``88.49``)."""
    if kind in ("text", "date", "head"):
        return str(value)
    number = Decimal(str(value))
    if kind == "money":
        return display.money(number)
    if kind == "points":
        return display.points(number)
    if kind == "rate":
        return display.percent(number)
    if kind == "exact":
        return f"{number:,f}"
    return display.thousands(number.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def column_widths(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    """Each column as wide as its widest cell as shown, each line of it (CJK counts two),
    and its header; two to spare, at most :data:`MAX_COL_WIDTH` (longer text wraps).
    Each distinct cell is measured once (a column repeats its campaign's title, its
    names and its source files on every row)."""
    distinct: list[set[tuple[Any, str]]] = [set() for _ in header]
    for row in rows:
        for i, cell in enumerate(row):
            if cell[0] is not None:
                distinct[i].add(cell)
    widths = [display_width(clean(h)) for h in header]
    for i, cells in enumerate(distinct):
        for value, kind in cells:
            widths[i] = max(widths[i], max(display_width(part) for part in shown(value, kind).split("\n")))
    return [min(MAX_COL_WIDTH, w + 2) for w in widths]


def print_setup(ws: Any, head_row: int, width: int) -> None:
    """What a clerk's 打印 gives: A4, landscape when the columns are wider than a portrait
    page, scaled to the page's width (as many pages down as it takes), the header row
    repeated on every page and 第 N 页 / 共 M 页 at the foot."""
    ws.set_paper(9)  # A4
    if width > PORTRAIT_WIDTH:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(head_row)
    ws.set_footer("&C&P / &N")


class _Book:
    """The workbook, its cell formats and the sheet names taken."""

    def __init__(self, wb: Any, result: Result, lang: str) -> None:
        self.wb = wb
        self.result = result
        self.lang = lang
        self.names: set[str] = set()
        base = {"font_name": "宋体" if lang != "en" else "Calibri", "font_size": 11}
        add = wb.add_format
        self.formats: dict[str, Any] = {
            "text": add({**base, "text_wrap": True, "valign": "top"}),
            "formula": add({**base, "text_wrap": True, "valign": "top", "quote_prefix": True}),
            "head": add({**base, "bold": True, "bg_color": "#E9EDF3", "bottom": 1, "text_wrap": True,
                         "valign": "vcenter"}),
            "title": add({**base, "bold": True, "font_size": 14}),
            "meta": add({**base, "font_color": "#5B6576"}),
            "money": add({**base, "num_format": "#,##0.00", "valign": "top"}),
            "points": add({**base, "num_format": "0.00", "valign": "top"}),
            "rate": add({**base, "num_format": "0.0%", "valign": "top"}),
            "int": add({**base, "num_format": "#,##0", "valign": "top"}),
            "amount": add({**base, "num_format": "#,##0.####", "valign": "top"}),
            "date": add({**base, "valign": "top"}),
        }
        self.exact: dict[str, Any] = {}

    def exact_format(self, written: str) -> Any:
        """A format showing exactly the written form's places (``0.6667`` → 4)."""
        fmt = number_format(written)
        if fmt not in self.exact:
            self.exact[fmt] = self.wb.add_format({"num_format": fmt, "valign": "top"})
        return self.exact[fmt]

    def sheet_name(self, title: str) -> str:
        """*title* as a sheet name Excel accepts (≤ 31 characters, no ``[]:*?/\\``), unique."""
        name = _SHEET_BAD.sub("／", clean(title)).strip("'") or "sheet"
        name = name[:31]
        n = 2
        candidate = name
        while candidate.lower() in self.names:
            suffix = f" ({n})"
            candidate = name[: 31 - len(suffix)] + suffix
            n += 1
        self.names.add(candidate.lower())
        return candidate

    def title_block(self) -> list[str]:
        r, lang = self.result, self.lang
        p = r.period
        status = label("final", lang) if p.final else label("provisional", lang)
        lines = [
            f"{clean(r.bureau_name)}  {label('report', lang)}",
            f"{label('period', lang)} {clean(p.id)}（{p.start.isoformat()} — {p.end.isoformat()}）  "
            f"{label('as_of', lang)} {p.as_of.isoformat()}  {status}  "
            f"{label('time_progress', lang)} {display.percent(p.time_progress)}",
        ]
        if r.no_rows:
            lines.append(label("no_rows", lang))
        return lines

    def table(self, title: str, header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
        """A sheet (or several, past :data:`MAX_ROWS`) with the title block, the frozen
        header and *rows*; columns as wide as their widest cell (CJK counts two)."""
        block = self.title_block()
        head_row = len(block) + 1
        per_sheet = MAX_ROWS - head_row - 1
        chunks = [rows[i:i + per_sheet] for i in range(0, len(rows), per_sheet)] or [rows]
        widths = column_widths(header, rows)
        for chunk in chunks:
            ws = self.wb.add_worksheet(self.sheet_name(title))
            for i, line in enumerate(block):
                ws.write_string(i, 0, line, self.formats["title" if i == 0 else "meta"])
            for c, h in enumerate(header):
                ws.write_string(head_row, c, clean(h), self.formats["head"])
            for r_i, row in enumerate(chunk, start=head_row + 1):
                for c, (value, kind) in enumerate(row):
                    self.write(ws, r_i, c, value, kind)
            for c, w in enumerate(widths):
                ws.set_column(c, c, w)
            ws.freeze_panes(head_row + 1, 0)
            print_setup(ws, head_row, sum(widths))
            if chunk:
                ws.autofilter(head_row, 0, head_row + len(chunk), len(header) - 1)

    def write(self, ws: Any, row: int, col: int, value: Any, kind: str) -> None:
        if value is None:
            return
        if kind == "text" or kind == "date":
            text = clean(value, newlines=True)  # no control or bidi character reaches a cell
            fmt = "formula" if is_formula_like(text) else "text"
            ws.write_string(row, col, text, self.formats[fmt])
        elif kind == "exact":
            ws.write_number(row, col, float(Decimal(str(value))), self.exact_format(str(value)))
        else:
            number = Decimal(str(value))
            places = _PLACES.get(kind)
            if places is not None:  # the written form's rounding (CORE §4), not the raw quotient
                number = number.quantize(places, rounding=ROUND_HALF_UP)
            if kind == "amount" and number == number.to_integral_value():
                kind = "int"  # "#,##0.####" would show 6,900 as "6,900."
            # The one float: a spreadsheet cell holds an IEEE double. The amount is rounded
            # as written first, and a double's shortest repr gives back every 2-place amount
            # far beyond a bureau's sums (Excel shows 15 significant digits).
            ws.write_number(row, col, float(number), self.formats[kind])


# --- sheets ---------------------------------------------------------------------------


def _summary(book: _Book) -> None:
    """概览: what page one of the html says, as label / value rows."""
    r, lang = book.result, book.lang
    rows: list[list[Cell]] = [
        [(label("rated", lang), "text"), (sum(1 for c in r.scorecards if c.rank is not None), "int")],
    ]
    rows += [
        [(label(sev, lang), "text"), (sum(1 for f in r.findings if f.severity == sev), "int")] for sev in SEVERITIES
    ]
    rows += [[(f"{label(kind, lang)}（元）" if lang != "en" else f"{label(kind, lang)} (yuan)", "text"),
              (total, "money")] for kind, total in payment_totals(r.payments)]
    grades: dict[str, int] = {}
    for c in r.scorecards:
        if c.rank is not None and c.grade:
            grades[c.grade] = grades.get(c.grade, 0) + 1
    rows += [[(f"{label('grade', lang)} {clean(g)}", "text"), (n, "int")] for g, n in grades.items()]
    book.table(label("sheet_summary", lang), [label("name", lang), label("value", lang)], rows)


def _flat(book: _Book, section: Section, title: str) -> None:
    kinds = {"text": "text", "num": "exact", "int": "int", "date": "date"}
    rows = [
        [(value, kinds[col.kind] if not (col.kind == "int" and not isinstance(value, int)) else "text")
         for col, value in zip(section.columns, row, strict=True)]
        for row in section.rows
    ]
    book.table(title, [c.title for c in section.columns], rows)


def _scores(book: _Book, section: Section) -> None:
    """得分: one score a row, its value and target formatted by its metric's kind (a rate
    as a percentage, money to the fen) and its completion as a percentage."""
    r = book.result
    rows: list[list[Cell]] = []
    for s, row in zip(r.scores, section.rows, strict=True):
        kind = metric_format(r.metric(s.campaign, s.metric))
        by_key = {"value": kind, "target": kind, "completion": "rate"}
        rows.append([(value, by_key.get(col.key, "text")) for col, value in zip(section.columns, row, strict=True)])
    book.table(section.title, [c.title for c in section.columns], rows)


def _campaign(book: _Book, camp: str) -> None:
    """A campaign as its matrix: the value and, for a metric with targets, the target
    and the completion (a rate) beside it."""
    r, lang = book.result, book.lang
    m = matrix(r, camp)
    targeted = {
        name for name, _ in m.metrics
        if any(cells.get(name) is not None and cells[name].target is not None for _, cells in m.rows)
    }
    header = [label("name", lang), label("subject", lang)]
    for name, metric in m.metrics:
        shown = unit_text(metric.unit, lang, header=True) if metric.kind == "amount" and metric.unit else ""
        unit = (f" ({shown})" if lang == "en" else f"（{shown}）") if shown else ""
        header.append(metric.title(lang) + unit)
        if name in targeted:
            header += [f"{metric.title(lang)} {label('target', lang)}{unit}",
                       f"{metric.title(lang)} {label('completion', lang)}"]
    rows: list[list[Cell]] = []
    for subject, cells in m.rows:
        row: list[Cell] = [(r.name_of(subject), "text"), (subject, "text")]
        for name, metric in m.metrics:
            s = cells.get(name)
            kind = metric_format(metric)
            row.append((None if s is None else s.value, kind))
            if name in targeted:
                target = None if s is None else s.target
                done = Decimal(s.value) / Decimal(target) if s is not None and target else None
                row += [(target, kind), (done, "rate")]
        rows.append(row)
    book.table(campaign_title(r, camp, lang), header, rows)


def render(result: Result, options: RenderOptions) -> bytes:
    try:
        import xlsxwriter
    except ImportError as exc:
        raise InputError([NEEDS]) from exc

    lang = options.lang
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {
        "in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
    })
    as_of = result.period.as_of
    wb.set_properties({
        "title": clean(result.bureau_name), "author": "bureaukit", "created": datetime(as_of.year, as_of.month, as_of.day),
    })
    book = _Book(wb, result, lang)
    flat = {s.key: s for s in sections(result, lang)}
    _summary(book)
    _flat(book, flat["scorecards"], label("sheet_ranking", lang))
    for camp in campaign_names(result):
        _campaign(book, camp)
    _scores(book, flat["scores"])
    for key in ("payments", "findings", "evidence", "appeals"):
        _flat(book, flat[key], flat[key].title)
    wb.close()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as raw:
        members = [(info.filename, raw.read(info)) for info in raw.infolist()]
    return fixed_zip(members, as_of)
