"""What the wubi campaign's metrics and finding codes mean (REPORTS §1): the five 比
(seed 003, 二、主要内容), each a 0–100 score."""

from __future__ import annotations

from bureaukit.plugin import UNIT_KINDS, FindingKind, Metric, Say, Text
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


# --- evidence notes (written on demand, in the report's language: bureaukit_wubi.notes) ---

NOTES: dict[str, Say] = {
    # rule 1: each rating, kept or trimmed, and the average of those kept
    "rating_kept": ("{person}评分 {score}，计入", "{person} rated {score}: counted"),
    "rating_low": ("{person}评分 {score}，作为最低分去掉", "{person} rated {score}: dropped as the lowest"),
    "rating_high": ("{person}评分 {score}，作为最高分去掉", "{person} rated {score}: dropped as the highest"),
    "average": ("{dimension}评分均值：({terms}) / {count} = {average}",
                "{dimension} rating average: ({terms}) / {count} = {average}"),
    # rule 2: the objective evidence and each record it counted
    "item_rate": ("{dimension}依据率：按时完成 {good} 项 / 到期 {due} 项 = {rate}",
                  "{dimension} evidence rate: {good} of {due} items due done on time = {rate}"),
    "benchmark_rate": ("{dimension}依据率：对标得分 ({terms}) / {count} 项 = {rate}",
                       "{dimension} evidence rate: benchmark stages ({terms}) / {count} = {rate}"),
    "item_on_time": ("“{title}”时限 {due}，{done} 按时完成", "“{title}” due {due}, done on time on {done}"),
    "item_late": ("“{title}”时限 {due}，{done} 逾期完成", "“{title}” due {due}, done late on {done}"),
    "item_open": ("“{title}”时限 {due}，未完成", "“{title}” due {due}, not done"),
    "stage_won": ("{indicator}（{better}）：实际 {actual} {reach} 标杆 {benchmark}，夺标，计 {value}",
                  "{indicator} ({better}): actual {actual} {reach} benchmark {benchmark}: won, counts {value}"),
    "stage_met": ("{indicator}（{better}）：实际 {actual} {miss} 标杆 {benchmark}，{reach} 目标 {target}，达标，计 {value}",
                  "{indicator} ({better}): actual {actual} {miss} benchmark {benchmark}, {reach} target {target}: "
                  "met, counts {value}"),
    "stage_compared": ("{indicator}（{better}）：实际 {actual} {miss} 目标 {target}，对标，计 {value}",
                       "{indicator} ({better}): actual {actual} {miss} target {target}: compared, counts {value}"),
    "stage_found": ("{indicator}（{better}）：实际值未填（标杆 {benchmark}，目标 {target}），寻标，计 {value}",
                    "{indicator} ({better}): not measured (benchmark {benchmark}, target {target}): "
                    "found, counts {value}"),
    # rule 3: the dimension's score
    "blend": ("{dimension} = {w_ratings} × 评分均值 {average} + {w_evidence} × 100 × 依据率 {rate} = {value}",
              "{dimension} = {w_ratings} × rating average {average} + {w_evidence} × 100 × evidence rate {rate} "
              "= {value}"),
    "rated_only": ("{dimension} = 评分均值 {average}（无客观依据）",
                   "{dimension} = rating average {average} (no objective evidence)"),
    "evidence_only": ("{dimension} = 100 × 依据率 {rate} = {value}（无评分）",
                      "{dimension} = 100 × evidence rate {rate} = {value} (no ratings)"),
    # rule 4: the points, and rule 5: the board a pacesetter leads
    "points": ("五比加权平均：({terms}) / {total} = {value}", "weighted mean of the five: ({terms}) / {total} = {value}"),
    "points_term": ("{weight} × {dimension} {score}", "{weight} × {dimension} {score}"),
    "board": ("“{platform}”争创平台{dimension}得分：{board}", "{dimension} on the platform “{platform}”: {board}"),
    "board_entry": ("{unit} {score}", "{unit} {score}"),
    # rule 6: an open item past its limit
    "overdue": ("{ledger} {item}：时限 {due}，截至 {as_of} 未完成，已逾期 {days} 天",
                "{ledger} {item}: due {due}, not done as of {as_of}, {days} day(s) overdue"),
}

BETTER: dict[bool, Text] = {True: Text("越高越好", "higher is better"), False: Text("越低越好", "lower is better")}

LEDGERS_EN: dict[str, str] = {
    "innovations": "Innovation ledger",
    "commitments": "Public commitment",
    "tasks": "Key task",
    "rectifications": "Rectification",
}
"""The item ledgers' names in English (``ITEM_KINDS`` holds the Chinese)."""
