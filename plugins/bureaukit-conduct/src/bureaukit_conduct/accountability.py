"""Rule 6: 追究问责 and 倒查追责.

Seed 002 篇3 二: "对情节恶劣、影响较大、范围较广的,除对直接责任人进行追究外,还将启用倒查追责,
要追究到相关部门疏于管理的监管责任和分管领导的主体责任".
Seed 002 篇3 四(三)三 强化责任追究: "《湖北省行政问责办法》… 明确了30 种问责情形 … 严肃追究
当事人、有关领导的责任".
Seed 004 五1: "强化'一岗双责'和'谁主管、谁负责' … 对落实、改善不利的追求领导责任".
"""

from __future__ import annotations

from collections.abc import Iterator

from bureaukit import Context, Finding
from bureaukit_conduct.records import Accountability
from bureaukit_conduct.settings import ConductSettings


def traced(s: ConductSettings, r: Accountability) -> bool:
    """Whether 倒查追责 applies to record *r* under ``trace_back``."""
    return s.trace_back == "all" or (s.trace_back == "serious" and r.serious)


def score_accountability(ctx: Context) -> Iterator[Finding]:
    s: ConductSettings = ctx.settings
    for r in sorted(ctx.records["accountability"], key=lambda r: r.id):
        person = ctx.org.person(r.person)
        uid = person.unit
        what = r.situation or "问责"
        action = f"，{r.action}" if r.action else ""
        serious_zh = "（情节严重）" if r.serious else ""
        ev = [ctx.evidence(r, f"{r.date.isoformat()} {person.name} {what}{action}{serious_zh}")]
        yield Finding(
            f"person:{r.person}",
            "conduct.accountable",
            "violation",
            {
                "zh": f"问责 {r.id}：{person.name}（{uid}）{r.date.isoformat()} 被问责：{what}{action}{serious_zh}",
                "en": f"accountability {r.id}: {person.name} ({uid}) held accountable on "
                f"{r.date.isoformat()}: {what}{' (serious)' if r.serious else ''}",
            },
            evidence=ev,
        )
        if not traced(s, r):
            continue
        charged = {r.person}
        heads = ctx.org.members(uid, role="unit_head", on=r.date)
        if "unit_head" not in person.roles:  # not passed up to the parent unit
            for head in heads:
                if head.id in charged:
                    continue
                charged.add(head.id)
                yield Finding(
                    f"person:{head.id}",
                    "conduct.supervision_duty",
                    "warning",
                    {
                        "zh": f"倒查追责：问责 {r.id}（{person.name}，{uid}）追究单位主要负责人"
                        f"{head.name}疏于管理的监管责任",
                        "en": f"trace-back of accountability {r.id} ({person.name}, {uid}): "
                        f"supervision duty of unit head {head.name}",
                    },
                    evidence=ev,
                )
        for leader in ctx.org.overseers(uid, role="team_member", on=r.date):
            if leader.id in charged or "main_leader" in leader.roles:
                continue
            charged.add(leader.id)
            yield Finding(
                f"person:{leader.id}",
                "conduct.leadership_duty",
                "warning",
                {
                    "zh": f"倒查追责：问责 {r.id}（{person.name}，{uid}）追究分管领导"
                    f"{leader.name}的主体责任",
                    "en": f"trace-back of accountability {r.id} ({person.name}, {uid}): "
                    f"leadership duty of {leader.name}, who oversees {uid}",
                },
                evidence=ev,
            )
