"""Rule 4 — 宣传信息队伍 (seed 三 组织领导).

"局属各单位要落实本单位宣传信息工作负责科室,明确两名以上宣传信息员和审核报送人员,同时还要确定一名网评人员。"

For each quota unit: the people of that unit in post on ``as_of`` matching each
``staffing`` role selector (CORE §2; one with unit kinds binds only quota units of those
kinds); any minimum not met gives one ``publicity.staffing`` warning.
"""

from __future__ import annotations

from collections.abc import Iterator

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Org, Roles, RoleSelector, Text, say
from bureaukit_publicity.catalogue import MESSAGES
from bureaukit_publicity.counts import quota_units
from bureaukit_publicity.notes import staff_note
from bureaukit_publicity.settings import PublicitySettings, staffing_of


def score_staffing(ctx: Context) -> Iterator[Finding]:
    s: PublicitySettings = ctx.settings
    # each key is a role selector (CORE §2), parsed once; check() has rejected bad ones
    need = [(sel, n) for key, n in staffing_of(s).items() for sel in Roles([key]).selectors]
    for uid in quota_units(s):
        members = ctx.org.members(uid, on=ctx.as_of)
        kind = ctx.org.unit(uid).kind
        missing: list[tuple[RoleSelector, int, int]] = []
        notes: list[Note] = []
        for sel, n in need:  # the page's order: officer, reviewer, commenter, then added roles
            # ROLE@KIND counts this unit's own people, so it binds only units of those kinds
            if n <= 0 or not sel.admits_kind(kind):
                continue
            have = [p for p in members if sel.matches(p, ctx.org)]
            names = tuple(p.name for p in have)
            notes.append(Note(staff_note, (_label(ctx.org, sel), str(sel), names, len(have), n)))
            if len(have) < n:
                missing.append((sel, len(have), n))
        if not missing:
            continue
        short = [
            say(MESSAGES["staff_short"], role=Text(_label(ctx.org, r), str(r)), have=h, need=n)
            for r, h, n in missing
        ]
        yield ctx.finding(
            bk.unit(uid),
            "staffing",
            "warning",
            say(MESSAGES["staffing"], unit=ctx.org.unit(uid), as_of=ctx.as_of, missing=short),
            evidence=[Evidence(note=n) for n in notes],
        )


def _label(org: Org, sel: RoleSelector) -> str:
    """The role's Chinese label (the bureau's ``[roles]`` included)."""
    return org.role_labels.get(sel.role, sel.role)
