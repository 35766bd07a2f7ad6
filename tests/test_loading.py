"""The loading shortcuts give what the plain ways give: the interpreted and the compiled
row builders, origins stored as packed ints, annotations evaluated once per text."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tiny import Deed, Kind, Step

from bureaukit import Ledger, col
from bureaukit.cells import converter_for
from bureaukit.context import Context
from bureaukit.ledgers import Plan, row_builder
from bureaukit.org import Unit
from bureaukit.provenance import Origin, Provenance
from bureaukit.records import record_spec


class Text(str):
    """A text cell a plugin's reader might give: a str, but not exactly one."""


CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "\u3000", "\t\n", "x", " x ", "bad", "0", "1", "-3", "2014-05-20", "2014年5月20日",
                     "41779", "1,234", "1e999", "是", "否", "visit", "走访", "p2;p3", "p2、p3", "；", "nan"]),
    st.text(max_size=6),
    st.builds(Text, st.sampled_from(["", " ", "x", "2014-05-20"])),
    st.integers(-3, 50000),
    st.booleans(),
    st.decimals(places=2, min_value=-10, max_value=10),
    st.sampled_from([Decimal("NaN"), Decimal("-Infinity"), Decimal("-0"), Decimal("1E+99")]),
    st.floats(allow_nan=True),
    st.sampled_from([date(2014, 5, 20), datetime(2014, 5, 20, 8, 30), ["p2", " ", "p3"], {"a": 1}, ("x",)]),
)


def plan_of(cls: type, absent: frozenset[str] = frozenset()) -> Plan:
    """Cell i for field i, except the *absent* columns."""
    return [
        (i if f.name not in absent else None, f"{f.label}*", converter_for(f), f)
        for i, f in enumerate(record_spec(cls).fields)
    ]


def same(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    return a == b and type(a[0]) is type(b[0])


@pytest.mark.parametrize("cls", [Deed, Step])
@settings(deadline=None)
@given(rows=st.lists(st.lists(CELLS, min_size=8, max_size=8), min_size=1, max_size=6))
def test_remembered_cells_read_as_fresh_ones(cls: type, rows: list[list[Any]]) -> None:
    """A builder that has seen a cell's text before (its memo) gives what a new builder
    gives for the same row."""
    plan = plan_of(cls)
    shared = row_builder(plan, cls)
    for cells in rows * 2:  # twice: the second time through the memo
        assert same(shared(list(cells)), row_builder(plan, cls)(list(cells))), cells


@attrs.frozen
class Tagged:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "记录", "en": "Notes"}, key=("id",))
    id: str = attrs.field(metadata=col("编号"))
    text: str | None = attrs.field(default=None, metadata=col("内容"))
    tags: tuple[str, ...] = attrs.field(default=attrs.Factory(tuple), metadata=col("标签"))
    delta: int = attrs.field(default=0, metadata=col("变化", signed=True))
    when: date | None = attrs.field(default=None, metadata=col("日期"))

    @id.validator
    def _check(self, _attribute: object, value: str) -> None:
        if value == "bad":
            raise ValueError("id may not be bad")


@settings(deadline=None)
@given(
    rows=st.lists(st.lists(CELLS, min_size=5, max_size=5), min_size=1, max_size=6),
    absent=st.sets(st.sampled_from(["text", "tags", "delta", "when"])),
)
def test_absent_columns_factories_and_invalid_records_agree(rows: list[list[Any]], absent: set[str]) -> None:
    plan = plan_of(Tagged, frozenset(absent))
    shared = row_builder(plan, Tagged)
    for cells in rows * 2:
        a, b = shared(list(cells)), row_builder(plan, Tagged)(list(cells))
        assert same(a, b), cells
        if a[0] is not None and ("tags" in absent or cells[2] is None or cells[2] == ""):
            assert a[0].tags == ()


def test_an_invalid_record_reads_the_same() -> None:
    plan = plan_of(Tagged)
    build = row_builder(plan, Tagged)
    for _ in range(2):  # the second time through the memo
        assert build(["bad", "", "", "", ""]) == (None, [(None, "invalid record: id may not be bad")])
        assert build(["", "x", "a;b", "x", "2014-02-30"]) == (None, [
            ("编号*", "required, but the cell is empty"),
            ("变化*", 'expected a number, got "x"'),
            ("日期*", 'not a real date, got "2014-02-30"'),
        ])


# --- keys ------------------------------------------------------------------------------


@attrs.frozen
class Keyed:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "记录", "en": "Keyed"}, key=("a", "b", "c"))
    a: str = attrs.field(metadata=col("甲"))  # any value: the key texts of every kind of value
    b: str = attrs.field(metadata=col("乙"))
    c: str = attrs.field(metadata=col("丙"))


KEY_VALUES = st.one_of(
    st.sampled_from(["x", "X", "", "p1;p2", date(2014, 5, 20), datetime(2014, 5, 20, 8, 30), Kind.visit,
                     Kind.report, None, 1, True, Decimal("1.0"), Decimal(1), ("p1", "p2"), (Kind.visit,)]),
    st.builds(Text, st.sampled_from(["x", "y"])),
)


@settings(deadline=None)
@given(values=st.lists(st.tuples(KEY_VALUES, KEY_VALUES, KEY_VALUES), max_size=8), width=st.integers(0, 3))
def test_keys_of_a_column_are_each_record_s_key(values: list[tuple[Any, Any, Any]], width: int) -> None:
    """The key texts made a field at a time are those made a record at a time, whatever
    the fields hold (a column of dates or codes, or of mixed values: 1, True, 1.0 are
    equal values with different texts)."""
    spec = record_spec(Keyed)
    spec = attrs.evolve(spec, ledger=attrs.evolve(spec.ledger, key=("a", "b", "c")[:width]))
    recs = [Keyed(*v) for v in values]
    keys = spec.keys_of(recs)
    assert keys == [spec.key_of(r) for r in recs]
    assert all(k is None or k.__class__ is str for k in keys)



@attrs.frozen
class Job:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "任务", "en": "Jobs"}, key=("id",), key_scope="run")
    id: str = attrs.field(metadata=col("编号"))


@attrs.frozen
class Visit:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "走访", "en": "Visits"}, key=("id",))
    id: str = attrs.field(metadata=col("编号"))
    job: str = attrs.field(metadata=col("任务", ref="jobs"))
    who: str = attrs.field(metadata=col("人员", ref="person"))


@pytest.mark.usefixtures("english")
def test_keys_and_references_of_kinds_keyed_per_ledger_and_per_run() -> None:
    """Keys are made only where they are checked or referred to (docs/performance.md,
    seventh session): a kind keyed per run is not checked for duplicates with the
    ledgers, yet another kind's references to it still resolve against its keys, first
    spelling first; the people are one :class:`Targets` for every campaign."""
    from bureaukit.ledgers import Problems, Targets, check_keys_and_refs
    from bureaukit.provenance import of_lists

    jobs = [Job("J-1"), Job("j-1"), Job("J-2")]  # a duplicate within the run scope only
    visits = [Visit("v1", "j-1", "pA"), Visit("V1", "J-9", "ｐＡ"), Visit("v2", "j-2", "pa")]
    records: dict[str, list[Any]] = {"jobs": list(jobs), "visits": list(visits)}
    provenance = of_lists(records.items())
    kinds = {"jobs": record_spec(Job), "visits": record_spec(Visit)}
    targets = Targets.of(["pA", "pB"], ["s1"])
    problems = Problems()
    check_keys_and_refs(kinds, records, provenance, {}, targets, problems)
    assert problems.lines == [
        '<visits>:2: 编号: duplicate key "V1", the same key as "v1" (first at <visits>:1)',
        '<visits>:2: 任务: unknown jobs record "J-9" (did you mean "J-2"?)',
    ]
    # respelt as the first job and the person spell them, each still read where it was
    assert [(v.id, v.job, v.who) for v in records["visits"]] == [("v1", "J-1", "pA"), ("V1", "J-9", "pA"),
                                                                 ("v2", "J-2", "pA")]
    assert provenance.origin(records["visits"][2]) == Origin("<visits>", 3)
    assert records["jobs"] == jobs
    # per run: the jobs' duplicate, and nothing of the visits (checked with the ledgers)
    problems = Problems()
    check_keys_and_refs(kinds, records, provenance, {}, Targets({}, {}), problems, key_scope="run")
    assert problems.lines == ['<jobs>:2: 编号: duplicate key "j-1", the same key as "J-1" (first at <jobs>:1)']


IDS = st.lists(st.sampled_from(["s1", "S1", "ｓ1", "s1\u200b", "p1", "P1", "ｐ1", "局机关", "x"]), max_size=6)


@settings(max_examples=200, deadline=None)
@given(units=IDS, people=IDS)
def test_the_bureau_s_id_spellings_are_one_map_units_first(units: list[str], people: list[str]) -> None:
    """The settings are respelt from the references' own maps (made once per bureau): a
    unit's spelling first, then a person's (CORE §2 *Identity*: an exact id is never
    rewritten, and a unit and a person sharing a canonical form keep the unit's)."""
    from bureaukit.bureau import _OrgIds
    from bureaukit.ledgers import Targets
    from bureaukit.text import canonical

    ids = _OrgIds(None, Targets.of(people, units), frozenset())  # type: ignore[arg-type]
    expected: dict[str, str] = {}
    for i in (*units, *people):  # the plain form: one map, units first, first spelling kept
        expected.setdefault(canonical(i), i)
    assert dict(ids.spellings) == expected

# --- origins ---------------------------------------------------------------------------


def test_provenance_packs_rows_and_builds_the_same_origin() -> None:
    a, b, c = object(), object(), object()
    provenance = Provenance()
    provenance.add("ledgers/a.csv", [a, b], [2, 1_048_576])
    provenance.add("org/units.csv", [c], [7])
    assert provenance.origin(a) == Origin("ledgers/a.csv", 2)
    assert provenance.origin(b) == Origin("ledgers/a.csv", 1_048_576)
    assert provenance.origin(c) == Origin("org/units.csv", 7)
    assert type(provenance.origin(c)) is Origin and hash(provenance.origin(c)) == hash(Origin("org/units.csv", 7))
    assert provenance.origin(object()) is None
    assert len(provenance) == 3


def test_provenance_holds_the_records_it_indexes() -> None:
    """Records read and then let go by everyone else keep their identity while the
    provenance lives: no new object can take it and be given their origin."""
    import gc

    provenance = Provenance()
    provenance.add("a.csv", [Deed(f"d{i}", "s1", date(2014, 3, 1), Kind.visit) for i in range(50)], range(2, 52))
    gc.collect()
    strangers = [Deed(f"x{i}", "s1", date(2014, 3, 1), Kind.visit) for i in range(200)]
    assert [provenance.origin(x) for x in strangers] == [None] * 200


def test_rows_that_do_not_pack_are_kept_as_they_are() -> None:
    recs = [object() for _ in range(4)]
    provenance = Provenance()
    provenance.add("x.csv", recs[:2], [-1, 0])  # any int packs, even one no reader gives
    provenance.add("y.csv", recs[2:], [True, 3])  # type: ignore[list-item]  # a plugin reader's oddity
    got = [provenance.origin(r) for r in recs]
    assert got == [Origin("x.csv", -1), Origin("x.csv", 0), Origin("y.csv", True), Origin("y.csv", 3)]
    assert got[2] is not None and got[2].row is True


def test_derived_provenance_shares_the_store_and_leaves_it_alone() -> None:
    old, new = object(), object()
    provenance = Provenance()
    provenance.add("a.csv", [old], [5])
    view = provenance.derived([(new, old)])
    assert view.origin(new) == view.origin(old) == Origin("a.csv", 5)
    assert provenance.origin(new) is None and len(view) == 2 and len(provenance) == 1


def test_where_is_the_origin_as_a_pair() -> None:
    """``where`` (what citing asks) says what ``origin`` says, for packed rows, rows that do
    not pack, records remade or derived, and records read nowhere."""
    recs = [object() for _ in range(5)]
    remade, derived, stranger = object(), object(), object()
    provenance = Provenance()
    provenance.add("a.csv", recs[:2], [2, 1_048_576])
    provenance.add("b.csv", recs[2:4], [True, -3])  # type: ignore[list-item]
    provenance.remade([(remade, recs[0])])
    view = provenance.derived([(derived, recs[2])])
    for p in (provenance, view):
        for r in (*recs, remade, derived, stranger):
            o = p.origin(r)
            assert p.where(r) == ((None, None) if o is None else (o.source, o.row))
    assert view.where(derived) == ("b.csv", True) and provenance.where(derived) == (None, None)


def test_a_remade_record_is_found_where_its_original_was_read() -> None:
    old, new, stranger = object(), object(), object()
    provenance = Provenance()
    provenance.add("a.csv", [old], [5])
    provenance.remade([(new, old), (object(), stranger)])
    assert provenance.origin(new) == Origin("a.csv", 5) and provenance.origin(stranger) is None


class _K1:
    pass


class _K2:
    pass


@settings(deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a.csv", "b.csv", "c.csv"]),
                          st.lists(st.tuples(st.sampled_from([_K1, _K2]), st.integers(-5, 3_000_000)), max_size=6)),
                max_size=8),
       st.data())
def test_each_record_has_the_origin_it_was_added_with(adds: list[tuple[str, list[tuple[type, int]]]],
                                                      data: st.DataObject) -> None:
    """Whatever the order of files and classes (a class read from one file keeps its rows
    as they are; one read from a second file packs its source in them), every record,
    and one remade from it, is found where it was read."""
    provenance = Provenance()
    read: list[tuple[object, str, int]] = []
    for source, items in adds:
        recs = [cls() for cls, _ in items]
        provenance.add(source, recs, [row for _, row in items])
        read += [(r, source, row) for r, (_, row) in zip(recs, items, strict=True)]
    if read:
        old = data.draw(st.sampled_from(read))
        new = type(old[0])()
        provenance.remade([(new, old[0])])
        read.append((new, old[1], old[2]))
    assert [provenance.where(r) for r, _, _ in read] == [(s, row) for _, s, row in read]
    assert [provenance.origin(r) for r, _, _ in read] == [Origin(s, row) for _, s, row in read]
    assert provenance.where(_K1()) == (None, None) and len(provenance) == len(read)


def test_a_run_finds_the_origin_of_a_record_it_remade() -> None:
    """A completion date after as_of is read as empty: the run's record is a new object,
    cited at the row of the one read."""
    from bureaukit.org import build_org
    from bureaukit.periods import parse_period

    org = build_org([Unit("root", "局", "bureau", None), Unit("s1", "站", "station", "root")], [])
    period = parse_period("2014")
    deed = Deed("d1", "s1", date(2014, 3, 1), Kind.visit, done=date(2014, 12, 1))
    provenance = Provenance()
    provenance.add("ledgers/deeds.csv", [deed], [2])
    ctx = Context(campaign="tiny", org=org, period=period, as_of=date(2014, 6, 30), calendar=None,  # type: ignore[arg-type]
                  settings=None, records={"deeds": [deed]}, provenance=provenance, specs={"deeds": record_spec(Deed)})
    (run_deed,) = ctx.records["deeds"]
    assert run_deed is not deed and run_deed.done is None
    assert ctx.origin(run_deed) == ctx.origin(deed) == Origin("ledgers/deeds.csv", 2)
    later = ctx.at(date(2014, 7, 31))
    assert later.origin(later.records["deeds"][0]) == Origin("ledgers/deeds.csv", 2)


# --- annotations -----------------------------------------------------------------------


shadow = 1  # a module name that a class attribute of the same name must not hide


@attrs.frozen
class Shadowed:
    __ledger__: ClassVar[Ledger] = Ledger(title={"zh": "记录", "en": "Notes"})
    str: int = attrs.field(metadata=col("数"))  # "str" below is then this field, for typing
    name: str = attrs.field(default="", metadata=col("名称"))


@attrs.frozen
class Forward:
    # text inside the annotation text: typing evaluates it, a plain eval leaves it as text
    __ledger__: ClassVar["Ledger"] = Ledger(title={"zh": "记录", "en": "Notes"})  # noqa: UP037
    items: tuple["int", ...] = attrs.field(metadata=col("数"))  # noqa: UP037


@attrs.frozen
class Unknown:
    __ledger__: ClassVar[NoSuchName] = Ledger(title={"zh": "记录", "en": "Notes"})  # type: ignore[name-defined]  # noqa: F821
    n: int = attrs.field(metadata=col("数"))


def test_record_spec_reads_annotations_as_typing_does() -> None:
    with pytest.raises(NameError):
        record_spec(Unknown)
    with pytest.raises(TypeError, match=r"Shadowed.name: <member 'str' of 'Shadowed' objects> is not a ledger type"):
        record_spec(Shadowed)
    assert record_spec(Forward).fields[0].base is int and record_spec(Forward).fields[0].many
