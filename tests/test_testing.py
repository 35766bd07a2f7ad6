"""bureaukit.testing's helpers for the whole path: write_bureau, csv_text, run_cli."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from core_support import BASE_TOML, DEEDS_CSV, PEOPLE_CSV, UNITS_CSV

import bureaukit
from bureaukit.result import cited
from bureaukit.testing import csv_text, run_cli, write_bureau

ORG = {"org/units.csv": UNITS_CSV, "org/people.csv": PEOPLE_CSV}


def test_files_in_their_encodings_and_folders(tmp_path: Path, tiny_plugin: object) -> None:
    cfg = write_bureau(tmp_path / "new", BASE_TOML, {
        "org/units.csv": UNITS_CSV.encode("utf-8-sig"),
        "org/people.csv": PEOPLE_CSV,
        "ledgers/deeds.csv": DEEDS_CSV.encode("gb18030"),
    })
    assert cfg == tmp_path / "new" / "bureau.toml"
    assert cfg.read_bytes() == BASE_TOML.encode("utf-8")
    assert (tmp_path / "new/org/units.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert (tmp_path / "new/org/people.csv").read_bytes() == PEOPLE_CSV.encode("utf-8")
    assert (tmp_path / "new/ledgers/deeds.csv").read_bytes() == DEEDS_CSV.encode("gb18030")
    d = bureaukit.score(bureaukit.load(cfg, plugins=[tiny_plugin])).to_dict()
    deeds = next(s for s in d["scores"] if s["subject"] == "unit:s1" and s["metric"] == "deeds")
    assert [(e.source, e.row, e.record) for e in cited(d, deeds)] == [
        ("ledgers/deeds.csv", 2, "d1"), ("ledgers/deeds.csv", 3, "d2")]
    # one encoding for every text file; the TOML stays UTF-8 whatever it is
    write_bureau(tmp_path / "gb", BASE_TOML, {**ORG, "ledgers/deeds.csv": DEEDS_CSV}, encoding="gb18030")
    assert (tmp_path / "gb/ledgers/deeds.csv").read_bytes() == DEEDS_CSV.encode("gb18030")
    assert (tmp_path / "gb/bureau.toml").read_bytes() == BASE_TOML.encode("utf-8")


def test_config_as_a_mapping_reads_as_the_text_does(tmp_path: Path, tiny_plugin: object) -> None:
    config = {
        "units": "org/units.csv",
        "people": "org/people.csv",
        "bureau": {"id": "t", "name": "测试局", "period": "2014"},
        "campaigns": {"enabled": ["tiny"], "tiny": {"target": 2, "ledgers": {"deeds": "ledgers/deeds.csv"}}},
    }
    files = {**ORG, "ledgers/deeds.csv": DEEDS_CSV}
    from_text = bureaukit.load(write_bureau(tmp_path / "text", BASE_TOML, files), plugins=[tiny_plugin])
    from_map = bureaukit.load(write_bureau(tmp_path / "map", config, files), plugins=[tiny_plugin])
    a, b = bureaukit.score(from_text).to_dict(), bureaukit.score(from_map).to_dict()
    assert a.pop("inputs") != b.pop("inputs")  # the config's hash: other text, same meaning
    assert a == b and a["scores"]


def test_config_mapping_values_round_trip(tmp_path: Path) -> None:
    config = {
        "bureau": {"id": "t", "name": "测试局"},
        "periods": {"style-year": "2013-05-01..2014-04-30"},
        "campaigns": {"x": {
            "rate": Decimal("0.70"), "fee_yuan": Decimal("5"), "on": True, "day": date(2014, 5, 1),
            "quotas": [{"id": "q", "who": {"role": "unit_head"}}], "empty": {},
            "单位": {"a b": 'quote " back \\ line\n del \x7f'},
        }},
    }
    back = tomllib.loads(write_bureau(tmp_path, config).read_text(encoding="utf-8"), parse_float=Decimal)
    assert back == config
    assert str(back["campaigns"]["x"]["rate"]) == "0.70"


def test_csv_text_from_rows() -> None:
    rows = [["编号", "金额", "备注", "日期"], ["d1", Decimal("1.50"), None, date(2014, 3, 1)], ["d2", 3, 'a,"b"', "x\ny"]]
    assert csv_text(rows) == '编号,金额,备注,日期\nd1,1.50,,2014-03-01\nd2,3,"a,""b""","x\ny"\n'


@pytest.mark.usefixtures("tiny_enabled")
def test_run_cli_exit_codes_streams_and_json(tmp_path: Path) -> None:
    deeds = csv_text([["编号", "单位", "日期", "类型", "人员"], ["d1", "s1", "2014-03-01", "走访", "p2"]])
    cfg = write_bureau(tmp_path, BASE_TOML, {**ORG, "ledgers/deeds.csv": deeds.encode("gb18030")})
    r = run_cli("score", cfg, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert r.json == json.loads(r.stdout) and r.json["bureau"]["id"] == "t"
    table = run_cli("score", cfg)
    assert table.exit_code == 0 and "测试局" in table.stdout and table.json is None
    checked = run_cli("check", str(cfg))
    assert checked.exit_code == 0, checked.stderr
    (tmp_path / "ledgers/deeds.csv").write_text("编号,单位,日期,类型\nd1,s1,2014-13-01,走访\n", encoding="utf-8")
    bad = run_cli("score", cfg, "-f", "json")
    assert bad.exit_code == 2 and bad.stdout == "" and bad.json is None
    assert "deeds.csv:2: 日期:" in bad.stderr and "Traceback" not in bad.stderr
