"""bureaukit.testing's conftest fixtures: ``org_fixture`` (a fresh small bureau per test)
and ``runner_fixture`` (runs a campaign on it, reading it when called), as every plugin's
conftest declares them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tiny import CAMPAIGN as TINY
from tiny import Deed, Kind

from bureaukit.testing import Outcomes, org_fixture, person, runner_fixture, unit


def two_units() -> dict[str, Any]:
    return {"units": [unit("bureau", kind="bureau"), unit("road", parent="bureau")],
            "people": [person("p1", "road")]}


org = org_fixture(two_units)
tiny = runner_fixture(TINY, "tiny", period="2014-H1")


def test_the_runner_runs_on_the_org_as_the_test_left_it(
    org: dict[str, Any], tiny: Callable[..., Outcomes]
) -> None:
    before = tiny()
    assert before.value("unit:road", "deeds") == "0"
    assert not before.has_score("unit:bridge", "deeds")
    org["units"] = [*org["units"], unit("bridge", parent="bureau")]
    after = tiny()
    assert after.value("unit:bridge", "deeds") == "0"
    # the fixture's period, or the one the call gives (a fee is paid for the run's period)
    deeds = {"deeds": [Deed("D1", "road", date(2014, 3, 1), Kind.visit, people=("p1",))]}
    assert [p.period for p in tiny(records=deeds).payments] == ["2014-H1"]
    assert [p.period for p in tiny(records=deeds, period="2014").payments] == ["2014"]


def test_each_test_gets_a_fresh_org(org: dict[str, Any]) -> None:
    # the test above added "bridge" to its own copy only
    assert [u.id for u in org["units"]] == ["bureau", "road"]
