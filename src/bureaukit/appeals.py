"""Appeals (异议与复核, LIFECYCLE §3): a core ledger the bureau keeps like any other.

``[archive] appeals = "ledgers/appeals.xlsx"`` names the 异议登记表. Every report shows
its 异议复核 section; ``finalise`` is refused while an appeal is pending.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, ClassVar

import attrs

from bureaukit.records import Ledger, col


class AppealStatus(enum.Enum):
    """状态: an appeal waits for review, is upheld (the ledgers are corrected) or rejected."""

    pending = "待复核"
    upheld = "更正"
    rejected = "维持"


@attrs.frozen
class Appeal:
    """One row of the 异议登记表."""

    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "异议登记表", "en": "Appeals"}, key=("id",))
    id: str = attrs.field(metadata=col("编号", en="id"))
    subject: str = attrs.field(metadata=col("对象", en="subject"))
    """A unit or person id (``unit:`` / ``person:`` may be written before it)."""
    filed: date = attrs.field(metadata=col("提出日期", en="filed"))
    reason: str = attrs.field(metadata=col("理由", en="reason"))
    status: AppealStatus = attrs.field(metadata=col("状态", en="status"))
    campaign: str | None = attrs.field(default=None, metadata=col("活动", en="campaign"))
    metric: str | None = attrs.field(default=None, metadata=col("指标", en="metric"))
    decided: date | None = attrs.field(default=None, metadata=col("复核日期", en="decided"))
    decided_by: str | None = attrs.field(default=None, metadata=col("复核人", en="decided_by"))
    note: str | None = attrs.field(default=None, metadata=col("说明", en="note"))


@attrs.frozen
class AppealInfo:
    """An appeal as a run sees it (as of its date): what reports and the JSON show."""

    id: str
    subject: str
    campaign: str | None
    metric: str | None
    filed: date
    reason: str
    status: str
    """``pending``, ``upheld`` or ``rejected`` as of the run's date."""
    decided: date | None
    decided_by: str | None
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "subject": self.subject, "campaign": self.campaign, "metric": self.metric,
            "filed": self.filed.isoformat(), "reason": self.reason, "status": self.status,
            "decided": self.decided.isoformat() if self.decided else None,
            "decided_by": self.decided_by, "note": self.note,
        }


STATUS_LABELS: Mapping[str, Mapping[str, str]] = {
    "pending": {"zh": "待复核", "en": "pending"},
    "upheld": {"zh": "更正", "en": "upheld"},
    "rejected": {"zh": "维持", "en": "rejected"},
}


def subject_of(written: str, units: Mapping[str, Any], people: Mapping[str, Any]) -> str | None:
    """``unit:x`` / ``person:x`` for what the clerk wrote, or None when it names no one."""
    kind, sep, ident = written.partition(":")
    if sep and kind in ("unit", "person"):
        return written if ident in (units if kind == "unit" else people) else None
    if written in units:
        return f"unit:{written}"
    if written in people:
        return f"person:{written}"
    return None


def check_appeal(a: Appeal, units: Mapping[str, Any], people: Mapping[str, Any],
                 campaigns: Sequence[str]) -> list[tuple[str, str]]:
    """(column, message) for each problem of one row."""
    from bureaukit.messages import language, t

    out: list[tuple[str, str]] = []
    if subject_of(a.subject, units, people) is None:
        out.append(("对象", t("appeal_no_subject", subject=a.subject)))
    if a.campaign is not None and a.campaign not in campaigns:
        out.append(("活动", t("appeal_campaign_off", campaign=a.campaign, enabled=", ".join(campaigns))))
    if a.status is not AppealStatus.pending and a.decided is None:
        status = STATUS_LABELS[a.status.name]["en" if language() == "en" else "zh"]
        out.append(("复核日期", t("appeal_decided_missing", status=status)))
    if a.decided is not None and a.decided < a.filed:
        out.append(("复核日期", t("appeal_decided_early", decided=a.decided, filed=a.filed)))
    return out


def as_of(appeals: Sequence[Appeal], day: date | None, units: Mapping[str, Any], people: Mapping[str, Any]
          ) -> tuple[AppealInfo, ...]:
    """The appeals filed by *day*, each with its status on that day (one decided later
    was still pending then); with *day* None, every appeal as the ledger has it."""
    out = []
    for a in appeals:
        if day is not None and a.filed > day:
            continue
        decided = a.decided is not None and (day is None or a.decided <= day) and a.status is not AppealStatus.pending
        out.append(AppealInfo(
            a.id, subject_of(a.subject, units, people) or a.subject, a.campaign, a.metric, a.filed, a.reason,
            a.status.name if decided else "pending", a.decided if decided else None,
            a.decided_by if decided else None, a.note if decided else None,
        ))
    return tuple(sorted(out, key=lambda x: (x.filed, x.id)))


def read_appeals(config: Any, org: Any, readers: Mapping[str, Any], problems: Any, provenance: Any,
                 inputs: dict[str, str], shown: dict[str, str]) -> list[Appeal]:
    """The 异议登记表 ``[archive] appeals`` names, checked like any ledger (every problem
    as ``FILE:ROW: column: message``); its hash joins the run's inputs."""
    from bureaukit.files import file_hash
    from bureaukit.ledgers import Source, Targets, check_keys_and_refs, read_kind
    from bureaukit.records import record_spec

    src = Source.parse(config.archive.appeals, config.root, config.moved)
    shown[src.written] = src.shown
    spec = record_spec(Appeal)
    records: list[Appeal] = read_kind(spec, [src], readers, problems, provenance)
    if src.path.is_file():
        inputs[src.written] = file_hash(src.path)
    if org is None:
        return records
    check_keys_and_refs({"appeals": spec}, {"appeals": records}, provenance, shown, Targets.of(org.people, org.units),
                        problems)
    for a in records:
        o = provenance.origin(a)
        for column, message in check_appeal(a, org.units, org.people, config.enabled):
            problems.at(src.shown, o.row if o else None, column, message)
    return records


def pending(appeals: Sequence[Appeal]) -> list[Appeal]:
    """Appeals still waiting for review (finalise is refused while there are any)."""
    return [a for a in appeals if a.status is AppealStatus.pending]
