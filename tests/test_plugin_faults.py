"""Plugin faults and config surprises through the real CLI (subprocesses).

Fake plugin distributions are a folder on PYTHONPATH holding ``<dist>.dist-info``
(METADATA + entry_points.txt in group ``bureaukit``) and the plugin module, which is
what importlib.metadata finds. Each fault must end
in exit 3 naming the campaign, its distribution and version, with no traceback and no
report; a plugin that is installed but not enabled is never imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BASE = Path(__file__).resolve().parent / "bad_inputs" / "base"

PRELUDE = '''
import attrs, bureaukit
from decimal import Decimal
from bureaukit import Finding, Score

@attrs.frozen
class Settings:
    pass

def points(ctx):
    return [Score("unit:office", "points", Decimal(80))]

def campaign(name, **kw):
    return bureaukit.Campaign(name=name, title={"zh": name, "en": name}, settings=Settings,
                              records={}, **{"score": points, **kw})
'''

PLUGINS: dict[str, str] = {
    # name: module body (after PRELUDE)
    "importboom": 'raise RuntimeError("no database driver")\n',
    "garbage": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return "not a list"\n',
    "badreg": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [object()]\n',
    "wrongapi": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("wrongapi", api=999)]\n',
    "hookboom": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    raise KeyError("settings")\n',
    "raiser": (
        "def boom(ctx):\n    raise ZeroDivisionError('division by zero in rule 3')\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("raiser", score=boom)]\n'
    ),
    "badoutcome": (
        "def bad(ctx):\n    return [Score('unit:office', 'points', 80.5)]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("badoutcome", score=bad)]\n'
    ),
    "ghost": (
        "def bad(ctx):\n    return [Score('unit:nowhere', 'points', Decimal(1))]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("ghost", score=bad)]\n'
    ),
    "undeclared": (
        "def bad(ctx):\n    return [Score('unit:office', 'speed', Decimal(1))]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("undeclared", score=bad)]\n'
    ),
    "undeclaredcode": (
        "def bad(ctx):\n    return [Finding('unit:office', 'undeclaredcode.late', 'info', {'zh': '迟', 'en': 'late'})]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("undeclaredcode", score=bad)]\n'
    ),
    "overhundred": (
        "def bad(ctx):\n    return [Score('unit:office', 'points', Decimal('100.01'))]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("overhundred", score=bad)]\n'
    ),
    "twice": (
        "def bad(ctx):\n    return [Score('unit:office', 'points', Decimal(1)), Score('unit:office', 'points', Decimal(2))]\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("twice", score=bad)]\n'
    ),
    "badcatalogue": (
        "def bad_metrics(settings):\n    return {'speed': 'fast'}\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("badcatalogue", metrics=bad_metrics)]\n'
    ),
    "notiter": (
        "def bad(ctx):\n    return 42\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("notiter", score=bad)]\n'
    ),
    "hanger": (
        "import time\ndef slow(ctx):\n    time.sleep(60)\n    return []\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("hanger", score=slow)]\n'
    ),
    "exiter": (
        "import sys\ndef bye(ctx):\n    sys.exit(0)\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("exiter", score=bye)]\n'
    ),
    "misnamed": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("othername")]\n',
    "resultboom": (
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("resultboom")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_result(result, config):\n    raise OSError('OA system is down')\n"
    ),
    "marker": (
        "import os, pathlib\npathlib.Path(os.environ['BUREAUKIT_MARKER']).write_text('imported')\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("marker")]\n'
    ),
    "badhook": '@bureaukit.hookimpl\ndef bureaukit_campaigns(registry):\n    return [campaign("badhook")]\n',
    "atexiter": (
        "import atexit, os, pathlib\n"
        "atexit.register(lambda: pathlib.Path(os.environ['BUREAUKIT_MARKER']).write_text('flushed'))\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("atexiter")]\n'
    ),
    "unmarked": 'def bureaukit_campaigns():\n    return [campaign("unmarked")]\n',
    "good": '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("good")]\n',
    # readers and renderers: a plugin's format overriding the core's for .csv (the org
    # files) or .html (the report), so that the base bureau needs no new file
    "readersboom": (
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("readersboom")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_readers():\n    raise LookupError('no codec')\n"
    ),
    "readraise": (
        "from bureaukit.readers import Reader\n"
        "def read(path, sheet):\n    raise ValueError('bad magic number')\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("readraise")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_readers():\n    return [Reader('oddcsv', ('.csv',), read)]\n"
    ),
    "readhang": (
        "import time\nfrom bureaukit.readers import Reader\n"
        "def read(path, sheet):\n    time.sleep(60)\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("readhang")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_readers():\n    return [Reader('slowcsv', ('.csv',), read)]\n"
    ),
    "checkhang": (
        "import time\ndef check(ctx):\n    time.sleep(60)\n    return []\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("checkhang", check=check)]\n'
    ),
    "renderboom": (
        "from bureaukit.render import Renderer\n"
        "def render(result, options):\n    raise KeyError('template')\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("renderboom")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_renderers():\n    return [Renderer('fancy', ('.html',), False, render)]\n"
    ),
    "renderhang": (
        "import time\nfrom bureaukit.render import Renderer\n"
        "def write(result, options, fh):\n    fh.write(b'<html>')\n    time.sleep(60)\n"
        '@bureaukit.hookimpl\ndef bureaukit_campaigns():\n    return [campaign("renderhang")]\n'
        "@bureaukit.hookimpl\ndef bureaukit_renderers():\n"
        "    return [Renderer('slowhtml', ('.html',), False, lambda r, o: '', write=write)]\n"
    ),
}

# name: (expected exit, substrings of stderr, extra args)
FAULTS: dict[str, tuple[int, list[str], list[str]]] = {
    "importboom": (3, ["plugin importboom (bureaukit-fake-importboom 9.8.7) failed", "cannot import", "RuntimeError: no database driver"], []),
    "garbage": (3, ["plugin garbage (bureaukit-fake-garbage 9.8.7) failed", "returned str, not a list of Campaign"], []),
    "badreg": (3, ["bureaukit-fake-badreg 9.8.7", "malformed registration", "not bureaukit.Campaign"], []),
    "wrongapi": (3, ["plugin wrongapi (bureaukit-fake-wrongapi 9.8.7) failed", "plugin API 999"], []),
    "hookboom": (3, ["plugin hookboom (bureaukit-fake-hookboom 9.8.7) failed", "bureaukit_campaigns raised KeyError"], []),
    "raiser": (3, ["plugin raiser (bureaukit-fake-raiser 9.8.7) failed", "ZeroDivisionError: division by zero in rule 3"], []),
    "badoutcome": (3, ["plugin badoutcome (bureaukit-fake-badoutcome 9.8.7) failed", "use Decimal"], []),
    "ghost": (3, ["plugin ghost (bureaukit-fake-ghost 9.8.7) failed", "unknown subject 'unit:nowhere'"], []),
    "undeclared": (3, ["plugin undeclared (bureaukit-fake-undeclared 9.8.7) failed", "score metric 'speed' is not declared"], []),
    "undeclaredcode": (3, ["plugin undeclaredcode (bureaukit-fake-undeclaredcode 9.8.7) failed", "finding code 'undeclaredcode.late' is not declared"], []),
    "overhundred": (3, ["plugin overhundred (bureaukit-fake-overhundred 9.8.7) failed", "points 100.01 for unit:office lies outside 0–100"], []),
    "twice": (3, ["plugin twice (bureaukit-fake-twice 9.8.7) failed", "points given twice for unit:office"], []),
    "badcatalogue": (3, ["plugin badcatalogue (bureaukit-fake-badcatalogue 9.8.7) failed", "catalogue: ValueError: metric speed: str is not bureaukit.Metric"], []),
    "notiter": (3, ["plugin notiter (bureaukit-fake-notiter 9.8.7) failed", "TypeError"], []),
    "hanger": (3, ["plugin hanger (bureaukit-fake-hanger 9.8.7) failed", "--timeout 1"], ["--timeout", "1"]),
    "exiter": (3, ["plugin exiter (bureaukit-fake-exiter 9.8.7) failed", "SystemExit"], []),
    "misnamed": (3, ["plugin misnamed (bureaukit-fake-misnamed 9.8.7) failed", "registers no campaign named 'misnamed'"], []),
    "badhook": (3, ["plugin badhook (bureaukit-fake-badhook 9.8.7) failed", "bad hook", "registry"], []),
    "unmarked": (3, ["plugin unmarked (bureaukit-fake-unmarked 9.8.7) failed", "bureaukit_campaigns lacks the @hookimpl mark"], []),
    "resultboom": (3, ["plugin resultboom (bureaukit-fake-resultboom 9.8.7) failed", "bureaukit_result raised OSError: OA system is down"], []),
    "readersboom": (3, ["plugin readersboom (bureaukit-fake-readersboom 9.8.7) failed", "bureaukit_readers raised LookupError"], []),
    "readraise": (3, ["plugin readraise (bureaukit-fake-readraise 9.8.7) failed", "the oddcsv reader raised ValueError: bad magic number"], []),
    "readhang": (3, ["plugin readhang (bureaukit-fake-readhang 9.8.7) failed", "the slowcsv reader still running after --timeout 1 s"], ["--timeout", "1"]),
    "checkhang": (3, ["plugin checkhang (bureaukit-fake-checkhang 9.8.7) failed", "check still running after --timeout 1 s"], ["--timeout", "1"]),
    "renderboom": (3, ["plugin renderboom (bureaukit-fake-renderboom 9.8.7) failed", "the fancy renderer raised KeyError"], []),
    "renderhang": (3, ["plugin renderhang (bureaukit-fake-renderhang 9.8.7) failed", "the slowhtml renderer still running after --timeout 1 s"], ["--timeout", "1"]),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    for name, body in PLUGINS.items():
        mod = f"bureaukit_fake_{name}"
        (root / f"{mod}.py").write_text(PRELUDE + textwrap.dedent(body), encoding="utf-8")
        info = root / f"bureaukit_fake_{name}-9.8.7.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: bureaukit-fake-{name}\nVersion: 9.8.7\n\n", encoding="utf-8"
        )
        (info / "entry_points.txt").write_text(f"[bureaukit]\n{name} = {mod}\n", encoding="utf-8")
    return root


def bureau(tmp: Path, enabled: list[str]) -> Path:
    root = tmp / "_".join(enabled)
    shutil.copytree(BASE, root)
    toml = (root / "bureau.toml").read_text(encoding="utf-8")
    names = ", ".join(f'"{n}"' for n in enabled)
    toml = toml.replace('enabled = ["conduct"]', f"enabled = [{names}]")
    if "conduct" not in enabled:
        toml = toml.split("[campaigns.conduct]")[0] + "\n[scoring]\nrollup = 0.3\n"
    (root / "bureau.toml").write_text(toml, encoding="utf-8")
    (root / "out").mkdir()
    return root


def cli(site: Path, cwd: Path, *args: str, marker: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), "CI": "1"}
    if marker is not None:
        env["BUREAUKIT_MARKER"] = str(marker)
    # these tests quote the English wording: the run says so (the bureaus speak Chinese)
    return subprocess.run([sys.executable, "-m", "bureaukit.cli", *args, "--lang", "en"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_every_plugin_fault_is_exit_3(site: Path, tmp_path: Path) -> None:
    def one(name: str) -> tuple[str, subprocess.CompletedProcess[str]]:
        root = bureau(tmp_path, [name])
        extra = FAULTS[name][2]
        return name, cli(site, root, "score", "bureau.toml", "-o", "out/report.html", *extra)

    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 2) * 2)) as pool:
        runs = list(pool.map(one, FAULTS))
    for name, p in runs:
        code, expect, _ = FAULTS[name]
        assert p.returncode == code, (name, p.returncode, p.stderr)
        assert "Traceback" not in p.stderr, (name, p.stderr)
        for s in expect:
            assert s in p.stderr, (name, s, p.stderr)
        assert not any((tmp_path / name / "out").iterdir()), name


def test_a_plugin_failure_in_a_chinese_bureau_is_one_language(site: Path, tmp_path: Path) -> None:
    """The bureau's Chinese throughout: the frame and the hint; the plugin's own words
    (the exception) are cited as they are, for its developer."""
    root = bureau(tmp_path, ["importboom"])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), "CI": "1"}
    p = subprocess.run([sys.executable, "-m", "bureaukit.cli", "score", "bureau.toml", "-o", "out/r.json"], cwd=root,
                       env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 3
    assert p.stderr == ("错误：插件 importboom (bureaukit-fake-importboom 9.8.7) 出错：cannot import: "
                        "RuntimeError: no database driver\n（加 --debug 运行可看到调用栈）\n")


def test_debug_shows_the_plugin_traceback(site: Path, tmp_path: Path) -> None:
    root = bureau(tmp_path, ["raiser"])
    p = cli(site, root, "score", "bureau.toml", "--debug", "-o", "out/r.json")
    assert p.returncode == 3 and "Traceback" in p.stderr and "bureaukit_fake_raiser.py" in p.stderr


def test_a_good_fake_plugin_scores(site: Path, tmp_path: Path) -> None:
    """Positive control: the fake-distribution mechanism itself works."""
    root = bureau(tmp_path, ["good"])
    p = cli(site, root, "score", "bureau.toml", "-o", "out/r.json")
    assert p.returncode == 0, p.stderr
    assert '"distribution": "bureaukit-fake-good"' in (root / "out" / "r.json").read_text(encoding="utf-8")


def test_the_exit_keeps_atexit_handlers_and_every_byte(site: Path, tmp_path: Path) -> None:
    """The command leaves through the interpreter's ordinary exit: a plugin's atexit
    handler runs, JSON far larger than a pipe's buffer arrives whole on stdout, and the
    exit codes are the ordinary ones."""
    import json

    marker = tmp_path / "atexit.txt"
    root = bureau(tmp_path, ["atexiter"])
    p = cli(site, root, "score", "bureau.toml", "-f", "json", marker=marker)
    assert p.returncode == 0, p.stderr
    assert marker.read_text() == "flushed"
    assert json.loads(p.stdout)["campaigns"][0]["name"] == "atexiter"
    demo = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
    p = cli(site, tmp_path, "score", str(demo), "-f", "json", "--no-archive")
    assert p.returncode == 0 and len(p.stdout) > 1 << 17 and json.loads(p.stdout)["schema"] == 2
    assert cli(site, tmp_path, "score", "nowhere.toml").returncode == 2
    assert cli(site, tmp_path, "--version").returncode == 0


def test_a_plugin_not_enabled_is_never_imported(site: Path, tmp_path: Path) -> None:
    marker = tmp_path / "imported.txt"
    root = bureau(tmp_path, ["conduct"])
    for args in (("score", "bureau.toml", "-o", "out/r.json"), ("check", "bureau.toml"),
                 ("plugins", "bureau.toml"), ("explain", "bureau.toml", "office")):
        p = cli(site, root, *args, marker=marker)
        assert p.returncode == 0, (args, p.stderr)
        assert not marker.exists(), args
    # an import-time failure of a plugin that is not enabled does not matter either
    p = cli(site, root, "plugins", "bureau.toml", marker=marker)
    assert "importboom" in p.stdout and "bureaukit-fake-importboom" in p.stdout
    # positive control: enabled, it is imported
    root2 = bureau(tmp_path, ["marker"])
    p = cli(site, root2, "score", "bureau.toml", "-o", "out/r.json", marker=marker)
    assert p.returncode == 0, p.stderr
    assert marker.read_text() == "imported"


def test_campaign_settings_cannot_name_code(site: Path, tmp_path: Path) -> None:
    """A config has no key that imports or runs anything: a module path in a campaign
    table is just an unknown key, and a .py "ledger" has no reader."""
    root = bureau(tmp_path, ["conduct"])
    toml = (root / "bureau.toml").read_text(encoding="utf-8")
    toml = toml.replace('units = ["institution", "station", "office"]',
                        'units = ["institution", "station", "office"]\nplugin = "bureaukit_fake_marker"')
    toml = toml.replace('surveys = "ledgers/surveys.csv"', 'surveys = "ledgers/evil.py"')
    (root / "bureau.toml").write_text(toml, encoding="utf-8")
    (root / "ledgers" / "evil.py").write_text("import os; os.system('touch PWNED')\n", encoding="utf-8")
    marker = tmp_path / "m2.txt"
    p = cli(site, root, "score", "bureau.toml", "-o", "out/r.json", marker=marker)
    assert p.returncode == 2 and 'unknown key "plugin"' in p.stderr and 'no reader for ".py"' in p.stderr
    assert not marker.exists() and not (root / "PWNED").exists()


def test_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    """Run from an unrelated cwd: relative ledger paths resolve against bureau.toml's
    folder; a missing file's error names the absolute path it tried."""
    root = tmp_path / "deep" / "bureau"
    shutil.copytree(BASE, root)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "CI": "1"}
    p = subprocess.run([sys.executable, "-m", "bureaukit.cli", "score", str(root / "bureau.toml"), "-o", "r.json", "--lang", "en"],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert (elsewhere / "r.json").exists()
    (root / "ledgers" / "surveys.csv").unlink()
    p = subprocess.run([sys.executable, "-m", "bureaukit.cli", "score", "../deep/bureau/bureau.toml", "-o", "r2.json", "--lang", "en"],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert f"no such file (looked for {root / 'ledgers' / 'surveys.csv'})" in p.stderr
    assert not (elsewhere / "r2.json").exists()


def test_python_m_bureaukit_and_a_profile_of_it(site: Path, tmp_path: Path) -> None:
    """``python -m bureaukit`` is the command, and the profiling recipe of
    docs/performance.md writes a profile that names the scoring code."""
    import pstats

    demo = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
    p = subprocess.run([sys.executable, "-m", "bureaukit", "--version"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and "bureaukit" in p.stdout
    prof = tmp_path / "score.prof"
    p = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "bureaukit", "score", str(demo),
         "--format", "json", "-o", str(tmp_path / "r.json"), "--no-archive"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "CI": "1"},
    )
    assert p.returncode == 0, p.stderr
    stats = pstats.Stats(str(prof))
    assert any(func[2] == "_score" and func[0].endswith("engine.py") for func in stats.stats)  # type: ignore[attr-defined]
