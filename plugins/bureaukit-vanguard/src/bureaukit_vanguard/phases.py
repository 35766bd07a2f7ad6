"""The three phases 阶段 (学习动员 → 分析评议 → 整改提高) placed in the campaign's window.

The window defaults to the run's period; ``window`` names another period id. Month-days
are placed by the core (:func:`bureaukit.plugin.place_start`), as style places its phases;
the core checks the ``steps`` ledger against them and yields ``vanguard.step_missing``
(rule 1, CORE §8).
"""

from __future__ import annotations

from bureaukit.plugin import Context, Period, Phase, Window, campaign_window, place_end, place_start
from bureaukit_vanguard.settings import PhaseDef, VanguardSettings


def window_of(settings: VanguardSettings, period: Period | None) -> Window:
    """The ``window`` setting's period, else the run's (the core's staged-campaign window)."""
    return campaign_window(settings.window, period)


def place(ph: PhaseDef, w: Window) -> Phase:
    start = place_start(ph.start, w)
    return Phase(ph.id, ph.title, start, place_end(ph.end, start), tuple(ph.steps))


def placed(settings: VanguardSettings, w: Window) -> list[Phase]:
    return [place(ph, w) for ph in settings.phases]


def phases(ctx: Context) -> list[Phase]:
    """The phases placed in the campaign's window (registered for the core's step check)."""
    return placed(ctx.settings, window_of(ctx.settings, ctx.period))
