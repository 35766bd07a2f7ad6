"""What the conduct campaign's metrics and finding codes mean (REPORTS §1). The stages
come from the settings (``stage.<id>``), so the metrics are a function of them."""

from __future__ import annotations

from bureaukit.plugin import UNIT_KINDS, FindingKind, Metric, Say, Text
from bureaukit_conduct.settings import ConductSettings

STAGE_ENGLISH: dict[str, str] = {
    "inspection": "Unannounced inspection",
    "third_party": "Third-party supervision",
    "service_rating": "Service users' rating",
    "collective": "Collective review",
}
"""English titles of the default stages; a bureau's own stage is shown by its title."""

FIXED: dict[str, Metric] = {
    "satisfaction_rate": Metric("满意率", "Satisfaction rate", "rate"),
    "problems_closed": Metric("问题销号", "Problems closed", "amount", "个"),
    "on_time_rate": Metric("按时办结率", "Handled on time", "rate"),
}


def metrics(settings: ConductSettings) -> dict[str, Metric]:
    stages = {
        f"stage.{s.id}": Metric(s.title, STAGE_ENGLISH.get(s.id, s.title), "score") for s in settings.stages
    }
    return {**stages, **FIXED}


FINDINGS: dict[str, FindingKind] = {
    "conduct.not_reviewed": FindingKind("不在评议范围", "Not under review"),
    "conduct.problem_count": FindingKind("问题数不符", "Problem count out of range"),
    "conduct.area_unlisted": FindingKind("自选整治领域", "Area not listed"),
    "conduct.closed_incomplete": FindingKind("销号不实", "Closed without the five checks"),
    "conduct.problem_overdue": FindingKind("整改超期", "Rectification overdue"),
    "conduct.request_overdue": FindingKind("办件超时", "Request handled late"),
    "conduct.accountable": FindingKind("问责", "Held accountable"),
    "conduct.supervision_duty": FindingKind("监管责任追究", "Supervisory duty pursued"),
    "conduct.leadership_duty": FindingKind("主体责任追究", "Leadership duty pursued"),
    "conduct.main_leader_oversees": FindingKind("主要负责人直接分管", "Main leader oversees directly"),
    "conduct.discipline_secretary_missing": FindingKind("无纪委书记分管", "No discipline secretary"),
}


def kind_title(kind: str) -> Text:
    """A unit kind as a reader sees it: ``institution`` → 二级机构 (the id in English)."""
    return Text(UNIT_KINDS.get(kind, kind), kind)


MESSAGES: dict[str, Say] = {
    "not_reviewed": (
        "{unit}（{kind}）不在评议范围（{reviewed}）：{rows} 条阶段得分、{surveys} 份测评未计分",
        "{unit} ({kind}) is not reviewed ({reviewed}): {rows} stage score(s) and {surveys} survey "
        "answer(s) not scored",
    ),
    "problem_count": (
        "{unit}整改清单列出 {count} 个问题，应重点查找 {need} 个突出问题",
        "{unit} lists {count} problem(s) on its rectification list; it should list {need}",
    ),
    "area_unlisted": (
        "问题 {problem} 的整治领域「{area}」不在所列专项整治领域之列（单位自选，不计错）",
        "problem {problem}: area “{area}” is not one of the listed areas (the unit's own choice)",
    ),
    "closed_incomplete": (
        "问题 {problem}（{unit}）于 {closed} 销号，但“五个不放过”未全部做到：缺 {missing}",
        "problem {problem} ({unit}) was closed on {closed} without all five conditions: missing {missing}",
    ),
    "problem_overdue": (
        "问题 {problem}（{unit}）整改时限 {deadline} 已过 {days} 天，截至 {as_of} 未销号",
        "problem {problem} ({unit}) was due {deadline}, {days} day(s) ago, and is not closed as of {as_of}",
    ),
    "request_late": (
        "{unit}件 {request}（{received} 受理）办结时限 {limit}，{done} 才办结，超时 {days} 天",
        "request {request} of {unit} (received {received}) was due {limit} and done {done}, {days} day(s) late",
    ),
    "request_open": (
        "{unit}件 {request}（{received} 受理）办结时限 {limit}，截至 {as_of} 仍未办结，已超时 {days} 天",
        "request {request} of {unit} (received {received}) was due {limit} and is still open as of {as_of}, "
        "{days} day(s) late",
    ),
    "accountable": (
        "问责 {record}：{person}（{unit}）{day} 被问责：{what}{action}{serious}",
        "accountability {record}: {person} ({unit}) held accountable on {day}: {what}{action}{serious}",
    ),
    "supervision_duty": (
        "倒查追责：问责 {record}（{person}，{unit}）追究{head_of}主要负责人{who}疏于管理的监管责任{passed_up}",
        "trace-back of accountability {record} ({person}, {unit}): supervision duty of {who}, head of "
        "{head_of}{passed_up}",
    ),
    "leadership_duty": (
        "倒查追责：问责 {record}（{person}，{unit}）追究分管{head_of}的领导{who}的主体责任{passed_up}",
        "trace-back of accountability {record} ({person}, {unit}): leadership duty of {who}, who oversees "
        "{head_of}{passed_up}",
    ),
    "passed_up": ("（自{unit}上溯至{to}）", " (passed up from {unit} to {to})"),
    "main_leader_oversees": (
        "三个不直接分管：主要负责人{who}分管{unit}（{kind}）",
        "three not-directly-overseen: main leader {who} oversees {unit} ({kind})",
    ),
    "discipline_secretary_missing": (
        "{unit}（{kind}）截至 {as_of} 无纪委书记分管（局干部人事工作由局纪委书记具体分管）",
        "no discipline secretary oversees {unit} ({kind}) as of {as_of}",
    ),
}


# --- evidence notes (written on demand, in the report's language: bureaukit_conduct.notes) ---

ANSWERS_EN: dict[str, str] = {"satisfied": "satisfied", "basic": "basically satisfied", "unsatisfied": "unsatisfied"}

NOTES: dict[str, Say] = {
    # rules 1–2: stages, surveys, points
    "stage_row": ("{stage}得分 {score}", "{stage}: {score}"),
    "stage_mean": ("{stage}：({terms}) / {count} = {value}", "{stage}: ({terms}) / {count} = {value}"),
    "answer": ("{answer}，计 {value} 分", "{answer}: {value}"),
    "answered": ("答卷：{answer}", "answer: {answer}"),
    "answer_term": ("{answer} {value} × {count}", "{answer} {value} × {count}"),
    "survey_mean": ("{stage}：({terms}) / {count} 份 = {value}", "{stage}: ({terms}) / {count} answers = {value}"),
    "satisfaction": ("满意率 = (满意 {satisfied} + 基本满意 {basic}) / {count} 份 = {rate}",
                     "satisfaction rate = (satisfied {satisfied} + basically satisfied {basic}) / {count} answers = {rate}"),
    "stage_weight": ("{stage}：权重 {weight} × 得分 {score}", "{stage}: weight {weight} × {score}"),
    "points": ("得分 = ({terms}) / {total} = {value}", "points = ({terms}) / {total} = {value}"),
    # rules 3–4: the problems list
    "listed": ("整改清单问题 {problem}：{description}", "listed problem {problem}: {description}"),
    "none_listed": ("整改清单中没有{unit}的问题", "no problem of {unit} in the rectification list"),
    "closed": ("{problem} {closed} 销号", "{problem} closed {closed}"),
    "closed_count": ("已销号 {closed} / 共 {count} 个问题", "{closed} of {count} problems closed"),
    "area": ("整治领域：{area}", "area: {area}"),
    "closed_missing": ("{closed} 销号，缺{missing}", "closed {closed} without: {missing}"),
    "problem_open": ("整改时限 {deadline}，截至 {as_of} 未销号", "deadline {deadline}, not closed at {as_of}"),
    # rule 5: requests
    "request_on_time": ("时限 {limit}，{done} 办结（按时）", "due {limit}, done {done} (on time)"),
    "request_late": ("时限 {limit}，{done} 办结（超时）", "due {limit}, done {done} (late)"),
    "request_open": ("时限 {limit}，截至 {as_of} 未办结", "due {limit}, not done at {as_of}"),
    "on_time": ("按时办结 {good} / 应办结 {count} 件 = {rate}", "{good} of {count} requests done on time = {rate}"),
    # rule 6: accountability
    "accountable": ("{day} {person}：{what}{action}{serious}", "{day} {person}: {what}{action}{serious}"),
    # rules 7 and 9: leadership
    "oversees": ("{person}分管：{units}", "{person} oversees: {units}"),
    "secretaries": ("纪委书记：{who}", "discipline secretary: {who}"),
    "secretary": ("{person}（分管 {units}）", "{person} (oversees {units})"),
    "none": ("无", "none"),
}
