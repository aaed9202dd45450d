"""Targets stated outside the targets passage, anywhere in the plan, by family of indicator.

The families (deficit, money and credit, employment, tax-and-fee cuts, poverty, emissions,
intensities, grain, trade) are tables in ``lexicon/targets.toml``: what the figure must name,
its unit, and how the sentence must frame it for the figure to be a commitment of the plan
year rather than a fact, a base or another year's goal.

>>> ts = elsewhere_targets("今年二氧化硫、氮氧化物排放量要分别下降3%。去年粮食产量6亿吨。", set(), 2017)
>>> [(t.indicator, t.value, t.unit, t.bound, t.where) for t in ts]
[('二氧化硫', -3.0, '%', 'exact', 'elsewhere'), ('氮氧化物排放量', -3.0, '%', 'exact', 'elsewhere')]
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..model import Target
from .metrics import Mention, sentence_metrics


@dataclass(frozen=True)
class Family:
    name: str
    indicator: re.Pattern[str]
    units: tuple[str, ...]
    implied: str | None
    decline: bool
    once: bool
    pick: str
    frame: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    prefer_not: re.Pattern[str] | None
    context: int
    reduction: bool = False  # a decrease (减少1000万) is the family's positive count


@lru_cache(maxsize=1)
def _rules() -> dict:
    t = lexicon.load("targets")

    def rx(value):
        return re.compile(value) if value else None

    families = [Family(f["name"], re.compile(f["indicator"]), tuple(f["units"]), f.get("implied"),
                       f.get("decline", False), f.get("once", False), f.get("pick", "first"),
                       rx(f.get("frame")), rx(f.get("exclude")), rx(f.get("prefer_not")),
                       f.get("context", 0), f.get("reduction", False))
                for f in t["family"]]
    return {"families": families, "frame": re.compile(t["plan_frame"]),
            "not_target": re.compile(t["not_target"]), "split": re.compile(t["member_split"]),
            "strip_start": re.compile(t["member_strip_start"]),
            "strip_end": re.compile(t["member_strip_end"]),
            "other_period": re.compile(t["other_period"]), "this_year": re.compile("今年|年内|全年|当年|本年")}


def _family(name: str, head: str, before: str = "", unit: str | None = None) -> Family | None:
    """The family a figure's indicator names (of those whose units the figure has, when
    ``unit`` is given)."""
    fits = [f for f in _rules()["families"]
            if unit is None or (unit or f.implied) in f.units]
    for f in fits:
        if f.indicator.search(name or "") or (not name and f.indicator.search(head)):
            return f
    for f in fits:
        if f.context and f.indicator.search(before[-f.context:]):
            return f
    return None


def _clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts; a note in brackets (（注：…）) is inside it."""
    start = max(sentence.rfind(c, 0, pos) for c in "，；。：,;") + 1
    close = sentence.rfind("）", start, pos)
    if close >= 0 and sentence.rfind("（", start, close) < 0:
        opened = sentence.rfind("（", 0, start)
        if opened >= 0:
            return _clause_start(sentence, opened)
    return start


def _members(sentence: str, clause: list[Mention]) -> list[str]:
    """``二氧化硫、氮氧化物排放量要下降``: the indicators a clause's figure(s) are shared by, when
    each names a family; otherwise none (``企业和个人减税`` is one indicator)."""
    rules = _rules()
    first = clause[0]
    head = sentence[_clause_start(sentence, first.start):first.start]
    head = re.sub(r"(分别|均|都)?(要|将)?(增长|下降|减少|降低|提高|为|均为)?$", "", head)
    parts = [_clean(p) for p in rules["split"].split(head)]
    if len(parts) < 2 or any(not p or _family(p, "") is None for p in parts):
        return []
    return parts


def _clean(name: str) -> str:
    rules = _rules()
    name = rules["strip_start"].sub("", name.strip())
    return rules["strip_end"].sub("", name).strip()


def _targets_of(sentence: str, mentions: list[Mention]) -> list[tuple[Family, str, Mention]]:
    """``(family, indicator, mention)`` for each figure of a sentence that names a family;
    one figure shared by a list of indicators gives one per indicator."""
    rules = _rules()
    out = []
    by_clause: dict[int, list[Mention]] = {}
    for m in mentions:
        by_clause.setdefault(_clause_start(sentence, m.start), []).append(m)
    for start, clause in by_clause.items():
        members = _members(sentence, clause)
        for k, m in enumerate(clause):
            head = sentence[start:m.start]
            # 赤字率从去年的2.1%提高到2.3%: what frames a figure is what follows the one before
            own = sentence[clause[k - 1].end if k else start:m.start]
            if m.kind == "rank" or rules["not_target"].search(own):
                continue
            period = rules["other_period"].search(sentence, 0, m.start)
            if period and not rules["this_year"].search(sentence, period.end(), m.start):
                continue  # “九五”期间的宏观调控目标，…固定资产投资率为30%: another period's goal
            if members and len(clause) in (1, len(members)):
                names = members if len(clause) == 1 else [members[k]]
            elif not m.indicator or re.search("[（）()]", m.indicator):
                names = [_clean(re.sub(r"（[^）]*）|\([^)]*\)", "", head))]  # M2（注：…）预期增长
            else:
                names = [_clean(m.indicator) or m.indicator]
            for name in names:
                family = _family(name, head, sentence[:m.start], m.unit or "")
                if family is None or family.exclude and family.exclude.search(head + name):
                    continue
                if m.kind == "other":
                    # a change of a level is a target only where the family counts the change
                    if not (family.reduction and m.value is not None and m.value < 0):
                        continue
                    m = dataclasses.replace(m, value=-m.value, kind="count")
                if family.decline and not (m.value is not None and m.value < 0):
                    continue
                if family.frame and not family.frame.search(sentence):
                    continue
                out.append((family, name, m))
    return out


def elsewhere_targets(text: str, taken: set[str], plan_year: int | None = None) -> list[Target]:
    """Targets of a plan paragraph outside its passage; ``taken`` holds the families that give
    one target per report and already have it."""
    from . import dated_sentences  # extract/__init__ imports this module
    from .targets import bound_of

    rules = _rules()
    found: list[tuple[Family, str, Mention, str]] = []
    framed = False  # a sentence after a framed one in the paragraph is in the plan's frame too
    for sentence, year in dated_sentences(text, plan_year, plan_year):
        framed = framed or bool(rules["frame"].search(sentence))
        if plan_year and year is not None and year != plan_year or not framed:
            continue
        mentions = [m for m in sentence_metrics(sentence) if m.year in (None, plan_year)]
        picked = _targets_of(sentence, mentions)
        for family in {f.name: f for f, _, _ in picked}.values():
            if family.pick == "last":
                last = [p for p in picked if p[0] is family][-1]
                picked = [p for p in picked if p[0] is not family or p is last]
        found.extend((f, name, m, sentence) for f, name, m in picked)
    out: list[Target] = []
    for family, name, m, sentence in _preferred(found, taken):
        start = sentence.find(name, _clause_start(sentence, m.start))
        if start < 0:
            start = sentence.rfind(name, 0, m.start)
        end = m.end
        if start >= m.end:  # 1000万以上农村贫困人口: the noun follows the figure
            start, end = m.start, start + len(name)
        elif start < 0:
            start = _clause_start(sentence, m.start)
        kind = m.kind
        if kind == "share_pct" and re.search("增长[^，；。]{0,3}$", sentence[start:m.start]):
            kind = "growth_pct"  # 预期增长均为12%左右
        out.append(Target("", None, sentence.strip(), sentence[start:end], name, kind,
                          m.value, m.value_high, m.unit or family.implied, bound_of(m), None,
                          m.qualifier, "elsewhere"))
    return out


def _preferred(found: list, taken: set[str]) -> list:
    """Families stated once keep one figure: the first that ``prefer_not`` does not pass over."""
    out = []
    for item in found:
        family, name = item[0], item[1]
        if not family.once:
            out.append(item)
            continue
        if family.name in taken:
            continue
        same = [f for f in found if f[0] is family]
        best = next((f for f in same if not (family.prefer_not and
                                             family.prefer_not.search(f[1]))), same[0])
        out.append(best)
        taken.add(family.name)
    return out

