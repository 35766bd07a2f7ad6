"""Phases 阶段 and their steps 环节 (rule 6).

Seed 000 第五篇 五 "分三个阶段进行: (一)动员部署 … (二)组织实施 … (三)总结提高", and 六
"一个环节不少、一个步骤不漏地稳步推进活动开展"; seed 001 三 "分三个阶段进行: 第一阶段:
动员部署(2012年3月至4月) … 第二阶段: 组织实施(2012年4月至11月) … 第三阶段, 评估考核".

The campaign only places the phases in time; the core checks the ``steps`` ledger
against them and yields ``style.step_missing`` (CORE §8). Month-days are placed in the
window by the core's :func:`bureaukit.plugin.place_start` / :func:`~bureaukit.plugin.place_end`.
"""

from __future__ import annotations

from bureaukit.plugin import Context, Phase, Window, as_date, place_end, place_start
from bureaukit_style.settings import PhaseDef, resolve
from bureaukit_style.window import window_of


def place(ph: PhaseDef, w: Window) -> Phase:
    start = place_start(ph.start, w)
    return Phase(ph.id, ph.title, start, place_end(ph.end, start), tuple(ph.steps))


def phases(ctx: Context) -> list[Phase]:
    """The preset's (or configured) phases placed in the campaign's window."""
    w = window_of(ctx)
    return [place(ph, w) for ph in resolve(ctx.settings).phases]


def phase_window(ctx: Context, phase_id: str) -> Window | None:
    w = window_of(ctx)
    for ph in resolve(ctx.settings).phases:
        if ph.id == phase_id:
            placed = place(ph, w)
            return placed.start, placed.end
    return None


__all__ = ["as_date", "phase_window", "phases", "place"]
