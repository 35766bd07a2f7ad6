"""Rule 4 — 宣传信息队伍 (seed 三 组织领导).

"局属各单位要落实本单位宣传信息工作负责科室,明确两名以上宣传信息员和审核报送人员,同时还要确定一名网评人员。"

For each quota unit: the people of that unit in post on ``as_of`` holding each
``staffing`` role; any role below its minimum gives one ``publicity.staffing`` warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from bureaukit import Context, Evidence, Finding
from bureaukit.org import STANDARD_ROLES
from bureaukit_publicity.counts import quota_units
from bureaukit_publicity.settings import PublicitySettings, staffing_of


def score_staffing(ctx: Context) -> Iterator[Finding]:
    s: PublicitySettings = ctx.settings
    need = staffing_of(s)
    for uid in quota_units(s):
        members = ctx.org.members(uid, on=ctx.as_of)
        missing: list[tuple[str, int, int]] = []
        notes: list[str] = []
        for role in need:  # the page's order: officer, reviewer, commenter, then added roles
            if need[role] <= 0:
                continue
            have = [p for p in members if role in p.roles]
            names = "、".join(f"{p.id} {p.name}" for p in have) or "无"
            notes.append(f"{role} {STANDARD_ROLES.get(role, role)}: {names} ({len(have)}/{need[role]})")
            if len(have) < need[role]:
                missing.append((role, len(have), need[role]))
        if not missing:
            continue
        en = ", ".join(f"{r} {h}/{n}" for r, h, n in missing)
        zh = "、".join(f"{STANDARD_ROLES.get(r, r)} {h}/{n}" for r, h, n in missing)
        name = ctx.org.unit(uid).name
        yield Finding(
            f"unit:{uid}",
            "publicity.staffing",
            "warning",
            {
                "zh": f"{name}宣传信息队伍不足 ({ctx.as_of.isoformat()} 在岗): {zh}",
                "en": f"{uid} lacks publicity staff in post on {ctx.as_of.isoformat()}: {en}",
            },
            evidence=[Evidence(note=n) for n in notes],
        )
