"""A run through files: bureau.toml + CSV ledgers with Chinese headers (adoptions in
GB18030 as Chinese Excel writes it, cases UTF-8 with BOM), loaded with
``bureaukit.load`` and scored; then ``bureaukit check`` and ``bureaukit score`` on the CLI."""

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
gls,区公路管理段,institution,bureau
"""

PEOPLE = """人员编号,姓名,所在单位,角色
p02,李卫东,bureau,team_member;publicity_lead
p07,赵丽,office,publicity_officer;commenter
p23,谢军,ygs,publicity_officer
p24,宋佳,ygs,publicity_officer
p25,唐亮,ygs,publicity_reviewer;commenter
p28,邓婷,gls,publicity_officer;publicity_reviewer
"""

ADOPTIONS = """稿件编号,标题,类型,作者,报送单位,采用单位,采用日期,字数,好消息推荐,领导批示
N-01,农村公路建设新进展,新闻,p23;p24,ygs,省日报,2014-03-10,1600,,
X-01,春运保障,信息,p23、p24、p07,ygs,市委市政府,2014/8/1,,是,是
X-02,超限治理,信息,p28,gls,其他省级网站（交通运输系统）,2014年5月6日,,,
X-02,超限治理,信息,p28,gls,本局交通政务网,2014-05-05,,,
N-02,养护站风采,新闻,p28,gls,district_media,2014-11-20,2000,,
"""

CASES = """编号,单位,类型,收到日期,答复日期,审核人
WP-01,ygs,投诉,2014-04-01,2014-04-05,p02
WP-02,ygs,咨询,2014-06-01,2014-06-12,
WP-03,gls,负面报道,2014-07-01,2014-07-02,
"""

CONFIG = """units = "org/units.csv"
people = "org/people.csv"

[bureau]
id = "t"
name = "测试局"
period = "2014"

[campaigns]
enabled = ["publicity"]

[campaigns.publicity]
fee_units = ["office", "ygs"]
quotas = { ygs = { news = 2, info = 4 }, gls = { info = 2 } }

[campaigns.publicity.ledgers]
adoptions = "ledgers/采用记录.csv"
cases = "ledgers/舆情网评.csv"
"""


def bureau(root: Path, adoptions: str = ADOPTIONS, config: str = CONFIG) -> Path:
    return write_bureau(root, config, {
        "org/units.csv": UNITS,
        "org/people.csv": PEOPLE,
        "ledgers/采用记录.csv": adoptions.encode("gb18030"),
        "ledgers/舆情网评.csv": CASES.encode("utf-8-sig"),
    })


def values(d: dict, subject: str) -> dict[str, str]:
    return {s["metric"]: s["value"] for s in d["scores"] if s["subject"] == subject}


def paid(d: dict, subject: str) -> list[tuple[str, str | None, str]]:
    return sorted((p["kind"], p["period"], p["amount"]) for p in d["payments"] if p["subject"] == subject)


def check_numbers(d: dict) -> None:
    # N-01: 300 × 2 (1600 字) = 600 ÷ 2; X-01: 100 ÷ 3 → 33.34, 33.33, 33.33
    assert values(d, "person:p23") == {"fees_yuan": "333.34", "news_count": "1", "info_count": "1"}
    assert values(d, "person:p24")["fees_yuan"] == "333.33"
    assert values(d, "person:p07")["fees_yuan"] == "33.33"
    # 50 + 40; N-02 区级媒体 30 × 2 (2000 字); only X-02 at 其他省级网站 counts
    assert values(d, "person:p28") == {"fees_yuan": "150.00", "news_count": "0", "info_count": "1"}
    assert paid(d, "person:p23") == [("award", "2014", "166.67"), ("fee", "2014-H1", "300.00"),
                                     ("fee", "2014-H2", "33.34")]
    assert paid(d, "person:p07") == [("award", "2014", "166.66"), ("fee", "2014-H2", "33.33")]
    assert paid(d, "person:p28") == []  # gls is not in fee_units
    # ygs: news 1/2, info 1/4 → 100 × (0.5 + 0.25) / 2 = 37.50; gls: info 2/2 → 100
    assert values(d, "unit:ygs") == {"news": "1", "info": "1", "points": "37.50"}
    assert values(d, "unit:gls") == {"info": "2", "points": "100.00"}
    codes = sorted((f["code"], f["subject"]) for f in d["findings"])
    assert codes == [("publicity.reply_overdue", "unit:ygs"), ("publicity.reply_unapproved", "unit:ygs"),
                     ("publicity.staffing", "unit:gls")]
    due = [f["due"] for f in d["findings"] if f["code"] == "publicity.reply_overdue"]
    assert due == ["2014-06-08"]


def test_load_and_score_from_files(tmp_path):
    b = bureaukit.load(bureau(tmp_path))
    d = bureaukit.score(b).to_dict()
    assert d["schema"] == 2
    check_numbers(d)
    ev = next(s for s in d["scores"] if s["subject"] == "person:p23" and s["metric"] == "fees_yuan")
    first = cited(d, ev)[0]
    assert first.source == "ledgers/采用记录.csv" and first.row == 2


def test_bad_outlet_in_a_file_is_reported_by_row(tmp_path):
    cfg = bureau(tmp_path, ADOPTIONS + "X-09,测试,信息,p23,ygs,火星日报,2014-05-01,,,\n")
    with pytest.raises(Exception) as exc:
        bureaukit.load(cfg)
    assert "采用记录.csv:7: 采用单位" in str(exc.value)
    assert '"火星日报"' in str(exc.value)


def test_cli_score_json(tmp_path):
    cfg = bureau(tmp_path)
    r = run_cli("score", cfg, "--format", "json")
    assert r.exit_code == 0, r.stderr
    check_numbers(r.json)
    r = run_cli("check", cfg)
    assert r.exit_code == 0, r.stderr


def test_cli_check_warns_on_empty_quotas_and_exits_0(tmp_path):
    config = CONFIG.replace('quotas = { ygs = { news = 2, info = 4 }, gls = { info = 2 } }\n', "")
    r = run_cli("check", bureau(tmp_path, config=config))
    assert r.exit_code == 0, r.stderr
    assert "campaigns.publicity.quotas" in r.stdout + r.stderr


def test_cli_check_reports_bad_config_paths(tmp_path):
    config = CONFIG.replace('fee_units = ["office", "ygs"]',
                            'fee_units = ["lgs"]\noutlets.tv = { kind = "news", fee_yuan = 50 }')
    r = run_cli("check", bureau(tmp_path, config=config))
    assert r.exit_code == 2
    out = r.stdout + r.stderr
    assert "campaigns.publicity.fee_units[0]" in out
    assert "campaigns.publicity.outlets.tv" in out and "missing level, zh, counts" in out
