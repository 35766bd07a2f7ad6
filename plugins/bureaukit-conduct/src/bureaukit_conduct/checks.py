"""What the types cannot say: settings that do not hold together and ledger rows that
cannot be scored (run by ``bureaukit check`` and ``load``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bureaukit.plugin import CheckContext, ConfigError, ConfigWarning, LedgerError, pick
from bureaukit_conduct.notes import num
from bureaukit_conduct.settings import SERVICE_RATING, ConductSettings

STAGE_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def check(ctx: CheckContext) -> Iterator[ConfigError | ConfigWarning | LedgerError]:
    s: ConductSettings = ctx.settings
    yield from _check_settings(ctx, s)
    known = ", ".join(f"{st.id} {st.title}" for st in s.stages)
    for r in ctx.records["stage_scores"]:
        if s.stage(r.stage) is None:
            yield LedgerError(r, "阶段", pick(f'未知阶段"{r.stage}"；可用阶段：{known}',
                                               f'unknown stage "{r.stage}"; known stages: {known}'))
        if not 0 <= r.score <= 100:
            yield LedgerError(r, "得分", pick(f'阶段得分应在 0–100 之间，实为 "{num(r.score)}"',
                                               f'a stage score lies in 0–100, got "{num(r.score)}"'))
    for q in ctx.records["requests"]:
        if q.limit < q.received:
            yield LedgerError(q, "办结时限", pick(
                f'办结时限"{q.limit.isoformat()}"早于受理日期（{q.received.isoformat()}）',
                f'the time limit "{q.limit.isoformat()}" is before the day received ({q.received.isoformat()})',
            ))
        if q.done is not None and q.done < q.received:
            yield LedgerError(q, "办结日期", pick(
                f'办结日期"{q.done.isoformat()}"早于受理日期（{q.received.isoformat()}）',
                f'done "{q.done.isoformat()}" before the day received ({q.received.isoformat()})',
            ))


def _check_settings(
    ctx: CheckContext, s: ConductSettings
) -> Iterator[ConfigError | ConfigWarning]:
    if not s.stages:
        yield ConfigError("stages", pick("至少需要一个阶段", "at least one stage is needed"))
    ids: set[str] = set()
    names: dict[str, int] = {}
    for i, st in enumerate(s.stages):
        if not STAGE_ID.match(st.id):
            yield ConfigError(f"stages[{i}].id", pick(
                f'阶段编号由小写字母、数字和 _ 组成（它是指标 stage.<编号> 的名称），实为 "{st.id}"',
                f'a stage id is lower-case letters, digits and _ (it names metric stage.<id>), got "{st.id}"',
            ))
        twice = st.id in ids
        if twice:
            yield ConfigError(f"stages[{i}].id", pick(f'阶段编号"{st.id}"出现了两次', f'stage id "{st.id}" is given twice'))
        ids.add(st.id)
        for name in (st.title,) if twice else (st.id.casefold(), st.title):
            if name in names and names[name] != i:
                yield ConfigError(f"stages[{i}]", pick(
                    f'"{name}" 已是 stages[{names[name]}] 的名称：台账中的阶段单元格将无法区分',
                    f'"{name}" already names stages[{names[name]}]: a stage cell could mean either',
                ))
            names.setdefault(name, i)
        if st.weight <= 0:
            yield ConfigError(f"stages[{i}].weight", pick(f"应大于 0，实为 {num(st.weight)}", f"must be > 0, got {num(st.weight)}"))
    for key in ("satisfied", "basic", "unsatisfied"):
        v = getattr(s.satisfaction, key)
        if not 0 <= v <= 100:
            yield ConfigError(f"satisfaction.{key}", pick(f"应在 0–100 之间，实为 {num(v)}", f"must lie in 0–100, got {num(v)}"))
    if s.problems.min < 0:
        yield ConfigError("problems.min", pick(f"不能小于 0，实为 {s.problems.min}", f"must be ≥ 0, got {s.problems.min}"))
    if s.problems.max < s.problems.min:
        yield ConfigError("problems.max", pick(
            f"不能小于 problems.min（{s.problems.min}），实为 {s.problems.max}",
            f"must be ≥ problems.min ({s.problems.min}), got {s.problems.max}",
        ))
    if not s.units:
        yield ConfigWarning("units", pick("没有任何单位类型参加评议：没有单位得分", "no unit kinds are reviewed: no unit gets points"))
    if ctx.records.get("surveys") and all(st.id != SERVICE_RATING for st in s.stages):
        yield ConfigWarning("stages", pick(
            f'没有编号为"{SERVICE_RATING}"的阶段：测评答卷只计满意率，不计阶段得分',
            f'no stage has id "{SERVICE_RATING}": survey answers give satisfaction_rate only, no stage score',
        ))
