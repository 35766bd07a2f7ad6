"""Real bureaus on disk for the federation tests: each scored by the real investment
plugin with one target (total_wan 4000) and one confirmed project, so its root composite
is 100 × min(1, contract total / 4000) (seed 000 一、目标任务)."""

from __future__ import annotations

import json
from pathlib import Path

UNITS = "单位编号,单位名称,单位类型,上级单位\n{id},{name},bureau,\n{id}_ygs,道路运输管理所,institution,{id}\n"
PEOPLE = "人员编号,姓名,所在单位,角色\n{id}_p1,王建国,{id},main_leader\n{id}_p2,李卫东,{id}_ygs,unit_head\n"
PROJECTS = ("项目编号,项目名称,项目类别,引进单位,引进人,签约日期,合同投资额,计划固定资产投资\n"
            "P1,汽车零部件厂,工业,{id}_ygs,{id}_p2,2014-03-01,{total},1500\n")
BUREAU = """{head}units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "{id}"
name = "{name}"
period = "2014"

[campaigns]
enabled = ["investment"]

[campaigns.investment]
targets = {{ total_wan = 4000 }}

[campaigns.investment.ledgers]
projects = "projects.csv"

[scoring]
grades = [ {{ min = 90, label = "优秀" }}, {{ min = 60, label = "合格" }}, {{ min = 0, label = "不合格" }} ]
{tail}"""


def bureau(folder: Path, bid: str, name: str, total: int | str, *, head: str = "", tail: str = "",
           file: str = "bureau.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "org").mkdir(exist_ok=True)
    (folder / "org" / "units.csv").write_text(UNITS.format(id=bid, name=name), encoding="utf-8")
    (folder / "org" / "people.csv").write_text(PEOPLE.format(id=bid), encoding="utf-8")
    (folder / "projects.csv").write_text(PROJECTS.format(id=bid, total=total), encoding="utf-8")
    path = folder / file
    path.write_text(BUREAU.format(head=head, id=bid, name=name, tail=tail), encoding="utf-8")
    return path


def federation(path: Path, fid: str, name: str, members: list[str], extra: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    listed = ", ".join(json.dumps(m) for m in members)
    path.write_text(f'[bureau]\nid = "{fid}"\nname = "{name}"\nperiod = "2014"\n\n'
                    f"[federation]\nmembers = [{listed}]\n{extra}", encoding="utf-8")
    return path


def make_province(tmp_path: Path) -> Path:
    """province (own units 40.00, weight 0.3) → city (counties A 50.00, B 75.00) and county
    C 100.00: the city 62.50, the province 0.7 × 40.00 + 0.3 × 81.25 = 52.38."""
    bureau(tmp_path / "city" / "a", "county-a", "甲县交通运输局", 2000)
    bureau(tmp_path / "city" / "b", "county-b", "乙县交通运输局", 3000)
    federation(tmp_path / "city" / "city.toml", "city", "某市交通运输系统", ["*/bureau.toml"])
    bureau(tmp_path / "c", "county-c", "丙县交通运输局", 4000)
    return bureau(tmp_path, "province", "某省交通运输厅", 1600, file="province.toml",
                  tail='\n[federation]\nmembers = ["city/city.toml", "c/bureau.toml"]\nweight = 0.3\n')
