"""A run through files: bureau.toml + CSV ledgers with Chinese headers (problems GB18030 as
Chinese Excel writes it, the rest UTF-8 with BOM), loaded, scored, and through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

import bureaukit
from bureaukit.result import cited
from bureaukit.testing import run_cli, write_bureau

UNITS = """单位编号,单位名称,单位类型,上级单位
bureau,示例局,bureau,
office,局办公室,office,bureau
ygs,区道路运输管理所,institution,bureau
ygs_n,城北运管站,station,ygs
"""

PEOPLE = """人员编号,姓名,所在单位,角色
p01,王建国,bureau,main_leader
p06,杨帆,office,unit_head
p07,赵丽,office,staff
p21,郑强,ygs,unit_head
p22,梁红,ygs,unit_team
p23,谢军,ygs,staff
p36,潘文,ygs_n,unit_head
"""

PROBLEMS = """编号,单位,日期,问题类型,来源,人员,查实,备注
WJ-01,ygs,2013年6月3日,散,定期检查,p23,是,迟到早退
WJ-02,ygs,2013/9/12,eight.8,随机抽查,p23,,上班时间炒股票
WJ-03,office,2014-01-10,慢,公众督查,,,窗口办件拖沓
WJ-04,office,2014-02-11,lax,个人自查,p07,否,未查实
WJ-05,office,2013-04-20,lax,个人自查,p07,是,活动开始前
"""

ACTIVITIES = """编号,类型,单位,日期,人员,项目,时长(分钟),备注
DY-01,research,office,2013-08-01,,,,窗口服务调研
DY-02,专题调研,ygs_n,2014-03-05,,,,
BG-01,调研报告,office,2014-04-01,p06,,,
BG-02,research_report,ygs_n,2014-04-02,p36,,,
"""

COMPLAINTS = """编号,单位,受理日期,办结日期,处理结果,查实对象
TS-01,ygs,2014-03-01,2014-03-20,已答复并整改,p23
TS-02,ygs,2014-03-05,2014-03-10,已答复,
"""

STEPS = """单位,阶段,环节,完成日期
ygs,动员部署,动员大会,2013-05-15
office,mobilize,动员大会,2013-05-16
"""

CONFIG = """units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "style-year"

[periods]
style-year = "2013-05-01..2014-04-30"

[campaigns]
enabled = ["style"]

[campaigns.style]
meeting_max_minutes = 0
participants = ["institution"]
phases = [{ id = "mobilize", title = "动员部署", start = "05-01", end = "05-31", steps = ["动员大会", "工作方案"] }]

[[campaigns.style.quotas]]
id = "unit_research"
who = { unit_kinds = ["institution", "station", "office"] }
activity = "research"
min = 1
per = "window"

[[campaigns.style.quotas]]
id = "head_report"
who = { role = "unit_head" }
activity = "调研报告"
min = 1
per = "window"
deduction = 2

[campaigns.style.ledgers]
problems = "ledgers/问题.csv"
activities = "ledgers/activities.csv"
complaints = "ledgers/complaints.csv"
steps = "ledgers/steps.csv"
"""


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    return write_bureau(tmp_path, CONFIG, {
        "org/units.csv": UNITS,
        "org/people.csv": PEOPLE,
        "ledgers/问题.csv": PROBLEMS.encode("gb18030"),
        "ledgers/activities.csv": ACTIVITIES,
        "ledgers/complaints.csv": COMPLAINTS,
        "ledgers/steps.csv": STEPS,
    }, encoding="utf-8-sig")


def check_json(d: dict) -> None:
    assert d["schema"] == 2
    assert d["period"]["start"] == "2013-05-01" and d["period"]["end"] == "2014-04-30"
    v = {(s["subject"], s["metric"]): s["value"] for s in d["scores"] if s["campaign"] == "style"}
    # ygs: 100 − 2 (WJ-01 散) − 5 (WJ-02 eight.8) − 1 (unit_research 0 of 1) = 92
    assert v[("unit:ygs", "points")] == "92.00" and v[("unit:ygs", "deductions")] == "8"
    # office: 100 − 2 (WJ-03 慢; WJ-04 unverified, WJ-05 before the window) = 98
    assert v[("unit:office", "points")] == "98.00"
    assert v[("person:p23", "points")] == "93.00"
    assert v[("person:p21", "points")] == "98.00"       # head_report 0 of 1, deduction 2
    assert v[("person:p06", "points")] == "100.00" and v[("person:p36", "points")] == "100.00"
    assert v[("unit:ygs_n", "points")] == "100.00" and v[("unit:bureau", "points")] == "100.00"
    assert ("person:p07", "points") not in v
    f = sorted((x["code"], x["subject"], x["severity"]) for x in d["findings"])
    assert f == [
        ("style.complaint", "unit:ygs", "violation"),       # TS-01: 19 days > 15
        ("style.problem", "person:p23", "violation"),
        ("style.problem", "person:p23", "warning"),
        ("style.problem", "unit:office", "warning"),
        ("style.quota", "person:p21", "warning"),
        ("style.quota", "unit:ygs", "warning"),
        ("style.step_missing", "unit:ygs", "violation"),   # 工作方案 not done
        ("style.suspension", "person:p23", "violation"),
    ]
    ev = [x for x in d["findings"] if x["code"] == "style.problem" and x["severity"] == "violation"]
    first = cited(d, ev[0])[0]
    assert first.source == "ledgers/问题.csv" and first.row == 3


def test_load_and_score(cfg: Path) -> None:
    b = bureaukit.load(cfg)
    check_json(bureaukit.score(b).to_dict())


def test_cli_json(cfg: Path) -> None:
    r = run_cli("score", cfg, "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_json(r.json)


def test_bad_ledger_row_reported_with_file_row_column(cfg: Path) -> None:
    steps = cfg.parent / "ledgers/steps.csv"
    steps.write_text(STEPS + "ygs,动员部署,开会,2013-05-20\n", encoding="utf-8-sig")
    with pytest.raises(bureaukit.InputError) as exc:
        bureaukit.load(cfg)
    text = "\n".join(exc.value.problems)
    assert "steps.csv:4" in text and "环节" in text and "开会" in text
