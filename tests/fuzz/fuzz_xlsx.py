"""Structure-aware fuzzing of the xlsx path (issue 18): workbooks built part by part
with random declared dimensions, cell references (far, row 0, lower case, beyond the
grid, left out, other attribute orders and quotes, a namespace prefix), cell types
(inline and shared strings, out-of-range shared string indexes, numbers, booleans,
errors, dates), shared strings with rich-text runs, and random XML damage — each read
through ``read_kind`` (the workbook guard, then python-calamine or openpyxl) as the
core's Unit ledger.

Anything but problem lines is a finding; a native abort ends the process, so every
example is first written to ``last-example.xlsx`` in the scratch folder (printed at
start) to reproduce it. The address space is capped (``RLIMIT_AS``, 3 GB by default) so
that a runaway allocation aborts at once instead of swapping the shared machine.

    nice python tests/fuzz/fuzz_xlsx.py 600            # seconds [openpyxl]
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbooks import NS, column_letters, write_workbook

from bureaukit import readers
from bureaukit.provenance import Provenance
from bureaukit.ledgers import Problems, Source, read_kind
from bureaukit.org import Unit
from bureaukit.records import record_spec

SCRATCH = Path(tempfile.mkdtemp(prefix="bureaukit-fuzz-xlsx-"))
LAST = SCRATCH / "last-example.xlsx"
STATS = {"examples": 0, "read": 0, "refused_by_guard": 0, "other_problems": 0}
GUARD_WORDS = ("used range", "inflates", "in one piece", "beyond Excel", "row 0", "damaged", "parts")

HEADERS = ["单位编号", "单位名称", "单位类型", "上级单位", "id", "名称", "x"]
# mostly a ledger's own range, sometimes anywhere in (or just beyond) Excel's grid
near_rows, near_cols = st.integers(min_value=1, max_value=30), st.integers(min_value=1, max_value=8)
rows_ = st.one_of(near_rows, near_rows, near_rows, st.integers(min_value=0, max_value=1_100_000))
cols_ = st.one_of(near_cols, near_cols, near_cols, st.integers(min_value=1, max_value=17_000))
refs = st.one_of(
    st.builds(lambda c, r: f"{column_letters(c)}{r}", cols_, rows_),
    st.builds(lambda c, r: f"{column_letters(c)}{r}", near_cols, near_rows),
    st.builds(lambda c, r: f"{column_letters(c)}{r}", near_cols, near_rows),
    st.sampled_from(["XFD1048576", "A1048576", "XFD1", "A0", "a1", "XFDA1", "A99999999", "", "A", "1", "$A$1", "ZZZZ9"]),
)
texts = st.text(max_size=20) | st.sampled_from(["ygs", "bureau", "=1+1", "\x1b[2J", "\u202e", "2014-05-20"])
values = st.one_of(
    st.tuples(st.just("inlineStr"), texts),
    st.tuples(st.just("s"), st.integers(min_value=-2, max_value=12).map(str)),
    st.tuples(st.just("n"), st.sampled_from(["1", "41779", "1e308", "-0", "NaN", "1e999", "x", ""])),
    st.tuples(st.just("b"), st.sampled_from(["0", "1", "2", "true"])),
    st.tuples(st.just("e"), st.sampled_from(["#DIV/0!", "#N/A", "#REF!", ""])),
    st.tuples(st.just("d"), st.sampled_from(["2014-05-20T00:00:00", "2014-02-30", "not a date", ""])),
    st.tuples(st.just("str"), texts),
)


def _esc(text: str) -> str:
    clean = "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff" and not 0xD800 <= ord(ch) <= 0xDFFF))
    return clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def cell_xml(draw: st.DrawFn) -> str:
    ref = draw(refs)
    kind, value = draw(values)
    form = draw(st.sampled_from(["plain", "single", "spaces", "after", "prefix", "noref"]))
    t = "" if kind == "n" else f' t="{kind}"'
    attrs = {
        "plain": f' r="{ref}"{t}', "single": f" r='{ref}'{t}", "spaces": f' r = "{ref}"{t}',
        "after": f'{t} s="0" r="{ref}"', "prefix": f' r="{ref}"{t}', "noref": t,
    }[form]
    body = f"<is><t>{_esc(value)}</t></is>" if kind == "inlineStr" else f"<v>{_esc(value)}</v>"
    tag = "x:c" if form == "prefix" else "c"
    return f"<{tag}{attrs}>{body}</{tag}>"


@st.composite
def sheets(draw: st.DrawFn) -> str:
    header = draw(st.one_of(st.just(["单位编号", "单位名称", "单位类型", "上级单位"]), st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5)))
    head = '<row r="1">' + "".join(
        f'<c r="{column_letters(i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(header, 1)
    ) + "</row>"
    body = []
    for n in range(draw(st.integers(min_value=0, max_value=12))):
        cells = "".join(draw(st.lists(cell_xml(), max_size=6)))
        r = draw(st.one_of(st.just(f' r="{n + 2}"'), st.just(""), rows_.map(lambda x: f' r="{x}"')))
        body.append(f"<row{r}>{cells}</row>")
    dim = draw(st.one_of(st.just(""), st.just(""), refs.map(lambda a: f'<dimension ref="A1:{a}"/>'), refs.map(lambda a: f'<dimension ref="{a}"/>')))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{NS}" xmlns:x="{NS}">{dim}<sheetData>{head}{"".join(body)}</sheetData></worksheet>'
    return draw(damaged(xml))


@st.composite
def damaged(draw: st.DrawFn, xml: str) -> str:
    """The XML as it is most of the time; else cut, or with a random slice repeated or removed."""
    how = draw(st.sampled_from(["none"] * 6 + ["cut", "repeat", "drop"]))
    if how == "none" or len(xml) < 4:
        return xml
    i = draw(st.integers(min_value=0, max_value=len(xml) - 1))
    j = draw(st.integers(min_value=i, max_value=len(xml)))
    if how == "cut":
        return xml[:i]
    if how == "repeat":
        return xml[:j] + xml[i:j] * draw(st.integers(min_value=1, max_value=50)) + xml[j:]
    return xml[:i] + xml[j:]


@st.composite
def shared_strings(draw: st.DrawFn) -> str:
    items = []
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        if draw(st.booleans()):
            items.append(f"<si><t>{_esc(draw(texts))}</t></si>")
        else:
            runs = "".join(f"<r><t>{_esc(draw(texts))}</t></r>" for _ in range(draw(st.integers(min_value=0, max_value=3))))
            items.append(f"<si>{runs}</si>")
    count = draw(st.sampled_from([str(len(items)), "0", "-1", "99999999999", "x"]))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{NS}" count="{count}" uniqueCount="{count}">{"".join(items)}</sst>'
    return draw(damaged(xml))


def one(sheet: str, sst: str, sheet_name: str) -> None:
    write_workbook(LAST, sheet.encode("utf-8"), sst.encode("utf-8"), sheet_name)
    problems = Problems()
    reader = readers.CORE_READERS[1]
    read_kind(record_spec(Unit), [Source("u.xlsx", LAST, None)], {".xlsx": reader}, problems, Provenance())
    STATS["examples"] += 1
    if not problems.lines:
        STATS["read"] += 1
    elif any(w in problems.lines[0] for w in GUARD_WORDS):
        STATS["refused_by_guard"] += 1
    else:
        STATS["other_problems"] += 1
    for line in problems.lines:
        assert "Traceback" not in line and "\x1b" not in line and "\u202e" not in line, line


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    if "openpyxl" in sys.argv[2:]:
        sys.modules["python_calamine"] = None  # type: ignore[assignment]  # the fallback reader
    limit = 3 << 30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    print(f"scratch {SCRATCH}; a crash leaves its input in {LAST}", file=sys.stderr)
    deadline = time.monotonic() + seconds

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(sheets(), shared_strings(), st.sampled_from(["Sheet1", "台账", "a\x1bb", "x" * 31]))
    def fuzz(sheet: str, sst: str, name: str) -> None:
        one(sheet, sst, name)

    started = time.monotonic()
    try:
        while time.monotonic() < deadline:
            fuzz()
    finally:
        print(json.dumps({"target": "xlsx", "seconds": round(time.monotonic() - started), **STATS}), file=sys.stderr)


if __name__ == "__main__":
    main()
