"""The whole path with the tiny campaign: files → load → score → result JSON."""

import json
import random
from pathlib import Path

import pytest
from core_support import DEEDS_CSV
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit
from bureaukit.errors import InputError, PluginFailure
from bureaukit.outcomes import Evidence
from bureaukit.result import cited


def score_json(bureau_dir: Path, tiny: object, **kw: object) -> dict:  # type: ignore[type-arg]
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny])
    return bureaukit.score(b, **kw).to_dict()  # type: ignore[arg-type]


def test_final_run_scores_pays_and_finds(bureau_dir: Path, tiny_plugin: object) -> None:
    r = score_json(bureau_dir, tiny_plugin)
    assert r["period"] == {"id": "2014", "start": "2014-01-01", "end": "2014-12-31", "as_of": "2014-12-31",
                           "time_progress": "1.0000", "final": True}
    pts = {s["subject"]: s["value"] for s in r["scores"] if s["metric"] == "points"}
    assert pts == {"unit:off": "0.00", "unit:s1": "100.00", "unit:s2": "50.00", "unit:s3": "0.00"}
    deeds = next(s for s in r["scores"] if s["subject"] == "unit:s1" and s["metric"] == "deeds")
    assert deeds["value"] == "2" and deeds["target"] == "2"
    assert cited(r, deeds)[0] == Evidence("ledgers/deeds.csv", 2, "d1")  # its note "visit" is not stored (schema 2)
    fees = {(p["subject"], p["amount"]) for p in r["payments"]}
    assert fees == {("person:p2", "50.00"), ("person:p3", "50.00"), ("person:p4", "100.00")}
    codes = [(f["code"], f["subject"]) for f in r["findings"]]
    # violations sort before warnings: the core's phase steps, then the open urgent deed
    assert codes[0][0] == "tiny.step_missing" and ("tiny.open", "unit:s1") in codes
    card = {c["subject"]: c for c in r["scorecards"]}
    assert card["unit:s1"]["rank"] == 1 and card["unit:s2"]["rank"] == 2 and card["unit:s3"]["rank"] == 3
    assert r["inputs"]["files"]["ledgers/deeds.csv"].startswith("sha256:")


def test_as_of_cuts_records_and_completions(bureau_dir: Path, tiny_plugin: object) -> None:
    r = score_json(bureau_dir, tiny_plugin, period="2014", as_of="2014-07-31")
    assert r["period"]["final"] is False and r["period"]["time_progress"] == "0.5808"
    assert r["payments"] == []  # money is settled only in final runs
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    res = bureaukit.score(b, as_of="2014-07-31")
    # d3 (dated 07-01) counts, its done date 08-01 reads as empty on 07-31
    s2 = next(s for s in res.scores if s.subject == "unit:s2" and s.metric == "deeds")
    assert s2.value == 1
    res_early = bureaukit.score(b, as_of="2014-04-30")
    assert next(s for s in res_early.scores if s.subject == "unit:s1" and s.metric == "deeds").value == 1


def test_period_errors(bureau_dir: Path, tiny_plugin: object) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    with pytest.raises(InputError, match="不在考核期 2014-H1"):
        bureaukit.score(b, period="2014-H1", as_of="2014-07-01")
    with pytest.raises(InputError, match="outside period 2014-H1"):
        bureaukit.score(b, period="2014-H1", as_of="2014-07-01", lang="en")
    with pytest.raises(InputError, match="unknown period"):
        bureaukit.score(b, period="last-year")
    with pytest.raises(InputError, match='"nope" 未启用'):
        bureaukit.score(b, campaigns=["nope"])


def test_as_of_takes_the_forms_of_a_ledger_cell(bureau_dir: Path, tiny_plugin: object) -> None:
    """REPORTS §5: --as-of 2014/6/30 and 2014年6月30日 are 2014-06-30."""
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    for text in ("2014-06-30", "2014/6/30", "2014年6月30日", " 2014.06.30 "):
        assert bureaukit.score(b, as_of=text).period.as_of.isoformat() == "2014-06-30", text
    with pytest.raises(InputError, match="2014年6月30日"):
        bureaukit.score(b, as_of="41820")  # an Excel serial is no date a clerk types


def test_identical_inputs_give_identical_json(bureau_dir: Path, tiny_plugin: object) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    a = bureaukit.score(b).to_json()
    b2 = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    assert bureaukit.score(b2).to_json() == a
    json.loads(a)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.randoms(use_true_random=False))
def test_row_order_does_not_change_the_result(bureau_dir: Path, tiny_plugin: object, rnd: random.Random) -> None:
    header, *rows = DEEDS_CSV.strip().split("\n")
    base = score_json(bureau_dir, tiny_plugin)
    rnd.shuffle(rows)
    (bureau_dir / "ledgers" / "deeds.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    shuffled = score_json(bureau_dir, tiny_plugin)
    try:
        for key in ("scores", "payments", "findings", "scorecards"):
            strip = lambda items: [{k: v for k, v in i.items() if k != "evidence"} for i in items]  # noqa: E731
            assert strip(shuffled[key]) == strip(base[key])
    finally:
        (bureau_dir / "ledgers" / "deeds.csv").write_text(DEEDS_CSV, encoding="utf-8")


class Raising:
    @bureaukit.hookimpl
    def bureaukit_campaigns(self) -> list[bureaukit.Campaign]:
        import tiny

        def boom(ctx: object) -> list[object]:
            raise ZeroDivisionError("division by zero in rule 3")

        import attrs

        return [attrs.evolve(tiny.CAMPAIGN, score=boom)]


class Garbage:
    @bureaukit.hookimpl
    def bureaukit_campaigns(self) -> list[bureaukit.Campaign]:
        import attrs
        import tiny

        return [attrs.evolve(tiny.CAMPAIGN, score=lambda ctx: [bureaukit.Score("unit:s1", "points", 1.5)])]  # type: ignore[arg-type]


class WrongApi:
    @bureaukit.hookimpl
    def bureaukit_campaigns(self) -> list[bureaukit.Campaign]:
        import attrs
        import tiny

        return [attrs.evolve(tiny.CAMPAIGN, api=99)]


def test_raising_plugin_is_that_plugins_failure(bureau_dir: Path) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[Raising()])
    with pytest.raises(PluginFailure) as exc:
        bureaukit.score(b)
    assert exc.value.plugin == "tiny" and "ZeroDivisionError: division by zero in rule 3" in str(exc.value)
    assert exc.value.traceback and "boom" in exc.value.traceback


def test_garbage_outcome_is_a_plugin_failure(bureau_dir: Path) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[Garbage()])
    with pytest.raises(PluginFailure, match="float value: use Decimal"):
        bureaukit.score(b)


def test_wrong_api_version_is_refused(bureau_dir: Path) -> None:
    with pytest.raises(PluginFailure, match="plugin API 99"):
        bureaukit.load(bureau_dir / "bureau.toml", plugins=[WrongApi()])


def test_timeout(bureau_dir: Path) -> None:
    import threading

    import attrs
    import tiny

    gate = threading.Event()

    class Slow:
        @bureaukit.hookimpl
        def bureaukit_campaigns(self) -> list[bureaukit.Campaign]:
            def slow(ctx: object) -> list[object]:
                gate.wait(5)
                return []

            return [attrs.evolve(tiny.CAMPAIGN, score=slow)]

    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[Slow()])
    try:
        with pytest.raises(PluginFailure, match=r"still scoring after --timeout 0\.2 s"):
            bureaukit.score(b, timeout=0.2)
    finally:
        gate.set()


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.integers(min_value=1, max_value=2))
def test_splitting_a_ledger_into_files_changes_nothing_but_evidence(bureau_dir: Path, tiny_plugin: object, cut: int) -> None:
    header, *rows = DEEDS_CSV.strip().split("\n")
    base = score_json(bureau_dir, tiny_plugin)
    (bureau_dir / "ledgers" / "a.csv").write_text("\n".join([header, *rows[:cut]]) + "\n", encoding="utf-8")
    (bureau_dir / "ledgers" / "b.csv").write_text("\n".join([header, *rows[cut:]]) + "\n", encoding="gb18030")
    cfg = bureau_dir / "bureau.toml"
    original = cfg.read_text(encoding="utf-8")
    cfg.write_text(original.replace('deeds = "ledgers/deeds.csv"', 'deeds = ["ledgers/a.csv", "ledgers/b.csv"]'), encoding="utf-8")
    try:
        split = score_json(bureau_dir, tiny_plugin)
    finally:
        cfg.write_text(original, encoding="utf-8")
    strip = lambda items: [{k: v for k, v in i.items() if k != "evidence"} for i in items]  # noqa: E731
    for key in ("scores", "payments", "findings", "scorecards"):
        assert strip(split[key]) == strip(base[key])


def test_a_later_as_of_never_uncounts_a_record(bureau_dir: Path, tiny_plugin: object) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    previous: dict[str, int] = {}
    for month in range(1, 13):
        res = bureaukit.score(b, as_of=f"2014-{month:02d}-28")
        counts = {s.subject: int(s.value) for s in res.scores if s.metric == "deeds"}
        for subject, n in previous.items():
            assert counts[subject] >= n
        previous = counts
    assert previous == {"unit:off": 0, "unit:s1": 2, "unit:s2": 1, "unit:s3": 0}


DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"


def test_bundled_findings_are_stamped_by_ctx_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every finding of the bundled campaigns and of the core's step rule is made by
    ``ctx.finding``, which names its campaign, so the engine keeps it as it is: one built
    with ``Finding(...)`` was copied (``attrs.evolve``) to be stamped, the dearest part of
    checking a staged campaign's findings (docs/performance.md, eighth session). The demo
    has findings of every kind that was built so (as the asserted codes show)."""
    from bureaukit import engine
    from bureaukit.outcomes import Finding

    copied: list[str] = []
    stamped = engine._stamped

    def spy(o: engine.Outcome, name: str) -> engine.Outcome:
        out = stamped(o, name)
        if out is not o and isinstance(o, Finding):
            copied.append(o.code)
        return out

    monkeypatch.setattr(engine, "_stamped", spy)
    result = bureaukit.score(bureaukit.load(DEMO))
    assert copied == []
    assert {f.campaign for f in result.findings} == {f.code.partition(".")[0] for f in result.findings}
    assert {"style.site_visit", "style.complaint", "style.meeting_overlong", "style.meeting_missing",
            "style.step_missing", "vanguard.step_missing", "vanguard.not_published", "vanguard.measure_overdue",
            "vanguard.makeup_overdue", "vanguard.review_missing", "vanguard.moved_unapproved",
            "vanguard.approved_early", "wubi.pacesetter"} <= {f.code for f in result.findings}
