"""Excel templates for clerks (CORE §5 *Templates*): one workbook per ledger with the
Chinese headers, an input prompt on each header, drop-down lists for enumerations,
是/否 and the bureau's own unit and person ids, date validation and a frozen header row
— so that the mistakes bureaukit reports are stopped where they start.

Written with xlsxwriter (``pip install 'bureaukit[xlsx]'``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from bureaukit.errors import InputError
from bureaukit.org import STANDARD_ROLES
from bureaukit.records import FieldSpec, RecordSpec, enum_label

ROWS = 2000
"""Rows below the header that carry the validations (a ledger of a unit's year fits)."""
LISTS_SHEET = "选项"
"""The hidden sheet holding the drop-down lists (a list written inline is limited to 255
characters, too few for a bureau's people)."""
_PROMPT_LIMIT = 255
_TITLE_LIMIT = 32


@attrs.frozen
class Choices:
    """What the drop-downs of a template offer: the bureau's ids and role names."""

    units: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    roles: tuple[str, ...] = tuple(STANDARD_ROLES.values())


@attrs.frozen
class Column:
    """One column of a template: its header and how a cell of it is checked."""

    header: str
    prompt: str
    choices: tuple[str, ...] = ()
    strict: bool = True
    """Only a listed value may be typed (off for lists of several values: ``p01；p02``)."""
    kind: str = "any"
    """``any``, ``list``, ``date``, ``integer`` or ``decimal``."""
    signed: bool = False


def _list_prompt(f: FieldSpec, what: str) -> str:
    return f"{what}；多个用“；”分隔" if f.many else what


def column_for(f: FieldSpec, choices: Choices, ref_override: str | None = None) -> Column:
    """The template column of one field."""
    need = "必填" if f.required else "选填"
    header = f"{f.label}*" if f.required else f.label
    ref = ref_override or f.ref
    base = f.base
    if isinstance(base, type) and issubclass(base, enum.Enum):
        labels = tuple(enum_label(m) for m in base)
        return Column(header, f"{need}。从下拉列表选择：{'、'.join(labels)}", labels, not f.many, "list")
    if base is bool:
        return Column(header, f"{need}。是 或 否", ("是", "否"), True, "list")
    if ref == "unit":
        return Column(header, f"{need}。{_list_prompt(f, '单位编号（从下拉列表选择）')}", choices.units, not f.many, "list")
    if ref == "person":
        return Column(header, f"{need}。{_list_prompt(f, '人员编号（从下拉列表选择）')}", choices.people, not f.many, "list")
    if ref == "role":
        return Column(header, f"{need}。{_list_prompt(f, '角色（从下拉列表选择）')}", choices.roles, not f.many, "list")
    if ref is not None:
        return Column(header, f"{need}。{_list_prompt(f, f'{ref} 台账中已有的编号')}")
    if base is date:
        return Column(header, f"{need}。日期，如 2014-05-20", kind="date")
    if base in (int, Decimal):
        return _number_column(f, header, need)
    return Column(header, f"{need}。{_list_prompt(f, '文字')}")


def _number_column(f: FieldSpec, header: str, need: str) -> Column:
    what = "整数" if f.base is int else "数字"
    sign = "" if f.signed else "，不能为负"
    unit = "（万元）" if f.name.endswith("_wan") else "（元）" if f.name.endswith("_yuan") else ""
    percent = {"points": "；可写 99.2 或设为百分比格式 99.2%", "rate": "；0 到 1 之间，如 0.992，或设为百分比格式 99.2%"}
    prompt = f"{need}。{what}{unit}{sign}{percent.get(f.percent or '', '')}"
    return Column(header, prompt, kind="integer" if f.base is int else "decimal", signed=f.signed)


def columns_of(spec: RecordSpec, choices: Choices, refs: Mapping[str, str] | None = None) -> list[Column]:
    """The columns of a template, in the record class's field order; *refs* names what a
    field refers to where the class does not say (a unit's ``parent``, a person's roles)."""
    return [column_for(f, choices, (refs or {}).get(f.name)) for f in spec.fields]


def write_template(path: Path, title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]] = ()) -> None:
    """Write the workbook to *path* (replaced whole: written beside it, then moved), with
    *rows* (text) under the header."""
    try:
        import xlsxwriter
    except ImportError:
        raise InputError(["writing an Excel template needs xlsxwriter: pip install 'bureaukit[xlsx]'"]) from None
    tmp = path.with_name(f".{path.name}.tmp")
    wb = xlsxwriter.Workbook(str(tmp))
    try:
        ws = wb.add_worksheet(_sheet_name(title))
        lists = wb.add_worksheet(LISTS_SHEET)
        lists.hide()
        head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7", "border": 1})
        day = wb.add_format({"num_format": "yyyy-mm-dd"})
        for i, c in enumerate(columns):
            ws.write_string(0, i, c.header, head)
            ws.set_column(i, i, max(10, min(30, 2 * len(c.header) + 2)), day if c.kind == "date" else None)
            _validate(ws, lists, i, c)
        for r, row in enumerate(rows, start=1):
            for i, value in enumerate(row):
                if value:
                    ws.write_string(r, i, value)
        ws.freeze_panes(1, 0)
        ws.activate()
    finally:
        wb.close()
    tmp.replace(path)


def _sheet_name(title: str) -> str:
    name = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "台账"
    return name[:31]


def _validate(ws: Any, lists: Any, i: int, c: Column) -> None:
    rule: dict[str, Any] = {
        "validate": "any",
        "input_title": c.header[:_TITLE_LIMIT],
        "input_message": c.prompt[:_PROMPT_LIMIT],
    }
    if c.kind == "list" and c.choices:
        for r, value in enumerate(c.choices, start=1):
            lists.write_string(r, i, value)
        lists.write_string(0, i, c.header)
        letter = _column_letter(i)
        rule.update(
            validate="list",
            source=f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(c.choices) + 1}",
            error_title=c.header[:_TITLE_LIMIT],
            error_message="请从下拉列表中选择。"[:_PROMPT_LIMIT],
        )
        if not c.strict:
            rule["show_error"] = False  # several values in one cell: the list only suggests
    elif c.kind == "date":
        rule.update(validate="date", criteria="between", minimum=date(1990, 1, 1), maximum=date(2099, 12, 31),
                    error_title=c.header[:_TITLE_LIMIT], error_message="请填写日期，如 2014-05-20。")
    elif c.kind in ("integer", "decimal"):
        if c.signed:
            rule.update(validate=c.kind, criteria="between", minimum=-(10**15), maximum=10**15)
        else:
            rule.update(validate=c.kind, criteria=">=", value=0)
        rule.update(error_title=c.header[:_TITLE_LIMIT], error_message=c.prompt[:_PROMPT_LIMIT])
    ws.data_validation(1, i, ROWS, i, rule)


def _column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


ORG_KINDS = ("org.units", "org.people")


def template_from_config(config_path: Path, kind: str, output: Path, plugins: Sequence[object] = ()) -> None:
    """``bureaukit template CONFIG KIND -o FILE.xlsx``: KIND is ``campaign.kind`` of an
    enabled campaign (``investment.projects``), ``org.units`` or ``org.people``; the
    drop-downs offer the bureau's own unit and person ids and roles. *plugins* are extra
    plugin objects, as for :func:`bureaukit.load`."""
    from bureaukit.config import read_config
    from bureaukit.errors import did_you_mean
    from bureaukit.org import Person, Unit
    from bureaukit.plugins import load_campaigns, new_manager
    from bureaukit.records import record_spec

    config = read_config(config_path)
    pm = new_manager()
    loaded = load_campaigns(pm, config.enabled, plugins)
    kinds: dict[str, tuple[type, str]] = {
        "org.units": (Unit, "单位"), "org.people": (Person, "人员"),
    }
    for name, lc in loaded.items():
        for k, cls in lc.campaign.records.items():
            kinds[f"{name}.{k}"] = (cls, record_spec(cls).ledger.title.get("zh", k))
    if kind not in kinds:
        raise InputError([f"unknown KIND \"{kind}\"{did_you_mean(kind, kinds)}; known: {', '.join(kinds)}"])
    cls, title = kinds[kind]
    units, people = org_ids(config, pm)
    choices = Choices(units, people, (*STANDARD_ROLES.values(), *config.roles.values()))
    write_template(output, title, columns_of(record_spec(cls), choices, ORG_REFS.get(kind)))


ORG_REFS: dict[str, dict[str, str]] = {"org.units": {"parent": "unit"}, "org.people": {"roles": "role"}}
"""What org columns refer to (the org classes leave it to build_org)."""


def org_ids(config: Any, pm: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The unit and person ids as the org spells them, read from its files or tables."""
    from bureaukit.ledgers import Problems, Source, read_kind
    from bureaukit.org import Person, Unit
    from bureaukit.plugins import collect_list
    from bureaukit.provenance import Provenance
    from bureaukit.readers import Reader
    from bureaukit.records import record_spec

    readers = {s.lower(): r for r in collect_list(pm, "bureaukit_readers", Reader) for s in r.suffixes}
    problems = Problems()
    out: list[tuple[str, ...]] = []
    for key, cls in (("units", Unit), ("people", Person)):
        part = getattr(config, key)
        if isinstance(part, str):
            recs = read_kind(record_spec(cls), [Source.parse(part, config.root, config.moved)], readers, problems, Provenance())
            out.append(tuple(r.id for r in recs))
        else:
            label = record_spec(cls).field("id").label
            out.append(tuple(str(item.get("id", item.get(label, ""))) for item in part))
    if problems.count:
        raise InputError(problems.kept, problems.count)
    return out[0], out[1]
