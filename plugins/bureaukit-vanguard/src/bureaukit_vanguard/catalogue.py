"""What the vanguard campaign's metrics and finding codes mean (REPORTS §1). The phases
come from the settings (``stage.<id>``), so the metrics are a function of them."""

from __future__ import annotations

from bureaukit.plugin import BureauSetting, FindingKind, Metric, Say, Text
from bureaukit_vanguard.settings import VanguardSettings

PHASE_ENGLISH: dict[str, str] = {
    "learn": "Study and mobilisation",
    "analyze": "Analysis and review",
    "rectify": "Rectification",
}
"""English titles of the default phases; a bureau's own phase is shown by its title."""


def metrics(settings: VanguardSettings) -> dict[str, Metric]:
    """Per phase its score ``stage.<id>`` and the rate of its 群众满意度测评
    ``satisfaction.<id>`` (a survey may be recorded for any phase)."""
    out: dict[str, Metric] = {}
    for ph in settings.phases:
        en = PHASE_ENGLISH.get(ph.id, ph.title)
        out[f"stage.{ph.id}"] = Metric(ph.title, en, "score")
    for ph in settings.phases:
        en = PHASE_ENGLISH.get(ph.id, ph.title)
        out[f"satisfaction.{ph.id}"] = Metric(f"{ph.title}满意度", f"Satisfaction ({en})", "rate")
    return out


FINDINGS: dict[str, FindingKind] = {
    "vanguard.satisfaction_low": FindingKind("群众满意度不足", "Satisfaction too low"),
    "vanguard.formality": FindingKind("走过场", "Going through the motions"),
    "vanguard.moved_unapproved": FindingKind("未经同意转段", "Moved on without approval"),
    "vanguard.approved_early": FindingKind("条件未满足即转段", "Approved before conditions met"),
    "vanguard.approval_missing": FindingKind("未经验收转段", "Phase ended without approval"),
    "vanguard.makeup_owed": FindingKind("须补课", "Make-up owed"),
    "vanguard.makeup_overdue": FindingKind("补课逾期", "Make-up overdue"),
    "vanguard.review_missing": FindingKind("补课未回头看", "Make-up not reviewed"),
    "vanguard.not_published": FindingKind("整改措施未公示", "Measures not published"),
    "vanguard.measure_overdue": FindingKind("整改逾期", "Measure overdue"),
}

MESSAGES: dict[str, Say] = {
    # {phase}: a phase as each message names it (its title; in en with its id or alone)
    "not_published": ("整改措施{measures}未在{end}前公示（{phase}阶段结束）",
                      "measures {measures} not published by {end} (end of {phase})"),
    "measure_late": ("整改措施{measure}应于{due}前完成，{done}才完成", "measure {measure} due {due}: done only on {done}"),
    "measure_undone": ("整改措施{measure}应于{due}前完成，至今未完成", "measure {measure} due {due}: not done"),
    "makeup": ("{phase}阶段补课（{since}起）{state}", "补课 for {phase} owed since {since}: {state}"),
    "makeup_owed": ("应于{due}前完成", "due {due}"),
    "makeup_late": ("应于{due}前完成，{done}才完成", "due {due}, done only on {done}"),
    "makeup_undone": ("应于{due}前完成，至今未完成", "due {due}, not done"),
    "review_missing": ("{phase}阶段补课{done}完成，未经回头看", "补课 for {phase} done {done}, no 回头看 recorded"),
    "formality": ("{formality}：{phase}阶段“{step}”{done}完成，{what}{have}项，应不少于{need}项，须补课",
                  "{formality}: step “{step}” of {phase} done {done} with {have} {what}, need {need}; 补课 owed"),
    "moved_unapproved": ("未经督导组同意转段：{phase}阶段未获同意，{done}已开展下一阶段环节“{step}”，须补课",
                         "moved on from {phase} without approval: step “{step}” done {done}; 补课 owed"),
    "approved_early": ("{phase}阶段转段条件未满足即于{day}同意转段：{unmet}",
                       "phase {phase} approved on {day} before its conditions were met: {unmet}"),
    "approval_missing": ("{phase}阶段已于{end}结束，未经督导组同意转段（验收）", "phase {phase} ended {end} with no approval"),
    "satisfaction_low": (
        "{phase}阶段群众满意度 {rate}（满意 {satisfied} + 基本满意 {basic}，共 {total} 份），"
        "低于 {need}，须补课",
        "phase {phase}: satisfaction {rate} ({satisfied} satisfied + {basic} basically satisfied of {total}), "
        "below {need}; a make-up (补课) is owed",
    ),
}

BUREAU_SETTINGS: tuple[BureauSetting, ...] = (
    BureauSetting(
        "phases", "[]",
        '[{ id = "learn", title = "学习动员", start = "01-01", end = "02-28", steps = ["动员大会", "集中学习"] }]',
        "活动阶段、起止日期与环节（按本单位实施方案）", "the phases, their dates and steps (the bureau's plan)",
    ),
)


# --- evidence notes (written on demand, in the report's language: bureaukit_vanguard.notes) ---

REASONS: dict[str, Text] = {
    "satisfaction_low": Text("群众满意度测评未达标", "satisfaction survey below the minimum"),
    "formality.talks": Text("走过场（谈心谈话）", "going through the motions (talks)"),
    "formality.measures": Text("走过场（整改措施）", "going through the motions (measures)"),
    "formality.institutions": Text("走过场（建章立制）", "going through the motions (institutions)"),
    "moved_unapproved": Text("未经同意转段", "moved on without approval"),
    "approved_early": Text("未达转段条件即同意转段", "approved before the conditions were met"),
}
"""Why a 补课 is owed, in both languages."""

NOTES: dict[str, Say] = {
    # rule 8: a phase's score and the points
    "stage": ("完成环节 {steps} + 转段 {moved} = {met} / {items} 项，100 × {met} / {items} = {value}",
              "steps done {steps} + moved on {moved} = {met} of {items}, 100 × {met} / {items} = {value}"),
    "stage_survey": ("完成环节 {steps} + 测评达标 {survey} + 转段 {moved} = {met} / {items} 项，100 × {met} / {items} = {value}",
                     "steps done {steps} + survey passed {survey} + moved on {moved} = {met} of {items}, "
                     "100 × {met} / {items} = {value}"),
    "points": ("得分 = ({terms}) / {total} = {value}", "points = ({terms}) / {total} = {value}"),
    "points_term": ("{weight} × {phase} {score}", "{weight} × {phase} {score}"),
    # rule 2: a survey
    "survey": ("满意 {satisfied}、基本满意 {basic}、不满意 {unsatisfied}：({satisfied} + {basic}) / {total} = {rate}",
               "satisfied {satisfied}, basically satisfied {basic}, unsatisfied {unsatisfied}: "
               "({satisfied} + {basic}) / {total} = {rate}"),
    # rules 3–4: triggers
    "formality": ("{what} {have} 项，应不少于 {need} 项", "{have} {what}, at least {need} required"),
    "moved": ("{phase}阶段环节“{step}” {day} 完成", "step “{step}” of {phase} done {day}"),
    "approved": ("{day} 同意转段", "moving on approved {day}"),
    # rules 5–6: 补课
    "trigger": ("{day} {reason}", "{day}: {reason}"),
    "makeup": ("补课记录：{done}", "make-up record: {done}"),
    "makeup_done": ("{day} 完成", "done {day}"),
    "makeup_open": ("未完成", "not done"),
    # rule 7: measures
    "published": ("{measure}：{day} 公示", "{measure}: published {day}"),
    "unpublished": ("{measure}：未公示", "{measure}: not published"),
    "measure_late": ("完成时限 {deadline}，{done} 才完成", "due {deadline}, done only on {done}"),
    "measure_open": ("完成时限 {deadline}，至 {as_of} 未完成", "due {deadline}, not done at {as_of}"),
}


def phase_named(phase_id: str, title: str) -> Text:
    """A phase as a finding names it: its title, in en with its id first (``learn (学习动员)``)."""
    return Text(title, f"{phase_id} ({title})")


def phase_title(phase_id: str, title: str) -> Text:
    """A phase by its title in both languages (a bureau's own phase: its title)."""
    return Text(title, PHASE_ENGLISH.get(phase_id, title))
