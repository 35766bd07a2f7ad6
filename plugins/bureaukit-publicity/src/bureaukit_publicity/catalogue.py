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


# --- evidence notes (written on demand, in the report's language: bureaukit_publicity.notes) ---

ARTICLE_KINDS: dict[str, Text] = {"news": Text("新闻", "news"), "info": Text("信息", "information")}
AWARDS: dict[str, Text] = {
    "news": Text("新闻宣传工作先进个人", "outstanding individual in news publicity"),
    "info": Text("政务信息工作先进个人", "outstanding individual in government information"),
}

NOTES: dict[str, Say] = {
    # rules 2 and 6: adoptions counted
    "adopted": ("{item}（{kind}）被{outlet}采用", "{kind} item {item} adopted by {outlet}"),
    "adopted_counts": ("{item}（{kind}）被{outlet}采用，计入评比", "{kind} item {item} adopted by {outlet}: counts for the award"),
    "person_count": ("计入评比的{kind} {count} 篇", "{count} {kind} item(s) counting for the award"),
    "unit_count": ("{unit}{kind}采用 {count} 篇 / 任务 {need} 篇", "{unit}: {count} {kind} item(s) adopted against a quota of {need}"),
    "points": ("{terms}；得分 = 100 × 平均 = {points}", "{terms}; points = 100 × mean = {points}"),
    "points_term": ("{kind}完成率 min(100%, {have} / {need}) = {rate}", "{kind} completion min(100%, {have} / {need}) = {rate}"),
    # rule 1: fees
    "fee": ("{item} {date} 被{outlet}采用：稿酬 {fee}", "{item} adopted by {outlet} on {date}: fee {fee}"),
    "fee_long": ("{item} {date} 被{outlet}采用：稿酬 {base} × {times}（长篇通讯 {chars} 字）= {fee}",
                 "{item} adopted by {outlet} on {date}: fee {base} × {times} (long report, {chars} characters) = {fee}"),
    "fee_split": ("{fee}，{count} 人分：{parts}", "{fee}, split among {count}: {parts}"),
    "share": ("{person} {amount}", "{person} {amount}"),
    "fee_total": ("稿酬合计 {total}（{count} 条采用）", "fees in all {total} ({count} adoptions)"),
    "fee_half": ("{half}稿酬 {count} 条，合计 {amount}", "{half}: {count} fee(s), {amount} in all"),
    # rule 3: awards
    "award": ("{award}第 {rank} 名（符合条件 {eligible} 人，名额 {places} 名）：计入评比的{kind} {count} 篇"
              "（≥ {minimum} 篇），稿酬 {fees}；奖励 {amount}",
              "{award}, rank {rank} ({eligible} eligible, {places} places): {count} {kind} item(s) counting "
              "(≥ {minimum}), fees {fees}; award {amount}"),
    "good_news": ("好消息单项奖 {item}：好消息推荐且有领导批示（{outlet} {date}）；{amount} ÷ {count} 人 → {parts}",
                  "good-news award {item}: recommended as good news with a leader's instruction ({outlet} {date}); "
                  "{amount} ÷ {count} → {parts}"),
    # rule 5: cases
    "case_late": ("{received} 收到 + {days} 天 = {due} 应答复，{replied} 才答复",
                  "received {received} + {days} days = due {due}, answered {replied}"),
    "case_open": ("{received} 收到 + {days} 天 = {due} 应答复，截至 {as_of} 未答复",
                  "received {received} + {days} days = due {due}, unanswered on {as_of}"),
    "case_approver": ("{replied} 答复，审核人：{approver}", "answered {replied}, approver: {approver}"),
    "no_one": ("无", "none"),
    # rule 4: staffing
    "staff": ("{role}：{names}（{have} / {need} 人）", "{role}: {names} ({have} of {need})"),
}
