"""Rule 5: 先锋 — in each pacesetter group (分类设计争创平台), on each 比, every unit tied at
the highest score as written (0.01)."""


def test_default_groups_one_per_rated_kind(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "chuangxin", 90), rows.rating("e1", "s2", "chuangxin", 85),
                        rows.rating("e1", "i1", "chuangxin", 60), rows.rating("e1", "o1", "chuangxin", 70)]}
    out = wubi(recs)
    # station: s1 90 > s2 85; institution: i1 alone; office: o1 alone
    assert sorted(f.subject for f in out.find("wubi.pacesetter")) == ["unit:i1", "unit:o1", "unit:s1"]
    f = out.find("wubi.pacesetter", "unit:s1")[0]
    assert f.severity == "info"
    assert f.message["zh"] == "比创新，争当攻坚克难的先锋：一站在“基层站所”争创平台 2 个参评单位中得分最高 90.00"
    assert "pacesetter in innovation, the vanguard of tackling hard problems: 一站 has the highest score, 90.00, of the 2 units of the platform “station”" in f.message["en"]
    assert f.evidence[0].note_in("zh") == "“基层站所”争创平台比创新得分：一站 90.00、二站 85.00"
    assert f.evidence[0].note_in("en") == "Compare innovation on the platform “station”: 一站 90.00, 二站 85.00"


def test_groups_from_settings_like_the_page(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "fuwu", 88), rows.rating("e1", "i1", "fuwu", 91),
                        rows.rating("e1", "o1", "fuwu", 70)]}
    out = wubi(recs, {"pacesetter_groups": {"line": ["institution", "station"], "office": ["office"]}})
    assert sorted(f.subject for f in out.find("wubi.pacesetter")) == ["unit:i1", "unit:o1"]


def test_ties_as_written(wubi, rows):
    def winners(a, b):
        recs = {"ratings": [rows.rating("e1", "s1", "yeji", a), rows.rating("e1", "s2", "yeji", b)]}
        return sorted(f.subject for f in wubi(recs).find("wubi.pacesetter"))

    assert winners("90", "90.004") == ["unit:s1", "unit:s2"]  # both written 90.00: tied
    assert winners("90", "90.005") == ["unit:s2"]  # 90.01 > 90.00
    assert winners("90", "89.995") == ["unit:s1", "unit:s2"]  # 89.995 → 90.00
    assert winners("90", "89.994") == ["unit:s1"]


def test_tied_message_and_units_in_no_group(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "zuofeng", 80), rows.rating("e1", "s2", "zuofeng", 80),
                        rows.rating("e1", "o1", "zuofeng", 99)]}
    out = wubi(recs, {"pacesetter_groups": {"line": ["station"]}})
    assert sorted(f.subject for f in out.find("wubi.pacesetter")) == ["unit:s1", "unit:s2"]  # o1 compared with none
    assert out.find("wubi.pacesetter", "unit:s1")[0].message["zh"].endswith("得分最高 80.00，与其他 1 个单位并列")
    assert out.has_score("unit:o1", "points")  # still scored


def test_each_dimension_separately_and_only_units_scored_there(wubi, rows):
    recs = {"ratings": [rows.rating("e1", "s1", "jingjie", 70), rows.rating("e1", "s2", "jingjie", 60),
                        rows.rating("e1", "s2", "fuwu", 50)]}
    found = sorted((f.subject, f.message["zh"][:3]) for f in wubi(recs).find("wubi.pacesetter"))
    assert found == [("unit:s1", "比境界"), ("unit:s2", "比服务")]
