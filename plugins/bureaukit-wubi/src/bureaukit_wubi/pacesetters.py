"""Rule 5: the pacesetter 先锋 of each 争创平台 on each of the five 比.

“实行定人员、定责任、定时限、定奖惩，分类设计争创平台，通过召开现场会、观摩会、专项督查
等形式，推动工作开展，形成奋勇争先、竞相推进的良好局面” (二(五)一): units are compared
only within their platform (``pacesetter_groups``), and on each 比 the best are its 先锋 —
“比境界，争当解放思想的先锋 … 比作风，争当强力执行的先锋” (二、主要内容).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Finding, Note, Quantity, Text, say
from bureaukit_wubi.catalogue import MESSAGES, METRICS, VANGUARD_EN, platform
from bureaukit_wubi.notes import board_note
from bureaukit_wubi.settings import COMPARE, DIMENSIONS, ENGLISH, VANGUARD, WubiSettings

CENT = Decimal("0.01")


def pacesetters(
    ctx: Context,
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    scores: Mapping[str, Mapping[str, Decimal]],
) -> Iterator[Finding]:
    """On each dimension, among the units of each group scored there, every unit tied at
    the highest score as written (0.01) gets ``wubi.pacesetter`` (info). *kinds* maps the
    rated units to their kinds, *names* to their names; units of a kind in no group are
    not compared."""
    settings: WubiSettings = ctx.settings
    for group, group_kinds in sorted(settings.groups().items()):
        members = sorted(u for u, k in kinds.items() if k in group_kinds)
        for code in DIMENSIONS:
            written = {
                u: scores[u][code].quantize(CENT, rounding=ROUND_HALF_UP) for u in members if code in scores.get(u, {})
            }
            if not written:
                continue
            best = max(written.values())
            tied = sorted(u for u, v in written.items() if v == best)
            board = tuple((names[u], v) for u, v in sorted(written.items(), key=lambda kv: (-kv[1], kv[0])))
            where = platform(group, group_kinds)
            for unit in tied:
                others = len(tied) - 1
                m = say(MESSAGES["pacesetter_tied" if others else "pacesetter"],
                        vanguard=Text(VANGUARD[code], VANGUARD_EN[code]), dimension=Text(COMPARE[code], ENGLISH[code]), unit=names[unit],
                        platform=where, rated=len(written), best=Quantity(METRICS[f"dim.{code}"], best),
                        others=others)
                yield ctx.finding(
                    bk.unit(unit),
                    "pacesetter",
                    "info",
                    m,
                    evidence=[Evidence(note=Note(board_note, (group, group_kinds, code, board)))],
                )
