"""Finding messages a leader can read (REPORTS §2), from templates a plugin declares.

A campaign keeps its message templates beside its catalogue — one ``(zh, en)`` pair of
``str.format`` texts per message — and fills them with typed fields:

    MESSAGES = {"behind": ("{unit}招商引资任务完成低于序时进度（{as_of}）：{lagging}",
                           "{unit} is behind schedule at {as_of}: {lagging}")}
    ctx.finding(unit(uid), "behind_schedule", "warning",
                **say(MESSAGES["behind"], unit=u, as_of=ctx.as_of, lagging=[...]))

:func:`say` writes each field the way the reports write numbers (``bureaukit.display``):
a :class:`Rate` as a percentage, :class:`Yuan` with thousands separators and 元, an
:class:`Amount` with its unit, a :class:`~bureaukit.catalogue.Metric` by its title, a
unit or person by its name, a :class:`Text` in the template's language, a list joined
(``、`` / ``, ``). So no code, no raw ratio and no id stands where a title or name belongs,
and the two languages say the same thing: :func:`fields_of` lets a test hold the zh and
en templates of a pair to the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from string import Formatter
from typing import Any, TypedDict

import attrs

from bureaukit import display
from bureaukit.catalogue import FindingKind, Metric
from bureaukit.messages import language

Say = tuple[str, str]
"""A message template: ``(zh, en)`` ``str.format`` texts with the same fields."""


class Message(TypedDict):
    """A message in both languages, as a Finding carries it (``**`` it into ``ctx.finding``)."""

    zh: str
    en: str


@attrs.frozen
class Rate:
    """A share (0–1) written as a percentage: ``Rate(Decimal("0.9333"))`` → ``93.3%``."""

    value: Decimal | int
    places: int = 1


def rates_apart(value: Decimal | int, limit: Decimal | int) -> tuple[Rate, Rate]:
    """*value* and the *limit* it is compared with, as percentages with the fewest places
    (1 to 6) that keep them apart: ``0.49999`` against ``0.5`` is ``49.999%`` and ``50.000%``,
    never ``50.0%`` "below" ``50.0%``."""
    places = 1
    while places < 6 and value != limit and display.percent(value, places) == display.percent(limit, places):
        places += 1
    return Rate(value, places), Rate(limit, places)


@attrs.frozen
class Yuan:
    """Money in 元, to the fen with separators: ``64,133.34 元`` / ``64,133.34 yuan``."""

    value: Decimal | int


@attrs.frozen
class Amount:
    """A quantity with its unit (``16,800 万元``, ``3 篇``), exact, with separators."""

    value: Decimal | int
    unit: str


@attrs.frozen
class Quantity:
    """A metric's value written by the metric's kind and unit (``display.quantity``)."""

    metric: Metric
    value: Decimal | int


@attrs.frozen
class Text:
    """A text given in both languages (a stage's title, a platform's name)."""

    zh: str
    en: str


_UNITS_EN = {"万元": "× 10k yuan", "元": "yuan", "个": "", "篇": "items", "次": "times", "件": "cases"}


def _amount(value: Decimal | int, unit: str, lang: str) -> str:
    number = display.thousands(value)
    if lang == "en":
        unit = _UNITS_EN.get(unit, unit)
        return f"{number} {unit}".rstrip()
    return f"{number} {unit}"


def shown(value: object, lang: str) -> str:
    """*value* as a reader of *lang* sees it in a message."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return display.thousands(value)
    if isinstance(value, date):
        return value.isoformat()
    return _shown_typed(value, lang)


def _shown_typed(value: object, lang: str) -> str:
    if isinstance(value, Rate):
        return display.percent(value.value, value.places)
    if isinstance(value, Yuan):
        return f"{display.money(value.value)} {'元' if lang == 'zh' else 'yuan'}"
    if isinstance(value, Amount):
        return _amount(value.value, value.unit, lang)
    if isinstance(value, Quantity):
        m = value.metric
        if m.kind == "amount" and m.unit:
            return _amount(value.value, m.unit, lang)
        return display.number(m, value.value)
    if isinstance(value, Metric | FindingKind | Text):
        return value.en if lang == "en" else value.zh
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("zh") or "")
    if isinstance(value, list | tuple):
        return ("、" if lang == "zh" else ", ").join(shown(v, lang) for v in value)
    name = getattr(value, "name", None)
    if isinstance(name, str):
        # an org Unit or Person: a leader reads its name, never its id
        return name
    raise TypeError(f"a message field cannot show {type(value).__name__}")


def render(template: str, lang: str, fields: Mapping[str, Any]) -> str:
    return template.format(**{k: shown(v, lang) for k, v in fields.items()})


def say(template: Say, **fields: Any) -> Message:
    """The message ``{"zh": ..., "en": ...}`` of *template* with *fields* filled in."""
    zh, en = template
    return {"zh": render(zh, "zh", fields), "en": render(en, "en", fields)}


def tell(template: Say, **fields: Any) -> str:
    """*template* in this run's language (:func:`bureaukit.messages.language`), its
    fields written as in :func:`say`: how a campaign's evidence note is written when a
    reader asks for it (a :class:`~bureaukit.outcomes.Note`'s render function calls it),
    so a report reads in one language, its own."""
    lang = language()
    return render(template[1] if lang == "en" else template[0], lang, fields)


def fields_of(template: str) -> set[str]:
    """The field names a template uses (``{unit}`` → ``unit``)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(template) if name}
