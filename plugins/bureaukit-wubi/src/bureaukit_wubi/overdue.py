"""Rule 6: items not done by their due date 逾期 (落实责任、明确时限; 定人员、定责任)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from bureaukit import Context, Finding
from bureaukit_wubi.records import ITEM_KINDS, Item, completed_on, due_of, item_title, responsible


def overdue(ctx: Context, items: Mapping[str, Sequence[Item]]) -> Iterator[Finding]:
    """An item due before as_of (even before the period) and not completed on or before
    as_of: a warning on its unit, and the same on its owner/person when filled."""
    for kind in sorted(items):
        for item in sorted(items[kind], key=lambda i: i.id):
            due = due_of(item)
            if due >= ctx.as_of or completed_on(item) is not None:
                continue
            ledger = ITEM_KINDS[kind]
            message = {
                "zh": f"{ledger}“{item.id} {item_title(item)}”时限 {due} 已过，截至 {ctx.as_of} 未完成",
                "en": f"{kind} item {item.id} “{item_title(item)}” was due {due} and is not done as of {ctx.as_of}",
            }
            ev = [ctx.evidence(item, f"时限 due {due}")]
            yield Finding(f"unit:{item.unit}", "wubi.overdue", "warning", message, due=due, evidence=ev)
            who = responsible(item)
            if who:
                yield Finding(f"person:{who}", "wubi.overdue", "warning", message, due=due, evidence=ev)
