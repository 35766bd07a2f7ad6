"""``--format html``: one self-contained offline HTML page (CORE §11, §12).

No request of any kind leaves the page: no CDN, no web font, no image by URL, no
script at all; the styles are inline and the charts are inline SVG drawn here. A
Content-Security-Policy ``default-src 'none'; style-src 'unsafe-inline'; img-src
data:`` makes the browser refuse anything else. Every piece of data (names,
messages, notes, keys, titles) goes through :func:`esc`: control characters and bidi
overrides dropped, then ``html.escape(quote=True)``.

Content: the bureau, period, as-of date and 序时进度; a summary; the ranking chart
(bars by composite per group, with rank and grade); each unit's completion of its
targets against 序时进度; then per campaign its scores, findings by severity and
payments with totals per kind, evidence in ``<details>``. Prints on A4.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from bureaukit.money import fmt_money, fmt_points
from bureaukit.outcomes import SEVERITIES, Evidence, Score
from bureaukit.render import RenderOptions
from bureaukit.render._labels import (
    APPEAL_COLUMNS,
    anchor,
    appeal_rows,
    campaign_names,
    campaign_title,
    clean,
    completion,
    display_width,
    evidence_text,
    group_label,
    label,
    message,
    payment_totals,
    percent,
    truncate,
)
from bureaukit.result import Result, write_value
from bureaukit.scorecards import Scorecard

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

GRADE_COLOURS = ("#1f7a4d", "#2563a8", "#c27c0e", "#b42318", "#6b4fa0", "#4b5563")
NO_GRADE = "#7b8794"
GOOD, FAIR, POOR = "#1f7a4d", "#c27c0e", "#b42318"

FONT = (
    '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
    '"WenQuanYi Micro Hei","Helvetica Neue",Arial,sans-serif'
)

CSS = """
:root{--ink:#1d2433;--muted:#5b6576;--line:#d9dee7;--soft:#f4f6fa;--accent:#9b1c1c;
--violation:#b42318;--warning:#b54708;--info:#175cd3}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:var(--ink);font:14px/1.55 FONT;}
.page{max-width:1100px;margin:0 auto;background:#fff;padding:32px 44px 48px;
box-shadow:0 1px 4px rgba(0,0,0,.08)}
header.top{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
header.top .kicker{color:var(--accent);font-weight:600;letter-spacing:.08em;font-size:13px}
h1{font-size:26px;margin:4px 0 10px;line-height:1.3}
h2{font-size:19px;margin:34px 0 12px;padding:6px 0 6px 12px;border-left:5px solid var(--accent);
background:linear-gradient(90deg,var(--soft),#fff);break-after:avoid;page-break-after:avoid}
h2 small{font-weight:400;color:var(--muted);font-size:12px;margin-left:8px}
h3{font-size:15px;margin:22px 0 8px;color:#2b3445;break-after:avoid;page-break-after:avoid}
h4{font-size:14px;margin:14px 0 6px;break-after:avoid;page-break-after:avoid}
.meta{display:flex;flex-wrap:wrap;gap:6px 26px;margin:0;color:var(--muted)}
.meta div{display:flex;gap:6px}.meta dt{font-weight:600;color:var(--ink)}.meta dd{margin:0}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600}
.status.final{background:#e6f4ea;color:#1f7a4d}.status.provisional{background:#fff4e5;color:#b54708}
nav.toc{margin:14px 0 4px;font-size:13px}
nav.toc a{color:#2563a8;text-decoration:none;margin-right:14px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
.kpi{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--soft)}
.kpi .k{font-size:12px;color:var(--muted)}.kpi .v{font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}
.kpi.violation .v{color:var(--violation)}.kpi.warning .v{color:var(--warning)}.kpi.info .v{color:var(--info)}
.kpi .v small{font-size:12px;font-weight:400;color:var(--muted);margin-left:2px}
svg{display:block;width:100%;height:auto;font-family:FONT}
.chart{margin:6px 0 14px}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:var(--muted);margin:2px 0 8px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.legend i.tp{width:0;height:12px;border-left:2px dashed var(--accent);border-radius:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px;align-items:start}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 12px 6px;break-inside:avoid;page-break-inside:avoid}
.card h4{margin:0 0 4px;font-size:14px}.card h4 span{color:var(--muted);font-weight:400;font-size:12px;margin-left:6px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:#e9edf3;font-weight:600;white-space:nowrap;border-bottom:2px solid #c5ccd8}
tbody tr:nth-child(even){background:#fafbfd}
tr{break-inside:avoid;page-break-inside:avoid}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.subj,span.subj{color:var(--muted);font-size:12px;white-space:nowrap}
tfoot td{font-weight:600;background:var(--soft)}tfoot tr:first-child td{border-top:2px solid #c5ccd8}
.cell{overflow-wrap:break-word}
td.name{min-width:10em}td.metric{white-space:nowrap}td.ev{width:40%;min-width:12em}
details .note{display:block;max-height:12em;overflow:auto;white-space:pre-wrap}
.good{color:#1f7a4d}.fair{color:#b54708}.poor{color:#b42318}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:0 7px;border-radius:10px;color:#fff}
.badge.violation{background:var(--violation)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
.finding{border:1px solid var(--line);border-left:5px solid;border-radius:4px;padding:7px 10px;margin:6px 0;
break-inside:avoid;page-break-inside:avoid}
.finding.violation{border-left-color:var(--violation);background:#fef3f2}
.finding.warning{border-left-color:var(--warning);background:#fffaeb}
.finding.info{border-left-color:var(--info);background:#f5f8ff}
.finding .fh{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline;font-size:13px}
.finding .fh code{font-size:12px;color:var(--muted)}
.finding .due{font-size:12px;color:var(--muted)}
.finding p{margin:4px 0 2px;overflow-wrap:anywhere}
details{font-size:12px;color:var(--muted)}
details summary{cursor:pointer;color:#2563a8;white-space:nowrap}
details ol{margin:4px 0;padding-left:20px}
details li{margin:2px 0;overflow-wrap:anywhere;word-break:break-word}
details .src{font-family:ui-monospace,Menlo,Consolas,monospace;color:#374151}
.none{color:var(--muted);font-style:italic}
footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
footer code{overflow-wrap:anywhere}
@page{size:A4;margin:14mm 12mm}
@media print{
body{background:#fff;font-size:10.5pt}
.page{max-width:none;padding:0;box-shadow:none}
nav.toc,details summary{display:none}
details::details-content{content-visibility:visible;display:block}
details .note{max-height:none;overflow:visible}
h2{break-before:auto}
.kpis{grid-template-columns:repeat(4,1fr)}
.cards{grid-template-columns:1fr 1fr}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
""".replace("FONT", FONT)


def esc(text: object) -> str:
    """Data as html text or attribute value: cleaned, then escaped (quotes too)."""
    return html.escape(clean("" if text is None else text), quote=True)


def _num(value: Decimal) -> str:
    """A Decimal for an SVG coordinate: 1 place, plain."""
    return f"{value:.1f}"


def _grade_colours(cards: Sequence[Scorecard]) -> dict[str, str]:
    """Each grade's colour, the grade reached by the highest composite first."""
    best: dict[str, Decimal] = {}
    for c in cards:
        if c.grade is not None:
            best[c.grade] = max(best.get(c.grade, c.composite), c.composite)
    order = sorted(best, key=lambda g: (-best[g], g))
    return {g: GRADE_COLOURS[min(i, len(GRADE_COLOURS) - 1)] for i, g in enumerate(order)}


def _text_px(text: str, size: float = 13) -> float:
    """Rough rendered width of *text* in px at *size*: a CJK character one em."""
    return display_width(text) * size * 0.56


def ranking_label_width(cards: Sequence[Scorecard]) -> Decimal:
    """Room for "rank. name" left of the bars: the same for every group's chart."""
    widest = max((_text_px(truncate(clean(c.name), 30)) for c in cards), default=0.0)
    return Decimal(int(min(300, max(120, widest + 34))))


def ranking_chart(cards: Sequence[Scorecard], colours: dict[str, str], lang: str, label_w: Decimal) -> str:
    """Horizontal bars, one per scorecard, by composite (cards already in rank order)."""
    width = Decimal(1000)
    row_h = 26
    top = 22
    labels = [f"{c.rank}." if c.rank is not None else "–" for c in cards]
    names = [truncate(clean(c.name), 30) for c in cards]
    right = Decimal(120)
    scale_max = max(Decimal(100), *(c.composite for c in cards))
    plot = width - label_w - right
    h = top + row_h * len(cards) + 6

    def x(v: Decimal) -> str:
        return _num(label_w + plot * v / scale_max)

    out = [
        f'<svg class="chart" viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" '
        f'aria-label="{esc(label("ranking", lang))}">'
    ]
    for tick in range(0, int(scale_max) + 1, 20):
        tx = x(Decimal(tick))
        out.append(
            f'<line x1="{tx}" y1="{top - 4}" x2="{tx}" y2="{h - 4}" stroke="#e3e7ee" stroke-width="1"/>'
            f'<text x="{tx}" y="{top - 8}" font-size="10" fill="#7b8794" text-anchor="middle">{tick}</text>'
        )
    for i, card in enumerate(cards):
        y = top + i * row_h
        colour = colours.get(card.grade or "", NO_GRADE)
        bar_w = _num(plot * max(card.composite, Decimal(0)) / scale_max)
        full = esc(card.name)
        out.append(
            f"<g><title>{full} · {esc(card.subject)} · {esc(fmt_points(card.composite))}</title>"
            f'<text x="0" y="{y + 17}" font-size="12" fill="#5b6576">{esc(labels[i])}</text>'
            f'<text x="28" y="{y + 17}" font-size="13" fill="#1d2433">{esc(names[i])}</text>'
            f'<rect x="{_num(label_w)}" y="{y + 5}" width="{bar_w}" height="16" rx="2" fill="{colour}"/>'
            f'<text x="{_num(label_w + plot * max(card.composite, Decimal(0)) / scale_max + 6)}" '
            f'y="{y + 17}" font-size="12" fill="#1d2433" font-weight="600">'
            f"{esc(fmt_points(card.composite))}"
            f'<tspan fill="{colour}" font-weight="400" dx="6">{esc(card.grade or "")}</tspan></text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _rate_class(rate: Decimal, progress: Decimal) -> str:
    if rate >= progress:
        return "good"
    if rate >= progress * Decimal("0.8"):
        return "fair"
    return "poor"


def progress_chart(result: Result, scores: Sequence[Score], lang: str) -> str:
    """One subject's targets: completion bars with a dashed marker at 序时进度."""
    width = Decimal(460)
    row_h = 38
    top = 4
    cap = Decimal("1.5")
    tp = result.period.time_progress
    h = top + row_h * len(scores) + 4
    colour = {"good": GOOD, "fair": FAIR, "poor": POOR}

    def x(rate: Decimal) -> str:
        return _num(width * min(max(rate, Decimal(0)), cap) / cap)

    out = [
        f'<svg viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" '
        f'aria-label="{esc(label("progress", lang))}">'
    ]
    for i, s in enumerate(scores):
        rate = completion(s) or Decimal(0)
        y = top + i * row_h
        name = truncate(clean(f"{campaign_title(result, s.campaign, lang)} · {s.metric}"), 34)
        figures = f"{write_value(s, s.value)} / {write_value(s, s.target)}{(' ' + s.unit) if s.unit else ''}"
        out.append(
            f'<text x="0" y="{y + 10}" font-size="11.5" fill="#1d2433">{esc(name)}</text>'
            f'<text x="{width}" y="{y + 10}" font-size="11.5" text-anchor="end" '
            f'fill="{colour[_rate_class(rate, tp)]}" font-weight="600">{esc(percent(rate))}'
            f'<tspan fill="#7b8794" font-weight="400" dx="5">{esc(truncate(figures, 26))}</tspan></text>'
            f'<rect x="0" y="{y + 15}" width="{width}" height="11" rx="2" fill="#edf0f5"/>'
            f'<rect x="0" y="{y + 15}" width="{x(rate)}" height="11" rx="2" fill="{colour[_rate_class(rate, tp)]}"/>'
            f'<line x1="{x(Decimal(1))}" y1="{y + 13}" x2="{x(Decimal(1))}" y2="{y + 28}" '
            f'stroke="#1d2433" stroke-width="1" opacity=".35"/>'
        )
    tx = x(tp)
    for i in range(len(scores)):
        y = top + i * row_h
        out.append(
            f'<line x1="{tx}" y1="{y + 12}" x2="{tx}" y2="{y + 29}" stroke="#9b1c1c" stroke-width="1.5" '
            f'stroke-dasharray="3 2"/>'
        )
    out.append("</svg>")
    return "".join(out)


def evidence_block(evidence: Iterable[Evidence], lang: str) -> str:
    items = list(evidence)
    if not items:
        return ""
    lis = []
    for e in items:
        where = e.source or ""
        if e.row is not None:
            where = f"{where}:{e.row}" if where else str(e.row)
        parts = []
        if where:
            parts.append(f'<span class="src">{esc(where)}</span>')
        if e.record:
            parts.append(f"<b>{esc(e.record)}</b>")
        if e.note:
            parts.append(f'<span class="note">{esc(e.note)}</span>')
        lis.append(f"<li title=\"{esc(truncate(evidence_text(e), 200))}\">{' · '.join(parts)}</li>")
    return (
        f"<details><summary>{esc(label('evidence', lang))} ({len(items)})</summary>"
        f"<ol>{''.join(lis)}</ol></details>"
    )


def _table(head: Sequence[tuple[str, str]], rows: Iterable[Sequence[str]], foot: Sequence[Sequence[str]] = ()) -> str:
    """*head*: (label, css class: "n" numeric, "name", "metric", "ev" or "") per column;
    cells of *rows* and *foot* are html already."""
    cls = [f' class="{c}"' if c else "" for _, c in head]
    out = ["<table><thead><tr>"]
    out += [f"<th{c}>{esc(h)}</th>" for (h, _), c in zip(head, cls, strict=True)]
    out.append("</tr></thead><tbody>")
    for r in rows:
        out.append("<tr>" + "".join(f"<td{c}>{v}</td>" for v, c in zip(r, cls, strict=True)) + "</tr>")
    out.append("</tbody>")
    if foot:
        out.append("<tfoot>")
        for r in foot:
            out.append("<tr>" + "".join(f"<td{c}>{v}</td>" for v, c in zip(r, cls, strict=True)) + "</tr>")
        out.append("</tfoot>")
    out.append("</table>")
    return "".join(out)


TREND_W, TREND_H = 160, 28


def trend_points(result: Result, history: Mapping[str, Sequence[tuple[str, str, int | None]]]
                 ) -> list[tuple[str, list[tuple[str, Decimal, int | None]]]]:
    """(unit, [(as-of, composite, rank)]) for each ranked unit, the current run last."""
    out = []
    as_of = result.period.as_of.isoformat()
    for card in result.scorecards:
        if not card.subject.startswith("unit:"):
            continue
        points = [(d, Decimal(c), r) for d, c, r in history.get(card.subject, ()) if d < as_of]
        points.append((as_of, card.composite, card.rank))
        out.append((card.subject, points))
    return out


def sparkline(points: Sequence[tuple[str, Decimal, int | None]]) -> str:
    """A small inline SVG line of composites (0–100) over the runs' as-of dates."""
    n = len(points)
    xs = [Decimal(2) + (Decimal(TREND_W - 4) * i / (n - 1) if n > 1 else Decimal(0)) for i in range(n)]
    ys = [Decimal(TREND_H - 2) - (Decimal(TREND_H - 4) * max(Decimal(0), min(Decimal(100), c)) / 100)
          for _, c, _ in points]
    line = " ".join(f"{_num(x)},{_num(y)}" for x, y in zip(xs, ys, strict=True))
    title = esc("; ".join(f"{d} {fmt_points(c)}" for d, c, _ in points))
    return (f'<svg class="trend" width="{TREND_W}" height="{TREND_H}" viewBox="0 0 {TREND_W} {TREND_H}" '
            f'role="img"><title>{title}</title><polyline fill="none" stroke="currentColor" stroke-width="1.5" '
            f'points="{line}"/><circle cx="{_num(xs[-1])}" cy="{_num(ys[-1])}" r="2.5"/></svg>')


def _movement(points: Sequence[tuple[str, Decimal, int | None]]) -> str:
    if len(points) < 2 or points[-1][2] is None or points[-2][2] is None:
        return "—"
    d = int(points[-2][2] or 0) - int(points[-1][2] or 0)
    return f"↑{d}" if d > 0 else f"↓{-d}" if d < 0 else "—"


def trend_section(result: Result, history: Mapping[str, Sequence[tuple[str, str, int | None]]] | None,
                  lang: str) -> str:
    """历次运行走势: each unit's composite over the archived runs of the period (when the
    archive holds earlier ones), and its rank movement since the previous run."""
    if not history:
        return ""
    units = trend_points(result, history)
    if not any(len(points) > 1 for _, points in units):
        return ""
    zh = lang != "en"
    title = "历次运行综合得分走势" if zh else "Composite over the period's runs"
    head = [(label("name", lang), "name"), ("走势" if zh else "Trend", ""),
            ("首次" if zh else "First", "n"), (label("composite", lang), "n"),
            ("名次变化" if zh else "Rank movement", "")]
    rows = [
        [esc(result.name_of(subject)), sparkline(points), esc(fmt_points(points[0][1])),
         esc(fmt_points(points[-1][1])), esc(_movement(points))]
        for subject, points in units
    ]
    return f'<section id="trend"><h2>{esc(title)}</h2>' + _table(head, rows) + "</section>"


def audit_footer(lines: Sequence[str], lang: str) -> str:
    """A final run's audit records (锁定、重新开启): who, when, why, which run."""
    if not lines:
        return ""
    title = "审计记录" if lang != "en" else "Audit"
    return f'<div class="audit"><b>{esc(title)}</b><ul>' + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul></div>"


def appeals_section(result: Result, lang: str) -> str:
    """异议复核: pending appeals, then the decided ones with their outcome."""
    rows = appeal_rows(result, lang)
    head = f'<section id="appeals"><h2>{esc(label("appeals", lang))}</h2>'
    if not rows:
        return head + f'<p class="none">{esc(label("none", lang))}</p></section>'
    cols = [(label(k, lang), "name" if k == "name" else "") for k in APPEAL_COLUMNS]
    return head + _table(cols, ([esc(c) for c in r] for r in rows)) + "</section>"


def render(result: Result, options: RenderOptions) -> str:
    lang = options.lang

    def L(key: str) -> str:
        return esc(label(key, lang))

    p = result.period
    tp = p.time_progress
    camps = campaign_names(result)
    title = f"{clean(result.bureau_name)} {clean(p.id)} {label('report', lang)}"
    status = "final" if p.final else "provisional"

    body: list[str] = []
    body.append(
        f'<header class="top"><div class="kicker">{L("report")}</div>'
        f"<h1>{esc(result.bureau_name)}</h1><dl class=\"meta\">"
        f"<div><dt>{L('period')}</dt><dd>{esc(p.id)}（{p.start.isoformat()} — {p.end.isoformat()}）</dd></div>"
        f"<div><dt>{L('as_of')}</dt><dd>{p.as_of.isoformat()}</dd></div>"
        f"<div><dt>{L('time_progress')}</dt><dd>{esc(percent(tp, 2))}</dd></div>"
        f'<div><dd><span class="status {status}">{L(status)}</span></dd></div>'
        "</dl>"
    )
    toc = [f'<a href="#ranking">{L("ranking")}</a>', f'<a href="#progress">{L("progress")}</a>']
    toc += [f'<a href="#{esc(anchor(c))}">{esc(campaign_title(result, c, lang))}</a>' for c in camps]
    body.append(f'<nav class="toc">{"".join(toc)}</nav></header>')

    # summary
    units = sum(1 for c in result.scorecards if c.subject.startswith("unit:"))
    people = sum(1 for c in result.scorecards if c.subject.startswith("person:"))
    kpis = [f'<div class="kpi"><div class="k">{L("rated")}</div><div class="v">{units}</div></div>']
    if people:
        kpis.append(f'<div class="kpi"><div class="k">{L("rated_people")}</div><div class="v">{people}</div></div>')
    for sev in SEVERITIES:
        n = sum(1 for f in result.findings if f.severity == sev)
        kpis.append(f'<div class="kpi {sev}"><div class="k">{L(sev)}</div><div class="v">{n}</div></div>')
    for kind, total in payment_totals(result.payments):
        kpis.append(
            f'<div class="kpi"><div class="k">{esc(label(kind, lang))}</div>'
            f'<div class="v">{esc(fmt_money(total))}<small>{"元" if lang != "en" else "yuan"}</small></div></div>'
        )
    body.append(f'<section id="summary"><h2>{L("summary")}</h2><div class="kpis">{"".join(kpis)}</div></section>')

    # ranking
    body.append(f'<section id="ranking"><h2>{L("ranking")}</h2>')
    if result.scorecards:
        colours = _grade_colours(result.scorecards)
        legend = "".join(f'<span><i style="background:{c}"></i>{esc(g)}</span>' for g, c in colours.items())
        if legend:
            body.append(f'<div class="legend">{legend}</div>')
        label_w = ranking_label_width(result.scorecards)
        groups: dict[str | None, list[Scorecard]] = {}
        for card in result.scorecards:
            groups.setdefault(card.group, []).append(card)
        for group, cards in groups.items():
            body.append(f"<h3>{L('group')}：{esc(group_label(group, lang))}</h3>")
            body.append(ranking_chart(cards, colours, lang, label_w))
        rated = [c for c in camps if any(c in card.campaigns for card in result.scorecards)]
        head = [
            (label("rank", lang), "n"), (label("group", lang), ""), (label("name", lang), "name"),
            (label("composite", lang), "n"), (label("grade", lang), ""),
            *((campaign_title(result, c, lang), "n") for c in rated),
        ]
        rows = [
            [
                "" if card.rank is None else str(card.rank), esc(group_label(card.group, lang)),
                f'<span class="cell">{esc(card.name)}</span> <span class="subj">{esc(card.subject)}</span>',
                f"<b>{esc(fmt_points(card.composite))}</b>", esc(card.grade or ""),
                *(esc(fmt_points(card.campaigns[c])) if c in card.campaigns else "" for c in rated),
            ]
            for card in result.scorecards
        ]
        body.append(_table(head, rows))
    else:
        body.append(f'<p class="none">{L("none")}</p>')
    body.append("</section>")

    body.append(trend_section(result, options.history, lang))
    # progress against targets
    body.append(f'<section id="progress"><h2>{L("progress")}</h2>')
    targeted: dict[str, list[Score]] = {}
    for s in result.scores:
        if s.metric != "points" and completion(s) is not None:
            targeted.setdefault(s.subject, []).append(s)
    if targeted:
        body.append(
            f'<div class="legend"><span><i style="background:{GOOD}"></i>≥ {L("time_progress")}</span>'
            f'<span><i style="background:{FAIR}"></i>≥ 80% × {L("time_progress")}</span>'
            f'<span><i style="background:{POOR}"></i>&lt; 80% × {L("time_progress")}</span>'
            f'<span><i class="tp"></i>{L("time_progress")} {esc(percent(tp))}</span></div><div class="cards">'
        )
        order = sorted(targeted, key=lambda subj: (not subj.startswith("unit:"), subj))
        for subj in order:
            body.append(
                f'<div class="card"><h4>{esc(result.name_of(subj))}<span>{esc(subj)}</span></h4>'
                f"{progress_chart(result, targeted[subj], lang)}</div>"
            )
        body.append("</div>")
    else:
        body.append(f'<p class="none">{L("none")}</p>')
    body.append("</section>")

    # campaigns
    for camp in camps:
        info = next((c for c in result.campaigns if c.name == camp), None)
        sub = esc(camp) + (f" · {esc(info.distribution)} {esc(info.version)}" if info else "")
        body.append(
            f'<section id="{esc(anchor(camp))}"><h2>{esc(campaign_title(result, camp, lang))}'
            f"<small>{sub}</small></h2>"
        )
        scores = [s for s in result.scores if s.campaign == camp]
        body.append(f"<h3>{L('scores')}</h3>")
        if scores:
            head = [
                (label("name", lang), "name"), (label("metric", lang), "metric"), (label("value", lang), "n"),
                (label("target", lang), "n"), (label("unit", lang), ""), (label("completion", lang), "n"),
                (label("evidence", lang), "ev"),
            ]
            rows = []
            for s in scores:
                c = completion(s)
                comp = "" if c is None else f'<span class="{_rate_class(c, tp)}">{esc(percent(c))}</span>'
                rows.append([
                    f'<span class="cell">{esc(result.name_of(s.subject))}</span> <span class="subj">{esc(s.subject)}</span>',
                    f'<span class="cell">{esc(s.metric)}</span>',
                    esc(write_value(s, s.value)), esc(write_value(s, s.target) or ""), esc(s.unit or ""), comp,
                    evidence_block(s.evidence, lang),
                ])
            body.append(_table(head, rows))
        else:
            body.append(f'<p class="none">{L("none")}</p>')

        findings = [f for f in result.findings if f.campaign == camp]
        body.append(f"<h3>{L('findings')}</h3>")
        if not findings:
            body.append(f'<p class="none">{L("none")}</p>')
        for sev in SEVERITIES:
            these = [f for f in findings if f.severity == sev]
            if not these:
                continue
            body.append(f'<h4><span class="badge {sev}">{L(sev)}</span> {len(these)}</h4>')
            for f in these:
                due = f'<span class="due">{L("due")} {f.due.isoformat()}</span>' if f.due else ""
                body.append(
                    f'<div class="finding {sev}"><div class="fh"><b class="cell">{esc(result.name_of(f.subject))}</b>'
                    f'<span class="subj">{esc(f.subject)}</span><code>{esc(f.code)}</code>{due}</div>'
                    f"<p>{esc(message(f.message, lang))}</p>{evidence_block(f.evidence, lang)}</div>"
                )

        payments = [x for x in result.payments if x.campaign == camp]
        body.append(f"<h3>{L('payments')}</h3>")
        if payments:
            head = [
                (label("name", lang), "name"), (label("kind", lang), ""), (label("amount", lang), "n"),
                (label("pay_period", lang), ""), (label("evidence", lang), "ev"),
            ]
            rows = [
                [
                    f'<span class="cell">{esc(result.name_of(x.subject))}</span> <span class="subj">{esc(x.subject)}</span>',
                    esc(label(x.kind, lang)), esc(fmt_money(x.amount)), esc(x.period or ""),
                    evidence_block(x.evidence, lang),
                ]
                for x in payments
            ]
            foot = [
                [L("total"), esc(label(k, lang)), esc(fmt_money(v)), "", ""] for k, v in payment_totals(payments)
            ]
            body.append(_table(head, rows, foot))
        else:
            body.append(f'<p class="none">{L("none")}</p>')
        body.append("</section>")

    body.append(appeals_section(result, lang))
    files = "".join(
        f"<li><code>{esc(name)}</code> <code>{esc(digest)}</code></li>" for name, digest in sorted(result.files.items())
    )
    body.append(
        f"<footer>{L('generated')} bureaukit {esc(result.version)} · {L('config')} "
        f"<code>{esc(result.config_hash)}</code>"
        f"<details><summary>{L('inputs')} ({len(result.files)})</summary><ul>{files}</ul></details>"
        f"{audit_footer(options.audit, lang)}</footer>"
    )
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f'<body><div class="page">{"".join(body)}</div></body></html>\n'
    )
