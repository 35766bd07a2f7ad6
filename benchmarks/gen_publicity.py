"""publicity (宣传信息) ledgers, from bureaukit_publicity.records."""

from __future__ import annotations

import random
from datetime import date, timedelta

from gen_org import Org

NAME = "publicity"
MODULE = "bureaukit_publicity"
SHARES = {"adoptions": 0.85, "cases": 0.15}

DAYS = [date(2014, 1, 1) + timedelta(days=i) for i in range(365)]
INFO = ["bureau_site", "district_gov", "city_transport_site", "city_site", "city_gov", "province_transport",
        "本局交通政务网", "市交通政务网"]
NEWS = ["district_media", "city_daily", "city_media", "province_daily", "区级媒体(日报专刊等)", "市日报"]
CASES = ["负面报道", "咨询", "建议", "投诉", "complaint"]


def settings(org: Org) -> str:
    """六(一) 任务分解: a quota per office and 二级机构."""
    lines = ["[campaigns.publicity.quotas]"]
    for u in org.reviewed:
        if org.kind_of[u] in ("office", "institution"):
            lines.append(f"{u} = {{ news = {2 if org.kind_of[u] == 'institution' else 1}, info = 6 }}")
    return "\n".join(lines) + "\n"


def rows(org: Org, rng: random.Random, n: int) -> dict[str, tuple[list[str], list[list[object]]]]:
    n_cases = int(n * SHARES["cases"])
    n_adopt = n - n_cases
    units = [u for u in org.reviewed if org.kind_of[u] in ("office", "institution")]
    ch, rr = rng.choice, rng.randrange
    adoptions = []
    item = 0
    while len(adoptions) < n_adopt:
        item += 1
        u = ch(units)
        news = rr(3) == 0
        authors = org.staff_of[u][:2] if rr(4) == 0 else [ch(org.staff_of[u])]
        d = rr(0, 365)
        # one item adopted by one to three distinct outlets: (item, outlet) is the key
        outlets = (NEWS[:4] if news else INFO[:6])[:]
        rng.shuffle(outlets)
        for o in outlets[: 1 + rr(3)]:
            if len(adoptions) == n_adopt:
                break
            adoptions.append([f"GJ-{item:07d}", "新闻" if news else "信息", ";".join(authors), u, o,
                              DAYS[min(364, d + rr(0, 5))], "交通运输工作动态", rr(300, 3000) if rr(2) else "",
                              "是" if rr(50) == 0 else "", "是" if rr(80) == 0 else ""])
    cases = []
    for i in range(n_cases):
        u = ch(units)
        d = rr(0, 360)
        replied = DAYS[min(364, d + rr(0, 10))] if rr(6) else None
        cases.append([f"YQ-{i + 1:07d}", u, ch(CASES), DAYS[d], replied, ch(org.staff_of[u]) if replied else ""])
    return {
        "adoptions": (["稿件编号", "类型", "作者", "报送单位", "采用单位", "采用日期", "标题", "字数",
                       "好消息推荐", "领导批示"], adoptions),
        "cases": (["编号", "单位", "类型", "收到日期", "答复日期", "审核人"], cases),
    }
