"""``bureaukit init``: a starter bureau that ``bureaukit check`` passes."""

from __future__ import annotations

from pathlib import Path

from bureaukit.campaigns import validate_campaign
from bureaukit.errors import InputError
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


def write_starter(directory: Path, name: str = "某区交通运输局", year: int | None = None) -> tuple[list[Path], list[str]]:
    """Write the starter files; refuses a folder that already holds files. *name* is the
    bureau's name, *year* the period (default: this year).

    Returns the files written and a note for each installed plugin left out because it
    could not be loaded (a starter should not fail for a campaign nobody enabled yet).
    """
    from datetime import date

    period = year if year is not None else date.today().year
    bureau_name = name
    if directory.exists() and any(directory.iterdir()):
        raise InputError([f"{directory}: the folder is not empty; init writes into a new or empty folder"])
    files: dict[Path, str] = {}
    units = [(uid, name if uid == "bureau" else uname, kind, parent) for uid, uname, kind, parent in UNITS]
    files[directory / "org" / "units.csv"] = _header(Unit) + "".join(",".join(_csv(x) for x in u) + "\n" for u in units)
    files[directory / "org" / "people.csv"] = _header(Person) + "".join(
        f"{pid},{name},{unit},{role},{over},,\n" for pid, name, unit, role, over in PEOPLE
    )
    enabled: list[str] = []
    tables: list[str] = []
    skipped: list[str] = []
    for name, ep in sorted(installed().items()):
        try:
            module = ep.entry_point.load()
            regs = [c for c in module.bureaukit_campaigns() if not validate_campaign(c)]
        except Exception as exc:
            skipped.append(f"{name} ({ep.distribution} {ep.version}): cannot be loaded: {exc}")
            continue
        if not any(c.name == name for c in regs):
            skipped.append(f"{name} ({ep.distribution} {ep.version}): registers no valid campaign {name!r}")
            continue
        for camp in regs:
            if camp.name != name:
                continue
            enabled.append(name)
            ledger_lines = []
            for kind, cls in camp.records.items():
                rel = f"ledgers/{name}-{kind}.csv"
                files[directory / rel] = _header(cls)
                ledger_lines.append(f'{kind} = "{rel}"')
            tables.append(
                f"# {camp.title.get('zh', name)} — settings: docs/campaigns/{name}.md\n"
                f"[campaigns.{name}]\n\n[campaigns.{name}.ledgers]\n" + "\n".join(ledger_lines) + "\n"
            )
    toml = (
        'units = "org/units.csv"\npeople = "org/people.csv"\n\n'
        f'[bureau]\nid = "mybureau"\nname = {_toml_text(bureau_name)}\nperiod = "{period}"\nlanguage = "zh"\n\n'
        + _calendar() + SCORING +
        "[campaigns]\nenabled = [" + ", ".join(f'"{n}"' for n in enabled) + "]\n\n" + "\n".join(tables)
    )
    files[directory / "bureau.toml"] = toml
    written = []
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
        written.append(path)
    return written, skipped
