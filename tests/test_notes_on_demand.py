"""Evidence notes are written only when a reader asks (result schema 2), in the reader's
language, and read as a leader reads: titles, names, percentages, no codes (REPORTS §2).

Every campaign's notes go through ``bureaukit.phrases.tell``, which reads the run's
language: a scoring that wrote a note would call it. The demo is scored with that
function raising, then its notes are read in zh and en.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import bureaukit
from bureaukit import phrases
from bureaukit.explain import explain_text
from bureaukit.messages import speaking
from bureaukit.outcomes import Evidence
from bureaukit.result import Result

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"

LAZY = ("investment", "publicity", "wubi", "style", "conduct", "vanguard")
"""The campaigns whose every note is written on demand."""


@pytest.fixture(scope="module")
def demo() -> tuple[Any, Result]:
    bureau = bureaukit.load(DEMO)
    return bureau, bureaukit.score(bureau)


def _evidence(result: Result, campaign: str) -> list[Evidence]:
    return [e for o in (*result.scores, *result.payments, *result.findings) if o.campaign == campaign
            for e in o.evidence]


@pytest.mark.parametrize("campaign", LAZY)
def test_scoring_and_the_json_write_no_row_note(campaign: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scoring formats no note at all; the JSON writes only the notes that cite no row
    (the rule's arithmetic), never one of a cited row."""

    def no_note() -> str:
        raise AssertionError("a note was written while scoring")

    bureau = bureaukit.load(DEMO)
    monkeypatch.setattr(phrases, "language", no_note)
    result = bureaukit.score(bureau, campaigns=[campaign])
    evidence = _evidence(result, campaign)
    rows = [e for e in evidence if e.cites_row]
    assert rows and not any(e.is_written for e in rows)  # each a Note, not yet written
    assert not any(e.is_written for e in evidence if not e.cites_row)
    monkeypatch.undo()
    text = result.to_json()
    for e in rows:
        assert e.note_in("zh") not in text
    for e in evidence:
        if not e.cites_row:
            assert e.note_in("zh") in text  # the arithmetic is stored, in the run's language


def test_the_json_stores_the_arithmetic_in_the_runs_language_whatever_the_locale(
        demo: tuple[Any, Result]) -> None:
    _, result = demo
    with speaking("en"):
        assert result.to_json() == result.to_json("zh")
    assert result.language == "zh"


def _note_lines(text: str, titles: set[str]) -> list[str]:
    """The notes of an explain text under the campaigns titled *titles*, without where
    they point (``file:row [record]``)."""
    out = []
    inside = False
    for line in text.splitlines():
        if line.startswith("["):
            inside = line.strip("[]") in titles
        _, arrow, rest = line.partition("← ")
        if arrow and inside:
            out.append(re.sub(r"^\S+:\d+ (\[[^\]]*\] )?", "", rest))
    return out


CODE = re.compile(r"dim\.|stage\.|_wan|_count|_rate\b")
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,})+\b")
RAW_RATE = re.compile(r"(?<![\d.])0\.\d{4}\b")


def test_the_demos_explain_reads_as_a_leader_reads_it(demo: tuple[Any, Result]) -> None:
    bureau, result = demo
    subjects = sorted({o.subject for o in (*result.scores, *result.payments, *result.findings)
                       if o.campaign in LAZY})
    titles = {result.campaign_title(c, "zh") for c in LAZY}
    checked = 0
    for subject in subjects:
        for note in _note_lines(explain_text(result, subject, bureau.config.scoring), titles):
            checked += 1
            assert not CODE.search(note), note
            assert not ENGLISH_RUN.search(note), note
            assert not RAW_RATE.search(note), note
    assert checked > 500


def _notes(result: Result, subject: str, campaign: str, what: str, lang: str) -> list[str]:
    """The notes of *subject*'s outcomes of *campaign* named *what* (a metric, a payment kind
    or a finding code), in *lang*."""
    return [e.note_in(lang) for o in (*result.scores, *result.payments, *result.findings)
            if o.subject == subject and o.campaign == campaign
            and what in (getattr(o, "metric", None), getattr(o, "kind", None), getattr(o, "code", None))
            for e in o.evidence]


HAND_WORKED = [
    # 区道路运输管理所 (ygs), from the demo's ledgers
    # 6,900 / 4,000 = 172.50 %, 2,500 / 1,500 = 166.67 %: both capped at 100 % → 100.00
    ("unit:ygs", "investment", "points",
     "得分 = 100 × 平均(min(100%, 完成 / 任务))：招商引资总额 6,900 / 4,000 万元 = 172.50%；"
     "固定资产投资 2,500 / 1,500 万元 = 166.67% → 100.00"),
    # news 10 / 10, info 4 / 20: 100 × (100 % + 20 %) / 2 = 60.00
    ("unit:ygs", "publicity", "points",
     "新闻完成率 min(100%, 10 / 10) = 100.00%；信息完成率 min(100%, 4 / 20) = 20.00%；得分 = 100 × 平均 = 60.00"),
    # ratings 89, 82, 92, 83, 93: 82 and 93 trimmed, (83 + 89 + 92) / 3 = 88; CX-01 on time, CX-02 late
    ("unit:ygs", "wubi", "dim.chuangxin", "比创新 = 0.6 × 评分均值 88.00 + 0.4 × 100 × 依据率 50.00% = 72.80"),
    ("unit:ygs", "wubi", "dim.chuangxin", "李卫东评分 82，作为最低分去掉"),
    # WJ-2013-09, 慢, verified against 唐亮 of ygs: 2 points off 100
    ("unit:ygs", "style", "points", "得分 = 100 − 2 = 98"),
    # XB-006…XB-014: seven done by their limit of nine due (XB-009 late, XB-011 open)
    ("unit:ygs", "conduct", "on_time_rate", "按时办结 7 / 应办结 9 件 = 77.78%"),
    ("unit:ygs", "conduct", "points", "得分 = (30 × 84 + 20 × 88 + 30 × 80 + 20 × 84) / 100 = 83.6"),
    # 40 + 8 of 50 satisfied or basically satisfied
    ("unit:ygs", "vanguard", "satisfaction.analyze", "满意 40、基本满意 8、不满意 2：(40 + 8) / 50 = 96.00%"),
    # 城北运管站 (ygs_n): one benchmark not measured (寻标 25 %); 0.6 × 82 + 0.4 × 25 = 59.20
    ("unit:ygs_n", "wubi", "dim.yeji", "比业绩 = 0.6 × 评分均值 82.00 + 0.4 × 100 × 依据率 25.00% = 59.20"),
    ("unit:ygs_n", "wubi", "points",
     "五比加权平均：(20 × 比境界 80.00 + 20 × 比业绩 59.20 + 20 × 比创新 84.00 + 20 × 比服务 90.20 + "
     "20 × 比作风 78.60) / 100 = 78.40"),
    # TS-09 received 2014-04-21, 15 days → due 2014-05-06, still open 254 days later
    ("unit:ygs_n", "style", "style.complaint", "2014-04-21 受理，至 2014-12-31 未办结，已 254 天，超过 15 天（时限 2014-05-06）"),
    ("unit:ygs_n", "conduct", "on_time_rate", "按时办结 3 / 应办结 4 件 = 75.00%"),
    # people, one per campaign
    # p05: the bureau reached 16,800 of 18,000: 3,000 × (1 − 16,800 / 18,000) = 200 kept
    ("person:p05", "investment", "deduction",
     "全局未完成区下达任务；个人引进项目 0 个（未完成任务）；招商引资总额 16,800 / 18,000 万元，差额比例 6.67%：扣除 "
     "3,000.00 元 × (1 − 16,800 / 18,000) = 200.00 元，退回 3,000.00 元 − 200.00 元 = 2,800.00 元"),
    # p23's first-half fees: 100 + 300 + 30 + 300 + 20 + 33.34 + 100
    ("person:p23", "publicity", "fee", "2014年上半年稿酬 7 条，合计 1,183.34 元"),
    ("person:p09", "wubi", "wubi.overdue", "重点工作 ZD-31：时限 2014-09-30，截至 2014-12-31 未完成，已逾期 92 天"),
    ("person:p10", "style", "deductions", "WJ-2014-05 2014-04-08 查实吴静“软”（个人自查）：扣 2 分"),
    ("person:p23", "conduct", "conduct.request_overdue", "时限 2014-08-14，2014-08-20 办结（超时）"),
    ("person:p33", "vanguard", "vanguard.measure_overdue", "完成时限 2014-09-30，2014-10-15 才完成"),
]


@pytest.mark.parametrize(("subject", "campaign", "what", "note"), HAND_WORKED)
def test_the_demos_notes_worked_by_hand(demo: tuple[Any, Result], subject: str, campaign: str, what: str,
                                        note: str) -> None:
    _, result = demo
    assert note in _notes(result, subject, campaign, what, "zh")


def test_the_same_notes_in_english(demo: tuple[Any, Result]) -> None:
    _, result = demo
    assert ("Compare innovation = 0.6 × rating average 88.00 + 0.4 × 100 × evidence rate 50.00% = 72.80"
            in _notes(result, "unit:ygs", "wubi", "dim.chuangxin", "en"))
    assert "李卫东 rated 82: dropped as the lowest" in _notes(result, "unit:ygs", "wubi", "dim.chuangxin", "en")
    assert "7 of 9 requests done on time = 77.78%" in _notes(result, "unit:ygs", "conduct", "on_time_rate", "en")
    assert ("first half of 2014: 7 fee(s), 1,183.34 yuan in all"
            in _notes(result, "person:p23", "publicity", "fee", "en"))
    assert ("WJ-2014-05 2014-04-08: “软” verified against 吴静 (self check): 2 point(s) deducted"
            in _notes(result, "person:p10", "style", "deductions", "en"))


def test_explain_follows_the_reports_order(demo: tuple[Any, Result]) -> None:
    """The composite's terms in the overview's campaign order (①–⑥), each campaign's scores
    as its matrix columns: 得分 first, then its catalogue's order (not by metric id, which
    put 固定资产投资 before 得分 and 招商引资总额)."""
    bureau, result = demo
    text = explain_text(result, "unit:ygs", bureau.config.scoring)
    composite = next(line for line in text.splitlines() if line.startswith("  = ("))
    order = [composite.index(result.campaign_title(c.name, "zh")) for c in result.campaigns]
    assert order == sorted(order)
    heads = [line.split(" = ")[0].strip() for line in text.splitlines()
             if line.startswith("  ") and not line.startswith(("   ", "  =", "  [")) and " = " in line]
    start = heads.index("招商引资总额") - 1
    assert heads[start:start + 3] == ["得分", "招商引资总额", "固定资产投资"]
    assert heads[heads.index("按时办结率") - 7:heads.index("按时办结率") + 1] == [
        "得分", "明察暗访", "第三方监督", "服务对象测评", "集中评议", "满意率", "问题销号", "按时办结率"]
