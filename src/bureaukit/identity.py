"""Config references to units and people, resolved through the canonical form (CORE §2
*Identity*).

A campaign's settings name units and people in many places the core cannot know of
(``quotas`` keyed by unit id, ``fee_units``, …). What the core can do is this: any text
in the structured settings (a value, a list item, a table key) that is not an id as the
org spells it, but equals one in canonical form, is rewritten to that spelling before the
campaign sees it — ``"Ｏｆｆｉｃｅ"`` becomes ``"office"`` — and the rewrite is named
by ``check``. Text that is exactly a unit kind, a role or an id is never touched.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import attrs

from bureaukit.text import canonical, quoted

MAX_DEPTH = 20
"""Settings nest a few levels; deeper structures are left as they are."""


def respell(value: Any, ids: Mapping[str, str], keep: Collection[str], path: str, notes: list[str]) -> Any:
    """*value* with every text naming an id only in canonical form spelt as the org spells
    it; *keep* are texts never rewritten (the ids themselves, unit kinds, roles). Each
    rewrite adds a note ``PATH: "Ｏｆｆｉｃｅ" read as "office"``."""
    return _walk(value, ids, keep, path, notes, 0)


def _walk(value: Any, ids: Mapping[str, str], keep: Collection[str], path: str, notes: list[str], depth: int) -> Any:
    if depth > MAX_DEPTH:
        return value
    if isinstance(value, str):
        return _text(value, ids, keep, path, notes)
    if isinstance(value, tuple):
        items = tuple(_walk(v, ids, keep, f"{path}[{i}]", notes, depth + 1) for i, v in enumerate(value))
        return value if items == value else items
    if isinstance(value, list):
        new = [_walk(v, ids, keep, f"{path}[{i}]", notes, depth + 1) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(new, value, strict=True)) else new
    if isinstance(value, dict):
        return _mapping(value, ids, keep, path, notes, depth)
    if attrs.has(type(value)):
        return _record(value, ids, keep, path, notes, depth)
    return value


def _text(value: str, ids: Mapping[str, str], keep: Collection[str], path: str, notes: list[str]) -> str:
    if value in keep:
        return value
    hit = ids.get(canonical(value))
    if hit is None or hit == value:
        return value
    notes.append(f"{path}: {quoted(value)} read as {quoted(hit)}")
    return hit


def _mapping(value: dict[Any, Any], ids: Mapping[str, str], keep: Collection[str], path: str, notes: list[str], depth: int) -> dict[Any, Any]:
    out: dict[Any, Any] = {}
    changed = False
    for k, v in value.items():
        key = _text(k, ids, keep, f"{path}.{k}", notes) if isinstance(k, str) else k
        if key in out:  # "office" and "Office" both given: leave both as written
            return value
        out[key] = _walk(v, ids, keep, f"{path}.{k}", notes, depth + 1)
        changed = changed or key is not k or out[key] is not v
    return out if changed else value


def _record(value: Any, ids: Mapping[str, str], keep: Collection[str], path: str, notes: list[str], depth: int) -> Any:
    changes: dict[str, Any] = {}
    for a in attrs.fields(type(value)):
        if not a.init:
            continue
        old = getattr(value, a.name)
        new = _walk(old, ids, keep, f"{path}.{a.name}", notes, depth + 1)
        if new is not old:
            changes[a.alias or a.name] = new
    return attrs.evolve(value, **changes) if changes else value
