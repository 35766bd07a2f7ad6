"""Sheets as clerks keep them (CORE §5) and identity (CORE §2): title rows, bookkeeping
columns, totals rows, footers, control characters, canonical keys and references."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from core_support import BASE_TOML
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit
from bureaukit.errors import InputError

# these tests quote bureaukit's English wording; the Chinese is asserted in
# test_messages_zh.py, the bad-input corpus and test_zh_session.py
pytestmark = pytest.mark.usefixtures("english")


def load(bureau_dir: Path, tiny: object, deeds: str | None = None, toml: str = BASE_TOML) -> Any:
    if deeds is not None:
        (bureau_dir / "ledgers" / "deeds.csv").write_text(deeds, encoding="utf-8")
    (bureau_dir / "bureau.toml").write_text(toml, encoding="utf-8")
    return bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny])


def deeds_of(bureau: Any) -> list[Any]:
    return list(bureau.campaigns["tiny"].records["deeds"])


def problems(bureau_dir: Path, tiny: object, deeds: str | None = None, toml: str = BASE_TOML) -> list[str]:
    with pytest.raises(InputError) as exc:
        load(bureau_dir, tiny, deeds, toml)
    return [p.replace(str(bureau_dir) + "/", "") for p in exc.value.problems]


def notes(bureau: Any, bureau_dir: Path) -> list[str]:
    return [n.replace(str(bureau_dir) + "/", "") for n in bureau.notes if "deeds.csv" in n]


CLERKS_SHEET = (
    "2014年度工作台账,,,,,,,\n"
    "填报单位：一站,,,,,单位：元,,\n"
    '序号,编号,单位,日期,类型,"金\n额",备注,\n'
    "1,d1,s1,2014-03-01,走访,100,已完成,\n"
    "2,d2,s2,2014-03-02,报告,250.5,,\n"
    "合计,,,,,350.5,,\n"
    ",,,,,,,\n"
    "制表人：张三,,审核人：李四,,,,,\n"
)


def test_title_rows_bookkeeping_columns_totals_and_footer(bureau_dir: Path, tiny_plugin: object) -> None:
    bureau = load(bureau_dir, tiny_plugin, CLERKS_SHEET)
    d1, d2 = deeds_of(bureau)
    assert (d1.id, d1.unit, str(d1.amount_yuan)) == ("d1", "s1", "100")
    assert (d2.id, d2.unit, str(d2.amount_yuan)) == ("d2", "s2", "250.5")
    # rows are counted as a clerk sees them in Excel: the header, with its line break, is row 3
    assert notes(bureau, bureau_dir) == [
        'ledgers/deeds.csv:1: skipped above the header: "2014年度工作台账"',
        'ledgers/deeds.csv:2: skipped above the header: "填报单位：一站"',
        'ledgers/deeds.csv:6: totals row "合计" skipped (closes 2 rows)',
        'ledgers/deeds.csv:8: footer line skipped: "制表人：张三"',
    ]
    assert [o.row for o in map(bureau.provenance.origin, (d1, d2)) if o] == [4, 5]


def test_a_totals_row_that_disagrees_is_a_warning_with_both_figures(bureau_dir: Path, tiny_plugin: object) -> None:
    bureau = load(bureau_dir, tiny_plugin, CLERKS_SHEET.replace("合计,,,,,350.5", "合计,,,,,400"))
    assert len(deeds_of(bureau)) == 2
    assert 'ledgers/deeds.csv:6: 金额: warning: the totals row "合计" says 400, but the rows it closes (2) sum to 350.5' in notes(
        bureau, bureau_dir
    )


def test_subtotals_close_their_group_and_the_total_closes_all(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = (
        "编号,单位,日期,类型,金额\n"
        "d1,s1,2014-03-01,走访,100\nd2,s1,2014-03-02,走访,200\n小 计,,,,300\n"
        "d3,s2,2014-03-03,报告,50\n小计,,,,60\n"
        "总计,,,,350\nTotal,,,,350\n"
    )
    bureau = load(bureau_dir, tiny_plugin, sheet)
    assert [d.id for d in deeds_of(bureau)] == ["d1", "d2", "d3"]
    assert notes(bureau, bureau_dir) == [
        'ledgers/deeds.csv:4: totals row "小 计" skipped (closes 2 rows)',
        'ledgers/deeds.csv:6: totals row "小计" skipped (closes 1 row)',
        'ledgers/deeds.csv:6: 金额: warning: the totals row "小计" says 60, but the rows it closes (1) sum to 50',
        'ledgers/deeds.csv:7: totals row "总计" skipped (closes 3 rows)',
        # a second grand total closes nothing new: the rows after the last total
        'ledgers/deeds.csv:8: totals row "Total" skipped (closes 0 rows)',
        'ledgers/deeds.csv:8: 金额: warning: the totals row "Total" says 350, but the rows it closes (0) sum to 0',
    ]


def test_a_totals_word_with_a_colon_closes_its_rows(bureau_dir: Path, tiny_plugin: object) -> None:
    """合计： (full-width colon) and Total: are totals rows, not records missing every cell."""
    sheet = "编号,单位,日期,类型,金额\nd1,s1,2014-03-01,走访,100\n小计:,,,,100\nd2,s1,2014-03-02,走访,200\n合 计：,,,,300\n"
    bureau = load(bureau_dir, tiny_plugin, sheet)
    assert [d.id for d in deeds_of(bureau)] == ["d1", "d2"]
    assert notes(bureau, bureau_dir) == [
        'ledgers/deeds.csv:3: totals row "小计:" skipped (closes 1 row)',
        'ledgers/deeds.csv:5: totals row "合 计：" skipped (closes 2 rows)',
    ]


def test_a_footer_line_with_records_below_it_is_an_error(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "编号,单位,日期,类型\nd1,s1,2014-03-01,走访\n制表人：张三,,,\nd2,s1,2014-03-02,走访\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        'ledgers/deeds.csv:3: "制表人：张三" reads as a footer line (制表人：…), but records follow it: '
        "move it below the last record or clear it"
    ]


def test_no_header_row_says_what_was_looked_for(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "工作台账\n项目,地点\n走访,一站\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        "ledgers/deeds.csv: no header row in the first 10 rows: looked for a row naming at least half of the "
        'required columns 编号 (id), 单位 (unit), 日期 (date), 类型 (kind); the first rows are: row 1: "工作台账"; '
        'row 2: "项目" | "地点"; row 3: "走访" | "一站"'
    ]


def test_a_header_row_naming_half_the_required_columns_reports_the_rest(bureau_dir: Path, tiny_plugin: object) -> None:
    # 编号 and 单位 found (2 of 4): this is the header, and its misspelt columns are named
    sheet = "编号,单位,日奇,类形\nd1,s1,2014-03-01,走访\n"
    got = problems(bureau_dir, tiny_plugin, sheet)
    assert got[0].startswith('ledgers/deeds.csv:1: 日奇: unknown column (did you mean "日期" / "date"?)')
    assert got[2:] == [
        "ledgers/deeds.csv:1: 日期: required column is missing (header 日期 or date)",
        "ledgers/deeds.csv:1: 类型: required column is missing (header 类型 or kind)",
    ]


def test_control_characters_are_cell_errors_tabs_and_line_breaks_are_not(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = '编号,单位,日期,类型\nd1,s1\x01,2014-03-01,走访\n"d\x1b2",s1,2014-03-01,走访\n"d3\t",s1,2014-03-01,走访\n'
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        'ledgers/deeds.csv:2: 单位: the cell holds the control character <U+0001>, got "s1<U+0001>"',
        'ledgers/deeds.csv:3: 编号: the cell holds the control character <U+001B>, got "d<U+001B>2"',
    ]
    sheet = '编号,单位,日期,类型\n"d1\t",s1,2014-03-01,走访\n'
    assert [d.id for d in deeds_of(load(bureau_dir, tiny_plugin, sheet))] == ["d1"]


def test_a_column_without_header_is_not_read_and_named(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "编号,单位,,日期,类型\nd1,s1,旁注,2014-03-01,走访\nd2,s1,,2014-03-01,走访\n"
    bureau = load(bureau_dir, tiny_plugin, sheet)
    assert len(deeds_of(bureau)) == 2
    assert notes(bureau, bureau_dir) == ["ledgers/deeds.csv: column 3: has no header, so its 1 filled cells are not read"]
    # right of the last header, a cell belongs to no column: the row is an error, never dropped
    sheet = "编号,单位,日期,类型,\nd1,s1,2014-03-01,走访,旁注\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        "ledgers/deeds.csv:2: column 5: the row has more cells than the header (5 > 4); quote a cell holding a comma, or add the missing header"
    ]


def test_ignore_columns_replaces_the_bookkeeping_list(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "编号,单位,日期,类型,附注,序号\nd1,s1,2014-03-01,走访,x,1\n"
    toml = BASE_TOML + '\n[ledgers]\nignore_columns = ["附注"]\n'
    got = problems(bureau_dir, tiny_plugin, sheet, toml)
    assert len(got) == 1 and got[0].startswith("ledgers/deeds.csv:1: 序号: unknown column")
    assert [d.id for d in deeds_of(load(bureau_dir, tiny_plugin, sheet.replace(",序号", ",附注").replace(",1\n", ",y\n"), toml))] == ["d1"]


def test_the_same_ledger_listed_twice_is_rejected(bureau_dir: Path, tiny_plugin: object) -> None:
    toml = BASE_TOML.replace('deeds = "ledgers/deeds.csv"', 'deeds = ["ledgers/deeds.csv", "./ledgers/../ledgers/deeds.csv"]')
    got = problems(bureau_dir, tiny_plugin, None, toml)
    assert got == [
        'bureau.toml: campaigns.tiny.ledgers.deeds: "./ledgers/../ledgers/deeds.csv" is listed twice (as "ledgers/deeds.csv"): '
        "its records would count twice"
    ]


# --- identity (CORE §2) ----------------------------------------------------------------


def test_keys_equal_in_canonical_form_are_duplicates_shown_as_typed(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "编号,单位,日期,类型\nd1,s1,2014-03-01,走访\nＤ１,s1,2014-03-01,走访\nd1\u200b,s1,2014-03-01,走访\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        'ledgers/deeds.csv:3: 编号: duplicate key "Ｄ１", the same key as "d1" (first at ledgers/deeds.csv:2)',
        'ledgers/deeds.csv:4: 编号: duplicate key "d1<U+200B>", the same key as "d1" (first at ledgers/deeds.csv:2)',
    ]


def test_references_resolve_through_the_canonical_form_to_the_org_spelling(bureau_dir: Path, tiny_plugin: object) -> None:
    sheet = "编号,单位,日期,类型,人员\nd1,Ｓ１,2014-03-01,走访,P2；p3\u200b\nd2,s2\u00a0,2014-03-01,走访,p9\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == ['ledgers/deeds.csv:3: 人员: unknown person "p9"']
    bureau = load(bureau_dir, tiny_plugin, sheet.replace("p9", "ｐ４"))
    d1, d2 = deeds_of(bureau)
    assert (d1.unit, d1.people, d2.unit, d2.people) == ("s1", ("p2", "p3"), "s2", ("p4",))
    # the rewritten records keep where they were read
    assert [o.row for o in map(bureau.provenance.origin, (d1, d2)) if o] == [2, 3]


def test_org_ids_equal_in_canonical_form_are_duplicates(bureau_dir: Path, tiny_plugin: object) -> None:
    people = (bureau_dir / "org" / "people.csv").read_text(encoding="utf-8") + "P1\u200b,重名,s1,staff,,,\n"
    (bureau_dir / "org" / "people.csv").write_text(people, encoding="utf-8")
    assert problems(bureau_dir, tiny_plugin) == [
        'org/people.csv:6: 人员编号: duplicate person id "P1<U+200B>": the same id as "p1" (at org/people.csv:2: 人员编号) '
        "once invisible characters, full-width forms and case are set aside"
    ]


def test_org_references_keep_the_org_spelling(bureau_dir: Path, tiny_plugin: object) -> None:
    units = (bureau_dir / "org" / "units.csv").read_text(encoding="utf-8").replace("s3,三站,station,s2", "s3,三站,station,Ｓ２")
    (bureau_dir / "org" / "units.csv").write_text(units, encoding="utf-8")
    people = (bureau_dir / "org" / "people.csv").read_text(encoding="utf-8").replace("p2,李四,s1,", "p2,李四,S1 ,")
    (bureau_dir / "org" / "people.csv").write_text(people, encoding="utf-8")
    org = load(bureau_dir, tiny_plugin).org
    assert org.units["s3"].parent == "s2" and [u.id for u in org.children("s2")] == ["s3"]
    assert org.people["p2"].unit == "s1" and [p.id for p in org.members("s1")] == ["p2"]


_INVISIBLE = st.sampled_from(["\u200b", "\ufeff", "\u200e", "\u2060", "\u00a0", "\u3000"])


@st.composite
def key_and_variant(draw: st.DrawFn) -> tuple[str, str]:
    key = draw(st.text(alphabet="ABCXYZabcxyz0123456789-_", min_size=1, max_size=8))
    chars = []
    for ch in key:
        form = draw(st.sampled_from(["same", "swap", "wide"]))
        chars.append(ch.swapcase() if form == "swap" else chr(ord(ch) + 0xFEE0) if form == "wide" else ch)
        if draw(st.booleans()):
            chars.append(draw(_INVISIBLE))
    variant = "".join(chars)
    return key, variant


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=key_and_variant())
def test_a_key_and_any_variant_collide_through_the_ledger(bureau_dir: Path, tiny_plugin: object, pair: tuple[str, str]) -> None:
    key, variant = pair
    rows = [{"编号": key, "单位": "s1", "日期": "2014-03-01", "类型": "走访"}, {"编号": variant, "单位": "s1", "日期": "2014-03-02", "类型": "走访"}]
    (bureau_dir / "ledgers" / "deeds.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    toml = BASE_TOML.replace('"ledgers/deeds.csv"', '"ledgers/deeds.json"')
    got = problems(bureau_dir, tiny_plugin, None, toml)
    assert len(got) == 1 and got[0].startswith("ledgers/deeds.json:2: 编号: duplicate key"), got


def test_config_references_resolve_to_the_org_spelling(tmp_path: Path) -> None:
    """A campaign's settings naming units and people (publicity quotas keyed by unit id,
    fee_units, style's key project leader) resolve through the canonical form."""
    import shutil

    for name in ("publicity", "style"):
        pytest.importorskip(f"bureaukit_{name}")
    demo = Path(__file__).resolve().parent.parent / "configs" / "demo"
    root = tmp_path / "demo"
    shutil.copytree(demo, root)
    toml = (root / "bureau.toml").read_text(encoding="utf-8")
    edits = [
        ('quotas = { office = { info = 25 }', 'quotas = { "ＯＦＦＩＣＥ" = { info = 25 }'),
        ('"projects", "ygs", "gls"]', '"projects", "YGS\\u200b", "gls"]'),
        ('leader = "p03"', 'leader = "P03"'),
    ]
    for old, new in edits:
        assert old in toml
        toml = toml.replace(old, new)
    (root / "bureau.toml").write_text(toml, encoding="utf-8")
    bureau = bureaukit.load(root / "bureau.toml")
    publicity = bureau.campaigns["publicity"].settings
    assert set(publicity.quotas) == {"office", "ygs", "gls"} and "ygs" in publicity.fee_units
    assert bureau.campaigns["style"].settings.key_projects[0].leader == "p03"
    shown = [n.split(": ", 1)[1] for n in bureau.notes if " read as " in n]
    assert shown == [
        'campaigns.publicity.quotas.ＯＦＦＩＣＥ: "ＯＦＦＩＣＥ" read as "office"',
        'campaigns.publicity.fee_units[5]: "YGS<U+200B>" read as "ygs"',
        'campaigns.style.key_projects[0].leader: "P03" read as "p03"',
    ]


def test_a_config_written_on_windows_names_its_files_with_backslashes(bureau_dir: Path, tiny_plugin: object) -> None:
    """ledgers\\deeds.csv is the file ledgers/deeds.csv on every system, cited with /."""
    toml = BASE_TOML.replace('"ledgers/deeds.csv"', "'ledgers\\deeds.csv'")
    assert "'ledgers\\deeds.csv'" in toml
    bureau = load(bureau_dir, tiny_plugin, "编号,单位,日期,类型\nd1,s1,2014-03-01,走访\n", toml)
    (d1,) = deeds_of(bureau)
    assert d1.id == "d1"
    origin = bureau.provenance.origin(d1)
    assert origin is not None and (origin.source, origin.row) == ("ledgers/deeds.csv", 2)


def test_a_header_naming_another_money_unit_than_its_column_is_an_error(bureau_dir: Path, tiny_plugin: object) -> None:
    """金额 is read in 元 (amount_yuan): a header 金额（万元） says every figure is 10,000
    times what it would be read as. The field's own unit, or none, is fine."""
    sheet = "编号,单位,日期,类型,金额（万元）\nd1,s1,2014-03-01,走访,1.5\n"
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        "ledgers/deeds.csv:1: 金额（万元）: the header says the figures are in 万元, but this column is read in 元: "
        "convert the figures to 元 and name the header 金额(元)"
    ]
    for header in ("金额（单位：万元）", "金额(万)"):
        assert problems(bureau_dir, tiny_plugin, sheet.replace("金额（万元）", header))[0].startswith(
            f"ledgers/deeds.csv:1: {header}: the header says the figures are in 万"
        )
    for header in ("金额(元)", "金额（ 元 ）", "金额（人民币元）", "金额(笔)"):
        (d1,) = deeds_of(load(bureau_dir, tiny_plugin, sheet.replace("金额（万元）", header).replace("1.5", "1500")))
        assert str(d1.amount_yuan) == "1500"


def test_a_title_line_naming_another_money_unit_than_the_columns_is_an_error(bureau_dir: Path, tiny_plugin: object) -> None:
    """单位：万元 above a sheet whose 金额 is read in 元: every figure 10,000 times too small."""
    sheet = CLERKS_SHEET.replace("单位：元", "单位：万元")
    assert "单位：万元" in sheet
    assert problems(bureau_dir, tiny_plugin, sheet) == [
        'ledgers/deeds.csv:2: above the header, "单位：万元" says the figures are in 万元, but this ledger\'s money '
        "columns are read in 元: convert the figures to 元 and correct that line"
    ]
    # the header naming its unit decides (and is checked itself); 单位：元 agrees
    assert deeds_of(load(bureau_dir, tiny_plugin, sheet.replace('"金\n额"', "金额(元)")))
    assert deeds_of(load(bureau_dir, tiny_plugin, CLERKS_SHEET))
    # a 填报单位 whose name begins with 元 or 万 is no unit of money
    for place in ("元宝山区交通运输局", "万元村委会"):
        assert deeds_of(load(bureau_dir, tiny_plugin, sheet.replace("单位：万元", "").replace("一站", place)))


# --- two-row headers: a group title over the columns it spans ----------------------------

TWO_ROW_SHEET = (
    "2014年度工作台账,,,,,,,\n"
    "序号,编号,单位,日期,类型,经费（元）,,备注\n"
    ",,,,,金额,完成日期,\n"
    "1,d1,s1,2014-03-01,走访,100,2014-03-05,\n"
    "2,d2,s2,2014-03-02,报告,250.5,,\n"
)


def test_a_two_row_header_reads_its_second_row_under_the_group_title(bureau_dir: Path, tiny_plugin: object) -> None:
    """经费（元） over 金额 and 完成日期: the second row names the columns, the group's unit
    goes with its money column, the records start on row 4, and check says how it read."""
    bureau = load(bureau_dir, tiny_plugin, TWO_ROW_SHEET)
    d1, d2 = deeds_of(bureau)
    assert (d1.id, str(d1.amount_yuan), str(d1.done)) == ("d1", "100", "2014-03-05")
    assert (d2.id, str(d2.amount_yuan), d2.done) == ("d2", "250.5", None)
    assert notes(bureau, bureau_dir) == [
        'ledgers/deeds.csv:1: skipped above the header: "2014年度工作台账"',
        "ledgers/deeds.csv:3: the header takes two rows (row 2 and this one): this row's names read as 金额（元）、完成日期",
    ]
    assert [o.row for o in map(bureau.provenance.origin, (d1, d2)) if o] == [4, 5]


def test_a_group_titles_money_unit_is_checked_against_its_columns(bureau_dir: Path, tiny_plugin: object) -> None:
    """经费（万元） over a column read in 元 would read every figure 10,000 times too small."""
    got = problems(bureau_dir, tiny_plugin, TWO_ROW_SHEET.replace("经费（元）", "经费（万元）"))
    assert got == ["ledgers/deeds.csv:2: 金额（万元）: the header says the figures are in 万元, but this column is read "
                   "in 元: convert the figures to 元 and name the header 金额(元)"]


def test_a_row_under_the_header_naming_another_column_is_a_record(bureau_dir: Path, tiny_plugin: object) -> None:
    """Only a row that names columns where the header has none (or a group title) is the
    header's second row: 金额 under 编号 is a record's value, read and checked as one."""
    got = problems(bureau_dir, tiny_plugin, "编号,单位,日期,类型,金额\n金额,,,,\nd1,s1,2014-03-01,走访,5\n")
    assert any(p.startswith("ledgers/deeds.csv:2: 单位:") for p in got), got


def test_a_row_of_units_under_the_header_is_part_of_it(bureau_dir: Path, tiny_plugin: object) -> None:
    """（元） under 金额: the unit goes with its column (and is checked against it); the row
    is the header's, not a record with every required cell empty."""
    sheet = "编号,单位,日期,类型,金额,紧急\n,,,,（元）,\nd1,s1,2014-03-01,走访,100,是\n"
    bureau = load(bureau_dir, tiny_plugin, sheet)
    (d1,) = deeds_of(bureau)
    assert (d1.id, str(d1.amount_yuan), d1.urgent) == ("d1", "100", True)
    assert notes(bureau, bureau_dir) == [
        "ledgers/deeds.csv:2: the header takes two rows (row 1 and this one): this row's names read as 金额（元）"]
    got = problems(bureau_dir, tiny_plugin, sheet.replace("（元）", "万元"))
    assert got == ["ledgers/deeds.csv:1: 金额（万元）: the header says the figures are in 万元, but this column is read "
                   "in 元: convert the figures to 元 and name the header 金额(元)"]
