"""A run through files: bureau.toml + CSV ledgers with Chinese headers (one GB18030, one
UTF-8 with BOM), loaded with ``bureaukit.load`` and scored; and the same through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

import bureaukit
from bureaukit.testing import run_cli, write_bureau

UNITS = """单位编号,单位名称,单位类型,上级单位
bureau,示例局,bureau,
office,局办公室,office,bureau
pers,人事教育科,personnel,bureau
ygs,区道路运输管理所,institution,bureau
ygs_n,城北运管站,station,ygs
"""

PEOPLE = """人员编号,姓名,所在单位,角色,分管单位
p01,王建国,bureau,main_leader,office;pers
p02,李卫东,bureau,team_member,ygs
p05,陈秀英,bureau,discipline_secretary;team_member,
p06,杨帆,office,unit_head,
p21,郑强,ygs,unit_head,
p36,潘文,ygs_n,unit_head,
p37,蒋涛,ygs_n,staff,
"""

STAGES = """单位,阶段,得分,日期,评分来源
ygs_n,明察暗访,75,2014-04-10,市局暗访组
ygs_n,明察暗访,85,2014-05-10,市局暗访组
ygs_n,第三方监督,90,2014/6/1,两代表一委员
ygs_n,集中评议,70,2014年6月20日,
ygs,inspection,88,2014-04-11,
"""

SURVEY_HEAD = "单位,测评结果,日期,服务对象\n"
SURVEYS = SURVEY_HEAD + "".join(
    f"ygs_n,{a},2014-05-15,司机{i}\n"
    for i, a in enumerate(["满意"] * 6 + ["基本满意"] * 3 + ["不满意"])
)

PROBLEMS = """编号,单位,整治领域,问题描述,领衔领导,责任部门,整改时限,问题查清,措施落实,整改到位,责任追究到位,群众满意,销号日期
ZG-01,ygs_n,道路运输市场秩序,出租车拒载,p02,ygs_n,2014-09-30,是,是,是,是,是,2014-09-20
ZG-02,ygs_n,公路“三乱”,乱罚款,p02,,2014-10-31,是,是,是,否,否,2014-10-30
ZG-03,ygs,行政审批服务,审批窗口拖沓,p21,,2014-11-30,是,是,,,,
"""

REQUESTS = """编号,单位,首办责任人,受理日期,办结时限,办结日期
XB-01,ygs_n,p37,2014-06-01,2014-06-10,2014-06-05
XB-02,ygs_n,p37,2014-06-01,2014-06-10,2014-06-10
XB-03,ygs_n,p36,2014-06-01,2014-06-10,2014-06-12
XB-04,ygs_n,p37,2014-06-05,2014-06-20,
XB-05,ygs_n,p37,2014-12-25,2015-01-10,
"""

ACCOUNT = """编号,被问责人,问责日期,问责情形,处理结果,情节严重
WZ-01,p37,2014-05-06,刁难服务对象,诫勉谈话,是
WZ-02,p36,2014-07-01,怠于履职,通报批评,是
"""

CONFIG = """units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "2014"

[campaigns]
enabled = ["conduct"]

[campaigns.conduct]
trace_back = "serious"

[campaigns.conduct.ledgers]
stage_scores = "ledgers/阶段得分.csv"
surveys = "ledgers/测评.csv"
problems = "ledgers/整改清单.csv"
requests = "ledgers/限时办结.csv"
accountability = "ledgers/问责.csv"
"""


def bureau(root: Path, stages: str = STAGES) -> Path:
    return write_bureau(root, CONFIG, {
        "org/units.csv": UNITS,
        "org/people.csv": PEOPLE,
        "ledgers/阶段得分.csv": stages.encode("utf-8-sig"),
        "ledgers/测评.csv": SURVEYS.encode("gb18030"),  # as Chinese Excel writes
        "ledgers/整改清单.csv": PROBLEMS.encode("utf-8-sig"),
        "ledgers/限时办结.csv": REQUESTS.encode("utf-8-sig"),
        "ledgers/问责.csv": ACCOUNT,
    })


def values(d: dict, subject: str) -> dict[str, str]:
    return {s["metric"]: s["value"] for s in d["scores"] if s["subject"] == subject}


def findings(d: dict, code: str) -> list[str]:
    return sorted(f["subject"] for f in d["findings"] if f["code"] == f"conduct.{code}")


def check_numbers(d: dict) -> None:
    st = values(d, "unit:ygs_n")
    assert st["stage.inspection"] == "80.00"
    assert st["stage.service_rating"] == "84.00"
    assert st["satisfaction_rate"] == "0.9000"
    assert st["points"] == "81.20"
    # XB-01, XB-02 on time; XB-03 late; XB-04 open past its limit; XB-05 not yet due
    assert st["on_time_rate"] == "0.5000"
    assert st["problems_closed"] == "2"
    assert values(d, "unit:ygs") == {"stage.inspection": "88.00", "points": "88.00",
                                     "problems_closed": "0"}
    assert findings(d, "request_overdue") == ["person:p36", "person:p37"]
    assert findings(d, "accountable") == ["person:p36", "person:p37"]
    # 倒查追责 up the tree: WZ-01 (p37, staff) → the station's head p36; WZ-02 (p36, the head) →
    # the 运管所's head p21; nobody oversees the station, so p02 (over ygs) answers for both
    assert findings(d, "supervision_duty") == ["person:p21", "person:p36"]
    assert findings(d, "leadership_duty") == ["person:p02", "person:p02"]
    assert findings(d, "closed_incomplete") == ["person:p02"]  # ZG-02
    assert findings(d, "problem_overdue") == ["person:p21"]  # ZG-03 due 30 Nov, still open
    assert findings(d, "area_unlisted") == ["unit:ygs_n"]
    assert findings(d, "problem_count") == ["unit:office"]  # 0 problems
    assert findings(d, "main_leader_oversees") == ["person:p01"]  # pers
    assert findings(d, "discipline_secretary_missing") == ["unit:pers"]
    # scorecards come from the core (rule 8)
    cards = {c["subject"]: c for c in d["scorecards"]}
    assert cards["unit:ygs_n"]["campaigns"] == {"conduct": "81.20"}


def test_load_and_score_through_files(tmp_path):
    b = bureaukit.load(bureau(tmp_path))
    r = bureaukit.score(b)
    d = r.to_dict()
    assert d["schema"] == 2 and d["period"]["id"] == "2014"
    check_numbers(d)
    # as of 30 Nov, ZG-03 (due that day) is not yet overdue; as of 1 Dec it is
    b30 = bureaukit.score(b, as_of="2014-11-30").to_dict()
    assert findings(b30, "problem_overdue") == []
    d = bureaukit.score(b, as_of="2014-12-01").to_dict()
    assert [(f["subject"], f["due"]) for f in d["findings"]
            if f["code"] == "conduct.problem_overdue"] == [("person:p21", "2014-11-30")]


def test_ledger_errors_report_file_row_and_column(tmp_path):
    bad = STAGES + "ygs_n,暗访,101,2014-06-01,\n"
    cfg = bureau(tmp_path, stages=bad)
    with pytest.raises(bureaukit.InputError) as err:
        bureaukit.load(cfg)
    lines = err.value.problems
    assert any("阶段得分.csv:7: 阶段:" in line and '"暗访"' in line for line in lines)
    assert any("阶段得分.csv:7: 得分:" in line and '"101"' in line for line in lines)


def test_cli_score_json(tmp_path):
    r = run_cli("score", bureau(tmp_path), "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_numbers(r.json)
