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
