"""``bureaukit explain``: every outcome for one subject with its evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from bureaukit import display
from bureaukit.config import ScoringConfig
from bureaukit.errors import InputError
from bureaukit.messages import speaking
from bureaukit.messages import t as t_
from bureaukit.money import fmt_points
from bureaukit.outcomes import Evidence
from bureaukit.render._labels import cell_text, group_label, label, metric_order
from bureaukit.result import Result
from bureaukit.text import quoted, visible

if TYPE_CHECKING:
    from bureaukit.bureau import Bureau


def resolve_subject(bureau: Bureau, text: str) -> str:
    """``unit:<id>``, ``person:<id>``, a bare id or an exact name → a subject."""
    org = bureau.org
    t = text.strip()
    kind, _, ident = t.partition(":")
    if kind == "unit" and ident in org.units:
        return t
    if kind == "person" and ident in org.people:
        return t
    hits = []
    if t in org.units:
        hits.append(f"unit:{t}")
    if t in org.people:
        hits.append(f"person:{t}")
    hits += [f"unit:{u.id}" for u in org.units.values() if u.name == t]
    hits += [f"person:{p.id}" for p in org.people.values() if p.name == t]
    hits = sorted(set(hits))
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise InputError([t_("subject_ambiguous", subject=quoted(text), hits=", ".join(hits))])
    raise InputError([t_("no_subject", subject=quoted(text))])


def _ev_lines(evidence: tuple[Evidence, ...], indent: str) -> list[str]:
    out = []
    for e in evidence:
        where = ""
        if e.source:
            where = f"{e.source}:{e.row}" if e.row is not None else e.source
        key = f" [{e.record}]" if e.record else ""
        note = f" {e.note}" if e.note else ""
        out.append(f"{indent}← " + f"{where}{key}{note}".strip())
    return out


def _composite_lines(result: Result, subject: str, scoring: ScoringConfig, lang: str) -> list[str]:
    """How the composite came about, each step ending with its result (``= 88.30``)."""
    card = next((c for c in result.scorecards if c.subject == subject), None)
    if card is None:
        rated = any(s.subject == subject for s in result.scores)
        if rated:
            return ["无综合得分（不参与综合考评）" if lang == "zh" else "no composite (not in the scorecards)"]
        return ["无综合得分（没有考核活动为其评分）" if lang == "zh" else "no scorecard (no campaign rated this subject)"]
    head = f"{label('composite', lang)} {fmt_points(card.composite)}"
    if card.grade:
        head += f"  {label('grade', lang)} {card.grade}"
    if card.group:
        head += f"  {label('group', lang)} {group_label(card.group, lang)} #{card.rank}"
    lines = [head]
    parts = []
    total_w = Decimal(0)
    # in the report's order of the campaigns (as the overview numbers them), not the card's
    for name, pts in sorted(card.campaigns.items(), key=lambda kv: _campaign_place(result, kv[0])):
        w = Decimal(1) if scoring.weights is None else scoring.weights.get(name, Decimal(0))
        total_w += w
        parts.append(f"{result.campaign_title(name, lang)} {fmt_points(pts)} × {w}")
    lines.append(f"  = ({' + '.join(parts)}) / {total_w} = {fmt_points(card.own)}")
    if card.children:
        kids = ", ".join(
            f"{result.name_of(k)} {fmt_points(next(c.composite for c in result.scorecards if c.subject == k))}"
            for k in card.children
        )
        r = scoring.rollup
        lines.append(
            f"  {'三级联动' if lang == 'zh' else 'roll-up'}: (1 - {r}) × {fmt_points(card.own)} + {r} × "
            f"mean({kids}) = {fmt_points(card.composite)}"
        )
    return lines


def _campaign_place(result: Result, name: str) -> int:
    return next((i for i, c in enumerate(result.campaigns) if c.name == name), len(result.campaigns))


def explain_text(result: Result, subject: str, scoring: ScoringConfig) -> str:
    """Every outcome for *subject*, labelled with the titles the report uses (REPORTS §5):
    the heading, the scorecard and how its composite was reached, then each campaign's
    scores, payments and findings."""
    lang = result.language
    zh = lang == "zh"
    lines = [
        f"{result.name_of(subject)} ({subject}) — {result.period.id} "
        + (f"(截至 {result.period.as_of})" if zh else f"(as of {result.period.as_of})")
    ]
    lines += _composite_lines(result, subject, scoring, lang)
    with speaking(lang):  # the notes are written now, in the result's language
        for camp in result.campaigns:
            lines += _campaign_lines(result, subject, camp.name, lang)
    # names, ids, evidence keys and plugin messages are user text: every line is made
    # visible, so that no ledger cell can drive the terminal explain prints on
    return "\n".join(visible(line) for line in lines)


def _campaign_lines(result: Result, subject: str, campaign: str, lang: str) -> list[str]:
    """One campaign's outcomes for *subject*, each followed by its evidence (none: no lines)."""
    scores = [s for s in result.scores if s.campaign == campaign and s.subject == subject]
    place = {m: i for i, m in enumerate(metric_order(result, campaign, (s.metric for s in scores)))}
    scores.sort(key=lambda s: place[s.metric])  # stable: the result's order within a metric
    pays = [p for p in result.payments if p.campaign == campaign and p.subject == subject]
    finds = [f for f in result.findings if f.campaign == campaign and f.subject == subject]
    if not (scores or pays or finds):
        return []
    lines = ["", f"[{result.campaign_title(campaign, lang)}]"]
    for s in scores:
        m = result.metric(campaign, s.metric)
        lines.append(f"  {m.title(lang)} = {cell_text(s, m, lang)}")  # as the report's cell, with its completion
        lines += _ev_lines(s.evidence, "      ")
    for p in pays:
        lines.append(f"  {label(p.kind, lang)} {display.money(p.amount)} 元" + (f" ({p.period})" if p.period else ""))
        lines += _ev_lines(p.evidence, "      ")
    for f in finds:
        due = f" ({label('due', lang)} {f.due})" if f.due else ""
        said = f.message  # written in zh only when it has no *lang* (not as a default each time)
        lines.append(
            f"  [{label(f.severity, lang)}] {result.finding_title(campaign, f.code, lang)}{due}："
            f"{said[lang] if lang in said else said.get('zh', '')}"
        )
        lines += _ev_lines(f.evidence, "      ")
    return lines
