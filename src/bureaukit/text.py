"""Text from ledgers, as bureaukit compares it and as it shows it.

Two functions every part of bureaukit uses for text it did not write itself:

- :func:`canonical` — the form in which unit ids, person ids and record keys are
  compared (CORE §2 "Identity"): ``ＸＭ２０１４－０１``, ``xm2014-01`` and
  ``XM2014-01<U+200B>`` are one key.
- :func:`visible` — text safe to print in a message, a terminal table or
  ``explain``: control, bidi and invisible characters are shown as ``<U+XXXX>``
  so that a ledger cell can neither move the cursor, recolour the terminal or
  reverse a line, nor hide the difference between two spellings.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable

# Spaces a clerk's keyboard or a copied web page slips into an id: no-break,
# narrow no-break, figure space and the ideographic (full-width) space.  They are
# never part of an id, wherever they stand.
_ID_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u3000"))

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def canonical(text: str) -> str:
    """The form in which ids and keys are compared (CORE §2 "Identity").

    NFKC (full-width letters and digits become ASCII), invisible format
    characters (zero-width space, BOM, bidi marks: category ``Cf``) removed,
    no-break and ideographic spaces removed anywhere, surrounding whitespace
    trimmed, ASCII letters lower-cased.  Other letters keep their case: folding
    beyond ASCII would merge ids a bureau keeps apart.  Idempotent.
    """
    if text.isascii():
        return text.strip().translate(_ASCII_LOWER)
    s = unicodedata.normalize("NFKC", text.translate(_ID_SPACES))
    if not s.isprintable():  # a format character (Cf) is never printable: most text skips the loop
        s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")
    # NFKC may turn a compatibility character into one of _ID_SPACES' targets
    # or a Cf removal may join two pieces that normalise further: settle it.
    s = unicodedata.normalize("NFKC", s.translate(_ID_SPACES)).strip()
    return s.translate(_ASCII_LOWER)


# Characters shown as they are although str.isprintable() says no: the plain
# and the ideographic space (Chinese text aligns with it).
_PRINTABLE_SPACES = frozenset(" \u3000")


def _shown(ch: str) -> str:
    if ch.isprintable() or ch in _PRINTABLE_SPACES:
        return ch
    return f"<U+{ord(ch):04X}>"


def visible(text: object) -> str:
    """*text* with every control, format (bidi, zero-width), separator and
    unassigned character written as ``<U+XXXX>``.

    Use it for every piece of user text (a cell, a header, a unit name, a sheet
    name, a record key) that goes into a message or onto a terminal.
    """
    s = str(text)
    if s.isprintable():
        return s
    return "".join(_shown(ch) for ch in s)


def quoted(text: object) -> str:
    """``"text"`` made :func:`visible`, as messages quote a cell."""
    return f'"{visible(text)}"'


def toml_key(key: str) -> str:
    """A key as TOML writes it in a dotted path: bare when it may be (``ygs``, ``news``),
    else a quoted string (``"unit_head@office"``, ``"局机关"``), so that a config path
    such as ``staffing."unit_head@office"`` is one the bureau can find in its file."""
    if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key):
        return key
    # JSON's escapes are all TOML escapes; TOML wants DEL escaped as well
    return json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


def show(value: object) -> str:
    """A value as a message shows what was given: ``"一万八千"``, ``12``, ``true``, ``a table``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, (dict, list, tuple)):
        return "a table" if isinstance(value, dict) else "a list"
    return str(value)


def spellings(ids: Iterable[str]) -> dict[str, str]:
    """Canonical form → the id as first spelt: what a reference or a setting naming an id
    only in canonical form resolves to (CORE §2 *Identity*). The bureau's units come
    before its people: a unit and a person sharing a canonical form keep the unit's
    spelling, as an exact id is never rewritten."""
    out: dict[str, str] = {}
    for i in ids:
        out.setdefault(canonical(i), i)
    return out
