"""What the wubi campaign's metrics and finding codes mean (REPORTS §1): the five 比
(seed 003, 二、主要内容), each a 0–100 score."""

from __future__ import annotations

from bureaukit.org import UNIT_KINDS
from bureaukit.plugin import FindingKind, Metric, Say, Text
from bureaukit_wubi.settings import COMPARE, DIMENSIONS, ENGLISH

METRICS: dict[str, Metric] = {
    f"dim.{code}": Metric(COMPARE[code], f"Compare {ENGLISH[code]}", "score") for code in DIMENSIONS
}

FINDINGS: dict[str, FindingKind] = {
    "wubi.pacesetter": FindingKind("先锋", "Pacesetter"),
    "wubi.overdue": FindingKind("重点工作逾期", "Key task overdue"),
}

MESSAGES: dict[str, Say] = {
    "pacesetter": (
        "{dimension}，争当{vanguard}的先锋：{unit}在“{platform}”争创平台 {rated} 个参评单位中得分最高 {best}",
        "pacesetter in {dimension}, {vanguard}: {unit} has the highest score, {best}, of the {rated} units "
        "of the platform “{platform}”",
    ),
    "pacesetter_tied": (
        "{dimension}，争当{vanguard}的先锋：{unit}在“{platform}”争创平台 {rated} 个参评单位中得分最高 {best}，"
        "与其他 {others} 个单位并列",
        "pacesetter in {dimension}, {vanguard}: {unit} has the highest score, {best}, of the {rated} units "
        "of the platform “{platform}”, tied with {others} other unit(s)",
    ),
    "overdue": (
        "{unit}{ledger}“{item} {title}”时限 {due}，截至 {as_of} 仍未完成，已逾期 {days} 天",
        "{unit}: {ledger} item {item} “{title}” was due {due} and is still not done as of {as_of}, "
        "{days} day(s) overdue",
    ),
    "overdue_owned": (
        "{unit}{ledger}“{item} {title}”时限 {due}，截至 {as_of} 仍未完成，已逾期 {days} 天，责任人{person}",
        "{unit}: {ledger} item {item} “{title}” was due {due} and is still not done as of {as_of}, "
        "{days} day(s) overdue, responsible {person}",
    ),
}

VANGUARD_EN: dict[str, str] = {
    "jingjie": "the vanguard of emancipating the mind",
    "yeji": "the vanguard of scientific development",
    "chuangxin": "the vanguard of tackling hard problems",
    "fuwu": "the vanguard of staying close to the people",
    "zuofeng": "the vanguard of forceful execution",
}
"""争当…的先锋 in English (seed 003, 二、主要内容)."""


def platform(name: str, kinds: tuple[str, ...]) -> Text:
    """A 争创平台 as a leader reads it: the bureau's own name when it gave one in Chinese
    (``一线单位``), else the titles of its unit kinds (``二级机构、基层站所`` for ``line``)."""
    if not name.isascii():
        return Text(name, name)
    return Text("、".join(UNIT_KINDS.get(k, k) for k in kinds), name)
