"""Rules 3–4: the dimension score of each 比 and the unit's points.

“以‘五比五争’为动力 … 掀起比学赶超、奋勇争先、竞相发展的热潮” (一、指导思想): each of the
five 比 is scored on 0–100 from the ratings (rule 1) and the objective evidence (rule 2);
the blend and the weights are the bureau's defaults (the seed scores nothing).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Evidence, Note, Score
from bureaukit_wubi.evidence_rates import Rate, benchmark_rate, item_rate, stage_note_of
from bureaukit_wubi.notes import average_note, blend_note, item_note, points_note, rating_note
from bureaukit_wubi.ratings import Trimmed, trim_ratings
from bureaukit_wubi.records import Benchmark, Item, Rating, completed_on, due_of, item_title
from bureaukit_wubi.settings import DIMENSIONS, WubiSettings

HUNDRED = Decimal(100)


def dimension_scores(
    ctx: Context,
    unit: str,
    ratings: Mapping[str, Sequence[Rating]],
    benchmarks: Sequence[Benchmark],
    items: Mapping[str, Sequence[Item]],
) -> Iterator[tuple[str, Decimal, Score]]:
    """(code, unrounded score, Score ``dim.<code>``) for each dimension the unit is scored
    on: ``blend.ratings`` × rating average + ``blend.evidence`` × 100 × evidence rate; with
    only one of the two, that one alone; with neither, nothing."""
    s: WubiSettings = ctx.settings
    start = ctx.period.start
    rates: dict[str, Rate | None] = {
        "jingjie": None,
        "yeji": benchmark_rate(benchmarks, s.stages),
        "chuangxin": item_rate("chuangxin", items.get("chuangxin", ()), start, ctx.as_of),
        "fuwu": item_rate("fuwu", items.get("fuwu", ()), start, ctx.as_of),
        "zuofeng": item_rate("zuofeng", items.get("zuofeng", ()), start, ctx.as_of),
    }
    for code in DIMENSIONS:
        split = trim_ratings(ratings.get(code, ()), s.trim)
        avg = split.average if split is not None else None
        rate = rates[code]
        if avg is None and rate is None:
            continue
        evidence: list[Evidence] = []
        if split is not None and avg is not None:
            evidence += _rating_evidence(ctx, code, split, avg)
        if rate is not None:
            evidence += _rate_evidence(ctx, rate)
        value = _blend(s, avg, rate)
        rate_value = rate.value if rate is not None else None
        evidence.append(Evidence(note=Note(blend_note, (code, s.blend.ratings, avg, s.blend.evidence, rate_value, value))))
        yield code, value, Score(bk.unit(unit), f"dim.{code}", value, evidence=evidence, form="score")


def _rating_evidence(ctx: Context, code: str, split: Trimmed, avg: Decimal) -> list[Evidence]:
    """The average of the kept ratings, then every rating by evaluator, kept or dropped."""
    kept = tuple(r.score for r in split.kept)
    evidence = [Evidence(note=Note(average_note, (code, kept, avg)))]
    fates = {id(r): "low" for r in split.low}
    fates.update({id(r): "high" for r in split.high})
    for r in sorted((*split.low, *split.kept, *split.high), key=lambda r: r.evaluator):
        fate = fates.get(id(r), "kept")
        evidence.append(ctx.evidence(r, Note(rating_note, (ctx.person_name(r.evaluator), r.score, fate))))
    return evidence


def _rate_evidence(ctx: Context, rate: Rate) -> list[Evidence]:
    """The evidence rate, then each record it counted."""
    s: WubiSettings = ctx.settings
    evidence = [Evidence(note=rate.note)]
    for rec in rate.counted:
        if isinstance(rec, Benchmark):
            evidence.append(ctx.evidence(rec, stage_note_of(rec, s.stages)))
        else:
            evidence.append(ctx.evidence(rec, Note(item_note, (item_title(rec), due_of(rec), completed_on(rec)))))
    return evidence


def _blend(s: WubiSettings, avg: Decimal | None, rate: Rate | None) -> Decimal:
    """The dimension's score: the blend of both, or the one there is."""
    if avg is not None and rate is not None:
        return s.blend.ratings * avg + s.blend.evidence * HUNDRED * rate.value
    if avg is not None:
        return avg
    assert rate is not None
    return HUNDRED * rate.value


def points(settings: WubiSettings, unit: str, dims: Mapping[str, Decimal]) -> Score | None:
    """Rule 4: the weighted mean (``weights``) of the dimensions scored; none scored, or
    all of weight 0: no points."""
    total_w = sum((settings.weights[c] for c in dims), Decimal(0))
    if not dims or total_w == 0:
        return None
    value = sum((settings.weights[c] * v for c, v in dims.items()), Decimal(0)) / total_w
    terms = tuple((c, settings.weights[c], dims[c]) for c in sorted(dims, key=DIMENSIONS.index))
    return Score(bk.unit(unit), "points", value, evidence=[Evidence(note=Note(points_note, (terms, total_w, value)))])

