"""conduct (政风行风评议 / 履职尽责督促检查) ledgers, from bureaukit_conduct.records."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "conduct"
MODULE = "bureaukit_conduct"
SETTINGS = ""  # the defaults reproduce the seeds
# share of this campaign's rows per kind
SHARES = {"surveys": 0.45, "requests": 0.25, "stage_scores": 0.15, "problems": 0.10, "accountability": 0.05}

DAYS = [date(2014, 1, 1) + timedelta(days=i) for i in range(365)]
STAGES = ["明察暗访", "第三方监督", "服务对象测评", "集中评议", "inspection", "collective"]
ANSWERS = ["满意"] * 7 + ["基本满意"] * 2 + ["不满意"]
AREAS = ["精准扶贫", "项目审批", "惠农补贴", "专项经费监管", "招投标管理", "道路运输市场秩序",
         "交通工程质量安全", "非法码头治理", "公路超限运输", "行政审批服务"]
SITUATIONS = ["窗口服务中刁难服务对象", "超限检测中乱罚款", "推诿扯皮、怠于履职", "行政复议答复超期", "公车私用"]
ACTIONS = ["诫勉谈话", "通报批评", "批评教育", "调离执法岗位", "责令检查"]


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    counts = {k: int(n * s) for k, s in SHARES.items()}
    counts["surveys"] += n - sum(counts.values())
    units = org.reviewed
    out: dict[str, tuple[list[str], list[list[object]]]] = {}
    ch, rr = rng.choice, rng.randrange
    out["stage_scores"] = (["单位", "阶段", "得分", "日期", "评分来源"], [
        [ch(units), ch(STAGES), rr(60, 101), ch(DAYS), ch(("市局明察暗访组", "两代表一委员", "", "问卷汇总"))]
        for _ in range(counts["stage_scores"])
    ])
    out["surveys"] = (["单位", "测评结果", "日期", "服务对象"], [
        [ch(units), ch(ANSWERS), ch(DAYS), ch(("张女士（运输业户）", "王先生（司乘人员）", "", "李女士"))]
        for _ in range(counts["surveys"])
    ])
    probs = []
    for i in range(counts["problems"]):
        u = ch(units)
        b = org.bureau_of[u]
        deadline = ch(DAYS)
        done = rr(3) > 0
        flags = ["是" if done or rr(2) else "" for _ in range(5)]
        closed = deadline - timedelta(days=rr(0, 20)) if done and rr(4) else None
        probs.append([f"ZG-{i + 1:07d}", u, ch(AREAS), "整改问题描述", ch(org.leaders[b]),
                      u if rr(2) else "", deadline, *flags, closed])
    out["problems"] = (["编号", "单位", "整治领域", "问题描述", "领衔领导", "责任部门", "整改时限",
                        "问题查清", "措施落实", "整改到位", "责任追究到位", "群众满意", "销号日期"], probs)
    reqs = []
    for i in range(counts["requests"]):
        u = ch(units)
        staff = org.staff_of[u]
        d = rr(0, 355)
        limit = d + rr(1, 10)
        done = d + rr(0, 14) if rr(10) else None
        reqs.append([f"XB-{i + 1:07d}", u, ch(staff), DAYS[d], DAYS[limit],
                     DAYS[min(done, 364)] if done is not None else None])
    out["requests"] = (["编号", "单位", "首办责任人", "受理日期", "办结时限", "办结日期"], reqs)
    people = [p["人员编号"] for p in org.people]
    out["accountability"] = (["编号", "被问责人", "问责日期", "问责情形", "处理结果", "情节严重"], [
        [f"WZ-{i + 1:07d}", ch(people), ch(DAYS), ch(SITUATIONS), ch(ACTIONS), "是" if rr(3) == 0 else ""]
        for i in range(counts["accountability"])
    ])
    return out
