"""``diff`` and ``verify`` written out: a terminal table, JSON, a small HTML page."""

from __future__ import annotations

import html
import json
from typing import Any

from bureaukit.archive.diff import Change, RunDiff
from bureaukit.archive.store import RunInfo, status_title
from bureaukit.messages import MESSAGES, language, t


def _run(r: RunInfo) -> str:
    return t("diff_run", number=r.number, period=r.period, as_of=r.as_of, status=status_title(r.status))


def _title(prefix: str, code: str) -> str:
    """A diff's code (a section, a field, a status) in the run's language."""
    key = f"{prefix}_{code}"
    return t(key) if key in MESSAGES else code


def _what(c: Change) -> str:
    if c.section == "scorecards":
        name = (c.after or c.before or {}).get("name") or ""
        return f"{c.key[0]} {name}".strip()
    return " ".join(k for k in c.key if k)


def _values(c: Change) -> str:
    if c.status != "changed":
        item = c.after if c.status == "appeared" else c.before
        assert item is not None
        shown = {k: item.get(k) for k in ("composite", "rank", "value", "target", "amount", "message", "due")
                 if item.get(k) is not None}
        colon = "：" if language() == "zh" else ": "
        return _title("diff_status", c.status) + colon + ", ".join(
            f"{_title('diff_field', k)} {v}" for k, v in shown.items())
    return t("reason_sep").join(_field(name, a, b) for name, a, b in c.fields)


def _field(name: str, a: Any, b: Any) -> str:
    title = _title("diff_field", name)
    if isinstance(a, dict) and isinstance(b, dict):  # a scorecard's campaign points: only those that moved
        moved = [f"{k} {_short(a.get(k))} → {_short(b.get(k))}" for k in {**a, **b} if a.get(k) != b.get(k)]
        return f"{title}: " + ", ".join(moved)
    return f"{title} {_short(a)} → {_short(b)}"


def _short(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, dict):
        return ", ".join(f"{k} {x}" for k, x in v.items()) or "—"
    return str(v)


def diff_lines(d: RunDiff) -> list[str]:
    """The diff as a clerk reads it in a terminal."""
    out = [f"{_run(d.a)} → {_run(d.b)}"]
    if d.a.as_of != d.b.as_of:
        out.append(t("diff_time_progress", a=d.time_progress[0], b=d.time_progress[1]))
    for n, a, b in d.versions:
        out.append(t("diff_version", name=n, a=a or "—", b=b or "—"))
    if d.files:
        out.append(t("diff_inputs"))
        for f in d.files:
            counts = {k: sum(1 for r in f.rows if r.kind == k) for k in ("added", "removed", "changed")}
            detail = ", ".join(t(f"diff_rows_{k}", n=v) for k, v in counts.items() if v) or f.note
            out.append(f"  {f.file}: {detail}" + (t("reason_sep") + f.note if f.note and f.rows else ""))
    if d.empty:
        out.append(t("diff_nothing"))
        return out
    section, said = "", ""
    for c in d.changes:
        if c.section != section:
            section = c.section
            out.append(_title("diff_section", section) + ("：" if language() == "zh" else ":"))
        out.append(f"  {_what(c)}: {_values(c)}")
        if c.because:
            out += [f"    ← {r.line()}" for r in c.because]
            said = ""
        elif c.section != "findings" or c.status != "changed":
            # the same reason for item after item (time passed, the config changed) is written once
            reason = d.reason_without_rows()
            out.append(f"    ← {t('reason_same') if reason == said else reason}")
            said = reason
    return out


def _change_dict(c: Change) -> dict[str, Any]:
    return {
        "section": c.section,
        "status": c.status,
        "key": list(c.key),
        "before": dict(c.before) if c.before is not None else None,
        "after": dict(c.after) if c.after is not None else None,
        "fields": [{"name": n, "before": a, "after": b} for n, a, b in c.fields],
        "because": [r.line() for r in c.because],
    }


def _run_dict(r: RunInfo) -> dict[str, Any]:
    return {"number": r.number, "period": r.period, "as_of": r.as_of.isoformat(), "status": r.status,
            "recorded_at": r.recorded_at, "by": r.by, "versions": dict(r.versions)}


def diff_dict(d: RunDiff) -> dict[str, Any]:
    return {
        "a": _run_dict(d.a),
        "b": _run_dict(d.b),
        "time_progress": list(d.time_progress),
        "versions": [{"name": n, "a": a, "b": b} for n, a, b in d.versions],
        "files": [{"file": f.file, "note": f.note, "rows": [
            {"kind": r.kind, "row": r.row, "before_row": r.before_row, "line": r.line(),
             "cells": [{"column": c.column, "before": c.before, "after": c.after} for c in r.cells],
             "values": list(r.values)} for r in f.rows]} for f in d.files],
        "changes": [_change_dict(c) for c in d.changes],
        "without_rows": d.reason_without_rows(),
    }


def diff_json(d: RunDiff) -> str:
    return json.dumps(diff_dict(d), ensure_ascii=False, indent=1) + "\n"


_STYLE = (
    "body{font-family:system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;max-width:70em}"
    "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .5em;"
    "text-align:left;vertical-align:top}th{background:#f3f3f3}.why{color:#555;font-size:.9em}"
    ".appeared{color:#060}.disappeared{color:#a00}"
)


def diff_html(d: RunDiff) -> str:
    """A self-contained page (no scripts, no network)."""
    e = html.escape
    title = f"{_run(d.a)} → {_run(d.b)}"
    parts = [f"<!doctype html><html lang=\"{language()}\"><meta charset=\"utf-8\"><title>{e(title)}</title>",
             f"<style>{_STYLE}</style><h1>{e(t('diff_title'))}</h1><p>{e(title)}</p>"]
    if d.a.as_of != d.b.as_of:
        parts.append(f"<p>{e(t('diff_time_progress', a=d.time_progress[0], b=d.time_progress[1]))}</p>")
    if d.versions:
        parts.append("<p>" + "; ".join(e(t("diff_version", name=n, a=a or "—", b=b or "—"))
                                       for n, a, b in d.versions) + "</p>")
    if d.files:
        parts.append(f"<h2>{e(t('diff_inputs_title'))}</h2><ul>")
        for f in d.files:
            rows = "".join(f"<li>{e(r.line())}</li>" for r in f.rows)
            parts.append(f"<li>{e(f.file)} {e(f.note)}<ul>{rows}</ul></li>")
        parts.append("</ul>")
    parts.append(f"<h2>{e(t('diff_results_title'))}</h2>")
    if d.empty:
        parts.append(f"<p>{e(t('diff_nothing_short'))}</p>")
    else:
        parts.append("<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in t("diff_columns").split("|")) + "</tr>")
        for c in d.changes:
            why = "<br>".join(e(r.line()) for r in c.because) or e(d.reason_without_rows())
            parts.append(f"<tr class=\"{c.status}\"><td>{e(_title('diff_section', c.section))}</td><td>{e(_what(c))}</td>"
                         f"<td>{e(_values(c))}</td><td class=\"why\">{why}</td></tr>")
        parts.append("</table>")
    return "".join(parts) + "</html>\n"
