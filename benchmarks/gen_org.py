"""The synthetic organisation: one bureau, or a province of K county bureaus under one root.

Each bureau has the 局机关 offices (including the 三个不直接分管 finance/personnel/projects
offices), four 二级机构 and their 基层站所, and people in the standard roles (CORE §2).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

OFFICES = [
    ("office", "局办公室", "office"),
    ("invest", "招商办", "office"),
    ("law", "政策法规科", "office"),
    ("safety", "安全监督科", "office"),
    ("finance", "计划财务科", "finance"),
    ("personnel", "人事教育科", "personnel"),
    ("projects", "重点工程项目办", "projects"),
]
INSTITUTIONS = [
    ("ygs", "道路运输管理所", ["城北运管站", "城南运管站", "城东运管站"]),
    ("gls", "公路管理段", ["第一公路养护站", "第二公路养护站", "超限检测站"]),
    ("zjz", "交通工程质量监督站", []),
    ("hgs", "港航管理所", ["港航一站", "港航二站"]),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红海波鹏宇浩凯辉斌飞林峰亮晨雪婷琳颖欣佳慧雯璐洁晖宁"
COUNTIES = "江夏黄陂新洲蔡甸汉南东西洪山青山硚口汉阳武昌江岸江汉阳新大冶通山崇阳通城嘉鱼赤壁咸安团风红安罗田英山浠水蕲春武穴黄梅麻城"


@dataclass
class Org:
    units: list[dict[str, str]] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    kind_of: dict[str, str] = field(default_factory=dict)
    bureau_of: dict[str, str] = field(default_factory=dict)
    """unit id → the id of its county bureau"""
    staff_of: dict[str, list[str]] = field(default_factory=dict)
    """unit id → people in it"""
    people_of_bureau: dict[str, list[str]] = field(default_factory=dict)
    reviewed: list[str] = field(default_factory=list)
    """units of kinds office/institution/station (the kinds campaigns rate)"""
    leaders: dict[str, list[str]] = field(default_factory=dict)
    """bureau id → its 局班子 (main leader first)"""
    roles: dict[str, list[str]] = field(default_factory=dict)
    """role → people having it"""
    allocated: list[str] = field(default_factory=list)
    """units that hold an investment allocation (任务分解表), in the order written"""


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def build(rng: random.Random, bureaus: int, *, staff: int = 0, depth: int = 0) -> Org:
    """*bureaus* county bureaus (one bureau alone when 1 and *depth* is 0). *staff* > 0 gives
    every unit that many staff (the many-people shape) instead of 2–3. *depth* > 0 hangs the
    county bureaus under a chain of that many 市/片区 levels below the root (a deep tree):
    bureau k sits under level k mod depth + 1."""
    org = Org()

    def unit(uid: str, name: str, kind: str, parent: str, bureau: str) -> None:
        org.units.append({"单位编号": uid, "单位名称": name, "单位类型": kind, "上级单位": parent})
        org.kind_of[uid] = kind
        org.bureau_of[uid] = bureau
        org.staff_of[uid] = []
        if kind in ("office", "institution", "station"):
            org.reviewed.append(uid)

    def person(pid: str, uid: str, roles: list[str], oversees: list[str] = (), start: str = "", end: str = "") -> None:
        org.people.append({
            "人员编号": pid, "姓名": _name(rng), "所在单位": uid, "角色": ";".join(roles),
            "分管单位": ";".join(oversees), "到岗日期": start, "离岗日期": end,
        })
        org.staff_of[uid].append(pid)
        org.people_of_bureau.setdefault(org.bureau_of[uid], []).append(pid)
        for r in roles:
            org.roles.setdefault(r, []).append(pid)

    province = bureaus > 1 or depth > 0
    root = "root"
    levels: list[str] = []
    if province:
        unit(root, "省交通运输厅", "bureau", "", root)
        person("root_p01", root, ["main_leader"])
        for d in range(1, depth + 1):
            lid = f"d{d:02d}"
            unit(lid, f"第{d}级片区交通运输局", "bureau", levels[-1] if levels else root, lid)
            person(f"{lid}_p01", lid, ["main_leader"])
            levels.append(lid)
    for b in range(1, bureaus + 1):
        bid = f"b{b:03d}" if province else "bureau"
        pre = f"{bid}_" if province else ""
        county = COUNTIES[(b - 1) * 2 % len(COUNTIES): (b - 1) * 2 % len(COUNTIES) + 2] or "示例"
        parent = (levels[b % depth] if levels else root) if province else ""
        unit(bid, f"{county}{'' if b <= len(COUNTIES) // 2 else b}区交通运输局", "bureau", parent, bid)
        for code, name, kind in OFFICES:
            unit(pre + code, name, kind, bid, bid)
        for code, name, stations in INSTITUTIONS:
            unit(pre + code, county + name, "institution", bid, bid)
            for i, sname in enumerate(stations, 1):
                unit(f"{pre}{code}_{i}", sname, "station", pre + code, bid)
        # 局班子: 主要负责人 oversees neither finance, personnel nor projects (三个不直接分管);
        # the 纪委书记 oversees personnel.

        def p(n: int, pre: str = pre) -> str:
            return f"{pre}p{n:03d}"

        person(p(1), bid, ["main_leader"], [pre + "office", pre + "zjz"])
        person(p(2), bid, ["team_member", "publicity_lead"], [pre + "ygs", pre + "invest", pre + "law"])
        person(p(3), bid, ["team_member"], [pre + "gls", pre + "projects", pre + "safety"])
        person(p(4), bid, ["team_member"], [pre + "hgs", pre + "finance"])
        person(p(5), bid, ["discipline_secretary", "team_member"], [pre + "personnel"])
        org.leaders[bid] = [p(i) for i in range(1, 6)]
        n = 6
        for u in [x["单位编号"] for x in org.units if org.bureau_of[x["单位编号"]] == bid and x["单位编号"] != bid]:
            kind = org.kind_of[u]
            person(p(n), u, ["unit_head"])
            n += 1
            if kind == "institution":
                person(p(n), u, ["unit_team"])
                n += 1
            for s in range(staff or (3 if kind == "institution" else 2)):
                roles = ["staff"]
                if s == 0 and kind in ("office", "institution"):
                    roles.append("publicity_officer")
                if s == 1 and kind == "institution":
                    roles += ["publicity_reviewer", "commenter"]
                person(p(n), u, roles, start="2014-03-01" if (n % 29 == 0) else "",
                       end="2014-09-30" if (n % 31 == 0) else "")
                n += 1
    return org
