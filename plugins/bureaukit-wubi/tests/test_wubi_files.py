"""Through files: a TOML config, Chinese-header CSV ledgers (one GB18030), load, score, CLI."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import bureaukit
from bureaukit.cli import main

CONFIG = """
units = "units.csv"
people = "people.csv"
[bureau]
id = "w"
name = "测试局"
period = "2014"
[campaigns]
enabled = ["wubi"]
[campaigns.wubi.ledgers]
ratings = "评分.csv"
innovations = "创新.csv"
"""


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    (tmp_path / "units.csv").write_text("单位编号,单位名称,单位类型,上级单位\nb,局,bureau,\ns1,一站,station,b\nhr,人事科,personnel,b\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("人员编号,姓名,所在单位,角色\n" + "".join(f"e{i},评委{i},b,team_member\n" for i in range(1, 6)), encoding="utf-8")
    (tmp_path / "评分.csv").write_text(
        "评分人,单位,维度,评分,评分日期\n" + "".join(f"e{i},s1,创新,{v},2014-12-01\n" for i, v in enumerate([95, 90, 88, 70, 60], 1)),
        encoding="utf-8-sig")
    (tmp_path / "创新.csv").write_bytes(
        ("编号,单位,项目名称,责任人,完成时限,完成日期\n"
         "i1,s1,一站式审批,e1,2014/3/31,2014/3/30\ni2,s1,电召平台,e1,2014年6月30日,2014年6月30日\n"
         "i3,s1,冷补技术,e2,2014-09-30,2014-09-01\ni4,s1,计时管理,e2,2014-10-31,2014-11-15\n").encode("gb18030"))
    (tmp_path / "bureau.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_load_and_score_worked_example_from_files(bureau: Path) -> None:
    r = bureaukit.score(bureaukit.load(bureau / "bureau.toml")).to_dict()
    dims = {(s["subject"], s["metric"]): s["value"] for s in r["scores"]}
    assert dims[("unit:s1", "dim.chuangxin")] == "79.60"
    assert dims[("unit:s1", "points")] == "79.60"
    ev = next(s for s in r["scores"] if s["metric"] == "dim.chuangxin")["evidence"]
    assert {"source": "创新.csv", "row": 5, "record": "i4", "note": "时限 due 2014-10-31，逾期完成 late"} in ev


def test_cli_json_and_ledger_error(bureau: Path) -> None:
    res = CliRunner().invoke(main, ["score", str(bureau / "bureau.toml"), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["campaigns"][0]["name"] == "wubi"
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,hr,服务,80,2014-12-01\ne2,s1,服务,120,2014-12-01\n")
    res = CliRunner().invoke(main, ["check", str(bureau / "bureau.toml")])
    assert res.exit_code == 2
    assert "评分.csv:7: 单位: 人事科 (hr)" in res.stderr
    assert "评分.csv:8: 评分: a score lies from 0 to 100, got 120" in res.stderr


def test_ratings_keys_apply_within_one_run(bureau: Path) -> None:
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,s1,创新,50,2013-12-01\n")  # same key, another year: not this run's
    assert bureaukit.score(bureaukit.load(bureau / "bureau.toml")).scores
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,s1,创新,50,2014-12-02\n")
    with pytest.raises(bureaukit.InputError) as exc:
        bureaukit.score(bureaukit.load(bureau / "bureau.toml"))
    assert '评分.csv:8: 评分人+单位+维度: duplicate key "e1|s1|chuangxin" (first at ' in str(exc.value)
