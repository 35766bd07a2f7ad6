"""Federations from the members' archived finals (design/SCALE.md §2 ``source = "final"``,
LIFECYCLE §2): the hub combines what each member locked, not what its ledgers say today;
the result cites each final (archive, run number, result sha256) so ``verify`` finds it.
On SQLite and on the real PostgreSQL server the tests start, every member recording into
one hub archive (``BUREAUKIT_ARCHIVE_URL``), as bureaus on their own machines would.

Hand-worked (fedtools: composite = 100 × contract total / 4000):

    county A finalised at 2000 → 50.00; its ledger then edited to 4000 (afresh: 100.00)
    county B finalised at 3000 → 75.00
    city from finals: (50.00 + 75.00) / 2 = 62.50; afresh it would be (100.00 + 75.00) / 2 = 87.50
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fedtools import bureau, federation

from bureaukit.archive import open_archive
from bureaukit.federation import MemberFailure, score_federation
from bureaukit.testing import run_cli


@pytest.fixture
def hub(tmp_path: Path, archive_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A city of counties A and B, both finalised into the hub archive, A edited since."""
    monkeypatch.setenv("BUREAUKIT_ARCHIVE_URL", archive_url)
    for folder, bid, name, total in (("a", "county-a", "甲县交通运输局", 2000), ("b", "county-b", "乙县交通运输局", 3000)):
        cfg = bureau(tmp_path / folder, bid, name, total)
        r = run_cli("finalise", cfg, "--period", "2014", "--by", "张三")
        assert r.exit_code == 0, r.stderr
    projects = tmp_path / "a" / "projects.csv"
    projects.write_text(projects.read_text(encoding="utf-8").replace(",2000,", ",4000,"), encoding="utf-8")
    return federation(tmp_path / "city.toml", "city", "某市交通运输系统", ["*/bureau.toml"], 'source = "final"\n')


def test_finals_not_today_ledgers(hub: Path, archive_url: str) -> None:
    r = score_federation(hub, jobs=2)
    assert (r.source, r.composite) == ("final", 62.50)
    assert [(m.subject, m.composite, m.rank) for m in r.members] == [
        ("bureau:county-a", 50, 2), ("bureau:county-b", 75, 1)]
    afresh = score_federation(federation(hub.parent / "afresh.toml", "city", "某市", ["*/bureau.toml"]), jobs=1)
    assert afresh.composite == 87.50
    with open_archive(archive_url, hub.parent) as archive:
        for m in r.members:
            bid = m.subject.removeprefix("bureau:")
            final = archive.final_run(bid, "2014")
            assert final is not None and m.final is not None
            assert (m.final.number, m.final.result_sha256, m.final.by) == (final.number, final.result_sha256, "张三")
            assert m.config_hash == archive.file_hashes(bid, final.number)["bureau.toml"][1]
    # the run it cites is the one verify re-checks from its archived inputs
    a = hub.parent / "a" / "bureau.toml"
    v = run_cli("verify", a, str(r.members[0].final.number if r.members[0].final else 0))
    assert v.exit_code == 0, v.stdout + v.stderr


def test_finals_json_cites_each_run(hub: Path, tmp_path: Path) -> None:
    out = tmp_path / "city.json"
    r = run_cli("score", hub, "-o", out)
    assert r.exit_code == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["federation"]["source"] == "final" and data["composite"] == "62.50"
    a = data["members"][0]
    assert a["final"]["number"] == 1 and a["final"]["result_sha256"].startswith("sha256:")
    assert a["final"]["as_of"] == "2014-12-31" and a["composite"] == "50.00"
    again = tmp_path / "again.json"
    assert run_cli("score", hub, "--jobs", "1", "-o", again).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_a_member_without_final_is_named(hub: Path, tmp_path: Path) -> None:
    b = tmp_path / "b" / "bureau.toml"
    assert run_cli("reopen", b, "--period", "2014", "--by", "李四", "--reason", "复核更正").exit_code == 0
    with pytest.raises(MemberFailure) as got:
        score_federation(hub, jobs=1)
    text = "\n".join(got.value.problems)
    assert f"member {b}: " in text and "bureau county-b has no final run of period 2014" in text
    assert "superseded" in text and "bureaukit finalise" in text
    out = tmp_path / "city.json"
    r = run_cli("score", hub, "-o", out)
    assert r.exit_code == 2 and "county-b" in r.stderr and "Traceback" not in r.stderr and not out.exists()
    # --keep-going: written, B missing, the city is A's final alone
    r = run_cli("score", hub, "--keep-going", "-o", out)
    assert r.exit_code == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["composite"] == "50.00" and data["missing"] == ["bureau:county-b"]


def test_as_of_is_refused_for_finals(hub: Path) -> None:
    r = run_cli("score", hub, "--as-of", "2014-06-30")
    assert r.exit_code == 2 and "--as-of" in r.stderr and "Traceback" not in r.stderr


def test_no_archive_is_the_members_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BUREAUKIT_ARCHIVE_URL", raising=False)
    bureau(tmp_path / "a", "county-a", "甲县交通运输局", 2000)
    city = federation(tmp_path / "city.toml", "city", "某市", ["*/bureau.toml"], 'source = "final"\n')
    r = run_cli("score", city)
    assert r.exit_code == 2
    assert "bureau.toml: archive.url: no archive to read its final run from" in r.stderr
