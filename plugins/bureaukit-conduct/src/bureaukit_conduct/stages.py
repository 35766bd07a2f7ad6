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
from bureaukit.plugin import Context, Evidence, Finding, Note, Score, Text, say, weighted_mean
from bureaukit_conduct.catalogue import MESSAGES, STAGE_ENGLISH, kind_title
from bureaukit_conduct.notes import (
    answer_note,
    answered_note,
    mean,
    points_note,
    satisfaction_note,
    stage_mean_note,
    stage_row_note,
    stage_weight_note,
    survey_mean_note,
)
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
            yield _satisfaction_rate(ctx, bk.unit(uid), answers)
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
    ev = [ctx.evidence(r, Note(stage_row_note, (Text(r.stage, r.stage), r.score))) for r in _sorted_rows(by_stage)]
    ev += [ctx.evidence(v, Note(answer_note, (v.answer.name, answer_value(s, v.answer))))
           for v in _sorted_surveys(surveys)]
    return ctx.finding(
        bk.unit(uid),
        "not_reviewed",
        "info",
        say(MESSAGES["not_reviewed"], unit=ctx.org.unit(uid), kind=kind_title(kind),
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
        title = stage_title(stage)
        if recs:
            value = mean([r.score for r in recs])
            ev = [ctx.evidence(r, Note(stage_row_note, (title, r.score))) for r in recs]
            ev.append(Evidence(note=Note(stage_mean_note, (title, tuple(r.score for r in recs), value))))
        elif stage.id == SERVICE_RATING and answers:
            value = mean([answer_value(s, a.answer) for a in answers])
            noted = _answer_notes(s)
            ev = [ctx.evidence(a, noted[a.answer]) for a in answers]
            ev.append(Evidence(note=Note(survey_mean_note, (title, _survey_counts(s, answers), value))))
        else:
            continue
        yield stage, value, ev


ANSWERED = {a: Note(answered_note, (a.name,)) for a in Answer}
"""Each answer's note under the satisfaction rate (``答卷：满意``): one per kind of answer,
shared by every citation (a province cites ~100k answers)."""


def _answer_notes(s: ConductSettings) -> dict[Answer, Note]:
    """Each answer's note under 服务对象测评 (``满意，计 100 分``) with the bureau's values:
    one per kind of answer, shared by the unit's citations."""
    return {a: Note(answer_note, (a.name, answer_value(s, a))) for a in Answer}


def _satisfaction_rate(ctx: Context, subject: str, answers: list[Survey]) -> Score:
    """满意率 = (满意 + 基本满意) / answers, citing each answer (the stage's citations count
    them only where the unit has no 服务对象测评 score of its own)."""
    good = sum(1 for a in answers if a.answer in (Answer.satisfied, Answer.basic))
    rate = Decimal(good) / len(answers)
    counts = _counts(answers)
    note = Note(satisfaction_note, (counts[Answer.satisfied], counts[Answer.basic], len(answers), rate))
    evidence = [ctx.evidence(a, ANSWERED[a.answer]) for a in answers]
    evidence.append(Evidence(note=note))
    return Score(subject, "satisfaction_rate", rate, form="rate", evidence=evidence)


def _points(subject: str, got: list[tuple[Stage, Decimal]]) -> Score:
    """Rule 2: the stages' values weighted by the stages present."""
    total_w = sum((st.weight for st, _ in got), Decimal(0))
    points = weighted_mean((st.weight, v) for st, v in got)
    assert points is not None, "stage weights are > 0 (checks.py)"
    evidence = [Evidence(note=Note(stage_weight_note, (stage_title(st), st.weight, v))) for st, v in got]
    terms = tuple((st.weight, v) for st, v in got)
    evidence.append(Evidence(note=Note(points_note, (terms, total_w, points))))
    return Score(subject, "points", points, evidence=evidence)


def _counts(answers: list[Survey]) -> dict[Answer, int]:
    out = dict.fromkeys(Answer, 0)
    for a in answers:
        out[a.answer] += 1
    return out


def _survey_counts(s: ConductSettings, answers: list[Survey]) -> tuple[tuple[str, Decimal, int], ...]:
    """(answer, its value, how many) for each answer given, in the answers' order."""
    c = _counts(answers)
    return tuple((a.name, answer_value(s, a), c[a]) for a in Answer if c[a])


def stage_title(stage: Stage) -> Text:
    """A stage by its title in both languages (the bureau's own stage: its title)."""
    return Text(stage.title, STAGE_ENGLISH.get(stage.id, stage.title))


def _row_key(r: StageScore) -> tuple[object, ...]:
    return (r.date, r.score, r.source or "", r.stage)


def _survey_key(v: Survey) -> tuple[object, ...]:
    return (v.date, v.answer.name, v.respondent or "")


def _sorted_rows(by_stage: dict[str, list[StageScore]]) -> list[StageScore]:
    return sorted((r for rs in by_stage.values() for r in rs), key=_row_key)


def _sorted_surveys(vs: list[Survey]) -> list[Survey]:
    return sorted(vs, key=_survey_key)
