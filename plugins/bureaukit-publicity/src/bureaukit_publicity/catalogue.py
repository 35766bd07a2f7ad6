"""What the publicity campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit import FindingKind, Metric

METRICS: dict[str, Metric] = {
    "news": Metric("新闻采用", "News items adopted", "amount", "篇"),
    "info": Metric("信息采用", "Information items adopted", "amount", "篇"),
    "news_count": Metric("个人新闻采用", "News items adopted (person)", "amount", "篇"),
    "info_count": Metric("个人信息采用", "Information items adopted (person)", "amount", "篇"),
    "fees_yuan": Metric("稿酬", "Fees", "amount", "元"),
}

FINDINGS: dict[str, FindingKind] = {
    "publicity.reply_overdue": FindingKind("答复逾期", "Reply overdue"),
    "publicity.reply_unapproved": FindingKind("答复未经审核", "Reply not approved"),
    "publicity.staffing": FindingKind("宣传信息队伍不足", "Publicity staff short"),
}
