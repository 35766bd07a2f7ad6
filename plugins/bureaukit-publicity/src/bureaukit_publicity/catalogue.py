"""What the publicity campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit.plugin import BureauSetting, FindingKind, Metric, Say, Text
from bureaukit_publicity.records import CaseKind

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

CASE_KINDS: dict[CaseKind, Text] = {
    CaseKind.negative: Text("负面报道", "negative report"),
    CaseKind.consultation: Text("咨询", "consultation"),
    CaseKind.suggestion: Text("建议", "suggestion"),
    CaseKind.complaint: Text("投诉", "complaint"),
}

MESSAGES: dict[str, Say] = {
    "replied_late": (
        "{kind} {case}：{received} 收到，应于 {due} 前答复，{replied} 才答复，逾期 {late} 天",
        "{kind} {case} received {received} was due {due} but answered {replied}, {late} days late",
    ),
    "unanswered": (
        "{kind} {case}：{received} 收到，应于 {due} 前答复，截至 {as_of} 未答复，已逾期 {late} 天",
        "{kind} {case} received {received} was due {due} and is unanswered on {as_of}, {late} days late",
    ),
    "unapproved": (
        "{kind} {case} 于 {replied} 对外答复未经宣传信息领导组负责人审核：{why}",
        "{kind} {case} was answered on {replied} without approval by the publicity lead: {why}",
    ),
    "no_approver": ("无审核人", "no approver recorded"),
    "not_lead": ("审核人{approver}不是宣传信息领导组负责人", "the approver {approver} is not a publicity lead"),
    "not_in_post": ("审核人{approver}于 {replied} 不在岗", "the approver {approver} was not in post on {replied}"),
    "staffing": (
        "{unit}宣传信息队伍不足（{as_of} 在岗）：{missing}",
        "{unit} lacks publicity staff in post on {as_of}: {missing}",
    ),
    "staff_short": ("{role} {have} / {need} 人", "{role} {have} of {need}"),
}

BUREAU_SETTINGS: tuple[BureauSetting, ...] = (
    BureauSetting("quotas", None, "{ office = { info = 25 }, ygs = { news = 10, info = 20 } }",
                  "各单位采用任务（任务分解附表：新闻、信息篇数）", "each unit's adoption quota (news, info)"),
)
