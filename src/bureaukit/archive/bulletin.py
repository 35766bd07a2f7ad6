"""The monthly 时序进度通报 (LIFECYCLE §6; seed 000 第一篇 四(四) 每月通报, seed 003
周调度、月检查、季通报): one page from a run and the run recorded before it.

Built as plain data (:class:`Bulletin`) and written as .docx (python-docx, the
``bureaukit[docx]`` extra: 通报 circulate as Word documents), html or xlsx.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from bureaukit.result import Result

DUE_WITHIN = 15
"""Days ahead for 即将到期 (reminders before the deadline, not only after it)."""


@attrs.frozen
class Standing:
    """One unit's line in its group's ranking."""

    group: str
    rank: int | None
    subject: str
    name: str
    composite: str
    grade: str | None
    rank_before: int | None
    composite_before: str | None

    @property
    def movement(self) -> str:
        """↑2 / ↓1 / — / 新 (not ranked in the previous run)."""
        if self.rank is None or self.rank_before is None:
            return "新" if self.rank_before is None and self.rank is not None else "—"
        d = self.rank_before - self.rank
        return f"↑{d}" if d > 0 else f"↓{-d}" if d < 0 else "—"

    @property
    def change(self) -> str:
        if self.composite_before is None:
            return "—"
        d = Decimal(self.composite) - Decimal(self.composite_before)
        return f"{d:+.2f}"


@attrs.frozen
class Progress:
    """A unit's completion of one target against 序时进度."""

    subject: str
    name: str
    campaign: str
    metric: str
    value: str
    target: str
    completion: Decimal
    behind: bool


@attrs.frozen
class Item:
    """A finding for the bulletin: new since the previous run, or due soon."""

    subject: str
    name: str
    campaign: str
    severity: str
    message: str
    due: str | None


@attrs.frozen
class Bulletin:
    bureau: str
    period: str
    as_of: date
    time_progress: Decimal
    previous: tuple[int, date] | None
    """The run compared against: (number, as-of)."""
    run: int | None
    standings: tuple[Standing, ...]
    progress: tuple[Progress, ...]
    new_findings: tuple[Item, ...]
    due_soon: tuple[Item, ...]

    @property
    def title(self) -> str:
        return f"{self.bureau}{self.period}年度考核时序进度通报（截至{self.as_of.year}年{self.as_of.month}月{self.as_of.day}日）"

    @property
    def behind(self) -> tuple[Progress, ...]:
        return tuple(p for p in self.progress if p.behind)


def _finding_key(f: Mapping[str, Any]) -> tuple[Any, ...]:
    return (f["campaign"], f["subject"], f["code"], f["message"], f["due"])


def _completion(value: Any, target: Any) -> Decimal | None:
    try:
        t = Decimal(target)
        return None if t == 0 else Decimal(value) / t
    except (InvalidOperation, TypeError, ValueError):
        return None


def _standings(now: Mapping[str, Any], before: Mapping[str, Any] | None) -> tuple[Standing, ...]:
    prev = {c["subject"]: c for c in (before or {}).get("scorecards", ())}
    out = []
    for c in now["scorecards"]:
        if not c["subject"].startswith("unit:") or c["rank"] is None:
            continue
        p = prev.get(c["subject"])
        out.append(Standing(c["group"] or "", c["rank"], c["subject"], c["name"], c["composite"], c["grade"],
                            p["rank"] if p else None, p["composite"] if p else None))
    return tuple(sorted(out, key=lambda s: (s.group, s.rank or 0, s.subject)))


def _progress(result: Result) -> tuple[Progress, ...]:
    """Targets counted in money or units (not rates, not points) against 序时进度."""
    tp = result.period.time_progress
    out = []
    for s in result.scores:
        if s.target is None or s.written_form not in ("money", "exact") or not s.subject.startswith("unit:"):
            continue
        c = _completion(s.value, s.target)
        if c is None:
            continue
        from bureaukit.result import write_value

        out.append(Progress(s.subject, result.name_of(s.subject), result.campaign_title(s.campaign), s.metric,
                            write_value(s, s.value) or "", write_value(s, s.target) or "", c, c < tp))
    return tuple(sorted(out, key=lambda p: (p.completion, p.subject, p.metric)))


def _item(f: Mapping[str, Any], names: Mapping[str, str], titles: Mapping[str, str]) -> Item:
    return Item(f["subject"], names.get(f["subject"], f["subject"]), titles.get(f["campaign"], f["campaign"]),
                f["severity"], f["message"], f["due"])


def build(result: Result, before: Mapping[str, Any] | None, *, previous: tuple[int, date] | None = None,
          run: int | None = None) -> Bulletin:
    """The bulletin of *result*, compared with the previous run's JSON *before*."""
    now = result.to_dict()
    names = dict(result.names)
    titles = {c.name: result.campaign_title(c.name) for c in result.campaigns}
    seen = {_finding_key(f) for f in (before or {}).get("findings", ())}
    new = [_item(f, names, titles) for f in now["findings"] if before is not None and _finding_key(f) not in seen]
    horizon = result.period.as_of + timedelta(days=DUE_WITHIN)
    due = [_item(f, names, titles) for f in now["findings"]
           if f["due"] and result.period.as_of < date.fromisoformat(f["due"]) <= horizon]
    return Bulletin(
        result.bureau_name, result.period.id, result.period.as_of, result.period.time_progress, previous, run,
        _standings(now, before), _progress(result), tuple(new), tuple(sorted(due, key=lambda i: (i.due or "", i.subject))),
    )


# --- writing it -----------------------------------------------------------------------------

_RANK_HEAD = ("名次", "单位", "综合得分", "等次", "名次变化", "得分变化")
_PROGRESS_HEAD = ("单位", "活动", "指标", "完成", "目标", "完成率", "序时进度")
_ITEM_HEAD = ("单位/人员", "活动", "问题", "期限")


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).quantize(Decimal('0.1'))}%"


_NUMERALS = "一二三四五六七八九十"


def _numeral(i: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 … 99 → 九十九: a sub-heading's number."""
    tens, ones = divmod(i, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _NUMERALS[tens - 1] + "十"
    return head + (_NUMERALS[ones - 1] if ones else "")


def sections(b: Bulletin) -> list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]]:
    """The bulletin's tables in order: (heading, header, rows); the same for every format."""
    since = f"（与第 {b.previous[0]} 次运行、截至 {b.previous[1]} 相比）" if b.previous else "（此前无存档运行）"
    out: list[tuple[str, tuple[str, ...], list[tuple[str, ...]]]] = []
    groups: dict[str, list[Standing]] = {}
    for s in b.standings:
        groups.setdefault(s.group, []).append(s)
    from bureaukit.render._labels import group_label

    for i, (group, rows) in enumerate(groups.items()):
        sub = f"（{_numeral(i + 1)}）" if len(groups) > 1 else ""  # 一、排名（一）：…（二）：…, not 一、 thrice
        out.append((f"一、排名{sub}：{group_label(group or None, 'zh')}{since}", _RANK_HEAD,
                    [(str(s.rank), s.name, s.composite, s.grade or "", s.movement, s.change) for s in rows]))
    tp = _pct(b.time_progress)
    out.append((f"二、进度落后于序时进度（{tp}）的单位", _PROGRESS_HEAD,
                [(p.name, p.campaign, p.metric, p.value, p.target, _pct(p.completion), tp) for p in b.behind]))
    out.append(("三、达到序时进度的目标", _PROGRESS_HEAD,
                [(p.name, p.campaign, p.metric, p.value, p.target, _pct(p.completion), tp)
                 for p in b.progress if not p.behind]))
    out.append((f"四、新发现的问题{since}", _ITEM_HEAD,
                [(i.name, i.campaign, i.message, i.due or "") for i in b.new_findings]))
    out.append((f"五、{DUE_WITHIN} 日内到期事项（{b.as_of} 之后）", _ITEM_HEAD,
                [(i.name, i.campaign, i.message, i.due or "") for i in b.due_soon]))
    return out


def intro(b: Bulletin) -> str:
    return (f"截至 {b.as_of}，考核期 {b.period} 序时进度 {_pct(b.time_progress)}；"
            f"{len(b.behind)} 项目标落后于序时进度，新发现问题 {len(b.new_findings)} 个，"
            f"{DUE_WITHIN} 日内到期事项 {len(b.due_soon)} 个。")


def to_html(b: Bulletin) -> str:
    import html

    e = html.escape
    parts = [f'<!doctype html><html lang="zh"><meta charset="utf-8"><title>{e(b.title)}</title><style>'
             "body{font-family:'FangSong','STFangsong','Noto Serif CJK SC',serif;max-width:60em;margin:2em auto}"
             "h1{text-align:center;font-size:1.5em}table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}"
             "td,th{border:1px solid #888;padding:.15em .4em;font-size:.9em}th{background:#eee}"
             "@media print{body{margin:0}}</style>", f"<h1>{e(b.title)}</h1><p>{e(intro(b))}</p>"]
    for heading, head, rows in sections(b):
        parts.append(f"<h2>{e(heading)}</h2>")
        if not rows:
            parts.append("<p>无。</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows]
        parts.append("</table>")
    return "".join(parts) + "</html>\n"


def to_docx(b: Bulletin) -> bytes:
    """A Word document (python-docx: ``pip install 'bureaukit[docx]'``)."""
    import io

    from bureaukit.errors import InputError
    from bureaukit.messages import t

    try:
        import docx
    except ImportError:
        raise InputError([t("bulletin_needs_docx")]) from None
    from docx.shared import Pt

    doc = docx.Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.add_heading(b.title, level=1)
    doc.add_paragraph(intro(b))
    for heading, head, rows in sections(b):
        doc.add_heading(heading, level=2)
        if not rows:
            doc.add_paragraph("无。")
            continue
        table = doc.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
        for r in rows:
            for cell, text in zip(table.add_row().cells, r, strict=True):
                cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_xlsx(b: Bulletin) -> bytes:
    """One sheet, the sections one below the other (openpyxl: ``bureaukit[xlsx]``)."""
    import io

    from bureaukit.errors import InputError
    from bureaukit.messages import t

    try:
        from openpyxl import Workbook
    except ImportError:
        raise InputError([t("bulletin_needs_xlsx")]) from None
    from bureaukit.render._labels import neutralise

    wb = Workbook()
    ws = wb.active
    ws.title = "通报"
    ws.append([b.title])
    ws.append([intro(b)])
    for heading, head, rows in sections(b):
        ws.append([])
        ws.append([heading])
        ws.append(list(head))
        for r in rows or [("无",)]:
            ws.append([neutralise(c) for c in r])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
