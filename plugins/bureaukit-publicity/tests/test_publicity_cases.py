"""Rule 5 — 舆情 / 网评 (seed 五): 及时 (reply_days) and 经审核通过后方可对外答复."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(("replied", "late"), [("2014-03-07", False), ("2014-03-08", False),
                                               ("2014-03-09", True)])
def test_reply_due_seven_days_after_receipt(publicity, case, replied, late):
    out = publicity(cases=[case("C-1", "2014-03-01", replied)])
    found = out.find("publicity.reply_overdue", "unit:ygs")
    assert bool(found) is late
    if late:
        assert found[0].due == date(2014, 3, 8)
        assert "逾期 1 天" in found[0].message["zh"] and "C-1" in found[0].message["en"]


@pytest.mark.parametrize(("as_of", "late"), [("2014-03-08", False), ("2014-03-09", True)])
def test_unreplied_case_overdue_once_as_of_passes_due(publicity, case, as_of, late):
    out = publicity(cases=[case("C-1", "2014-03-01")], as_of=as_of)
    assert bool(out.find("publicity.reply_overdue")) is late


def test_reply_after_as_of_reads_as_unreplied(publicity, case):
    out = publicity(cases=[case("C-1", "2014-03-01", "2014-03-20")], as_of="2014-03-15")
    [f] = out.find("publicity.reply_overdue")
    assert "截至 2014-03-15 未答复" in f.message["zh"]
    assert out.find("publicity.reply_unapproved") == []  # not replied yet as of that day


def test_reply_days_configurable(publicity, case):
    out = publicity(cases=[case("C-1", "2014-03-01", "2014-03-04")], settings={"reply_days": 2})
    assert out.find("publicity.reply_overdue")[0].due == date(2014, 3, 3)


@pytest.mark.parametrize("kind", ["consultation", "suggestion", "complaint"])
def test_replies_need_the_publicity_lead(publicity, case, kind):
    out = publicity(cases=[
        case("C-1", "2014-03-01", "2014-03-02", kind=kind),
        case("C-2", "2014-03-01", "2014-03-02", kind=kind, approved_by=None),
        case("C-3", "2014-03-01", "2014-03-02", kind=kind, approved_by="y3"),
    ])
    found = {f.evidence[0].record: f for f in out.find("publicity.reply_unapproved")}
    assert sorted(found) == ["C-2", "C-3"]
    assert found["C-2"].severity == "violation"
    assert "无审核人" in found["C-2"].message["zh"]
    assert "the approver 唐亮 is not a publicity lead" in found["C-3"].message["en"] and "y3" not in found["C-3"].message["zh"]


def test_negative_reports_need_no_approval(publicity, case):
    out = publicity(cases=[case("C-1", "2014-03-01", "2014-03-02", kind="negative", approved_by=None)])
    assert out.find("publicity.reply_unapproved") == []


def test_lead_must_be_in_post_on_the_reply_day(org, publicity, case):
    from bureaukit.testing import person

    org["people"].append(person("lead2", "bureau", roles=["publicity_lead"], start="2014-04-01"))
    out = publicity(cases=[case("C-1", "2014-03-01", "2014-03-02", approved_by="lead2"),
                           case("C-2", "2014-04-01", "2014-04-01", approved_by="lead2")])
    [f] = out.find("publicity.reply_unapproved")
    assert "C-1" in f.message["en"] and "not in post" in f.message["en"]


def test_unapproved_and_late_give_two_findings(publicity, case):
    out = publicity(cases=[case("C-1", "2014-03-01", "2014-03-20", unit="gls", approved_by=None)])
    assert [f.code for f in out.find(subject="unit:gls")] == ["publicity.reply_overdue", "publicity.reply_unapproved"]
