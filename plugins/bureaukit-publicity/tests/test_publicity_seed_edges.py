"""Edges a clerk's ledger hits, worked by hand against seed 000 第三篇 (red-team, session 10)."""

from __future__ import annotations

from decimal import Decimal


def test_award_note_fees_are_summed_from_rows_the_award_cites(publicity, adoption):
    # seed 六(二): the 先进个人 are ranked by 刊登数 (and, a bureau default, by 稿酬 on a tie);
    # the award's note writes p1's 稿酬, so every row in that sum must be cited with its fee.
    # p1: 8 news at 其他市级刊物 (counted, 30 元 each = 240.00), 1 news at 区级媒体 (not
    # counted, 30.00), 1 info at 本局交通政务网 (not counted, 40.00) → 稿酬 310.00 元.
    rows = [adoption(f"N{i}", "city_media", "p1", f"2014-03-{i + 1:02d}") for i in range(8)]
    rows += [adoption("D1", "district_media", "p1", "2014-04-01"), adoption("B1", "bureau_site", "p1", "2014-04-02")]
    out = publicity(rows)
    (award,) = out.paid("person:p1", "award")
    assert "稿酬 310.00 元" in award.evidence[0].note_in("zh")
    # the rows cited with a fee, each once, are all ten, and their fees add up to the note's
    fee_rows = {e.row: e.note_in("zh") for e in award.evidence[1:] if "稿酬" in e.note_in("zh")}
    assert sorted(fee_rows) == list(range(1, 11))
    assert fee_rows[9] == "D1 2014-04-01 被区级媒体(日报专刊等)采用：稿酬 30.00 元"
    assert fee_rows[10] == "B1 2014-04-02 被本局交通政务网采用：稿酬 40.00 元"
    assert 8 * Decimal(30) + 30 + 40 == Decimal("310")
