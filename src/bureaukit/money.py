"""Money and amounts (CORE §4): Decimal only, rounding only where a value is written or paid."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

FEN = Decimal("0.01")
RATE = Decimal("0.0001")
ZERO = Decimal(0)


def to_yuan(amount: Decimal) -> Decimal:
    """Round an amount to the fen (分), half up: the point of payment."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def weighted_mean(pairs: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Σ weight × value / Σ weight over *pairs* of (weight, value); None when the weights
    sum to 0 or less.

    The sums and products are exact (a context wide enough for any of them) and the
    quotient is rounded once, to the caller's precision. Rounded at every step, as
    28-digit arithmetic does, one stage of 97.142857… weighted 30 averaged to one unit in
    the last place below its only value; a mean must lie between its values, and with
    one rounding of the exact quotient it does (rounding never crosses a value it can
    write)."""
    with localcontext() as wide:
        wide.prec = 120
        total_w = total = ZERO
        for weight, value in pairs:
            total_w += weight
            total += weight * value
        if total_w <= 0:
            return None
        mean = total / total_w
    return +mean  # rounded to the caller's context


def split(total: Decimal, parts: int) -> list[Decimal]:
    """Split *total* 元 into *parts* shares that sum exactly to the total rounded to the fen.

    Every share is rounded down to the fen and the fen left over go one each to the
    first shares, in order: ``split(Decimal(500), 3) == [166.67, 166.67, 166.66]``.
    """
    if parts <= 0:
        raise ValueError("a split needs at least one part")
    whole = to_yuan(total)
    negative = whole < 0
    magnitude = -whole if negative else whole
    base = (magnitude / parts).quantize(FEN, rounding=ROUND_DOWN)
    left_over = int((magnitude - base * parts) / FEN)
    shares = [base + FEN if i < left_over else base for i in range(parts)]
    return [-s for s in shares] if negative else shares


def split_among(total: Decimal, names: Sequence[str]) -> dict[str, Decimal]:
    """:func:`split` keyed by name, in the listed order (a name listed twice is an error)."""
    if len(set(names)) != len(names):
        raise ValueError(f"a name is listed twice in {list(names)}")
    return dict(zip(names, split(total, len(names)), strict=True))


def fmt_money(value: Decimal) -> str:
    """Written form of money: 2 places (``"3000.00"``)."""
    return str(value.quantize(FEN, rounding=ROUND_HALF_UP))


class MoneyText(dict[Decimal, str]):
    """``fmt_money`` memoised per amount, for a loop that writes the same few amounts
    (a fee's shares, say) into the evidence of every row: ``money = MoneyText();
    money[share]``. Keep one per run: it remembers every amount it is asked for."""

    def __missing__(self, value: Decimal) -> str:
        text = fmt_money(value)
        if value:  # 0 and -0 are one key but are written "0.00" and "-0.00"
            self[value] = text
        return text


def fmt_points(value: Decimal) -> str:
    """Written form of points, composites and 0–100 scores: 2 places (``"78.42"``)."""
    return str(value.quantize(FEN, rounding=ROUND_HALF_UP))


def fmt_rate(value: Decimal) -> str:
    """Written form of rates and shares (0–1): 4 places (``"0.6667"``)."""
    return str(value.quantize(RATE, rounding=ROUND_HALF_UP))


def fmt_exact(value: Decimal | int) -> str:
    """Written form of counts and sums: exact, no exponent, no trailing zeros (``"9000.5"``)."""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
