"""Wording shifts: the same object promised in both plans with another strength or stage
(力争 → 确保, 稳步推进 → 加快推进, 探索 → 全面推行, 试点 → 推广, 启动 → 建成).

Two commitments promise the same object when their objects share most of their character
bigrams (Dice ≥ ``SAME_OBJECT``). A pair is a shift when the strength words or the action
differ; each old commitment is paired with at most one new one, the closest.

>>> from reportdiff.model import Commitment
>>> old = Commitment("c1", "2.1", "2.1.p1", (5, 5), "力争建成公厕30座。", "力争建成公厕30座", "建成", 3, "公厕30座", "力争", None)
>>> new = Commitment("c9", "2.2", "2.2.p1", (7, 7), "确保建成公厕30座。", "确保建成公厕30座", "建成", 3, "公厕30座", "确保", None)
>>> [(s.old.wording, s.new.wording) for s in wording_shifts([old], [new])]
[('力争建成', '确保建成')]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain

from ..model import Commitment, WordingShift
from .commitments import grams

SAME_OBJECT = 0.8


def _core(c: Commitment) -> tuple[str, str]:
    """Strength and action without lead-in words that carry no force (年内, 今年)."""
    return (c.strength or "", c.action)


def wording_shifts(old: list[Commitment], new: list[Commitment]) -> list[WordingShift]:
    """Shifts of wording between the commitments of two plans, in the old plan's order."""
    new_grams = [grams(c.object) for c in new]
    sizes = [len(g) for g in new_grams]
    postings: dict[str, list[int]] = defaultdict(list)
    for k, g in enumerate(new_grams):
        for gram in g:
            postings[gram].append(k)
    out, taken = [], set()
    for c in old:
        a = grams(c.object)
        if not a:
            continue
        shared = Counter(chain.from_iterable(postings.get(gram, ()) for gram in a))
        best, best_score, size = None, 0.0, len(a)
        for k, n in shared.items():
            score = 2 * n / (size + sizes[k])
            if score > best_score and k not in taken:
                best, best_score = k, score
        if best is None or best_score < SAME_OBJECT:
            continue
        other = new[best]
        if _core(c) == _core(other):
            continue
        taken.add(best)
        out.append(WordingShift(other.object if len(other.object) < len(c.object) else c.object,
                                c, other, round(best_score, 2)))
    return out
