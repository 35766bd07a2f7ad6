"""Identity (CORE §2) and text shown to a user."""

from hypothesis import given
from hypothesis import strategies as st

from bureaukit.text import canonical, quoted, visible

KEY = "XM2014-01"


def test_variants_a_clerk_types_are_one_key() -> None:
    variants = [
        "XM2014-01\u200b",  # trailing zero-width space
        "ＸＭ２０１４－０１",  # full-width
        "xm2014-01",  # lower case
        "XM2014\u00a0-01",  # no-break space inside
        "\u3000XM2014-01 ",  # ideographic and plain space around
        "\ufeffXM2014-01",  # BOM
        "XM\u200e2014-01",  # left-to-right mark
    ]
    assert {canonical(v) for v in variants} == {canonical(KEY)} == {"xm2014-01"}


def test_person_ids_differing_only_in_ascii_case_collide() -> None:
    assert canonical("p09") == canonical("P09")


def test_distinct_ids_stay_distinct() -> None:
    assert canonical("XM2014-01") != canonical("XM2014-02")
    assert canonical("XM 2014") != canonical("XM2014")  # a plain inner space is a character of the id
    assert canonical("张三") != canonical("张 三")


def test_non_ascii_letters_keep_their_case() -> None:
    assert canonical("Ä1") != canonical("ä1")


_VARIANT_INSERTS = st.sampled_from(["\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f", "\u2066", "\u00a0", "\u3000"])


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
def test_canonical_is_idempotent(s: str) -> None:
    assert canonical(canonical(s)) == canonical(s)


def _canonical_letter_by_letter(text: str) -> str:
    """CORE §2's canonical form with every character's category looked up (no shortcut)."""
    import unicodedata

    spaces = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u3000"))
    s = unicodedata.normalize("NFKC", text.translate(spaces))
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    s = unicodedata.normalize("NFKC", s.translate(spaces)).strip()
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | st.builds("".join, st.lists(
    st.sampled_from(["合同", "投资额", "(万元)", "Ｐ０９", "\u200b", "\u00ad", "\ufeff", "\u2066", "\n", " ", "\u3000", "x"]), max_size=8)))
def test_canonical_skips_the_format_character_scan_only_for_printable_text(s: str) -> None:
    """``canonical`` looks for format characters (Cf) only in text that is not printable
    (every Cf character is not): the same result as looking at every character."""
    assert canonical(s) == _canonical_letter_by_letter(s)


@given(
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(min_value=0, max_value=12), _VARIANT_INSERTS), max_size=4),
    st.booleans(),
    st.booleans(),
)
def test_a_key_and_any_of_its_variants_collide(key: str, inserts: list[tuple[int, str]], wide: bool, upper: bool) -> None:
    v = key.upper() if upper else key
    if wide:  # full-width forms of ASCII letters, digits and punctuation
        v = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in v)
    for pos, ch in inserts:
        v = v[:pos] + ch + v[pos:]
    assert canonical(v) == canonical(key)


def test_visible_shows_what_a_terminal_would_hide_or_obey() -> None:
    assert visible("p09\u200b") == "p09<U+200B>"
    assert visible("\x1b[2J\x1b]0;pwned\x07") == "<U+001B>[2J<U+001B>]0;pwned<U+0007>"
    assert visible("abc\u202edef") == "abc<U+202E>def"
    assert visible("a\nb\tc\r") == "a<U+000A>b<U+0009>c<U+000D>"
    assert visible("XM2014\u00a0-01") == "XM2014<U+00A0>-01"
    assert quoted("p09\u200b") == '"p09<U+200B>"'


def test_visible_leaves_ordinary_chinese_text_alone() -> None:
    for s in ["示例区交通运输局", "张　三", "项目 A（一期）", "2014年5月20日", ""]:
        assert visible(s) == s


@given(st.text())
def test_visible_output_is_printable_apart_from_spaces(s: str) -> None:
    assert all(ch.isprintable() or ch == "\u3000" for ch in visible(s))
