"""What the investment campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit.plugin import BureauSetting, FindingKind, Metric, Say

METRICS: dict[str, Metric] = {
    "total_wan": Metric("招商引资总额", "Total investment", "amount", "万元"),
    "fixed_asset_wan": Metric("固定资产投资", "Fixed-asset investment", "amount", "万元"),
    "industrial_wan": Metric("工业项目投资", "Industrial investment", "amount", "万元"),
    "big_projects": Metric("5000万元以上项目", "Projects ≥ 50 million yuan", "amount", "个"),
    "personal_project": Metric("个人引进项目", "Personal project brought in", "amount", "个"),
}

FINDINGS: dict[str, FindingKind] = {
    "investment.behind_schedule": FindingKind("低于序时进度", "Behind schedule"),
    "investment.leave_post": FindingKind("离岗招商", "Leave post to attract investment"),
    "investment.no_trip": FindingKind("无带队外出招商", "No investment trip led"),
    "investment.h1_big_signing": FindingKind("上半年大项目签约不足", "Too few big signings in H1"),
    "investment.no_promotion": FindingKind("招商推介活动不足", "Too few promotion events"),
    "investment.deposit_missing": FindingKind("风险金未缴", "Deposit not paid"),
    "investment.unconfirmed": FindingKind("项目未予确认", "Project not confirmed"),
}

MESSAGES: dict[str, Say] = {
    # rule 7: each lagging target as 「固定资产投资 6,850 / 7,000 万元（97.9%）」
    "behind_schedule": (
        "{unit}招商引资任务完成低于序时进度 {progress}（截至 {as_of}）：{lagging}",
        "{unit} is behind the time progress of {progress} at {as_of}: {lagging}",
    ),
    "lagging": ("{metric} {value} / {target}（{rate}）", "{metric} {value} / {target} ({rate})"),
    "leave_post": (
        "{unit}至 {day} {metric}完成 {then} / {target}（{rate_then}），未达 {min_rate}，"
        "至 {as_of} 仍未完成（{rate_now}）：主要领导离岗招商，直至完成任务（{who}）",
        "{unit}: {metric} {then} / {target} ({rate_then}) at {day}, below {min_rate}, and still "
        "{rate_now} at {as_of}: the head ({who}) must leave post to attract investment until the task is done",
    ),
    "no_trip": (
        "{unit}在 {bucket}（{start} 至 {end}）无主要负责人带队外出招商或驻点招商",
        "{unit} had no investment trip led by its unit head nor stationed staff in {bucket} ({start} to {end})",
    ),
    "no_trip_ignored": (
        "{unit}在 {bucket}（{start} 至 {end}）无主要负责人带队外出招商或驻点招商"
        "（{ignored} 非单位主要负责人带队或本单位人员驻点，不计）",
        "{unit} had no investment trip led by its unit head nor stationed staff in {bucket} ({start} to {end}) "
        "({ignored} not led by its unit head nor stationed by its own staff)",
    ),
    "h1_big_signing": (
        "{start} 至 {by} 新签约 {min_amount}以上项目 {count} 个，少于 {need} 个",
        "{count} new project(s) of {min_amount} or more signed {start} to {by}, fewer than {need}",
    ),
    "no_promotion": (
        "{start} 至 {by} 开展招商推介活动 {count} 次，少于 {need} 次",
        "{count} promotion event(s) held {start} to {by}, fewer than {need}",
    ),
    "deposit_missing": (
        "{person}未在 {due} 前缴纳招商引资风险金 {amount}",
        "{person} paid no investment risk deposit ({amount}) by {due}",
    ),
    "deposit_late": (
        "{person}未在 {due} 前缴纳招商引资风险金 {amount}（{paid} 才缴纳）",
        "{person} paid no investment risk deposit ({amount}) by {due} (paid only on {paid})",
    ),
    "unconfirmed": (
        "项目 {project}「{name}」未予确认，不计入任务：{reasons}",
        "project {project} ({name}) is not confirmed and counts nowhere: {reasons}",
    ),
}

BUREAU_SETTINGS: tuple[BureauSetting, ...] = (
    BureauSetting(
        "targets", "{}",
        "{ total_wan = 18000, fixed_asset_wan = 7000, industrial_wan = 5000, big_projects = 2 }",
        "全局招商引资目标任务（万元、个；上级下达）", "the bureau's investment targets",
    ),
    BureauSetting(
        "allocation", None, "{ ygs = { total_wan = 4000, fixed_asset_wan = 1500 } }",
        "各单位分解任务（单位编号 = 任务）", "each unit's share of the targets",
    ),
)
"""What only the bureau can give: init writes the targets empty (the campaign is not set up
and scores nothing until they are given) and the allocation as a commented example."""


# --- evidence notes (written on demand, in the report's language: bureaukit_investment.notes) ---

NOTES: dict[str, Say] = {
    # rule 2: 折算 of a confirmed project, and its lines under the other targets
    "fixed": ("本年完成固定资产投资 {amount}", "fixed-asset investment this year {amount}"),
    "tax": ("{category}：本年实际纳税 {amount} 万元 × {factor} = {value}",
            "{category}: tax paid this year {amount} × {factor} = {value}"),
    "loans": ("今年注册的合法融资机构：对中小企业贷款 {amount} 万元 × {factor} = {value}",
              "financing institution registered this year: loans to SMEs {amount} × {factor} = {value}"),
    "contract": ("合同投资额 {amount}", "contract total {amount}"),
    "industrial": ("{category}项目，合同投资额 {amount}", "{category} project, contract total {amount}"),
    "big": ("合同投资额 {amount} ≥ {least}，计 1 个", "contract total {amount} ≥ {least}: counts as one"),
    "unconfirmed": ("未予确认：{reasons}", "not confirmed: {reasons}"),
    "figures": ("{date} 填报进度：本年完成固定资产投资 {fixed}，本年实际纳税 {tax}，对中小企业贷款 {loans}",
                "progress reported {date}: fixed-asset investment this year {fixed}, tax paid {tax}, "
                "loans to SMEs {loans}"),
    # rules 3, 6 and 7: standings against the targets
    "verified": ("以区考核组验收认定为准：{metric} {verified}（台账合计 {ledger}）",
                 "as verified by the district assessment group: {metric} {verified} (ledgers {ledger})"),
    "ratio": ("{metric} {value} / {target} = {rate}", "{metric} {value} / {target} = {rate}"),
    "points": ("得分 = 100 × 平均(min(100%, 完成 / 任务))：{ratios} → {points}",
               "points = 100 × mean(min(100%, done / target)): {ratios} → {points}"),
    "behind": ("序时进度 {progress}；{ratios}", "time progress {progress}; {ratios}"),
    "leave_post": ("{day} {metric} {then} / {target} = {rate_then} < {min_rate}；{as_of} {now} / {target} = {rate_now} < 100%",
                   "{day} {metric} {then} / {target} = {rate_then} < {min_rate}; {as_of} {now} / {target} = "
                   "{rate_now} < 100%"),
    # rule 9: trips
    "not_counted": ("非单位主要负责人带队，也非本单位人员驻点，不计入",
                    "neither led by the unit head nor stationed by its own staff: not counted"),
    "no_trip": ("外出招商台账 {start} 至 {end} 无本单位记录", "no row of the unit in the trips ledger from {start} to {end}"),
    # rule 10: the first half's push
    "no_big": ("{start} 至 {by} 无合同投资额 ≥ {least} 的新签约项目", "no project of {least} or more signed from {start} to {by}"),
    "promotion": ("{day} 招商推介活动：{title}", "{day} promotion event: {title}"),
    "no_promotion": ("招商推介活动台账 {start} 至 {by} 无记录", "no promotion event recorded from {start} to {by}"),
    # rule 5: personal projects
    "personal": ("引进 {project}：合同投资额 {total} ≥ {least_total}，计划固定资产投资 {fixed} ≥ {least_fixed}",
                 "brought in {project}: contract total {total} ≥ {least_total}, planned fixed asset {fixed} ≥ {least_fixed}"),
    "personal_done": ("个人引进项目 {count} 个（任务 1 个）：完成，得分 100", "{count} personal project(s) of 1 required: done, points 100"),
    "personal_not": ("个人引进项目 {count} 个（任务 1 个）：未完成，得分 0", "{count} personal project(s) of 1 required: not done, points 0"),
    # rule 11: deposits
    "deposit_late": ("缴纳日期 {paid}，晚于 {due}", "paid {paid}, after {due}"),
    "bureau_done": ("全局完成区下达任务", "the bureau met the district's targets"),
    "bureau_not": ("全局未完成区下达任务", "the bureau missed the district's targets"),
    "why_personal": ("{bureau}；个人引进项目 {count} 个（{done}）", "{bureau}; {count} personal project(s) ({done})"),
    "why_unit": ("{bureau}；{unit}{done}", "{bureau}; {unit}: {done}"),
    "task_done": ("完成任务", "task done"),
    "task_not": ("未完成任务", "task not done"),
    "unit_done": ("完成局下达任务", "met the bureau's targets"),
    "unit_not": ("未完成局下达任务", "missed the bureau's targets"),
    "refund_reward": ("{why}：风险金 {amount} 退回并对等奖励", "{why}: deposit {amount} refunded with an equal reward"),
    "refund_only": ("{why}：风险金 {amount} 退回，不予奖励", "{why}: deposit {amount} refunded, no reward"),
    "deduct": ("{why}；{ratio}：扣除 {amount} × {expr} = {deduction}，退回 {amount} − {deduction} = {refund}",
               "{why}; {ratio}: deducted {amount} × {expr} = {deduction}, refunded {amount} − {deduction} = {refund}"),
    "shortfall": ("{metric} {value} / {target}，差额比例 {short}", "{metric} {value} / {target}, shortfall {short}"),
    "no_target": ("无{metric}任务，差额比例 0", "no {metric} target, shortfall 0"),
}

CATEGORIES_EN: dict[str, str] = {
    "industrial": "industrial", "high_tech": "high-tech", "agriculture": "agricultural industrialisation",
    "tourism": "tourism", "infrastructure": "infrastructure", "social": "social undertaking",
    "financing": "financing institution", "municipal": "municipal works", "real_estate": "commercial real estate",
    "commerce_service": "commerce and services", "headquarters": "headquarters economy",
    "tax_cooperation": "tax cooperation",
}
"""Project categories in English (the enum's value is the Chinese one)."""
