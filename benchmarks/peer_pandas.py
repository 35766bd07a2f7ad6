#!/usr/bin/env python3
"""The peer: investment's standings (seed 000 第一篇 一–三) computed with pandas from the same
generated ledgers bureaukit scores, for the peer ratio of ``benchmarks/run``.

    python benchmarks/peer_pandas.py GENERATED_DIR [--out standings.json]

It computes what a careful analyst's script would: every project confirmed or not under the
seed's rules (三、项目确认, with the defaults of ``[campaigns.investment]``), its 折算 (二(二)),
and for the bureau and every unit of the 任务分解表 the four metrics over the confirmed
projects of the unit and everything below it. It does not explain any number: no evidence,
no notes, no findings, no other campaign. Its figures are written as JSON
(unit id → metric → exact decimal text) so that ``benchmarks/run`` can check them against
bureaukit's Scores: the peer is only a peer if it gets the same numbers.

Amounts are float64, as such a script would have them. That is exact here only because the
generator writes whole 万元 and the rules multiply by 6, 8 and 0.5 (a float sum of whole
numbers below 2⁵³ has no rounding); bureaukit keeps Decimals because real ledgers have
fractions of 万元, and the check in ``benchmarks/run`` would catch a difference.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from decimal import Decimal
from pathlib import Path

import pandas as pd

PERIOD_START, AS_OF = pd.Timestamp("2014-01-01"), pd.Timestamp("2014-12-31")
BY_FIXED_ASSET = {"工业", "industrial", "高新技术", "high_tech", "农业产业化", "agriculture", "旅游开发",
                  "tourism", "基础设施", "infrastructure", "社会事业", "social", "合法融资机构", "financing"}
BY_TAX_6 = {"市政工程", "municipal", "房地产商业", "real_estate"}
BY_TAX_8 = {"总部经济", "headquarters", "护协税", "tax_cooperation"}
COMMERCE = {"商贸和现代服务业", "commerce_service"}
INDUSTRIAL = {"工业", "industrial", "高新技术", "high_tech"}
HIGH_TECH = {"高新技术", "high_tech"}
FINANCING = {"合法融资机构", "financing"}
YES = {"是", "yes", "true", "1", "y"}
TARGETS = {"total_wan": "18000", "fixed_asset_wan": "7000", "industrial_wan": "5000", "big_projects": "2"}


def _num(col: pd.Series) -> pd.Series:
    return pd.to_numeric(col.replace("", "0")).astype(float)


def _exact(v: float) -> str:
    return format(Decimal(repr(v)).normalize(), "f")


def load(root: Path) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, dict[str, str]]]:
    cfg = tomllib.loads((root / "bureau.toml").read_text(encoding="utf-8"))
    inv = cfg["campaigns"]["investment"]
    ledgers = inv["ledgers"]
    read = {"dtype": str, "keep_default_na": False, "encoding": "utf-8-sig"}
    units = pd.read_csv(root / cfg["units"], **read)
    projects = pd.read_csv(root / ledgers["projects"], **read)
    progress = pd.read_csv(root / ledgers["progress"], **read)
    targets = {str(k): {m: str(v) for m, v in t.items()} for k, t in inv.get("allocation", {}).items()}
    return units, projects, progress, targets


def assess(projects: pd.DataFrame, progress: pd.DataFrame) -> pd.DataFrame:
    """Projects with ``confirmed`` and ``equivalent`` (the latest progress row up to as_of)."""
    pg = progress.assign(date=pd.to_datetime(progress["填报日期"]))
    pg = pg[(pg["date"] >= PERIOD_START) & (pg["date"] <= AS_OF)]
    latest = pg.sort_values("date").drop_duplicates("项目编号", keep="last").set_index("项目编号")
    p = projects.assign(
        signed=pd.to_datetime(projects["签约日期"]),
        total=_num(projects["合同投资额"]),
        planned=_num(projects["计划固定资产投资"]),
    )
    p = p[p["signed"] <= AS_OF]
    for src, dst in (("本年完成固定资产投资", "fixed"), ("本年实际纳税", "tax"), ("对中小企业贷款", "loans")):
        p[dst] = _num(p["项目编号"].map(latest[src]))
    cat = p["项目类别"]
    in_zone = p["城市规划区内"].str.lower().isin(YES)
    in_district = p["本区注册"].str.lower().isin(YES)
    least = 1000.0
    fixed_ok = cat.isin(BY_FIXED_ASSET) & ~(cat.isin(HIGH_TECH) & (p["认定证书"].isin({"", "无"}))) \
        & (p["planned"] >= least)
    tax6_ok = (cat.isin(BY_TAX_6) & in_zone | cat.isin(COMMERCE)) & (p["total"] >= least)
    hq_ok = cat.isin(BY_TAX_8) & in_district & (p["tax"] > 50.0)
    p["confirmed"] = (p["signed"] >= PERIOD_START) & (fixed_ok | tax6_ok | hq_ok)
    registered = pd.to_datetime(p["注册日期"].replace("", None)).dt.year == PERIOD_START.year
    p["equivalent"] = p["fixed"]
    p.loc[cat.isin(BY_TAX_6), "equivalent"] = p["tax"] * 6
    p.loc[cat.isin(BY_TAX_8), "equivalent"] = p["tax"] * 8
    fin = cat.isin(FINANCING) & registered
    p.loc[fin, "equivalent"] = p.loc[fin, "loans"] * 0.5
    return p[p["confirmed"]]


def standings(units: pd.DataFrame, confirmed: pd.DataFrame, targets: dict[str, dict[str, str]]
              ) -> dict[str, dict[str, str]]:
    """Unit id → metric → value over the confirmed projects of its subtree (targets' metrics)."""
    parent = dict(zip(units["单位编号"], units["上级单位"], strict=True))
    root = next(u for u, p in parent.items() if not p)
    wanted = {root: TARGETS, **{u: t for u, t in targets.items() if u != root}}
    per_unit = confirmed.assign(
        industrial=confirmed["total"].where(confirmed["项目类别"].isin(INDUSTRIAL), 0.0),
        big=(confirmed["total"] >= 5000.0).astype(float),
    ).groupby("引进单位").agg(total_wan=("total", "sum"), fixed_asset_wan=("equivalent", "sum"),
                              industrial_wan=("industrial", "sum"), big_projects=("big", "sum"))
    # roll each unit's sums up its chain of parents: one pass over the units with projects
    rolled: dict[str, list[float]] = {u: [0.0] * 4 for u in wanted}
    for uid, row in zip(per_unit.index, per_unit.itertuples(index=False), strict=True):
        u = uid
        while u:
            if u in rolled:
                acc = rolled[u]
                for i, v in enumerate(row):
                    acc[i] += v
            u = parent[u]
    names = ("total_wan", "fixed_asset_wan", "industrial_wan", "big_projects")
    return {u: {m: _exact(rolled[u][i]) for i, m in enumerate(names) if m in wanted[u]} for u in sorted(wanted)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="a directory written by benchmarks/generate")
    ap.add_argument("--out", type=Path, default=None, help="write the standings as JSON here")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    units, projects, progress, targets = load(args.root)
    table = standings(units, assess(projects, progress), targets)
    if args.out is not None:
        args.out.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"peer: {len(table)} standings in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
