"""The one-page plugin API holds up: a toy campaign written from docs/writing-a-plugin.md
(tests/toy/bureaukit_patrol.py) is at most 40 lines, passes ``mypy --strict`` with no
annotation of ``ctx.settings`` (and mypy does catch a misspelt setting), and scores a
small bureau as worked out by hand, both inline and through the real loader."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

import bureaukit
from bureaukit.testing import run, unit

TOY = Path(__file__).resolve().parent / "toy" / "bureaukit_patrol.py"


@pytest.fixture(scope="module")
def toy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bureaukit_patrol", TOY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bureaukit_patrol"] = module
    spec.loader.exec_module(module)
    return module


def test_the_toy_plugin_is_at_most_40_lines() -> None:
    assert len(TOY.read_text(encoding="utf-8").splitlines()) <= 40


def test_the_toy_plugin_type_checks_strictly_and_a_misspelt_setting_does_not(tmp_path: Path) -> None:
    mypy_api = pytest.importorskip("mypy.api")
    good = TOY.read_text(encoding="utf-8")
    assert "ctx.settings.per_month" in good and "settings: Settings" not in good
    (tmp_path / "good_toy.py").write_text(good, encoding="utf-8")
    (tmp_path / "typo_toy.py").write_text(good.replace("ctx.settings.per_month", "ctx.settings.per_mnth"), encoding="utf-8")
    # the staged campaigns' names load on first use, yet mypy sees their types, and a
    # misspelt one is an error rather than a silent ``object``
    (tmp_path / "staged.py").write_text(
        "import bureaukit.plugin as bk\n"
        "def first(log: bk.StepLog, unit: str) -> int:\n    return log.moved_on(unit, 0)\n"
        "def typo(log: bk.StepLg) -> None: ...\n", encoding="utf-8")
    out, err, status = mypy_api.run(["--strict", "--cache-dir", str(tmp_path / ".mypy_cache"),
                                     *(str(tmp_path / f) for f in ("good_toy.py", "typo_toy.py", "staged.py"))])
    assert status == 1, out + err
    errors = sorted(line for line in out.splitlines() if ": error:" in line)
    assert len(errors) == 3 and "staged.py:3" in errors[0] and "staged.py:4" in errors[1] and "typo_toy.py" in errors[2], out
    assert 'got "StepRecord | None"' in errors[0]  # moved_on's real type reached mypy
    assert 'Name "bk.StepLg" is not defined' in errors[1]
    assert '"Settings" has no attribute "per_mnth"' in errors[2]


UNITS = [unit("bureau", kind="bureau"), unit("s1", kind="station", parent="bureau"),
         unit("s2", kind="station", parent="bureau"), unit("office", parent="bureau")]


def patrols(toy: ModuleType) -> list[object]:
    days = [date(2014, 1, 6), date(2014, 1, 20), date(2014, 2, 10), date(2014, 3, 3), date(2014, 3, 17)]
    return [toy.Patrol(f"X{i}", "s1", d) for i, d in enumerate(days, start=1)]


def test_the_toy_scores_a_quarter_as_worked_by_hand(toy: ModuleType) -> None:
    campaign = toy.bureaukit_campaigns()[0]
    out = run(campaign, units=UNITS, records={"patrols": patrols(toy)}, period="2014-Q1")
    # s1: 2 in January, 1 in February (short), 2 in March: 2 of 3 months → 100 × 2/3
    assert out.value("unit:s1", "points") == "66.67"
    assert out.score("unit:s1", "points").evidence[0].note == "2/3 × 100 = 66.67"
    assert out.score("unit:s1", "points").evidence[0].source == "<patrols>"
    (feb,) = out.find("patrol.short", "unit:s1")
    assert feb.severity == "warning" and feb.message == {"zh": "2014-02 巡查 1/2 次", "en": "2014-02: 1 of 2 patrols"}
    # s2 patrolled never: 0 points and one finding per month; the office is no station
    assert out.value("unit:s2", "points") == "0.00"
    assert [f.message["zh"] for f in out.find("patrol.short", "unit:s2")] == [
        "2014-01 巡查 0/2 次", "2014-02 巡查 0/2 次", "2014-03 巡查 0/2 次"]
    assert not out.has_score("unit:office", "points")
    # per_month = 1 from the settings table: February is enough too
    relaxed = run(campaign, units=UNITS, records={"patrols": patrols(toy)}, period="2014-Q1", settings={"per_month": 1})
    assert relaxed.value("unit:s1", "points") == "100.00" and not relaxed.find("patrol.short", "unit:s1")


def test_records_of_a_class_the_campaign_does_not_keep_names_its_kinds(toy: ModuleType) -> None:
    from bureaukit.testing import context

    ctx = context(toy.bureaukit_campaigns()[0], units=UNITS, period="2014-Q1")
    assert ctx.records_of(toy.Patrol) == ()
    with pytest.raises(TypeError, match=r"^Settings is not a record kind of campaign patrol; its kinds: patrols \(Patrol\)$"):
        ctx.records_of(toy.Settings)


def test_the_toy_loads_as_a_plugin_of_a_bureau(toy: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "bureau.toml").write_text(
        '[bureau]\nid = "b"\nname = "局"\n\n[campaigns]\nenabled = ["patrol"]\n\n'
        '[campaigns.patrol]\nper_month = 1\nledgers.patrols = "巡查.csv"\n\n'
        '[[units]]\nid = "bureau"\nname = "局"\nkind = "bureau"\n\n'
        '[[units]]\nid = "s1"\nname = "一站"\nkind = "station"\nparent = "bureau"\n\n[[people]]\nid = "p1"\nname = "张三"\nunit = "s1"\n',
        encoding="utf-8",
    )
    (tmp_path / "巡查.csv").write_text("编号,单位,日期\nX1,s1,2014-01-06\nX2,s1,2014-03-03\n", encoding="utf-8")
    result = bureaukit.score(bureaukit.load(tmp_path / "bureau.toml", plugins=[toy]), "2014-Q1")
    (s1,) = [s for s in result.scores if s.subject == "unit:s1"]
    assert s1.value * 3 == 200 and s1.evidence[0].source == "巡查.csv" and s1.evidence[0].row == 2
    assert [f.message["en"] for f in result.findings] == ["2014-02: 0 of 1 patrols"]


PAGE = Path(__file__).resolve().parents[1] / "docs" / "writing-a-plugin.md"


def test_the_one_page_lists_every_name_of_the_plugin_api_and_no_other() -> None:
    import bureaukit.plugin as bk

    page = PAGE.read_text(encoding="utf-8")
    table = page[page.index("| topic | names |"):page.index("Your tests use `bureaukit.testing`")]
    listed = {name.split("(")[0].split(".")[0] for name in re.findall(r"`([A-Za-z_][\w.]*)", table)}
    assert set(bk.__all__) <= listed, sorted(set(bk.__all__) - listed)
    words = {"mypy", "ctx", "check", "ROLE"}  # `mypy --strict`, `ctx.settings…`, your `check`, `ROLE@KIND`
    assert listed - set(bk.__all__) <= words, sorted(listed - set(bk.__all__) - words)
    assert all(hasattr(bk, name) for name in bk.__all__)


def test_importing_the_plugin_api_loads_neither_the_engine_nor_the_staged_campaigns_tools() -> None:
    code = ("import sys, bureaukit.plugin\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('bureaukit'))))\n"
            "from bureaukit.plugin import Gates, StepLog\n"
            "print(Gates.__module__, StepLog.__module__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    loaded = set(out[0].split())
    assert "bureaukit.plugin" in loaded
    assert not loaded & {"bureaukit.gates", "bureaukit.phases", "bureaukit.engine", "bureaukit.bureau",
                         "bureaukit.config", "bureaukit.ledgers", "bureaukit.readers", "bureaukit.result"}
    assert out[1] == "bureaukit.gates bureaukit.phases"


def test_a_name_the_plugin_api_does_not_have_is_an_attribute_error() -> None:
    import bureaukit.plugin as bk

    with pytest.raises(AttributeError, match=r"'bureaukit\.plugin' has no attribute 'StepLg'"):
        bk.StepLg  # noqa: B018
