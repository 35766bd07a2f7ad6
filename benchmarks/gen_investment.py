"""investment (招商引资) ledgers, from bureaukit_investment.records."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "investment"
MODULE = "bureaukit_investment"
SETTINGS = ""
ALLOCATION = "{ total_wan = 40000, fixed_asset_wan = 15000, industrial_wan = 8000, big_projects = 2 }"
"""What each allocated unit of the generated 任务分解表 is asked for (the same for all)."""


def settings(org: Org) -> str:
    """The 任务分解表 of the shapes that have one: a target per allocated unit."""
    return "\n".join(f"allocation.{u} = {ALLOCATION}" for u in org.allocated)
SHARES = {"projects": 0.25, "progress": 0.50, "trips": 0.17, "promotions": 0.05, "deposits": 0.03}

DAYS = [date(2014, 1, 1) + timedelta(days=i) for i in range(365)]
MONTH_ENDS = [date(2014, m + 1, 1) - timedelta(days=1) for m in range(1, 12)] + [date(2014, 12, 31)]
CATEGORIES = ["工业", "高新技术", "农业产业化", "旅游开发", "基础设施", "商贸和现代服务业", "industrial", "房地产商业"]
PLACES = ["上海", "深圳", "杭州", "苏州", "广州", "北京", "温州", "厦门"]


OFFICE_KINDS = ("office", "finance", "personnel", "projects")


def pays_deposit(org: Org, person: dict[str, str]) -> bool:
    """Who pays 风险金 under the default deposit roles (五(一)): 局班子成员 and 二级机构主要负责人
    (mandatory), 局机关 staff and 科室 heads and 二级机构 deputies (voluntary); never a 站所's."""
    roles = set(person["角色"].split(";"))
    kind = org.kind_of[person["所在单位"]]
    return bool(
        "team_member" in roles
        or ("unit_head" in roles and kind in ("institution", *OFFICE_KINDS))
        or ("staff" in roles and kind in ("bureau", *OFFICE_KINDS))
        or ("unit_team" in roles and kind == "institution")
    )


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    counts = {k: int(n * s) for k, s in SHARES.items()}
    payers = [p["人员编号"] for p in org.people if pays_deposit(org, p)]
    rng.shuffle(payers)
    counts["deposits"] = min(counts["deposits"], len(payers))  # one deposit per person
    counts["progress"] += n - sum(counts.values())
    counts["progress"] = min(counts["progress"], 12 * max(counts["projects"], 1))
    counts["trips"] += n - sum(counts.values())
    units = org.reviewed
    ch, rr = rng.choice, rng.randrange
    projects = []
    for i in range(counts["projects"]):
        u = ch(units)
        people = org.staff_of[u] + org.leaders[org.bureau_of[u]][1:]
        planned = rr(500, 20000)
        intro = [ch(people)]
        if planned >= 2000 and rr(3) == 0:
            other = ch(people)
            if other != intro[0]:
                intro.append(other)
        signed = date(2013, 6, 1) + timedelta(days=rr(0, 570))
        projects.append([f"XM-{i + 1:07d}", f"招商项目{i + 1}", ch(CATEGORIES), u, ";".join(intro), signed,
                         planned + rr(0, 5000), planned, "" if rr(10) else "省级", "是" if rr(2) else "",
                         "是" if rr(3) else "", signed + timedelta(days=rr(10, 90)) if rr(2) else None])
    out: dict[str, tuple[list[str], list[list[object]]]] = {}
    out["projects"] = (["项目编号", "项目名称", "项目类别", "引进单位", "引进人", "签约日期", "合同投资额",
                        "计划固定资产投资", "认定证书", "城市规划区内", "本区注册", "注册日期"], projects)
    np = max(len(projects), 1)
    # (project, date) is the key: row k reports project k mod P at month end k div P
    out["progress"] = (["项目编号", "填报日期", "本年完成固定资产投资", "本年实际纳税", "对中小企业贷款"], [
        [projects[k % np][0], MONTH_ENDS[k // np], rr(0, 3000), rr(0, 100) if rr(3) == 0 else "", ""]
        for k in range(counts["progress"])
    ])
    out["deposits"] = (["缴纳人", "金额", "缴纳日期"], [
        [pid, ch((2000, 3000)), DAYS[rr(60, 160)]] for pid in payers[: counts["deposits"]]
    ])
    trips = []
    for i in range(counts["trips"]):
        u = ch(units)
        trips.append([f"WC-{i + 1:07d}", u, org.staff_of[u][0], ch(DAYS), ch(PLACES), "外出招商" if rr(4) else "驻点招商"])
    out["trips"] = (["编号", "单位", "带队人", "日期", "目的地", "方式"], trips)
    out["promotions"] = (["编号", "举办单位", "日期", "活动名称"], [
        [f"TJ-{i + 1:07d}", ch(units), ch(DAYS), "招商推介会"] for i in range(counts["promotions"])
    ])
    return out
