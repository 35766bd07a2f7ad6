"""Shared data for the core tests (a uniquely named module: plugins have their own helpers)."""

from __future__ import annotations

from typing import Any

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


HOSTILE_FORMULA = '=HYPERLINK("http://x")'
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_RTL = "\u202e站所反转gpj.exe"
LONG_NOTE = "长" * 2500 + "note" * 625


def sample_result(lang: str = "zh") -> Any:
    """A small fictional bureau's result: Chinese names, hostile names and a 5000-char note."""
    from datetime import date
    from decimal import Decimal as D

    from bureaukit.catalogue import POINTS, FindingKind, Metric
    from bureaukit.outcomes import Evidence, Finding, Payment, Score
    from bureaukit.result import (
        CampaignInfo,
        PeriodInfo,
        Result,
        sort_findings,
        sort_payments,
        sort_scorecards,
        sort_scores,
    )
    from bureaukit.scorecards import Scorecard

    names = {
        "unit:b": "示例区交通运输局",
        "unit:off": "办公室",
        "unit:road": "公路管理站",
        "unit:port": "港航管理所",
        "unit:x1": HOSTILE_FORMULA,
        "unit:x2": HOSTILE_SCRIPT,
        "unit:x3": HOSTILE_RTL,
        "unit:fin": "财务科",
        "person:p1": "张三",
        "person:p2": "李四",
        "person:p3": "-王五",
    }
    ev = Evidence("ledgers/investment-projects.csv", 3, "P-01", "税额 120 × 6 = 720 万元")
    scores = [
        Score("unit:road", "points", D("91.5"), campaign="investment", evidence=(ev,)),
        Score("unit:road", "fixed_asset_wan", D("1520"), D("1500"), "万元", campaign="investment",
              evidence=(ev, Evidence("ledgers/investment-progress.csv", 7, "G-3", "进度 1520 万元"))),
        Score("unit:port", "points", D("72.25"), campaign="investment"),
        Score("unit:port", "fixed_asset_wan", D("600"), D("1500"), "万元", campaign="investment"),
        Score("unit:x1", "points", D("60"), campaign="investment"),
        Score("unit:x1", "total_wan", D("900.5"), D("1000"), "万元", campaign="investment"),
        Score("unit:x2", "points", D("85"), campaign="investment",
              evidence=(Evidence("ledgers/<b>.csv", 2, HOSTILE_SCRIPT, LONG_NOTE),)),
        Score("unit:x3", "points", D("88"), campaign="investment"),
        Score("unit:off", "points", D("95"), campaign="publicity"),
        Score("unit:off", "info_count", 14, 20, "篇", campaign="publicity"),
        Score("unit:fin", "points", D("79.999"), campaign="publicity"),
        Score("unit:fin", "news_count", 3, 8, "篇", campaign="publicity"),
        Score("unit:road", "points", D("80"), campaign="publicity"),
        Score("unit:road", "news_count", 9, 8, "篇", campaign="publicity"),
        Score("unit:road", "share", D("0.66666"), form="rate", campaign="publicity"),
    ]
    payments = [
        Payment("person:p1", "refund", D("2700.00"), "2014", campaign="investment",
                evidence=(Evidence(None, None, "DEP-1", "保证金 3000 元，扣缴 300 元"),)),
        Payment("person:p1", "deduction", D("300.00"), "2014", campaign="investment"),
        Payment("person:p2", "refund", D("3000.00"), "2014", campaign="investment"),
        Payment("person:p2", "reward", D("3000.00"), "2014", campaign="investment"),
        Payment("person:p3", "fee", D("166.67"), "2014-05", campaign="publicity",
                evidence=(Evidence("ledgers/articles.csv", 4, "=1+2", "+稿酬 500 元 ÷ 3"),)),
        Payment("person:p2", "fee", D("166.67"), "2014-05", campaign="publicity"),
        Payment("person:p1", "fee", D("166.66"), "2014-05", campaign="publicity"),
    ]
    findings = [
        Finding("person:p1", "investment.leave_post", "violation",
                {"zh": "招商期间擅自离岗 3 天", "en": "Left post for 3 days during a trip"},
                date(2014, 6, 30), campaign="investment"),
        Finding("unit:x2", "investment.low", "warning",
                {"zh": HOSTILE_SCRIPT + " 完成率低于序时进度", "en": HOSTILE_SCRIPT + " below time progress"},
                campaign="investment", evidence=(Evidence("ledgers/x.csv", 9, "=cmd|' /C calc'!A0", LONG_NOTE),)),
        Finding("unit:x1", "investment.formula", "info",
                {"zh": HOSTILE_FORMULA, "en": HOSTILE_FORMULA}, campaign="investment"),
        Finding("unit:x3", "investment.rtl", "warning",
                {"zh": "名称含\u202e反转\u2066字符\x1b[31m红", "en": "name has \u202ereversed\x07 text"},
                campaign="investment"),
        Finding("unit:fin", "publicity.quota", "violation",
                {"zh": "第 23 周未报送信息", "en": "No information sent in week 23"},
                date(2014, 6, 8), campaign="publicity"),
        Finding("unit:off", "publicity.note", "info", {"zh": "按时报送", "en": "On time"},
                campaign="publicity"),
    ]
    cards = [
        Scorecard("unit:road", "公路管理站", "institution", D("85.75"), "良好", 2,
                  {"investment": D("91.5"), "publicity": D("80")}, D("85.75")),
        Scorecard("unit:port", "港航管理所", "institution", D("72.25"), "合格", 5,
                  {"investment": D("72.25")}, D("72.25")),
        Scorecard("unit:x1", HOSTILE_FORMULA, "institution", D("60.00"), "合格", 6,
                  {"investment": D("60")}, D("60")),
        Scorecard("unit:x2", HOSTILE_SCRIPT, "institution", D("85.00"), "良好", 3,
                  {"investment": D("85")}, D("85")),
        Scorecard("unit:x3", HOSTILE_RTL, "institution", D("88.00"), "良好", 1,
                  {"investment": D("88")}, D("88")),
        Scorecard("unit:y", "三站", "institution", D("85.00"), "良好", 3, {"investment": D("85")}, D("85")),
        Scorecard("unit:off", "办公室", "office", D("95.00"), "优秀", 1, {"publicity": D("95")}, D("95")),
        Scorecard("unit:fin", "财务科", "office", D("80.00"), "良好", 2, {"publicity": D("79.999")},
                  D("79.999")),
        Scorecard("unit:b", "示例区交通运输局", None, D("81.00"), "良好", None,
                  {"investment": D("81"), "publicity": D("81")}, D("81")),
    ]
    return Result(
        version="0.1.0",
        bureau_id="demo",
        bureau_name="示例区交通运输局",
        language=lang,
        period=PeriodInfo("2014", date(2014, 1, 1), date(2014, 12, 31), date(2014, 7, 31),
                          D("0.5808219178"), False),
        campaigns=(
            CampaignInfo("investment", {"zh": "招商引资", "en": "Investment attraction"},
                         "bureaukit-investment", "0.1.0"),
            CampaignInfo("publicity", {"zh": "宣传信息工作", "en": "Publicity"},
                         "bureaukit-publicity", "0.1.0"),
        ),
        scores=tuple(sort_scores(scores)),
        payments=tuple(sort_payments(payments)),
        findings=tuple(sort_findings(findings, lang)),
        scorecards=tuple(sort_scorecards(cards)),
        config_hash="sha256:" + "0" * 64,
        files={"ledgers/investment-projects.csv": "sha256:" + "1" * 64},
        names=names,
        metrics={
            "investment": {
                "points": POINTS,
                "fixed_asset_wan": Metric("固定资产投资", "Fixed-asset investment", "amount", "万元"),
                "total_wan": Metric("招商引资总额", "Total investment", "amount", "万元"),
            },
            "publicity": {
                "points": POINTS,
                "info_count": Metric("信息采用", "Information adopted", "amount", "篇"),
                "news_count": Metric("新闻采用", "News adopted", "amount", "篇"),
                "share": Metric(HOSTILE_SCRIPT + "占比", HOSTILE_SCRIPT + " share", "rate"),
            },
        },
        finding_kinds={
            "investment": {
                "investment.leave_post": FindingKind("离岗招商", "Leave post"),
                "investment.low": FindingKind("低于序时进度", "Behind schedule"),
                "investment.formula": FindingKind("公式", "Formula"),
                "investment.rtl": FindingKind("反转字符", "Reversed text"),
            },
            "publicity": {
                "publicity.quota": FindingKind("次数不足", "Quota not met"),
                "publicity.note": FindingKind("备注", "Note"),
            },
        },
    )
