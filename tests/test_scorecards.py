from decimal import Decimal

from bureaukit.config import Grade, ScoringConfig
from bureaukit.org import build_org
from bureaukit.scorecards import make_scorecards
from bureaukit.testing import person, unit

D = Decimal


def org():  # type: ignore[no-untyped-def]
    return build_org(
        [unit("b", kind="bureau"), unit("i", kind="institution", parent="b"),
         unit("s1", kind="station", parent="i"), unit("s2", kind="station", parent="i"),
         unit("s3", kind="station", parent="b"), unit("s4", kind="station", parent="b"),
         unit("x", kind="other", parent="b")],
        [person("p1", "s1"), person("p2", "s2")],
    )


GRADES = (Grade(D(90), "优秀"), Grade(D(80), "良好"), Grade(D(60), "合格"), Grade(D(0), "不合格"))


def test_weighted_composite_grades_and_competition_ranks() -> None:
    points = {
        "unit:s1": {"a": D(90), "b": D(70)},  # (3*90 + 1*70)/4 = 85
        "unit:s2": {"a": D(80)},  # rated by one campaign only: 80
        "unit:s3": {"a": D(80)},
        "unit:s4": {"a": D("79.995")},  # quantises to 80.00: ties with s2, s3
        "unit:x": {"a": D(50)},
    }
    cards = {c.subject: c for c in make_scorecards(points, org(), ScoringConfig(
        weights={"a": D(3), "b": D(1)}, grades=GRADES,
        groups={"line": ("station",)}))}
    assert str(cards["unit:s1"].composite) == "85.00" and cards["unit:s1"].grade == "良好"
    assert [cards[f"unit:{u}"].rank for u in ("s1", "s2", "s3", "s4")] == [1, 2, 2, 2]
    assert cards["unit:x"].group is None and cards["unit:x"].rank is None
    assert cards["unit:x"].grade == "不合格"
    assert "person:p1" not in cards  # people only with rank_people


def test_ranks_skip_after_ties_1_2_2_4() -> None:
    points = {f"unit:s{i}": {"a": D(v)} for i, v in zip((1, 2, 3, 4), (95, 90, 90, 70), strict=True)}
    cards = make_scorecards(points, org(), ScoringConfig())
    assert sorted((c.rank, c.subject) for c in cards) == [(1, "unit:s1"), (2, "unit:s2"), (2, "unit:s3"), (4, "unit:s4")]


def test_rollup_three_levels() -> None:
    points = {"unit:b": {"a": D(100)}, "unit:i": {"a": D(60)}, "unit:s1": {"a": D(80)}, "unit:s2": {"a": D(40)}}
    cards = {c.subject: c for c in make_scorecards(points, org(), ScoringConfig(rollup=D("0.5")))}
    # i: 0.5*60 + 0.5*mean(80, 40) = 60; b: 0.5*100 + 0.5*mean(i=60) = 80
    assert str(cards["unit:i"].composite) == "60.00"
    assert cards["unit:i"].children == ("unit:s1", "unit:s2")
    assert str(cards["unit:b"].composite) == "80.00"
    assert str(cards["unit:s1"].composite) == "80.00"


def test_people_ranked_by_their_units_kind_when_asked() -> None:
    points = {"person:p1": {"a": D(70)}, "person:p2": {"a": D(90)}}
    cards = make_scorecards(points, org(), ScoringConfig(rank_people=True))
    assert [(c.subject, c.group, c.rank) for c in sorted(cards, key=lambda c: c.subject)] == [
        ("person:p1", "station", 2), ("person:p2", "station", 1)]
