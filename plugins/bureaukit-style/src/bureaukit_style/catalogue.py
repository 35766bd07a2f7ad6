"""What the style campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit.plugin import BureauSetting, FindingKind, Metric, Say, Text
from bureaukit_style.records import ActivityKind, Source

METRICS: dict[str, Metric] = {
    "deductions": Metric("扣分", "Points deducted", "amount", "分", better="lower"),
}

FINDINGS: dict[str, FindingKind] = {
    "style.problem": FindingKind("作风问题查实", "Conduct problem verified"),
    "style.complaint": FindingKind("投诉办理超时", "Complaint handled late"),
    "style.suspension": FindingKind("投诉查实停职", "Suspended after a verified complaint"),
    "style.meeting_overlong": FindingKind("例会超时", "Meeting overlong"),
    "style.meeting_missing": FindingKind("未开工作例会", "Meeting not held"),
    "style.quota": FindingKind("次数不足", "Quota not met"),
    "style.site_visit": FindingKind("领导到现场不足", "Too few site visits"),
}

ACTIVITIES: dict[ActivityKind, Text] = {
    ActivityKind.research: Text("专题调研", "unit research"),
    ActivityKind.research_report: Text("调研报告", "research report"),
    ActivityKind.training: Text("能力提升培训班", "training course"),
    ActivityKind.reception: Text("到市接待中心接访", "reception at the city centre"),
    ActivityKind.duty: Text("接访值班", "reception duty"),
    ActivityKind.site_visit: Text("现场", "site visit"),
    ActivityKind.article: Text("研讨文章", "study article"),
    ActivityKind.self_check: Text("个人自查", "self check"),
    ActivityKind.inspection: Text("定期检查", "regular inspection"),
}
"""An activity's title in both languages (the enum's value is the Chinese one)."""

SOURCES: dict[Source, Text] = {
    Source.self: Text("个人自查", "self check"),
    Source.inspection: Text("定期检查", "regular inspection"),
    Source.random: Text("随机抽查", "random check"),
    Source.post: Text("事后检查", "follow-up check"),
    Source.public: Text("公众督查", "public supervision"),
}

MESSAGES: dict[str, Say] = {
    "quota": (
        "{activity} {bucket}：有 {have} 次，应不少于 {need} 次，扣 {points} 分",
        "{activity} {bucket}: {have} of {need} required, {points} point(s) deducted",
    ),
    "eight": (
        "{who}查实八不准“{problem}”（{record}，{day}，{source}）：扣 {points} 分",
        "{who}: verified breach of the eight prohibitions “{problem}” ({record}, {day}, {source}): "
        "{points} points deducted",
    ),
    "problem": (
        "{who}查实问题“{problem}”（{record}，{day}，{source}）：扣 {points} 分",
        "{who}: verified problem “{problem}” ({record}, {day}, {source}): {points} points deducted",
    ),
    "site_visit": (
        "重点项目 {project} {week}：{role}到现场 {count} 次，每周应不少于 {need} 次",
        "key project {project} week {week}: the {role} was on site {count} time(s), at least {need} a week required",
    ),
    "complaint": ("投诉 {record}：{how}，超过 {limit} 天时限", "complaint {record}: {how}, over the {limit}-day limit"),
    "complaint_resolved": (
        "{received} 受理，{handled} 办结，用时 {days} 天", "received {received}, resolved {handled} after {days} days",
    ),
    "complaint_open": (
        "{received} 受理，至 {as_of} {state}，已 {days} 天", "received {received}, unresolved {state}{days} days later at {as_of}",
    ),
    "meeting_overlong": (
        "工作例会 {meeting}（{day}）开了 {minutes} 分钟，超过 {limit} 分钟",
        "biweekly meeting {meeting} on {day} ran {minutes} minutes, over the {limit}-minute limit",
    ),
    "meeting_missing": (
        "{start}—{end} 两周内（{fortnight}）未开局工作例会",
        "no biweekly meeting of the bureau in the fortnight {fortnight} ({start}..{end})",
    ),
    "suspension": (
        "投诉 {record}（{received} 受理）查实针对{person}：一次性投诉查实停职",
        "complaint {record} (received {received}) verified against {person}: suspension under the "
        "one-verified-complaint rule",
    ),
}

BUREAU_SETTINGS: tuple[BureauSetting, ...] = (
    BureauSetting(
        "quotas", "[]",
        '[{ id = "reception", who = { role = "main_leader" }, activity = "reception", min = 2, per = "month" }]',
        "次数要求（调研、接访、值班、培训等；不写则用预设方案的全部要求）",
        "quotas (research, reception, duty, training; absent: the preset's)",
    ),
    BureauSetting(
        "phases", "[]",
        '[{ id = "mobilize", title = "动员部署", start = "05-01", end = "05-31", steps = ["工作方案"] }]',
        "活动阶段与环节（不写则用预设方案的阶段）", "phases and their steps (absent: the preset's)",
    ),
    BureauSetting("meeting_max_minutes", "0", "90", "局工作例会时长上限（分钟；0 为不检查）",
                  "longest biweekly meeting in minutes (0: not checked)"),
)
"""The bureau's own plan: init writes none of the preset's quotas, phases or meeting rule."""


# --- evidence notes (written on demand, in the report's language: bureaukit_style.notes) ---

PER: dict[str, Text] = {
    "workday": Text("每个工作日", "each workday"),
    "week": Text("每周", "each week"),
    "fortnight": Text("每两周", "each fortnight"),
    "month": Text("每月", "each month"),
    "quarter": Text("每季度", "each quarter"),
    "half": Text("每半年", "each half-year"),
    "year": Text("每年", "each year"),
    "window": Text("活动期间", "over the campaign"),
}

NOTES: dict[str, Say] = {
    # rule 1: a verified problem
    "problem": ("{record} {day} 查实{who}“{problem}”（{source}）：扣 {points} 分",
                "{record} {day}: “{problem}” verified against {who} ({source}): {points} point(s) deducted"),
    "eight": ("{record} {day} 查实{who}违反八不准“{problem}”（{source}）：扣 {points} 分",
              "{record} {day}: breach of the eight prohibitions “{problem}” verified against {who} ({source}): "
              "{points} point(s) deducted"),
    # rule 2: quotas
    "activity": ("{activity} {date}，计 1 次", "{activity} on {date}: counts once"),
    "duty_refused": ("{activity} {date} {person}：不计（{why}）", "{activity} on {date} by {person}: not counted ({why})"),
    "duty_rest_day": ("非工作日", "not a workday"),
    "duty_no_role": ("不是值班的班子成员", "not a 班子成员 who stands duty"),
    "duty_other_unit": ("不是本单位的班子成员", "not a 班子成员 of this unit"),
    "duty_out_of_post": ("当日不在岗", "not in post that day"),
    "quota": ("{activity}（{who}，{per}不少于 {need} 次）{start} 至 {end}：有 {have} 次，扣 {points} 分",
              "{activity} ({who}, at least {need} {per}) {start} to {end}: {have} held, {points} point(s) deducted"),
    "who_bureau": ("全局", "the bureau"),
    "who_people": ("每人", "each person"),
    "who_role_at": ("{kinds}的{role}", "{role} of {kinds}"),
    "who_units": ("{units}", "{units}"),
    # rule 3: meetings
    "meeting_long": ("时长 {minutes} 分钟，超过 {limit} 分钟", "ran {minutes} minutes, over {limit}"),
    "meeting_missing": ("会议台账中 {start} 至 {end} 无{unit}的工作例会", "no biweekly meeting of {unit} in the meeting ledger from {start} to {end}"),
    # rule 4: site visits
    "visit": ("重点项目 {project} {date} 到现场", "key project {project}: on site {date}"),
    "visits_short": ("重点项目 {project} {start} 至 {end}：{role}{person}到现场 {count} 次，少于每周 {need} 次",
                     "key project {project} {start} to {end}: {person} ({role}) on site {count} time(s), fewer than {need} a week"),
    # rule 5: complaints
    "complaint_late": ("{received} 受理，{handled} 办结，用时 {days} 天，超过 {limit} 天（时限 {due}）",
                       "received {received}, resolved {handled} after {days} days, over {limit} (due {due})"),
    "complaint_open": ("{received} 受理，至 {as_of} 未办结，已 {days} 天，超过 {limit} 天（时限 {due}）",
                       "received {received}, unresolved at {as_of} after {days} days, over {limit} (due {due})"),
    "complaint_no_result": ("{received} 受理，{handled} 办结但无处理结果，至 {as_of} 已 {days} 天，超过 {limit} 天（时限 {due}）",
                            "received {received}, closed {handled} without a result, {days} days at {as_of}, over "
                            "{limit} (due {due})"),
    "verified_against": ("查实对象：{person}", "verified against {person}"),
    # rule 7: points
    "points": ("得分 = {base}{terms} = {value}", "points = {base}{terms} = {value}"),
    "points_none": ("得分 = {base}（无扣分）", "points = {base} (nothing deducted)"),
    "points_floor": ("得分 = {base}{terms} = {value}，不低于 0，计 0", "points = {base}{terms} = {value}, not below 0: 0"),
    "deductions": ("扣分合计 {total} 分", "deductions in all {total}"),
}
