"""Excel templates for clerks (CORE §5 *Templates*): written by ``bureaukit template`` and
``bureaukit init --xlsx``, opened as Excel would, filled in, read back and scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.cli import main
from bureaukit.result import cited

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("xlsxwriter")


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r.exit_code, r.stdout, r.stderr


def validations(ws: object) -> dict[str, object]:
    """Data validations by the column letter of their range (``E2:E2001`` → ``E``)."""
    return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}  # type: ignore[attr-defined]


@pytest.mark.usefixtures("tiny_enabled")
def test_template_filled_in_reads_back_and_scores(bureau_dir: Path, tiny_plugin: object) -> None:
    from bureaukit.clerk_templates import template_from_config

    target = bureau_dir / "ledgers" / "deeds.xlsx"
    template_from_config(bureau_dir / "bureau.toml", "tiny.deeds", target, [tiny_plugin])
    wb = openpyxl.load_workbook(target)
    ws = wb.worksheets[0]
    assert ws.title == "工作台账" and wb["选项"].sheet_state == "hidden"
    assert [c.value for c in ws[1]] == ["编号*", "单位*", "日期*", "类型*", "金额", "人员", "完成日期", "紧急"]
    assert ws.freeze_panes == "A2"
    dv = validations(ws)
    # the bureau's own unit ids, the enumeration's labels, 是/否, people as a suggestion
    lists = wb["选项"]
    assert dv["B"].type == "list" and dv["B"].formula1 == "'选项'!$B$2:$B$6"
    assert [lists.cell(r, 2).value for r in range(2, 7)] == ["b", "off", "s1", "s2", "s3"]
    assert dv["D"].formula1 == "'选项'!$D$2:$D$3" and [lists.cell(r, 4).value for r in (2, 3)] == ["走访", "报告"]
    assert dv["H"].formula1 == "'选项'!$H$2:$H$3" and [lists.cell(r, 8).value for r in (2, 3)] == ["是", "否"]
    assert dv["F"].showErrorMessage is False  # several people in one cell: "p2；p3"
    assert dv["C"].type == "date" and dv["E"].type == "decimal" and dv["E"].operator == "greaterThanOrEqual"
    assert dv["B"].promptTitle == "单位*" and dv["B"].prompt == "必填。单位编号（从下拉列表选择）"
    assert dv["E"].prompt == "选填。数字（元），不能为负"
    assert dv["F"].prompt == "选填。人员编号（从下拉列表选择）；多个用“；”分隔"
    # a clerk fills it in
    import datetime

    ws.append(["d1", "s1", datetime.date(2014, 3, 1), "走访", 100, "p2；p3", None, "否"])
    ws.append(["d2", "s1", datetime.date(2014, 5, 20), "报告", None, None, None, "是"])
    ws.append(["d3", "s2", datetime.date(2014, 7, 1), "走访", None, "p4", datetime.date(2014, 8, 1), None])
    wb.save(target)
    toml = (bureau_dir / "bureau.toml").read_text(encoding="utf-8").replace("ledgers/deeds.csv", "ledgers/deeds.xlsx")
    (bureau_dir / "bureau.toml").write_text(toml, encoding="utf-8")
    code, out, err = run("score", str(bureau_dir / "bureau.toml"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    scores = data["scores"]
    points = {(o["subject"], o["metric"]): o["value"] for o in scores if o["campaign"] == "tiny"}
    # target 2 deeds per unit: s1 has d1, d2 (100.00), s2 has d3 (50.00), the others none
    assert points[("unit:s1", "deeds")] == "2" and points[("unit:s1", "points")] == "100.00"
    assert points[("unit:s2", "deeds")] == "1" and points[("unit:s2", "points")] == "50.00"
    assert points[("unit:off", "points")] == "0.00"
    # the evidence cites the clerk's rows in the workbook
    s1 = next(o for o in scores if (o["subject"], o["metric"]) == ("unit:s1", "deeds"))
    assert [(e.source, e.row, e.record) for e in cited(data, s1)] == [("ledgers/deeds.xlsx", 2, "d1"), ("ledgers/deeds.xlsx", 3, "d2")]


def test_the_template_command_org_kinds_and_a_wrong_kind(tmp_path: Path) -> None:
    pytest.importorskip("bureaukit_conduct")
    config = Path(__file__).resolve().parent / "bad_inputs" / "base" / "bureau.toml"
    target = tmp_path / "people.xlsx"
    code, out, err = run("template", str(config), "org.people", "-o", str(target))
    assert code == 0, err
    assert out.strip() == f"wrote {target}"
    wb = openpyxl.load_workbook(target)
    assert [c.value for c in wb.worksheets[0][1]] == ["人员编号*", "姓名*", "所在单位*", "角色", "分管单位", "到岗日期", "离岗日期"]
    dv = validations(wb.worksheets[0])
    # the base bureau's four units; roles (several in a cell) as a suggestion
    assert dv["C"].formula1 == "'选项'!$C$2:$C$5" and dv["D"].showErrorMessage is False
    assert [wb["选项"].cell(r, 3).value for r in range(2, 6)] == ["bureau", "office", "ygs", "ygs_n"]
    assert wb["选项"].cell(2, 4).value == "主要负责人"
    assert run("template", str(config), "conduct.requests", "-o", str(tmp_path / "r.xlsx"))[0] == 0
    code, _, err = run("template", str(config), "conduct.request", "-o", str(target))
    assert code == 2
    assert ('unknown KIND "conduct.request" (did you mean "conduct.requests"?); known: org.units, org.people, '
            "conduct.stage_scores, conduct.surveys, conduct.problems, conduct.requests, conduct.accountability") in err
    code, _, err = run("template", str(config), "conduct.requests", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "a template is an Excel workbook: name it .xlsx" in err


def test_init_xlsx_writes_templates_that_check_passes(tmp_path: Path) -> None:
    code, out, err = run("init", "--xlsx", str(tmp_path / "b"))
    assert code == 0, err
    assert (tmp_path / "b" / "org" / "units.xlsx").exists() and "org/units.xlsx" in (tmp_path / "b" / "bureau.toml").read_text(encoding="utf-8")
    wb = openpyxl.load_workbook(tmp_path / "b" / "org" / "people.xlsx")
    assert [c.value for c in wb.worksheets[0][2]][:3] == ["p01", "张三", "bureau"]
    code, out, err = run("check", str(tmp_path / "b" / "bureau.toml"))
    assert code == 0, err
    assert out.startswith("检查通过：3 个单位，3 名人员")
