"""--format csv: a deterministic zip of BOM CSVs, formula injection neutralised."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

from core_support import HOSTILE_FORMULA

from bureaukit.render import RenderOptions
from bureaukit.render._labels import neutralise
from bureaukit.render.csvzip import render

MEMBERS = ["appeals.csv", "evidence.csv", "findings.csv", "payments.csv", "scorecards.csv", "scores.csv"]


def read(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {
            n: list(csv.reader(io.StringIO(zf.read(n).decode("utf-8-sig"), newline="")))
            for n in zf.namelist()
        }


def test_members_bom_and_fixed_stamps(result_zh: Any) -> None:
    data = render(result_zh, RenderOptions("zh"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == MEMBERS
        for info in zf.infolist():
            assert info.date_time == (2014, 7, 31, 0, 0, 0)
            raw = zf.read(info)
            assert raw.startswith(b"\xef\xbb\xbf")
            assert b"\r\n" in raw
    tables = read(data)
    assert tables["scorecards.csv"][0][:6] == ["排名", "组别", "主体", "名称", "综合得分", "等级"]
    assert tables["payments.csv"][0][5] == "金额（元）"


def test_identical_bytes_twice(result_zh: Any) -> None:
    from core_support import sample_result

    assert render(result_zh, RenderOptions("zh")) == render(sample_result("zh"), RenderOptions("zh"))


def test_formula_cells_are_prefixed(result_zh: Any) -> None:
    tables = read(render(result_zh, RenderOptions("zh")))
    cards = tables["scorecards.csv"]
    names = [row[3] for row in cards[1:]]
    assert "'" + HOSTILE_FORMULA in names
    pays = tables["payments.csv"]
    assert ["P7", "宣传信息工作", "person:p3", "'-王五", "稿酬", "166.67", "2014-05"] in pays
    ev = tables["evidence.csv"]
    assert any(r[4] == "'=1+2" and r[5].startswith("'+稿酬") for r in ev)
    assert any(r[4] == "'=cmd|' /C calc'!A0" for r in ev)
    # no cell anywhere starts like a formula; amounts stay plain numbers
    for rows in tables.values():
        for row in rows:
            for cell in row:
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    assert [r[5] for r in pays[1:]] == ["300.00", "2700.00", "3000.00", "3000.00", "166.66", "166.67", "166.67"]


def test_evidence_links_outcomes(result_zh: Any) -> None:
    tables = read(render(result_zh, RenderOptions("zh")))
    ids = {row[0] for name in ("scores.csv", "payments.csv", "findings.csv") for row in tables[name][1:]}
    ev = tables["evidence.csv"][1:]
    assert ev and all(row[0] in ids for row in ev)
    long_note = next(r[5] for r in ev if r[0] == "S7")
    assert len(long_note) == 5000


def test_neutralise() -> None:
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", " =1", "\t=1", "＝1"):
        assert neutralise(text).startswith("'")
    for text in ("公路", "a=1", "", "1-2"):
        assert neutralise(text) == text


def test_english_headers(result_en: Any) -> None:
    tables = read(render(result_en, RenderOptions("en")))
    assert tables["scorecards.csv"][0][:3] == ["Rank", "Group", "Subject"]
    assert tables["findings.csv"][1][4] == "Violation"
