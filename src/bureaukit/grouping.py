"""Grouping records, the step most rules start with (by unit, by person, by project)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """*items* grouped by *key*: groups in the order their first item comes, items in
    their own order within each group. ``group_by(projects, lambda p: p.unit)``."""
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
