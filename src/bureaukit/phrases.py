"""Finding messages a leader can read (REPORTS §2), from templates a plugin declares.

A campaign keeps its message templates beside its catalogue — one ``(zh, en)`` pair of
``str.format`` texts per message — and fills them with typed fields:

    MESSAGES = {"behind": ("{unit}招商引资任务完成低于序时进度（{as_of}）：{lagging}",
                           "{unit} is behind schedule at {as_of}: {lagging}")}
    ctx.finding(unit(uid), "behind_schedule", "warning",
                say(MESSAGES["behind"], unit=u, as_of=ctx.as_of, lagging=[...]))

:func:`say` returns a :class:`Message`: the template pair and its fields, written in a
language only when a reader asks for it (``message["en"]``), as evidence notes are
(:func:`tell`). A run shows one language, so the other is never written.

:func:`say` writes each field the way the reports write numbers (``bureaukit.display``):
a :class:`Rate` as a percentage, :class:`Yuan` with thousands separators and 元, an
:class:`Amount` with its unit, a :class:`~bureaukit.catalogue.Metric` by its title, a
unit or person by its name, a :class:`Text` in the template's language, a list joined
(``、`` / ``, ``). So no code, no raw ratio and no id stands where a title or name belongs,
and the two languages say the same thing: :func:`fields_of` lets a test hold the zh and
en templates of a pair to the same fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from string import Formatter
from typing import Any

import attrs

from bureaukit import display
from bureaukit.catalogue import FindingKind, Metric
from bureaukit.messages import language
from bureaukit.org import Person, Unit

Say = tuple[str, str]
"""A message template: ``(zh, en)`` ``str.format`` texts with the same fields."""


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


def _text(value: str, lang: str) -> str:
    return value


def _yes_no(value: bool, lang: str) -> str:
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def _whole(value: int, lang: str) -> str:
    return str(value)


def _decimal(value: Decimal, lang: str) -> str:
    return display.thousands(value)


def _day(value: date, lang: str) -> str:
    return value.isoformat()


def _rate(value: Rate, lang: str) -> str:
    return display.percent(value.value, value.places)


def _yuan(value: Yuan, lang: str) -> str:
    return f"{display.money(value.value)} {'元' if lang == 'zh' else 'yuan'}"


def _amount_of(value: Amount, lang: str) -> str:
    return _amount(value.value, value.unit, lang)


def _quantity(value: Quantity, lang: str) -> str:
    m = value.metric
    if m.kind == "amount" and m.unit:
        return _amount(value.value, m.unit, lang)
    return display.number(m, value.value)


def _titled(value: Metric | FindingKind | Text, lang: str) -> str:
    return value.en if lang == "en" else value.zh


def _message(value: Mapping[str, str], lang: str) -> str:
    if isinstance(value, Message):  # has both languages: an empty text is meant
        return value[lang]
    return str(value.get(lang) or value.get("zh") or "")


def _listed(value: list[Any] | tuple[Any, ...], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(shown(v, lang) for v in value)


def _named(value: Any, lang: str) -> str:
    # an org Unit or Person: a leader reads its name, never its id
    return str(value.name)


Show = Callable[[Any, str], str]

_SHOWN_AS: tuple[tuple[type | tuple[type, ...], Show], ...] = (
    (str, _text),
    (bool, _yes_no),  # before int: a bool is an int
    (int, _whole),
    (Decimal, _decimal),
    (date, _day),
    (Rate, _rate),
    (Yuan, _yuan),
    (Amount, _amount_of),
    (Quantity, _quantity),
    ((Metric, FindingKind, Text), _titled),
    (Mapping, _message),
    ((list, tuple), _listed),
)
"""How each kind of field is shown, tested in this order (the first that *value* is an
instance of); anything else with a text ``name`` (a Unit, a Person) shows its name."""


def shown_by_kind(value: object) -> Show:
    """The way :data:`_SHOWN_AS` shows *value*: the plain path :func:`shown` takes for a
    type it has not met."""
    for kinds, show in _SHOWN_AS:
        if isinstance(value, kinds):
            return show
    if isinstance(getattr(value, "name", None), str):
        return _named
    raise TypeError(f"a message field cannot show {type(value).__name__}")


_BY_TYPE: dict[type, Show] = {Unit: _named, Person: _named}
"""The way each exact type met so far is shown (the org's units and people by their names). Messages fill ~2M fields at a million
ledger rows: a dict lookup per field instead of walking up to a dozen isinstance tests (one
of them an ABC's) — ~10 % of scoring on the generator's bureau shape. A type is remembered
only when all its instances show alike (not for a type whose ``name`` may not be text)."""


def _show_of(value: object) -> Show:
    """How *value* is shown: its type's way when met before, else :func:`shown_by_kind`'s
    (remembered for its type unless shown by name)."""
    show = _BY_TYPE.get(value.__class__)
    if show is None:
        show = shown_by_kind(value)
        if show is not _named:
            _BY_TYPE[value.__class__] = show
    return show


def shown(value: object, lang: str) -> str:
    """*value* as a reader of *lang* sees it in a message."""
    return _show_of(value)(value, lang)


def render(template: str, lang: str, fields: Mapping[str, Any]) -> str:
    """*template* filled with *fields* as shown in *lang* (:func:`shown`)."""
    # every message and note of a run is written here (~55,000 at 100k rows on the
    # people shape): a plain loop, the kinds met before found by one lookup each
    texts = {}
    for name, value in fields.items():
        show = _BY_TYPE.get(value.__class__) or _show_of(value)
        texts[name] = show(value, lang)
    return template.format_map(texts)


class Message(Mapping[str, str]):
    """A finding's message: its ``(zh, en)`` template and the fields that fill it,
    written in a language when a reader asks (``message["zh"]``, ``message.get(lang)``).

    It reads as the mapping ``{"zh": ..., "en": ...}`` a Finding's message is (CORE §7),
    and is equal to the dict of its two texts; but a run shows one language (the JSON,
    the table, a report), and writing every message in both was ~7 % of scoring on the
    generator's bureau (docs/performance.md): each text is written only when read, so
    the fields must not change after :func:`say` (the bundled plugins pass fresh values).
    """

    __slots__ = ("fields", "template")

    def __init__(self, template: Say, fields: Mapping[str, Any]) -> None:
        self.template = template
        self.fields = fields

    def __getitem__(self, lang: str) -> str:
        if lang == "zh":
            return render(self.template[0], "zh", self.fields)
        if lang == "en":
            return render(self.template[1], "en", self.fields)
        raise KeyError(lang)

    def __contains__(self, lang: object) -> bool:
        # Mapping's would write the text to see that it exists
        return lang == "zh" or lang == "en"

    def __iter__(self) -> Iterator[str]:
        return iter(("zh", "en"))

    def __len__(self) -> int:
        return 2

    def __repr__(self) -> str:
        return f"Message(zh={self['zh']!r}, en={self['en']!r})"

    def problem(self) -> str | None:
        """Why this message cannot be written (a field its templates use is not given,
        or a field's value is of a kind no message shows), or None: the engine asks it
        of every finding, so that a plugin's mistake is its failure while it scores,
        not the writer's later."""
        names = fields_in(self.template)
        fields = self.fields
        if not fields.keys() >= names:
            return f"no field {', '.join(sorted(names - fields.keys()))} for its template"
        for name, value in fields.items():
            # a dict lookup for the plain kinds met before (text, numbers, dates, names):
            # this runs for every finding, about as often as a message was written
            show = _BY_TYPE.get(value.__class__)
            if (show is None or show is _listed or show is _message) and not showable(value):
                return f"field {name} is a {type(value).__name__}, which no message shows"
        return None


def say(template: Say, **fields: Any) -> Message:
    """The message of *template* with *fields* filled in, written in a language only when
    read: ``say(MESSAGES["late"], unit=u, due=d)["en"]``."""
    return Message(template, fields)


_FIELDS_IN: dict[Say, frozenset[str]] = {}
"""The fields each template pair uses, parsed once per pair (a run has a few dozen)."""


def fields_in(template: Say) -> frozenset[str]:
    """The fields either template of the pair uses. A template ``str.format`` cannot fill
    with the shown (text) fields raises here: a syntax error, a format spec or an
    attribute a text has not."""
    names = _FIELDS_IN.get(template)
    if names is None:
        zh, en = template
        names = frozenset(fields_of(zh) | fields_of(en))
        blank = dict.fromkeys(names, "")
        zh.format_map(blank), en.format_map(blank)
        _FIELDS_IN[template] = names
    return names


def showable(value: object) -> bool:
    """A message can show *value* (:func:`shown` would not raise), and each of its items."""
    try:
        show = _show_of(value)
    except TypeError:
        return False
    if show is _listed:
        return all(map(showable, value))  # type: ignore[call-overload]
    if isinstance(value, Message):
        return value.problem() is None
    return True


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
