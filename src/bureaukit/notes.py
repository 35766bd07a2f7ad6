"""How numbers are written inside evidence notes and finding messages (CORE §4).

A note shows a reader how a value was reached (``税额 120 × 6 = 720``), so its numbers
are rounded as the values themselves are written: half up (四舍五入), like
:mod:`bureaukit.money`. Python's own ``Decimal.quantize`` rounds half to even, which
writes 0.03125 as ``0.0312`` where a clerk checking by hand writes ``0.0313``.

A plugin reaches these as ``bureaukit.plugin.notes``: ``exact``, ``places2``, ``places4``,
and the reader's forms ``percent`` (``93.3%``) and ``thousands`` (``16,800``) from
:mod:`bureaukit.display`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bureaukit.display import percent, thousands
from bureaukit.money import fmt_exact

__all__ = ["exact", "percent", "places2", "places4", "thousands"]

_PLACES = {n: Decimal(1).scaleb(-n) for n in range(0, 9)}


def _rounded(value: Decimal | int, places: int) -> Decimal:
    return Decimal(value).quantize(_PLACES[places], rounding=ROUND_HALF_UP)


def exact(value: Decimal | int, *, at_most: int | None = None) -> str:
    """A number written plainly: no exponent, no trailing zeros (``9000.5``, ``12``).
    With *at_most*, first rounded half up to that many places (``exact(1/3, at_most=4)``
    is ``0.3333``, ``exact(Decimal("0.5"), at_most=4)`` is ``0.5``)."""
    return fmt_exact(value if at_most is None else _rounded(value, at_most))


def places2(value: Decimal | int) -> str:
    """Two places, half up: points, money, composites (``78.40``, ``0.13``)."""
    return str(_rounded(value, 2))


def places4(value: Decimal | int) -> str:
    """Four places, half up: rates and shares (``0.6667``, ``0.0313``)."""
    return str(_rounded(value, 4))
