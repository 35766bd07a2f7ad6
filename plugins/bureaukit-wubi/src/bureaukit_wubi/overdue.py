"""Rule 6: items past their time limit 逾期未完成.

“对创新项目建立台帐，落实责任，明确时限” (二(三)三); “确保各项承诺事项落到实处” (二(四)一);
“对重点项目、重点工程和重要部署，实行定人员、定责任、定时限、定奖惩” (二(五)一); “对工作
不负责任、推诿扯皮、执行不力、落实不到位的，按照干部管理权限严肃追究相关负责人的责任”
(二(五)三): an open item past its limit is reported on its unit and on the person named
responsible for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import bureaukit.plugin as bk
from bureaukit.plugin import Context, Finding, Note, Text, say
from bureaukit_wubi.catalogue import MESSAGES
from bureaukit_wubi.notes import overdue_note
from bureaukit_wubi.records import ITEM_KINDS, Item, completed_on, due_of, item_title, responsible


def overdue(ctx: Context, items: Mapping[str, Sequence[Item]]) -> Iterator[Finding]:
    """An item due before ``as_of`` (even before the period) and not completed on or before
    ``as_of``: ``wubi.overdue`` (warning) on its unit, and the same on its owner/person
    when filled. Completed late: no finding (it already counts against the rate); due on
    ``as_of``: not yet overdue."""
    for kind in sorted(items):
        for item in sorted(items[kind], key=lambda i: i.id):
            due = due_of(item)
            if due >= ctx.as_of or completed_on(item) is not None:
                continue
            ledger = ITEM_KINDS[kind]
            days = (ctx.as_of - due).days
            who = responsible(item)
            fields = {"unit": ctx.org.units[item.unit], "ledger": Text(ledger, kind), "item": item.id,
                      "title": item_title(item), "due": due, "as_of": ctx.as_of, "days": days}
            message = (say(MESSAGES["overdue_owned"], **fields, person=ctx.org.people[who]) if who
                       else say(MESSAGES["overdue"], **fields))
            ev = [ctx.evidence(item, Note(overdue_note, (kind, item.id, due, ctx.as_of, days)))]
            yield ctx.finding(bk.unit(item.unit), "overdue", "warning", message, due=due, evidence=ev)
            if who:
                yield ctx.finding(bk.person(who), "overdue", "warning", message, due=due, evidence=ev)
