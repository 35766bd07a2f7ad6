"""bureaukit's attrs classes are plain attrs classes: equal by their fields, hashable
when frozen, and shown by their fields (as a plugin author's own classes are)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from bureaukit import Evidence, Finding, Score


@attrs.frozen
class A:
    x: int


def test_a_plugin_authors_plain_frozen_class_compares_by_value() -> None:
    assert A(1) == A(1)
    assert A(1) != A(2)
    assert len({A(1), A(1), A(2)}) == 2


def test_outcomes_compare_hash_and_show_by_fields() -> None:
    e1, e2 = Evidence("a.csv", 2, "P1", "税额 120"), Evidence("a.csv", 2, "P1", "税额 120")
    assert e1 == e2 and hash(e1) == hash(e2) and e1 is not e2
    assert repr(e1) == "Evidence(source='a.csv', row=2, record='P1', note='税额 120')"
    s = Score("unit:a", "points", Decimal("90.5"), evidence=[e1])
    assert s == Score("unit:a", "points", Decimal("90.5"), evidence=(e2,))
    assert s != attrs.evolve(s, value=Decimal("90.4"))
    f = Finding("unit:a", "x.late", "warning", {"zh": "迟", "en": "late"})
    assert f == Finding("unit:a", "x.late", "warning", {"zh": "迟", "en": "late"})
