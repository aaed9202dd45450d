"""The target ledger: each target of the old report against the new report's review.

An outcome is the new review's metric for the same indicator and measure (canonical names and
related-but-different measures come from ``lexicon/indicators.toml``). The status is
direction-aware: for lower-is-better indicators an ``approx`` target is met at or below it
plus the tolerance.

>>> judge(6.0, None, "approx", "up", 5.95)
('met', -0.05)
>>> judge(3.0, None, "approx", "down", 2.1)
('met', -0.9)
>>> judge(6.5, 7.0, "range", "up", 6.4)
('missed', -0.1)
>>> judge(-3.0, None, "min", "down", -3.4)
('met', -0.4)
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .. import lexicon
from ..extract import dated_sentences
from ..extract.indicators import canonical, is_known, is_rate, polarity, units_alike
from ..model import Change, LedgerEntry, Metric, Report, Target

TOLERANCE_PCT = 0.1      # 6%左右 is met at 5.9%
TOLERANCE_LEVEL = 0.01   # … and 300亿元左右 at 297亿元


@lru_cache(maxsize=1)
def _tables():
    t = lexicon.load("indicators")
    related = {}
    for group in t["related"]["groups"]:
        for name in group:
            related[name] = set(group) - {name}
    u = t["unquantified"]
    return (related, re.compile(u["improved"]), re.compile(u["worsened"]),
            re.compile(t["ledger"]["average"]), re.compile(t["ledger"]["failed"]),
            re.compile(t["ledger"]["multi_year"]))


@lru_cache(maxsize=1)
def _words() -> dict[str, re.Pattern[str]]:
    """The ledger's verdict words (``[ledger]`` in lexicon/indicators.toml)."""
    t = lexicon.load("indicators")["ledger"]
    words = {k: re.compile(t[k]) for k in ("met", "stated", "every_year", "reduction", "change_of",
                                           "restated", "restated_after")}
    u = lexicon.load("indicators")["unquantified"]
    words["every_year_unquantified"], words["achieved"] = map(re.compile, (u["every_year"], u["achieved"]))
    return words


def judge(target: float, high: float | None, bound: str | None, pol: str, outcome: float,
          unit: str | None = "%") -> tuple[str, float]:
    """``(status, delta)`` of a quantified target and its outcome."""
    low = target
    delta = round(outcome - low, 6)
    tol = 0.0
    if bound == "approx":
        tol = TOLERANCE_PCT if unit in ("%", "pp") else abs(target) * TOLERANCE_LEVEL
    if bound == "range":
        met = outcome >= low if pol == "up" else outcome <= (high if high is not None else low)
    elif pol == "down" or bound == "max":
        met = outcome <= target + tol   # a ceiling: prices, unemployment, energy per output
    else:
        met = outcome >= target - tol
    return ("met" if met else "missed"), delta


def _same_indicator(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ca, cb = canonical(a), canonical(b)
    if is_known(a) or is_known(b):
        return ca == cb
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)) or fuzz.ratio(a, b) >= 85


def _is_reduction(t: Target, m: Metric) -> bool:
    """减少农村贫困人口1000万人 (a count of people taken out) against 农村贫困人口减少1232万人."""
    return (t.kind == "count" and m.kind == "other" and t.unit == m.unit
            and m.value is not None and m.value < 0
            and bool(_words()["reduction"].search(t.surface)))


def _comparable(t: Target, m: Metric) -> bool:
    if t.unit == "%" and m.unit == "%" and is_rate(t.indicator):
        return True  # 涨幅3%左右 against 上涨2.1% or 控制在3.3%
    if _is_reduction(t, m):
        return True
    if t.kind != m.kind:
        return False
    return t.kind in ("growth_pct", "share_pct", "change_pp", "ratio") or \
        units_alike(t.indicator, t.unit, m.unit)


def _clause_before(m: Metric) -> str:
    start = max(m.sentence.rfind(c, 0, m.start) for c in "，；。") + 1
    return m.sentence[start:m.start]


def outcomes(new: Report) -> tuple[list[Metric], list[Metric]]:
    """The new report's metrics that state last year's results — in a review part (or naming
    the year reviewed anywhere), not a rank — and, apart, the multi-year averages (年均) that
    state a result only in a way not comparable with a one-year target."""
    year = new.meta.review_year
    average, multi_year = _tables()[3], _tables()[5]
    paragraphs = {p.id: p.text for _, p in new.paragraphs()}
    last_year = _last_year_paragraphs(new) if new.meta.kind == "five-year" else set()
    results, averages = [], []
    for m in new.metrics:
        if m.kind == "rank" or not m.indicator:
            continue
        in_review = m.role == "outcome"
        if not (in_review or (year and m.year == year)):
            continue
        if m.year is not None and year and m.year != year:
            continue
        clause = _clause_before(m)
        if re.search("[从由][^，；。]*$", clause) and re.match(r"\S{0,3}(增加|提高|下降|降|上升|增长)?(到|至)",
                                                      m.sentence[m.end:m.end + 6]):
            continue  # 由5160元增加到7703元: 5160元 is the base, not the result
        if m.kind == "level" and _words()["change_of"].search(clause.strip()):
            continue  # 削减财政赤字450亿元: by how much it changed, not what it was
        if _words()["restated"].search(clause) or \
                _words()["restated_after"].match(m.sentence[m.end:m.end + 12]):
            continue  # the review quoting last year's target (要把…控制在10%以内; 8%的预定目标)
        if average.search(clause) or multi_year.search(paragraphs.get(m.paragraph, "")[:20]):
            averages.append(m)
        elif m.year == year or (in_review and (new.meta.kind != "five-year"
                                               or m.paragraph in last_year)):
            results.append(m)
        else:
            averages.append(m)  # a five-year figure without a year: stated, not comparable
    return _each_member(_town_and_country(results)), averages


def _last_year_paragraphs(new: Report) -> set[str]:
    """In a five-year review, the paragraphs about the last year alone: from one that opens with
    that year (刚刚过去的2015年，…) up to one that opens on the five years again (五年来…) or
    on another year; the sections between (（一）经济发展取得新成就…) report that year."""
    year, multi_year = new.meta.review_year, _tables()[5]
    out: set[str] = set()
    current = False
    for section, p in new.paragraphs():
        if section is None or section.role != "review":
            current = False
            continue
        opening = next(iter(dated_sentences(p.text, None, new.meta.plan_year)), None)
        if multi_year.search(p.text[:20]):
            current = False
        elif opening is not None and opening[1] is not None:
            current = opening[1] == year
        if current:
            out.add(p.id)
    return out


def _each_member(metrics: list[Metric]) -> list[Metric]:
    """``城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%``: one figure stated
    for a list whose members were named before it is each member's."""
    out: list[Metric] = []
    for k, m in enumerate(metrics):
        before = [o for o in metrics[:k] if o.sentence == m.sentence and o.kind != m.kind
                  and o.indicator]
        members = list(dict.fromkeys(o.indicator for o in before))
        same_kind = [o for o in metrics if o.sentence == m.sentence and o.kind == m.kind]
        clause = _clause_before(m)
        if len(members) >= 2 and len(same_kind) == 1 and "分别" in clause \
                and m.indicator in members:
            out.extend(_renamed(m, name) for name in members)
        else:
            out.append(m)
    return out


def _town_and_country(metrics: list[Metric]) -> list[Metric]:
    """``城乡居民收入分别增长6.5%、9.4%``: the first is the town's, the second the country's."""
    out = list(metrics)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.indicator and a.indicator == b.indicator and a.indicator.startswith("城乡") \
                and a.sentence == b.sentence and a.kind == b.kind:
            out[k] = _renamed(a, "城镇" + a.indicator[2:])
            out[k + 1] = _renamed(b, "农村" + b.indicator[2:])
    return out


def _renamed(m: Metric, indicator: str) -> Metric:
    import dataclasses

    return dataclasses.replace(m, indicator=indicator)


def _pick(candidates: list[Metric], year: int | None, used: set[str],
          indicator: str | None = None) -> Metric:
    """The outcome among candidates: not used by another target, naming the year when one
    does, worded most like the target (高新技术企业总数, not 新增高新技术企业), first."""
    fresh = [m for m in candidates if m.id not in used] or candidates
    explicit = [m for m in fresh if m.year == year and str(year) in m.sentence] or fresh
    if indicator:
        best = max(fuzz.ratio(indicator, m.indicator or "") for m in explicit)
        explicit = [m for m in explicit if fuzz.ratio(indicator, m.indicator or "") == best]
    return explicit[0]


def _mentioned(new: Report, names: set[str]) -> list[tuple[str, str]]:
    """``(sentence, phrase)`` for each sentence of the new review naming the indicator (without
    a usable figure); the phrase is the one naming it."""
    found = []
    for part in new.sections:
        if part.role != "review":
            continue
        for p in part.all_paragraphs():
            for sentence in re.split(r"(?<=[。；])", p.text):
                phrase = next((ph for ph in re.split(r"[，；。]", sentence) if len(ph) >= 2
                               and is_known(ph) and canonical(ph) in names), None)
                if phrase is not None:
                    found.append((sentence.strip(), phrase))
    return found


def _states(phrase: str) -> bool:
    """True when the phrase says how the indicator went (粮食产量实现“十二连增”), not only names
    it in passing (增加的财政赤字主要用于减税降费)."""
    stated = _words()["stated"]
    for name in re.split("、|和", phrase):
        hit = _lookup_span(name)
        if hit is not None and stated.search(phrase[phrase.find(name) + hit:]):
            return True
    return False


def _lookup_span(text: str) -> int | None:
    """The end of the first canonical indicator's match in the text, or None."""
    from ..extract.indicators import _table

    for _, pattern, _, _ in _table():
        m = pattern.search(text.replace(" ", ""))
        if m:
            return m.end()
    return None


def ledger(old: Report, new: Report) -> list[LedgerEntry]:
    related, improved, worsened, _, failed, _ = _tables()
    pool, averages = outcomes(new)
    year = new.meta.review_year
    entries = []
    used: set[str] = set()
    seen: dict[str, int] = {}
    for t in old.targets:
        pol = polarity(t.indicator)
        name = canonical(t.indicator) or t.indicator
        if t.value is None:
            entries.append(_unquantified(t, name, pol, new, pool, improved, worsened))
            continue
        lookup = t.indicator
        if t.indicator.startswith("城乡"):
            # 城乡居民收入分别增长7.5%: the first target is the town's, the second the country's
            k = seen.get(t.indicator + t.kind, 0)
            seen[t.indicator + t.kind] = k + 1
            twin = sum(1 for o in old.targets if o.indicator == t.indicator and o.kind == t.kind)
            if twin == 2:
                lookup = ("城镇" if k == 0 else "农村") + t.indicator[2:]
        same = [m for m in pool if _same_indicator(lookup, m.indicator)]
        comparable = [m for m in same if _comparable(t, m)]
        if not comparable and lookup.startswith("城乡"):
            pair = _town_and_country_of_one(t, name, pol, pool, year, used)
            if pair is not None:
                entries.append(pair)
                continue
        if comparable:
            m = _pick(comparable, year, used, lookup)
            used.add(m.id)
            value = -m.value if _is_reduction(t, m) else m.value
            status, delta = judge(t.value, t.value_high, t.bound, pol, value, t.unit)
            entries.append(LedgerEntry(name, t, m, status, delta, pol))
            continue
        others = [m for m in pool if canonical(m.indicator) in related.get(canonical(lookup), ())]
        stated = same or [m for m in averages if _same_indicator(lookup, m.indicator)] or others
        if stated:
            m = _pick(stated, year, used)
            if same:
                why = f"stated as {m.kind} {m.unit}, the target is {t.kind} {t.unit or ''}".strip()
            elif m in averages:
                why = "stated only as a multi-year figure"
                if _words()["every_year"].search(_clause_before(m)) and _comparable(t, m) \
                        and judge(t.value, t.value_high, t.bound, pol, m.value, t.unit)[0] == "met":
                    # 财政赤字率一直控制在3%以内: true of every year, the target's among them
                    entries.append(LedgerEntry(name, t, m, "met", None, pol,
                                               "a ceiling kept every year"))
                    continue
            else:
                why = f"the review states {canonical(m.indicator)}, another measure"
            entries.append(LedgerEntry(name, t, m, "unclear", None, pol, why))
            continue
        # the indicator or a related measure (失业率为多年来最低 for 城镇登记失业率) named
        named = _mentioned(new, {name, *related.get(name, ())}) if is_known(t.indicator) else []
        words = _words()
        said = next((s for s, _ in named if failed.search(s)), None)
        met = next((s for s, phrase in named if words["met"].search(phrase)), None)
        stated = next((s for s, phrase in named if _states(phrase)), None)
        if said or met or stated:
            # 进出口总额出现下降，预期增长目标未能实现: missed in words
            status = "missed" if said else "met" if met else "unclear"
            why = ("missed in words" if said else "met in words" if met
                   else "named without a comparable figure")
            entries.append(LedgerEntry(name, t, None, status, None, pol,
                                       f"{why}: {(said or met or stated)[:60]}"))
            continue
        why = "the review does not state it"
        if named:
            why = f"named only in passing: {named[0][0][:60]}"
        entries.append(LedgerEntry(name, t, None, "not_reported", None, pol, why))
    return entries


def _town_and_country_of_one(t: Target, name: str, pol: str, pool: list[Metric],
                              year: int | None, used: set[str]) -> LedgerEntry | None:
    """``城乡居民可支配收入增长18%`` (one figure for town and country, no 分别) against a review
    that states each: the target is missed when a member stated in the target's measure missed
    it (城镇居民人均可支配收入增长11.1%), met when both members met it; None (judged as before)
    when no member is stated so, or only one is and it met the target."""
    judged = []
    for member in ("城镇", "农村"):
        lookup = member + t.indicator[2:]
        found = [m for m in pool if _same_indicator(lookup, m.indicator) and _comparable(t, m)]
        if found:
            m = _pick(found, year, used, lookup)
            judged.append((m, *judge(t.value, t.value_high, t.bound, pol, m.value, t.unit)))
    missed = [j for j in judged if j[1] == "missed"]
    if not missed and len(judged) < 2:
        return None
    m, status, delta = (missed or sorted(judged, key=lambda j: j[2]))[0]
    for j in judged:
        used.add(j[0].id)
    return LedgerEntry(name, t, m, status, delta, pol,
                       f"one figure for town and country; {m.indicator} {status} it")


def _unquantified(t: Target, name: str, pol: str, new: Report, pool: list[Metric],
                  improved, worsened) -> LedgerEntry:
    """Unquantified targets are unclear unless the review says they were achieved."""
    income = [m for m in pool if m.kind == "growth_pct" and "收入" in (m.indicator or "")]
    if "同步" in t.surface or "快于" in t.surface:
        gdp = [m for m in pool if m.kind == "growth_pct" and canonical(m.indicator) == "地区生产总值"]
        if income and gdp and income[0].value >= gdp[0].value:
            return LedgerEntry(name, t, income[0], "met", None, pol,
                               f"income {income[0].value}% against growth {gdp[0].value}%")
        return LedgerEntry(name, t, income[0] if income else None, "unclear", None, pol,
                           "unquantified; not stated as achieved")
    if "收入" in t.indicator and "增长" in t.surface and income and income[0].value > 0:
        return LedgerEntry(name, t, income[0], "met", None, pol, "income grew")
    subject = t.indicator.replace(" ", "").replace("的", "")
    grew = [m for m in pool if m.kind == "growth_pct" and m.value > 0
            and _same_indicator(t.indicator, m.indicator)]
    if grew and pol == "up" and re.search("增长|回稳|向好|增加", t.surface):
        return LedgerEntry(name, t, grew[0], "met", None, pol, f"grew {grew[0].value}%")
    fell = _fell(t, pool)
    if fell:
        return LedgerEntry(name, t, fell[0], "met", None, pol,
                           "fell " + "、".join(f"{m.indicator} {-m.value:g}%" for m in fell))
    year = new.meta.review_year
    multi_year, every_year = _tables()[5], _words()["every_year_unquantified"]
    achieved, against = _words()["achieved"], _against(t)
    if len(subject) >= 2:
        five_year = new.meta.kind == "five-year"
        for section, p in new.paragraphs():
            if section is None:
                continue
            several = bool(multi_year.search(p.text[:20]))
            if several and section.role != "review":
                continue
            default = year if section.role == "review" and not five_year else None
            for sentence, when in dated_sentences(p.text, default, new.meta.plan_year):
                # a sentence on several years counts only when it says every year (持续下降)
                over_years = several or (when is None and section.role == "review")
                if when != year and not over_years:
                    continue
                text = sentence.replace("的", "")
                for k in _find_all(text, subject[:6]):
                    tail = re.split("[，；。]", text[k:k + len(subject) + 14])[0]
                    if worsened.search(tail) or against.search(tail[len(subject[:6]):]):
                        continue
                    said = every_year if over_years else improved
                    if said.search(tail):
                        return LedgerEntry(name, t, None, "met", None, pol,
                                           f"the review says: {tail.split('。')[0]}")
                    if not over_years and achieved.search(tail):
                        return LedgerEntry(name, t, None, "met", None, pol,
                                           f"the review says it was achieved: {tail.split('。')[0]}")
    return LedgerEntry(name, t, None, "unclear", None, pol, "unquantified; not stated as achieved")


def _against(t: Target) -> re.Pattern[str]:
    """Words that say the subject went the other way from the target's (a fall for
    进出口回稳向好, a rise for 主要污染物排放继续减少); a pattern matching nothing when the target
    names no direction (国际收支基本平衡)."""
    u = lexicon.load("indicators")["unquantified"]
    subject = t.indicator.replace(" ", "")
    rest = t.surface[t.surface.find(subject) + len(subject):]
    if re.search(u["falls"], rest):
        return re.compile(u["rose_words"])
    if re.search(u["rises"], rest):
        return re.compile(u["fell_words"])
    return re.compile(r"(?!)")


def _fell(t: Target, pool: list[Metric]) -> list[Metric]:
    """A target that its subject should fall (主要污染物排放继续减少): the review's one-year
    figures of the subject, or of its members (二氧化硫、氮氧化物排放量分别下降5.6%和4%), when
    there are some and all of them fell; else []."""
    u = lexicon.load("indicators")["unquantified"]
    subject = t.indicator.replace(" ", "")
    if not re.search(u["falls"], t.surface[t.surface.find(subject) + len(subject):]):
        return []
    members = {n for key, names in u["members"].items() if key in subject for n in names}
    stated = [m for m in pool if m.kind == "growth_pct" and m.value is not None
              and (_same_indicator(t.indicator, m.indicator) or canonical(m.indicator) in members)]
    return stated if stated and all(m.value < 0 for m in stated) else []


def _find_all(text: str, needle: str):
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


def changes(old: Report, new: Report) -> list[Change]:
    """Indicators stated in both reviews, with both metrics (first statement of each)."""
    before: dict[tuple, Metric] = {}
    for m in outcomes(old)[0]:
        if m.indicator and is_known(m.indicator):
            before.setdefault((canonical(m.indicator), m.kind, m.unit), m)
    out, seen = [], set()
    for m in outcomes(new)[0]:
        if not m.indicator or not is_known(m.indicator):
            continue
        key = (canonical(m.indicator), m.kind, m.unit)
        if key in before and key not in seen:
            seen.add(key)
            o = before[key]
            delta = round(float(m.value) - float(o.value), 6)
            out.append(Change(key[0], o, m, delta))
    return out
