"""The three phases 阶段 (学习动员 → 分析评议 → 整改提高) placed in the campaign's window.

The window defaults to the run's period; ``window`` names another period id. Month-days
are placed by the core (:func:`bureaukit.plugin.place_start`), as style places its phases;
the core checks the ``steps`` ledger against them and yields ``vanguard.step_missing``
(rule 1, CORE §8).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from bureaukit.plugin import (
    Context,
    Period,
    PeriodError,
    Phase,
    Window,
    campaign_window,
    pick,
    place_end,
    place_start,
)
from bureaukit_vanguard.settings import PhaseDef, VanguardSettings


def window_of(settings: VanguardSettings, period: Period | None) -> Window:
    """The ``window`` setting's period, else the run's (the core's staged-campaign window)."""
    return campaign_window(settings.window, period)


def place(ph: PhaseDef, w: Window) -> Phase:
    start = place_start(ph.start, w)
    return Phase(ph.id, ph.title, start, place_end(ph.end, start), tuple(ph.steps))


def placed(settings: VanguardSettings, w: Window) -> list[Phase]:
    """The phases placed in window *w*; a PeriodError (the config's to fix, exit 2) when
    they fall out of order there. ``check`` tests the order in the config's period; a run
    of another period without a ``window`` (``--period 2014-Q2``: 01-01 goes to the next
    year, 05-01 stays) would otherwise score 整改提高 before 学习动员 without a word."""
    phases = [place(ph, w) for ph in settings.phases]
    bad = out_of_order(phases)
    if bad is not None:
        prev, cur = bad
        where = (f"{w[0]}..{w[1]}" if settings.window is None else settings.window)
        raise PeriodError(order_message(prev, cur) + pick(
            f"（阶段的月日放在 window {where} 中；未设置 window 时即本次考核期：请把 window 设为活动的期间）",
            f" (the phases' month-days are placed in the window {where}, the run's period when no window "
            "is set: set window to the campaign's span)",
        ))
    return phases


def out_of_order(phases: Sequence[Phase]) -> tuple[Phase, Phase] | None:
    """The first phase (with the one before it) that starts on or before the previous one
    ends: 转段 goes one phase after another."""
    for prev, cur in pairwise(phases):
        if cur.start <= prev.end:
            return prev, cur
    return None


def order_message(prev: Phase, cur: Phase) -> str:
    return pick(f"阶段 {cur.id} 于 {cur.start} 开始，不晚于阶段 {prev.id} 的结束（{prev.end}）；各阶段应依次进行",
                f"phase {cur.id} starts {cur.start} on or before phase {prev.id} ends ({prev.end}); "
                "phases follow one another")


def phases(ctx: Context) -> list[Phase]:
    """The phases placed in the campaign's window (registered for the core's step check)."""
    return placed(ctx.settings, window_of(ctx.settings, ctx.period))
