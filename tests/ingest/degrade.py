"""Damaged copies of a report, made at test time from its text: the line shapes that exports,
PDF viewers, fixed-width tools and scrapers give (issue 8, item 2).

Each function takes the decoded text of a copy and returns the text of the damaged copy; blank
lines of the original stay where they are unless the shape says otherwise.

>>> sentence_per_line("一、回顾\\n经济增长。就业稳定。\\n")
'一、回顾\\n经济增长。\\n就业稳定。\\n'
>>> hard_wrap("现在，我代表区人民政府向大会报告工作。\\n", 8)
'现在，我代表区人\\n民政府向大会报告\\n工作。\\n'
>>> split_markers("（三）扩大内需\\n一、回顾\\n")
'（\\n三）扩大内需\\n一\\n、回顾\\n'
>>> unmarked(sentence_per_line("\\n　　一、回顾\\n\\n　　经济增长。就业稳定。\\n"))
'一、回顾\\n经济增长。\\n就业稳定。\\n'
"""
from __future__ import annotations

import re

_SENTENCE = re.compile(r"(?<=[。！？])(?![”’）」』])|(?<=[。！？][”’）」』])")
_CLAUSE = re.compile(r"(?<=[，；：。！？])(?![”’）」』])|(?<=[，；：。！？][”’）」』])")
_MARKER = re.compile(r"^(（|\()([一二三四五六七八九十]{1,3}[）)])|^([一二三四五六七八九十]{1,3})([、．.])"
                     r"|^(\d{1,2})([.．、](?!\d))")
_LEAD = re.compile(r"^([^。，；：]{2,24}。)(?=.)")


def _map_lines(text: str, fn, *, gap: bool = False) -> str:
    out: list[str] = []
    for line in text.splitlines():
        pieces = fn(line) if line.strip() else [line]
        out.extend(pieces)
        if gap and line.strip():
            out.append("")
    return "\n".join(out) + "\n"


def _split(pattern: re.Pattern[str], line: str) -> list[str]:
    return [p for p in pattern.split(line.strip()) if p]


def sentence_per_line(text: str, *, gap: bool = False) -> str:
    """One sentence a line; with ``gap`` a blank line after each paragraph."""
    return _map_lines(text, lambda ln: _split(_SENTENCE, ln), gap=gap)


def clause_per_line(text: str, *, gap: bool = False) -> str:
    """One clause a line (split after ，；：。！？)."""
    return _map_lines(text, lambda ln: _split(_CLAUSE, ln), gap=gap)


def hard_wrap(text: str, width: int, *, gap: bool = False) -> str:
    """Every line cut every ``width`` characters, wherever that falls (mid-word, mid-number)."""
    def wrap(line: str) -> list[str]:
        line = line.strip()
        return [line[i:i + width] for i in range(0, len(line), width)]
    return _map_lines(text, wrap, gap=gap)


def split_markers(text: str) -> str:
    """Heading markers broken from their text: ``（`` / ``三）…``, ``一`` / ``、…``, ``1`` / ``.…``."""
    def split(line: str) -> list[str]:
        stripped = line.strip()
        m = _MARKER.match(stripped)
        if not m:
            return [line]
        cut = m.end(1) if m.group(1) else m.end(3) if m.group(3) else m.end(5)
        return [stripped[:cut], stripped[cut:]]
    return _map_lines(text, split)


def split_leads(text: str) -> str:
    """A short lead sentence alone on its line, the paragraph's body on the next."""
    def split(line: str) -> list[str]:
        stripped = line.strip()
        m = _LEAD.match(stripped)
        return [m.group(1), stripped[m.end(1):]] if m else [line]
    return _map_lines(text, split)


def unmarked(text: str) -> str:
    """Nothing left between paragraphs: blank lines (and indentation) dropped, as in a
    translation-memory or parallel-corpus export of one segment a line."""
    return "".join(ln.strip() + "\n" for ln in text.splitlines() if ln.strip())


def one_line(text: str, *, sep: str = "  ") -> str:
    """The whole report on one line, paragraphs separated by ``sep``."""
    return sep.join(ln.strip() for ln in text.splitlines() if ln.strip()) + "\n"


_CLUTTER = ("首页 > 新闻中心 > 政务公开", "【字体：大 中 小】", "打印本页 关闭窗口", "（责任编辑：王某）",
            "来源：政府网站", "2024-01-05 09:30", "扫一扫在手机打开当前页")


def add_clutter(text: str, every: int = 25) -> str:
    """Site furniture lines before the body, after it and every ``every`` lines between."""
    lines = text.splitlines()
    out = [_CLUTTER[0], _CLUTTER[1]]
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0:
            out.append(_CLUTTER[(i // every) % len(_CLUTTER)])
    out.extend([_CLUTTER[2], _CLUTTER[3], _CLUTTER[6]])
    return "\n".join(out) + "\n"


def gbk_bytes(text: str) -> bytes:
    """The copy saved in GBK (GB18030 for the few characters GBK lacks)."""
    return text.encode("gb18030")
