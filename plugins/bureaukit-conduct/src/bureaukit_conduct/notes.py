"""How numbers appear in evidence notes and finding messages (never in the values)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def num(value: Decimal | int) -> str:
    """A plain decimal for a note: exact when short, else 4 places (``81.2``, ``83.3333``)."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    exp = d.normalize().as_tuple().exponent
    if isinstance(exp, int) and exp >= -4:
        return format(d.normalize(), "f")
    return format(d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP), "f")


def mean(values: list[Decimal]) -> Decimal:
    """The arithmetic mean of a non-empty list, unrounded."""
    return sum(values, Decimal(0)) / len(values)
