"""FieldMethods behaves as attrs' generated ``__repr__``/``__eq__``/``__hash__`` would
(it replaces them to keep imports cheap)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from bureaukit import Evidence, FieldMethods


@attrs.frozen
class Generated:
    a: int
    b: str = "x"
    hidden: int = attrs.field(default=0, repr=False, eq=False)
    shown: Decimal = attrs.field(default=Decimal("1.50"), repr=lambda v: f"<{v}>")
    folded: str = attrs.field(default="", eq=str.casefold)


@attrs.frozen(repr=False, eq=False)
class Shared(FieldMethods):
    a: int
    b: str = "x"
    hidden: int = attrs.field(default=0, repr=False, eq=False)
    shown: Decimal = attrs.field(default=Decimal("1.50"), repr=lambda v: f"<{v}>")
    folded: str = attrs.field(default="", eq=str.casefold)


@attrs.frozen(repr=False, eq=False)
class Empty(FieldMethods):
    pass


@attrs.frozen(repr=False, eq=False)
class One(FieldMethods):
    a: int


values = st.tuples(st.integers(-2, 2), st.sampled_from(["x", "引号'\"", ""]), st.integers(0, 1),
                   st.sampled_from([Decimal("1.50"), Decimal("1.5"), Decimal("-0.01")]), st.sampled_from(["Ab", "aB", "c"]))


@given(values, values)
def test_fields_methods_match_attrs(x: tuple, y: tuple) -> None:  # type: ignore[type-arg]
    sx, sy, gx, gy = Shared(*x), Shared(*y), Generated(*x), Generated(*y)
    assert repr(sx) == repr(gx).replace("Generated", "Shared")
    assert (sx == sy) == (gx == gy) and (sx != sy) == (gx != gy)
    if sx == sy:
        assert hash(sx) == hash(sy)


def test_other_classes_and_empty_ones() -> None:
    assert Shared(1) != Generated(1) and Shared(1) != (1, "x") and Shared(1).__eq__(1) is NotImplemented
    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and repr(Empty()) == "Empty()"
    assert One(1) == One(1) and One(1) != One(2) and len({One(1), One(1), One(2)}) == 2


def test_core_outcomes_use_it() -> None:
    e = Evidence("a.csv", 2, "k", "税额")
    assert repr(e) == "Evidence(source='a.csv', row=2, record='k', note='税额')"
    assert e == Evidence("a.csv", 2, "k", "税额") and e != Evidence("a.csv", 3, "k", "税额")
    assert len({e, Evidence("a.csv", 2, "k", "税额")}) == 1
