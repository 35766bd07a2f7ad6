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
from bureaukit.phrases import (
    Amount,
    Quantity,
    Rate,
    Text,
    Yuan,
    fields_of,
    rates_apart,
    render,
    say,
    shown,
    shown_by_kind,
)

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
    m = say(("{x}", "{x}"), x=0.5)
    # the engine asks every finding's message its problem while the plugin scores
    assert m.problem() == "field x is a float, which no message shows"
    assert say(("{x}", "{x}"), x=[1, 0.5]).problem() == "field x is a list, which no message shows"
    with pytest.raises(TypeError, match="cannot show float"):
        m["zh"]


@pytest.mark.parametrize("name", PLUGINS)
def test_every_template_says_the_same_in_both_languages(name: str) -> None:
    catalogue = importlib.import_module(f"bureaukit_{name}.catalogue")
    messages = catalogue.MESSAGES  # every plugin says its findings through templates
    for key, (zh, en) in messages.items():
        assert fields_of(zh) == fields_of(en), key
        assert zh and en, key


class _Day(date):
    """A subclass of a shown type: shown as its base is."""


class _Named:
    def __init__(self, name: object) -> None:
        self.name = name


_fields = st.one_of(
    st.text(max_size=5), st.booleans(), st.integers(-10**6, 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6),
    st.dates(), st.dates().map(lambda d: _Day(d.year, d.month, d.day)),
    st.decimals(min_value=0, max_value=2, places=4).map(Rate),
    st.decimals(min_value=0, max_value=10**6, places=3).map(Yuan),
    st.decimals(min_value=0, max_value=10**6, places=2).map(lambda v: Amount(v, "万元")),
    st.decimals(min_value=0, max_value=10**6, places=2).map(
        lambda v: Quantity(Metric("固定资产投资", "Fixed asset", "amount", "万元"), v)),
    st.builds(Text, st.text(max_size=3), st.text(max_size=3)),
    st.fixed_dictionaries({"zh": st.text(max_size=3), "en": st.text(max_size=3)}),
    st.lists(st.integers(0, 9), max_size=3), st.tuples(st.text(max_size=2), st.booleans()),
    st.text(max_size=3).map(lambda n: Unit("u", n, "office", None)),
    st.text(max_size=3).map(lambda n: Person("p", n, "u")),
    st.text(max_size=3).map(_Named),
)


@given(values=st.lists(_fields, max_size=6), lang=st.sampled_from(["zh", "en"]))
def test_a_field_is_shown_by_its_type_as_by_walking_the_kinds(values: list[object], lang: str) -> None:
    """``shown`` remembers the way each exact type is shown (a dict lookup per field); it
    must show every value as the plain walk over the kinds (isinstance, in order) does."""
    for v in values:
        assert shown(v, lang) == shown_by_kind(v)(v, lang)
    # and a template filled with them (render's loop) as by the plain walk
    fields = {f"f{i}": v for i, v in enumerate(values)}
    template = "".join(f"{{{name}}}|" for name in fields)
    plain = {name: shown_by_kind(v)(v, lang) for name, v in fields.items()}
    assert render(template, lang, fields) == template.format_map(plain)


def test_a_name_that_is_not_text_is_not_shown() -> None:
    with pytest.raises(TypeError):
        shown(_Named(3), "zh")
    assert shown(_Named("张三"), "zh") == "张三"
