"""Section links: which old section corresponds to which new one, and how.

The similarity of two units is a weighted sum of their bodies' TF-IDF cosine (tokens by
rjieba; rare tokens weigh more than the boilerplate every section repeats), their headings'
similarity, and a prior for keeping their place. An optimal one-to-one assignment pairs them;
pairs below a threshold are left as ``new`` and ``dropped``; then a unit left over that is
close to one already paired makes a ``split`` (one old, several new) or a ``merge``.

>>> from reportdiff.align.units import Unit
>>> from collections import Counter
>>> def unit(sid, pos, title, body): return Unit(_FakeSection(sid, title), pos, Counter(title), Counter(body))
>>> old = [unit("2.1", 0, ["就业"], ["就业", "社保", "养老"]), unit("2.2", 1, ["乡村"], ["乡村", "农业"])]
>>> new = [unit("1.1", 0, ["就业"], ["就业", "社保"]), unit("1.2", 1, ["养老"], ["养老", "社保"])]
>>> [(l.old, l.new, l.relation) for l in link_units(old, new)]
[('2.1', '1.1', 'split'), ('2.1', '1.2', 'split'), ('2.2', None, 'dropped')]
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..model import SectionLink
from .assignment import best_pairs
from .units import Unit

W_BODY, W_TITLE, W_POSITION = 0.6, 0.25, 0.15
MATCH_MIN = 0.22        # below this a best pair is no pair: new and dropped
SPLIT_MIN = 0.22        # a left-over unit this close to a paired one splits or merges it
SPLIT_RATIO = 0.6       # … and at least this fraction of the paired score
SAME_TITLE = 0.6        # heading similarity from which a pair is a match, not a rename


@dataclass(frozen=True)
class _FakeSection:  # for the doctest only
    id: str
    title: str


def _idf(units: list[Unit]) -> dict[str, float]:
    df: Counter = Counter()
    for u in units:
        df.update(set(u.body_tokens))
    n = len(units)
    return {t: math.log((n + 1) / (c + 1)) + 1.0 for t, c in df.items()}


def _vector(tokens: Counter, idf: dict[str, float]) -> dict[str, float]:
    vec = {t: (1 + math.log(c)) * idf.get(t, 1.0) for t, c in tokens.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def title_similarity(a: str, b: str) -> float:
    """Heading similarity in [0, 1], robust to added framing words."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), 0.9 * fuzz.partial_ratio(a, b)) / 100


def similarity_matrix(old: list[Unit], new: list[Unit]) -> list[list[float]]:
    idf = _idf(old + new)
    old_vec = [_vector(u.body_tokens, idf) for u in old]
    new_vec = [_vector(u.body_tokens, idf) for u in new]
    old_title = [_vector(u.title_tokens, idf) for u in old]
    new_title = [_vector(u.title_tokens, idf) for u in new]
    matrix = []
    for i, u in enumerate(old):
        row = []
        for j, v in enumerate(new):
            body = _cosine(old_vec[i], new_vec[j])
            title = max(_cosine(old_title[i], new_title[j]),
                        title_similarity(u.title, v.title) * 0.8)
            position = 1.0 - abs(u.position - v.position)
            row.append(W_BODY * body + W_TITLE * title + W_POSITION * position)
        matrix.append(row)
    return matrix


def link_units(old: list[Unit], new: list[Unit], *, pinned: list[SectionLink] = (),
               forbidden: set[tuple[str, str]] = frozenset()) -> list[SectionLink]:
    """The section map between two lists of units (see module docstring).

    ``pinned`` links (from a user's alignment file) are kept as they are and their units
    take no further part; ``forbidden`` pairs of ids are never linked.
    """
    pinned = list(pinned)
    fixed_old = {link.old for link in pinned if link.old}
    fixed_new = {link.new for link in pinned if link.new}
    old_free = [u for u in old if u.id not in fixed_old]
    new_free = [u for u in new if u.id not in fixed_new]
    matrix = similarity_matrix(old_free, new_free) if old_free and new_free else []
    for i, u in enumerate(old_free):
        for j, v in enumerate(new_free):
            if (u.id, v.id) in forbidden:
                matrix[i][j] = 0.0
    pairs = [(i, j) for i, j in best_pairs(matrix) if matrix[i][j] >= MATCH_MIN] if matrix else []
    paired_old = {i: j for i, j in pairs}
    paired_new = {j: i for i, j in pairs}
    relation: dict[tuple[int, int], str] = {}
    for i, j in pairs:
        same = title_similarity(old_free[i].title, new_free[j].title) >= SAME_TITLE
        relation[(i, j)] = "match" if same else "renamed"
    # left-over new units close to a paired old unit: that old unit was split
    for j, v in enumerate(new_free):
        if j in paired_new:
            continue
        i = max(range(len(old_free)), key=lambda k: matrix[k][j], default=None)
        if i is None or i not in paired_old or (old_free[i].id, v.id) in forbidden:
            continue
        score = matrix[i][j]
        if score >= SPLIT_MIN and score >= SPLIT_RATIO * matrix[i][paired_old[i]]:
            relation[(i, paired_old[i])] = "split"
            relation[(i, j)] = "split"
    # left-over old units close to a paired new unit: merged into it
    for i, u in enumerate(old_free):
        if i in paired_old or any(key[0] == i for key in relation):
            continue
        j = max(range(len(new_free)), key=lambda k: matrix[i][k], default=None)
        if j is None or j not in paired_new or (u.id, new_free[j].id) in forbidden:
            continue
        score = matrix[i][j]
        k = paired_new[j]
        if relation.get((k, j)) == "split":
            continue
        if score >= SPLIT_MIN and score >= SPLIT_RATIO * matrix[k][j]:
            relation[(k, j)] = "merge"
            relation[(i, j)] = "merge"
    links = [SectionLink(old_free[i].id, new_free[j].id, rel, round(min(1.0, matrix[i][j]), 3))
             for (i, j), rel in relation.items()]
    linked_old = {i for i, _ in relation}
    linked_new = {j for _, j in relation}
    links += [SectionLink(u.id, None, "dropped", None)
              for i, u in enumerate(old_free) if i not in linked_old]
    links += [SectionLink(None, v.id, "new", None)
              for j, v in enumerate(new_free) if j not in linked_new]
    return _ordered(links + pinned, old, new)


def _ordered(links: list[SectionLink], old: list[Unit], new: list[Unit]) -> list[SectionLink]:
    """Rows in document order: by the old side's order, new-only rows where they fall."""
    old_rank = {u.id: k for k, u in enumerate(old)}
    new_rank = {u.id: k for k, u in enumerate(new)}

    def key(link: SectionLink):
        if link.old is not None:
            return (old_rank.get(link.old, 0), 0, new_rank.get(link.new, -1) if link.new else -1)
        # a new section goes after the old section linked to the new one before it
        before = [l for l in links if l.new and l.old and new_rank.get(l.new, 0) < new_rank[link.new]]
        anchor = max((old_rank.get(l.old, 0) for l in before), default=-1)
        return (anchor, 1, new_rank[link.new])

    return sorted(links, key=key)
