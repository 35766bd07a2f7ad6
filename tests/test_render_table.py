"""--format table: display-width alignment, hostile text, width limit, languages."""

from __future__ import annotations

from typing import Any

from core_support import HOSTILE_FORMULA, HOSTILE_SCRIPT
from hypothesis import given, settings
from hypothesis import strategies as st

from bureaukit.linebreak import display_width, truncate, wrap, wrap_evenly
from bureaukit.render import RenderOptions
from bureaukit.render._labels import clean
from bureaukit.render.table import format_table, render


def tables(text: str) -> list[list[str]]:
    """Each table of the output: its header, its rule of dashes and its rows."""
    lines = text.split("\n")
    out: list[list[str]] = []
    for i, line in enumerate(lines):
        rule = line.strip()
        if not (rule and set(rule) <= {"-", " "} and "  " in rule):
            continue
        indent = line[: len(line) - len(line.lstrip())]
        block = [lines[i - 1], line]
        for row in lines[i + 1 :]:
            if not row.strip() or (indent and not row.startswith(indent)):
                break
            block.append(row)
        out.append(block)
    return out


def test_display_width_counts_cjk_as_two() -> None:
    assert display_width("公路管理站") == 10
    assert display_width("ab公") == 4
    assert display_width("（无）") == 6
    assert display_width("e\u0301") == 1
    assert truncate("公路管理站", 7) == "公路管…"
    assert display_width(truncate("公路管理站", 6)) <= 6


def test_format_table_rows_have_equal_width() -> None:
    lines = format_table(["名称", "n"], [["公路管理站", "1"], ["x", "12345"]], "<>")
    assert len({display_width(x) for x in lines}) == 1
    assert lines[2].index("1") > 0


def test_every_table_aligns_by_display_width(result_zh: Any) -> None:
    text = render(result_zh, RenderOptions("zh"))
    blocks = tables(text)
    assert len(blocks) >= 8
    for block in blocks:
        assert len({display_width(line) for line in block}) == 1, block
    # the subject column starts at the same display column on a CJK row and an ASCII row
    card = blocks[0]
    cols = []
    for line in card[2:]:
        at = line.index("unit:")
        cols.append(display_width(line[:at]))
    assert len(set(cols)) == 1


def test_headers_follow_language(result_zh: Any, result_en: Any) -> None:
    zh = render(result_zh, RenderOptions("zh"))
    en = render(result_en, RenderOptions("en"))
    assert "排名" in zh and "综合得分" in zh and "违规" in zh and "招商引资" in zh
    assert "Rank" in en and "Composite" in en and "Violation" in en and "Investment attraction" in en
    assert "Left post for 3 days" in en and "招商期间擅自离岗" in zh
    # findings grouped violation → warning → info within a campaign
    section = zh.split("\n招商引资\n")[1].split("\n宣传信息工作\n")[0]
    assert section.index("违规 (") < section.index("警示 (") < section.index("提示 (")


def test_titles_and_numbers_as_a_reader_sees_them(result_zh: Any, result_en: Any) -> None:
    """REPORTS §2: metric and finding titles, never their codes; money with thousands
    separators; a completion as a percentage; the campaign's scores as a matrix."""
    zh = render(result_zh, RenderOptions("zh"))
    en = render(result_en, RenderOptions("en"))
    assert "固定资产投资（万元）" in zh and "离岗招商" in zh
    assert "Fixed-asset" in en and "(10k yuan)" in en and "万元" not in en.split("[Payments]")[0]
    for code in ("fixed_asset_wan", "investment.leave_post", "news_count"):
        assert code not in zh and code not in en
    # 1520 of 1500 万元 = 101.3 %, the unit once in the column's header; 2700 元 refunded
    # to p1 → 2,700.00; rate 0.66666 → 66.7%
    assert "1,520 / 1,500 (101.3%)" in zh and "万元 (" not in zh
    assert "2,700.00" in zh and "66.7%" in zh
    # one row per subject: 公路管理站 has its points and fixed-asset cell on one line
    (row,) = [line for line in zh.split("\n") if line.startswith("公路管理站") and "91.50" in line]
    assert "1,520 / 1,500" in row


def test_narrow_terminal_wraps_messages_never_cuts_them(result_zh: Any) -> None:
    narrow = render(result_zh, RenderOptions("zh", width=60))
    flat = "".join(line.strip() for line in narrow.split("\n"))
    assert "招商期间擅自离岗3天" in flat.replace(" ", "")
    for line in narrow.split("\n"):
        assert display_width(line) <= 60, line


def test_hostile_text_cannot_reach_the_terminal(result_zh: Any) -> None:
    text = render(result_zh, RenderOptions("zh"))
    for bad in ("\u202e", "\u2066", "\x1b", "\x07"):
        assert bad not in text
    assert HOSTILE_SCRIPT in text and HOSTILE_FORMULA in text
    assert clean("a\tb\nc\x00d\u202ee\u2069") == "a b c<U+0000>d<U+202E>e<U+2069>"
    assert clean("a\r\nb\u2028c", newlines=True) == "a\nb\nc"


def test_width_limit_cuts_nothing(result_en: Any) -> None:
    wide = render(result_en, RenderOptions("en"))
    assert "…" not in wide
    # at 80 columns the subject ids are left out, never cut to "uni…", and one line says so
    narrow = render(result_en, RenderOptions("en", width=80))
    assert "…" not in narrow
    assert "Terminal of 80 columns: subject ids left out" in narrow
    for line in narrow.split("\n"):
        assert display_width(line) <= 80, line
    for block in tables(narrow):
        assert len({display_width(line) for line in block}) == 1


def test_a_long_chinese_header_wraps_evenly_never_leaving_one_character() -> None:
    # the vanguard table's 满意度 columns: 14 columns of header over 5-column cells
    lines = format_table(["名称", "分析评议满意度"], [["区港航管理所", "90.0%"]], "<>")
    assert lines[:2] == ["名称" + " " * 14 + "分析评议", " " * 20 + "满意度"]  # right-aligned, 12 wide
    assert wrap("分析评议满意度", 12) == ["分析评议满意", "度"]  # what plain wrapping gives
    assert wrap_evenly("分析评议满意度", 12) == ["分析评议", "满意度"]
    assert wrap("保持共产党员先进性教育活动", 12) == ["保持共产党员", "先进性教育活", "动"]
    assert wrap_evenly("保持共产党员先进性教育活动", 12) == ["保持共产党", "员先进性", "教育活动"]


def test_a_campaign_title_breaks_at_its_punctuation_and_separator() -> None:
    # the overview's columns are the campaigns' titles, 12 columns wide over their points
    assert wrap("“五比五争”主题实践活动", 12) == ["“五比五争”主", "题实践活动"]  # filling each line
    assert wrap_evenly("“五比五争”主题实践活动", 12) == ["“五比五争”", "主题实践活动"]
    assert wrap_evenly("作风建设 / 机关效能“提高年”", 12) == ["作风建设 /", "机关效能", "“提高年”"]
    assert wrap_evenly("政风行风评议 / 履职尽责督促检查", 12) == ["政风行风评议", "/ 履职尽责", "督促检查"]
    assert wrap_evenly("政风行风评议 / 履职尽责督促检查", 16) == ["政风行风评议 /", "履职尽责督促检查"]
    assert wrap_evenly("Conduct review / duty supervision", 12) == ["Conduct", "review /", "duty", "supervision"]


def test_lines_keep_closing_punctuation_off_their_start_and_opening_off_their_end() -> None:
    # 避头尾: the character before goes down with the comma, the opening quote with its word
    assert wrap("一二三四五，六七", 10) == ["一二三四", "五，六七"]
    assert wrap("一二三“四五”六七", 8) == ["一二三", "“四五”六", "七"]
    assert wrap("已办结。未办结的", 10) == ["已办结。未", "办结的"]
    # English and numbers break at spaces, inside a word only when it is wider than half the line
    assert wrap("Satisfaction (Analysis and review)", 12) == ["Satisfaction", "(Analysis", "and review)"]
    assert wrap("a verylongword", 10) == ["a verylong", "word"]
    assert wrap("超期 2014-12-31 未办结", 12) == ["超期", "2014-12-31", "未办结"]
    # a space that leaves the line half full is where it breaks: a figure keeps its unit
    assert wrap("0 / 2,000 万元 (0.0%)", 10) == ["0 / 2,000", "万元", "(0.0%)"]
    assert wrap("序时进度 100.0%  (最终结果)", 24) == ["序时进度 100.0%", "(最终结果)"]


def test_even_wrapping_keeps_the_lines_wrap_needs_and_its_good_breaks() -> None:
    assert wrap_evenly("学习动员", 12) == ["学习动员"]
    assert wrap_evenly("Satisfaction (Analysis and review)", 12) == wrap("Satisfaction (Analysis and review)", 12)
    for text in ("分析评议满意度", "整改提高满意度", "“五比五争”主题实践活动", "保持共产党员先进性教育活动",
                 "作风建设 / 机关效能“提高年”"):
        for width in range(2, 16):
            assert "".join(wrap_evenly(text, width)).replace(" ", "") == text.replace(" ", "")
            assert len(wrap_evenly(text, width)) <= len(wrap(text, width))
            assert all(display_width(line) <= width for line in wrap_evenly(text, width))


_CJK = st.sampled_from("考核评议满意度招商引资宣传信息五比争作风建设")
_MARK = st.sampled_from("，。、：“”（）/ ")
_LATIN = st.sampled_from("ab1-")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_CJK, _CJK, _MARK, _LATIN), min_size=1, max_size=40).map("".join), st.integers(2, 30))
def test_breaking_loses_nothing_and_respects_the_width(text: str, width: int) -> None:
    text = text.strip(" ")
    if not text:
        return
    for lines in (wrap(text, width), wrap_evenly(text, width)):
        # the lines joined are the text, less only the spaces broken at
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(line == line.strip(" ") and line for line in lines) or lines == [text]
        # a line is wider than the width only when it is one character
        assert all(display_width(line) <= width or len(line) == 1 for line in lines)
    assert len(wrap_evenly(text, width)) <= len(wrap(text, width)) + 1


def test_a_short_header_over_an_empty_column_is_not_broken_up() -> None:
    # publicity's violations at 80 columns: no finding has a due date, the message wraps
    rows = [["区公路管理段", "", "建议 WP-05 于 2014-05-16 对外答复未经宣传信息领导组负责人审核"]]
    lines = format_table(["名称", "到期日", "内容"], rows, "<<<", width=40, wrap_cols=(2,))
    assert lines[0].split() == ["名称", "到期日", "内容"]  # not 到 / 期 / 日 down the column
    assert lines[1].split() == ["-" * 12, "-" * 6, "-" * 18]
    assert all(display_width(line) <= 40 for line in lines)
    # a longer header still gives way to the width, over its column's short cells
    lines = format_table(["名称", "分析评议满意度"], [["区港航管理所", "90.0%"]], "<>", width=20)
    assert [line.split()[-1] for line in lines[:3]] == ["分析评", "议满", "意度"]
