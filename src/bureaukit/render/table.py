"""``--format table``: aligned plain-text tables for a terminal (CORE §11).

The scorecards first, then one section per campaign: its scores, its payments (with
totals per kind) and its findings grouped by severity. Columns are aligned by display
width (CJK characters take two columns); every cell is cleaned of control characters
and bidi overrides; cells are cut with "…" only when ``options.width`` demands it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from bureaukit import display
from bureaukit.display import percent
from bureaukit.linebreak import display_width, truncate, wrap, wrap_evenly
from bureaukit.money import fmt_points
from bureaukit.outcomes import SEVERITIES
from bureaukit.render import RenderOptions
from bureaukit.render._labels import (
    APPEAL_COLUMNS,
    appeal_rows,
    campaign_names,
    campaign_title,
    cell_text,
    clean,
    group_label,
    label,
    matrix,
    message,
    pad,
    payment_totals,
)
from bureaukit.result import Result

GAP = "  "
MIN_CELL = 4
"""A column cut to fit ``options.width`` keeps at least this many columns."""


KEYS = "①②③④⑤⑥⑦⑧⑨⑩"
HEAD_WRAP = 12
"""A header wider than this wraps when its column's cells are narrower."""
HEAD_WHOLE = 8
"""A header this wide or narrower (到期日, 综合得分) is never broken: a column of short or
empty cells keeps room for it (到 / 期 / 日 down a column of dashes reads as noise)."""
WRAP_MIN = 12
"""A wrapped column (names, titles, messages) keeps at least this many columns."""


def format_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    align: str,
    width: int | None = None,
    shrink: Collection[int] = (),
    indent: str = "",
    wrap_cols: Collection[int] = (),
) -> list[str]:
    """Lines of an aligned table: header, a rule of ``-``, rows. *align* holds one of
    ``<``/``>`` per column. When *width* is given and the table is wider, the columns
    in *shrink* (codes) are cut with "…" down to :data:`MIN_CELL` first, then the
    columns in *wrap_cols* (names, messages) are wrapped onto more lines, never cut,
    down to :data:`WRAP_MIN`; other columns keep their widest body cell (a long header
    is cut). Every line has the same display width."""
    head = [clean(h) for h in header]
    body = [[clean(c) if c is not None else "" for c in r] for r in rows]
    widths = _natural_widths(head, body)
    if width is not None:
        room = width - display_width(indent) - display_width(GAP) * (len(head) - 1)
        _fit(widths, head, body, room, shrink, wrap_cols)
    heads = [wrap_evenly(h, widths[i]) for i, h in enumerate(head)]
    out = _stacked(heads, widths, align, indent)
    out.append(indent + GAP.join("-" * w for w in widths))
    for r in body:
        pieces = [wrap(c, widths[i]) if i in wrap_cols else [truncate(c, widths[i])] for i, c in enumerate(r)]
        out += _stacked(pieces, widths, align, indent)
    return out


def _natural_widths(head: Sequence[str], body: Sequence[Sequence[str]]) -> list[int]:
    """Each column's widest body cell; a header wraps onto more lines rather than widen a
    column of short numbers (:data:`HEAD_WRAP`)."""
    widths = [min(display_width(h), HEAD_WRAP) for h in head]
    for r in body:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], display_width(c))
    return widths


def _fit(widths: list[int], head: Sequence[str], body: Sequence[Sequence[str]], room: int,
         shrink: Collection[int], wrap_cols: Collection[int]) -> None:
    """Narrow *widths* in place to *room*: codes give way first, then the wrapped text,
    then short headers (:data:`HEAD_WHOLE`), kept whole until then; the widest column
    first each time; the other columns keep their widest body cell."""
    ncol = len(widths)
    widest_body = [max((display_width(r[i]) for r in body), default=1) for i in range(ncol)]
    short_head = [w if w <= HEAD_WHOLE else 2 for w in map(display_width, head)]
    fixed = [max(widest_body[i], 2) for i in range(ncol)]  # a CJK character needs two
    cut_floor = [max(min(widths[i], MIN_CELL), 2) if i in shrink else max(fixed[i], short_head[i]) for i in range(ncol)]
    wrap_floor = [max(min(widths[i], WRAP_MIN), 2) if i in wrap_cols else cut_floor[i] for i in range(ncol)]
    last_floor = [wrap_floor[i] if i in shrink or i in wrap_cols else fixed[i] for i in range(ncol)]
    for floor in (cut_floor, wrap_floor, last_floor):
        while sum(widths) > room:
            candidates = [i for i in range(ncol) if widths[i] > floor[i]]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: (widths[i], -i))
            widths[widest] -= 1


def _stacked(pieces: Sequence[Sequence[str]], widths: Sequence[int], align: str, indent: str) -> list[str]:
    """One table row whose cells are each a list of lines, padded side by side."""
    height = max(len(p) for p in pieces)
    return [
        indent + GAP.join(pad(p[k] if k < len(p) else "", widths[i], align[i]) for i, p in enumerate(pieces))
        for k in range(height)
    ]


class _Out:
    """The lines of a report being written, with the width they must keep to."""

    def __init__(self, result: Result, options: RenderOptions) -> None:
        self.result = result
        self.lang = options.lang
        self.width = options.width
        self.lines: list[str] = []

    def text(self, text: str) -> None:
        """A line of prose: wrapped to the width, never cut."""
        self.lines += wrap(clean(text), self.width) if self.width else [clean(text)]

    def heading(self, text: str, char: str = "=") -> None:
        self.lines.append("")
        self.text(text)
        self.lines.append(char * min(display_width(clean(text)), self.width or 1 << 30))

    def none(self) -> None:
        self.lines.append(label("none", self.lang))


def _head(out: _Out) -> None:
    r, lang = out.result, out.lang
    p = r.period
    status = label("final", lang) if p.final else label("provisional", lang)
    out.text(f"{r.bureau_name}  {label('report', lang)}")
    out.text(
        f"{label('period', lang)} {p.id} ({p.start.isoformat()} – {p.end.isoformat()})  "
        f"{label('as_of', lang)} {p.as_of.isoformat()}  "
        f"{label('time_progress', lang)} {percent(p.time_progress)}  ({status})"
    )
    if r.no_rows:
        out.text(f"!! {label('no_rows', lang)}")


def _scorecards(out: _Out) -> None:
    r, lang = out.result, out.lang
    out.heading(label("scorecards", lang))
    if not r.scorecards:
        out.none()
        return
    rated = [c for c in campaign_names(r) if any(c in card.campaigns for card in r.scorecards)]
    titles = [campaign_title(r, c, lang) for c in rated]
    if out.width is not None and len(rated) > 1:
        # a terminal: the campaigns numbered ①② … with a legend, not headers eight lines tall
        keys = [KEYS[i] if i < len(KEYS) else str(i + 1) for i in range(len(rated))]
        out.text("  ".join(f"{k} {t}" for k, t in zip(keys, titles, strict=True)))
        titles = keys
    header = [
        label("rank", lang), label("group", lang), label("name", lang), label("composite", lang),
        label("grade", lang), *titles, label("subject", lang),
    ]
    rows: list[list[str | None]] = [
        [
            "" if card.rank is None else str(card.rank), group_label(card.group, lang), card.name,
            fmt_points(card.composite), card.grade or "",
            *(fmt_points(card.campaigns[c]) if c in card.campaigns else "" for c in rated), card.subject,
        ]
        for card in r.scorecards
    ]
    ncol = len(header)
    out.lines += format_table(header, rows, "><<><" + ">" * len(rated) + "<", out.width,
                              shrink=(ncol - 1,), wrap_cols=(1, 2, 4))


def _scores(out: _Out, camp: str) -> None:
    """The campaign's matrix: one row per subject, one column per metric."""
    r, lang = out.result, out.lang
    m = matrix(r, camp)
    out.lines += ["", f"[{label('scores', lang)}]"]
    if not m.rows:
        out.none()
        return
    header = [label("name", lang), *(metric.title(lang) for _, metric in m.metrics), label("subject", lang)]
    rows: list[list[str | None]] = [
        [
            r.name_of(subject),
            *(cell_text(cells[name], metric) if name in cells else "" for name, metric in m.metrics),
            subject,
        ]
        for subject, cells in m.rows
    ]
    n = len(m.metrics)
    out.lines += format_table(header, rows, "<" + ">" * n + "<", out.width, shrink=(n + 1,),
                              wrap_cols=range(n + 1))


def _payments(out: _Out, camp: str) -> None:
    r, lang = out.result, out.lang
    payments = [x for x in r.payments if x.campaign == camp]
    out.lines += ["", f"[{label('payments', lang)}]"]
    if not payments:
        out.none()
        return
    header = [
        label("name", lang), label("kind", lang), label("amount", lang), label("pay_period", lang),
        label("subject", lang),
    ]
    rows: list[list[str | None]] = [
        [r.name_of(x.subject), label(x.kind, lang), display.money(x.amount), x.period or "", x.subject]
        for x in payments
    ]
    rows += [
        [label("total", lang), label(k, lang), display.money(v), "", ""] for k, v in payment_totals(payments)
    ]
    out.lines += format_table(header, rows, "<<><<", out.width, shrink=(4, 3), wrap_cols=(0,))


def _findings(out: _Out, camp: str) -> None:
    r, lang = out.result, out.lang
    findings = [f for f in r.findings if f.campaign == camp]
    out.lines += ["", f"[{label('findings', lang)}]"]
    if not findings:
        out.none()
    for sev in SEVERITIES:
        these = [f for f in findings if f.severity == sev]
        if not these:
            continue
        out.lines.append(f"{label(sev, lang)} ({len(these)})")
        header = [label("name", lang), label("kind", lang), label("due", lang), label("message", lang)]
        rows: list[list[str | None]] = [
            [
                r.name_of(f.subject), r.finding_title(camp, f.code, lang),
                f.due.isoformat() if f.due else "", message(f.message, lang),
            ]
            for f in these
        ]
        out.lines += format_table(header, rows, "<<<<", out.width, indent="  ", wrap_cols=(0, 1, 3))


SECTIONS: list[Callable[[_Out, str], None]] = [_scores, _payments, _findings]
"""Each campaign's sections, in order: a module adding one appends its function."""


def render(result: Result, options: RenderOptions) -> str:
    out = _Out(result, options)
    _head(out)
    _scorecards(out)
    for camp in campaign_names(result):
        out.heading(campaign_title(result, camp, options.lang) if camp else "—")
        for section in SECTIONS:
            section(out, camp)
    out.lines += appeals_lines(result, options.lang, options.width)
    if options.audit:
        out.heading(label("audit", options.lang))
        for line in options.audit:
            out.text(line)
    return "\n".join(out.lines) + "\n"


def appeals_lines(result: Result, lang: str, width: int | None) -> list[str]:
    """The 异议复核 section: pending appeals, then the decided ones with their outcome."""
    title = label("appeals", lang)
    out = ["", title, "=" * display_width(title)]
    rows = appeal_rows(result, lang)
    if not rows:
        return [*out, label("none", lang)]
    header = [label(k, lang) for k in APPEAL_COLUMNS]
    return out + format_table(header, rows, "<" * len(header), width, shrink=(6, 10, 2, 3))
