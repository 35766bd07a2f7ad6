"""The campaign's window: "活动从2013年5月开始, 到2014年4月底结束" (seed 000 第五篇 五).

The window defaults to the run's period; ``window`` in the settings names another
(a period id such as ``2013-05-01..2014-04-30``). Records count from the window's
start and up to its end.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs

from bureaukit.plugin import Context, Evidence, Window, campaign_window


def window_of(ctx: Context) -> Window:
    return campaign_window(ctx.settings.window, ctx.period)


def within(day: date, w: Window) -> bool:
    return w[0] <= day <= w[1]


def label(w: Window) -> str:
    return f"{w[0].isoformat()}..{w[1].isoformat()}"


@attrs.frozen
class Deduction:
    """Points taken from a subject's ``base_points`` (rules 1–2), with the why."""

    subject: str
    points: Decimal
    evidence: Evidence
