"""Text in a terminal's columns: how wide it is, cut to a width, and broken into lines
the way Chinese typesetting breaks them (行首行尾禁则).

One place for the text report's tables and prose and for the command help, so that both
count a Chinese character as two columns and break a line by the same rules:

- a line does not begin with closing punctuation (，。、；：？！）》」”…) nor end with
  opening punctuation (（《「“): the character before goes down with it (避头尾);
- a line breaks at its last space where that leaves it at least half full (a figure
  stays with its unit, a date whole); a header is broken over the whole title, after
  closing or before opening punctuation where it can (“五比五争” / 主题实践活动, not
  “五比五争”主 / 题实践活动);
- otherwise between any two Chinese characters, never inside an English word, a
  number or an option name unless the word alone is wider than the line;
- nothing is ever cut: the lines joined give the text back (less the spaces broken at).

Without a dictionary of words a break may still fall inside a word (保持共产党 /
员先进性…); :func:`wrap_evenly` at least keeps such lines even.
"""

from __future__ import annotations

import unicodedata

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…‥·％,.;:?!)]}%")
"""Closing punctuation: never the first character of a line (避头)."""

NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
"""Opening punctuation: never the last character of a line (避尾)."""

_CLOSING = frozenset("，。、；：？！）》」』】〕〉”’")
_SLASHES = frozenset("/／")

# what a break between two characters costs (:func:`_cost`)
_GOOD = 0  # at a space, after closing or before opening punctuation, after a slash
_BEFORE_SLASH = 1  # at a space, the next line beginning with the separator " / "
_PLAIN = 2  # between two Chinese characters
_IN_WORD = 20  # inside an English word, a number, an option name
_FORBIDDEN = 200  # against 避头尾


def char_width(ch: str) -> int:
    """Columns one character takes: two for East Asian wide and fullwidth, none for
    combining marks and invisible format characters."""
    if unicodedata.combining(ch) or ch in _ZERO_WIDTH:
        return 0
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns *text* takes: East Asian wide and fullwidth characters two."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """*text* cut to at most *width* columns, ending with "…" when it was cut."""
    if display_width(text) <= width:
        return text
    if width <= 0:
        return ""
    room = width - display_width(ellipsis)
    out: list[str] = []
    used = 0
    for ch in text:
        w = char_width(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(out) + ellipsis if room >= 0 else ellipsis[:width]


def _cost(text: str, k: int) -> int:
    """What breaking *text* into lines before its character *k* costs."""
    before, after = text[k - 1], text[k]
    if before == " " or after == " ":
        # a separator " / " stays at the end of its line: the next does not begin with it
        next_start = _next_start(text, k)
        return _BEFORE_SLASH if text[next_start:next_start + 1] in _SLASHES else _GOOD
    if before in NO_LINE_END or after in NO_LINE_START:
        return _FORBIDDEN
    if before.isascii() and after.isascii():
        return _IN_WORD
    if before in _CLOSING or after in NO_LINE_END or before in _SLASHES:
        return _GOOD
    return _PLAIN


def _line(text: str, start: int, end: int) -> str:
    return text[start:end].strip(" ")


def _next_start(text: str, end: int) -> int:
    while end < len(text) and text[end] == " ":
        end += 1
    return end


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* columns, nothing cut: broken at the last space
    that leaves the line at least half full (a figure and its unit, a date, a bracket
    stay together), else filled to the last break between Chinese characters that
    避头尾 allows (:func:`_fill`)."""
    if width <= 0 or display_width(text) <= width:
        return [text]
    lines: list[str] = []
    start = _next_start(text, 0)
    while start < len(text):
        end = _fill(text, start, width)
        lines.append(_line(text, start, end))
        start = _next_start(text, end)
    return lines


def _fill(text: str, start: int, width: int) -> int:
    """Where the line starting at *start* ends: after the longest piece that fits, moved
    back to its last space, or else its last break between Chinese characters allowed by
    避头尾, where the line is at least half full; a line that would be less than half full
    only when what goes down fits on the next line; else a word wider than a line is cut
    where the width ends."""
    used, end = [0], start
    while end < len(text):
        w = char_width(text[end])
        if used[-1] + w > width and end > start:
            break
        used.append(used[-1] + w)
        end += 1
    if end == len(text):
        return end
    best = None
    for k in range(end, start, -1):
        if _cost(text, k) >= _IN_WORD:
            continue
        trailing = 1 if text[k - 1] == " " else 0
        if used[k - start] - trailing < width / 2:
            if best is None and _word_width(text, k) <= width:
                return k
            break
        if text[k - 1] == " " or text[k] == " ":
            return k
        if best is None:
            best = k
    return best if best is not None else end


def _word_width(text: str, k: int) -> int:
    """Columns of what follows a break at *k* up to the next place it may break."""
    start = _next_start(text, k)
    end = start + 1
    while end < len(text) and _cost(text, end) >= _IN_WORD:
        end += 1
    return display_width(text[start:end])


def wrap_evenly(text: str, width: int) -> list[str]:
    """*text* in as few lines as it can be broken into without breaking inside a word
    (never more than :func:`wrap` needs, unless to keep a word whole), as even as they
    can be: a header "分析评议满意度" in 12 columns reads 分析评议 / 满意度, not
    分析评议满意 / 度 (a character left alone on its line reads as a typo), and
    "“五比五争”主题实践活动" reads “五比五争” / 主题实践活动.

    The breaks are chosen over the whole text (it is a header: a few dozen characters):
    first none inside a word or against 避头尾 where that can be helped, then the fewest
    lines, the fewest breaks between two Chinese characters (or before a " / "), the
    narrowest widest line, and the most even lines; on a tie, the longer first line."""
    if width <= 0 or display_width(text) <= width:
        return [text]
    n = len(text)
    # from each position on, the last position first: the best score (cost of bad
    # breaks, lines, cost of the others, widest, sum of squared widths) and where the
    # first line ends
    best: dict[int, tuple[tuple[int, int, int, int, int], int]] = {n: ((0, 0, 0, 0, 0), n)}
    for start in range(n - 1, -1, -1):
        if text[start] == " ":
            continue
        choice: tuple[tuple[int, int, int, int, int], int] | None = None
        for end in range(n, start, -1):
            used = display_width(_line(text, start, end))
            if used > width and end > start + 1:
                continue
            (bad, lines, plain, widest, squares), _ = best[_next_start(text, end)]
            cost = _cost(text, end) if end < n else _GOOD
            worse = cost >= _IN_WORD
            score = (bad + cost * worse, lines + 1, plain + cost * (not worse), max(widest, used), squares + used * used)
            if choice is None or score < choice[0]:
                choice = (score, end)
        assert choice is not None  # a line of one character always fits
        best[start] = choice
    out: list[str] = []
    start = _next_start(text, 0)
    while start < n:
        end = best[start][1]
        out.append(_line(text, start, end))
        start = _next_start(text, end)
    return out
