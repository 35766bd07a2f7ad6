"""Numbers in notes are written as values are: half up (四舍五入), never half even."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bureaukit import notes
from bureaukit.money import fmt_money, fmt_rate


def test_halves_round_up_at_each_width() -> None:
    assert notes.places2(Decimal("0.125")) == "0.13"  # half even would give 0.12
    assert notes.places4(Decimal("0.03125")) == "0.0313"  # half even: 0.0312
    assert notes.places2(Decimal("-0.125")) == "-0.13"  # half away from zero, as to_yuan
    assert notes.exact(Decimal("0.03125"), at_most=4) == "0.0313"
    assert notes.exact(Decimal("2.50000")) == "2.5" and notes.exact(12) == "12"
    assert notes.exact(Decimal("1E+3")) == "1000" and notes.exact(Decimal("0.50"), at_most=4) == "0.5"
    assert notes.places2(7) == "7.00" and notes.places4(Decimal(1) / 3) == "0.3333"


@given(st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, places=6))
def test_two_and_four_places_are_the_written_forms_of_money_and_rates(d: Decimal) -> None:
    assert notes.places2(d) == fmt_money(d)
    assert notes.places4(d) == fmt_rate(d)
    assert Decimal(notes.exact(d, at_most=4)) == Decimal(notes.places4(d))
