"""Every config and ledger error the page names, each naming its path or column."""

import pytest
from bureaukit_wubi.campaign import CAMPAIGN

from bureaukit import InputError
from bureaukit.testing import check


def issues(rows, settings=None, records=None):
    return check(CAMPAIGN, units=rows.UNITS, people=rows.PEOPLE, settings=rows.decimals(settings or {}),
                 records=records or {})


@pytest.mark.parametrize(
    ("settings", "path", "words"),
    [
        ({"blend": {"ratings": 0.5, "evidence": 0.4}}, "blend", "sum to 1, got 0.5 + 0.4 = 0.9"),
        ({"blend": {"ratings": 0.6, "evidence": 0.41}}, "blend", "= 1.01"),
        ({"blend": {"ratings": 1.2, "evidence": -0.2}}, "blend", "each be ≥ 0"),
        ({"weights": {"jingjie": 20}}, "weights", "lacks yeji, chuangxin, fuwu, zuofeng"),
        ({"weights": {"jingjie": 20, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 20, "dangjian": 1}},
         "weights", "names unknown dangjian"),
        ({"weights": {"jingjie": -1, "yeji": 20, "chuangxin": 20, "fuwu": 20, "zuofeng": 20}},
         "weights.jingjie", "≥ 0, got -1"),
        ({"trim": -1}, "trim", "≥ 0"),
        ({"stages": {"won": 1.5}}, "stages.won", "from 0 to 1, got 1.5"),
        ({"pacesetter_groups": {"a": ["station"], "b": ["station"]}}, "pacesetter_groups.b", 'already in group "a"'),
        ({"pacesetter_groups": {"a": ["bureau"]}}, "pacesetter_groups.a", '"bureau" is not rated'),
        ({"units": ["station"], "pacesetter_groups": {"a": ["station", "office"]}}, "pacesetter_groups.a",
         '"office" is not rated'),
    ],
)
def test_config_errors(rows, settings, path, words):
    found = issues(rows, settings)
    assert [i.path for i in found] == [path]
    assert words in found[0].message


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"blend": {"ratings": 0.5, "evidence": 0.5}},
        {"blend": {"ratings": 1, "evidence": 0}},
        {"weights": {"jingjie": 0, "yeji": 0, "chuangxin": 0, "fuwu": 0, "zuofeng": 0}},
        {"trim": 0},
        {"stages": {"found": 0, "compared": 0.5, "met": 0.75, "won": 1}},
        {"pacesetter_groups": {"line": ["institution", "station"], "office": ["office"]}},
        {"pacesetter_groups": {}},
    ],
)
def test_sound_config(rows, settings):
    assert issues(rows, settings) == []


def test_unknown_setting_is_rejected(rows):
    with pytest.raises(InputError, match=r"campaigns\.wubi"):
        issues(rows, {"trimm": 1})


@pytest.mark.parametrize(
    ("kind", "row"),
    [
        ("ratings", lambda r: r.rating("e1", "hr", "fuwu", 80)),
        ("benchmarks", lambda r: r.bench("hr", "培训率", "100", "90", "95")),
        ("innovations", lambda r: r.innov("x", "hr", "2014-05-01")),
        ("commitments", lambda r: r.commit("x", "hr", "2014-05-01")),
        ("tasks", lambda r: r.task("x", "hr", "2014-05-01")),
        ("rectifications", lambda r: r.rect("x", "b", "2014-05-01")),
    ],
)
def test_record_for_an_unrated_unit(rows, kind, row):
    from bureaukit.testing import speaking

    with speaking("en"):
        found = issues(rows, records={kind: [row(rows)]})
    assert len(found) == 1 and found[0].column == "单位"
    assert 'is a "personnel" unit' in found[0].message or 'is a "bureau" unit' in found[0].message
    with speaking("zh"):
        found = issues(rows, records={kind: [row(rows)]})
    assert "的单位类型为“personnel”，不参加“五比五争”" in found[0].message or "的单位类型为“bureau”，不参加“五比五争”" in found[0].message


def test_unrated_when_settings_narrow_the_units(rows):
    found = issues(rows, {"units": ["station"]}, {"tasks": [rows.task("t", "o1", "2014-05-01")]})
    assert [(i.column, i.message.split(" is")[0]) for i in found] == [("单位", "办公室 (o1)")]


@pytest.mark.parametrize(("score", "bad"), [("0", False), ("100", False), ("100.01", True), ("-0.01", True), ("101", True)])
def test_rating_score_range(rows, score, bad):
    from bureaukit.testing import speaking

    with speaking("en"):
        found = issues(rows, records={"ratings": [rows.rating("e1", "s1", "fuwu", score)]})
    assert [(i.column, i.message) for i in found] == ([("评分", f'a score lies from 0 to 100, got "{score}"')] if bad else [])
    with speaking("zh"):  # one language per message: the bureau's Chinese
        found = issues(rows, records={"ratings": [rows.rating("e1", "s1", "fuwu", score)]})
    assert [(i.column, i.message) for i in found] == ([("评分", f'评分应在 0–100 之间，实为 "{score}"')] if bad else [])


def test_unknown_evaluator_is_a_reference_error(rows):
    with pytest.raises(InputError, match='unknown person "zz"'):
        issues(rows, records={"ratings": [rows.rating("zz", "s1", "fuwu", 80)]})


def test_duplicate_item_id_is_a_key_error(rows):
    with pytest.raises(InputError, match="duplicate"):
        issues(rows, records={"tasks": [rows.task("t", "s1", "2014-05-01"), rows.task("t", "s2", "2014-06-01")]})
