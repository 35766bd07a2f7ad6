"""Through files: a bureau.toml, Chinese-header CSV ledgers (one GB18030, as Chinese Excel
writes it), bureaukit.load + score, schema-2 JSON, and the CLI."""

from pathlib import Path

import pytest

import bureaukit
from bureaukit.result import cited
from bureaukit.testing import run_cli, write_bureau

CONFIG = """
units = "units.csv"
people = "people.csv"

[bureau]
id = "w"
name = "测试局"
period = "2014"

[campaigns]
enabled = ["wubi"]

[campaigns.wubi]
pacesetter_groups = { line = ["institution", "station"], office = ["office"] }

[campaigns.wubi.ledgers]
ratings = "评分.csv"
innovations = "创新项目台帐.csv"
benchmarks = "对标.csv"
tasks = "重点工作.csv"
"""

UNITS = "单位编号,单位名称,单位类型,上级单位\nb,局,bureau,\ns1,一站,station,b\ni1,运管所,institution,b\no1,办公室,office,b\nhr,人事科,personnel,b\n"
PEOPLE = "人员编号,姓名,所在单位,角色\n" + "".join(f"e{i},局领导{i},b,team_member\n" for i in range(1, 6)) + "p1,张站长,s1,unit_head\n"


@pytest.fixture
def bureau(tmp_path: Path) -> Path:
    write_bureau(tmp_path, CONFIG, {
        "units.csv": UNITS,
        "people.csv": PEOPLE,
        "评分.csv": (
            "评分人,单位,维度,评分,评分日期\n"
            + "".join(f"e{i},s1,创新,{v},2014-12-01\n" for i, v in enumerate([95, 90, 88, 70, 60], 1))
            + "e1,i1,chuangxin,85,2014/12/1\n").encode("utf-8-sig"),
        "创新项目台帐.csv": (
            "编号,单位,项目名称,责任人,完成时限,完成日期\n"
            "i1,s1,一站式审批,p1,2014/3/31,2014/3/30\n"
            "i2,s1,电召平台,p1,2014年6月30日,2014年6月30日\n"
            "i3,s1,冷补技术,p1,2014-09-30,2014-09-01\n"
            "i4,s1,计时管理,p1,2014-10-31,2014-11-15\n").encode("gb18030"),
        "对标.csv": (
            "单位,指标,标杆值,目标值,实际值,越高越好,日期\n"
            "o1,公文办理超时率(%),0,1,0.5,否,2014-03-15\n"
            "o1,群众满意率(%),98,95,,是,2014-03-15\n").encode("utf-8-sig"),
        "重点工作.csv": (
            "编号,单位,工作内容,完成时限,完成日期,责任人\n"
            "ZD-1,o1,季度重点工作推进,2014-06-30,,\n"
            "ZD-2,i1,季度重点工作推进,2014-06-30,2014-06-30,\n").encode("utf-8-sig"),
    })
    return tmp_path


def test_load_and_score_from_files(bureau: Path) -> None:
    result = bureaukit.score(bureaukit.load(bureau / "bureau.toml"))
    r = result.to_dict()
    assert r["schema"] == 2
    v = {(s["subject"], s["metric"]): s["value"] for s in r["scores"]}
    assert v[("unit:s1", "dim.chuangxin")] == "79.60"  # the page's worked example
    assert v[("unit:s1", "points")] == "79.60"
    assert v[("unit:o1", "dim.yeji")] == "50.00"  # (0.75 met + 0.25 found) / 2
    assert v[("unit:o1", "dim.zuofeng")] == "0.00"
    assert v[("unit:o1", "points")] == "25.00"  # (50 + 0) / 2
    assert v[("unit:i1", "dim.chuangxin")] == "85.00"
    assert v[("unit:i1", "dim.zuofeng")] == "100.00"
    assert v[("unit:i1", "points")] == "92.50"
    ev = next(s for s in result.scores if s.subject == "unit:s1" and s.metric == "dim.chuangxin").evidence
    rows_cited = [(e.source, e.row, e.record, e.note_in("zh")) for e in ev]
    assert ("创新项目台帐.csv", 5, "i4", "“计时管理”时限 2014-10-31，2014-11-15 逾期完成") in rows_cited
    # line group: i1 85 vs s1 79.60 on chuangxin; i1 alone on zuofeng; o1 alone in office
    pace = sorted((f["subject"], f["message"][:3]) for f in r["findings"] if f["code"] == "wubi.pacesetter")
    assert pace == [("unit:i1", "比作风"), ("unit:i1", "比创新"), ("unit:o1", "比业绩"), ("unit:o1", "比作风")]
    over = [(f["subject"], f["due"], cited(r, f)[0].record) for f in r["findings"] if f["code"] == "wubi.overdue"]
    assert over == [("unit:o1", "2014-06-30", "ZD-1")]
    assert r["payments"] == []


def test_as_of_mid_year(bureau: Path) -> None:
    r = bureaukit.score(bureaukit.load(bureau / "bureau.toml"), as_of="2014-06-30").to_dict()
    v = {(s["subject"], s["metric"]): s["value"] for s in r["scores"]}
    assert v[("unit:s1", "dim.chuangxin")] == "100.00"  # ratings dated 12-01 not yet; i1, i2 on time
    assert [f for f in r["findings"] if f["code"] == "wubi.overdue"] == []  # ZD-1 due on as_of


def test_cli_score_json(bureau: Path) -> None:
    res = run_cli("score", bureau / "bureau.toml", "--format", "json")
    assert res.exit_code == 0, res.stderr
    out = res.json
    assert out["campaigns"][0]["name"] == "wubi"
    assert {(s["subject"], s["metric"], s["value"]) for s in out["scores"]} >= {("unit:s1", "dim.chuangxin", "79.60")}


def test_ledger_errors_through_files(bureau: Path) -> None:
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,hr,服务,80,2014-12-01\ne2,s1,服务,120,2014-12-01\n")
    res = run_cli("check", bureau / "bureau.toml", "--lang", "en")
    assert res.exit_code == 2
    assert '评分.csv:8: 单位: 人事科 (hr) is a "personnel" unit' in res.stderr
    assert '评分.csv:9: 评分: a score lies from 0 to 100, got "120"' in res.stderr
    res = run_cli("check", bureau / "bureau.toml")  # the bureau's Chinese
    assert res.exit_code == 2
    assert '评分.csv:8: 单位: 人事科（hr）的单位类型为“personnel”，不参加“五比五争”' in res.stderr
    assert '评分.csv:9: 评分: 评分应在 0–100 之间，实为 "120"' in res.stderr


def test_config_error_through_files(bureau: Path) -> None:
    cfg = bureau / "bureau.toml"
    cfg.write_text(CONFIG.replace("[campaigns.wubi]\n", "[campaigns.wubi]\nblend = { ratings = 0.7, evidence = 0.4 }\n"),
                   encoding="utf-8")
    with pytest.raises(bureaukit.InputError) as exc:
        bureaukit.load(cfg)
    assert "campaigns.wubi.blend: ratings and evidence must each be ≥ 0 and sum to 1" in str(exc.value)


def test_ratings_keys_apply_within_one_run(bureau: Path) -> None:
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,s1,创新,50,2013-12-01\n")  # same key, last year's: not this run's
    r = bureaukit.score(bureaukit.load(bureau / "bureau.toml")).to_dict()
    assert {(s["subject"], s["metric"]): s["value"] for s in r["scores"]}[("unit:s1", "dim.chuangxin")] == "79.60"
    with (bureau / "评分.csv").open("a", encoding="utf-8") as fh:
        fh.write("e1,s1,创新,50,2014-12-02\n")  # same key in the same run: an error
    with pytest.raises(bureaukit.InputError) as exc:
        bureaukit.score(bureaukit.load(bureau / "bureau.toml"))
    assert '评分.csv:9: 评分人+单位+维度: duplicate key "e1|s1|chuangxin" (first at ' in str(exc.value)
