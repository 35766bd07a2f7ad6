"""Rules 2–4: what makes a unit owe 补课 — a failed 测评, 走过场, and 转段 out of order.

Seed 002 篇2 三.1 "对工作抓得不实、达不到要求、多数群众不满意的, 必须进行补课, 经督导组
把关同意后, 才能转入下一阶段"; 一.5 "对走过场的单位及时指导‘补课’".

Rules 2, 3 and 4b are triggers that hold the phase's gate shut until the 补课 is done;
rule 4a reads the gate on the approval's day, so it runs after them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Evidence, Finding, Note, Score, Text, Trigger, Unmet, rates_apart, say
from bureaukit_vanguard.catalogue import MESSAGES, phase_named, phase_title
from bureaukit_vanguard.notes import approved_note, formality_note, moved_note, survey_note
from bureaukit_vanguard.records import Survey
from bureaukit_vanguard.settings import SIGNALS
from bureaukit_vanguard.state import Run


def rate(s: Survey) -> Decimal:
    """(满意 + 基本满意) ÷ all three counts, unrounded."""
    return Decimal(s.satisfied + s.basic) / Decimal(s.total)


def passes(run: Run, s: Survey) -> bool:
    return rate(s) >= run.s.satisfaction_min


def satisfaction(run: Run) -> Iterator[Score | Finding]:
    """Rule 2 — 群众满意度测评: a Score per survey; below ``satisfaction_min`` a Finding
    and a 补课 trigger dated the survey's day."""
    for (uid, pid), s in sorted(run.surveys.items(), key=lambda kv: (kv[0][0], run.index[kv[0][1]])):
        if s.total == 0:
            continue
        ph = run.phases[run.index[pid]]
        r = rate(s)
        ev = run.ctx.evidence(s, Note(survey_note, (s.satisfied, s.basic, s.unsatisfied, r)))
        yield Score(bk.unit(uid), f"satisfaction.{pid}", r, form="rate", evidence=(ev,))
        if passes(run, s):
            continue
        shown, need = rates_apart(r, run.s.satisfaction_min)
        run.owe(uid, pid, Trigger(s.date, "satisfaction_low"), s)
        yield run.ctx.finding(
            bk.unit(uid), "satisfaction_low", "warning",
            say(MESSAGES["satisfaction_low"], phase=ph.title, rate=shown, satisfied=s.satisfied, basic=s.basic,
                  total=s.total, need=need),
            evidence=(ev,),
        )


def _have(run: Run, signal: str, uid: str, start: date, day: date) -> int:
    if signal == "talks":
        return sum(1 for t in run.talks.get(uid, ()) if start <= t.date <= day)
    measures = run.measures.get(uid, ())
    if signal == "measures":
        return len(measures)
    return sum(1 for m in measures if m.institution and m.institution.strip())


SIGNAL_NAMES = {"talks": ("谈心谈话", "talks"), "measures": ("整改措施", "measures"),
                "institutions": ("建立制度的整改措施", "measures written into an institution")}


def formality(run: Run) -> Iterator[Finding]:
    """Rule 3 — 走过场: a step done with fewer talks, measures or institutions than the
    minimum; a trigger for the step's phase dated the step's day."""
    for uid in run.units:
        for signal in SIGNALS:
            need = getattr(run.s.formality, signal)
            step = getattr(run.s.formality_steps, signal)
            ph = next((p for p in run.phases if step in p.steps), None)
            if need <= 0 or ph is None:
                continue
            rec = run.log.first(uid, ph.id, step)
            if rec is None or rec.done is None:
                continue
            have = _have(run, signal, uid, ph.start, rec.done)
            if have >= need:
                continue
            run.owe(uid, ph.id, Trigger(rec.done, f"formality.{signal}"), rec)
            zh, en = SIGNAL_NAMES[signal]
            yield run.ctx.finding(
                bk.unit(uid), "formality", "warning",
                say(MESSAGES["formality"], formality=Text("走过场", f"formality ({signal})"), step=step,
                    phase=Text(ph.title, ph.id), done=rec.done, what=Text(zh, en), have=have, need=need),
                evidence=(run.ctx.evidence(rec, Note(formality_note, (Text(zh, en), have, need))),),
            )


def moved_unapproved(run: Run) -> Iterator[Finding]:
    """Rule 4b — a later phase's step done after the phase's end with no approval of the
    phase dated on or before it; a trigger dated that step's day."""
    for uid in run.units:
        for i, ph in enumerate(run.phases):
            rec = run.gates.moved_unapproved(uid, i)
            if rec is None or rec.done is None:
                continue
            run.owe(uid, ph.id, Trigger(rec.done, "moved_unapproved"), rec)
            yield run.ctx.finding(
                bk.unit(uid), "moved_unapproved", "violation",
                say(MESSAGES["moved_unapproved"], phase=phase_named(ph.id, ph.title), done=rec.done, step=rec.step),
                evidence=(run.ctx.evidence(rec, Note(moved_note, (phase_title(ph.id, ph.title), rec.step,
                                                                  rec.done))),),
            )


def _survey_unmet(run: Run, uid: str, pid: str, day: date) -> list[Unmet]:
    if not run.defs[pid].survey:
        return []
    s = run.surveys.get((uid, pid))
    if s is not None and s.date <= day:
        return []
    return [Unmet("未进行群众满意度测评", "no satisfaction survey")]


def _unmet_rows(run: Run, uid: str, i: int, day: date) -> list[Evidence]:
    """The rows behind the unmet conditions an approval of ``phases[i]`` on *day* lists:
    each step done only later (the row that dates it), and the rows that dated the
    blocking triggers of a 补课 outstanding that day (the failed 测评 of 补课未完成（04-26起）)."""
    ph = run.phases[i]
    out: list[Evidence] = []
    title = phase_title(ph.id, ph.title)
    for step in run.log.missing_by(uid, ph, day):
        rec = run.log.first(uid, ph.id, step)
        if rec is not None and rec.done is not None:
            out.append(run.ctx.evidence(rec, Note(moved_note, (title, step, rec.done))))
    m = run.makeups.get(uid, ph.id)
    if m is not None and m.outstanding(day):
        out += [run.cite_trigger(uid, ph.id, t) for t in m.triggers if t.blocks and t.day <= day]
    return out


def approved_early(run: Run) -> Iterator[Finding]:
    """Rule 4a — an approval dated before the phase's conditions were met; a trigger
    dated the approval's day (it does not block: it is the gate being passed)."""
    for uid in run.units:
        for i, ph in enumerate(run.phases):
            ok = run.gates.approval(uid, ph.id)
            if ok is None:
                continue
            unmet = run.gates.unmet(uid, i, ok.date, _survey_unmet(run, uid, ph.id, ok.date),
                                    run.makeups.get(uid, ph.id))
            if not unmet:
                continue
            cited = _unmet_rows(run, uid, i, ok.date)
            run.owe(uid, ph.id, Trigger(ok.date, "approved_early", blocks=False), ok)
            yield run.ctx.finding(
                bk.unit(uid), "approved_early", "violation",
                say(MESSAGES["approved_early"], phase=phase_named(ph.id, ph.title), day=ok.date,
                    unmet=Text("；".join(u.zh for u in unmet), "; ".join(u.en for u in unmet))),
                evidence=(run.ctx.evidence(ok, Note(approved_note, (ok.date,))), *cited),
            )


def approval_missing(run: Run) -> Iterator[Finding]:
    """Rule 4c — a phase ended with no approval (and no unapproved moving on)."""
    for uid in run.units:
        for i, ph in enumerate(run.phases):
            if run.gates.approval_missing(uid, i, run.as_of):
                yield run.ctx.finding(
                    bk.unit(uid), "approval_missing", "warning",
                    say(MESSAGES["approval_missing"], phase=phase_named(ph.id, ph.title), end=ph.end),
                    due=ph.end,
                )
