"""Shared fixtures for the core tests: a small bureau on disk with the tiny campaign."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import tiny

UNITS_CSV = """单位编号,单位名称,单位类型,上级单位
b,示例局,bureau,
off,办公室,office,b
s1,一站,station,b
s2,二站,station,b
s3,三站,station,s2
"""

PEOPLE_CSV = """人员编号,姓名,所在单位,角色,分管单位,到岗日期,离岗日期
p1,张三,b,主要负责人,off,,
p2,李四,s1,unit_head,,,
p3,王五,s2,unit_head;staff,,,
p4,赵六,s2,staff,,2014-03-01,2014-06-30
"""

DEEDS_CSV = """编号,单位,日期,类型,金额,人员,完成日期,紧急
d1,s1,2014-03-01,走访,100,p2；p3,2014-03-05,否
d2,s1,2014/5/20,report,0,,,是
d3,s2,2014年7月1日,visit,,p4,2014-08-01,
"""

BASE_TOML = """
units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "2014"

[campaigns]
enabled = ["tiny"]

[campaigns.tiny]
target = 2

[campaigns.tiny.ledgers]
deeds = "ledgers/deeds.csv"
"""


@pytest.fixture
def bureau_dir(tmp_path: Path) -> Path:
    (tmp_path / "org").mkdir()
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "org" / "units.csv").write_text(UNITS_CSV, encoding="utf-8")
    (tmp_path / "org" / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (tmp_path / "ledgers" / "deeds.csv").write_text(DEEDS_CSV, encoding="utf-8")
    (tmp_path / "bureau.toml").write_text(BASE_TOML, encoding="utf-8")
    return tmp_path


@pytest.fixture
def write(bureau_dir: Path) -> Callable[[str, str], Path]:
    def _write(name: str, text: str) -> Path:
        p = bureau_dir / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text), encoding="utf-8")
        return p

    return _write


@pytest.fixture
def tiny_plugin() -> object:
    return tiny
