"""Numbers as a reader sees them (REPORTS §2): by the metric's kind, never raw ratios.

- ``points`` / ``score``: 2 places (``88.30``);
- ``rate``: a percentage, 1 place (``93.3%``);
- ``amount``: thousands separators; 元 to the fen (``64,133.34``), other units exact
  (``16,800`` 万元, ``1,520.5`` 万元);
- ``count``: an integer with separators.

The JSON keeps its written forms (CORE §4); these are for people only.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bureaukit.catalogue import Metric

_FEN = Decimal("0.01")


def thousands(value: Decimal | int) -> str:
    """``Decimal("16800")`` → ``16,800``; ``Decimal("1520.50")`` → ``1,520.5`` (exact,
    trailing zeros dropped)."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return f"{d.quantize(Decimal(1)):,f}"
    return f"{d.normalize():,f}"


def money(value: Decimal | int) -> str:
    """元 to the fen with separators: ``64133.335`` → ``64,133.34``."""
    return f"{Decimal(value).quantize(_FEN, rounding=ROUND_HALF_UP):,f}"


def percent(rate: Decimal | int, places: int = 1) -> str:
    """``Decimal("0.9333")`` → ``93.3%``."""
    q = Decimal(1).scaleb(-places)
    return f"{(Decimal(rate) * 100).quantize(q, rounding=ROUND_HALF_UP)}%"


def points(value: Decimal | int) -> str:
    return str(Decimal(value).quantize(_FEN, rounding=ROUND_HALF_UP))


def number(metric: Metric, value: Decimal | int | None) -> str:
    """*value* of *metric* written for a reader, without the unit ("" for None)."""
    if value is None:
        return ""
    kind = metric.kind
    if kind in ("points", "score"):
        return points(value)
    if kind == "rate":
        return percent(value)
    if kind == "amount" and metric.unit == "元":
        return money(value)
    return thousands(value)


def quantity(metric: Metric, value: Decimal | int | None) -> str:
    """:func:`number` followed by the metric's unit (``16,800 万元``); rates and scores
    carry none."""
    text = number(metric, value)
    if not text or metric.kind != "amount" or not metric.unit:
        return text
    return f"{text} {metric.unit}"
