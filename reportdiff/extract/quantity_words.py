"""Quantities written as words rather than a digit and a unit: ranks, runs of years, zero
words, colon ratios and magnitudes with no digit; and the spans that hold numbers but no metric
(thresholds naming a class, milestones, structural counts of the document, numeral slogans).

The vocabulary is ``[words]`` in ``lexicon/numbers.toml``; ``numbers.quantities`` turns each
:class:`Word` into a quantity.

>>> [(w.value, w.unit, w.kind) for w in words("居中国西部第1位，跻身全球城市前五位，位居全省前列")]
[(1, 'rank', 'rank'), (5, 'rank', 'rank')]
>>> [(w.value, w.unit, w.kind) for w in words("粮食产量连续8年增产，实现“十一连增”，债务零违约")]
[(8, '年', 'duration'), (11, '年', 'duration'), (0, '', 'count')]
>>> [(w.value, w.kind) for w in words("城乡居民收入比为2.3∶1，三次产业结构为4.5∶38.2∶57.3")]
[(2.3, 'ratio'), (4.5, 'ratio'), (38.2, 'ratio'), (57.3, 'ratio')]
>>> [(w.value, w.unit) for w in words("打造两个万亿级产业集群")]
[(1000000000000, '元')]
>>> [text[a:b] for text in ["抓好以下三个方面，跨越两个万亿元大关，做强四大主导产业"] for a, b in not_metric_spans(text)]
['以下三个方面', '两个万亿元大关', '四大']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from ..cnnum import cn_to_int

_NUMERAL = "零〇一二两三四五六七八九十百"
_ORDINAL = rf"[{_NUMERAL}\d]{{1,3}}"
_TERM = r"\d+(?:\.\d+)?"


@dataclass(frozen=True, slots=True)
class Word:
    """A quantity written as a word: ``text[start:end]``; ``lead`` is where its frame starts."""

    start: int
    end: int
    value: float | int
    unit: str
    kind: str


@lru_cache(maxsize=1)
def _rules() -> dict:
    table = lexicon.load("numbers")
    w = table["words"]
    alt = lambda items: "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True))  # noqa: E731
    ordinal = re.compile(rf"(?:第(?P<r>{_ORDINAL})(?:位|名)?|前(?P<t>{_ORDINAL})(?:位|名|强)?|(?P<first>首位))"
                         rf"(?![\d{_NUMERAL}])")
    # what stands before an ordinal to make it a rank, read on the few characters before it
    frame = re.compile(
        rf"(?:(?:{alt(w['rank_verbs'])})(?![民住家污放水涝])[^，。；：、\d第前首“”]{{0,8}}"
        rf"|(?:{alt(w['rank_scopes'])})(?:{alt(w['rank_middles'])})?|[到至]|升为)$")
    streak = re.compile(rf"连续(?P<n>[{_NUMERAL}\d]{{1,3}})年(?!代|度|前|后)"
                        rf"|(?P<m>[{_NUMERAL}]{{1,3}})(?:{alt(w['streak_after'])})")
    zero = {word: (kind, unit) for word, kind, unit in w["zero_words"]}
    colon = re.compile(rf"(?<![\d.:∶]){_TERM}(?:\s*[∶:]\s*{_TERM})+(?![\d.:∶])")
    scale = re.compile(rf"(?<![\d{_NUMERAL}千万亿])(?P<mag>{alt(w['scale_magnitudes'])})级")
    not_metric = [(re.compile(p), key) for p, key in w["not_metrics"]]
    anchored = lambda key: re.compile(w[key].removeprefix("^"))  # noqa: E731  (used with .match(text, pos))
    return {"ordinal": ordinal, "frame": frame, "not_after": anchored("rank_not_after"), "streak": streak,
            "zero": re.compile(alt(zero)), "zero_kinds": zero,
            "zero_name": anchored("zero_name_after"), "colon": colon, "scale": scale,
            "mags": table["magnitudes"], "not_metric": not_metric,
            "people_after": anchored("people_after"),
            "people_before": re.compile(w["people_before"]),
            "threshold": anchored("threshold_nouns")}


def _int(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def words(text: str) -> list[Word]:
    """Ranks, runs of years, zero words, colon ratios and 级 scales in ``text``."""
    r = _rules()
    out: list[Word] = []
    for m in r["ordinal"].finditer(text) if "第" in text or "前" in text or "首位" in text else ():
        frame = r["frame"].search(text, max(0, m.start() - 12), m.start())
        if frame is None or r["not_after"].match(text, m.end()):
            continue
        value = 1 if m.group("first") else _int(m.group("r") or m.group("t"))
        if value:
            out.append(Word(frame.start(), m.end(), value, "rank", "rank"))
    for m in r["streak"].finditer(text) if "连" in text else ():
        value = _int(m.group("n") or m.group("m"))
        if value:
            out.append(Word(m.start(), m.end(), value, "年", "duration"))
    for m in r["zero"].finditer(text) if "零" in text else ():
        if not r["zero_name"].match(text, m.end()):
            kind, unit = r["zero_kinds"][m.group()]
            out.append(Word(m.start(), m.end(), 0, unit, kind))
    for m in r["colon"].finditer(text) if "∶" in text or ":" in text else ():
        terms = [Decimal(t) for t in re.findall(_TERM, m.group())]
        if len(terms) == 2 and terms[1]:
            out.append(Word(m.start(), m.end(), round(float(terms[0] / terms[1]), 6), "", "ratio"))
        elif len(terms) > 2:
            for t in re.finditer(_TERM, m.group()):
                out.append(Word(m.start() + t.start(), m.start() + t.end(), float(t.group()), "", "ratio"))
    for m in r["scale"].finditer(text) if "级" in text else ():
        out.append(Word(m.start(), m.end(), int(r["mags"][m.group("mag")]), "元", "level"))
    out.sort(key=lambda w: w.start)
    kept: list[Word] = []
    for w in out:  # one reading per span: the one that starts first
        if not any(k.start < w.end and w.start < k.end for k in kept):
            kept.append(w)
    return kept


def not_metric_spans(text: str) -> list[tuple[int, int]]:
    """Spans holding numbers that state no metric: structural counts, milestones, slogans."""
    return [m.span() for pattern, key in _rules()["not_metric"] if key in text
            for m in pattern.finditer(text)]


def is_threshold(text: str, end: int, unit: str, qualifiers: list[str]) -> bool:
    """超500亿元的县域, 亿元以上项目: an amount of money that names a class of things."""
    return unit in ("元", "美元") and bool({"超", "以上", "突破"} & set(qualifiers)) \
        and bool(_rules()["threshold"].match(text, end))


def people_unit(text: str, start: int, end: int) -> bool:
    """True when a number with no unit counts people: the noun after it (约1亿农业转移人口)
    or the indicator right before it (贫困人口减少6800多万) is a people noun."""
    r = _rules()
    return bool(r["people_after"].match(text, end) or r["people_before"].search(text, 0, start))
