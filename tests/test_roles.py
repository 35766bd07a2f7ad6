"""Role selectors (CORE §2): ``ROLE`` or ``ROLE@KIND[,KIND…]`` — one parser and matcher."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tiny import CAMPAIGN as TINY

from bureaukit.context import Context, Who
from bureaukit.roles import (
    Roles,
    RoleSelector,
    SelectorError,
    format_selector,
    parse_selector,
    selector_problems,
)
from bureaukit.testing import context, org, person, unit

NAME = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="@,"),
    min_size=1, max_size=12,
).filter(lambda s: s == s.strip() and not any(c.isspace() for c in s))
SELECTOR = st.builds(RoleSelector, NAME, st.lists(NAME, unique=True, max_size=4).map(tuple))
ROLES = ["team_member", "unit_head", "unit_team", "staff"]
KINDS = ["bureau", "office", "institution", "station"]


@given(SELECTOR)
def test_parse_after_format_is_the_selector(sel: RoleSelector) -> None:
    text = format_selector(sel)
    assert parse_selector(text) == sel
    assert format_selector(parse_selector(text)) == text == str(sel)


@given(SELECTOR, st.sampled_from(["", " ", "  "]))
def test_spaces_around_the_parts_are_ignored(sel: RoleSelector, pad: str) -> None:
    text = pad + sel.role + pad
    if sel.kinds:
        text += "@" + ",".join(pad + k + pad for k in sel.kinds)
    assert parse_selector(text) == sel


@pytest.mark.parametrize("text, message", [
    ("", 'empty role in ""'),
    ("@office", 'empty role in "@office"'),
    ("unit_head@", 'empty unit kind in "unit_head@"'),
    ("unit_head@office,,finance", 'empty unit kind in "unit_head@office,,finance"'),
    ("unit_head@office@finance", 'bad unit kind "office@finance"'),
    ("unit head", 'bad role "unit head"'),
    ("unit_head@office,office", 'unit kind "office" named twice'),
])
def test_malformed_selectors(text: str, message: str) -> None:
    with pytest.raises(SelectorError) as err:
        parse_selector(text)
    assert str(err.value).startswith(message)


@given(
    st.sampled_from(ROLES), st.lists(st.sampled_from(KINDS), unique=True, max_size=3),
    st.lists(st.sampled_from(ROLES), unique=True, max_size=3), st.sampled_from(KINDS),
)
def test_matching_semantics(role: str, kinds: list[str], held: list[str], kind: str) -> None:
    """The role held, and (with kinds) the holder's own unit of one of them — nothing else."""
    o = org([unit("root", kind="bureau"), unit("u", kind=kind, parent="root")], [person("p", "u", held)])
    sel = parse_selector(format_selector(RoleSelector(role, tuple(kinds))))
    assert sel.matches(o.person("p"), o) == (role in held and (not kinds or kind in kinds))


@given(st.lists(SELECTOR.filter(lambda s: s.role in ROLES), max_size=3), st.sampled_from(KINDS),
       st.lists(st.sampled_from(ROLES), unique=True, max_size=3))
def test_a_list_matches_when_any_entry_does(sels: list[RoleSelector], kind: str, held: list[str]) -> None:
    o = org([unit("root", kind="bureau"), unit("u", kind=kind, parent="root")], [person("p", "u", held)])
    roles = Roles(format_selector(s) for s in sels)
    p = o.person("p")
    assert roles.matches(p, o) == any(s.matches(p, o) for s in sels)
    assert roles.holders(o) == ([p] if roles.matches(p, o) else [])


def test_seed_roles_in_the_demo_shape() -> None:
    """二级机构主要负责人 is not a 科室 or 站所 head (seed 000 第一篇 一)."""
    o = org(
        [unit("bureau", kind="bureau"), unit("office", kind="office", parent="bureau"),
         unit("ygs", kind="institution", parent="bureau"), unit("ygs_n", kind="station", parent="ygs")],
        [person("tm", "bureau", ["team_member"]), person("h_off", "office", ["unit_head"]),
         person("h_ygs", "ygs", ["unit_head"]), person("h_n", "ygs_n", ["unit_head"])],
    )
    personal = Roles(["team_member", "unit_head@institution"])
    assert [p.id for p in personal.holders(o)] == ["h_ygs", "tm"]
    assert str(personal) == '["team_member", "unit_head@institution"]'
    assert [p.id for p in Roles(["unit_head"]).holders(o)] == ["h_n", "h_off", "h_ygs"]


def test_problems_name_the_entry_and_spare_the_defaults() -> None:
    o = org([unit("bureau", kind="bureau"), unit("gls", kind="institution", parent="bureau")],
            [person("h", "gls", ["unit_head"])])
    written = ["unit_head@institution", "staff@office", "staf", "unit_head@instituton"]
    got = list(selector_problems("x.roles", written, o, default=["staff@office"]))
    assert got == [
        ("x.roles[2]", got[0][1]),
        ("x.roles[3]", 'no unit is of kind "instituton" (did you mean "institution"?); '
                       "the units' kinds: bureau, institution"),
    ]
    assert got[0][1].startswith('unknown role "staf" (did you mean "staff"?); known roles: main_leader 主要负责人')


# --- the core quota (CORE §8) binds people by role selector ---------------------------------


@attrs.frozen
class _Report:
    person: str
    date: date


def _two_stations_context() -> Context:
    return context(
        TINY,
        units=[unit("bureau", kind="bureau"), unit("office", kind="office", parent="bureau"),
               unit("ygs", kind="institution", parent="bureau"),
               unit("ygs_n", kind="station", parent="ygs"), unit("ygs_s", kind="station", parent="ygs")],
        people=[person("h_off", "office", ["unit_head"]), person("h_ygs", "ygs", ["unit_head"]),
                person("h_n", "ygs_n", ["unit_head"]), person("h_s", "ygs_s", ["unit_head"]),
                person("s_n", "ygs_n", ["staff"]),
                person("h_s2", "ygs_s", ["unit_head"], start="2014-07-01")],
        period="2014-H2",
    )


def test_a_quota_for_unit_head_at_station_binds_station_heads_only() -> None:
    """``Who.role("unit_head@station")``: the three 站所 heads, not the 科室 or 二级机构 head;
    h_s2 (in post from 2014-07-01) is held to the quarters inside her span only."""
    ctx = _two_stations_context()
    who = Who.role("unit_head@station")
    assert str(who) == "role unit_head@station"
    assert ctx.quota_subjects(who) == ["person:h_n", "person:h_s", "person:h_s2"]
    # one report a quarter; h_n reports in Q3 and Q4, h_s in Q3 only, h_s2 never;
    # h_off (科室 head) files none and is not bound
    reports = [_Report("h_n", date(2014, 8, 1)), _Report("h_n", date(2014, 11, 3)),
               _Report("h_s", date(2014, 9, 30))]
    got = [(sf.subject, sf.bucket.label, sf.have, sf.need)
           for sf in ctx.quota(who, reports, min=1, per="quarter", date_of=lambda r: r.date)]
    assert got == [("person:h_s", "2014-Q4", 0, 1),
                   ("person:h_s2", "2014-Q3", 0, 1), ("person:h_s2", "2014-Q4", 0, 1)]
    # two selectors: anyone either matches (the 二级机构 head joins)
    assert ctx.quota_subjects(Who.role("unit_head@institution", "unit_head@station")) == [
        "person:h_n", "person:h_s", "person:h_s2", "person:h_ygs"]
    # the plain role is every head
    assert len(ctx.quota_subjects(Who.role("unit_head"))) == 5


def test_who_role_refuses_a_malformed_selector() -> None:
    with pytest.raises(SelectorError, match='empty unit kind in "unit_head@"'):
        Who.role("unit_head@")
    with pytest.raises(SelectorError):
        Who.role()
