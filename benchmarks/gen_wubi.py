"""wubi (“五比五争”) ledgers, from bureaukit_wubi.records."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "wubi"
MODULE = "bureaukit_wubi"
SETTINGS = 'pacesetter_groups = { line = ["institution", "station"], office = ["office"] }\n'
SHARES = {"ratings": 0.40, "benchmarks": 0.10, "innovations": 0.10, "commitments": 0.15,
          "tasks": 0.15, "rectifications": 0.10}

DAYS = [date(2014, 1, 1) + timedelta(days=i) for i in range(365)]
DIMS = ["境界", "业绩", "创新", "服务", "作风", "jingjie", "yeji"]
DIM_CODES = ["jingjie", "yeji", "chuangxin", "fuwu", "zuofeng"]


def _item(org: Org, rng: random.Random, prefix: str, i: int, text: str, units: list[str]) -> list[object]:
    u = rng.choice(units)
    due = rng.randrange(0, 365)
    done = due + rng.randrange(-30, 20) if rng.randrange(5) else None
    return [f"{prefix}-{i + 1:07d}", u, text, DAYS[due],
            DAYS[max(0, min(done, 364))] if done is not None else None, rng.choice(org.staff_of[u])]


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    counts = {k: int(n * s) for k, s in SHARES.items()}
    counts["tasks"] += n - sum(counts.values())
    units = org.reviewed  # wubi rates only office/institution/station units
    out: dict[str, tuple[list[str], list[list[object]]]] = {}
    # ratings are unique per (evaluator, unit, dimension) in a run: walk that space with a
    # stride coprime to its size, so rows are spread out but never repeat
    by_bureau: dict[str, list[str]] = {}
    for u in units:
        by_bureau.setdefault(org.bureau_of[u], []).append(u)
    space = [(ev, u) for b, us in sorted(by_bureau.items()) for u in us for ev in org.leaders[b]]
    space += [(ev, u) for b, us in sorted(by_bureau.items()) for u in us
              for ev in org.people_of_bureau[b][5:25]]
    total = len(space) * 5
    n_ratings = min(counts["ratings"], total)
    counts["tasks"] += counts["ratings"] - n_ratings
    stride = 7919 if total % 7919 else 7907
    ratings = []
    for i in range(n_ratings):
        j = (i * stride) % total
        ev, u = space[j // 5]
        ratings.append([ev, u, DIM_CODES[j % 5] if rng.randrange(2) else DIMS[j % 5], rng.randrange(60, 101), rng.choice(DAYS)])
    out["ratings"] = (["评分人", "单位", "维度", "评分", "评分日期"], ratings)
    out["benchmarks"] = (["单位", "指标", "标杆值", "目标值", "日期", "实际值", "越高越好"], [
        [rng.choice(units), f"指标{i + 1:07d}", rng.randrange(80, 120), rng.randrange(60, 100), rng.choice(DAYS),
         rng.randrange(40, 130) if rng.randrange(4) else None, "" if rng.randrange(5) else "否"]
        for i in range(counts["benchmarks"])
    ])
    out["innovations"] = (["编号", "单位", "项目名称", "完成时限", "完成日期", "责任人"],
                          [_item(org, rng, "CX", i, "创新项目", units) for i in range(counts["innovations"])])
    out["commitments"] = (["编号", "单位", "承诺内容", "承诺时限", "兑现日期", "承诺人"],
                          [_item(org, rng, "CN", i, "公开承诺事项", units) for i in range(counts["commitments"])])
    out["tasks"] = (["编号", "单位", "工作内容", "完成时限", "完成日期", "责任人"],
                    [_item(org, rng, "GZ", i, "重点工作", units) for i in range(counts["tasks"])])
    out["rectifications"] = (["编号", "单位", "整改措施", "整改时限", "完成日期", "责任人"],
                             [_item(org, rng, "ZG", i, "领导点评整改措施", units) for i in range(counts["rectifications"])])
    return out
