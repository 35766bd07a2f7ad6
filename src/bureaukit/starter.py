"""``bureaukit init``: a neutral starter bureau that ``bureaukit check`` passes (REPORTS §5).

Neutral: the bureau's name and year, grades, holidays from ``chinese-calendar`` when it is
installed, and none of the demo district's targets, quotas or schedules — each campaign's
:class:`~bureaukit.campaigns.BureauSetting` is written with its neutral value and the demo's
value commented out above it, so a fresh bureau scores to "not set up / recorded yet" notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bureaukit.campaigns import Campaign, validate_campaign
from bureaukit.errors import InputError
from bureaukit.messages import t
from bureaukit.org import Person, Unit
from bureaukit.plugins import installed
from bureaukit.records import record_spec

UNITS = [
    ("bureau", "某区交通运输局", "bureau", ""),
    ("office", "局办公室", "office", "bureau"),
    ("station1", "第一基层站", "station", "bureau"),
]
PEOPLE = [
    ("p01", "张三", "bureau", "main_leader", "office"),
    ("p02", "李四", "office", "unit_head", ""),
    ("p03", "王五", "station1", "unit_head", ""),
]

Content = str | tuple[type, str, list[list[str]]]
"""A file's CSV text, or (record class, sheet title, rows) for an Excel template."""


def _toml_text(text: str) -> str:
    """*text* as a TOML basic string."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _csv(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\n') else cell


def _header(cls: type) -> str:
    return ",".join(f.label for f in record_spec(cls).fields) + "\n"


def _calendar() -> str:
    """``chinese-calendar`` (official holidays and make-up days) when it is installed,
    else weekends with an empty holiday list for the administrator to fill."""
    from importlib.util import find_spec

    if find_spec("chinese_calendar") is not None:
        return '[calendar]\nsource = "chinese-calendar"   # 法定节假日与调休\n\n'
    return (
        "[calendar]\n# chinese-calendar 未安装：请列出本年度法定节假日与调休上班日\n"
        "holidays = []\nworkdays = []\n\n"
    )


SCORING = """[scoring]
# 等级：从高到低，综合得分不低于 min 即为该等级
grades = [ { min = 90, label = "优秀" }, { min = 80, label = "良好" },
           { min = 60, label = "合格" }, { min = 0, label = "不合格" } ]
# 排名分组：按单位类型；不在任何组的单位（如局本级）单列，不参与排名
groups = { office = ["office"], station = ["station"] }

"""

ARCHIVE = """[archive]
# 每次成功评分连同其输入一并存档于此（docs/lifecycle.md）
url = "sqlite:///archive.sqlite"

"""


def _org_files(directory: Path, bureau_name: str, xlsx: bool) -> dict[Path, Content]:
    """units and people: CSV text, or (record class, sheet title, rows) for an Excel template."""
    units = [[uid, bureau_name if uid == "bureau" else uname, kind, parent] for uid, uname, kind, parent in UNITS]
    people_rows = [[pid, pname, unit, role, over] for pid, pname, unit, role, over in PEOPLE]
    files: dict[Path, Content] = {}
    if xlsx:
        files[directory / "org" / "units.xlsx"] = (Unit, "单位", units)
        files[directory / "org" / "people.xlsx"] = (Person, "人员", people_rows)
    else:
        files[directory / "org" / "units.csv"] = _header(Unit) + "".join(",".join(_csv(x) for x in u) + "\n" for u in units)
        files[directory / "org" / "people.csv"] = _header(Person) + "".join(",".join(r) + ",,\n" for r in people_rows)
    return files


def _installed_campaigns() -> tuple[list[Campaign], list[str]]:
    """Every installed campaign that loads, by name; a note for each left out (a starter
    should not fail for a campaign nobody enabled yet)."""
    found: list[Campaign] = []
    skipped: list[str] = []
    for name, ep in sorted(installed().items()):
        try:
            module = ep.entry_point.load()
            regs = [c for c in module.bureaukit_campaigns() if not validate_campaign(c)]
        except Exception as exc:
            skipped.append(f"{name} ({ep.distribution} {ep.version}): cannot be loaded: {exc}")
            continue
        mine = [c for c in regs if c.name == name]
        if not mine:
            skipped.append(f"{name} ({ep.distribution} {ep.version}): registers no valid campaign {name!r}")
        found.extend(mine)
    return found, skipped


def _bureau_settings_lines(camp: Campaign) -> Iterator[str]:
    """The settings only the bureau can give: the demo's value as a commented example,
    then the neutral value (or nothing when the plugin's default is already neutral)."""
    for bs in camp.bureau_settings:
        yield f"# {bs.zh}，例："
        yield f"# {bs.key} = {bs.example}"
        if bs.neutral is not None:
            yield f"{bs.key} = {bs.neutral}"


def _campaign_table(camp: Campaign, suffix: str) -> tuple[str, dict[str, str]]:
    """A campaign's config table and its ledgers (record kind → file, relative)."""
    ledgers = {kind: f"ledgers/{camp.name}-{kind}{suffix}" for kind in camp.records}
    lines = [
        f"# {camp.title.get('zh', camp.name)} — 设置说明：docs/campaigns/{camp.name}.md",
        f"[campaigns.{camp.name}]",
        *_bureau_settings_lines(camp),
        "",
        f"[campaigns.{camp.name}.ledgers]",
        *(f'{kind} = "{rel}"' for kind, rel in ledgers.items()),
    ]
    return "\n".join(lines) + "\n", ledgers


def _bureau_toml(bureau_id: str, name: str, period: int, suffix: str, enabled: list[str], tables: list[str]) -> str:
    return (
        f'units = "org/units{suffix}"\npeople = "org/people{suffix}"\n\n'
        "[bureau]\n# 局编号：存档按它区分各局，共用一个存档（如市、省汇总）的各局须各不相同\n"
        f"id = {_toml_text(bureau_id)}\nname = {_toml_text(name)}\nperiod = \"{period}\"\nlanguage = \"zh\"\n\n"
        + _calendar() + SCORING + ARCHIVE
        + "[campaigns]\nenabled = [" + ", ".join(f'"{n}"' for n in enabled) + "]\n\n" + "\n".join(tables)
    )


def _bureau_id(directory: Path) -> str:
    """The new bureau's ``[bureau] id``: its folder's name (``bureaukit init 城关交通局`` →
    ``城关交通局``), so that two bureaus made by ``init`` and recorded in one archive do not
    share an id; ``mybureau`` when the folder has no name of its own."""
    return directory.resolve().name.strip() or "mybureau"


def write_starter(
    directory: Path, name: str = "某区交通运输局", year: int | None = None, xlsx: bool = False
) -> tuple[list[Path], list[str]]:
    """Write the starter files; refuses a folder that already holds files. *name* is the
    bureau's name, *year* the period (default: this year). With *xlsx* the org files and
    ledgers are Excel templates for clerks (:mod:`bureaukit.clerk_templates`).

    Returns the files written and a note for each installed plugin left out because it
    could not be loaded.
    """
    from datetime import date

    if directory.exists() and any(directory.iterdir()):
        raise InputError([t("init_not_empty", directory=directory)])
    suffix = ".xlsx" if xlsx else ".csv"
    files = _org_files(directory, name, xlsx)
    campaigns, skipped = _installed_campaigns()
    tables = []
    for camp in campaigns:
        table, ledgers = _campaign_table(camp, suffix)
        tables.append(table)
        for kind, rel in ledgers.items():
            cls = camp.records[kind]
            files[directory / rel] = (cls, record_spec(cls).ledger.title.get("zh", kind), []) if xlsx else _header(cls)
    period = year if year is not None else date.today().year
    files[directory / "bureau.toml"] = _bureau_toml(_bureau_id(directory), name, period, suffix,
                                                    [c.name for c in campaigns], tables)
    return _write_all(files), skipped


def _write_all(files: dict[Path, Content]) -> list[Path]:
    written = []
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
        else:
            _write_workbook(path, *content)
        written.append(path)
    return written


def _write_workbook(path: Path, cls: type, title: str, rows: list[list[str]]) -> None:
    from bureaukit.clerk_templates import ORG_REFS, Choices, columns_of, write_template

    refs = ORG_REFS["org.units"] if cls is Unit else ORG_REFS["org.people"] if cls is Person else None
    choices = Choices(tuple(u[0] for u in UNITS), tuple(p[0] for p in PEOPLE))
    write_template(path, title, columns_of(record_spec(cls), choices, refs), rows)
