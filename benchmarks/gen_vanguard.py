"""vanguard (保持共产党员先进性教育活动) ledgers, from bureaukit_vanguard.records, with the
default phases (学习动员 01-01..02-28, 分析评议 03-01..04-30, 整改提高 05-01..06-30) placed in
the 2014 period, as a party office keeps them (design/campaigns/vanguard.md):

- every unit's 党支部 goes through the three phases: each step recorded once when done
  (a few late, a few missing, a few recorded twice), a 测评 before leaving 分析评议 and
  整改提高 (some below 80 % 满意 + 基本满意), a 转段 approval from the 督导组 after the last
  step (a few before it, a few never), and a 补课 row, usually with its 回头看, for each
  unit whose 测评 failed;
- 谈心 rows in 分析评议 and 整改措施 of 整改提高 fill the remaining rows (ledgers without
  a key per unit and phase): a unit's talks by its own people, its measures with a 责任人,
  a 完成时限, mostly 公示 and done, some written into a 制度.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "vanguard"
MODULE = "bureaukit_vanguard"
SETTINGS = ""
SHARES = {"steps": 0.0, "surveys": 0.0, "approvals": 0.0, "makeups": 0.0, "talks": 0.55, "measures": 0.45}
"""The kinds written; the per-phase ledgers (steps, surveys, approvals, makeups) have a
fixed number of rows per unit, and talks and measures share what is left by these weights."""

PHASES = [
    ("learn", "学习动员", date(2014, 1, 1), date(2014, 2, 28), ["动员大会", "集中学习", "先进事迹报告会"], False),
    ("analyze", "分析评议", date(2014, 3, 1), date(2014, 4, 30),
     ["征求意见", "谈心", "撰写党性分析材料", "专题组织生活会", "提出评议意见", "反馈评议意见", "通报评议情况", "回头看"], True),
    ("rectify", "整改提高", date(2014, 5, 1), date(2014, 6, 30), ["制定整改方案", "集中整改", "整改通报", "建立长效机制"], True),
]
PROBLEMS = ["理论学习不深入", "联系群众不紧密", "工作作风不扎实", "服务意识不强", "执行制度不严格"]
MEASURES = ["制定学习计划", "建立联系点制度", "开展作风整顿", "推行首问负责制", "完善考核办法"]
PARTNERS = ["班子成员", "分管科室负责人", "支部委员", "普通党员"]


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _phases_of(uid: str, rng: random.Random) -> tuple[list[list[object]], list[list[object]], list[list[object]],
                                                      list[list[object]]]:
    """One unit's steps, surveys, approvals and makeups rows, phase by phase."""
    steps: list[list[object]] = []
    surveys: list[list[object]] = []
    approvals: list[list[object]] = []
    makeups: list[list[object]] = []
    rr = rng.randrange
    for pid, title, start, end, names, survey in PHASES:
        last = start
        for name in names:
            if rr(50) == 0:
                continue  # a step never recorded (rule 1)
            done = _day(rng, start, end) if rr(25) else end + timedelta(days=rr(1, 20))  # a few late
            last = max(last, done)
            cell = title if rr(3) == 0 else pid  # clerks write the phase's id or its title
            steps.append([uid, cell, name, done])
            if rr(40) == 0:
                steps.append([uid, cell, name, done + timedelta(days=rr(1, 10))])  # written twice
        failed = False
        if survey:
            total = rr(20, 120)
            satisfied = rr(total // 2, total + 1)
            basic = rr(0, total - satisfied + 1)
            failed = (satisfied + basic) * 5 < total * 4
            on = _day(rng, min(end, max(start, last - timedelta(days=10))), end)  # near the phase's last step
            surveys.append([uid, pid, on, satisfied, basic,
                            total - satisfied - basic])
        if rr(30):  # a few never approved
            agreed = last + timedelta(days=rr(0, 6)) if rr(20) else last - timedelta(days=rr(1, 5))
            approvals.append([uid, pid, agreed, "督导组"])
        if failed:
            done_on = end + timedelta(days=rr(5, 45)) if rr(6) else None
            reviewed = done_on + timedelta(days=rr(3, 20)) if done_on and rr(4) else None
            makeups.append([uid, pid, "群众满意度未达到80%", done_on, reviewed])
    return steps, surveys, approvals, makeups


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    units = [u["单位编号"] for u in org.units if u["单位编号"] != "root"]
    steps: list[list[object]] = []
    surveys: list[list[object]] = []
    approvals: list[list[object]] = []
    makeups: list[list[object]] = []
    for uid in units:
        if len(steps) + len(surveys) + len(approvals) + len(makeups) >= n // 2:
            break  # a small run: half its rows at most go to the per-phase ledgers
        s, v, a, m = _phases_of(uid, rng)
        steps += s
        surveys += v
        approvals += a
        makeups += m
    rest = max(0, n - len(steps) - len(surveys) - len(approvals) - len(makeups))
    n_talks = int(rest * SHARES["talks"] / (SHARES["talks"] + SHARES["measures"]))
    ch, rr = rng.choice, rng.randrange
    _, _, a_start, a_end, _, _ = PHASES[1]
    talks = []
    for _ in range(n_talks):
        u = ch(units)
        staff = org.staff_of[u]
        talks.append([u, _day(rng, a_start, a_end), ch(staff) if staff and rr(5) else "", ch(PARTNERS)])
    _, _, r_start, r_end, _, _ = PHASES[2]
    measures = []
    for i in range(rest - n_talks):
        u = ch(units)
        staff = org.staff_of[u] or org.leaders[org.bureau_of[u]]
        deadline = _day(rng, r_end, date(2014, 12, 31))
        published = _day(rng, r_start, r_end) if rr(15) else None
        done = deadline - timedelta(days=rr(0, 30)) if rr(6) else None
        measures.append([f"ZG-{i + 1:07d}", u, ch(PROBLEMS), ch(MEASURES), ch(staff), deadline, published, done,
                         "《党员联系群众制度》" if rr(4) == 0 else ""])
    return {
        "steps": (["单位", "阶段", "环节", "完成日期"], steps),
        "surveys": (["单位", "阶段", "测评日期", "满意", "基本满意", "不满意"], surveys),
        "approvals": (["单位", "阶段", "同意日期", "审批人"], approvals),
        "makeups": (["单位", "阶段", "补课原因", "补课完成日期", "回头看日期"], makeups),
        "talks": (["单位", "谈心日期", "谈心人", "谈心对象"], talks),
        "measures": (["编号", "单位", "存在问题", "整改措施", "责任人", "完成时限", "公示日期", "完成日期", "建立制度"],
                     measures),
    }
