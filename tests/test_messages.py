"""The message catalogue (bureaukit.messages): every message a clerk reads exists in
Chinese and English with the same fields, every key the code names is in it, and the
Chinese side holds no English sentence (REPORTS §2: one language per run)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from lang_support import english_run

from bureaukit.messages import MESSAGES, chosen_language, language, speaking, t

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.joinpath("src").rglob("*.py"), *ROOT.joinpath("plugins").glob("*/src/**/*.py")]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_take_the_same_fields(key: str) -> None:
    zh, en = MESSAGES[key]
    assert _fields(zh) == _fields(en) - {"s"}, key  # {s}: English plural, filled by t()


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    used = {(m.group(1), p.name) for p in SOURCES
            for m in re.finditer(r'\bt_?\(\s*"([a-z0-9_]+)"', p.read_text(encoding="utf-8"))
            if not m.group(1).endswith("_")}  # t("summary_" + what): a key made from its prefix
    assert len(used) > 150  # the scan finds the calls (a regex that matched nothing would pass)
    assert [(k, f) for k, f in sorted(used) if k not in MESSAGES] == []


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_chinese_side_is_chinese(key: str) -> None:
    zh = re.sub(r"\{[^}]*\}", "|", MESSAGES[key][0])  # the fields are filled in at run time
    # an option's metavar (CONFIG), a package's name and a TOML example stay as typed
    assert english_run(zh, frozenset({"CONFIG", "bureau", "language", "url", "source", "units", "people"})) is None, zh


def test_speaking_sets_and_gives_back_the_language() -> None:
    before = chosen_language()
    with speaking("en"):
        assert language() == "en" and t("yes") == "yes"
        with speaking("zh"):
            assert t("yes") == "是"
        assert t("yes") == "yes"
    with speaking(None):  # no language given: unchanged
        assert chosen_language() == before
    assert chosen_language() == before
    with pytest.raises(KeyError), speaking("zh"):
        t("no such message")
    assert chosen_language() == before  # given back after an error too


@pytest.mark.parametrize(
    ("env", "system", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, ("English_United States", "1252"), "zh"),
        ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, (None, None), "en"),
        ({}, ("Chinese (Simplified)_China", "936"), "zh"),  # Windows: no LANG, the system's locale
        ({}, ("zh_CN", "cp936"), "zh"),
        ({}, ("English_United States", "1252"), "en"),
        ({}, (None, None), "en"),
    ],
)
def test_the_locale_language_from_the_environment_else_the_system(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], system: tuple[str | None, str | None], expected: str
) -> None:
    import locale

    from bureaukit.messages import locale_language

    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    monkeypatch.setattr(locale, "getlocale", lambda *a: system)
    assert locale_language() == expected


def test_english_counts_agree_with_their_nouns() -> None:
    from bureaukit.messages import MESSAGES, t

    assert t("summary_violations", "en", n=1) == "1 violation"
    assert t("summary_violations", "en", n=3) == "3 violations"
    assert t("summary_violations", "en", n=0) == "0 violations"
    assert t("summary_violations", "zh", n=1) == "1 项违规"
    assert t("rows_changed", "en", file="a.csv", n=1) == "a.csv (1 row changed)"
    # {s} follows n and nothing else: a template that counts by another name cannot use it
    assert [k for k, (_, en) in MESSAGES.items() if "{s}" in en and "{n}" not in en] == []
