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
from datetime import date
from decimal import Decimal

import attrs

import bureaukit.plugin as bk
from bureaukit.plugin import (
    Context,
    Evidence,
    Note,
    Org,
    Payment,
    Score,
    half_of,
    split,
    split_among,
)
from bureaukit_publicity.notes import fee_half_note, fee_note, fee_total_note
from bureaukit_publicity.outlets import resolve_outlet
from bureaukit_publicity.records import Adoption, ArticleKind
from bureaukit_publicity.settings import Outlet, PublicitySettings, settings_outlets


@attrs.frozen
class Priced:
    """An adoption with its outlet, its fee and each author's share."""

    adoption: Adoption
    outlet: Outlet
    fee: Decimal
    long: bool
    shares: tuple[Decimal, ...]
    """Each author's share, in the order ``adoption.authors`` lists them (rows priced
    alike share one tuple)."""

    def by_author(self) -> zip[tuple[str, Decimal]]:
        """(author, share) in the listed order."""
        return zip(self.adoption.authors, self.shares, strict=True)

    def note(self, ctx: Context) -> Note:
        """Its fee's arithmetic, written on demand: the same for every author, each
        author's share by name when there are several."""
        a = self.adoption
        o = self.outlet
        s: PublicitySettings = ctx.settings
        named = tuple((ctx.person_name(p), v) for p, v in self.by_author()) if len(self.shares) > 1 else ()
        times = s.long_multiplier if self.long else None
        return Note(fee_note, (a.item, o.zh, a.date, o.fee_yuan, times, a.chars, self.fee, named))


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
    # and an outlet's fee splits the same way among any n authors: split it once per
    # (outlet, long, n), not once per row
    splits: dict[tuple[str, bool, int], tuple[Decimal, tuple[Decimal, ...]]] = {}
    for a in ctx.records["adoptions"]:
        o = resolved[a.outlet] if a.outlet in resolved else resolved.setdefault(a.outlet, resolve_outlet(a.outlet, table))
        if o is None:  # check reports it; a run never gets here with one
            continue
        long = is_long(a, s)
        authors = a.authors
        n = len(authors)
        how = splits.get((o.code, long, n))
        if how is None:
            fee = o.fee_yuan * s.long_multiplier if long else o.fee_yuan
            how = splits[o.code, long, n] = (fee, tuple(split(fee, n)))
        if n > 1 and len(set(authors)) != n:
            split_among(how[0], authors)  # raises: a name listed twice
        out.append(Priced(a, o, how[0], long, how[1]))
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
    # each item cited once for all its authors: the same row, the same note
    by_person: dict[str, list[tuple[Priced, Evidence, Decimal]]] = {}
    evidence = ctx.evidence
    for p in items:
        e = evidence(p.adoption, p.note(ctx))
        for pid, share in p.by_author():
            mine = by_person.get(pid)
            if mine is None:
                mine = by_person[pid] = []
            mine.append((p, e, share))
    halves_of: dict[date, str | None] = {}  # the half of each day in the period
    for pid in sorted(by_person):
        mine = by_person[pid]
        total = sum((share for _, _, share in mine), Decimal(0))
        yield Score(
            bk.person(pid),
            "fees_yuan",
            total,
            unit="元",
            evidence=[*(e for _, e, _ in mine), Evidence(note=Note(fee_total_note, (total, len(mine))))],
        )
        if not ctx.final:
            continue
        if not is_fee_person(ctx.org, pid, s.fee_units):
            continue
        halves: dict[str, list[tuple[Evidence, Decimal]]] = {}
        for p, e, share in mine:
            day = p.adoption.date
            half = halves_of[day] if day in halves_of else halves_of.setdefault(day, _half(ctx, day))
            if half is not None:
                halves.setdefault(half, []).append((e, share))
        for half in sorted(halves):
            got = halves[half]
            amount = sum((share for _, share in got), Decimal(0))
            if amount == 0:
                continue
            yield Payment(
                bk.person(pid),
                "fee",
                amount,
                period=half,
                evidence=[*(e for e, _ in got), Evidence(note=Note(fee_half_note, (half, len(got), amount)))],
            )


def _half(ctx: Context, day: date) -> str | None:
    """The calendar half a day's fee is paid in, None outside the period."""
    return half_of(day) if ctx.period.contains(day) else None
