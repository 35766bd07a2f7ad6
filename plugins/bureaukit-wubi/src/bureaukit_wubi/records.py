"""The ledgers of "五比五争": ratings, benchmarks (对标) and the item ledgers seed 003 names
(创新项目台帐, 公开承诺事项台账, 领导点评整改, 重点工作 周调度、月检查、季通报)."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col


class Dimension(enum.Enum):
    """The five comparisons; a cell holds the code or the Chinese word."""

    jingjie = "境界"
    yeji = "业绩"
    chuangxin = "创新"
    fuwu = "服务"
    zuofeng = "作风"


@attrs.frozen
class Rating:
    """评分: one evaluator's score (0–100) of a unit on one of the five 比 — the comparison
    “比学赶超” the seed asks for; the ratings themselves are the bureau's means of it."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "评分", "en": "Ratings"},
        key=("evaluator", "unit", "dimension"),
        dated="date",
        key_scope="run",
    )
    evaluator: str = attrs.field(metadata=col("评分人", ref="person"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    dimension: Dimension = attrs.field(metadata=col("维度", aliases=("比",)))
    score: Decimal = attrs.field(metadata=col("评分", aliases=("分数",)))
    date: date = attrs.field(metadata=col("评分日期", aliases=("日期",)))


@attrs.frozen
class Benchmark:
    """对标: “提出服务科学发展的赶超目标，全力做好‘寻标、对标、达标、夺标’四篇文章” (二(二)二).

    寻标: the benchmark 标杆值 chosen from an advanced region or unit (“将思维的触角、努力的方向
    和工作的标杆，牢牢地盯住先进地区”, 二(一)二); 对标: the actual measured; 达标: the actual
    reaches the target 目标值; 夺标: it reaches the benchmark.
    """

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "对标", "en": "Benchmarks"}, key=("unit", "indicator"), dated="date", key_scope="run"
    )
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    indicator: str = attrs.field(metadata=col("指标"))
    benchmark: Decimal = attrs.field(metadata=col("标杆值", signed=True))
    target: Decimal = attrs.field(metadata=col("目标值", signed=True))
    date: date = attrs.field(metadata=col("日期"))
    actual: Decimal | None = attrs.field(default=None, metadata=col("实际值", signed=True))
    higher_is_better: bool = attrs.field(default=True, metadata=col("越高越好"))


@attrs.frozen
class Innovation:
    """创新项目台帐: “对创新项目建立台帐，落实责任，明确时限，攻坚克难” (二(三)三)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "创新项目台帐", "en": "Innovations"}, key=("id",), completed=("done",))
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    title: str = attrs.field(metadata=col("项目名称", aliases=("名称",)))
    owner: str = attrs.field(metadata=col("责任人", ref="person"))
    deadline: date = attrs.field(metadata=col("完成时限", aliases=("时限",)))
    done: date | None = attrs.field(default=None, metadata=col("完成日期"))


@attrs.frozen
class Commitment:
    """公开承诺: “抓好公开承诺事项 … 的落实，建立各类公开承诺和落实情况台账，确保各项承诺事项
    落到实处” (二(四)一); 承诺人: “着力提升对标践诺水平” (二(二)三)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "公开承诺", "en": "Commitments"}, key=("id",), completed=("kept",))
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    content: str = attrs.field(metadata=col("承诺内容", aliases=("内容",)))
    due: date = attrs.field(metadata=col("承诺时限", aliases=("时限",)))
    kept: date | None = attrs.field(default=None, metadata=col("兑现日期"))
    person: str | None = attrs.field(default=None, metadata=col("承诺人", ref="person"))


@attrs.frozen
class Task:
    """重点工作: “对重要工作和重点项目，实行周调度、月检查、季通报” (二(五)三); 责任人:
    “实行定人员、定责任、定时限、定奖惩” (二(五)一)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "重点工作", "en": "Key tasks"}, key=("id",), completed=("done",))
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    title: str = attrs.field(metadata=col("工作内容", aliases=("名称",)))
    due: date = attrs.field(metadata=col("完成时限", aliases=("时限",)))
    done: date | None = attrs.field(default=None, metadata=col("完成日期"))
    person: str | None = attrs.field(default=None, metadata=col("责任人", ref="person"))


@attrs.frozen
class Rectification:
    """领导点评整改: “抓好公开承诺事项、领导点评整改措施的落实” (二(四)一)."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "领导点评整改", "en": "Rectifications"}, key=("id",), completed=("done",))
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    measure: str = attrs.field(metadata=col("整改措施"))
    due: date = attrs.field(metadata=col("整改时限", aliases=("时限",)))
    done: date | None = attrs.field(default=None, metadata=col("完成日期"))
    person: str | None = attrs.field(default=None, metadata=col("责任人", ref="person"))


Item = Innovation | Commitment | Task | Rectification
"""An item: due on its ``deadline``/``due``, completed on its ``done``/``kept``."""


def due_of(item: Item) -> date:
    return item.deadline if isinstance(item, Innovation) else item.due


def completed_on(item: Item) -> date | None:
    return item.kept if isinstance(item, Commitment) else item.done


def responsible(item: Item) -> str | None:
    return item.owner if isinstance(item, Innovation) else item.person


def item_title(item: Item) -> str:
    if isinstance(item, Commitment):
        return item.content
    if isinstance(item, Rectification):
        return item.measure
    return item.title


RECORDS: dict[str, type] = {
    "ratings": Rating,
    "benchmarks": Benchmark,
    "innovations": Innovation,
    "commitments": Commitment,
    "tasks": Task,
    "rectifications": Rectification,
}
ITEM_KINDS: dict[str, str] = {
    "innovations": "创新项目台帐",
    "commitments": "公开承诺",
    "tasks": "重点工作",
    "rectifications": "领导点评整改",
}
