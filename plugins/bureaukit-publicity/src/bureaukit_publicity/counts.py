"""Rules 2 and 6 — 刊登数 / 采用数 and the 任务分解 (seed 六(一)、(二)).

六(一): "任务分解:(见附表)". 六(二): "根据新闻稿件的刊登数和政务信息的采用数,对照评选条件" —
the conditions count "市级刊物刊登的新闻稿件" and "市局、区委区政府以上单位采用的政务信息".

Per person, ``news_count`` / ``info_count`` count adoptions at outlets that count for
the award. Per quota unit, ``news`` / ``info`` count every adoption the unit itself
submitted (its descendants' are their own), and ``points`` = 100 × mean of
min(1, count ÷ quota) over its quota keys > 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Note, Score
from bureaukit_publicity.fees import Priced
from bureaukit_publicity.notes import adopted_note, person_count_note, points_note, unit_count_note
from bureaukit_publicity.settings import PublicitySettings

KINDS: tuple[str, ...] = ("news", "info")


def person_counts(ctx: Context, items: Sequence[Priced]) -> dict[str, dict[str, list[Evidence]]]:
    """person → kind → the adoptions that count for the award, cited (each row once, in
    the order of *items*): an item by several authors counts for each of them with the
    same note, so one Evidence serves them all, and the award cites the same."""
    out: dict[str, dict[str, list[Evidence]]] = {}
    evidence = ctx.evidence
    for p in items:
        a = p.adoption
        if p.outlet.counts:
            # Enum.name is a Python-level property: _name_ is the same text, read directly
            kind = a.kind._name_
            e = evidence(a, Note(adopted_note, (a.item, kind, p.outlet.zh, True)))
            for pid in a.authors:
                mine = out.get(pid)
                if mine is None:  # not setdefault: that built a dict and two lists per row
                    mine = out[pid] = {k: [] for k in KINDS}
                mine[kind].append(e)
        else:
            for pid in a.authors:
                if pid not in out:
                    out[pid] = {k: [] for k in KINDS}
    return out


def quota_units(s: PublicitySettings) -> list[str]:
    """Units listed in ``quotas`` with a key > 0, by id."""
    return sorted(u for u, q in s.quotas.items() if q.news > 0 or q.info > 0)


def score_counts(
    ctx: Context, items: Sequence[Priced], counts: dict[str, dict[str, list[Evidence]]] | None = None
) -> Iterator[Score]:
    """The counts per person (*counts*: :func:`person_counts` of *items*, if the caller
    has it) and per quota unit, with the points of each quota unit."""
    yield from _person_scores(person_counts(ctx, items) if counts is None else counts)
    # each unit's adoptions of each kind, in ledger order, grouped in one pass: a scan of
    # all items per quota unit and kind was quadratic (most of a million-row run)
    by_unit: dict[tuple[str, str], list[Priced]] = {}
    for p in items:
        by_unit.setdefault((p.adoption.unit, p.adoption.kind._name_), []).append(p)
    s: PublicitySettings = ctx.settings
    for uid in quota_units(s):
        yield from _unit_scores(ctx, uid, by_unit)


def _person_scores(counts: dict[str, dict[str, list[Evidence]]]) -> Iterator[Score]:
    """``news_count`` / ``info_count`` of each author, zeros included."""
    for pid, kinds in sorted(counts.items()):
        for k in KINDS:
            got = kinds[k]
            yield Score(
                bk.person(pid),
                f"{k}_count",
                len(got),
                evidence=[*got, Evidence(note=Note(person_count_note, (k, len(got))))],
            )


def _unit_scores(
    ctx: Context, uid: str, by_unit: dict[tuple[str, str], list[Priced]]
) -> Iterator[Score]:
    """A quota unit's ``news`` / ``info`` against each key > 0, then its ``points``."""
    s: PublicitySettings = ctx.settings
    q = s.quotas[uid]
    ratios: list[tuple[str, int, int]] = []
    for k in KINDS:
        need: int = getattr(q, k)
        if need <= 0:
            continue
        got = by_unit.get((uid, k), [])
        ratios.append((k, len(got), need))
        yield Score(
            bk.unit(uid),
            k,
            len(got),
            target=need,
            evidence=[
                *(ctx.evidence(p.adoption, Note(adopted_note, (p.adoption.item, k, p.outlet.zh))) for p in got),
                Evidence(note=Note(unit_count_note, (ctx.unit_name(uid), k, len(got), need))),
            ],
        )
    yield _points(uid, ratios)


def _points(uid: str, ratios: list[tuple[str, int, int]]) -> Score:
    """Rule 6: 100 × the mean of min(1, have ÷ need) over the unit's keys > 0."""
    parts = [min(Decimal(1), Decimal(have) / need) for _, have, need in ratios]
    points = Decimal(100) * sum(parts, Decimal(0)) / len(parts)
    return Score(bk.unit(uid), "points", points, evidence=[Evidence(note=Note(points_note, (tuple(ratios), points)))])
