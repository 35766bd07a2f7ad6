from pathlib import Path

import pytest

import bureaukit
from bureaukit.config import read_config
from bureaukit.errors import InputError

# the messages these tests quote are the English ones; the Chinese are asserted in
# test_messages_zh.py and the bad-input corpus
pytestmark = pytest.mark.usefixtures("english")


def errors_of(path: Path, plugins: tuple[object, ...] = ()) -> list[str]:
    with pytest.raises(InputError) as exc:
        bureaukit.load(path, plugins=plugins)
    return exc.value.problems


def test_reads_the_demo_shape(bureau_dir: Path, tiny_plugin: object) -> None:
    b = bureaukit.load(bureau_dir / "bureau.toml", plugins=[tiny_plugin])
    assert b.config.bureau.name == "测试局"
    assert b.campaigns["tiny"].settings.target == 2
    assert len(b.campaigns["tiny"].records["deeds"]) == 3


def test_every_config_error_has_its_path_and_all_come_at_once(bureau_dir: Path, tiny_plugin: object) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8")
        .replace('period = "2014"', 'period = "2014-H3"\nlanguge = "zh"')
        .replace("target = 2", 'target = "两个"\nfee_yaun = 3')
        + "\n[scoring]\nrollup = 1.5\ngrades = [{min = 60, label = \"合格\"}, {min = 90, label = \"优秀\"}]\n",
        encoding="utf-8",
    )
    text = "\n".join(errors_of(cfg, (tiny_plugin,)))
    assert 'bureau: unknown key "languge" (did you mean "language"?)' in text
    assert "bureau.period" in text and "2014-H3" in text
    assert "scoring.rollup" in text
    assert "scoring.grades" in text


def test_settings_errors_name_the_campaign_path(bureau_dir: Path, tiny_plugin: object) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("target = 2", 'target = "两个"\nfee_yaun = 3'), encoding="utf-8")
    text = "\n".join(errors_of(cfg, (tiny_plugin,)))
    assert 'campaigns.tiny.target: expected a whole number, got "两个"' in text
    assert 'unknown key "fee_yaun" (did you mean "fee_yuan"?)' in text


def test_campaign_check_config_error(bureau_dir: Path, tiny_plugin: object) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("target = 2", "target = 0"), encoding="utf-8")
    assert any("campaigns.tiny.target: must be > 0, got 0" in e for e in errors_of(cfg, (tiny_plugin,)))


def test_toml_syntax_error_names_line(bureau_dir: Path) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text("[bureau\nid = 1\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_config(cfg)
    assert ":1: column" in exc.value.problems[0] and "TOML syntax" in exc.value.problems[0]


def test_missing_required_tables_and_org(tmp_path: Path) -> None:
    cfg = tmp_path / "b.toml"
    cfg.write_text("[scoring]\nrollup = 0\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_config(cfg)
    text = "\n".join(exc.value.problems)
    assert "bureau: [bureau] is required" in text
    assert "campaigns: [campaigns] is required" in text
    assert "units:" in text and "people:" in text


def test_enabled_campaign_not_installed(bureau_dir: Path) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('enabled = ["tiny"]', 'enabled = ["nosuch"]'), encoding="utf-8")
    (e,) = errors_of(cfg)
    assert 'campaign "nosuch" is not installed: pip install bureaukit-nosuch' in e
    assert "installed campaigns:" in e


def test_weights_must_cover_enabled_campaigns(bureau_dir: Path, tiny_plugin: object) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "\n[scoring]\nweights = { tinny = 1 }\n", encoding="utf-8")
    text = "\n".join(errors_of(cfg, (tiny_plugin,)))
    assert 'enabled campaign "tiny" has no weight' in text
    assert '"tinny" is not an enabled campaign (did you mean "tiny"?)' in text


def test_unknown_ledger_kind_and_missing_file(bureau_dir: Path, tiny_plugin: object) -> None:
    cfg = bureau_dir / "bureau.toml"
    cfg.write_text(
        cfg.read_text(encoding="utf-8").replace('deeds = "ledgers/deeds.csv"', 'deed = "ledgers/deeds.csv"\nsteps = "ledgers/nope.csv"'),
        encoding="utf-8",
    )
    text = "\n".join(errors_of(cfg, (tiny_plugin,)))
    assert 'campaigns.tiny.ledgers.deed: unknown record kind "deed" (did you mean "deeds"?)' in text
    assert "nope.csv: no such file (looked for " in text and str(bureau_dir / "ledgers" / "nope.csv") in text


def test_every_broken_rule_of_one_table_is_reported(tmp_path: Path) -> None:
    """attrs stops at a class's first failing validator; the config reports them all."""
    cfg = tmp_path / "b.toml"
    cfg.write_text(
        'units = "u.csv"\npeople = "p.csv"\n[bureau]\nid = "b"\nname = "局"\n[campaigns]\nenabled = []\n'
        "[scoring]\nrollup = -0.5\nweights = { a = 1, b = -2 }\n"
        'grades = [{ min = 60, label = "合格" }, { min = 90, label = "优秀" }]\n'
        'groups = { x = ["station"], y = ["office", "station"] }\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as exc:
        read_config(cfg)
    assert exc.value.problems == [
        f"{cfg}: scoring.weights.b: a weight must be ≥ 0, got -2",
        f"{cfg}: scoring.grades: list the grades from the highest min down (the first band whose min ≤ composite wins)",
        f'{cfg}: scoring.groups.y: unit kind "station" is already in group "x"',
        f"{cfg}: scoring.rollup: expected a share from 0 to 1, got -0.5",
    ]
    assert [(p.file, p.where) for p in exc.value.details] == [
        (str(cfg), "scoring.weights.b"), (str(cfg), "scoring.grades"), (str(cfg), "scoring.groups.y"),
        (str(cfg), "scoring.rollup"),
    ]


def test_a_list_is_never_read_as_the_characters_of_a_string(tmp_path: Path) -> None:
    cfg = tmp_path / "b.toml"
    cfg.write_text('units = "u.csv"\npeople = "p.csv"\n[bureau]\nid = "b"\nname = "局"\n[campaigns]\nenabled = []\n'
                   '[ledgers]\nignore_columns = "序号"\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_config(cfg)
    assert exc.value.problems == [f'{cfg}: ledgers.ignore_columns: expected a list, got "序号"']


def test_the_run_facts_are_not_keys_of_the_file(tmp_path: Path) -> None:
    """``Config.path``, ``root``, ``text_hash`` and ``moved`` say where and what the file
    was; a TOML that writes them has unknown keys, and the known keys it is told of are
    the file's own."""
    (tmp_path / "b.toml").write_text(
        'text_hash = "sha256:0"\nroot = "/etc"\nunits = "u.csv"\npeople = "p.csv"\n'
        '[bureau]\nid = "b"\nname = "局"\n[campaigns]\nenabled = []\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_config(tmp_path / "b.toml")
    known = "bureau, campaigns, units, people, calendar, periods, scoring, roles, ledgers, archive, federation"
    assert exc.value.problems == [
        f'{tmp_path / "b.toml"}: root: unknown key "root"; known keys: {known}',
        f'{tmp_path / "b.toml"}: text_hash: unknown key "text_hash"; known keys: {known}',
    ]
