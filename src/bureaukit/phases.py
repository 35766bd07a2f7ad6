"""Phase steps 环节 checked on a campaign's behalf (CORE §8): 一个环节不少、一个步骤不漏."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bureaukit.campaigns import Phase
from bureaukit.context import Context
from bureaukit.outcomes import Finding, Severity


def participants(ctx: Context) -> list[str]:
    """Every unit but the root, unless the settings' ``participants`` lists unit kinds."""
    kinds = getattr(ctx.settings, "participants", None)
    if kinds:
        return [u.id for u in ctx.org.units_of_kind(*kinds)]
    return sorted(u for u in ctx.org.units if u != ctx.org.root.id)


def step_findings(
    ctx: Context, phases: Sequence[Phase], steps: Iterable[Any], severity: Severity
) -> list[Finding]:
    """``<campaign>.step_missing`` for each participating unit and each step of a phase
    that has ended by ``as_of`` with no record of it done on or before the phase's end.

    A step counts only if done on or after the first phase's start: a steps ledger kept
    over several years holds last year's 动员大会 too, and that must not satisfy this
    year's (docs/decisions.md). Early work within this run of the campaign still counts.
    """
    done: dict[tuple[str, str, str], Any] = {}
    names: dict[str, str] = {}
    for ph in phases:
        names[ph.id] = ph.id
        names[ph.title] = ph.id
    for rec in steps:
        pid = names.get(str(rec.phase).strip())
        if pid is None or rec.done is None:
            continue
        done.setdefault((rec.unit, pid, str(rec.step).strip()), []).append(rec)
    out: list[Finding] = []
    if not phases:
        return out
    first = min(ph.start for ph in phases)
    for ph in phases:
        if ph.end > ctx.as_of:
            continue
        for uid in participants(ctx):
            for step in ph.steps:
                recs = [r for r in done.get((uid, ph.id, step), []) if first <= r.done <= ph.end]
                if recs:
                    continue
                out.append(
                    Finding(
                        subject=f"unit:{uid}",
                        code=f"{ctx.campaign}.step_missing",
                        severity=severity,
                        message={
                            "zh": f"{ph.title}阶段缺少环节“{step}”（应于{ph.end.isoformat()}前完成）",
                            "en": f"phase {ph.id} ({ph.title}): step “{step}” not done by {ph.end.isoformat()}",
                        },
                        due=ph.end,
                    )
                )
    return out
