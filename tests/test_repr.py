"""FieldsRepr prints what attrs' generated ``__repr__`` would (it replaces it for speed)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from bureaukit import Evidence, FieldsRepr


@attrs.frozen
class Generated:
    a: int
    b: str = "x"
    hidden: int = attrs.field(default=0, repr=False)
    shown: Decimal = attrs.field(default=Decimal("1.50"), repr=lambda v: f"<{v}>")


@attrs.frozen(repr=False)
class Shared(FieldsRepr):
    a: int
    b: str = "x"
    hidden: int = attrs.field(default=0, repr=False)
    shown: Decimal = attrs.field(default=Decimal("1.50"), repr=lambda v: f"<{v}>")


def test_fields_repr_matches_attrs() -> None:
    for args in [(1,), (2, "引号'\""), (3, "", 9, Decimal("-0.01"))]:
        assert repr(Shared(*args)) == repr(Generated(*args)).replace("Generated", "Shared")


def test_core_outcomes_use_it() -> None:
    assert repr(Evidence("a.csv", 2, "k", "税额")) == "Evidence(source='a.csv', row=2, record='k', note='税额')"
