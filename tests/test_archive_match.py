"""diff matches two runs' items on the plain tables' rows as they come (a dict made only
for the items that moved): the changes are the ones matching every item as a dict gives
(LIFECYCLE §4), whatever the keys — repeated, NULL beside '', appearing, disappearing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bureaukit.archive import open_archive
from bureaukit.archive.diff import compare_pairs, compare_results, table_pairs
from bureaukit.archive.rows import FileChange, RowChange
from bureaukit.archive.store import RunInfo

TEXT = st.sampled_from(["u1", "u2", ""])
MAYBE = st.one_of(st.none(), st.sampled_from(["", "2014-06-30"]))
VALUE = st.one_of(st.none(), st.sampled_from(["1", "2.50"]))
CITES = st.lists(st.tuples(st.sampled_from(["a.csv", "b.csv"]), st.integers(2, 4)), max_size=2).map(json.dumps)

SCORE = st.tuples(st.just("c"), TEXT, st.sampled_from(["m1", "m2"]), VALUE, VALUE, st.just("万元"), CITES)
PAYMENT = st.tuples(st.just("c"), TEXT, st.sampled_from(["风险金"]), st.sampled_from(["100.00", "50.00"]), MAYBE, CITES)
FINDING = st.tuples(st.just("c"), TEXT, st.sampled_from(["F1", "F2"]), st.just("warn"), st.just("落后"), MAYBE, CITES)
CARD = st.tuples(TEXT, st.just("名"), st.none(), st.sampled_from(["90.00", "80.00"]), st.sampled_from(["A", "B"]),
                 st.one_of(st.none(), st.integers(1, 3)),
                 st.sampled_from([{"c": "90.00", "d": "1.00"}, {"d": "1.00", "c": "90.00"}, {"c": "80.00"}]).map(
                     lambda d: json.dumps(d, ensure_ascii=False)))
RUN = st.fixed_dictionaries({"run_scores": st.lists(SCORE, max_size=6), "run_payments": st.lists(PAYMENT, max_size=4),
                             "run_findings": st.lists(FINDING, max_size=6), "run_scorecards": st.lists(CARD, max_size=4)})
COLUMNS = {
    "run_scores": "campaign, subject, metric, value, target, unit, cites",
    "run_payments": "campaign, subject, kind, amount, period, cites",
    "run_findings": "campaign, subject, code, severity, message, due, cites",
    "run_scorecards": "subject, name, grp, composite, grade, rank, campaigns",
}
CHANGED = (FileChange("a.csv", (RowChange("a.csv", "changed", 3, 3),)),
           FileChange("b.csv", (RowChange("b.csv", "added", 4, None),)))


def _run(number: int) -> RunInfo:
    day = date(2014, 12, 31)
    return RunInfo("t", number, "", "", "2014", day, day, "recorded", False, "zh", "b.toml", {}, "", "", "", "0.5")


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("match") / "archive.sqlite"


@settings(max_examples=150, deadline=None)
@given(a=RUN, b=RUN, cites=st.booleans())
def test_matching_the_rows_gives_what_matching_every_item_gives(archive_path: Path, a: dict[str, list[tuple[object, ...]]],
                                                                 b: dict[str, list[tuple[object, ...]]], cites: bool) -> None:
    with open_archive(f"sqlite:///{archive_path}", writing=True) as archive:
        for table in COLUMNS:
            archive.db.execute(f"DELETE FROM {table}")
        for number, run in ((1, a), (2, b)):
            for table, rows in run.items():
                marks = ", ".join("?" * (len(COLUMNS[table].split(", ")) + 3))
                archive.db.executemany(f"INSERT INTO {table} (bureau, number, item, {COLUMNS[table]}) VALUES ({marks})",
                                       [("t", number, item, *row) for item, row in enumerate(rows, start=1)])
        files = CHANGED if cites else ()
        fast = compare_pairs(table_pairs(archive, _run(1), _run(2), cites=cites), files)
        plain = compare_results(archive.table_items(_run(1), cites=cites), archive.table_items(_run(2), cites=cites), files)
    assert fast == plain
    if a == b:
        assert fast == []
