"""What the investment campaign's metrics and finding codes mean (REPORTS §1)."""

from __future__ import annotations

from bureaukit import FindingKind, Metric

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
