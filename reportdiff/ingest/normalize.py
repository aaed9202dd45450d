"""Width, space and punctuation normalisation of one line of report text.

Scraped copies use ASCII punctuation in place of Chinese, full-width digits, NBSPs, literal
``<U+00A0>`` escapes and letter-spaced titles. Everything downstream sees one form:

>>> normalize_line("(一)创新驱动,经济增长6%:")
'（一）创新驱动，经济增长6%：'
>>> normalize_line("增长７．３％，１,２００亿元")
'增长7.3%，1,200亿元'
>>> normalize_line("政 府 工 作 报 告")
'政府工作报告'
>>> normalize_line("——1 9 9 8 年3 月5 日在第九届")
'——1998年3月5日在第九届'
>>> normalize_line("去年经济增长8 ．8 ％，粮食总产量稳定在4 9 2 5 0 万吨")
'去年经济增长8.8%，粮食总产量稳定在49250万吨'
>>> normalize_line("两个市民广场投入使用， 67栋沿街楼体")
'两个市民广场投入使用，67栋沿街楼体'
>>> normalize_line("<U+00A0><U+00A0>海淀区人民政府区长?李俊杰")
'海淀区人民政府区长 李俊杰'
"""
from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({0xFF05: ord("%"), 0x2014: 0x2014})
_SPACES = {c: " " for c in (0x00A0, 0x3000, 0x2002, 0x2003, 0x2009, 0x202F, 0x205F, 0x0009)}
_ZERO_WIDTH = {c: None for c in (0x200B, 0x200C, 0x200D, 0xFEFF, 0x2060)}
_TABLE = {**_FULLWIDTH, **_SPACES, **_ZERO_WIDTH}

_UNICODE_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,5})>")
_FULLWIDTH_DOT = re.compile(r"(?<=\d)．(?=\d)")
# ASCII punctuation next to Chinese text is the Chinese mark (a comma between digits is a
# thousands separator and stays).
_ASCII_COMMA = re.compile(rf"(?<=[{_CJK}%）”])\s*,\s*|\s*,\s*(?=[{_CJK}“（])")
_ASCII_COLON = re.compile(rf"(?<=[{_CJK}%）”])\s*:\s*")
_ASCII_SEMI = re.compile(rf"(?<=[{_CJK}%）”])\s*;\s*")
_ASCII_BANG = re.compile(rf"(?<=[{_CJK}])!")
_ASCII_PAREN = re.compile(rf"\(([^()]{{0,40}}?[{_CJK}][^()]{{0,40}}?)\)")
_ASCII_QMARK_GAP = re.compile(rf"(?<=[{_CJK}])\?+(?=[{_CJK}])")
_SPACE_RUN = re.compile(r" {2,}")
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
# a space beside a full-width mark is never text (，　67栋 is ，67栋)
_PUNCT_GAP = re.compile(r"(?<=[，。；：、！？）”]) +| +(?=[，。；：、！？（“])")


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def normalize_line(line: str) -> str:
    """One line in the project's canonical form (see module docstring)."""
    if "<U+" in line:
        line = _UNICODE_ESCAPE.sub(_unescape, line)
    line = line.translate(_TABLE)
    if "．" in line:
        line = _FULLWIDTH_DOT.sub(".", line)
    line = line.strip()
    if not line:
        return line
    if "?" in line and len(line) <= 40:
        # bad conversions put '?' for a no-break space, e.g. between a title and a name
        line = _ASCII_QMARK_GAP.sub(" ", line)
    if "," in line:
        line = _ASCII_COMMA.sub("，", line)
    if ":" in line:
        line = _ASCII_COLON.sub("：", line)
    if ";" in line:
        line = _ASCII_SEMI.sub("；", line)
    if "!" in line:
        line = _ASCII_BANG.sub("！", line)
    if "(" in line:
        line = _ASCII_PAREN.sub(r"（\1）", line)
    if " " in line:
        line = _SPACE_RUN.sub(" ", line)
        line = _PUNCT_GAP.sub("", line)
        line = _collapse_letter_spacing(line)
        if "．" in line:
            line = _FULLWIDTH_DOT.sub(".", line)  # 8 ．8 is 8．8 once the digits close up
    return line


def _collapse_letter_spacing(line: str) -> str:
    """Drop spaces inside letter-spaced words (``政 府 工 作``) and spaced digits.

    Only where the line is dominated by single characters between spaces, or between digits
    and the date characters: a space between a title and a name (``区长 李俊杰``) stays.
    """
    tokens = line.split(" ")
    singles = sum(1 for t in tokens if len(t) == 1)
    if len(tokens) >= 4 and singles >= 0.7 * len(tokens):
        return line.replace(" ", "")
    if len(line) > 40:
        # a stray space inside running Chinese text (经 济增长) is conversion damage
        line = _CJK_GAP.sub("", line)
    # spaced digits of page dumps (1 9 9 8 年, 7 4 7 7 2 亿元, 8 ．8 ％): the number, its
    # decimal point, magnitude and percent sign close up
    return re.sub(r"(?<=\d) (?=[\d年月日%‰万亿．.])|(?<=[年月]) (?=\d)|(?<=\d[．.]) (?=\d)", "", line)
