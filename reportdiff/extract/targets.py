"""Targets: the quantified (and unquantified) targets a report sets for its plan year.

The targets passage is found in the plan part by its introduction (``主要预期目标是：``); each
item up to the end of that sentence is a target, quantified when it states a number. A few
targets are framed elsewhere in the plan (``赤字率拟按3%安排``): ``extract/elsewhere.py`` finds them.

>>> items = passage_targets("今年主要预期目标是：地区生产总值增长6%左右；城镇调查失业率5.5%以内；"
...                         "居民收入增长和经济增长基本同步。上述目标考虑了需要和可能。")
>>> [(t.indicator, t.value, t.unit, t.bound) for t in items]
[('地区生产总值', 6.0, '%', 'approx'), ('城镇调查失业率', 5.5, '%', 'max'), ('居民收入增长', None, None, None)]
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Target
from .indicators import canonical
from .metrics import Mention, sentence_metrics


def _item(sentence: str, surface: str, indicator: str, kind: str, value, value_high, unit,
          bound, qualifier, where: str = "passage") -> Target:
    """A target as read from text; ``extract`` gives it its id, paragraph, year and lines."""
    return Target("", None, sentence, surface, indicator, kind, value, value_high, unit, bound,
                  None, qualifier, where)


@lru_cache(maxsize=1)
def _rules() -> dict:
    t = lexicon.load("targets")
    return {"intro": re.compile("|".join(t["intro"])), "item_end": re.compile(t["item_end"]),
            "unquantified": re.compile(t["unquantified"]),
            "subject_end": re.compile(t["subject_end"]),
            "continuation": re.compile(t["continuation"]), "bounds": t["bounds"],
            "lead_words": re.compile(t["lead_words"]),
            "explanation": re.compile(t["explanation"]),
            "stop_sentence": re.compile(t["stop_sentence"]),
            "continue_sentence": re.compile(t["continue_sentence"]),
            "floor": t["floor"], "floor_pattern": re.compile(t["floor"]["pattern"]),
            "other_period": re.compile(t["other_period"])}


def bound_of(m: Mention) -> str:
    """approx / max / min / range / exact, from a mention's qualifiers and bounding words."""
    if m.value_high is not None:
        return "range"
    words = set(m.qualifiers)
    for bound in ("approx", "max", "min"):
        if words & set(_rules()["bounds"][bound]):
            return bound
    return "exact"


def find_passage(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of the targets passage in a paragraph: from its introduction to the
    end of its sentence, and on through the sentences after it that still state targets
    (hailar-2019 puts one target per sentence); None when the paragraph has none."""
    rules = _rules()
    m = next((m for m in rules["intro"].finditer(text)
              if not rules["other_period"].search(text[text.rfind("。", 0, m.start()) + 1:m.start()])),
             None)
    if not m:
        return None
    end = text.find("。", m.end())
    if end < 0:
        return m.start(), len(text)
    while end + 1 < len(text):
        nxt = text.find("。", end + 1)
        sentence = text[end + 1:(nxt if nxt >= 0 else len(text))].strip()
        if not sentence or rules["stop_sentence"].search(sentence) \
                and not rules["continue_sentence"].match(sentence):
            break
        states_number = bool(re.search(r"\d+(\.\d+)?\s*[%％万亿元人]", sentence))
        if not (states_number or (len(sentence) <= 60 and rules["unquantified"].search(sentence))
                or rules["continue_sentence"].match(sentence)):
            break
        end = nxt if nxt >= 0 else len(text)
    return m.start(), end


def passage_targets(text: str) -> list[Target]:
    """The targets of a paragraph holding a targets passage (empty if it holds none)."""
    span = find_passage(text)
    if span is None:
        return []
    rules = _rules()
    intro = rules["intro"].match(text, span[0])
    sentence_start = max(text.rfind("。", 0, span[0]) + 1, 0)
    sentence = text[sentence_start:span[1] + 1]
    head = text[sentence_start:intro.start()]
    body = text[intro.end():span[1]]
    items: list[Target] = []
    subject = _subject_before_intro(head)
    for item in (p for p in rules["item_end"].split(body) if p.strip()):
        items.extend(_item_targets(item.strip(), sentence, subject))
        subject = None
    return deduplicate(items)


def deduplicate(items: list) -> list:
    """Drop a quantified target restated later (经济增长8%左右 after 国内生产总值增长8%左右; the
    explanation paragraph's 把居民消费价格涨幅控制在3.5%左右 after the passage's item)."""
    out: list = []
    for t in items:
        if t.value is not None and any(
                o.value == t.value and o.unit == t.unit and o.value_high == t.value_high
                and (o.kind == t.kind and canonical(o.indicator) == canonical(t.indicator)
                     and o.surface != t.surface or _restated(o, t)) for o in out):
            continue
        out.append(t)
    return out


def _restated(first, later) -> bool:
    """An elsewhere figure naming (part of) a passage item's indicator restates that item."""
    if later.where != "elsewhere" or first.where != "passage" or not first.indicator \
            or not later.indicator:
        return False
    a, b = canonical(first.indicator), canonical(later.indicator)
    return a in b or b in a


def _subject_before_intro(head: str) -> str | None:
    """``经济增长预期目标为7%左右``: the indicator stands before the introduction."""
    head = re.split(r"[，；：]", head)[-1]
    head = re.sub(r"^.*(今年|明年|\d{4}年)", "", head)
    head = re.sub(r"^的?(全区|全市|全国|我区)?(经济社会发展的?|发展的?)?", "", head)
    return re.sub("的$", "", head.strip()) or None


def _item_targets(item: str, sentence: str, subject: str | None) -> list[Target]:
    rules = _rules()
    mentions = sentence_metrics(item)
    out: list[Target] = []
    for m in mentions:
        if m.kind in ("rank",) or m.year is not None and m.unit == "":
            continue
        indicator = m.indicator or subject or item[:m.start].strip("，、 ")
        surface = item[max(0, item.find(indicator) if indicator in item else m.start):m.end]
        kind = m.kind
        if kind == "share_pct" and re.search("增长|增速|涨幅|上涨幅度", indicator):
            kind = "growth_pct"  # 经济增长预期目标为7%左右, 经济增长速度8%: a rate of growth
        for name in _each_indicator(item, m, indicator):
            out.append(_item(sentence, surface, name, kind, m.value, m.value_high,
                                  m.unit, bound_of(m), m.qualifier))
    # clauses without a number: unquantified targets; a clause that only continues the one
    # before (固定资产投资扭转下滑态势，实现正增长) belongs to it
    for clause in (c.strip() for c in re.split(r"[，,]", item) if c.strip()):
        if rules["explanation"].match(clause):
            break
        if re.search(r"\d|[%％]", clause) or any(clause in t.surface for t in out):
            continue
        if rules["continuation"].match(clause):
            if out and out[-1].value is None:
                last = out[-1]
                floor = rules["floor"] if rules["floor_pattern"].search(clause) else {}
                out[-1] = _item(last.sentence, f"{last.surface}，{clause}", last.indicator,
                                last.kind if not floor else floor["kind"], floor.get("value"),
                                None, floor.get("unit"), "min" if floor else None, None)
            continue
        if not rules["unquantified"].search(clause):
            continue
        subject = rules["lead_words"].sub("", clause)
        cut = rules["subject_end"].search(subject, 2)
        indicator = subject[:cut.start()] if cut else subject
        if rules["floor_pattern"].search(clause):
            # 固定资产投资实现正增长: growth of at least 0, as in a continuation clause
            floor = rules["floor"]
            out.append(_item(sentence, clause, indicator.strip("“”"), floor["kind"],
                             floor["value"], None, floor["unit"], "min", None))
            continue
        out.append(_item(sentence, clause, indicator.strip("“”"), "other", None, None,
                              None, None, None))
    return out


def _each_indicator(item: str, m: Mention, indicator: str) -> list[str]:
    """One number for several indicators: ``A、B均增长8%`` is a target for A and one for B;
    ``城乡居民收入分别增长7.5%`` one for town and one for country."""
    words = item[max(0, m.start - 4):m.start]
    if "均" not in words and "分别" not in words:
        return [indicator]
    head = re.split("[，；]", item[:m.start])[-1]
    parts = [re.sub("(均|分别|都)$", "", p.strip()) for p in re.split("、|和|及", head)]
    parts = [p for p in parts if p]
    if len(parts) >= 2:
        return parts
    if indicator.startswith("城乡") and "分别" in words and \
            not re.search(r"[、和]\s*[\d.]+%", item[m.end:m.end + 12]):
        return [indicator, indicator]
    return [indicator]
