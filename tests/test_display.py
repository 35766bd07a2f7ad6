"""Numbers as a reader sees them (REPORTS §2), and the catalogue's own checks."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bureaukit import display
from bureaukit.catalogue import Metric, finding_problems, metric_problems, resolve

WAN = Metric("固定资产投资", "Fixed-asset investment", "amount", "万元")
YUAN = Metric("稿酬", "Fees", "amount", "元")
RATE = Metric("满意率", "Satisfaction", "rate")
SCORE = Metric("比境界", "Outlook", "score")


def test_formats_by_kind() -> None:
    # demo figures: 16800 of 18000 万元; refunds 64133.335 元 → 64,133.34; 14/15 on time
    assert display.quantity(WAN, D("16800")) == "16,800 万元"
    assert display.quantity(WAN, D("1520.50")) == "1,520.5 万元"
    assert display.quantity(YUAN, D("64133.335")) == "64,133.34 元"
    assert display.number(RATE, D(14) / D(15)) == "93.3%"
    assert display.number(SCORE, D("88.3")) == "88.30"
    assert display.number(WAN, None) == ""
    assert display.quantity(RATE, D("0.5")) == "50.0%"  # a rate carries no unit


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False))
def test_money_text_reads_back_to_the_fen(value: D) -> None:
    assert D(display.money(value).replace(",", "")) == value


def test_catalogue_problems_name_the_metric() -> None:
    assert metric_problems({"x": "fast"}) == ["metric x: str is not bureaukit.Metric"]
    assert metric_problems({"x": Metric("甲", "A", "speed")})  # type: ignore[arg-type]
    assert metric_problems({"points": Metric("分", "P", "score")}) == [
        "metric points is declared by the core (kind points)"
    ]
    assert finding_problems({"other.late": object()}, "mine") == [
        "finding code 'other.late' must start with 'mine.'"
    ]


def test_core_declares_points_and_step_missing() -> None:
    metrics, findings = resolve("tiny", lambda s: {"n": Metric("件", "N", "count")}, {}, None, True)
    assert list(metrics) == ["points", "n"] and metrics["points"].kind == "points"
    assert "tiny.step_missing" in findings
    with pytest.raises(ValueError, match="metric n: kind"):
        resolve("tiny", {"n": Metric("件", "N", "nope")}, {}, None, False)  # type: ignore[arg-type]
