"""``--format html``: one self-contained offline HTML page (CORE §11, §12).

No request of any kind leaves the page: no CDN, no web font, no image by URL, no
script at all; the styles are inline. A
Content-Security-Policy ``default-src 'none'; style-src 'unsafe-inline'; img-src
data:`` makes the browser refuse anything else. Every piece of data (names,
messages, notes, keys, titles) goes through :func:`esc`: control characters and bidi
overrides dropped, then ``html.escape(quote=True)``.

Content (REPORTS §3): page one is the leadership summary, one A4 portrait page in print
(bureau, period, as-of, final or interim, 序时进度; each group's ranking with grades; units
nobody ranks apart; the grade distribution; money totals; the gravest findings). Then
one section per campaign: its matrix (subjects × metrics, completion coloured against
序时进度, evidence one click away in ``<details>``), findings by severity, payments.
Others add sections by appending to :data:`SUMMARY_SECTIONS` or :data:`CAMPAIGN_SECTIONS`.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from bureaukit import display
from bureaukit.catalogue import Metric
from bureaukit.money import fmt_points
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
    group_label,
    label,
    matrix,
    message,
    payment_totals,
    quantity,
)
from bureaukit.result import Result
from bureaukit.scorecards import Scorecard

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

GRADE_COLOURS = ("#1f7a4d", "#2563a8", "#c27c0e", "#b42318", "#6b4fa0", "#4b5563")
NO_GRADE = "#7b8794"

FONT = (
    '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",'
    '"WenQuanYi Micro Hei","Helvetica Neue",Arial,sans-serif'
)

CSS = """
:root{--ink:#1d2433;--muted:#5b6576;--line:#d9dee7;--soft:#f4f6fa;--accent:#9b1c1c;
--violation:#b42318;--warning:#b54708;--info:#175cd3}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:var(--ink);font:14px/1.5 FONT;}
.page{max-width:1100px;margin:0 auto;background:#fff;padding:28px 36px 40px;
box-shadow:0 1px 4px rgba(0,0,0,.08)}
header.top{border-bottom:3px solid var(--accent);padding-bottom:10px;margin-bottom:12px}
header.top .kicker{color:var(--accent);font-weight:600;letter-spacing:.08em;font-size:13px}
h1{font-size:24px;margin:2px 0 8px;line-height:1.3}
h2{font-size:18px;margin:28px 0 10px;padding:5px 0 5px 12px;border-left:5px solid var(--accent);
background:linear-gradient(90deg,var(--soft),#fff);break-after:avoid;page-break-after:avoid}
h2 small{font-weight:400;color:var(--muted);font-size:12px;margin-left:8px}
h3{font-size:15px;margin:16px 0 6px;color:#2b3445;break-after:avoid;page-break-after:avoid}
h4{font-size:14px;margin:12px 0 4px;break-after:avoid;page-break-after:avoid}
.meta{display:flex;flex-wrap:wrap;gap:4px 22px;margin:0;color:var(--muted)}
.meta div{display:flex;gap:6px}.meta dt{font-weight:600;color:var(--ink)}.meta dd{margin:0}
.status{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600}
.status.final{background:#e6f4ea;color:#1f7a4d}.status.provisional{background:#fff4e5;color:#b54708}
.banner{margin:8px 0;padding:8px 12px;border:2px solid var(--warning);background:#fffaeb;color:#7a2e0e;
font-weight:600;border-radius:4px}
nav.toc{margin:10px 0 0;font-size:13px;display:flex;flex-wrap:wrap;gap:0 14px}
nav.toc a{color:#2563a8;text-decoration:none;white-space:nowrap}
.kpis{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.kpi{flex:1 1 100px;border:1px solid var(--line);border-radius:6px;padding:6px 10px;background:var(--soft)}
.kpi .k{font-size:12px;color:var(--muted)}.kpi .v{font-size:18px;font-weight:700;font-variant-numeric:tabular-nums;
white-space:nowrap}
.kpi.violation .v{color:var(--violation)}.kpi.warning .v{color:var(--warning)}.kpi.info .v{color:var(--info)}
.kpi .v small{font-size:12px;font-weight:400;color:var(--muted);margin-left:2px}
.groups{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:flex-start}.groups>div{flex:1 1 250px}
.groups h3{margin:6px 0 2px}
.bar{display:inline-block;height:8px;border-radius:2px;vertical-align:1px;margin-left:6px}
.grades{margin:4px 0;font-size:13px}.grades span{margin-right:14px;white-space:nowrap}
.grades i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.apart{font-size:13px;color:var(--muted);margin:6px 0}.apart b{color:var(--ink);font-weight:600}
ol.top{margin:4px 0;padding-left:22px;font-size:13px}ol.top li{margin:2px 0;overflow-wrap:anywhere}
ol.top .t{font-weight:600;margin-right:6px}ol.top .who{margin-right:6px}
.more{font-size:12px;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:4px 0 10px;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
thead th{background:#e9edf3;font-weight:600;border-bottom:2px solid #c5ccd8;word-break:keep-all;
overflow-wrap:break-word}
tbody tr:nth-child(even){background:#fafbfd}
tr{break-inside:avoid;page-break-inside:avoid}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
td.grp,td.nw{word-break:keep-all;white-space:nowrap}
.subj{color:var(--muted);font-size:11px;display:block}
td .sub{display:block;color:var(--muted);font-size:11px;white-space:nowrap}
tfoot td{font-weight:600;background:var(--soft)}tfoot tr:first-child td{border-top:2px solid #c5ccd8}
.cell{overflow-wrap:anywhere}
.nm{word-break:keep-all;overflow-wrap:break-word}
.good{color:#1f7a4d}.fair{color:#b54708}.poor{color:#b42318}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:9px;margin:1px 3px 1px 0;white-space:nowrap}
.tag.violation{background:#fee4e2;color:var(--violation)}.tag.warning{background:#fef0c7;color:var(--warning)}
.tag.info{background:#e0eaff;color:var(--info)}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:0 7px;border-radius:10px;color:#fff}
.badge.violation{background:var(--violation)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
.finding{border:1px solid var(--line);border-left:5px solid;border-radius:4px;padding:6px 10px;margin:5px 0;
break-inside:avoid;page-break-inside:avoid}
.finding.violation{border-left-color:var(--violation);background:#fef3f2}
.finding.warning{border-left-color:var(--warning);background:#fffaeb}
.finding.info{border-left-color:var(--info);background:#f5f8ff}
.finding .fh{display:flex;flex-wrap:wrap;gap:2px 12px;align-items:baseline;font-size:13px}
.finding .fh code{font-size:11px;color:var(--muted)}
.finding .due{font-size:12px;color:var(--muted)}
.finding p{margin:3px 0 2px;overflow-wrap:anywhere}
details{font-size:12px;color:var(--muted)}
details summary{cursor:pointer;color:#2563a8;white-space:nowrap}
details ol{margin:4px 0;padding-left:20px}
details li{margin:2px 0;overflow-wrap:anywhere;word-break:break-word}
details .src{font-family:ui-monospace,Menlo,Consolas,monospace;color:#374151}
details .note{white-space:pre-wrap}
details h5{margin:4px 0 0;font-size:12px;color:var(--ink)}
.none{color:var(--muted);font-style:italic}
footer{margin-top:30px;padding-top:10px;border-top:1px solid var(--line);color:var(--muted);font-size:12px}
footer code{overflow-wrap:anywhere}
@page{size:A4 portrait;margin:12mm 11mm}
@media print{
body{background:#fff;font-size:10pt}
.page{max-width:none;padding:0;box-shadow:none}
nav.toc,details,.ev{display:none}
section.summary{break-after:page;page-break-after:always}
section.summary.alone{break-after:auto;page-break-after:auto}
section.summary{font-size:9pt;line-height:1.4}
section.summary h1{font-size:16pt;margin:0 0 4px}
section.summary header.top{padding-bottom:6px;margin-bottom:6px}
section.summary h2{margin:8px 0 4px;padding:2px 0 2px 8px;font-size:12pt}
section.summary h3{margin:4px 0 2px;font-size:10pt}
section.summary .groups{gap:2px 10px}section.summary .groups>div{flex-basis:200px}
section.summary table{font-size:8.5pt;margin-bottom:2px}
section.summary th,section.summary td{padding:1px 4px}
section.summary .bar{width:auto;max-width:20px}
section.summary .kpis{gap:4px;margin:4px 0}
section.summary .kpi{padding:2px 6px;flex-basis:80px}
section.summary .kpi .v{font-size:11pt}
section.summary .apart,section.summary .grades,section.summary ol.top{font-size:8.5pt;margin:2px 0}
table{font-size:9pt}th,td{padding:3px 4px}
h2{break-before:auto}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
""".replace("FONT", FONT)


def esc(text: object) -> str:
    """Data as html text or attribute value: cleaned, then escaped (quotes too)."""
    return html.escape(clean("" if text is None else text), quote=True)


def _evidence_list(evidence: Iterable[Evidence]) -> str:
    lis = []
    for e in evidence:
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
        lis.append(f"<li>{' · '.join(parts)}</li>")
    return f"<ol>{''.join(lis)}</ol>"


def evidence_block(evidence: Iterable[Evidence], lang: str) -> str:
    items = list(evidence)
    if not items:
        return ""
    return f"<details><summary>{esc(label('evidence', lang))} ({len(items)})</summary>{_evidence_list(items)}</details>"


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


def _grade_colours(cards: Sequence[Scorecard]) -> dict[str, str]:
    """Each grade's colour, the grade reached by the highest composite first."""
    best: dict[str, Decimal] = {}
    for c in cards:
        if c.grade is not None:
            best[c.grade] = max(best.get(c.grade, c.composite), c.composite)
    order = sorted(best, key=lambda g: (-best[g], g))
    return {g: GRADE_COLOURS[min(i, len(GRADE_COLOURS) - 1)] for i, g in enumerate(order)}


def _num(value: Decimal) -> str:
    """A Decimal for an SVG coordinate: 1 place, plain."""
    return f"{value:.1f}"


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
    title = label("trend_title", lang)
    head = [(label("name", lang), "name"), (label("trend", lang), ""),
            (label("first", lang), "n"), (label("composite", lang), "n"),
            (label("movement", lang), "")]
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
    title = label("audit", lang)
    return f'<div class="audit"><b>{esc(title)}</b><ul>' + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul></div>"


APPEAL_CLASSES = {"id": "nw", "name": "", "filed": "nw", "status": "nw", "decided": "nw", "decided_by": "nw"}
"""The 异议复核 columns kept on one line: an id, a date, a status and a person's name."""


def appeals_section(result: Result, lang: str) -> str:
    """异议复核: pending appeals, then the decided ones with their outcome. The subject's
    name with its id as a small hint below (no column of codes), an empty 指标 column
    left out."""
    rows = appeal_rows(result, lang)
    head = f'<section id="appeals"><h2>{esc(label("appeals", lang))}</h2>'
    if not rows:
        return head + f'<p class="none">{esc(label("none", lang))}</p></section>'
    at = {k: i for i, k in enumerate(APPEAL_COLUMNS)}
    keys = [k for k in APPEAL_COLUMNS if k != "subject" and (k != "metric" or any(r[at["metric"]] for r in rows))]
    cols = [(label(k, lang), APPEAL_CLASSES.get(k, "")) for k in keys]

    def cell(row: Sequence[str], key: str) -> str:
        if key == "name":
            return f'<span class="nm">{esc(row[at["name"]])}</span><span class="subj">{esc(row[at["subject"]])}</span>'
        return esc(row[at[key]])

    return head + _table(cols, ([cell(r, k) for k in keys] for r in rows)) + "</section>"


MAX_TOP_FINDINGS = 10
"""The summary lists at most this many findings, the gravest first (REPORTS §3)."""


def _rate_class(rate: Decimal, progress: Decimal) -> str:
    """Completion against 序时进度: on time, within 80 % of it, or behind."""
    if rate >= progress:
        return "good"
    if rate >= progress * Decimal("0.8"):
        return "fair"
    return "poor"


def _money(amount: Decimal, lang: str) -> str:
    return f'{esc(display.money(amount))}<small>{"元" if lang != "en" else "yuan"}</small>'


# --- page one: the leadership summary ---------------------------------------------


def _header(r: Result, lang: str) -> str:
    p = r.period
    status = "final" if p.final else "provisional"
    out = [
        f'<header class="top"><div class="kicker">{esc(label("report", lang))}</div>'
        f"<h1>{esc(r.bureau_name)}</h1><dl class=\"meta\">"
        f"<div><dt>{esc(label('period', lang))}</dt><dd>{esc(p.id)}（{p.start.isoformat()} — "
        f"{p.end.isoformat()}）</dd></div>"
        f"<div><dt>{esc(label('as_of', lang))}</dt><dd>{p.as_of.isoformat()}</dd></div>"
        f"<div><dt>{esc(label('time_progress', lang))}</dt><dd>{esc(display.percent(p.time_progress))}</dd></div>"
        f'<div><dd><span class="status {status}">{esc(label(status, lang))}</span></dd></div></dl>'
    ]
    if r.no_rows:
        out.append(f'<div class="banner">{esc(label("no_rows", lang))}</div>')
    toc = [f'<a href="#summary">{esc(label("summary", lang))}</a>']
    toc += [f'<a href="#{esc(anchor(c))}">{esc(campaign_title(r, c, lang))}</a>' for c in campaign_names(r)]
    out.append(f'<nav class="toc">{"".join(toc)}</nav></header>')
    return "".join(out)


def _ranking(r: Result, lang: str) -> str:
    """Each group's ranking with composite and grade; units nobody ranks listed apart."""
    colours = _grade_colours(r.scorecards)
    groups: dict[str, list[Scorecard]] = {}
    apart: list[Scorecard] = []
    for card in r.scorecards:
        if card.group is None or card.rank is None:
            apart.append(card)
        else:
            groups.setdefault(card.group, []).append(card)
    out = [f"<h2>{esc(label('ranking', lang))}</h2>"]
    if not groups:
        out.append(f'<p class="none">{esc(label("none", lang))}</p>')
    out.append('<div class="groups">')
    for group, cards in groups.items():
        head = [(label("rank", lang), "n"), (label("name", lang), ""), (label("composite", lang), "n"),
                (label("grade", lang), "grp")]
        rows = [
            [
                str(c.rank), f'<span class="nm">{esc(c.name)}</span>',
                f"<b>{esc(fmt_points(c.composite))}</b>",
                f'{esc(c.grade or "")}<span class="bar" style="width:{_bar(c.composite)}px;'
                f'background:{colours.get(c.grade or "", NO_GRADE)}"></span>',
            ]
            for c in cards
        ]
        out.append(f"<div><h3>{esc(group_label(group, lang))}</h3>{_table(head, rows)}</div>")
    out.append("</div>")
    if apart:
        sep, lp, rp = (", ", " (", ")") if lang == "en" else ("、", "（", "）")
        items = sep.join(
            f'<b class="nm">{esc(c.name)}</b>{lp}{esc(group_label(c.group, lang))} {esc(fmt_points(c.composite))}{rp}'
            for c in apart
        )
        out.append(f'<p class="apart">{esc(label("unranked", lang))}{_colon(lang)}{items}</p>')
    return "".join(out)


def _colon(lang: str) -> str:
    """A label's colon in the report's language (``Not ranked: `` in English, not ``：``)."""
    return ": " if lang == "en" else "："


def _bar(composite: Decimal) -> int:
    """A grade bar's length in px: 0–100 points → 0–40 px."""
    return int(max(Decimal(0), min(composite, Decimal(100))) * 40 / 100)


def _grades(r: Result, lang: str) -> str:
    colours = _grade_colours(r.scorecards)
    counts: dict[str, int] = {}
    for c in r.scorecards:
        if c.rank is not None and c.grade:
            counts[c.grade] = counts.get(c.grade, 0) + 1
    if not counts:
        return ""
    items = "".join(
        f'<span><i style="background:{colours.get(g, NO_GRADE)}"></i>{esc(g)} {n}</span>'
        for g, n in sorted(counts.items(), key=lambda kv: list(colours).index(kv[0]) if kv[0] in colours else 99)
    )
    return f'<div class="grades"><b>{esc(label("grade_distribution", lang))}</b>{_colon(lang)}{items}</div>'


def _money_totals(r: Result, lang: str) -> str:
    kpis = []
    for sev in SEVERITIES:
        n = sum(1 for f in r.findings if f.severity == sev)
        kpis.append(f'<div class="kpi {sev}"><div class="k">{esc(label(sev, lang))}</div><div class="v">{n}</div></div>')
    for kind, total in payment_totals(r.payments):
        kpis.append(
            f'<div class="kpi"><div class="k">{esc(label(kind, lang))}</div><div class="v">{_money(total, lang)}</div></div>'
        )
    return f'<div class="kpis">{"".join(kpis)}</div>'


def _top_findings(r: Result, lang: str) -> str:
    """The gravest findings, violations first, at most :data:`MAX_TOP_FINDINGS`."""
    if not r.findings:
        return ""
    order = {s: i for i, s in enumerate(SEVERITIES)}
    camps = {c: i for i, c in enumerate(campaign_names(r))}
    ranked = sorted(r.findings, key=lambda f: (order[f.severity], camps.get(f.campaign, 99)))
    shown = ranked[:MAX_TOP_FINDINGS]
    items = "".join(
        f'<li><span class="tag {f.severity}">{esc(label(f.severity, lang))}</span>'
        f'<span class="t">{esc(r.finding_title(f.campaign, f.code, lang))}</span>'
        f'<span class="who">{esc(r.name_of(f.subject))}</span>{esc(message(f.message, lang))}</li>'
        for f in shown
    )
    rest = len(ranked) - len(shown)
    more = f'<p class="more">{esc(label("more_findings", lang).format(n=rest))}</p>' if rest else ""
    return f"<h3>{esc(label('top_findings', lang))}</h3><ol class=\"top\">{items}</ol>{more}"


SUMMARY_SECTIONS: list[Callable[[Result, str], str]] = [_ranking, _grades, _money_totals, _top_findings]
"""Page one, in order: each a function of the result and the language giving html."""


def summary(r: Result, lang: str, *, alone: bool = False) -> str:
    """The leadership summary: one A4 portrait page in print (REPORTS §3); *alone*: the
    whole document, with no page break after it."""
    inner = "".join(section(r, lang) for section in SUMMARY_SECTIONS)
    cls = "summary alone" if alone else "summary"
    return f'<section id="summary" class="{cls}">{_header(r, lang)}{inner}</section>'


# --- one section per campaign ------------------------------------------------------


def _cell(r: Result, s: Score, metric: Metric, lang: str) -> str:
    """A matrix cell: the value; against a target, the target and the completion below,
    coloured against 序时进度."""
    value = esc(quantity(metric, s.value, lang))
    c = completion(s)
    if s.target is None:
        return value
    done = ""
    if c is not None:
        done = f' · <span class="{_rate_class(c, r.period.time_progress)}">{esc(display.percent(c))}</span>'
    return f'{value}<span class="sub">/ {esc(quantity(metric, s.target, lang))}{done}</span>'


def _row_evidence(cells: Mapping[str, Score], metrics: Sequence[tuple[str, Metric]], lang: str) -> str:
    parts = []
    n = 0
    for name, metric in metrics:
        s = cells.get(name)
        if s is None or not s.evidence:
            continue
        n += len(s.evidence)
        parts.append(f"<h5>{esc(metric.title(lang))}</h5>{_evidence_list(s.evidence)}")
    if not parts:
        return ""
    return f"<details><summary>{esc(label('evidence', lang))} ({n})</summary>{''.join(parts)}</details>"


def _tags(r: Result, camp: str, subject: str, lang: str) -> str:
    """The titles of the subject's findings in this campaign (先锋, 逾期 …), once each."""
    seen: dict[str, str] = {}
    for f in r.findings:
        if f.campaign == camp and f.subject == subject:
            seen.setdefault(f.code, f.severity)
    return "".join(
        f'<span class="tag {sev}">{esc(r.finding_title(camp, code, lang))}</span>' for code, sev in seen.items()
    )


def _matrix(r: Result, camp: str, lang: str) -> str:
    """Units × metrics, then people × metrics: one row per rated subject."""
    m = matrix(r, camp)
    if not m.rows:
        return f'<p class="none">{esc(label("none", lang))}</p>'
    out = []
    for kind, title in (("unit", "units"), ("person", "people")):
        rows = [(sub, cells) for sub, cells in m.rows if sub.startswith(kind + ":")]
        if not rows:
            continue
        used = [(n, metric) for n, metric in m.metrics if any(n in cells for _, cells in rows)]
        head = [(label("name", lang), ""), *((metric.title(lang), "n") for _, metric in used),
                (label("evidence", lang), "ev")]
        body = [
            [
                f'<span class="nm">{esc(r.name_of(sub))}</span>{_tags(r, camp, sub, lang)}',
                *(_cell(r, cells[n], metric, lang) if n in cells else "" for n, metric in used),
                _row_evidence(cells, used, lang),
            ]
            for sub, cells in rows
        ]
        out.append(f"<h3>{esc(label(title, lang))}</h3>{_table(head, body)}")
    return "".join(out)


def _findings(r: Result, camp: str, lang: str) -> str:
    findings = [f for f in r.findings if f.campaign == camp]
    out = [f"<h3>{esc(label('findings', lang))}</h3>"]
    if not findings:
        out.append(f'<p class="none">{esc(label("none", lang))}</p>')
    for sev in SEVERITIES:
        these = [f for f in findings if f.severity == sev]
        if not these:
            continue
        out.append(f'<h4><span class="badge {sev}">{esc(label(sev, lang))}</span> {len(these)}</h4>')
        for f in these:
            due = f'<span class="due">{esc(label("due", lang))} {f.due.isoformat()}</span>' if f.due else ""
            out.append(
                f'<div class="finding {sev}"><div class="fh"><b>{esc(r.finding_title(camp, f.code, lang))}</b>'
                f'<span class="cell">{esc(r.name_of(f.subject))}</span>{due}<code>{esc(f.code)}</code></div>'
                f"<p>{esc(message(f.message, lang))}</p>{evidence_block(f.evidence, lang)}</div>"
            )
    return "".join(out)


def _payments(r: Result, camp: str, lang: str) -> str:
    payments = [x for x in r.payments if x.campaign == camp]
    if not payments:
        return ""
    head = [
        (label("name", lang), ""), (label("kind", lang), ""), (label("amount", lang), "n"),
        (label("pay_period", lang), ""), (label("evidence", lang), "ev"),
    ]
    rows = [
        [
            f'<span class="nm">{esc(r.name_of(x.subject))}</span>', esc(label(x.kind, lang)),
            esc(display.money(x.amount)), esc(x.period or ""), evidence_block(x.evidence, lang),
        ]
        for x in payments
    ]
    foot = [
        [esc(label("total", lang)), esc(label(k, lang)), esc(display.money(v)), "", ""]
        for k, v in payment_totals(payments)
    ]
    return f"<h3>{esc(label('payments', lang))}</h3>{_table(head, rows, foot)}"


CAMPAIGN_SECTIONS: list[Callable[[Result, str, str], str]] = [_matrix, _findings, _payments]
"""Each campaign's section, in order: functions of (result, campaign, language)."""


def campaign_section(r: Result, camp: str, lang: str) -> str:
    info = next((c for c in r.campaigns if c.name == camp), None)
    sub = esc(camp) + (f" · {esc(info.distribution)} {esc(info.version)}" if info else "")
    inner = "".join(section(r, camp, lang) for section in CAMPAIGN_SECTIONS)
    return (
        f'<section id="{esc(anchor(camp))}"><h2>{esc(campaign_title(r, camp, lang))}<small>{sub}</small></h2>'
        f"{inner}</section>"
    )


def _footer(r: Result, lang: str, audit: Sequence[str] = ()) -> str:
    files = "".join(
        f"<li><code>{esc(name)}</code> <code>{esc(digest)}</code></li>" for name, digest in sorted(r.files.items())
    )
    return (
        f"<footer>{esc(label('generated', lang))} bureaukit {esc(r.version)} · {esc(label('config', lang))} "
        f"<code>{esc(r.config_hash)}</code>"
        f"<details><summary>{esc(label('inputs', lang))} ({len(r.files)})</summary><ul>{files}</ul></details>"
        f"{audit_footer(audit, lang)}</footer>"
    )


def page(r: Result, lang: str, body: str) -> str:
    """A whole html document around *body*: the CSP, the styles, no script."""
    title = f"{clean(r.bureau_name)} {clean(r.period.id)} {label('report', lang)}"
    html_lang = "en" if lang == "en" else "zh-CN"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html_lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head>"
        f'<body><div class="page">{body}</div></body></html>\n'
    )


def render_summary(result: Result, options: RenderOptions) -> str:
    """Page one alone, as its own document (to check that it fits one A4 page)."""
    return page(result, options.lang, summary(result, options.lang, alone=True))


def render(result: Result, options: RenderOptions) -> str:
    lang = options.lang
    parts = [summary(result, lang)]
    parts.append(trend_section(result, options.history, lang))
    parts += [campaign_section(result, camp, lang) for camp in campaign_names(result)]
    parts.append(appeals_section(result, lang))
    parts.append(_footer(result, lang, options.audit))
    return page(result, lang, "".join(parts))
