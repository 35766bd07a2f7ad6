"""A run through files: bureau.toml + CSV ledgers with Chinese headers (progress GB18030 as
Chinese Excel writes it, the others UTF-8 with BOM), through ``bureaukit.load`` / ``score``
and through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

import bureaukit
from bureaukit.result import cited
from bureaukit.testing import run_cli, write_bureau

UNITS = """单位编号,单位名称,单位类型,上级单位
bureau,示例局,bureau,
invest,招商办,office,bureau
ygs,区道路运输管理所,institution,bureau
gls,区公路管理段,institution,bureau
"""

PEOPLE = """人员编号,姓名,所在单位,角色
p01,王建国,bureau,main_leader
p02,李卫东,bureau,team_member
p09,周涛,invest,unit_head
p10,吴静,invest,staff
p21,郑强,ygs,unit_head
p23,谢军,ygs,staff
p26,韩雪,gls,unit_head
"""

PROJECTS = """项目编号,项目名称,项目类别,引进单位,引进人,签约日期,合同投资额,计划固定资产投资,认定证书,城市规划区内,本区注册,注册日期
P1,汽车零部件厂,工业,ygs,p21,2014-03-01,2500,1200,,,,
P2,交通商业广场,房地产商业,invest,p10,2014/4/1,12700,0,,是,,
P3,物流配送中心,商贸和现代服务业,gls,p26,2014年5月1日,1000,0,,,,
"""

PROGRESS = """项目编号,填报日期,本年完成固定资产投资,本年实际纳税,对中小企业贷款
P1,2014-06-30,800,,
P2,2014-09-30,,120,
"""

DEPOSITS = """缴纳人,金额,缴纳日期
p02,3000,2014-05-10
p21,3000,2014-05-12
p10,2000,2014-05-15
p26,3000,2014-05-25
"""

TRIPS = """编号,单位,带队人,日期,目的地,方式
T1,ygs,p21,2014-03-10,上海,外出招商
T2,ygs,p21,2014-05-10,杭州,
T3,ygs,p23,2014-08-10,苏州,驻点招商
T4,ygs,p21,2014-11-10,南京,外出招商
"""

CONFIG = """units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "2014"

[campaigns]
enabled = ["investment"]

[campaigns.investment]
targets = { total_wan = 18000, fixed_asset_wan = 7000 }
allocation = { ygs = { total_wan = 3000 }, gls = { total_wan = 3000 } }

[campaigns.investment.ledgers]
projects = "ledgers/项目台账.csv"
progress = "ledgers/项目进度.csv"
deposits = "ledgers/风险金.csv"
trips = "ledgers/外出招商.csv"
"""


def bureau(root: Path, projects: str = PROJECTS) -> Path:
    return write_bureau(root, CONFIG, {
        "org/units.csv": UNITS,
        "org/people.csv": PEOPLE,
        "ledgers/项目台账.csv": projects.encode("utf-8-sig"),
        "ledgers/项目进度.csv": PROGRESS.encode("gb18030"),
        "ledgers/风险金.csv": DEPOSITS.encode("utf-8-sig"),
        "ledgers/外出招商.csv": TRIPS.encode("utf-8-sig"),
    })


def values(d: dict, subject: str) -> dict[str, str]:
    return {s["metric"]: s["value"] for s in d["scores"] if s["subject"] == subject}


def paid(d: dict, subject: str) -> dict[str, str]:
    return {p["kind"]: p["amount"] for p in d["payments"] if p["subject"] == subject}


def found(d: dict, code: str) -> list[str]:
    return sorted(f["subject"] for f in d["findings"] if f["code"] == f"investment.{code}")


def check_numbers(d: dict) -> None:
    # total 2500 + 12700 + 1000 = 16200; fixed 800 + 120 × 6 = 1520
    # points: 100 × (16200/18000 + 1520/7000) / 2 = 100 × (0.9 + 0.217142…) / 2 = 55.857… → 55.86
    assert values(d, "unit:bureau") == {"total_wan": "16200", "fixed_asset_wan": "1520", "points": "55.86"}
    assert values(d, "unit:ygs") == {"total_wan": "2500", "points": "83.33"}
    assert values(d, "unit:gls") == {"total_wan": "1000", "points": "33.33"}
    assert values(d, "person:p21") == {"personal_project": "1", "points": "100.00"}
    assert values(d, "person:p26") == {"personal_project": "0", "points": "0.00"}
    # bureau not completed, shortfall 1800/18000 = 0.1
    assert paid(d, "person:p02") == {"deduction": "300.00", "refund": "2700.00"}
    assert paid(d, "person:p21") == {"refund": "3000.00", "reward": "3000.00"}
    assert paid(d, "person:p10") == {"deduction": "200.00", "refund": "1800.00"}  # 局机关: the bureau's
    assert paid(d, "person:p26") == {"deduction": "300.00", "refund": "2700.00"}
    # p26 paid on 25 May; p09 heads an office (科室): no mandatory deposit
    assert found(d, "deposit_missing") == ["person:p26"]
    assert found(d, "no_trip") == ["unit:gls"] * 4
    assert found(d, "behind_schedule") == ["unit:bureau", "unit:gls", "unit:ygs"]
    assert found(d, "unconfirmed") == []
    ev = next(s for s in d["scores"] if s["subject"] == "unit:bureau" and s["metric"] == "fixed_asset_wan")
    # the 折算 cites the progress row its figure is read from; P3 has none: its project
    assert [(e.source, e.row, e.record) for e in cited(d, ev)] == [
        ("ledgers/项目进度.csv", 2, "P1|2014-06-30"), ("ledgers/项目进度.csv", 3, "P2|2014-09-30"),
        ("ledgers/项目台账.csv", 4, "P3")]


def test_the_conversion_note_on_demand(tmp_path):
    """Schema 2 stores no per-row note; the 折算 note is written from the rule when read."""
    r = bureaukit.score(bureaukit.load(bureau(tmp_path)))
    ev = next(s for s in r.scores if s.subject == "unit:bureau" and s.metric == "fixed_asset_wan").evidence
    assert ev[1].record == "P2|2014-09-30" and ev[1].note_in("zh") == "房地产商业：本年实际纳税 120 万元 × 6 = 720 万元"
    assert "本年实际纳税" not in r.to_json()


def test_load_and_score_through_files(tmp_path):
    b = bureaukit.load(bureau(tmp_path))
    d = bureaukit.score(b).to_dict()
    assert d["schema"] == 2 and d["period"]["final"] is True
    check_numbers(d)
    mid = bureaukit.score(b, as_of="2014-06-30").to_dict()
    assert mid["payments"] == [] and values(mid, "unit:bureau")["fixed_asset_wan"] == "800"


def test_ledger_errors_report_file_row_and_column(tmp_path):
    bad = PROJECTS + "P5,x,钢铁,ygs,p21,2014-06-01,3000,1500,,,,\n"
    with pytest.raises(bureaukit.InputError) as err:
        bureaukit.load(bureau(tmp_path / "a", projects=bad))
    lines = err.value.problems
    assert any("项目台账.csv:5: 项目类别:" in line and '"钢铁"' in line for line in lines), lines
    # the campaign's own check: two introducers below 2000 万元 planned fixed asset (rule 4)
    co = PROJECTS + "P4,合资项目,工业,ygs,p21;p23,2014-06-01,3000,1500,,,,\n"
    with pytest.raises(bureaukit.InputError) as err:
        bureaukit.load(bureau(tmp_path / "b", projects=co))
    lines = err.value.problems
    assert any("项目台账.csv:5: 引进人:" in line and "1500" in line for line in lines), lines


def test_cli_score_json(tmp_path):
    r = run_cli("score", bureau(tmp_path), "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_numbers(r.json)


def test_a_station_heads_deposit_row_is_a_ledger_error(tmp_path):
    """五(一) names 局班子成员及二级机构主要负责人 (3000) and 局机关工作人员和二级机构其他班子成员
    (2000, voluntary): a 基层站所 head is in neither list, so his row is refused — with the
    file, the row, the person and both lists — and nothing is scored."""
    root = tmp_path / "b"
    bureau(root)
    (root / "org/units.csv").write_text(UNITS + "ygs_n,城北运管站,station,ygs\n", encoding="utf-8")
    (root / "org/people.csv").write_text(PEOPLE + "p36,潘文,ygs_n,unit_head\n", encoding="utf-8")
    (root / "ledgers/风险金.csv").write_bytes((DEPOSITS + "p36,3000,2014-05-15\n").encode("utf-8-sig"))
    zh = run_cli("score", root / "bureau.toml", "--format", "json")
    assert zh.exit_code == 2 and '"p36"（潘文，角色 unit_head，所在单位 ygs_n，单位类型 station）不缴风险抵押金' in zh.stderr
    r = run_cli("score", root / "bureau.toml", "--format", "json", "--lang", "en")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    (line,) = [x for x in r.stderr.splitlines() if "风险金.csv" in x]
    assert line.split(": ", 2)[:2] == [f"{root / 'ledgers/风险金.csv'}:6", "缴纳人"], line
    assert '"p36" (潘文, roles unit_head, unit ygs_n of kind station)' in line
    assert 'deposit.mandatory_roles = ["team_member", "unit_head@institution"]' in line
    assert ('deposit.voluntary_roles = ["staff@bureau,office,finance,personnel,projects", '
            '"unit_head@office,finance,personnel,projects", "unit_team@institution"]') in line
