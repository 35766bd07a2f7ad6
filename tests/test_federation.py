"""Federations 三级联动 (design/SCALE.md §2): members scored as alone, ranked, rolled up
``(1 − weight) × own + weight × mean(members)``, nested; failing members; --jobs.

Every bureau here is a real bureau on disk scored by the real investment plugin, with one
target (total_wan 4000) and one confirmed project, so its root composite is worked by hand:
investment's points = 100 × min(1, contract total / 4000) (seed 000 一、目标任务), and with
one rating campaign and no roll-up of units the root's composite is those points.

    county A: 2000 / 4000 → 50.00        county B: 3000 / 4000 → 75.00
    county C: 4000 / 4000 → 100.00       province's own units: 1600 / 4000 → 40.00
    city (A, B; no units of its own): mean = (50.00 + 75.00) / 2 = 62.50
    province (own, weight 0.3; members city and C): mean = (62.50 + 100.00) / 2 = 81.25
        0.7 × 40.00 + 0.3 × 81.25 = 28 + 24.375 = 52.375 → 52.38 (ROUND_HALF_UP)
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from fedtools import bureau, federation, make_province
from hypothesis import given
from hypothesis import strategies as st

from bureaukit.errors import InputError
from bureaukit.federation import (
    FederationConfig,
    FederationResult,
    MemberFailure,
    Node,
    combine,
    roll_up,
    score_federation,
)
from bureaukit.federation_runs import BureauRun
from bureaukit.testing import run_cli


@pytest.fixture
def province(tmp_path: Path) -> Path:
    return make_province(tmp_path)


def test_roll_up_by_hand(province: Path) -> None:
    r = score_federation(province, jobs=1)
    assert r.own is not None and r.own.composite == Decimal("40.00")
    assert r.composite == Decimal("52.38")
    assert "(62.50 + 100.00) / 2 = 81.25" in r.note and "= 52.38" in r.note
    by = {m.subject: m for m in r.members}
    assert [(s, by[s].composite, by[s].rank) for s in sorted(by)] == [
        ("bureau:city", Decimal("62.50"), 2),
        ("bureau:county-c", Decimal("100.00"), 1),
    ]
    city = by["bureau:city"].federation
    assert city is not None and city.composite == Decimal("62.50") and city.own is None
    assert [(m.subject, m.composite, m.rank) for m in city.members] == [
        ("bureau:county-a", Decimal("50.00"), 2),
        ("bureau:county-b", Decimal("75.00"), 1),
    ]
    a = city.members[0]
    assert a.config == "a/bureau.toml" and a.config_hash and a.config_hash.startswith("sha256:")
    assert set(a.inputs) >= {"projects.csv"} or any(k.endswith("projects.csv") for k in a.inputs)


def test_roll_up_arithmetic() -> None:
    assert roll_up(None, None, [("bureau:a", Decimal("50.00")), ("bureau:b", Decimal("75.00"))])[0] == Decimal("62.50")
    # a tie of halves rounds up, as composites do: 0.5 × 70.01 + 0.5 × 70.00 = 70.005 → 70.01
    assert roll_up(Decimal("70.01"), Decimal("0.5"), [("bureau:a", Decimal("70.00"))])[0] == Decimal("70.01")
    assert roll_up(Decimal("40"), Decimal("0.3"), [("bureau:a", None)]) == (
        Decimal("40.00"), "本级 own 40.00 (无成员得分 no member composite)")


def test_jobs_one_and_two_write_the_same_bytes(province: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    r1 = run_cli("score", str(province), "--jobs", "1", "-o", str(one))
    r2 = run_cli("score", str(province), "--jobs", "2", "-o", str(two))
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.stderr + r2.stderr
    assert one.read_bytes() == two.read_bytes()
    data = json.loads(one.read_text(encoding="utf-8"))
    assert data["schema"] == "bureaukit.federation/1" and data["composite"] == "52.38"


def test_failing_member_is_named_and_nothing_written(province: Path, tmp_path: Path) -> None:
    bad = tmp_path / "city" / "b" / "projects.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",3000,", ",三千,"), encoding="utf-8")
    with pytest.raises(MemberFailure) as got:
        score_federation(province, jobs=2)
    assert any(line.startswith(f"member {tmp_path / 'city' / 'b' / 'bureau.toml'}: ") and "合同投资额" in line
               for line in got.value.problems)
    out = tmp_path / "out.json"
    r = run_cli("score", str(province), "-o", str(out))
    assert r.exit_code == 2 and "1 member bureau(s) failed" in r.stderr
    assert not out.exists()


def test_keep_going_writes_with_the_member_missing(province: Path, tmp_path: Path) -> None:
    bad = tmp_path / "city" / "b" / "projects.csv"
    bad.write_text(bad.read_text(encoding="utf-8").replace(",3000,", ",三千,"), encoding="utf-8")
    out = tmp_path / "out.json"
    r = run_cli("score", str(province), "--keep-going", "-o", str(out))
    assert r.exit_code == 2 and "bureau:county-b" in r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    city = next(m for m in data["members"] if m["subject"] == "bureau:city")["federation"]
    b = next(m for m in city["members"] if m["subject"] == "bureau:county-b")
    assert b["status"] == "missing" and b["rank"] is None and b["composite"] is None and b["errors"]
    # the city is county A alone now: 50.00; the province 0.7 × 40 + 0.3 × (50 + 100) / 2 = 50.50
    assert city["composite"] == "50.00" and city["missing"] == ["bureau:county-b"]
    assert data["composite"] == "50.50"


def test_bad_federation_config_every_problem(tmp_path: Path) -> None:
    path = federation(tmp_path / "f.toml", "f", "某市", ["nothing/*.toml"], "weight = 2\nsource = \"archive\"\ncolour = 1\n")
    with pytest.raises(InputError) as got:
        score_federation(path)
    text = "\n".join(got.value.problems)
    assert "federation.members[0]: 'nothing/*.toml' matches no file" in text
    assert "federation.weight: expected a share from 0 to 1, got 2" in text
    assert "federation.source" in text and "federation.colour: unknown key" in text


def test_a_federation_containing_itself_is_a_cycle(tmp_path: Path) -> None:
    a = federation(tmp_path / "a" / "fed.toml", "a", "甲", ["../b/fed.toml"])
    federation(tmp_path / "b" / "fed.toml", "b", "乙", ["../a/fed.toml"])
    r = run_cli("score", str(a))
    assert r.exit_code == 2 and "a cycle" in r.stderr and "Traceback" not in r.stderr


def test_members_ranked_within_groups(tmp_path: Path) -> None:
    """县区局 A 50.00, B 75.00; 直属单位 C 100.00, D 60.00: each group ranked apart; the
    city is the mean of all four, (50 + 75 + 100 + 60) / 4 = 71.25."""
    bureau(tmp_path / "counties" / "a", "county-a", "甲县交通运输局", 2000)
    bureau(tmp_path / "counties" / "b", "county-b", "乙县交通运输局", 3000)
    bureau(tmp_path / "direct" / "c", "port", "港航管理局", 4000)
    bureau(tmp_path / "direct" / "d", "road", "公路管理局", 2400)
    city = federation(tmp_path / "city.toml", "city", "某市交通运输系统", [], "")
    city.write_text(city.read_text(encoding="utf-8").replace(
        "members = []", 'members = { "县区局" = ["counties/*/bureau.toml"], "直属单位" = ["direct/*/bureau.toml"] }'),
        encoding="utf-8")
    r = score_federation(city, jobs=1)
    assert r.composite == Decimal("71.25")
    assert [(m.subject, m.group, m.composite, m.rank) for m in r.members] == [
        ("bureau:county-a", "县区局", Decimal("50.00"), 2),
        ("bureau:county-b", "县区局", Decimal("75.00"), 1),
        ("bureau:port", "直属单位", Decimal("100.00"), 1),
        ("bureau:road", "直属单位", Decimal("60.00"), 2),
    ]
    text = run_cli("score", city).stdout
    assert "县区局" in text and "直属单位" in text


def test_a_member_in_two_groups_is_a_config_error(tmp_path: Path) -> None:
    bureau(tmp_path / "a", "county-a", "甲县交通运输局", 2000)
    city = tmp_path / "city.toml"
    city.write_text('[bureau]\nid = "city"\nname = "某市"\nperiod = "2014"\n\n[federation]\n'
                    'members = { "县区局" = ["a/bureau.toml"], "直属单位" = ["*/bureau.toml"], "其他" = "x" }\n',
                    encoding="utf-8")
    r = run_cli("score", city)
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    assert "federation.members.直属单位: " in r.stderr and "is also in group '县区局'" in r.stderr
    assert "federation.members.其他: expected a list of member configs" in r.stderr


GROUPS = ("县区局", "直属单位")


@given(values=st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=2)), min_size=1,
                       max_size=9),
       order=st.randoms(use_true_random=False))
def test_member_order_is_irrelevant_and_ranks_count_the_better(values: list[Decimal | None], order: Any) -> None:
    """Whatever order the config lists members in, the same bytes; a member's rank is one
    more than the members of its group with a higher composite (ties share); the standing
    is the mean of the rated members to 0.01."""
    paths = [Path(f"/fed/m{i}/bureau.toml") for i in range(len(values))]
    runs = {(p, "score"): BureauRun(str(p), f"m{i}", f"成员{i}", v, "sha256:0", {}) for i, (p, v) in
            enumerate(zip(paths, values, strict=True))}
    group = {p: GROUPS[i % 2] for i, p in enumerate(paths)}

    def city(members: list[Path]) -> FederationResult:
        declared = {p: g for g in GROUPS for p in members if group[p] == g}  # groups keep their order
        cfg = FederationConfig(Path("/fed/city.toml"), "city", "某市", "2014", tuple(declared), declared, None, False)
        return combine(Node(cfg, tuple(declared)), runs, "2014", None)

    shuffled = list(paths)
    order.shuffle(shuffled)
    a, b = city(paths), city(shuffled)
    assert a.to_json("0") == b.to_json("0")
    rated = [v for v in values if v is not None]
    assert a.composite == (None if not rated else (sum(rated, Decimal(0)) / len(rated)).quantize(Decimal("0.01"),
                                                                                                 ROUND_HALF_UP))
    for m in a.members:
        if m.composite is None:
            assert m.rank is None and m.status == "unrated"
        else:
            better = [o for o in a.members if o.group == m.group and o.composite is not None and o.composite > m.composite]
            assert m.rank == len(better) + 1


# --- the pool's order: largest first, results in task order ---------------------------


def test_schedule_by_hand() -> None:
    from bureaukit.federation_runs import schedule

    # sizes of five members in task order; the parent warms up on the smallest (task 3),
    # the workers take the others largest first, the tie (tasks 1 and 4) in task order
    assert schedule([30, 50, 10, 5, 50], warm=True) == ([3], [1, 4, 0, 2])
    assert schedule([30, 50, 10, 5, 50], warm=False) == ([], [1, 4, 0, 2, 3])
    assert schedule([7], warm=True) == ([], [0])


def test_member_size_counts_the_files_under_its_folder(tmp_path: Path) -> None:
    from bureaukit import federation_runs

    (tmp_path / "ledgers" / "inv").mkdir(parents=True)
    (tmp_path / "bureau.toml").write_bytes(b"x" * 10)
    (tmp_path / "ledgers" / "inv" / "projects.csv").write_bytes(b"y" * 300)
    (tmp_path / "ledgers" / "notes.txt").write_bytes(b"z" * 5)
    assert federation_runs.member_size(str(tmp_path / "bureau.toml")) == 315
    assert federation_runs.member_size(str(tmp_path / "missing" / "bureau.toml")) == 0


@pytest.mark.parametrize("sizes", [(1, 2, 3), (3, 2, 1), (5, 5, 5)])
def test_pool_results_stay_in_task_order_whatever_the_sizes(
        province: Path, sizes: tuple[int, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    from bureaukit import federation_runs
    from bureaukit.federation import bureaus_of, plan
    from bureaukit.plugins import installed_pinned

    args = [(str(p), source, "2014", None) for p, source in bureaus_of(plan(province))]
    assert len(args) == 4  # the province's own units, counties A, B (under the city) and C
    given_sizes = dict(zip((a[0] for a in args), (*sizes, 4), strict=True))
    monkeypatch.setattr(federation_runs, "member_size", given_sizes.__getitem__)
    with installed_pinned():
        pooled = federation_runs._in_pool(args, 2)
    serial = [federation_runs.member_run(*a) for a in args]
    assert [r.path for r in pooled] == [a[0] for a in args]
    assert pooled == serial
