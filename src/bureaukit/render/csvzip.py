"""``--format csv``: a zip of one CSV per section (CORE §11, §12).

``scorecards.csv``, ``scores.csv``, ``payments.csv``, ``findings.csv`` and
``evidence.csv`` (each evidence row names its outcome by the ``S1``/``P1``/``F1`` id
in the first column of the other files). UTF-8 with BOM, CRLF line ends, so that
Excel in China opens them as they are. Headers follow ``options.lang``.

Text from ledgers and config (names, messages, notes, keys, ids) that a spreadsheet
would run as a formula — starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return — gets one ``'`` in front. Numbers are the JSON's written forms (``"3000.00"``)
and are left alone. Same result, same bytes: entries sorted, timestamps fixed to the
run's as-of date.
"""

from __future__ import annotations

import csv
import io

from bureaukit.render import RenderOptions
from bureaukit.render._labels import Section, fixed_zip, neutralise, sections
from bureaukit.result import Result

BOM = "\ufeff"


def section_csv(section: Section) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([neutralise(c.title) for c in section.columns])
    for row in section.rows:
        out: list[str] = []
        for col, cell in zip(section.columns, row, strict=True):
            if cell is None:
                out.append("")
            elif col.kind == "text":
                out.append(neutralise(str(cell)))
            else:
                out.append(str(cell))
        w.writerow(out)
    return (BOM + buf.getvalue()).encode("utf-8")


def render(result: Result, options: RenderOptions) -> bytes:
    members = sorted((f"{s.key}.csv", section_csv(s)) for s in sections(result, options.lang))
    return fixed_zip(members, result.period.as_of)
