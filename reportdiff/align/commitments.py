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
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..extract.commitments import commitments
from ..extract.metrics import sentences
from ..model import Commitment, CommitmentEntry, Evidence, Report, SectionLink
from .units import REVIEW_ROLES

# runs of Han (or Latin) characters; function characters (的, 和, 等) break a run, so that
# 投资2亿元的智慧城市项目 gives no 元的/的智 to miss
_HAN_RUN = re.compile(r"(?:(?![的和与及等了之])[\u4e00-\u9fff])+|[A-Za-z]+")
_DIGIT = re.compile(r"[\d０-９一二两三四五六七八九十百千万]")
_CONJUNCT = re.compile(r"[、和及与]|以及")
MIN_CONJUNCT = 4      # a conjunct of a coordinated object (X、Y和Z) is searched alone from this size
_CLAUSE = re.compile(r"[^，；。！？,;!?]+")
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
    value, not spelling.

    >>> sorted(grams("城市面貌"))
    ['城市', '市面', '面貌']
    """
    out = set()
    for run in _HAN_RUN.findall(text):
        if len(run) == 1:
            continue
        out.update(run[k:k + 2] for k in range(len(run) - 1))
    return frozenset(out)


@lru_cache(maxsize=1)
def _outcome() -> dict:
    table = lexicon.load("commitments")["outcome"]
    words = [(w, 3) for w in table["done"]] + [(w, 2) for w in table["progress"]] + \
            [(w, 1) for w in table["started"]]
    words.sort(key=lambda x: -len(x[0]))
    return {"words": words, "mention": table["mention_score"]}


def outcome_stage(text: str) -> tuple[int, str | None]:
    """The furthest stage the words of ``text`` report, and the word that says it."""
    best, word = 0, None
    for w, stage in _outcome()["words"]:
        if w in text and stage > best:
            best, word = stage, w
    return best, word


def review_sentences(report: Report) -> list[_Sentence]:
    out = []
    for section, paragraph in report.paragraphs():
        if section is None or section.role not in REVIEW_ROLES:
            continue
        part = section.id.split(".")[0]
        for _, text in sentences(paragraph.text):
            out.append(_Sentence(section.id, part, paragraph.lines, text, grams(text),
                                 paragraph.id))
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

    def scores(self, obj: frozenset) -> tuple[Counter, float]:
        total = sum(self.weight.get(g, self.unseen) for g in obj)
        acc: Counter = Counter()
        for g in obj:
            w = self.weight.get(g)
            if w is None:
                continue
            for k in self.postings[g]:
                acc[k] += w
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


def _figure(promise: str, clause: str) -> tuple[bool, str] | None:
    """``(True, "430张 ≥ 400张")`` when the clause states the promised figure's unit at or
    above it, ``(False, "26座 < 30座")`` when below; None when it states no such figure."""
    from ..extract.numbers import quantities

    if not _DIGIT.search(promise):
        return None
    wanted = [q for q in quantities(promise) if q.kind in ("count", "level")]
    stated = {(q.unit, q.kind): q for q in quantities(clause)}
    for q in wanted:
        got = stated.get((q.unit, q.kind))
        if got is not None:
            reached = got.value >= q.value
            return reached, f"{got.surface} {'≥' if reached else '<'} {q.surface}"
    return None


def _status(c: Commitment, sentence: str, obj: frozenset) -> tuple[str, str]:
    """Status from the clause of ``sentence`` that holds most of the object: the outcome
    words it uses, or the promised figure reached."""
    clauses = [m.group() for m in _CLAUSE.finditer(sentence)] or [sentence]
    overlap = [len(grams(t) & obj) for t in clauses]
    clause = clauses[max(range(len(clauses)), key=lambda k: overlap[k])]
    stage, word = outcome_stage(clause)
    figure = _figure(c.object, clause)
    if figure:
        reached, why = figure
        return ("done", f"the figure is reached ({why})") if reached else \
               ("progress", f"the figure falls short ({why})")
    if stage >= 3 or (c.stage == 1 and stage >= 1):
        return "done", f"'{word}' reports it done"
    if stage >= 1:
        return "progress", f"'{word}' reports it under way"
    return "mentioned", "the object is named without an outcome"


def _searches(obj: str) -> list[frozenset]:
    """The object; its head after the last 的 (4座现代化的垃圾中转站 → 垃圾中转站); and each
    long enough conjunct of a coordinated object on its own."""
    out = [grams(obj)]
    head = obj.rsplit("的", 1)[-1]
    if head != obj and len(head) >= MIN_CONJUNCT:
        out.append(grams(head))
    parts = [p for p in _CONJUNCT.split(head) if len(p) >= MIN_CONJUNCT]
    if len(parts) > 1:
        out.extend(grams(p) for p in parts)
    return [g for k, g in enumerate(out) if g and g not in out[:k]]


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
    out = []
    for c in promises:
        targets = _unit_of(c.section, linked)
        best_in, best_any, obj = None, None, grams(c.object)
        for search in _searches(c.object):
            acc, total = index.scores(search)
            if not acc or not total:
                continue
            # the best sentence overall and the best in the linked sections (earliest on ties)
            k = max(acc, key=lambda j: (acc[j], -j))
            if best_any is None or (acc[k] / total, -k) > best_any[:2]:
                best_any = (acc[k] / total, -k, search)
            inside = [j for j in acc if _in(items[j].section, targets)] if targets else []
            if inside:
                k = max(inside, key=lambda j: (acc[j], -j))
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
        s = items[-chosen[1]]
        status, why = _status(c, s.text, chosen[2])
        evidence = (Evidence(s.section, s.lines, s.text, s.paragraph),)
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
