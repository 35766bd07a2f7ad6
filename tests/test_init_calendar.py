"""``bureaukit init``'s calendar (REPORTS §5): with ``chinese-calendar`` installed (the test
environment installs ``bureaukit[calendar]``) the starter bureau takes China's official
holidays and make-up working days (调休); without it, weekends and an empty list for the
administrator to fill. Holidays checked by hand against the State Council's notice for 2014
(国办发明电〔2013〕28号): 国庆节 10月1日至7日放假调休，9月28日（星期日）、10月11日（星期六）上班."""

from __future__ import annotations

import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from bureaukit.cli import main


def _init(where: Path, *extra: str) -> Path:
    r = CliRunner().invoke(main, ["init", str(where), "--year", "2014", *extra])
    assert r.exit_code == 0, r.stderr
    return where / "bureau.toml"


def test_init_takes_the_official_holidays_when_chinese_calendar_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("chinese_calendar", reason="the test environment installs bureaukit[calendar]")
    import bureaukit

    cfg = _init(tmp_path / "b")
    assert tomllib.loads(cfg.read_text(encoding="utf-8"))["calendar"] == {"source": "chinese-calendar"}
    cal = bureaukit.load(cfg).calendar
    national_day = [date(2014, 10, d) for d in range(1, 8)]
    assert [cal.is_workday(d) for d in national_day] == [False] * 7
    # the make-up working days: a Sunday and a Saturday
    assert date(2014, 9, 28).weekday() == 6 and cal.is_workday(date(2014, 9, 28))
    assert date(2014, 10, 11).weekday() == 5 and cal.is_workday(date(2014, 10, 11))
    assert cal.is_workday(date(2014, 10, 8)) and not cal.is_workday(date(2014, 10, 12))
    # 春节 2014: 1月31日至2月6日放假，1月26日（星期日）、2月8日（星期六）上班
    assert not any(cal.is_workday(date(2014, m, d)) for m, d in ((1, 31), (2, 3), (2, 6)))
    assert cal.is_workday(date(2014, 1, 26)) and cal.is_workday(date(2014, 2, 8))
    # October 2014: 23 days Monday to Friday, 5 of them holidays, 1 make-up Saturday → 19 working days
    assert len(cal.workdays_between(date(2014, 10, 1), date(2014, 10, 31))) == 19


def test_without_chinese_calendar_init_leaves_the_holidays_to_fill(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import bureaukit

    monkeypatch.setitem(sys.modules, "chinese_calendar", None)  # as if it were not installed
    cfg = _init(tmp_path / "b")
    text = cfg.read_text(encoding="utf-8")
    assert "# chinese-calendar 未安装：请列出本年度法定节假日与调休上班日" in text
    assert tomllib.loads(text)["calendar"] == {"holidays": [], "workdays": []}
    cal = bureaukit.load(cfg).calendar
    # weekends only: 1 October 2014 (a Wednesday) is a working day until the admin lists it
    assert cal.is_workday(date(2014, 10, 1)) and not cal.is_workday(date(2014, 9, 28))
    assert len(cal.workdays_between(date(2014, 10, 1), date(2014, 10, 31))) == 23


def test_a_year_chinese_calendar_does_not_know_is_a_message(tmp_path: Path) -> None:
    pytest.importorskip("chinese_calendar")
    from bureaukit.messages import speaking
    from bureaukit.periods import PeriodError
    from bureaukit.workcalendar import official_calendar

    is_workday = official_calendar()
    with speaking("zh"), pytest.raises(PeriodError) as exc:
        is_workday(date(2199, 5, 1))
    assert str(exc.value) == "chinese-calendar 没有 2199 年的数据：请在 [calendar] 中列出该年的节假日和调休上班日"
    with speaking("en"), pytest.raises(PeriodError) as exc:
        is_workday(date(2199, 5, 1))
    assert str(exc.value) == "chinese-calendar has no data for 2199: list that year's holidays and workdays in [calendar]"
