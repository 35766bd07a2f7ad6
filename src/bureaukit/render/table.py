"""``--format table``: aligned plain-text tables for a terminal (CORE §11).

The scorecards first, then one section per campaign: its scores, its payments (with
totals per kind) and its findings grouped by severity. Columns are aligned by display
width (CJK characters take two columns); every cell is cleaned of control characters
and bidi overrides; cells are cut with "…" only when ``options.width`` demands it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bureaukit.money import fmt_money, fmt_points
from bureaukit.outcomes import SEVERITIES
from bureaukit.render import RenderOptions
from bureaukit.render._labels import (
    campaign_names,
    campaign_title,
    clean,
    completion,
    display_width,
    group_label,
    label,
    message,
    pad,
    payment_totals,
    percent,
    truncate,
)
from bureaukit.result import Result, write_value

GAP = "  "
MIN_CELL = 4
"""A column cut to fit ``options.width`` keeps at least this many columns."""


def format_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str | None]],
    align: str,
    width: int | None = None,
    shrink: Collection[int] = (),
    indent: str = "",
) -> list[str]:
    """Lines of an aligned table: header, a rule of ``-``, rows. *align* holds one of
    ``<``/``>`` per column. When *width* is given and the table is wider, the columns
    listed in *shrink* are cut with "…" down to :data:`MIN_CELL`, the other columns only
    down to their widest body cell (a long header is cut), the widest first.
    Every line has the same display width."""
    head = [clean(h) for h in header]
    body = [[clean(c) if c is not None else "" for c in r] for r in rows]
    ncol = len(head)
    widths = [display_width(h) for h in head]
    for r in body:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], display_width(c))
    if width is not None:
        # A cuttable column keeps MIN_CELL columns; any other keeps its widest body
        # cell (only its header may be cut). The widest column gives way first.
        floor = [
            min(widths[i], MIN_CELL) if i in shrink else max((display_width(r[i]) for r in body), default=1)
            for i in range(ncol)
        ]
        floor = [max(f, 1) for f in floor]
        room = width - display_width(indent) - display_width(GAP) * (ncol - 1)
        while sum(widths) > room:
            candidates = [i for i in range(ncol) if widths[i] > floor[i]]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: (widths[i], -i))
            widths[widest] -= 1

    def line(cells: Sequence[str]) -> str:
        parts = [pad(truncate(c, widths[i]), widths[i], align[i]) for i, c in enumerate(cells)]
        return indent + GAP.join(parts)

    out = [line(head), indent + GAP.join("-" * w for w in widths)]
    out += [line(r) for r in body]
    return out


def render(result: Result, options: RenderOptions) -> str:
    lang = options.lang
    width = options.width
    lines: list[str] = []
    p = result.period
    status = label("final", lang) if p.final else label("provisional", lang)
    title = f"{clean(result.bureau_name)}  {label('report', lang)}"
    lines.append(truncate(title, width) if width else title)
    meta = (
        f"{label('period', lang)} {clean(p.id)} ({p.start.isoformat()} – {p.end.isoformat()})  "
        f"{label('as_of', lang)} {p.as_of.isoformat()}  "
        f"{label('time_progress', lang)} {percent(p.time_progress, 2)}  ({status})"
    )
    lines.append(truncate(meta, width) if width else meta)

    def heading(text: str, char: str = "=") -> None:
        lines.append("")
        lines.append(truncate(text, width) if width else text)
        lines.append(char * min(display_width(text), width or 1 << 30))

    def none() -> None:
        lines.append(label("none", lang))

    camps = campaign_names(result)
    heading(label("scorecards", lang))
    rated = [c for c in camps if any(c in card.campaigns for card in result.scorecards)]
    if result.scorecards:
        header = [
            label("rank", lang), label("group", lang), label("name", lang), label("subject", lang),
            label("composite", lang), label("grade", lang), *(campaign_title(result, c, lang) for c in rated),
        ]
        rows: list[list[str | None]] = [
            [
                "" if card.rank is None else str(card.rank), group_label(card.group, lang), card.name,
                card.subject, fmt_points(card.composite), card.grade or "",
                *(fmt_points(card.campaigns[c]) if c in card.campaigns else "" for c in rated),
            ]
            for card in result.scorecards
        ]
        lines += format_table(header, rows, "><<<><" + ">" * len(rated), width, shrink=(2, 3, 1, 5))
    else:
        none()

    for camp in camps:
        heading(f"{campaign_title(result, camp, lang)} ({camp})" if camp else "—")
        scores = [s for s in result.scores if s.campaign == camp]
        payments = [x for x in result.payments if x.campaign == camp]
        findings = [f for f in result.findings if f.campaign == camp]

        lines.append("")
        lines.append(f"[{label('scores', lang)}]")
        if scores:
            header = [
                label("name", lang), label("subject", lang), label("metric", lang), label("value", lang),
                label("target", lang), label("unit", lang), label("completion", lang),
            ]
            rows = []
            for s in scores:
                c = completion(s)
                rows.append([
                    result.name_of(s.subject), s.subject, s.metric, write_value(s, s.value),
                    write_value(s, s.target), s.unit, None if c is None else percent(c),
                ])
            lines += format_table(header, rows, "<<<>><>", width, shrink=(0, 1, 2, 5))
        else:
            none()

        lines.append("")
        lines.append(f"[{label('payments', lang)}]")
        if payments:
            header = [
                label("name", lang), label("subject", lang), label("kind", lang),
                label("amount", lang), label("pay_period", lang),
            ]
            rows = [
                [result.name_of(x.subject), x.subject, label(x.kind, lang), fmt_money(x.amount), x.period or ""]
                for x in payments
            ]
            rows += [
                [label("total", lang), "", label(k, lang), fmt_money(v), ""]
                for k, v in payment_totals(payments)
            ]
            lines += format_table(header, rows, "<<<><", width, shrink=(0, 1, 4))
        else:
            none()

        lines.append("")
        lines.append(f"[{label('findings', lang)}]")
        if not findings:
            none()
        for sev in SEVERITIES:
            these = [f for f in findings if f.severity == sev]
            if not these:
                continue
            lines.append(f"{label(sev, lang)} ({len(these)})")
            header = [
                label("name", lang), label("subject", lang), label("code", lang),
                label("due", lang), label("message", lang),
            ]
            rows = [
                [
                    result.name_of(f.subject), f.subject, f.code,
                    f.due.isoformat() if f.due else "", message(f.message, lang),
                ]
                for f in these
            ]
            lines += format_table(header, rows, "<<<<<", width, shrink=(4, 0, 1, 2), indent="  ")
    return "\n".join(lines) + "\n"
