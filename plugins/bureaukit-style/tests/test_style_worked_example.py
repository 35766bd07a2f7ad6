"""The page's worked example (docs/campaigns/style.md).

A unit with one verified 迟到早退 (散, 2 points) and one 上班炒股 (eight.8, 5 points) by its
staff, and a missed ``unit_research`` (1 point): unit points 92 (deductions 8), one Finding
``style.quota`` on it; the person 93 (7), with ``style.problem`` warning + violation on the
person, none on the unit.
"""

from __future__ import annotations

from datetime import date

from bureaukit_style.records import Activity, ActivityKind, Problem, Source


def test_worked_example(style):
    problems = [
        Problem("WJ-01", "ygs", date(2014, 3, 3), "lax", Source.inspection, person="p23",
                note="上班迟到早退"),
        Problem("WJ-02", "ygs", date(2014, 3, 4), "eight.8", Source.random, person="p23",
                note="上班炒股"),
    ]
    # the zuofeng preset's unit_research quota, alone; the other units did their research
    quota = {"id": "unit_research", "who": {"unit_kinds": ["institution", "station", "office"]},
             "activity": "research", "min": 1, "per": "window"}
    research = [Activity("DY-01", ActivityKind.research, "office", date(2014, 6, 10)),
                Activity("DY-02", ActivityKind.research, "ygs_n", date(2014, 9, 2))]
    out = style(records={"problems": problems, "activities": research},
                settings={"quotas": [quota], "phases": [], "meeting_max_minutes": 0})
    # unit: 100 − 2 − 5 − 1 = 92
    assert out.value("unit:ygs", "points") == "92.00"
    assert out.value("unit:ygs", "deductions") == "8"
    quota_findings = out.find("style.quota", "unit:ygs")
    assert len(quota_findings) == 1
    assert quota_findings[0].severity == "warning"
    assert quota_findings[0].due == date(2014, 12, 31)
    assert out.find("style.problem", "unit:ygs") == []
    # person: 100 − 2 − 5 = 93
    assert out.value("person:p23", "points") == "93.00"
    assert out.value("person:p23", "deductions") == "7"
    sev = sorted(f.severity for f in out.find("style.problem", "person:p23"))
    assert sev == ["violation", "warning"]
    # nothing else: the parent bureau is not touched, no other subject deducted
    assert out.value("unit:bureau", "points") == "100.00"
    assert [f.code for f in out.findings if f.subject not in ("unit:ygs", "person:p23")] == []
