"""Rule 6: items past their time limit 逾期未完成.

“对创新项目建立台帐，落实责任，明确时限” (二(三)三); “确保各项承诺事项落到实处” (二(四)一);
“对重点项目、重点工程和重要部署，实行定人员、定责任、定时限、定奖惩” (二(五)一); “对工作
不负责任、推诿扯皮、执行不力、落实不到位的，按照干部管理权限严肃追究相关负责人的责任”
(二(五)三): an open item past its limit is reported on its unit and on the person named
responsible for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from bureaukit import Context, Finding
from bureaukit.periods import ISO_DATES
from bureaukit_wubi.records import ITEM_KINDS, Item, completed_on, due_of, item_title, responsible


def overdue(ctx: Context, items: Mapping[str, Sequence[Item]]) -> Iterator[Finding]:
    """An item due before ``as_of`` (even before the period) and not completed on or before
    ``as_of``: ``wubi.overdue`` (warning) on its unit, and the same on its owner/person
    when filled. Completed late: no finding (it already counts against the rate); due on
    ``as_of``: not yet overdue."""
    as_of = ISO_DATES[ctx.as_of]
    for kind in sorted(items):
        for item in sorted(items[kind], key=lambda i: i.id):
            due = due_of(item)
            if due >= ctx.as_of or completed_on(item) is not None:
                continue
            ledger = ITEM_KINDS[kind]
            days = (ctx.as_of - due).days
            unit_name = ctx.org.units[item.unit].name
            who = responsible(item)
            who_zh = f"，责任人 {ctx.org.people[who].name} ({who})" if who else ""
            who_en = f", responsible {ctx.org.people[who].name} ({who})" if who else ""
            # an open item past its limit is a large share of the rows: dates written
            # through ISO_DATES (the same text as f"{date}"), the title looked up once
            title = item_title(item)
            due_text = ISO_DATES[due]
            message = {
                "zh": f"{unit_name}{ledger}“{item.id} {title}”时限 {due_text}，截至 {as_of}"
                f" 仍未完成，已逾期 {days} 天{who_zh}",
                "en": f"{unit_name}: {kind} item {item.id} “{title}” was due {due_text} and is still"
                f" not done as of {as_of}, {days} day(s) overdue{who_en}",
            }
            ev = [ctx.evidence(item, f"{ledger} {item.id}: 时限 due {due_text}，完成日期为空 not done; {days} 天 days")]
            yield Finding(f"unit:{item.unit}", "wubi.overdue", "warning", message, due=due, evidence=ev)
            if who:
                yield Finding(f"person:{who}", "wubi.overdue", "warning", message, due=due, evidence=ev)
