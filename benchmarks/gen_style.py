"""style (作风建设 / 机关效能"提高年") ledgers, from bureaukit_style.records, preset "tigao"
(its phases lie inside one calendar year, so the 2014 period is its window)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "style"
MODULE = "bureaukit_style"
SETTINGS = 'preset = "tigao"\n'
SHARES = {"activities": 0.45, "problems": 0.20, "complaints": 0.15, "meetings": 0.10, "steps": 0.10}

DAYS = [date(2014, 1, 1) + timedelta(days=i) for i in range(365)]
PROBLEMS = ["attitude", "outlook", "slow", "inaction", "misrule", "self_interest", "服务态度差"]
SOURCES = ["个人自查", "定期检查", "随机抽查", "事后检查", "公众督查"]
# (kind, needs a person) — site_visit is left out: it needs configured key projects
ACTIVITIES = [("专题调研", False), ("调研报告", True), ("能力提升培训班", False), ("到市接待中心接访", True),
              ("接访值班", True), ("研讨文章", True), ("个人自查", True), ("定期检查", False)]
PHASES = [("mobilize", date(2014, 3, 1), ["调整领导机构", "制定方案", "动员大会", "修订制度"]),
          ("implement", date(2014, 4, 1), ["学习教育", "查摆问题", "落实整改"]),
          ("assess", date(2014, 11, 21), ["总结自评", "迎接考核"])]


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    counts = {k: int(n * s) for k, s in SHARES.items()}
    counts["activities"] += n - sum(counts.values())
    units = org.reviewed
    ch, rr = rng.choice, rng.randrange
    out: dict[str, tuple[list[str], list[list[object]]]] = {}
    probs = []
    for i in range(counts["problems"]):
        u = ch(units)
        probs.append([f"WT-{i + 1:07d}", u, ch(DAYS), ch(PROBLEMS), ch(SOURCES),
                      ch(org.staff_of[u]) if rr(2) else "", "是" if rr(3) else "", ""])
    out["problems"] = (["编号", "单位", "日期", "问题类型", "来源", "人员", "查实", "备注"], probs)
    acts = []
    for i in range(counts["activities"]):
        u = ch(units)
        kind, needs = ch(ACTIVITIES)
        acts.append([f"HD-{i + 1:07d}", kind, u, ch(DAYS), ch(org.staff_of[u]) if needs or rr(2) else "",
                     "", rr(30, 240) if rr(3) == 0 else "", ""])
    out["activities"] = (["编号", "类型", "单位", "日期", "人员", "项目", "时长(分钟)", "备注"], acts)
    out["meetings"] = (["编号", "单位", "日期", "会议类型", "时长(分钟)"], [
        [f"HY-{i + 1:07d}", ch(units), ch(DAYS), "工作例会" if rr(3) else "其他", rr(30, 150)]
        for i in range(counts["meetings"])
    ])
    comps = []
    for i in range(counts["complaints"]):
        u = ch(units)
        d = rr(0, 350)
        handled = DAYS[min(364, d + rr(0, 25))] if rr(8) else None
        comps.append([f"TS-{i + 1:07d}", u, DAYS[d], handled, "已答复" if handled else "",
                      ch(org.staff_of[u]) if rr(10) == 0 else ""])
    out["complaints"] = (["编号", "单位", "受理日期", "办结日期", "处理结果", "查实对象"], comps)
    steps = []
    for _ in range(counts["steps"]):
        phase, start, names = ch(PHASES)
        steps.append([ch(units), phase, ch(names), start + timedelta(days=rr(0, 19))])
    out["steps"] = (["单位", "阶段", "环节", "完成日期"], steps)
    return out
