"""Finding messages from templates (bureaukit.phrases): numbers by kind, names for ids,
the same fields in both languages of every plugin's templates."""

from __future__ import annotations

import importlib
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bureaukit.catalogue import Metric
from bureaukit.org import Person, Unit
from bureaukit.phrases import Amount, Quantity, Rate, Text, Yuan, fields_of, rates_apart, say

PLUGINS = ("investment", "publicity", "wubi", "style", "conduct", "vanguard")


def test_fields_are_written_as_a_reader_sees_them() -> None:
    fixed = Metric("固定资产投资", "Fixed-asset investment", "amount", "万元")
    out = say(
        ("{unit}{metric} {done} / {target}（{rate}），{money}，{people}，{day}，{n} 篇，{both}",
         "{unit} {metric} {done} / {target} ({rate}), {money}, {people}, {day}, {n} items, {both}"),
        unit=Unit("gls", "区公路管理段", "institution", "bureau"),
        metric=fixed,
        done=Decimal("6850"),
        target=Quantity(fixed, Decimal("7000")),
        rate=Rate(Decimal("6850") / Decimal("7000")),  # 0.978571… → 97.9%
        money=Yuan(Decimal("64133.335")),  # half up to the fen
        people=[Person("p02", "李卫东", "jiguan"), Person("p03", "张明华", "jiguan")],
        day=date(2014, 6, 30),
        n=12,
        both=Text("比境界", "Vision"),
    )
    assert out["zh"] == (
        "区公路管理段固定资产投资 6,850 / 7,000 万元（97.9%），64,133.34 元，李卫东、张明华，2014-06-30，12 篇，比境界"
    )
    assert out["en"] == (
        "区公路管理段 Fixed-asset investment 6,850 / 7,000 × 10k yuan (97.9%), 64,133.34 yuan, "
        "李卫东, 张明华, 2014-06-30, 12 items, Vision"
    )


def test_an_amount_keeps_its_exact_value() -> None:
    assert say(("{a}", "{a}"), a=Amount(Decimal("1520.50"), "万元")) == {"zh": "1,520.5 万元", "en": "1,520.5 × 10k yuan"}


def test_a_rate_below_its_limit_is_never_shown_equal_to_it() -> None:
    # 499.99/1000 = 0.49999: 50.0% at one place, as the 50% it failed
    a, b = rates_apart(Decimal("0.49999"), Decimal("0.5"))
    assert say(("{a} < {b}", "{a} < {b}"), a=a, b=b)["zh"] == "49.999% < 50.000%"
    a, b = rates_apart(Decimal("0.24"), Decimal("0.5"))
    assert (a.places, b.places) == (1, 1)


@given(st.decimals(min_value=0, max_value=2, places=6), st.decimals(min_value=0, max_value=2, places=6))
def test_rates_apart_differ_whenever_the_rates_do(value: Decimal, limit: Decimal) -> None:
    a, b = rates_apart(value, limit)
    shown = say(("{a}|{b}", "{a}|{b}"), a=a, b=b)["en"].split("|")
    assert (shown[0] != shown[1]) == (value != limit)


def test_an_unknown_field_type_is_a_plugin_error() -> None:
    with pytest.raises(TypeError, match="cannot show float"):
        say(("{x}", "{x}"), x=0.5)


@pytest.mark.parametrize("name", PLUGINS)
def test_every_template_says_the_same_in_both_languages(name: str) -> None:
    catalogue = importlib.import_module(f"bureaukit_{name}.catalogue")
    messages = catalogue.MESSAGES  # every plugin says its findings through templates
    for key, (zh, en) in messages.items():
        assert fields_of(zh) == fields_of(en), key
        assert zh and en, key
