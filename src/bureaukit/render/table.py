"""``--format table``: aligned plain-text tables for a terminal (CORE §11).

The scorecards first, then one section per campaign: its scores, its payments (with
totals per kind) and its findings grouped by severity. Columns are aligned by display
width (CJK characters take two columns); every cell is cleaned of control characters
and bidi overrides.

In a terminal (``options.width``) nothing a reader needs is cut: a table too wide keeps
its names whole and gives way in this order — a figure ``6,900 / 4,000 (172.5%)`` takes
two lines, the subject ids (``unit:ygs``) are left out when the names say who is who,
and what still does not fit is shown in parts (续表), each repeating the names; one
line under the report's title says so (:func:`wide_table`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

import attrs

from bureaukit import display
from bureaukit.catalogue import Metric
from bureaukit.display import percent
from bureaukit.linebreak import display_width, truncate, wrap, wrap_evenly
from bureaukit.money import fmt_points
from bureaukit.outcomes import SEVERITIES, Score
from bureaukit.render import RenderOptions
from bureaukit.render._labels import (
    APPEAL_COLUMNS,
    appeal_rows,
    campaign_names,
    campaign_title,
    clean,
    completion,
    group_label,
    label,
    matrix,
    message,
    pad,
    payment_totals,
    unit_text,
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
    floors: Mapping[int, int] | None = None,
) -> list[str]:
    """Lines of an aligned table: header, a rule of ``-``, rows. *align* holds one of
    ``<``/``>`` per column. When *width* is given and the table is wider, the columns
    in *shrink* (codes) are cut with "…" down to :data:`MIN_CELL` first, then the
    columns in *wrap_cols* (names, messages) are wrapped onto more lines, never cut,
    down to their *floors* (:data:`WRAP_MIN` without one) and, only if the table still
    does not fit, down to :data:`WRAP_MIN`; other columns keep their widest body cell (a
    long header wraps). Every line has the same display width."""
    head = [clean(h) for h in header]
    body = [[clean(c) if c is not None else "" for c in r] for r in rows]
    widths = _natural_widths(head, body)
    if width is not None:
        room = width - display_width(indent) - display_width(GAP) * (len(head) - 1)
        _fit(widths, head, body, room, shrink, wrap_cols, floors or {})
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
         shrink: Collection[int], wrap_cols: Collection[int], floors: Mapping[int, int]) -> None:
    """Narrow *widths* in place to *room*: codes give way first, then the wrapped text
    down to its *floors*, then short headers (:data:`HEAD_WHOLE`), kept whole until then,
    and the wrapped text down to :data:`WRAP_MIN`; the widest column first each time; the
    other columns keep their widest body cell."""
    ncol = len(widths)
    widest_body = [max((display_width(r[i]) for r in body), default=1) for i in range(ncol)]
    short_head = [w if w <= HEAD_WHOLE else 2 for w in map(display_width, head)]
    fixed = [max(widest_body[i], 2) for i in range(ncol)]  # a CJK character needs two
    cut_floor = [max(min(widths[i], MIN_CELL), 2) if i in shrink else max(fixed[i], short_head[i]) for i in range(ncol)]
    cut_floor = [max(cut_floor[i], min(widths[i], floors.get(i, 0))) for i in range(ncol)]
    least = [max(min(widths[i], WRAP_MIN), 2) for i in range(ncol)]
    wrap_floor = [min(widths[i], floors.get(i, least[i])) if i in wrap_cols else cut_floor[i] for i in range(ncol)]
    last_floor = [min(least[i], wrap_floor[i]) if i in shrink or i in wrap_cols else fixed[i] for i in range(ncol)]
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


# --- a table too wide for the terminal (wide_table) ------------------------------

ROLES = "kwvpi"
"""What each column of :func:`wide_table` is, one letter per column:

- ``k`` a key (名称, 排名): kept whole, repeated in every part of a table shown in parts;
- ``w`` whole (a date, a grade, a short figure): never broken;
- ``v`` a figure such as ``6,900 / 4,000 (172.5%)``: may take two lines, broken at a space;
- ``p`` prose (a title, a reason): wrapped, down to :data:`WRAP_MIN` columns;
- ``i`` an id (``unit:ygs``): shown whole or left out, never cut."""


@attrs.define
class Shown:
    """What a terminal's width left out of a report's tables, for the one line saying so."""

    ids_left_out: bool = False
    in_parts: bool = False


def two_lines(text: str) -> int:
    """The columns a figure takes with its last word on a line of its own
    (``6,900 / 4,000 (172.5%)`` → 13: ``6,900 / 4,000`` over ``(172.5%)``); its whole
    width when it has no space."""
    head, space, tail = text.rstrip(" ").rpartition(" ")
    if not space:
        return display_width(text)
    return max(display_width(head.rstrip(" ")), display_width(tail))


def _floor(role: str, head: str, cells: Sequence[str]) -> int:
    """The fewest columns a column of *role* keeps before a table is shown in parts."""
    header = min(display_width(head), HEAD_WHOLE)
    if role == "v":
        # a metric's title (个人引进项目) kept on one line where it can be
        return max([min(display_width(head), HEAD_WRAP), 2, *map(two_lines, cells)])
    widest = max([2, *map(display_width, cells)])
    if role == "p":
        return max(header, min(widest, WRAP_MIN))
    return max(header, widest)


def _ids_needed(body: Sequence[Sequence[str]], roles: str) -> bool:
    """Do the keys (the names) leave two subjects looking the same? Then the ids stay."""
    keys = [i for i, r in enumerate(roles) if r == "k"]
    ids = [i for i, r in enumerate(roles) if r == "i"]
    seen: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in body:
        key, who = tuple(row[i] for i in keys), tuple(row[i] for i in ids)
        if any(who) and seen.setdefault(key, who) != who:
            return True
    return False


def _too_wide(cols: Sequence[int], floors: Sequence[int], room: int) -> bool:
    return sum(floors[i] for i in cols) + display_width(GAP) * (len(cols) - 1) > room


def _parts(cols: Sequence[int], roles: str, floors: Sequence[int], room: int) -> list[list[int]]:
    """*cols* packed into parts that each fit *room* with the keys before them."""
    keys = [i for i in cols if roles[i] == "k"]
    gap = display_width(GAP)
    base = sum(floors[i] + gap for i in keys)
    parts: list[list[int]] = [[]]
    used = base
    for i in cols:
        if roles[i] == "k":
            continue
        if parts[-1] and used + floors[i] > room:
            parts.append([])
            used = base
        parts[-1].append(i)
        used += floors[i] + gap
    return [sorted(keys + part) for part in parts]


def wide_table(header: Sequence[str], rows: Sequence[Sequence[str | None]], align: str, roles: str,
               width: int | None, lang: str, shown: Shown, indent: str = "") -> list[str]:
    """A table for a terminal of *width* columns, columns by *roles* (:data:`ROLES`):
    figures take two lines, ids are left out when the names tell the subjects apart, and
    what still does not fit goes into parts (续表) repeating the keys; a part lists only
    the rows with something in its columns. *shown* records what was left out."""
    if width is None:
        return format_table(header, rows, align, indent=indent, wrap_cols=[i for i, r in enumerate(roles) if r in "vpk"])
    head = [clean(h) for h in header]
    body = [[clean(c) if c is not None else "" for c in r] for r in rows]
    floors = [_floor(roles[i], head[i], [r[i] for r in body]) for i in range(len(head))]
    room = width - display_width(indent)
    cols, roles = _columns_shown(body, roles, floors, room, shown)
    parts = _parts(cols, roles, floors, room)
    shown.in_parts = shown.in_parts or len(parts) > 1
    table = _Part(head, body, align, roles, floors)
    out: list[str] = []
    for n, part in enumerate(parts):
        if n:
            out += ["", indent + label("continued", lang)]
        out += table.lines(part, len(parts) > 1, width, indent)
    return out


def _columns_shown(body: Sequence[Sequence[str]], roles: str, floors: Sequence[int], room: int,
                   shown: Shown) -> tuple[list[int], str]:
    """The columns a terminal of *room* shows, and the roles (ids a name cannot stand for
    become keys): when the table is too wide, empty columns go (they say nothing), then
    the ids."""
    cols = list(range(len(roles)))
    if "i" in roles and _ids_needed(body, roles):
        roles = roles.replace("i", "k")
    if _too_wide(cols, floors, room):
        cols = [i for i in cols if roles[i] == "k" or any(r[i] for r in body)]
    if _too_wide(cols, floors, room):
        cols = [i for i in cols if roles[i] != "i"]
        shown.ids_left_out = shown.ids_left_out or "i" in roles
    return cols, roles


@attrs.frozen
class _Part:
    """A table's cleaned cells, to be drawn a part (some of its columns) at a time."""

    head: Sequence[str]
    body: Sequence[Sequence[str]]
    align: str
    roles: str
    floors: Sequence[int]

    def lines(self, part: Sequence[int], split: bool, width: int, indent: str) -> list[str]:
        """The part's lines; of a split table, only the rows and the key columns with
        something in the part (not 得分 over people no campaign points)."""
        body = self.body
        if split:
            own = [i for i in part if self.roles[i] != "k"]
            body = [r for r in body if any(r[i] for i in own)]
            part = [i for i in part if i == part[0] or any(r[i] for r in body)]
        return format_table(
            [self.head[i] for i in part], [[r[i] for i in part] for r in body], "".join(self.align[i] for i in part),
            width, indent=indent, wrap_cols=[j for j, i in enumerate(part) if self.roles[i] in "vpk"],
            floors={j: self.floors[i] for j, i in enumerate(part)},
        )


def legend(entries: Sequence[str], width: int | None) -> list[str]:
    """Entries (``① 招商引资``) two spaces apart, a line broken only between entries (an
    entry wider than the line is wrapped on its own)."""
    lines: list[str] = []
    for entry in map(clean, entries):
        if lines and (width is None or display_width(lines[-1]) + 2 + display_width(entry) <= width):
            lines[-1] += GAP + entry
        else:
            lines += wrap(entry, width) if width else [entry]
    return lines


class _Out:
    """The lines of a report being written, with the width they must keep to."""

    def __init__(self, result: Result, options: RenderOptions) -> None:
        self.result = result
        self.lang = options.lang
        self.width = options.width
        self.lines: list[str] = []
        self.shown = Shown()

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str | None]], align: str, roles: str,
              indent: str = "") -> None:
        self.lines += wide_table(header, rows, align, roles, self.width, self.lang, self.shown, indent)

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
        out.lines += legend([f"{k} {t}" for k, t in zip(keys, titles, strict=True)], out.width)
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
    out.table(header, rows, "><<><" + ">" * len(rated) + "<", "kkkww" + "w" * len(rated) + "i")


def metric_header(metric: Metric, lang: str) -> str:
    """A matrix column's title, with the unit of its amounts (招商引资总额（万元）): the
    cells then carry the figures alone."""
    title = metric.title(lang)
    if metric.kind != "amount" or not metric.unit:
        return title
    unit = unit_text(metric.unit, lang, header=True)
    if not unit:
        return title
    return f"{title} ({unit})" if lang == "en" else f"{title}（{unit}）"


def matrix_cell(score: Score, metric: Metric) -> str:
    """A matrix cell under :func:`metric_header`: ``6,900 / 4,000 (172.5%)``, the value
    against its target and the completion; the value alone without a target."""
    value = display.number(metric, score.value)
    if score.target is None:
        return value
    c = completion(score)
    done = f" ({display.percent(c)})" if c is not None else ""
    return f"{value} / {display.number(metric, score.target)}{done}"


def _scores(out: _Out, camp: str) -> None:
    """The campaign's matrix: one row per subject, one column per metric."""
    r, lang = out.result, out.lang
    m = matrix(r, camp)
    out.lines += ["", f"[{label('scores', lang)}]"]
    if not m.rows:
        out.none()
        return
    header = [label("name", lang), *(metric_header(metric, lang) for _, metric in m.metrics), label("subject", lang)]
    rows: list[list[str | None]] = [
        [
            r.name_of(subject),
            *(matrix_cell(cells[name], metric) if name in cells else "" for name, metric in m.metrics),
            subject,
        ]
        for subject, cells in m.rows
    ]
    n = len(m.metrics)
    # the points (first) repeat in every part beside the names
    roles = "k" + "".join("k" if name == "points" else "v" for name, _ in m.metrics) + "i"
    out.table(header, rows, "<" + ">" * n + "<", roles)


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
    out.table(header, rows, "<<><<", "kwwwi")


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
    after_head = len(out.lines)
    _scorecards(out)
    for camp in campaign_names(result):
        out.heading(campaign_title(result, camp, options.lang) if camp else "—")
        for section in SECTIONS:
            section(out, camp)
    _appeals(out)
    if options.audit:
        out.heading(label("audit", options.lang))
        for line in options.audit:
            out.text(line)
    out.lines[after_head:after_head] = _left_out(out)
    return "\n".join(out.lines) + "\n"


def _left_out(out: _Out) -> list[str]:
    """One line under the title when the terminal's width left ids out or split tables."""
    shown, lang = out.shown, out.lang
    said = [key for key, done in (("ids_left_out", shown.ids_left_out), ("in_parts", shown.in_parts)) if done]
    if not said or out.width is None:
        return []
    sep = ", " if lang == "en" else "，"
    text = label("narrow", lang).format(width=out.width, what=sep.join(label(k, lang) for k in said))
    return wrap(clean(text), out.width)


def _appeals(out: _Out) -> None:
    """The 异议复核 section: pending appeals, then the decided ones with their outcome."""
    lang = out.lang
    out.heading(label("appeals", lang))
    rows = appeal_rows(out.result, lang)
    if not rows:
        out.none()
        return
    header = [label(k, lang) for k in APPEAL_COLUMNS]
    out.table(header, rows, "<" * len(header), APPEAL_ROLES)


APPEAL_ROLES = "kikppwpwwwp"
""":data:`~bureaukit.render._labels.APPEAL_COLUMNS` as :func:`wide_table` treats them:
编号 and 名称 keys, 主体 an id, the campaign, metric, reason and note wrapped."""
