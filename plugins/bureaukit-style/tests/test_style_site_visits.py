"""Rule 4 — 一线工作法: 领导每周到现场不少于1次, 具体负责人每周到现场不少于3次."""

from __future__ import annotations

from datetime import date, timedelta

from bureaukit_style.records import Activity
from bureaukit_style.records import ActivityKind as K

MON = date(2014, 3, 3)  # 2014-W10
S = {"quotas": [], "phases": [], "meeting_max_minutes": 0,
     "window": "2014-03-03..2014-03-23",
     "key_projects": [{"id": "G105", "leader": "p02", "manager": "p21"}]}


def visit(id, who, day, project="G105"):
    return Activity(id, K.site_visit, "ygs", day, person=who, project=project)


def test_weekly_visits_boundaries(style):
    rows = [
        # W10: leader 1 (exactly at), manager 2 (just below)
        visit("V01", "p02", MON), visit("V02", "p21", MON), visit("V03", "p21", MON + timedelta(1)),
        # W11: leader 0 (below), manager 3 (at)
        *[visit(f"V1{i}", "p21", MON + timedelta(7 + i)) for i in range(3)],
        # W12: leader 2 (above), manager 4 (above); one manager row on another project
        visit("V20", "p02", MON + timedelta(14)), visit("V21", "p02", MON + timedelta(15)),
        *[visit(f"V3{i}", "p21", MON + timedelta(14 + i)) for i in range(4)],
        visit("V40", "p21", MON + timedelta(8), project="OTHER"),
    ]
    out = style(records={"activities": rows},
                settings={**S, "key_projects": [*S["key_projects"],
                                                {"id": "OTHER", "leader": "p01", "manager": "p01",
                                                 "start": "2014-03-24"}]})
    found = sorted((f.subject, f.due) for f in out.find("style.site_visit"))
    assert found == [("person:p02", date(2014, 3, 16)), ("person:p21", date(2014, 3, 9))]
    [m] = out.find("style.site_visit", "person:p21")
    assert "2014-W10" in m.message["en"] and "2 time(s)" in m.message["en"]
    assert [e.record for e in m.evidence if e.record] == ["V02", "V03"]
    assert not out.has_score("person:p02", "points")  # findings only


def test_unfinished_week_not_checked(style):
    out = style(records={}, settings=S, as_of="2014-03-15", period="2014-03")
    assert sorted(f.due for f in out.find("style.site_visit")) == [date(2014, 3, 9)] * 2


def test_project_span(style):
    s = {**S, "key_projects": [{"id": "G105", "leader": "p02", "manager": "p21",
                                "start": "2014-03-10", "end": "2014-03-16"}]}
    out = style(records={}, settings=s)
    assert sorted(f.due for f in out.find("style.site_visit")) == [date(2014, 3, 16)] * 2
