from datetime import date

import pytest

from bureaukit.org import OrgError, build_org
from bureaukit.testing import person, unit


def small_org():  # type: ignore[no-untyped-def]
    return build_org(
        [unit("b", kind="bureau"), unit("o", parent="b"), unit("i", kind="institution", parent="b"),
         unit("s", kind="station", parent="i"), unit("t", kind="station", parent="i")],
        [person("p1", "b", ["main_leader"], ["o"]), person("p2", "i", ["unit_head"]),
         person("p3", "b", ["team_member"], ["i"], end="2014-06-30"),
         person("p4", "s", ["主要负责人"])],
    )


def test_tree_queries() -> None:
    org = small_org()
    assert org.root.id == "b"
    assert [u.id for u in org.children("b")] == ["i", "o"]
    assert [u.id for u in org.descendants("b")] == ["i", "s", "t", "o"]
    assert [u.id for u in org.ancestors("s")] == ["i", "b"]
    assert [p.id for p in org.members("i", role="unit_head")] == ["p2"]
    assert [p.id for p in org.overseers("i")] == ["p3"]
    assert org.overseers("s") == []  # 分管 covers only the units listed
    assert [p.id for p in org.overseers("i", on=date(2014, 7, 1))] == []
    assert org.people["p4"].roles == ("main_leader",)  # Chinese role label read as its code


def test_two_roots_unknown_parent_and_cycle_are_reported_together() -> None:
    with pytest.raises(OrgError) as exc:
        build_org(
            [unit("a", kind="bureau"), unit("b", kind="bureau"), unit("c", parent="zz"),
             unit("x", parent="y"), unit("y", parent="x")],
            [person("p", "nowhere", ["boss"])],
        )
    text = str(exc.value)
    assert "exactly one root" in text and "a, b" in text
    assert 'unknown parent unit "zz"' in text
    assert "cycle" in text and "x → y → x" in text
    assert 'unknown unit "nowhere"' in text
    assert 'unknown role "boss"' in text
