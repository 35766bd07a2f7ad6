"""The quick pass over a config (``bureaukit.config.structure``; docs/performance.md,
*Startup*): attrs classes structured by cattrs' introspective ``structure_attrs_fromdict``,
no code generated. It must give exactly the values cattrs' generated functions (the
detailed pass) give, and fail wherever they fail (the detailed pass then says why): on
every config the repository holds, the bad-input corpus, generated bureaus, and configs
changed at random."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import tiny
from core_support import BASE_TOML
from hypothesis import given, settings
from hypothesis import strategies as st
from test_bad_inputs import _needs, build
from test_config_errors_once import CONFIG_CASES

from bureaukit import config, plugins

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "configs" / "demo" / "bureau.toml"
QUICK = config.make_converter(detailed_validation=False)
GENERATED = config.make_converter()


def _settings_classes() -> dict[str, type[Any]]:
    """Every installed campaign's settings class, and the tests' tiny campaign's."""
    loaded = plugins.load_campaigns(plugins.new_manager(), sorted(plugins.installed()), extra=[tiny])
    return {name: lc.campaign.settings for name, lc in loaded.items()}


SETTINGS = _settings_classes()


class Failed:
    """A pass that raised (which exception does not matter: the detailed pass explains)."""

    def __repr__(self) -> str:
        return "Failed"


def _attempt(conv: Any, value: Any, cls: type[Any]) -> Any:
    try:
        return conv.structure(copy.deepcopy(value), cls)
    except Exception:
        return Failed()


def assert_same(value: Any, cls: type[Any]) -> bool:
    """Both passes fail, or both give the same value (equal, and written alike: an int is
    not a Decimal). True when they succeeded."""
    quick, generated = _attempt(QUICK, value, cls), _attempt(GENERATED, value, cls)
    assert isinstance(quick, Failed) == isinstance(generated, Failed), (quick, generated)
    assert quick == generated or isinstance(quick, Failed)
    assert repr(quick) == repr(generated)
    return not isinstance(quick, Failed)


def assert_same_config(data: Any) -> bool:
    """The config's tree, and every campaign table's settings as the bureau structures them."""
    sound = assert_same(data, config.Config)
    campaigns = data.get("campaigns") if isinstance(data, dict) else None
    for name, table in (campaigns.items() if isinstance(campaigns, dict) else ()):
        if name in SETTINGS and isinstance(table, dict):
            assert_same({k: v for k, v in table.items() if k != "ledgers"}, SETTINGS[name])
    return sound


def _toml(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)


SOUND = {
    "demo": lambda _: DEMO,
    "fuzz-corpus-bureau": lambda _: REPO / "tests" / "fuzz" / "corpus" / "config" / "bureau.toml",
    "fuzz-corpus-demo": lambda _: REPO / "tests" / "fuzz" / "corpus" / "config" / "demo.toml",
    "bad-inputs-base": lambda _: REPO / "tests" / "bad_inputs" / "base" / "bureau.toml",
}


def _tiny(tmp: Path) -> Path:
    (tmp / "bureau.toml").write_text(BASE_TOML, encoding="utf-8")
    return tmp / "bureau.toml"


def _generated(shape: str, *extra: str) -> Any:
    def make(tmp: Path) -> Path:
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate"), "--rows", "300", "--shape", shape,
                        "--out", str(tmp / "g"), *extra], check=True, capture_output=True)
        return tmp / "g" / "bureau.toml"
    return make


SOUND["tests-tiny"] = _tiny
for _shape in ("bureau", "allocations", "deep", "people"):
    SOUND[f"generated-{_shape}"] = _generated(_shape)


@pytest.mark.parametrize("name", sorted(SOUND))
def test_a_sound_config_takes_the_quick_pass_to_the_same_values(name: str, tmp_path: Path) -> None:
    data = _toml(SOUND[name](tmp_path))
    assert assert_same_config(data)
    for campaign in data["campaigns"]["enabled"]:
        assert campaign in SETTINGS  # its settings were compared too


NOT_TOML = {
    "toml-unclosed-string", "toml-unclosed-table-header", "toml-duplicate-key", "toml-duplicate-table",
    "toml-invalid-date-literal", "toml-missing-value", "toml-bad-escape", "toml-newline-in-inline-table",
    "config-ledger-duplicate-kind-key",  # a key given twice: tomllib refuses it
    "toml-gbk-bytes", "toml-utf16", "toml-is-a-zip",  # not UTF-8 text
    "config-path-missing", "config-path-is-folder",  # no file to read
}
"""The corpus's configs that never reach structuring: no file, or not TOML."""
TOML_CASES = [c for c in CONFIG_CASES if c["id"] not in NOT_TOML]


@pytest.mark.parametrize("case", TOML_CASES, ids=[c["id"] for c in TOML_CASES])
def test_the_bad_input_corpus_fails_or_succeeds_alike(case: dict[str, Any], tmp_path: Path) -> None:
    _needs(case)
    assert_same_config(_toml(build(case, tmp_path / "b")))


def test_the_configs_left_out_are_those_never_structured(tmp_path: Path) -> None:
    left_out = [c for c in CONFIG_CASES if c["id"] in NOT_TOML]
    assert len(left_out) == len(NOT_TOML)  # no name in NOT_TOML that the corpus lacks
    for case in left_out:
        with pytest.raises((tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, OSError)):
            _toml(build(case, tmp_path / case["id"]))


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [x for v in node.values() for x in _leaves(v)]
    if isinstance(node, list):
        return [x for v in node for x in _leaves(v)] + [node]
    return [node]


DEMO_DATA = _toml(DEMO)
TOML_VALUES = st.one_of(
    st.sampled_from(_leaves(DEMO_DATA)),  # a value from elsewhere in the config: often sound
    st.text(max_size=4), st.integers(-3, 300), st.booleans(), st.dates(),
    st.decimals(min_value=-2, max_value=200, places=2, allow_nan=False),
    st.lists(st.sampled_from(["office", "station", "2014", "zh", "x"]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "office", "min", "label"]), st.integers(0, 100), max_size=2),
).map(copy.deepcopy)  # a list drawn from DEMO_DATA and then appended to must not change DEMO_DATA


@st.composite
def changed_demo(draw: st.DrawFn, campaign: str | None = None) -> dict[str, Any]:
    """The demo's config with one to three changes anywhere in its tree (or in one
    campaign's table): a key removed, a value replaced, a key (known, or new) added."""
    data = copy.deepcopy(DEMO_DATA)
    top = data if campaign is None else data["campaigns"][campaign]
    names = ["enabled", "period", "min", "units", "root", "weights", "zzz"]
    if campaign is not None:
        names += [a.name for a in attrs.fields(SETTINGS[campaign])]
    for _ in range(draw(st.integers(1, 3))):
        node: Any = top
        while True:  # walk down to a table or a list
            inner = [v for v in (node.values() if isinstance(node, dict) else node) if isinstance(v, (dict, list)) and v]
            if not inner or draw(st.booleans()):
                break
            node = draw(st.sampled_from(inner))
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        what = draw(st.sampled_from(["replace", "remove", "add"] if keys else ["add"]))
        if what == "add":
            if isinstance(node, dict):
                node[draw(st.sampled_from(names))] = draw(TOML_VALUES)
            else:
                node.append(draw(TOML_VALUES))
        elif what == "remove":
            del node[draw(st.sampled_from(keys))]
        else:
            node[draw(st.sampled_from(keys))] = draw(TOML_VALUES)
    return data


@given(changed_demo())
def test_a_changed_config_fails_or_succeeds_alike(data: dict[str, Any]) -> None:
    assert_same_config(data)


@pytest.mark.parametrize("campaign", DEMO_DATA["campaigns"]["enabled"])
@given(data=st.data())
def test_a_changed_campaign_table_fails_or_succeeds_alike(campaign: str, data: st.DataObject) -> None:
    assert_same_config(data.draw(changed_demo(campaign)))


def test_a_sound_bureau_generates_no_structuring_code() -> None:
    """Loading the demo (its config and six campaigns' settings) compiles none of cattrs'
    generated structuring functions for attrs classes (``<cattrs generated structure …>``)."""
    code = (
        "import sys\n"
        "made = []\n"
        "sys.addaudithook(lambda ev, args: ev == 'compile' and made.append(str(args[1])))\n"
        "import bureaukit\n"
        f"bureaukit.load({str(DEMO)!r})\n"
        "print('\\n'.join(f for f in made if f.startswith('<cattrs generated structure')))\n"
    )
    env = {**os.environ, "BUREAUKIT_ARCHIVE_URL": ""}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert p.stdout.split() == []


@settings(max_examples=300)
@given(data=st.data())
def test_a_change_leaves_the_demo_as_read(data: st.DataObject) -> None:
    """Every change is made to a copy: a list drawn from the demo and appended to was the
    demo's own, so later examples (and replays) saw a changed demo — a flaky test."""
    campaign = data.draw(st.sampled_from([None, *DEMO_DATA["campaigns"]["enabled"]]))
    data.draw(changed_demo(campaign))
    assert DEMO_DATA == _toml(DEMO)
