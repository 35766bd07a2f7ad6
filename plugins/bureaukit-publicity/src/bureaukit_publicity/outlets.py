"""Which outlet (采用单位) a ledger cell names: one function used by ``check`` and ``score``.

六(三) names the outlets in Chinese (本局交通政务网, 市委市政府, 《中国交通报》 …); clerks write
either the code or that name, with full-width or half-width brackets.
"""

from __future__ import annotations

from collections.abc import Mapping

from bureaukit_publicity.settings import Outlet

_TRANS = str.maketrans({"（": "(", "）": ")", "《": "", "》": "", " ": "", "\u3000": ""})


def normalise(text: str) -> str:
    """Full-width （） read as (), book-title marks and spaces dropped, case folded."""
    return text.strip().translate(_TRANS).casefold()


def resolve_outlet(text: str, outlets: Mapping[str, Outlet]) -> Outlet | None:
    """The outlet whose code or Chinese name *text* is (None when it names none)."""
    key = normalise(text)
    for code in sorted(outlets):
        o = outlets[code]
        if normalise(code) == key or normalise(o.zh) == key:
            return o
    return None
