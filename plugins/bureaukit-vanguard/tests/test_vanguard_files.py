"""A run through files: bureau.toml + ledgers with Chinese headers — steps GB18030 as Chinese
Excel saves a CSV, surveys as an xlsx workbook, the rest UTF-8 with BOM — loaded, scored,
and through the CLI; a bad row reported as FILE:ROW: column: message, exit 2."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import bureaukit
from bureaukit.result import cited
from bureaukit.testing import csv_text, run_cli, write_bureau

UNITS = csv_text([["单位编号", "单位名称", "单位类型", "上级单位"],
                  ["bureau", "示例局", "bureau", None], ["office", "局办公室", "office", "bureau"],
                  ["ygs", "区道路运输管理所", "institution", "bureau"]])
PEOPLE = csv_text([["人员编号", "姓名", "所在单位", "角色"], ["p01", "王建国", "bureau", "main_leader"],
                   ["p21", "郑强", "ygs", "unit_head"], ["p22", "梁红", "ygs", "unit_team"]])

# the worked example's unit X (ygs), written as its party office keeps the 台账
STEPS = csv_text([["单位", "阶段", "环节", "完成日期"]] + [
    ["ygs", "学习动员", s, day] for s, day in (("动员大会", "2005-01-10"), ("集中学习", "2005/1/20"),
                                               ("先进事迹报告会", "2005年2月20日"))] + [
    ["ygs", "分析评议", s, day] for s, day in (
        ("征求意见", "2005-03-05"), ("谈心", "2005-03-18"), ("撰写党性分析材料", "2005-03-25"),
        ("专题组织生活会", "2005-04-05"), ("提出评议意见", "2005-04-10"), ("反馈评议意见", "2005-04-14"),
        ("通报评议情况", "2005-04-22"), ("回头看", "2005-04-25"))] + [
    ["ygs", "rectify", s, day] for s, day in (("制定整改方案", "2005-05-10"), ("集中整改", "2005-06-10"),
                                              ("整改通报", "2005-06-12"))])
APPROVALS = csv_text([["单位", "阶段", "同意日期", "审批人"], ["ygs", "学习动员", "2005-02-26", "督导组"],
                      ["ygs", "分析评议", "2005-04-29", "督导组"], ["ygs", "整改提高", "2005-06-28", "督导组"]])
MAKEUPS = csv_text([["单位", "阶段", "补课原因", "补课完成日期", "回头看日期"],
                    ["ygs", "分析评议", "群众满意度未达80%", "2005-05-20", None]])
TALKS = csv_text([["单位", "谈心日期", "谈心人", "谈心对象"], ["ygs", "2005-03-10", "p21", "梁红"],
                  ["ygs", "2005-03-15", "p22", "科员"]])
MEASURES = csv_text([["编号", "单位", "存在问题", "整改措施", "责任人", "完成时限", "公示日期", "完成日期", "建立制度"],
                     ["ZG-01", "ygs", "服务窗口办事拖沓", "推行限时办结", "p21", "2005-06-20", "2005-05-15",
                      "2005-06-15", None],
                     ["ZG-02", "ygs", "联系群众不够", "领导班子成员每月接访", "p22", "2005-06-25", "2005-05-15",
                      "2005-06-25", None]])

CONFIG = """units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "2005-H1"

[campaigns]
enabled = ["vanguard"]

[campaigns.vanguard]
participants = ["institution"]

[campaigns.vanguard.ledgers]
steps = "ledgers/环节台账.csv"
surveys = "ledgers/测评.xlsx"
approvals = "ledgers/approvals.csv"
makeups = "ledgers/makeups.csv"
talks = "ledgers/talks.csv"
measures = "ledgers/measures.csv"
"""


def surveys_xlsx(path: Path, rows: list[list[object]]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位", "阶段", "测评日期", "满意", "基本满意", "不满意"])
    for r in rows:
        ws.append(r)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


SURVEYS = [["ygs", "分析评议", datetime.datetime(2005, 4, 27), 17, 6, 7],
           ["ygs", "rectify", datetime.datetime(2005, 6, 25), 10, 8, 2]]


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    surveys_xlsx(tmp_path / "ledgers" / "测评.xlsx", SURVEYS)
    return write_bureau(tmp_path, CONFIG, {
        "org/units.csv": UNITS, "org/people.csv": PEOPLE,
        "ledgers/环节台账.csv": STEPS.encode("gb18030"),
        "ledgers/approvals.csv": APPROVALS, "ledgers/makeups.csv": MAKEUPS,
        "ledgers/talks.csv": TALKS, "ledgers/measures.csv": MEASURES,
    }, encoding="utf-8-sig")


def check_json(d: dict) -> None:
    assert d["period"]["start"] == "2005-01-01" and d["period"]["end"] == "2005-06-30"
    v = {(s["subject"], s["metric"]): s["value"] for s in d["scores"] if s["campaign"] == "vanguard"}
    assert v[("unit:ygs", "stage.learn")] == "100.00"
    assert v[("unit:ygs", "stage.analyze")] == "90.00"
    assert v[("unit:ygs", "stage.rectify")] == "66.67"
    assert v[("unit:ygs", "points")] == "82.67"
    assert v[("unit:ygs", "satisfaction.analyze")] == "0.7667"
    f = sorted((x["code"], x["subject"], x["severity"], x["due"]) for x in d["findings"])
    assert f == [
        ("vanguard.approved_early", "unit:ygs", "violation", None),
        ("vanguard.approved_early", "unit:ygs", "violation", None),
        ("vanguard.makeup_owed", "unit:ygs", "warning", "2005-07-28"),
        ("vanguard.review_missing", "unit:ygs", "warning", "2005-06-30"),
        ("vanguard.satisfaction_low", "unit:ygs", "warning", None),
        ("vanguard.step_missing", "unit:ygs", "violation", "2005-06-30"),
    ]
    low = next(x for x in d["findings"] if x["code"] == "vanguard.satisfaction_low")
    first = cited(d, low)[0]
    assert first.source == "ledgers/测评.xlsx" and first.row == 2


def test_load_and_score(cfg: Path) -> None:
    check_json(bureaukit.score(bureaukit.load(cfg)).to_dict())


def test_cli_json(cfg: Path) -> None:
    r = run_cli("score", cfg, "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_json(r.json)


def test_cli_check_passes(cfg: Path) -> None:
    r = run_cli("check", cfg)
    assert r.exit_code == 0, r.stderr


def test_bad_rows_reported_all_at_once_with_file_row_column(cfg: Path) -> None:
    steps = STEPS + csv_text([["ygs", "分析评议", "开会", "2005-04-01"]])
    (cfg.parent / "ledgers/环节台账.csv").write_bytes(steps.encode("gb18030"))
    surveys_xlsx(cfg.parent / "ledgers/测评.xlsx", [*SURVEYS, ["ygs", "学习动员", datetime.datetime(2005, 2, 1), 0, 0, 0]])
    out = cfg.parent / "out.json"
    r = run_cli("score", cfg, "--format", "json", "-o", out)
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "环节台账.csv:16: 环节" in r.stderr and "开会" in r.stderr
    assert "测评.xlsx:4: 阶段" in r.stderr and "测评.xlsx:4: 满意" in r.stderr
    assert not out.exists()


def test_init_writes_the_templates(tmp_path: Path) -> None:
    r = run_cli("init", tmp_path / "new")
    assert r.exit_code == 0, r.stderr
    ledgers = tmp_path / "new" / "ledgers"
    head = (ledgers / "vanguard-surveys.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head == "单位,阶段,测评日期,满意,基本满意,不满意"
    assert (ledgers / "vanguard-measures.csv").read_text(encoding="utf-8-sig").startswith(
        "编号,单位,存在问题,整改措施,责任人,完成时限,公示日期,完成日期,建立制度")
    assert {p.name for p in ledgers.glob("vanguard-*.csv")} == {
        f"vanguard-{k}.csv" for k in ("steps", "surveys", "approvals", "makeups", "talks", "measures")}
    toml = (tmp_path / "new" / "bureau.toml").read_text(encoding="utf-8")
    assert '"vanguard"' in toml and "[campaigns.vanguard.ledgers]" in toml
    assert run_cli("check", tmp_path / "new" / "bureau.toml").exit_code == 0


def test_a_period_that_places_the_phases_out_of_order_is_the_configs_to_fix(cfg: Path) -> None:
    """Without a ``window`` the phases' month-days go in the run's period: in 2005-Q2,
    学习动员 01-01 and 分析评议 03-01 fall in 2006 and 整改提高 05-01 in 2005. check (which
    placed them in the config's 2005-H1) and score of that period both say so, exit 2;
    scoring 整改提高 before 学习动员 without a word is what a run did."""
    for command in ("check", "score"):
        r = run_cli(command, cfg, "--period", "2005-Q2")
        assert r.exit_code == 2, (command, r.stderr)
        assert ("campaigns.vanguard: 阶段 rectify 于 2005-05-01 开始，不晚于阶段 analyze 的结束（2006-04-30）；"
                "各阶段应依次进行（阶段的月日放在 window 2005-04-01..2005-06-30 中") in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
    assert run_cli("check", cfg, "--period", "2005").exit_code == 0
    assert run_cli("score", cfg, "--period", "2005", "--format", "json").exit_code == 0
