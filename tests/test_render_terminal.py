"""The demo's text report as a leader reads it in a terminal of 80, 100 and 120 columns.

Nothing a reader needs is cut: names stay whole, a figure "完成 / 任务 (完成率)" takes at
most two lines and never loses its digits, a subject id is shown whole or not at all,
and a table too wide for the terminal is shown in parts (续表) that repeat the names.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import bureaukit
from bureaukit.linebreak import display_width
from bureaukit.money import fmt_points
from bureaukit.render import RenderOptions
from bureaukit.render.table import Shown, render, two_lines, wide_table

DEMO = Path(__file__).resolve().parents[1] / "configs" / "demo" / "bureau.toml"
CUT_ID = re.compile(r"\b(?:u|un|uni|unit|p|pe|per|pers|perso|person)(?::\S*)?…")


@pytest.fixture(scope="module")
def demo() -> Any:
    return bureaukit.score(bureaukit.load(DEMO))


def column(lines: list[str], title: str) -> str:
    """What a table's column holds, its lines joined: cut out by display columns under
    the header *title* (the table's rule of dashes gives the columns' extent)."""
    at = next(i for i, line in enumerate(lines) if title in line.split())
    rule = next(i for i in range(at, len(lines)) if set(lines[i]) <= {"-", " "})
    spans = [(m.start(), m.end()) for m in re.finditer("-+", lines[rule])]
    start = display_width(lines[at][: lines[at].index(title)])
    lo, hi = next(span for span in spans if span[0] <= start < span[1])
    out = []
    for line in lines[rule + 1:]:
        if not line.strip():
            break
        cols, text = 0, []
        for ch in line:
            if lo <= cols < hi:
                text.append(ch)
            cols += display_width(ch)
        out.append("".join(text).strip())
    return "".join(out)


def section(text: str, title: str, after: str) -> list[str]:
    return text.split(f"\n{title}\n")[1].split(f"\n{after}\n")[0].split("\n")


@pytest.mark.parametrize("width", [80, 100, 120])
def test_nothing_is_cut_at_any_width(demo: Any, width: int) -> None:
    text = render(demo, RenderOptions("zh", width=width))
    lines = text.split("\n")
    assert all(display_width(line) <= width for line in lines)
    assert "…" not in text  # no id cut to "uni…", no name cut to "区港航…"
    assert not CUT_ID.search(text)
    # every composite and every campaign's points of every unit, whole, in the overview
    overview = "\n".join(section(text, "综合考评", "招商引资"))
    for card in demo.scorecards:
        assert card.name in overview  # on one line: names are never broken
        assert fmt_points(card.composite) in overview
        for points in card.campaigns.values():
            assert re.search(rf"(?<![\d.]){re.escape(fmt_points(points))}(?![\d.])", overview)


def test_a_100_column_terminal_shows_the_overview_whole_without_ids(demo: Any) -> None:
    text = render(demo, RenderOptions("zh", width=100))
    overview = section(text, "综合考评", "招商引资")
    assert "（续表）" not in overview
    (row,) = [line for line in overview if "交通工程质量监督站" in line]
    assert row.split() == ["4", "二级机构", "交通工程质量监督站", "64.74", "合格", "0.00", "90.61", "94.00",
                           "91.60", "95.00"]
    assert "unit:" not in "\n".join(overview) and "主体" not in overview[5]
    # said once, under the title
    assert text.split("\n")[2] == "终端 100 列：略去主体编号，宽表分段显示（续表）；整表请用 -o 报告.txt"


def test_a_120_column_terminal_keeps_the_ids(demo: Any) -> None:
    text = render(demo, RenderOptions("zh", width=120))
    overview = "\n".join(section(text, "综合考评", "招商引资"))
    assert "unit:personnel" in overview and "终端" not in text.split("\n")[2]


def test_the_investment_matrix_keeps_each_figure_on_two_lines_and_its_unit_in_the_header(demo: Any) -> None:
    text = render(demo, RenderOptions("zh", width=100))
    matrix = section(text, "招商引资", "[资金]")
    head = matrix.index("[得分]") + 1
    assert "招商引资总额" in matrix[head] and "（万元）" in matrix[head + 1]
    at = next(i for i, line in enumerate(matrix) if line.startswith("区道路运输管理所"))
    assert matrix[at].split() == ["区道路运输管理所", "100.00", "6,900", "/", "4,000", "2,500", "/", "1,500"]
    assert matrix[at + 1].split() == ["(172.5%)", "(166.7%)"]
    assert not any(line.rstrip().endswith("/") for line in matrix)  # never "6,900 /" over "4,000"
    # the people's column, empty for every unit, is a part of its own with the people only
    assert "（续表）" in matrix
    part = matrix[matrix.index("（续表）"):]
    assert not any("区道路运输管理所" in line for line in part)
    assert any(line.split() == ["陈秀英", "0.00", "0", "/", "1", "(0.0%)"] for line in part)


def test_an_80_column_overview_is_shown_in_two_parts_repeating_rank_group_and_name(demo: Any) -> None:
    text = render(demo, RenderOptions("zh", width=80))
    overview = section(text, "综合考评", "招商引资")
    assert overview.count("（续表）") == 1
    rows = [line.split() for line in overview if "交通工程质量监督站" in line]
    assert rows == [["4", "二级机构", "交通工程质量监督站", "64.74", "合格", "0.00", "90.61", "94.00"],
                    ["4", "二级机构", "交通工程质量监督站", "91.60", "95.00"]]
    # the legend breaks between campaigns, never between a number and its title
    legend = overview[1:4]
    assert legend == ["① 招商引资  ② 宣传信息工作  ③ “五比五争”主题实践活动",
                      "④ 作风建设 / 机关效能“提高年”  ⑤ 政风行风评议 / 履职尽责督促检查",
                      "⑥ 保持共产党员先进性教育活动"]


def test_appeals_keep_names_and_reasons_whole(demo: Any) -> None:
    text = render(demo, RenderOptions("zh", width=100))
    appeals = text.split("\n异议复核\n")[1].split("\n")
    assert any(line.startswith("YY-01  区港航管理所") for line in appeals)
    reasons = column(appeals, "理由")
    assert "十月五比五争评比漏计港航所创先争优材料两份" in reasons
    assert "群众满意度测评样本不足，请求重新测评" in reasons
    assert "样本数符合测评办法，维持原结果" in column(appeals, "说明")


def test_ids_stay_whole_when_the_names_do_not_tell_two_subjects_apart() -> None:
    rows = [["张伟", "1,000.00", "person:p01"], ["张伟", "2,000.00", "person:p02"], ["李娜", "5.00", "person:p03"]]
    shown = Shown()
    lines = wide_table(["名称", "金额", "主体"], rows, "<><", "kwi", 20, "zh", shown)
    assert "person:p01" in "\n".join(lines) and "person:p02" in "\n".join(lines)
    assert not shown.ids_left_out
    unique = wide_table(["名称", "金额", "主体"], rows[1:], "<><", "kwi", 20, "zh", shown)
    assert "person" not in "\n".join(unique) and shown.ids_left_out


def test_a_figure_takes_two_lines_at_its_last_space() -> None:
    assert two_lines("6,900 / 4,000 (172.5%)") == 13
    assert two_lines("16,800 / 18,000 (93.3%)") == 15
    assert two_lines("383.33") == 6


class _Stream(__import__("io").StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("out_tty", "shown"), [(True, True), (False, False)])
def test_the_row_counter_shows_only_over_a_terminal_and_is_wiped_before_the_report(
    monkeypatch: pytest.MonkeyPatch, out_tty: bool, shown: bool
) -> None:
    from bureaukit import cli
    from bureaukit.messages import speaking

    monkeypatch.delenv("CI", raising=False)
    err, out = _Stream(True), _Stream(out_tty)
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout", out)
    with speaking("zh"):  # load_for_cli sets the run's language: put back after
        cli.load_for_cli(DEMO)
    written = err.getvalue()
    if not shown:  # a pipe (| less) gets a report without the counter beside it
        assert written == ""
        return
    last = written.split("\r")[-3]
    assert last.startswith("读取台账")
    # blanked over exactly its width, the cursor back at the start of the line
    assert written.endswith("\r" + " " * display_width(last) + "\r")


def test_the_readme_shows_what_a_100_column_terminal_prints(demo: Any) -> None:
    readme = (DEMO.parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("# a 100-column terminal\n", 1)[1].split("\n…  (then", 1)[0].split("\n")
    printed = [line.rstrip() for line in render(demo, RenderOptions("zh", width=100)).split("\n")]
    assert block == printed[: len(block)]


def test_explain_reads_in_the_reports_order_with_the_reports_cells(demo: Any) -> None:
    """A clerk's explanation of 区道路运输管理所's 89.01: the composite's campaigns in the
    report's order, then each campaign's 得分 with its arithmetic first and its metrics in
    the matrix's order, each written as its cell (完成 / 任务 (完成率))."""
    from bureaukit.explain import explain_text

    bureau = bureaukit.load(DEMO)
    text = explain_text(demo, "unit:ygs", bureau.config.scoring).split("\n")
    titles = [c.title["zh"] for c in demo.campaigns]
    composite = text[2]
    assert [composite.index(t) for t in titles] == sorted(composite.index(t) for t in titles)
    assert composite.endswith("/ 110 = 89.94")
    block = text[text.index("[招商引资]") + 1:]
    heads = [line for line in block if line.startswith("  ") and not line.startswith("   ")][:3]
    assert heads == ["  得分 = 100.00", "  招商引资总额 = 6,900 / 4,000 万元 (172.5%)",
                     "  固定资产投资 = 2,500 / 1,500 万元 (166.7%)"]


def test_a_federation_in_the_terminal_is_a_table_per_level_as_the_docs_show(tmp_path: Path) -> None:
    """The province of docs/federations.md: each level's path and standing, its arithmetic,
    then its members ranked with name, composite and grade (the id last), not bare lines
    of ``1  bureau:county-c  丙县交通运输局  100.00``; the doc shows what really prints."""
    from click.testing import CliRunner
    from fedtools import make_province

    from bureaukit.cli import main

    province = make_province(tmp_path)
    printed = CliRunner().invoke(main, ["score", str(province), "--no-archive"]).output
    lines = [line.rstrip() for line in printed.rstrip("\n").split("\n")]
    doc = (DEMO.parents[2] / "docs" / "federations.md").read_text(encoding="utf-8")
    block = doc.split("真实输出（上面算例的省）", 1)[1].split("$ bureaukit score province.toml\n", 1)[1]
    block = block.split("\n$ ")[0].split("\n")
    assert lines == block
    assert lines[4].split() == ["1", "丙县交通运输局", "100.00", "优秀", "bureau:county-c"]
