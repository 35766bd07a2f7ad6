"""Rules 3–5: dimension scores, points and the pacesetter 先锋 of each 争创平台."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from bureaukit import Context, Evidence, Finding, Score
from bureaukit_wubi.evidence_rates import Rate, benchmark_rate, item_rate, on_time, stage_of
from bureaukit_wubi.ratings import rating_average, trimmed
from bureaukit_wubi.records import Benchmark, Item, Rating, completed_on, due_of
from bureaukit_wubi.settings import COMPARE, DIMENSIONS, ENGLISH, VANGUARD, WubiSettings

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def dimension_scores(
    ctx: Context,
    unit: str,
    ratings: Mapping[str, Sequence[Rating]],
    benchmarks: Sequence[Benchmark],
    items: Mapping[str, Sequence[Item]],
) -> Iterator[tuple[str, Decimal, Score]]:
    """(code, unrounded score, Score) for each dimension the unit is scored on."""
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
        used = sorted(ratings.get(code, ()), key=lambda r: (r.evaluator, r.score))
        avg = rating_average([r.score for r in used], s.trim)
        rate = rates[code]
        if avg is None and rate is None:
            continue
        evidence: list[Evidence] = []
        if avg is not None and rate is not None:
            value = s.blend.ratings * avg + s.blend.evidence * HUNDRED * rate.value
            note = (
                f"{s.blend.ratings} × {_2(avg)} + {s.blend.evidence} × 100 × {_4(rate.value)} = {_2(value)}"
            )
        elif avg is not None:
            value = avg
            note = f"评分均值 rating average {_2(avg)} (无客观依据 no evidence rate)"
        else:
            assert rate is not None
            value = HUNDRED * rate.value
            note = f"100 × {_4(rate.value)} = {_2(value)} (无评分 no ratings)"
        if avg is not None:
            kept = trimmed([r.score for r in used], s.trim)
            evidence.append(
                Evidence(note=f"评分 {', '.join(str(r.score) for r in sorted(used, key=lambda r: r.score, reverse=True))}"
                         f" → 计入 kept {', '.join(str(k) for k in reversed(kept))} → 均值 {_2(avg)}")
            )
            evidence += [ctx.evidence(r, f"{r.evaluator}: {r.score}") for r in used]
        if rate is not None:
            evidence.append(Evidence(note=f"依据率 evidence rate {rate.note}"))
            for rec in rate.counted:
                if isinstance(rec, Benchmark):
                    evidence.append(ctx.evidence(rec, f"{rec.indicator}: {stage_of(rec)}"))
                else:
                    evidence.append(ctx.evidence(rec, _item_note(rec)))
        evidence.append(Evidence(note=note))
        yield code, value, Score(f"unit:{unit}", f"dim.{code}", value, evidence=evidence, form="score")


def _item_note(item: Item) -> str:
    done = completed_on(item)
    state = "按时 on time" if on_time(item) else ("逾期完成 late" if done else "未完成 not done")
    return f"时限 due {due_of(item)}，{state}"


def points(settings: WubiSettings, unit: str, dims: Mapping[str, Decimal]) -> Score | None:
    """Rule 4: the weighted mean of the dimensions scored; none, or all of weight 0: none."""
    total_w = sum((settings.weights[c] for c in dims), Decimal(0))
    if not dims or total_w == 0:
        return None
    value = sum((settings.weights[c] * v for c, v in dims.items()), Decimal(0)) / total_w
    terms = " + ".join(f"{settings.weights[c]} × {_2(v)}" for c, v in sorted(dims.items(), key=lambda kv: DIMENSIONS.index(kv[0])))
    return Score(f"unit:{unit}", "points", value, evidence=[Evidence(note=f"({terms}) / {total_w} = {_2(value)}")])


def pacesetters(
    settings: WubiSettings, kinds: Mapping[str, str], scores: Mapping[str, Mapping[str, Decimal]]
) -> Iterator[Finding]:
    """Rule 5: on each dimension, in each group, every unit tied at the highest score (0.01)."""
    for group, group_kinds in sorted(settings.groups().items()):
        members = sorted(u for u, k in kinds.items() if k in group_kinds)
        for code in DIMENSIONS:
            written = {u: scores[u][code].quantize(CENT, rounding=ROUND_HALF_UP) for u in members if code in scores.get(u, {})}
            if not written:
                continue
            best = max(written.values())
            for unit in sorted(u for u, v in written.items() if v == best):
                yield Finding(
                    f"unit:{unit}",
                    "wubi.pacesetter",
                    "info",
                    {
                        "zh": f"{COMPARE[code]}，争当{VANGUARD[code]}的先锋：{group}组最高 {best}",
                        "en": f"pacesetter in {ENGLISH[code]} ({COMPARE[code]}) of group {group}: {best}",
                    },
                    evidence=[Evidence(note=f"{group}: " + ", ".join(f"{u} {v}" for u, v in sorted(written.items())))],
                )


def _2(v: Decimal) -> str:
    return str(v.quantize(CENT, rounding=ROUND_HALF_UP))


def _4(v: Decimal) -> str:
    return str(v.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))
