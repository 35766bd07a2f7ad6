from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bureaukit.money import fmt_exact, fmt_money, fmt_points, fmt_rate, split, split_among, to_yuan, weighted_mean


def test_split_seed_example_500_by_3() -> None:
    assert [str(s) for s in split(Decimal(500), 3)] == ["166.67", "166.67", "166.66"]


def test_split_100_by_3_gives_first_author_the_fen() -> None:
    assert [str(s) for s in split(Decimal(100), 3)] == ["33.34", "33.33", "33.33"]


def test_split_among_keeps_order_and_rejects_repeats() -> None:
    assert split_among(Decimal("0.05"), ["a", "b"]) == {"a": Decimal("0.03"), "b": Decimal("0.02")}
    try:
        split_among(Decimal(1), ["a", "a"])
    except ValueError as exc:
        assert "twice" in str(exc)
    else:
        raise AssertionError("a repeated name must be refused")


@given(
    st.decimals(min_value=Decimal("0"), max_value=Decimal("1000000"), places=2),
    st.integers(min_value=1, max_value=13),
)
def test_split_conserves_money_to_the_fen(total: Decimal, parts: int) -> None:
    shares = split(total, parts)
    assert sum(shares) == total
    assert max(shares) - min(shares) <= Decimal("0.01")
    assert all(s == s.quantize(Decimal("0.01")) for s in shares)
    assert shares == sorted(shares, reverse=True)


def test_rounding_is_half_up_only_when_written() -> None:
    assert str(to_yuan(Decimal("1333.335"))) == "1333.34"
    assert fmt_money(Decimal("3000")) == "3000.00"
    assert fmt_points(Decimal("78.415")) == "78.42"
    assert fmt_rate(Decimal(2) / Decimal(3)) == "0.6667"
    assert fmt_exact(Decimal("4030.000")) == "4030"
    assert fmt_exact(Decimal("9000.50")) == "9000.5"
    assert fmt_exact(Decimal("1E+3")) == "1000"
    assert fmt_exact(7) == "7"


def test_weighted_mean_of_one_value_is_that_value() -> None:
    # conduct's property test found it: 28-digit arithmetic rounded 30 × 97.142857… and
    # then the quotient, and the mean of one stage came out one unit below the stage
    value = Decimal(680) / 7
    assert weighted_mean([(Decimal(30), value)]) == value
    assert weighted_mean([(Decimal(30), value), (Decimal(20), value)]) == value
    assert weighted_mean([(Decimal(3), Decimal(90)), (Decimal(1), Decimal(50))]) == Decimal(80)
    assert weighted_mean([(Decimal(0), Decimal(90))]) is None
    assert weighted_mean([]) is None


# values as a context of 28 digits writes them (more digits than that cannot be a mean)
scores = st.decimals(min_value=0, max_value=100, places=6, allow_nan=False, allow_infinity=False)
thirds = st.integers(min_value=0, max_value=300).map(lambda n: Decimal(n) / 3)


@given(st.lists(st.tuples(st.integers(min_value=1, max_value=100).map(Decimal), scores | thirds), min_size=1, max_size=8))
def test_a_weighted_mean_lies_between_its_values(pairs: list[tuple[Decimal, Decimal]]) -> None:
    mean = weighted_mean(pairs)
    values = [v for _, v in pairs]
    assert mean is not None and min(values) <= mean <= max(values)
