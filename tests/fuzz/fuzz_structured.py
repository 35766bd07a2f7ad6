"""Structure-aware fuzzing with hypothesis (random bytes rarely get past the TOML parser
or a ledger's header row; these do).

- ``config``: TOML documents built from the config's real keys (and near misses) with
  values of every TOML type: huge and tiny numbers, nan/inf, odd dates, nested tables.
- ``cells``: the base bureau (tests/bad_inputs/base) with random cells — text, control
  characters, numbers of any size, date-like strings — in random conduct ledger columns,
  as csv, json or jsonl.

Each example runs ``bureaukit.load`` and, when it loads, ``bureaukit.engine.score`` and
every renderer. Only InputError may escape; a PluginFailure is printed as a plugin bug.

    python tests/fuzz/fuzz_structured.py config 300     # target, seconds
    python tests/fuzz/fuzz_structured.py cells 300
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bureaukit.bureau
from bureaukit.engine import score
from bureaukit.errors import InputError, PluginFailure
from bureaukit.render import CORE_RENDERERS, RenderOptions

BASE = Path(__file__).resolve().parent.parent / "bad_inputs" / "base"
STATS = {"examples": 0, "loaded": 0, "input_errors": 0, "plugin_failures": 0}
PLUGIN_BUGS: dict[str, str] = {}

# --- TOML values ----------------------------------------------------------------------

KEYS = {
    "bureau": ["id", "name", "period", "language", "time_progress", "nmae"],
    "calendar": ["holidays", "workdays", "source"],
    "scoring": ["weights", "grades", "groups", "rollup", "rank_people"],
    "periods": ["style-year", "h"],
    "roles": ["inspector"],
    "campaigns.conduct": ["units", "stages", "satisfaction", "problems", "trace_back",
                          "not_overseen_by_main_leader", "discipline_secretary_oversees", "areas"],
}
scalars = st.one_of(
    st.text(max_size=12), st.sampled_from(["2014", "2014-H1", "2014-13", "2014-02-30", "2013-05-01..2014-04-30",
                                           "zh", "en", "days", "months", "conduct", "office", "weekends",
                                           "chinese-calendar", "..", "2014-Q5", "serious"]),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 10**400, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1e999999", "-1e-999999"]).map(Decimal),
    st.booleans(), st.dates(), st.datetimes(),
)


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if v != v else ("inf" if v == float("inf") else "-inf" if v == float("-inf") else repr(v))
    if isinstance(v, Decimal):
        return str(v).replace("E", "e")
    if isinstance(v, int):
        return str(v)
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["min", "label", "id", "title", "weight", "satisfied", "basic", "max",
                                     "conduct", "office", "x"]), inner, max_size=4),
), max_leaves=8)


@st.composite
def configs(draw: st.DrawFn) -> str:
    base = (BASE / "bureau.toml").read_text(encoding="utf-8")
    lines = base.splitlines()
    # replace some values of the base, then add random keys in random tables
    out = []
    for line in lines:
        if "=" in line and not line.startswith("#") and draw(st.integers(0, 24)) == 0:
            key = line.split("=", 1)[0]
            out.append(f"{key}= {toml_value(draw(values))}")
        else:
            out.append(line)
    for _ in range(draw(st.integers(0, 3))):
        table = draw(st.sampled_from(sorted(KEYS)))
        key = draw(st.sampled_from(KEYS[table]))
        out.append(f"\n[{table}]\n{json.dumps(key)} = {toml_value(draw(values))}")
    return "\n".join(out) + "\n"


# --- ledger cells -----------------------------------------------------------------------

cells = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    st.sampled_from(["", " ", "2014-02-30", "2014/5/20", "2014年5月20日", "41000", "1e999999999", "-0", "NaN",
                     "1,234", "是", "否", "√", "满意", "基本满意", "office", "ygs;ygs_n", "p01", "明察暗访",
                     "=1+1", "\x00", "\ufeff", "9" * 40, "0." + "0" * 40 + "1"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
LEDGERS = ["stage_scores", "surveys", "problems", "requests", "accountability"]


@st.composite
def ledger_edits(draw: st.DrawFn) -> tuple[str, str, list[list[str]]]:
    kind = draw(st.sampled_from(LEDGERS))
    text = (BASE / "ledgers" / f"{kind}.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    for _ in range(draw(st.integers(1, 4))):
        r = draw(st.integers(1, len(rows) - 1))
        c = draw(st.integers(0, len(rows[0]) - 1))
        rows[r][c] = draw(cells)
    fmt = draw(st.sampled_from(["csv", "json", "jsonl"]))
    return kind, fmt, rows


def run_bureau(cfg: Path) -> None:
    STATS["examples"] += 1
    try:
        bureau = bureaukit.bureau.load(cfg)
        result = score(bureau)
        for r in CORE_RENDERERS:
            r.render(result, RenderOptions(lang=result.language))
        STATS["loaded"] += 1
    except InputError as exc:
        assert exc.problems and all(isinstance(p, str) and p.strip() for p in exc.problems)
        assert not any("Traceback" in p for p in exc.problems)
        STATS["input_errors"] += 1
    except PluginFailure as exc:
        STATS["plugin_failures"] += 1
        PLUGIN_BUGS.setdefault(str(exc), cfg.read_text(encoding="utf-8", errors="replace")[:3000])


def main() -> None:
    target = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    work = Path(tempfile.mkdtemp(prefix="bureaukit-fuzz-structured-"))
    root = work / "b"
    shutil.copytree(BASE, root)
    cfg = root / "bureau.toml"
    base_toml = cfg.read_text(encoding="utf-8")
    deadline = time.monotonic() + seconds
    cfg_settings = settings(max_examples=300, deadline=None, database=None,
                            suppress_health_check=list(HealthCheck))

    if target == "config":
        @cfg_settings
        @given(configs())
        def fuzz(text: str) -> None:
            cfg.write_text(text, encoding="utf-8")
            run_bureau(cfg)
    elif target == "cells":
        @cfg_settings
        @given(ledger_edits())
        def fuzz(edit: tuple[str, str, list[list[str]]]) -> None:
            kind, fmt, rows = edit
            shutil.rmtree(root / "ledgers")
            shutil.copytree(BASE / "ledgers", root / "ledgers")
            name = f"ledgers/{kind}.{fmt}"
            if fmt == "csv":
                buf = io.StringIO()
                csv.writer(buf, lineterminator="\n").writerows(rows)
                (root / name).write_text(buf.getvalue(), encoding="utf-8")
            else:
                objs = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
                body = json.dumps(objs, ensure_ascii=False) if fmt == "json" else "\n".join(
                    json.dumps(o, ensure_ascii=False) for o in objs)
                (root / name).write_text(body, encoding="utf-8")
            cfg.write_text(base_toml.replace(f"ledgers/{kind}.csv", name), encoding="utf-8")
            run_bureau(cfg)
    else:
        raise SystemExit(f"unknown target {target!r}: config | cells")
    try:
        while time.monotonic() < deadline:  # fresh random batches of 300 until time is up
            fuzz()
    finally:
        print(json.dumps({"target": target, "seconds": seconds, **STATS}), file=sys.stderr)
        for msg, example in PLUGIN_BUGS.items():
            print(f"PLUGIN BUG: {msg}\n--- example ---\n{example}\n", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
