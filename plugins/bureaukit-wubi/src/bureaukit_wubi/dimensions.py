"""Rules 3–4: the dimension score of each 比 and the unit's points.

“以‘五比五争’为动力 … 掀起比学赶超、奋勇争先、竞相发展的热潮” (一、指导思想): each of the
five 比 is scored on 0–100 from the ratings (rule 1) and the objective evidence (rule 2);
the blend and the weights are the bureau's defaults (the seed scores nothing).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from bureaukit import Context, Evidence, Score
from bureaukit.notes import places2, places4
from bureaukit.periods import ISO_DATES
from bureaukit_wubi.evidence_rates import Rate, benchmark_rate, item_rate, stage_note
from bureaukit_wubi.ratings import Trimmed, trim_ratings
from bureaukit_wubi.records import Benchmark, Item, Rating, completed_on, due_of, item_title
from bureaukit_wubi.settings import COMPARE, DIMENSIONS, WubiSettings

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
        "chuangxin": item_rate(items.get("chuangxin", ()), start, ctx.as_of),
        "fuwu": item_rate(items.get("fuwu", ()), start, ctx.as_of),
        "zuofeng": item_rate(items.get("zuofeng", ()), start, ctx.as_of),
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
            evidence += _rate_evidence(ctx, code, rate)
        value, note = _blend(s, avg, rate)
        evidence.append(Evidence(note=f"dim.{code} = {note}"))
        yield code, value, Score(f"unit:{unit}", f"dim.{code}", value, evidence=evidence, form="score")


def _rating_evidence(ctx: Context, code: str, split: Trimmed, avg: Decimal) -> list[Evidence]:
    """The average of the kept ratings, then every rating by evaluator, kept or dropped."""
    kept = " + ".join(str(r.score) for r in split.kept)
    evidence = [
        Evidence(note=f"{COMPARE[code]} 评分均值 rating average: ({kept}) / {len(split.kept)} = {places2(avg)}")
    ]
    marks = {id(r): "去掉最低分 dropped as lowest" for r in split.low}
    marks.update({id(r): "去掉最高分 dropped as highest" for r in split.high})
    for r in sorted((*split.low, *split.kept, *split.high), key=lambda r: r.evaluator):
        mark = marks.get(id(r), "计入 kept")
        evidence.append(ctx.evidence(r, f"{r.evaluator} 评分 {r.score}: {mark}"))
    return evidence


def _rate_evidence(ctx: Context, code: str, rate: Rate) -> list[Evidence]:
    """The evidence rate, then each record it counted."""
    s: WubiSettings = ctx.settings
    evidence = [Evidence(note=f"{COMPARE[code]} 依据率 evidence rate: {rate.note}")]
    for rec in rate.counted:
        if isinstance(rec, Benchmark):
            evidence.append(ctx.evidence(rec, stage_note(rec, s.stages)))
        else:
            evidence.append(ctx.evidence(rec, _item_note(rec)))
    return evidence


def _blend(s: WubiSettings, avg: Decimal | None, rate: Rate | None) -> tuple[Decimal, str]:
    """The dimension's score and its note: the blend of both, or the one there is."""
    if avg is not None and rate is not None:
        value = s.blend.ratings * avg + s.blend.evidence * HUNDRED * rate.value
        note = f"{s.blend.ratings} × {places2(avg)} + {s.blend.evidence} × 100 × {places4(rate.value)} = {places2(value)}"
    elif avg is not None:
        value = avg
        note = f"评分均值 {places2(avg)} = {places2(value)} (无客观依据 no evidence rate)"
    else:
        assert rate is not None
        value = HUNDRED * rate.value
        note = f"100 × {places4(rate.value)} = {places2(value)} (无评分 no ratings)"
    return value, note


def _item_note(item: Item) -> str:
    # once per item of the run: on_time() inlined, dates written through ISO_DATES
    done = completed_on(item)
    due = due_of(item)
    if done is None:
        state = "未完成 not done"
    elif done <= due:
        state = f"{ISO_DATES[done]} 按时完成 on time"
    else:
        state = f"{ISO_DATES[done]} 逾期完成 late"
    return f"“{item_title(item)}” 时限 due {ISO_DATES[due]}，{state}"


def points(settings: WubiSettings, unit: str, dims: Mapping[str, Decimal]) -> Score | None:
    """Rule 4: the weighted mean (``weights``) of the dimensions scored; none scored, or
    all of weight 0: no points."""
    total_w = sum((settings.weights[c] for c in dims), Decimal(0))
    if not dims or total_w == 0:
        return None
    value = sum((settings.weights[c] * v for c, v in dims.items()), Decimal(0)) / total_w
    order = sorted(dims, key=DIMENSIONS.index)
    terms = " + ".join(f"{settings.weights[c]} × {places2(dims[c])}" for c in order)
    names = ", ".join(f"{COMPARE[c]} {c}" for c in order)
    return Score(
        f"unit:{unit}",
        "points",
        value,
        evidence=[Evidence(note=f"加权平均 weighted mean over {names}: ({terms}) / {total_w} = {places2(value)}")],
    )

