"""Rule 1 — 稿酬 (seed 六(三) 稿酬制度).

"局机关和两所工作个人报送的信息被本局交通政务网、区直相关单位网站采用的每条计发稿酬40元;…
长篇通讯报道(1500字以上)双倍计发稿酬。个人稿件由各单位宣传信息工作责任科室半年和年终分别统计审核确认,
按标准予以兑现稿酬。"

Each adoption earns its outlet's fee (doubled for a long news report), split to the fen
among its authors in their listed order; ``fees_yuan`` is every author's sum for the
run, and a final run pays ``fee`` per person per calendar half to the people of
``fee_units``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from bureaukit import Context, Evidence, FieldsRepr, Payment, Score
from bureaukit.money import fmt_money, split_among
from bureaukit.org import Org
from bureaukit.periods import half_of
from bureaukit_publicity.outlets import resolve_outlet
from bureaukit_publicity.records import Adoption, ArticleKind
from bureaukit_publicity.settings import Outlet, PublicitySettings, settings_outlets


@attrs.frozen(repr=False)
class Priced(FieldsRepr):
    """An adoption with its outlet, its fee and each author's share."""

    adoption: Adoption
    outlet: Outlet
    fee: Decimal
    long: bool
    shares: dict[str, Decimal]

    def note(self, person: str | None = None) -> str:
        a = self.adoption
        base = f"{a.item} {self.outlet.zh}({self.outlet.code}) {a.date.isoformat()}: 稿酬 {self.outlet.fee_yuan} 元"
        if self.long:
            base += f" × 长篇({a.chars} 字) 双倍 = {self.fee} 元"
        n = len(a.authors)
        if n > 1:
            parts = ", ".join(f"{p} {fmt_money(s)}" for p, s in self.shares.items())
            base += f" ÷ {n} 人 → {parts}"
        if person is not None:
            base += f"; 本人 {person} {fmt_money(self.shares[person])} 元"
        return base


def is_long(a: Adoption, s: PublicitySettings) -> bool:
    """长篇通讯报道(1500字以上): a news adoption with ``chars`` ≥ ``long_chars``."""
    return a.kind is ArticleKind.news and a.chars is not None and a.chars >= s.long_chars


def priced(ctx: Context) -> list[Priced]:
    """The run's adoptions whose outlet resolves, priced, in a fixed order
    (date, item, outlet code) whatever the ledger's row order."""
    s: PublicitySettings = ctx.settings
    table = settings_outlets(s)
    out: list[Priced] = []
    # a ledger names a handful of outlets over and over: resolve each cell text once
    # (resolve_outlet normalises every outlet's code and name on each call)
    resolved: dict[str, Outlet | None] = {}
    for a in ctx.records["adoptions"]:
        o = resolved[a.outlet] if a.outlet in resolved else resolved.setdefault(a.outlet, resolve_outlet(a.outlet, table))
        if o is None:  # check reports it; a run never gets here with one
            continue
        long = is_long(a, s)
        fee = o.fee_yuan * s.long_multiplier if long else o.fee_yuan
        out.append(Priced(a, o, fee, long, split_among(fee, list(a.authors))))
    out.sort(key=lambda p: (p.adoption.date, p.adoption.item, p.outlet.code, p.adoption.authors))
    return out


def is_fee_person(org: Org, pid: str, fee_units: Sequence[str] | None) -> bool:
    """局机关和两所工作个人: the person's unit id or kind is listed in ``fee_units``."""
    if fee_units is None:
        return True
    u = org.units.get(org.person(pid).unit)
    return u is not None and (u.id in fee_units or u.kind in fee_units)


def score_fees(ctx: Context, items: Sequence[Priced]) -> Iterator[Score | Payment]:
    s: PublicitySettings = ctx.settings
    by_person: dict[str, list[Priced]] = {}
    for p in items:
        for pid in p.adoption.authors:
            by_person.setdefault(pid, []).append(p)
    for pid in sorted(by_person):
        mine = by_person[pid]
        total = sum((p.shares[pid] for p in mine), Decimal(0))
        yield Score(
            f"person:{pid}",
            "fees_yuan",
            total,
            unit="元",
            evidence=[ctx.evidence(p.adoption, p.note(pid)) for p in mine]
            + [Evidence(note=f"稿酬合计 {fmt_money(total)} 元 ({len(mine)} 条采用)")],
        )
        if not ctx.final:
            continue
        if not is_fee_person(ctx.org, pid, s.fee_units):
            continue
        halves: dict[str, list[Priced]] = {}
        for p in mine:
            if ctx.period.contains(p.adoption.date):
                halves.setdefault(half_of(p.adoption.date), []).append(p)
        for half in sorted(halves):
            got = halves[half]
            amount = sum((p.shares[pid] for p in got), Decimal(0))
            if amount == 0:
                continue
            yield Payment(
                f"person:{pid}",
                "fee",
                amount,
                period=half,
                evidence=[ctx.evidence(p.adoption, p.note(pid)) for p in got]
                + [Evidence(note=f"{half} 稿酬 {len(got)} 条合计 {fmt_money(amount)} 元")],
            )
