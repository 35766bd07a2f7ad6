"""Record kinds (台账) of the publicity campaign: 采用记录 and 舆情 / 网评.

- 采用记录 backs 六(三) 稿酬制度 and 六(二) 评比办法 ("根据新闻稿件的刊登数和政务信息的采用数").
- 舆情 / 网评 backs 五 ("对涉及的咨询、建议和投诉类问题 … 经审核通过后方可对外答复").
"""

from __future__ import annotations

import enum
from datetime import date
from typing import ClassVar

import attrs

from bureaukit.plugin import Ledger, col


class ArticleKind(enum.Enum):
    """新闻稿件 (刊登) or 政务信息 (采用)."""

    news = "新闻"
    info = "信息"


class CaseKind(enum.Enum):
    """五: 负面报道 needs 舆论引导; 咨询、建议和投诉类问题 need an approved reply."""

    negative = "负面报道"
    consultation = "咨询"
    suggestion = "建议"
    complaint = "投诉"


@attrs.frozen
class Adoption:
    """One adoption of one item by one outlet (the same item in two outlets: two rows)."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "采用记录", "en": "Adoptions"}, key=("item", "outlet"), dated="date"
    )
    item: str = attrs.field(metadata=col("稿件编号", aliases=("编号",)))
    kind: ArticleKind = attrs.field(metadata=col("类型"))
    authors: tuple[str, ...] = attrs.field(metadata=col("作者", ref="person"))
    unit: str = attrs.field(metadata=col("报送单位", ref="unit"))
    outlet: str = attrs.field(metadata=col("采用单位"))
    """An outlet code or its Chinese name; resolved by :func:`outlets.resolve_outlet`."""
    date: date = attrs.field(metadata=col("采用日期"))
    title: str | None = attrs.field(default=None, metadata=col("标题"))
    chars: int | None = attrs.field(default=None, metadata=col("字数"))
    good_news: bool = attrs.field(default=False, metadata=col("好消息推荐"))
    leader_instruction: bool = attrs.field(default=False, metadata=col("领导批示"))


@attrs.frozen
class Case:
    """A 舆情 / 网评 case: a media report or a question from the public to answer."""

    __ledger__: ClassVar[Ledger] = Ledger(
        title={"zh": "舆情网评", "en": "Public-opinion cases"},
        key=("id",),
        dated="received",
        completed=("replied",),
        before_period=True,  # a case received before the period may fall due inside it (cases.py)
    )
    id: str = attrs.field(metadata=col("编号"))
    unit: str = attrs.field(metadata=col("单位", ref="unit"))
    kind: CaseKind = attrs.field(metadata=col("类型"))
    received: date = attrs.field(metadata=col("收到日期"))
    replied: date | None = attrs.field(default=None, metadata=col("答复日期"))
    approved_by: str | None = attrs.field(default=None, metadata=col("审核人", ref="person"))
