"""Rules 1–2: stage scores, service-user surveys and ``points``.

Seed 002 篇3 四(三)二 强化督查整改: "这次履职尽责督促检查方式多样,包括明察暗访、第三方监督、
服务对象测评和集中评议等,每一个阶段都要打分,每一个环节的得分都决定最后的成败。"
Seed 002 篇3 二: "从定性评价向定量考核的转变 … 接受第三方监督和服务对象的测评打分。"
Seed 004 一: "以人民群众满意不满意为评判标准 … 由群众说了算。"
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import bureaukit.plugin as bk
from bureaukit import Context, Evidence, Finding, Score
from bureaukit.money import weighted_mean
from bureaukit.phrases import say
from bureaukit_conduct.catalogue import MESSAGES, kind_title
from bureaukit_conduct.notes import mean, num
from bureaukit_conduct.records import Answer, StageScore, Survey
from bureaukit_conduct.settings import SERVICE_RATING, ConductSettings, Stage


def answer_value(s: ConductSettings, answer: Answer) -> Decimal:
    return {
        Answer.satisfied: s.satisfaction.satisfied,
        Answer.basic: s.satisfaction.basic,
        Answer.unsatisfied: s.satisfaction.unsatisfied,
    }[answer]


def score_stages(ctx: Context, reviewed: list[str]) -> Iterator[Score | Finding]:
    """Rule 1 (``stage.<id>``, ``satisfaction_rate``, ``conduct.not_reviewed``) and rule 2
    (``points``) for every reviewed unit."""
    rows = _stage_rows(ctx)
    surveys: dict[str, list[Survey]] = {}
    for v in ctx.records["surveys"]:
        surveys.setdefault(v.unit, []).append(v)
    for uid in sorted((set(rows) | set(surveys)) - set(reviewed)):
        yield _not_reviewed(ctx, uid, rows.get(uid, {}), surveys.get(uid, []))
    for uid in reviewed:
        answers = sorted(surveys.get(uid, []), key=_survey_key)
        got: list[tuple[Stage, Decimal]] = []
        for stage, value, ev in _stage_values(ctx, rows.get(uid, {}), answers):
            got.append((stage, value))
            yield Score(bk.unit(uid), f"stage.{stage.id}", value, evidence=ev)
        if answers:
            yield _satisfaction_rate(bk.unit(uid), answers)
        if got:
            yield _points(bk.unit(uid), got)


def _stage_rows(ctx: Context) -> dict[str, dict[str, list[StageScore]]]:
    """unit → stage id → its stage score rows (a row naming no stage: reported by check,
    never scored)."""
    s: ConductSettings = ctx.settings
    rows: dict[str, dict[str, list[StageScore]]] = {}
    for r in ctx.records["stage_scores"]:
        stage = s.stage(r.stage)
        if stage is not None:
            rows.setdefault(r.unit, {}).setdefault(stage.id, []).append(r)
    return rows


def _not_reviewed(
    ctx: Context, uid: str, by_stage: dict[str, list[StageScore]], surveys: list[Survey]
) -> Finding:
    """``conduct.not_reviewed``: a unit outside ``units`` with rows that are not scored."""
    s: ConductSettings = ctx.settings
    n_rows = sum(len(x) for x in by_stage.values())
    kind = ctx.org.unit(uid).kind
    ev = [ctx.evidence(r, f"{r.stage} {num(r.score)}") for r in _sorted_rows(by_stage)]
    ev += [ctx.evidence(v, v.answer.value) for v in _sorted_surveys(surveys)]
    return ctx.finding(
        bk.unit(uid),
        "not_reviewed",
        "info",
        **say(MESSAGES["not_reviewed"], unit=ctx.org.unit(uid), kind=kind_title(kind),
              reviewed=[kind_title(k) for k in s.units], rows=n_rows, surveys=len(surveys)),
        evidence=ev,
    )


def _stage_values(
    ctx: Context, by_stage: dict[str, list[StageScore]], answers: list[Survey]
) -> Iterator[tuple[Stage, Decimal, list[Evidence]]]:
    """Each stage a unit has a value for, in the settings' order: the mean of its rows, or
    for 服务对象测评 without rows the mean value of the survey answers."""
    s: ConductSettings = ctx.settings
    for stage in s.stages:
        recs = sorted(by_stage.get(stage.id, []), key=_row_key)
        if recs:
            value = mean([r.score for r in recs])
            ev = [ctx.evidence(r, f"{stage.title} {num(r.score)}") for r in recs]
            ev.append(
                Evidence(
                    note=f"{stage.title}: ({' + '.join(num(r.score) for r in recs)}) / "
                    f"{len(recs)} = {num(value)}"
                )
            )
        elif stage.id == SERVICE_RATING and answers:
            value = mean([answer_value(s, a.answer) for a in answers])
            ev = [ctx.evidence(a, f"{a.answer.value} {num(answer_value(s, a.answer))}") for a in answers]
            ev.append(Evidence(note=f"{stage.title}: {_survey_sum(s, answers)} = {num(value)}"))
        else:
            continue
        yield stage, value, ev


def _satisfaction_rate(subject: str, answers: list[Survey]) -> Score:
    """满意率 = (满意 + 基本满意) / answers."""
    good = sum(1 for a in answers if a.answer in (Answer.satisfied, Answer.basic))
    rate = Decimal(good) / len(answers)
    counts = _counts(answers)
    note = (
        f"满意率 = (满意 {counts[Answer.satisfied]} + 基本满意 "
        f"{counts[Answer.basic]}) / {len(answers)} 份 = {num(rate)}"
    )
    return Score(subject, "satisfaction_rate", rate, form="rate", evidence=[Evidence(note=note)])


def _points(subject: str, got: list[tuple[Stage, Decimal]]) -> Score:
    """Rule 2: the stages' values weighted by the stages present."""
    total_w = sum((st.weight for st, _ in got), Decimal(0))
    points = weighted_mean((st.weight, v) for st, v in got)
    assert points is not None, "stage weights are > 0 (checks.py)"
    terms = " + ".join(f"{num(st.weight)}×{num(v)}" for st, v in got)
    evidence = [Evidence(note=f"{st.title} 权重 {num(st.weight)} × 得分 {num(v)}") for st, v in got]
    evidence.append(Evidence(note=f"({terms}) / {num(total_w)} = {num(points)}"))
    return Score(subject, "points", points, evidence=evidence)


def _counts(answers: list[Survey]) -> dict[Answer, int]:
    out = dict.fromkeys(Answer, 0)
    for a in answers:
        out[a.answer] += 1
    return out


def _survey_sum(s: ConductSettings, answers: list[Survey]) -> str:
    c = _counts(answers)
    parts = [f"{num(answer_value(s, a))}×{c[a]}" for a in Answer if c[a]]
    return f"({' + '.join(parts)}) / {len(answers)}"


def _row_key(r: StageScore) -> tuple[object, ...]:
    return (r.date, r.score, r.source or "", r.stage)


def _survey_key(v: Survey) -> tuple[object, ...]:
    return (v.date, v.answer.name, v.respondent or "")


def _sorted_rows(by_stage: dict[str, list[StageScore]]) -> list[StageScore]:
    return sorted((r for rs in by_stage.values() for r in rs), key=_row_key)


def _sorted_surveys(vs: list[Survey]) -> list[Survey]:
    return sorted(vs, key=_survey_key)
