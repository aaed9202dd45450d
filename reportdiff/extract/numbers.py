"""The number grammar: every quantity a sentence states, with unit, kind and qualifiers.

No library reads 1.2万亿元, 超42亿元, 四分之一强, 提高0.5个百分点 or 增长5%左右 and keeps the
qualifier, so the grammar is the project's own; its vocabulary is ``lexicon/numbers.toml``.

>>> [(q.surface, q.value, q.unit, q.kind, q.qualifier) for q in quantities("地区生产总值预计增长6%，区级一般公共预算收入增长11.9%")]
[('预计增长6%', 6.0, '%', 'growth_pct', '预计'), ('增长11.9%', 11.9, '%', 'growth_pct', None)]
>>> [(q.value, q.unit, q.kind) for q in quantities("技术合同成交额预计3550亿元，全市占比40%")]
[(355000000000, '元', 'level'), (40.0, '%', 'share_pct')]
>>> [(q.value, q.unit, q.kind, q.qualifier) for q in quantities("全市占比预计四分之一强，连续三年全市第一")]
[(0.25, 'fraction', 'ratio', '预计+强'), (3, '年', 'duration', None), (1, 'rank', 'rank', None)]
>>> [(q.value, q.value_high, q.qualifier) for q in quantities("分别增长5%、6.5%左右，增速为6%—6.5%")]
[(5.0, None, '左右'), (6.5, None, '左右'), (6.0, 6.5, None)]
>>> [(q.value, q.value_high, q.unit) for q in quantities("投资5000—6000万元")]
[(50000000, 60000000, '元')]
>>> [(q.value, q.unit, q.kind) for q in quantities("分别减少14.1%和19.4%，分别提高15、22个百分点")]
[(-14.1, '%', 'growth_pct'), (-19.4, '%', 'growth_pct'), (15.0, 'pp', 'change_pp'), (22.0, 'pp', 'change_pp')]
>>> [(q.value, q.value_high, q.unit) for q in quantities("零售总额增长百分之十二点三，增长速度定为百分之八至九，比上年增长百分之十一点八")]
[(12.3, None, '%'), (8.0, 9.0, '%'), (11.8, None, '%')]
>>> quantities("2024年1月4日在海淀区第十七届人民代表大会第四次会议上，落实“四个中心”，发布悟道3.0")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from ..cnnum import cn_to_int
from .quantity_words import is_threshold, not_metric_spans, people_unit, words

_CN = "零〇一二两三四五六七八九十"
_SEPARATORS_LIST = re.compile(r"^\s*(、|和|与|及|以及|，和)\s*$")
_SEPARATORS_RANGE = re.compile(r"^\s*(—{1,2}|–|-|－|~|～|至)\s*$")
_CLAUSE_END = "，；：。！？,;:（）()「」"
_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}, 0xFF05: ord("%"), 0xFF0E: ord(".")}
_CLAUSE_QUALIFIERS = ("力争", "预计")
_ITEM_END = ("", "、", "，", "；", "。", "和", "及", "与", ",", ";")
_TIME_OPENER = re.compile(r"(今年|年内|全年|明年)?")
_QUALIFIERS = {"预计", "超", "近", "约", "左右", "以上", "以内", "以下", "不低于", "低于", "余", "多", "强",
               "弱", "达", "突破", "力争"}
_NOT_UNITS = {"个体", "个性", "个税", "人民", "人才", "人口", "人员", "人均", "人大", "户籍", "户口",
              "家庭", "家园", "家乡", "项目", "条件", "条例", "台湾", "名牌", "名城", "名镇", "名村",
              "所有", "所得", "部门", "部署", "场所", "处理", "起来", "批准", "次要", "种植", "类型",
              "门槛", "天然", "天津", "层次", "层级", "层面", "核心", "元素", "座谈", "台阶", "件事"}
_QUOTE = re.compile(r"[“\"‘「]([^”\"’」]{1,12})[”\"’」]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity in a text: ``surface`` is ``text[start:end]``."""

    start: int
    end: int
    surface: str
    value: float | int
    value_high: float | int | None
    unit: str
    kind: str
    qualifiers: tuple[str, ...]
    verb: str | None = None
    lead_start: int = -1  # where the words before the number (verbs, 同比, 分别 …) begin

    @property
    def qualifier(self) -> str | None:
        return "+".join(q for q in self.qualifiers if q in _QUALIFIERS) or None


@dataclass
class _Token:
    start: int       # surface start (with the verb and qualifiers before the number)
    num_start: int
    end: int
    value: Decimal
    mag_unit: bool   # a magnitude or unit was written
    unit: str
    kind: str | None
    pre: list[str]
    post: list[str]
    verb: str | None
    direction: int   # +1 up, -1 down, 0 none
    to_level: bool   # 提高到 / 增长至: a level, not a change
    value_high: Decimal | None = None
    implied: int = 0  # a change named away from the number: +1 up, -1 down
    lead: int = -1
    factor: Decimal = Decimal(1)  # the magnitude written with it (万, 亿)
    bare: bool = False  # a magnitude with no unit (8万亿、9万亿元): the unit may be the list's
    word: bool = False  # a rank, run of years, zero word or colon ratio (quantity_words)


@lru_cache(maxsize=1)
def _grammar():
    table = lexicon.load("numbers")
    mags = table["magnitudes"]
    # 千/百 are magnitudes only where they do not start a unit (3千瓦 is 3 kW)
    mag_re = "|".join(re.escape(m) + ("(?!瓦|伏|米|克|帕|分)" if m in ("千", "百") else "")
                      for m in sorted(mags, key=len, reverse=True))
    count_units = table["count_units"]
    level_units = table["level_units"]
    units = sorted(set(count_units) | set(level_units), key=len, reverse=True)
    unit_re = "|".join(re.escape(u) for u in units)
    per_re = "|".join(re.escape(u) for u in sorted(table["per_units"], key=len, reverse=True))
    number = re.compile(
        rf"百分之(?P<pw>\d+(?:\.\d+)?|[{_CN}百]+(?:点[{_CN}]+)?)"
        rf"(?:(?:至|到|—{{1,2}}|－|-|～|~)(?:百分之)?(?P<pwh>\d+(?:\.\d+)?(?![\d.万亿])|[{_CN}百]+(?:点[{_CN}]+)?(?![{_CN}百千万亿])))?"
        rf"|(?P<den>[{_CN}百]+)分之(?P<nu>[{_CN}]+)"
        rf"|(?P<fn>\d+)/(?P<fd>\d+)(?![\d/])"
        rf"|(?P<half>一半)"
        rf"|翻(?:了)?(?P<fan>[一两二三四五])番"
        rf"|(?:(?P<mix>\d+(?:\.\d+)?(?:亿|万)(?:\d+(?:千|百)多?万?)+)"
        rf"|(?P<ar>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"|(?P<cn>[{_CN}](?:[{_CN}百]|千(?![瓦伏米克]))*)"
        rf"|(?:(?<=[超近上逾约数破过达])|(?<=定在|持在))(?P<bm>万亿|千亿|百亿|亿|千万|百万|万|千|百)(?=多|余|{unit_re}))"
        rf"(?P<mag1>{mag_re})?(?P<approx>余|多)?(?P<mag2>万亿|亿|万)?"
        rf"(?P<unit>%|‰|个多?百分点|百分点|倍|成(?![立为果效绩功本员交熟长都型品套片就])"
        rf"|大(?=[\u4e00-\u9fff])|(?:{unit_re})(?:/(?:{per_re}))?)?")
    q = table["qualifiers"]
    post_re = re.compile("(?:" + "|".join(sorted(q["after"], key=len, reverse=True)) + ")+")
    verbs = table["verbs"]
    left_words = sorted(set(q["before"]) | set(verbs["up"]) | set(verbs["down"])
                        | set(verbs["fillers"]), key=len, reverse=True)
    left_alt = "|".join(re.escape(w) for w in left_words)
    left_re = re.compile(rf"(?:(?:{left_alt})\s*)+$")
    word_re = re.compile(left_alt)
    change_verbs = {v for v in verbs["up"] + verbs["down"] if len(v) > 1}
    clause_verb = re.compile("^(" + "|".join(sorted(change_verbs, key=len, reverse=True)) + ")")
    ex = table["exclude"]
    numeral = r"\d." + _CN + "百千万亿"
    # a slogan starts with a literal or a numeral: looking at that first character first is fast
    first = {p[0] for p in ex["slogans"] if p[0] not in "[("} | set(_CN + "百千万党二十")
    # (百分之十一点八 is a number, not the 十一 holiday)
    slogans = re.compile(rf"(?<![{numeral}之])(?=[{''.join(sorted(first))}])(?:" + "|".join(ex["slogans"])
                         + rf")(?![{numeral}连点])")
    after_ex = re.compile("|".join(ex["after_patterns"]))
    before_ex = re.compile("|".join(ex["before_patterns"]))
    return {"number": number, "mags": mags, "count_units": set(count_units), "post": post_re,
            "q_before": q["before"], "q_after": q["after"], "up": set(verbs["up"]),
            "down": set(verbs["down"]), "left": left_re, "word": word_re,
            "ascii_units": {u for u in units if u.isascii() and len(u) > 1},
            "slogans": slogans, "after_ex": after_ex, "before_ex": before_ex,
            "growth_after": re.compile(verbs["growth_after"]), "clause_verb": clause_verb}


def _cn_decimal(text: str) -> Decimal:
    """百分之十二点三: 12.3 (the digits after 点 one by one)."""
    if text[0].isdigit():
        return Decimal(text)
    whole, _, frac = text.partition("点")
    value = Decimal(cn_to_int(whole))
    if frac:
        value += Decimal("0." + "".join(str(cn_to_int(c)) for c in frac))
    return value


def _num_value(m: re.Match[str], mags: dict) -> Decimal:
    if m.group("pw"):
        return _cn_decimal(m.group("pw"))
    if m.group("den"):
        return Decimal(cn_to_int(m.group("nu"))) / Decimal(cn_to_int(m.group("den")))
    if m.group("fn"):
        return Decimal(m.group("fn")) / Decimal(m.group("fd"))
    if m.group("half"):
        return Decimal("0.5")
    if m.group("fan"):
        return Decimal(cn_to_int(m.group("fan")))
    if m.group("mix"):
        return _mixed_value(m.group("mix"), mags)
    if m.group("bm"):
        return Decimal(str(mags[m.group("bm")]))
    if m.group("ar"):
        return Decimal(m.group("ar").replace(",", ""))
    return Decimal(cn_to_int(m.group("cn")))


def _mixed_value(text: str, mags: dict) -> Decimal:
    """1万6千 → 16000; 1亿3千多万 → 130000000 (digits, each with its magnitudes).

    >>> int(_mixed_value("1亿3千多万", {"亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}))
    130000000
    """
    total = Decimal(0)
    for digits, marks in re.findall(r"(\d+(?:\.\d+)?)([亿万千百多]*)", text):
        value = Decimal(digits)
        for mark in marks:
            if mark != "多":
                value *= Decimal(str(mags[mark]))
        total += value
    return total


def quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text`` (a sentence or paragraph), in reading order."""
    g = _grammar()
    original, text = text, text.translate(_WIDTH)  # full-width digits, ％: one for one
    never = not_metric_spans(text) + [m.span() for m in g["slogans"].finditer(text)]
    blocked = never + [m.span() for m in _QUOTE.finditer(text) if re.search(r"[\d" + _CN + "]", m.group(1))
                       and not re.search(r"[%％]", m.group(1))]
    tokens = [_Token(w.start, w.start, w.end, Decimal(str(w.value)), True, w.unit, w.kind, [], [],
                     None, 0, False, lead=w.start, word=True)
              for w in words(text) if not any(a < w.end and w.start < b for a, b in never)]
    taken = [(t.start, t.end) for t in tokens]
    for m in g["number"].finditer(text):
        s, e = m.span()
        if e == s or any(a < e and s < b for a, b in taken + blocked):
            continue
        token = _token(text, m, g)
        if token is not None:
            tokens.append(token)
    tokens.sort(key=lambda t: t.num_start)
    tokens = _merge_ranges(text, tokens)
    _share_across_lists(text, tokens)
    return [_finish(original, t) for t in tokens if t.mag_unit]


def _token(text: str, m: re.Match[str], g) -> _Token | None:
    s, e = m.span()
    unit = m.group("unit") or ""
    if text[e:e + 1] and (unit + text[e]) in _NOT_UNITS:
        unit, e = "", m.start("unit")  # 个体工商户, 人民: a word, not the unit 个 or 人
    if m.group("cn") and not unit and not m.group("mag1"):
        return None  # a bare Chinese numeral (一些, 十大) is a word, not a number
    digits_end = next((m.end(k) for k in ("ar", "cn", "mix") if m.group(k)), e)
    ascii_unit = unit.split("/")[0] in g["ascii_units"] and not re.match(r"[A-Za-z0-9]", text[e:e + 1])
    if (g["after_ex"].match(text[digits_end:digits_end + 8]) and not ascii_unit) \
            or g["before_ex"].search(text[max(0, s - 4):s]):
        return None
    try:
        value = _num_value(m, g["mags"])
    except (ValueError, ArithmeticError, KeyError):
        return None
    if m.group("cn") and value == 1 and unit not in ("倍",):
        return None  # 一个, 一项: an article, not a count
    if unit == "大" and (value > 20 or m.group("mag1")):
        return None
    kind = None
    mag = Decimal(1)
    for key in ("mag1", "mag2"):
        if m.group(key):
            mag *= Decimal(str(g["mags"][m.group(key)]))
    if m.group("pw"):
        unit, kind = "%", "pct"
    elif m.group("den") or m.group("fn") or m.group("half"):
        unit, kind = "fraction", "ratio"
    elif m.group("fan"):
        unit, kind = "番", "ratio"
    elif unit == "成":
        value, unit, kind = value / 10, "fraction", "ratio"
    elif unit in ("个百分点", "百分点", "个多百分点"):
        kind = "change_pp"
    elif unit in ("%", "‰"):
        kind = "pct"
    elif unit == "倍":
        kind = "ratio"
    elif unit == "大":
        unit, kind = "", "count"
    elif unit:
        kind = "count" if unit in g["count_units"] else "level"
    elif mag != 1 or m.group("mix") or m.group("bm"):
        kind = "count"  # 8000多万, 13亿: people or households, the unit left unsaid
    bare = kind == "count" and not unit
    value *= mag
    post: list[str] = []
    end = e
    if m.group("approx"):
        post.append(g["q_after"][m.group("approx")])
    if m.group("mix") and "多" in m.group("mix") or unit == "个多百分点":
        post.append("多")
    if unit.endswith("百分点"):
        unit = "pp"
    pm = g["post"].match(text, e)
    if pm and (unit or kind):
        for word in re.findall("|".join(sorted(g["q_after"], key=len, reverse=True)), pm.group()):
            post.append(g["q_after"][word])
        end = pm.end()
    clause_start = max((text.rfind(c, 0, s) for c in _CLAUSE_END), default=-1) + 1
    pre, verb, direction, to_level, start, lead = _left(text[clause_start:s], clause_start, g)
    opening = _TIME_OPENER.match(text, clause_start)
    for word in _CLAUSE_QUALIFIERS:
        # 力争年内旅游接待床位达到2.5万张, 今年力争…: a clause-initial 力争 or 预计 governs its number
        if text.startswith(word, opening.end() if opening else clause_start) and word not in pre:
            pre.insert(0, word)
    if m.group("bm") and text[s - 1:s] == "上":
        pre, start = pre + ["超"], min(start, s - 1)
    implied = 0
    if kind == "pct" and verb is None:
        # 6.5%左右的增速; 压减政府性基金项目30%: the change is named around the number
        cv = g["clause_verb"].match(text[clause_start:s].lstrip())
        if g["growth_after"].match(text[end:end + 6]):
            implied = 1
        elif cv:
            implied = 1 if cv.group() in g["up"] else -1
    if verb and len(verb) == 1 and unit not in ("%", "‰", "pp"):
        verb, direction = None, 0  # 最低工资, 新增: one-character verbs only move rates
    if is_threshold(text, end, unit, pre + post):
        return None  # 超500亿元的县域, 亿元以上项目: a class, not a figure
    if bare and people_unit(text, lead if lead >= 0 else s, end):
        unit, bare = "人", False  # 约1亿农业转移人口, 贫困人口减少6800多万
    # 百分之八至九, 百分之四至百分之五: a range written once
    high = _cn_decimal(m.group("pwh")) if m.group("pwh") else None
    return _Token(start if (pre or verb) else s, s, end, value,
                  bool(unit) or kind is not None, unit, kind, pre, post, verb, direction,
                  to_level, value_high=high, implied=implied, lead=lead, factor=mag, bare=bare)


def _left(left: str, offset: int, g) -> tuple[list[str], str | None, int, bool, int, int]:
    """Qualifiers and the verb right before a number: ``(pre, verb, direction, to_level,
    surface start, start of all the words before the number)``."""
    lm = g["left"].search(left)
    if not lm:
        return [], None, 0, False, offset + len(left), offset + len(left)
    pre: list[str] = []
    verb, direction, to_level, first = None, 0, False, None
    for w in g["word"].finditer(lm.group()):
        word = w.group()
        pos = offset + lm.start() + w.start()
        if word in g["q_before"]:
            # 控制在, 不超过 … bound a target without being a qualifier of the contract
            pre.append(g["q_before"][word] or word)
            first = pos if first is None else first
        elif word in g["up"] or word in g["down"]:
            verb, direction = word, (1 if word in g["up"] else -1)
            first = pos if first is None else first
        elif word in ("到", "至", "为") and verb:
            to_level = True
    return (pre, verb, direction, to_level, (first if first is not None else offset + len(left)),
            offset + lm.start())


def _merge_ranges(text: str, tokens: list[_Token]) -> list[_Token]:
    out: list[_Token] = []
    for token in tokens:
        prev = out[-1] if out else None
        if prev and prev.value_high is None and token.mag_unit and not token.verb \
                and _SEPARATORS_RANGE.match(text[prev.end:token.num_start]) \
                and (not prev.unit or prev.unit == token.unit):
            if not prev.mag_unit:
                prev.value *= token.factor  # 5000—6000万元: both in 万
            prev.value_high = token.value
            prev.unit, prev.kind = token.unit, token.kind
            prev.mag_unit = True
            prev.post = prev.post + token.post
            prev.end = token.end
            continue
        out.append(token)
    return out


def _share_across_lists(text: str, tokens: list[_Token]) -> None:
    """A unit, verb or qualifier written once for a list applies to every item."""
    groups: list[list[_Token]] = []
    for token in tokens:
        if groups and _SEPARATORS_LIST.match(text[groups[-1][-1].end:token.start]):
            groups[-1].append(token)
        else:
            groups.append([token])
    for group in groups:
        if len(group) < 2:
            continue
        if any(t.word for t in group):
            continue
        last, first = group[-1], group[0]
        for token in group[:-1]:
            if not token.mag_unit and last.mag_unit:
                token.unit, token.kind, token.mag_unit = last.unit, last.kind, True
                token.value *= last.factor  # 8、9万亿元: the magnitude is written once too
        units = {(t.unit, t.kind) for t in group if not t.bare and t.unit}
        # 8万亿、9万亿元; 5.66万亿元、5.9万亿 — not 2.58万户、近8万市民 (the noun is its own)
        alone = [t for t in group if t.bare and text[t.end:t.end + 1] in _ITEM_END]
        if len(units) == 1 and alone:
            unit, kind = units.pop()
            for token in alone:
                    token.unit, token.kind, token.bare = unit, kind, False
        own = any(q not in ("余", "多") for t in group[:-1] for q in t.post)
        shared_post = [] if own else [q for q in last.post if q not in ("余", "多")]
        for token in group:
            if token.verb is None and first.verb:
                token.verb, token.direction, token.to_level = first.verb, first.direction, first.to_level
            for q in first.pre:
                if q not in token.pre:
                    token.pre.append(q)
            for q in shared_post:
                if q not in token.post:
                    token.post.append(q)


def _number(value: Decimal, kind: str) -> float | int:
    if kind in ("level", "count", "rank", "duration") and value == value.to_integral_value():
        return int(value)
    return float(value)


def _finish(text: str, t: _Token) -> Quantity:
    kind = t.kind or "other"
    value, high = t.value, t.value_high
    if kind == "pct" and t.verb is None and t.implied:
        kind, t.direction = "growth_pct", t.implied
    elif kind == "pct":
        kind = "growth_pct" if t.verb and not t.to_level else "share_pct"
    elif kind in ("level", "count") and t.verb and not t.to_level and t.unit != "":
        kind = "other"  # 增加2400元, 减少1442万人: a change of a level, signed
    elif kind == "count" and t.verb and not t.to_level:
        kind = "other"
    if kind in ("growth_pct", "change_pp", "ratio", "other") and t.direction < 0:
        value, high = -value, (-high if high is not None else None)
    return Quantity(t.start, t.end, text[t.start:t.end], _number(value, kind),
                    _number(high, kind) if high is not None else None, t.unit, kind,
                    tuple(t.pre + t.post), t.verb, min(t.lead, t.start) if t.lead >= 0 else t.start)
