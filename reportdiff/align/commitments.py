"""The commitment ledger: each promise of the old plan against the new review.

A promise is looked for first in the review sections the section map links to its plan
section, then anywhere in the review. A review sentence speaks of it when it holds most of the
promise's object, counted in character bigrams weighted by how rare each is in the review
(``工程`` and ``建设`` are everywhere, ``面貌`` is not). The words around the object in that
sentence give the status: ``done`` (建成, 完成, 投用…; or 启动 for a promise to start),
``progress`` (推进, 开工, 有序…), ``mentioned`` (the object without an outcome), ``silent``
(no sentence holds it).

>>> import reportdiff
>>> c = reportdiff.compare("corpora/sample/shili-2022.txt", "corpora/sample/shili-2023.txt")
>>> entry = next(e for e in c.commitments if "概念验证中心" in e.commitment.object)
>>> entry.status, entry.evidence[0].section
('done', '1.1')
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..extract.commitments import _rules, commitments
from ..extract.numbers import quantities
from ..extract.metrics import sentences
from ..model import Commitment, CommitmentEntry, Evidence, Report, SectionLink
from .units import REVIEW_ROLES

# runs of Han (or Latin) characters; function characters (的, 和, 等) break a run, so that
# 投资2亿元的智慧城市项目 gives no 元的/的智 to miss
_HAN_RUN = re.compile(r"(?:(?![的和与及等了之])[\u4e00-\u9fff])+|[A-Za-z]+")
_NUMBER = re.compile(r"[\d０-９][\d０-９.．,，]*[十百千万亿]*")
_DIGIT_ONLY = re.compile(r"[\d０-９]")
_PLAIN = re.compile(r"(?:(?![的和与及等了之])[\u4e00-\u9fff])+")
_DIGIT = re.compile(r"[\d０-９一二两三四五六七八九十百千万]")
_CONJUNCT = re.compile(r"[、和及与]|以及")
MIN_CONJUNCT = 4      # a conjunct of a coordinated object (X、Y和Z) is searched alone from this size
_CLAUSE = re.compile(r"[^，；。！？,;!?]+")
MIN_SHARED = 2       # a sentence shares at least this many of the object's bigrams
LEAD = 24            # a sentence this short that names a promise may lead the detail after it
GLOBAL_MARGIN = 0.1   # a match outside the linked sections must be this much surer


@dataclass(frozen=True)
class _Sentence:
    section: str
    part: str
    lines: tuple[int, int] | None
    text: str
    grams: frozenset
    paragraph: str


def grams(text: str) -> frozenset:
    """Character bigrams of the Han (and Latin) runs of ``text``: figures are compared by
    value, not spelling (the 万 of 1.8万户 is part of the figure, not of a word).

    >>> sorted(grams("城市面貌"))
    ['城市', '市面', '面貌']
    >>> sorted(grams("1000万以上农村人口"))
    ['上农', '人口', '以上', '农村', '村人']
    """
    out = set()
    for run in _HAN_RUN.findall(_NUMBER.sub(" ", text)):
        if len(run) == 1:
            continue
        out.update(run[k:k + 2] for k in range(len(run) - 1))
    return frozenset(out)


def object_grams(obj: str) -> frozenset:
    """The bigrams of a promise's object inside its words: a bigram across two words (the
    置任 of 安置任务, the 户危 of 农户危房) is no evidence that a review sentence speaks of the
    object, and one the review never uses would weigh as much as a name it never uses."""
    return _object_words(obj)[0]


def _object_words(obj: str) -> tuple[frozenset, str]:
    """``object_grams`` and ``named_head`` of ``obj``, from one segmentation."""
    words = _tokens()(_NUMBER.sub(" ", obj) if _DIGIT_ONLY.search(obj) else obj)
    out = frozenset([w[k:k + 2] for w in words if len(w) > 1 for k in range(len(w) - 1)])
    rules = _outcome()
    named = [w for w in words if len(w) > 1 and not rules["units"].issuperset(w)]
    head = named[-1] if named and not rules["generic"].search(named[-1]) else ""
    return out or grams(obj), head


@lru_cache(maxsize=1)
def _tokens():
    from .tokens import tokens

    return tokens


@lru_cache(maxsize=1)
def _outcome() -> dict:
    table = lexicon.load("commitments")["outcome"]
    words = [(w, 3) for w in table["done"]] + [(w, 2) for w in table["progress"]] + \
            [(w, 1) for w in table["started"]]
    words.sort(key=lambda x: -len(x[0]))
    return {"words": words, "mention": table["mention_score"],
            "generic": re.compile(rf"(?:{'|'.join(table['generic_heads'])})$"),
            "units": frozenset(table["unit_chars"]),
            "moves": re.compile(rf"(?:{'|'.join(table['level_moves'])})$")}


def outcome_stage(text: str, own: str = "") -> tuple[int, str | None]:
    """The furthest stage the words of ``text`` report, and the word that says it; a word the
    promise's object ``own`` holds itself (节能改造, 基础设施建设) names the thing, not an outcome."""
    best, word = 0, None
    for w, stage in _outcome()["words"]:
        if stage > best and w in text and text.count(w) > own.count(w):
            best, word = stage, w
    if not best and "了" in text:
        # an action of the plans in the perfective (完善了…系统, 开展了…整治): it was done to
        # some extent, which a review says of work under way as often as of work finished
        done = _rules()["perfective"].search(text)
        if done and own.count(done.group()) < text.count(done.group()):
            best, word = 2, done.group()
    return best, word


def figure_grams(units: list[tuple[str, float]]) -> frozenset:
    """What a figure adds to the words of a text: its unit (``#户``) and its value in that
    unit (``=户18000``), matched like the character bigrams, so that a review sentence that
    states the promised figure (完成1.8万户…棚改任务 for 1.8万户的征拆和安置任务) holds more of it."""
    out = set()
    for unit, value in units:
        if unit:
            out.add("#" + unit)
            out.add(f"={unit}{abs(value):g}")
    return frozenset(out)




def review_sentences(report: Report) -> list[_Sentence]:
    figures: dict[tuple, list] = defaultdict(list)
    for m in report.metrics:
        if m.kind in ("count", "level", "other"):
            figures[m.paragraph, m.sentence].append((m.unit, m.value))
    out = []
    for section, paragraph in report.paragraphs():
        if section is None or section.role not in REVIEW_ROLES:
            continue
        part = section.id.split(".")[0]
        for _, text in sentences(paragraph.text):
            found = figures.get((paragraph.id, text))
            g = grams(text) | figure_grams(found) if found else grams(text)
            out.append(_Sentence(section.id, part, paragraph.lines, text, g, paragraph.id))
    return out


class _Index:
    """An inverted index of review sentences by bigram, with each bigram's weight."""

    def __init__(self, items: list[_Sentence]):
        self.items = items
        self.postings: dict[str, list[int]] = defaultdict(list)
        for k, s in enumerate(items):
            for g in s.grams:
                self.postings[g].append(k)
        n = max(len(items), 1)
        self.weight = {g: math.log((n + 1) / (len(p) + 0.5)) for g, p in self.postings.items()}
        self.unseen = math.log((n + 1) / 0.5)

    def scores(self, obj: frozenset) -> tuple[dict[int, float], float]:
        """The weight of ``obj`` each sentence holds (only sentences sharing a bigram are
        visited: the postings of the object's bigrams), and the object's whole weight."""
        weight, postings, total = self.weight, self.postings, 0.0
        acc: dict[int, float] = {}
        hits: dict[int, int] = {}
        get, count = acc.get, hits.get
        for g in sorted(obj):   # a fixed order: float sums must not follow the hash seed
            w = weight.get(g)
            if w is None:
                total += self.unseen
                continue
            total += w
            for k in postings[g]:
                acc[k] = get(k, 0.0) + w
                hits[k] = count(k, 0) + 1
        if len(obj) > 1:   # one shared bigram (配合, 水平) is no evidence of a longer object
            acc = {k: v for k, v in acc.items() if hits[k] >= MIN_SHARED}
        return acc, total


def _unit_of(section: str | None, linked: dict[str, set[str]]) -> set[str]:
    """The review sections linked to the plan unit holding ``section`` (units are level-2
    sections or whole parts, so a deeper section takes its ancestor's links)."""
    if section is None:
        return set()
    parts = section.split(".")
    for k in range(len(parts), 0, -1):
        key = ".".join(parts[:k])
        if key in linked:
            return linked[key]
    return set()


def _in(section: str, targets: set[str]) -> bool:
    return any(section == t or section.startswith(t + ".") for t in targets)


def _wanted(promise: str) -> list:
    """The figures a promise states (counts and levels)."""
    if not _DIGIT.search(promise):
        return []
    return [q for q in quantities(promise) if q.kind in ("count", "level")]


def _figure(wanted: list, clause: str) -> tuple[bool, str] | None:
    """``(True, "430张 ≥ 400张")`` when the clause states the unit of a promised figure
    (``wanted``) at or above it, ``(False, "26座 < 30座")`` when below; None when it states no
    such figure."""
    if not wanted or not _DIGIT.search(clause):
        return None
    stated = {(q.unit, q.kind): q for q in quantities(clause)}
    for q in wanted:
        got = stated.get((q.unit, q.kind))
        if got is not None:
            reached = got.value >= q.value
            return reached, f"{got.surface} {'≥' if reached else '<'} {q.surface}"
    return None


def _amount(clause: str) -> str | None:
    """The figure that ends a clause naming a thing and how much of it (农村危房改造380多万户,
    老旧小区既有建筑节能改造9万平方米), as reviews list what was done; None for any other clause
    (马拉松吸引1.2万人参赛 goes on after its figure)."""
    if not _DIGIT.search(clause):
        return None
    found = quantities(clause)
    end = len(clause.rstrip())
    last = found[-1] if found else None
    if last and last.end >= end and last.kind in ("count", "level") \
            and not _outcome()["moves"].search(clause[:last.start]):
        return last.surface
    return None


def _verb_led(clause: str) -> bool:
    """The clause opens with a verb of its own (新建…, 完成…), as a commitment would."""
    return bool(_rules()["head"].match(clause))


def _status(c: Commitment, sentence: str, obj: frozenset, wanted: list,
            lead: bool = False) -> tuple[str, str]:
    """Status from the clause of ``sentence`` that holds most of the object: the outcome
    words it uses, or the promised figure reached. A clause of a list with no outcome word of
    its own, a thing and its figure (全年完成管网改造38.6公里，老旧小区既有建筑节能改造9万平方米), is told
    by the verb of the clause before it. With ``lead`` (the sentence after a lead sentence that named the object)
    the furthest outcome of any clause counts."""
    clauses = [m.group() for m in _CLAUSE.finditer(sentence)] or [sentence]
    if lead:
        told = [(outcome_stage(t, c.object), t) for t in clauses]
        (stage, word), clause = max(told, key=lambda x: x[0][0])
    else:
        overlap = [sum(g in t for g in obj) for t in clauses]   # bigrams are substrings
        at = max(range(len(clauses)), key=lambda k: overlap[k])
        clause = clauses[at]
        stage, word = outcome_stage(clause, c.object)
        listed = not stage and _amount(clause) and not _verb_led(clause)
        for before in reversed(clauses[:at] if listed else []):
            stage, word = outcome_stage(before, c.object)
            if stage:
                break
    figure = _figure(wanted, clause)
    if not figure and not stage and not lead and listed:
        return "done", f"the review states how much was done ({listed})"
    if figure:
        reached, why = figure
        return ("done", f"the figure is reached ({why})") if reached else \
               ("progress", f"the figure falls short ({why})")
    if stage >= 3 or (c.stage == 1 and stage >= 1):
        return "done", f"'{word}' reports it done"
    if stage >= 1:
        return "progress", f"'{word}' reports it under way"
    return "mentioned", "the object is named without an outcome"


def named_head(text: str) -> str:
    """The last word of ``text`` when it names a thing (智慧城管 → 城管), '' when it names a
    kind of undertaking (…基础设施建设) or a unit."""
    return _object_words(text)[1]


def _searches(obj: str, wanted: list | None = None) -> list[tuple[frozenset, str]]:
    """The object; its head after the last 的 (4座现代化的垃圾中转站 → 垃圾中转站); and each
    long enough conjunct of a coordinated object on its own: each as its bigrams and the word
    that names it (see ``named_head``)."""
    figures = figure_grams([(q.unit, q.value) for q in
                            (_wanted(obj) if wanted is None else wanted)])
    g, name = _object_words(obj)
    out = [(g | figures, name)]
    head = obj.rsplit("的", 1)[-1]
    if head != obj and len(head) >= MIN_CONJUNCT:   # the figure measures the head (1.8万户的…任务)
        g, name = _object_words(head)
        out.append((g | figures, name))
    parts = [p for p in _CONJUNCT.split(head) if len(p) >= MIN_CONJUNCT]
    if len(parts) > 1:
        out.extend(map(_object_words, parts))
    seen, kept = set(), []
    for g, name in out:
        if g and g not in seen:
            seen.add(g)
            kept.append((g, name))
    return kept


def _best(acc: dict[int, float], among) -> int:
    """The sentence of ``among`` holding most of the object, the earliest of equals."""
    top = max(map(acc.__getitem__, among))
    return min(j for j in among if acc[j] == top)


def promise_searches(report: Report) -> list[list[tuple[frozenset, str]]]:
    """What the ledger searches a review for, of each commitment of ``report`` (segmenting
    the objects, so that a cache entry can keep their words)."""
    return [_searches(c.object) for c in commitments(report)]


def commitment_ledger(old: Report, new: Report,
                      review_vs_plan: list[SectionLink]) -> list[CommitmentEntry]:
    """Every commitment of ``old``'s plan against ``new``'s review."""
    promises = commitments(old)
    items = review_sentences(new)
    index = _Index(items)
    linked: dict[str, set[str]] = defaultdict(set)
    for link in review_vs_plan:
        if link.old and link.new:
            linked[link.old].add(link.new)
    threshold = _outcome()["mention"]
    within: dict[frozenset, frozenset] = {}   # the sentences of each set of linked sections
    out = []
    for c in promises:
        targets = frozenset(_unit_of(c.section, linked))
        allowed = within.get(targets)
        if allowed is None:
            allowed = within[targets] = frozenset(
                j for j, s in enumerate(items) if targets and _in(s.section, targets))
        wanted = _wanted(c.object)
        best_in, best_any = None, None
        for search, name in _searches(c.object, wanted):
            acc, total = index.scores(search)
            if name and acc:   # a sentence without the word that names the object, or its figure
                figures = {g for g in search if g[0] in "#="}
                acc = {j: v for j, v in acc.items()
                       if name in items[j].text or not figures.isdisjoint(items[j].grams)}
            if not acc or not total:
                continue
            # the best sentence overall and the best in the linked sections (earliest on ties)
            k = _best(acc, acc)
            if best_any is None or (acc[k] / total, -k) > best_any[:2]:
                best_any = (acc[k] / total, -k, search)
            inside = acc.keys() & allowed
            if inside:
                k = _best(acc, inside)
                if best_in is None or (acc[k] / total, -k) > best_in[:2]:
                    best_in = (acc[k] / total, -k, search)
        chosen, where = None, ""
        if best_in and best_in[0] >= threshold:
            chosen, where = best_in, "in a linked review section"
        elif best_any and best_any[0] >= threshold + GLOBAL_MARGIN:
            chosen, where = best_any, "elsewhere in the review"
        if chosen is None:
            top = max((best_in or (0.0, 0))[0], (best_any or (0.0, 0))[0])
            out.append(CommitmentEntry(c, "silent", (), round(top, 2),
                                       "no review sentence holds the object"))
            continue
        at = -chosen[1]
        s = items[at]
        status, why = _status(c, s.text, chosen[2], wanted)
        evidence = (Evidence(s.section, s.lines, s.text, s.paragraph),)
        after = items[at + 1] if at + 1 < len(items) else None
        if (status in ("progress", "mentioned") and len(s.text) <= LEAD and after is not None
                and after.paragraph == s.paragraph and after.grams & chosen[2]):
            # a lead sentence (继续推进棚户区改造工程。) and the detail after it
            told, because = _status(c, after.text, chosen[2], wanted, lead=True)
            if STATUSES.index(told) < STATUSES.index(status):
                status, why = told, f"{because} in the sentence after the lead"
                evidence += (Evidence(after.section, after.lines, after.text, after.paragraph),)
        out.append(CommitmentEntry(c, status, evidence, round(chosen[0], 2),
                                   f"{why}, {where} ({s.section})"))
    return out


STATUSES = ("done", "progress", "mentioned", "silent")


def commitment_summary(entries) -> tuple[dict[str, int], dict[str, list[CommitmentEntry]]]:
    """Counts by status (in ``STATUSES`` order) and the silent promises of each plan section."""
    counts = {s: 0 for s in STATUSES}
    silent: dict[str, list[CommitmentEntry]] = {}
    for e in entries:
        counts[e.status] += 1
        if e.status == "silent":
            silent.setdefault(e.commitment.section or "", []).append(e)
    return counts, silent
