"""Chinese numerals as integers — the small core shared by the heading grammar and the
number grammar.

>>> [cn_to_int(s) for s in ("三", "十", "十二", "二十", "一百零五", "三千五百五十", "两万", "二〇二四")]
[3, 10, 12, 20, 105, 3550, 20000, 2024]
>>> cn_to_int("12")
12
"""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2,
          "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7,
          "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(BIG)


def cn_to_int(text: str) -> int:
    """The integer a Chinese (or Arabic) numeral spells; ValueError if it spells none."""
    if text.isdigit():
        return int(text)
    if text and all(ch in DIGITS for ch in text) and len(text) > 1:
        # digit-by-digit form: 二〇二四
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            section += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        elif ch in BIG:
            section += digit or 0
            total += (section or 1) * BIG[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if not text:
        raise ValueError("empty numeral")
    return total + section + (digit or 0)
