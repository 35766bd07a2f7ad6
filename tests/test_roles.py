"""Role selectors (CORE §2): ``ROLE`` or ``ROLE@KIND[,KIND…]`` — one parser and matcher."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bureaukit.roles import (
    Roles,
    RoleSelector,
    SelectorError,
    format_selector,
    parse_selector,
    selector_problems,
)
from bureaukit.testing import org, person, unit

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
