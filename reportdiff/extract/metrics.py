"""Metrics: every quantity of every sentence, with the indicator it measures.

>>> [(m.indicator, m.surface, m.kind) for m in sentence_metrics("技术合同成交额预计3550亿元，全市占比40%。")]
[('技术合同成交额', '预计3550亿元', 'level'), ('技术合同成交额', '40%', 'share_pct')]
>>> [(m.indicator, m.value) for m in sentence_metrics("深入实施“海英计划”，支持90名高精尖产业领军人才。")]
[('高精尖产业领军人才', 90)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .numbers import Quantity, quantities
from .quantity_words import people_unit

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+[”」]?|[^。！？!?]+$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年(?!代)")
_ATTRIBUTE = re.compile(r"^(总数|总量|总额|数量|规模|余额|总规模)$")
_NEW_PREFIX = re.compile(r"^(新认定|新增|新培育|新引进|新)")
_SCOPE_ONLY = re.compile(r"^(全?[国省市区县旗]|我[区市])?$")
_PUNCTUATION = set("，；。：、（）,;:()")
_LIST_SPLIT = re.compile(r"、|和|及|与")
_YEAR_WORD = re.compile(r"^(去年|今年|上年|明年|[去今明上]$)|(19|20)\d\d年(末|底|度)?的?|(19|20)\d\d$|连续\d{1,2}年?|\d{1,2}年(来|间)?(?![前后])")
_CLAUSE_END = "，；：。！？,;:（）()「」、"
_OF_PREVIOUS = ("rank", "duration")
_OWN_SUBJECT = re.compile(r"(并|且|继续|实现了?|保持|由上年|从|已|均|又|再|分别)*")


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity in a sentence with its indicator: the raw material of Metric and Target."""

    sentence: str
    surface: str
    start: int
    end: int
    indicator: str | None
    kind: str
    value: float | int
    value_high: float | int | None
    unit: str
    qualifier: str | None
    qualifiers: tuple[str, ...]
    year: int | None


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs of a paragraph, split after 。！？.

    >>> sentences("增长6%。占比40%！余下")
    [(0, '增长6%。'), (5, '占比40%！'), (11, '余下')]
    """
    return [(m.start(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip()]


@lru_cache(maxsize=1)
def _phrase_rules() -> dict:
    t = lexicon.load("indicators")["phrase"]
    return {"cut": re.compile(t["cut_before"]),
            "strip": [re.compile(p) for p in t["strip_start"]],
            "strip_end": re.compile("|".join(t["strip_end"])),
            "inherit": re.compile("|".join(t["inherit"])),
            "action": re.compile(t["action_end"]),
            "right_stop": re.compile(t["right_stop"]), "max": t["max_chars"],
            "not_indicator": re.compile(t["not_indicator"]),
            "lone": re.compile(t["lone"])}


def _clean(phrase: str, rules: dict) -> str:
    for _ in range(3):
        for pattern in rules["strip"]:
            phrase = pattern.sub("", phrase)
        phrase = rules["strip_end"].sub("", phrase)
    phrase = phrase.strip(" “”\"")
    return "" if rules["lone"].match(phrase) else phrase


def _noun_after(right: str, rules: dict) -> str:
    """The noun right after a number's unit (90名领军人才), skipping one verb or 的 when the
    noun follows it (920万元完成道路改造, 6.5%左右的增速)."""
    stop = rules["right_stop"].search(right)
    end = stop.start() if stop else len(right)
    if end == 0 and stop and stop.group() not in _PUNCTUATION and not stop.group().isdigit():
        right = right[stop.end():]
        stop = rules["right_stop"].search(right)
        end = stop.start() if stop else len(right)
    noun = right[:end][:rules["max"]].strip(" “”\"")
    return rules["strip_end"].sub("", noun) or noun


_MILESTONE = re.compile(r"^(\D{2,}?)(突破|跨越|跨上|迈上|超过)[\d.]+[万亿千百]*[^，；。]{0,4}大关$")


def indicator_for(sentence: str, q: Quantity, previous: str | None,
                  previous_end: int = -1) -> str | None:
    """The noun phrase ``q`` measures.

    The clause before the number, cleaned of verbs and connectives; where that names an
    action (投资1100万元新建污水管线) or nothing (、24座移动公厕), the noun after the unit;
    where it is a share or comparison word (全市占比40%) or repeats an earlier number, the
    previous indicator of the sentence; where the clause only continues the one before
    (…收入，由5160元增加到7703元), the clause before.
    """
    rules = _phrase_rules()
    lead = q.lead_start if q.lead_start >= 0 else q.start
    clause_start = max((sentence.rfind(c, 0, lead) for c in _CLAUSE_END), default=-1) + 1
    list_item = clause_start > 0 and sentence[clause_start - 1] in "、"
    raw = sentence[clause_start:lead].strip()
    after = _noun_after(sentence[q.end:], rules)
    if previous_end > clause_start:
        return previous or after or None  # 从第三十九位跃升到第二位: the same indicator
    empty = raw == ""
    from_to = raw.startswith(("由", "从", "占"))  # 由5160元增加到7703元: a continuation
    continues = empty or from_to
    cut = rules["cut"].search(raw)
    if cut:
        raw = raw[:cut.start()]
    raw = _YEAR_WORD.sub("", raw)
    if re.search(r"(?<![A-Za-z])\d", raw):  # M2, PM2.5 and 5G are names, not numbers
        return previous or after or None
    phrase = _clean(raw, rules)
    if previous and _ATTRIBUTE.match(phrase):
        # 新认定高新技术企业35家，总数达到286家: the total of the same thing
        return _NEW_PREFIX.sub("", previous) + phrase
    if rules["inherit"].match(phrase):
        if list_item or (after and not from_to and _SCOPE_ONLY.match(phrase)):
            return after or previous or None
        if continues and clause_start > 0 and (previous is None or empty):
            # 养老金标准继续提高，年人均提高2556元: the clause before names it
            before_start = max((sentence.rfind(c, 0, clause_start - 1) for c in _CLAUSE_END),
                               default=-1) + 1
            earlier = _clean(sentence[before_start:clause_start - 1], rules)
            milestone = _MILESTONE.match(earlier)
            if milestone:
                # 国内生产总值突破3万亿元大关，比上年增长13.4%: the milestone is no metric, its
                # subject is what grew
                earlier = _clean(milestone.group(1), rules)
            if earlier and not re.search(r"\d", earlier) and len(earlier) <= rules["max"] \
                    and not rules["not_indicator"].search(earlier):
                return earlier
        return previous or after or None
    full = sentence[clause_start:q.start].strip()  # with 的, 为 … before the number
    if after and ((not cut and not re.search(r"\d", full) and rules["action"].search(full))
                  or rules["action"].search(raw) or rules["action"].search(phrase)):
        return after
    return phrase[-rules["max"]:] or previous


def _respectively(sentence: str, qs: list[Quantity]) -> dict[int, str]:
    """``A、B分别增长5%、6%``: the k-th indicator of the list goes with the k-th number."""
    rules = _phrase_rules()
    out: dict[int, str] = {}
    for i, q in enumerate(qs):
        if i in out or q.lead_start < 0 or "分别" not in sentence[q.lead_start:q.start]:
            continue
        start = max((sentence.rfind(c, 0, q.lead_start) for c in "，；：。,;:（("), default=-1) + 1
        parts = [_clean(p, rules) for p in _LIST_SPLIT.split(sentence[start:q.lead_start])]
        parts = _complete_parts([p for p in parts if p])
        end = min([k for k in (sentence.find(c, q.end) for c in "，；。") if k >= 0],
                  default=len(sentence))
        group = [k for k in range(i, len(qs)) if qs[k].start < end]
        if len(parts) >= 2 and len(group) == len(parts):
            out.update({k: part for k, part in zip(group, parts)})
    return out


def _pair_inherited_lists(sentence: str, qs: list[Quantity], indicators: list) -> None:
    """``A15781元，B4761元，实际增长8.4%和8%``: a list that names no indicator of its own
    goes, item by item, with the indicators stated just before it."""
    i = 0
    while i < len(qs):
        j = i
        while j + 1 < len(qs) and _LIST_SPLIT.fullmatch(
                sentence[qs[j].end:qs[j + 1].lead_start if qs[j + 1].lead_start >= 0
                         else qs[j + 1].start].strip()):
            j += 1
        k = j - i + 1
        if k >= 2 and i > 0 and all(ind == indicators[i - 1] for ind in indicators[i:j + 1]):
            earlier = []
            for ind in reversed(indicators[:i]):
                if ind and ind not in earlier:
                    earlier.insert(0, ind)
            if len(earlier) >= k:
                indicators[i:j + 1] = earlier[-k:]
        i = j + 1


def _complete_parts(parts: list[str]) -> list[str]:
    """``城镇和农村居民人均可支配收入``: a bare 城镇 takes the head noun of the last part."""
    if len(parts) < 2:
        return parts
    last = parts[-1]
    for prefix in ("城镇", "农村", "城市", "农牧区"):
        if last.startswith(prefix):
            tail = last[len(prefix):]
            return [p + tail if p in ("城镇", "农村", "城市", "农牧区", "城乡") else p for p in parts]
    return parts


def sentence_metrics(sentence: str, default_year: int | None = None) -> list[Mention]:
    """Every quantity of one sentence as a Mention."""
    out: list[Mention] = []
    previous = None
    qs = quantities(sentence)
    paired = _respectively(sentence, qs)
    previous_end = -1
    indicators: list[str | None] = []
    for i, q in enumerate(qs):
        indicator = paired.get(i) or indicator_for(sentence, q, previous, previous_end)
        if q.unit == "人" and not q.surface.rstrip("以上左右多余").endswith("人") and \
                people_unit(sentence, q.end, q.end):
            # 约1亿农业转移人口: the noun that implies the unit is what is counted
            indicator = _noun_after(sentence[q.end:], _phrase_rules()) or indicator
        if q.kind in _OF_PREVIOUS and previous and _OWN_SUBJECT.fullmatch(
                sentence[max((sentence.rfind(c, 0, q.start) for c in _CLAUSE_END), default=-1) + 1:q.start]):
            indicator = previous  # …1196亿美元，居世界首位 / …，连续7年增产: the figure just stated
        previous, previous_end = indicator, q.end
        indicators.append(indicator)
    _pair_inherited_lists(sentence, qs, indicators)
    for i, q in enumerate(qs):
        years = [int(m.group(1)) for m in _YEAR.finditer(sentence, 0, q.start)]
        out.append(Mention(sentence, q.surface, q.start, q.end, indicators[i], q.kind, q.value,
                           q.value_high, q.unit, q.qualifier, q.qualifiers,
                           years[-1] if years else default_year))
    return out


def paragraph_metrics(text: str, default_year: int | None = None) -> list[Mention]:
    """Every quantity of a paragraph, sentence by sentence."""
    out: list[Mention] = []
    for _, sentence in sentences(text):
        out.extend(sentence_metrics(sentence, default_year))
    return out
