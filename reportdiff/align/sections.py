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
from itertools import repeat
from operator import mul, truediv

from rapidfuzz import fuzz

from ..model import SectionLink
from .assignment import best_pairs
from .units import Unit

SAME_TITLE = 0.53       # heading likeness from which a pair is a match, not a rename


@dataclass(frozen=True)
class Params:
    """Weights and thresholds of the section aligner. Review-against-plan compares texts of
    two kinds (what was done, what was planned) and leans on shared vocabulary more than on
    headings; the defaults per view were chosen on the gold alignments (alignments/gold)."""

    w_body: float = 0.7         # body similarity (TF-IDF cosine of tokens and bigrams)
    w_title: float = 0.2        # heading similarity
    w_position: float = 0.1     # keeping the same place in the part
    w_bigram: float = 0.3       # share of character bigrams in the body similarity
    match_min: float = 0.25     # below this a best pair is no pair: new and dropped
    split_min: float = 0.2      # a moved paragraph's pair is at least this close
    chunk_min: float = 0.1      # a paragraph this close to another unit than to its own
    chunk_margin: float = 0.05  # counterpart, by this margin, has moved: split or merge
    leftover_min: float = 0.2   # a unit left unlinked this close to another joins it
    w_role: float = 0.0         # bonus when both units' parts have the same role
    vote_share: float = 0.5     # share of an unpaired unit's paragraphs that must point to one
    match_relative: float = 0.0  # … and a pair scores at least this share of the median pair
    split_relative: float = 0.0  # an unpaired unit joins another at this share of the median
    vote_min: float = 0.1       # … when its paragraphs are at least this close to that unit
    # The opening summary of a review part (its intro) reports the plan's intro (targets,
    # requirements); with ``summary_only_by_paragraph`` another plan unit is linked to it only
    # when one of its paragraphs is reported by a paragraph of the summary (a five-year
    # review's ——生态环境明显改善…) at ``summary_min``, and no section of the review reports
    # that paragraph (its best paragraph there under ``summary_other_max``, by
    # ``summary_margin``), not because a summary names every topic at once.
    summary_only_by_paragraph: bool = False
    summary_min: float = 0.15
    summary_margin: float = 0.1
    summary_other_max: float = 0.15
    # Units of these part roles left unlinked on both sides are paired one-to-one when each is
    # the other's closest at ``leftover_min`` (no share of the median pair): the government
    # sections of two plans (依法行政, 作风, 廉政) are reworded boilerplate, close to each other
    # and to little else, and a plan's 坚持真抓实干 is the next plan's 持续改进工作作风.
    pair_left_roles: tuple = ()


VIEW_PARAMS = {
    "review_vs_plan": Params(w_body=0.8, w_title=0.1, w_position=0.1, w_bigram=0.5,
                             match_min=0.15, split_min=0.2, chunk_min=0.1, chunk_margin=0.0,
                             leftover_min=0.15, match_relative=0.5,
                             summary_only_by_paragraph=True),
    "plan_vs_plan": Params(match_relative=0.5, split_relative=0.4, vote_min=0.2,
                           pair_left_roles=("government",)),
    "review_vs_review": Params(match_relative=0.5, split_relative=0.4, vote_min=0.2),
}
DEFAULT = Params()


@dataclass(frozen=True)
class _FakeSection:  # for the doctest only
    id: str
    title: str


def _idf(units: list[Unit], attr: str = "body_tokens") -> dict[str, float]:
    df: Counter = Counter()
    for u in units:
        df.update((getattr(u, attr) or {}).keys())  # each term once (keys are distinct), in C
    n = len(units)
    weight = {c: math.log((n + 1) / (c + 1)) + 1.0 for c in set(df.values())}
    return dict(zip(df.keys(), map(weight.__getitem__, df.values())))


_TF_MAX = 64
_TF = [0.0] + [1 + math.log(c) for c in range(1, _TF_MAX)]  # sublinear term frequency
# the same values for the counts the text of one unit reaches, so that a vector is built in C
_TF_TABLE = _TF + [1 + math.log(c) for c in range(_TF_MAX, 4096)]


def _vector(tokens: Counter, idf: dict[str, float], keep: set | None = None) -> dict[str, float]:
    """The unit-length TF-IDF vector; with ``keep``, only those terms are stored (the others
    still count in the length), which makes dot products with the other side cheap."""
    if tokens and not 0 <= min(tokens.values()) <= max(tokens.values()) < len(_TF_TABLE):
        tf = _TF
        vec = {t: (tf[c] if c < _TF_MAX else 1 + math.log(c)) * idf.get(t, 1.0)
               for t, c in tokens.items()}
    else:  # the same products, term by term, without a Python loop
        vec = dict(zip(tokens.keys(), map(mul, map(_TF_TABLE.__getitem__, tokens.values()),
                                          map(idf.get, tokens.keys(), repeat(1.0)))))
    values = vec.values()
    norm = math.sqrt(math.fsum(map(mul, values, values))) or 1.0
    if keep is None:
        return dict(zip(vec.keys(), map(truediv, values, repeat(norm))))
    kept = vec.keys() & keep
    return dict(zip(kept, map(truediv, map(vec.__getitem__, kept), repeat(norm))))


def _shared(old: list[Unit], new: list[Unit], attr: str) -> set:
    left = set().union(*(getattr(u, attr) or () for u in old)) if old else set()
    right = set().union(*(getattr(u, attr) or () for u in new)) if new else set()
    return left & right


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    # the shared terms are few: intersect the key sets (in C) before multiplying
    shared = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def title_similarity(a: str, b: str) -> float:
    """Heading similarity in [0, 1], robust to added framing words."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), 0.9 * fuzz.partial_ratio(a, b)) / 100


def heading_likeness(a: Unit, b: Unit) -> float:
    """How alike two headings are: their character similarity and the share of topic words
    they have in common, averaged (深化改革开放，持续优化营商环境 ~ …，营商环境持续优化 is the
    same heading reworded; 稳就业保民生 → 就业和社会保障扎实有效 is a new one)."""
    words_a, words_b = set(a.title_tokens), set(b.title_tokens)
    shared = len(words_a & words_b) / max(1, len(words_a | words_b))
    return (title_similarity(a.title, b.title) + shared) / 2


def similarity_matrix(old: list[Unit], new: list[Unit], p: Params = DEFAULT) -> list[list[float]]:
    idf = _idf(old + new)
    idf2 = _idf(old + new, "bigrams")
    words, grams = _shared(old, new, "body_tokens"), _shared(old, new, "bigrams")
    old_vec = [_vector(u.body_tokens, idf, words) for u in old]
    new_vec = [_vector(u.body_tokens, idf, words) for u in new]
    old_bi = [_vector(u.bigrams or Counter(), idf2, grams) for u in old]
    new_bi = [_vector(u.bigrams or Counter(), idf2, grams) for u in new]
    old_title = [_vector(u.title_tokens, idf) for u in old]
    new_title = [_vector(u.title_tokens, idf) for u in new]
    matrix = []
    for i, u in enumerate(old):
        row = []
        for j, v in enumerate(new):
            body = (1 - p.w_bigram) * _cosine(old_vec[i], new_vec[j]) \
                + p.w_bigram * _cosine(old_bi[i], new_bi[j])
            title = max(_cosine(old_title[i], new_title[j]),
                        title_similarity(u.title, v.title) * 0.8)
            position = 1.0 - abs(u.position - v.position)
            same_role = p.w_role if u.role and u.role == v.role else 0.0
            row.append(p.w_body * body + p.w_title * title + p.w_position * position + same_role)
        matrix.append(row)
    return matrix


def link_units(old: list[Unit], new: list[Unit], *, pinned: list[SectionLink] = (),
               forbidden: set[tuple[str, str]] = frozenset(),
               params: Params = DEFAULT) -> list[SectionLink]:
    """The section map between two lists of units (see module docstring).

    ``pinned`` links (from a user's alignment file) are kept as they are and their units
    take no further part; ``forbidden`` pairs of ids are never linked.
    """
    pinned = list(pinned)
    fixed_old = {link.old for link in pinned if link.old}
    fixed_new = {link.new for link in pinned if link.new}
    old_free = [u for u in old if u.id not in fixed_old]
    new_free = [u for u in new if u.id not in fixed_new]
    matrix = similarity_matrix(old_free, new_free, params) if old_free and new_free else []
    for i, u in enumerate(old_free):
        for j, v in enumerate(new_free):
            if (u.id, v.id) in forbidden:
                matrix[i][j] = 0.0
    idf = _idf(old_free + new_free)
    working = matrix
    if params.summary_only_by_paragraph and any(v.intro for v in new_free):
        working = [[0.0 if v.intro and not u.intro else x for x, v in zip(row, new_free)]
                   for u, row in zip(old_free, matrix)]
    summary = _summary_edges(old_free, new_free, idf, params) if working is not matrix else set()
    edges = _edges(working, old_free, new_free, idf, params, summary) | summary
    edges = {(i, j) for i, j in edges if (old_free[i].id, new_free[j].id) not in forbidden}
    links = _label(edges, matrix, old_free, new_free)
    linked_old = {i for i, _ in edges}
    linked_new = {j for _, j in edges}
    links += [SectionLink(u.id, None, "dropped", None)
              for i, u in enumerate(old_free) if i not in linked_old]
    links += [SectionLink(None, v.id, "new", None)
              for j, v in enumerate(new_free) if j not in linked_new]
    return _ordered(_mark_moves(links + pinned, old, new), old, new)


def _edges(matrix: list[list[float]], old: list[Unit], new: list[Unit], idf: dict,
           p: Params, linked: set[tuple[int, int]] = frozenset()) -> set[tuple[int, int]]:
    """The optimal one-to-one pairs above ``match_min``, plus the pairs that moved paragraphs
    make (splits and merges):

    - a paragraph of a paired unit that is closer to another unit of the other side than to
      its own counterpart, by ``chunk_margin``, links the two;
    - a unit left unpaired whose paragraphs mostly (``vote_share``) point to one unit of the
      other side was split off from it, or merged into it;
    - a unit still unlinked but ``leftover_min`` close to another joins it.
    """
    if not matrix or not matrix[0]:
        return set()
    pairs = best_pairs(matrix)
    typical = sorted(matrix[i][j] for i, j in pairs)[len(pairs) // 2] if pairs else 0.0
    floor = max(p.match_min, p.match_relative * typical)  # weak pairs of left-overs are no pairs
    edges = {(i, j) for i, j in pairs if matrix[i][j] >= floor}
    old_vecs = [_vector(u.body_tokens, idf) for u in old]
    new_vecs = [_vector(u.body_tokens, idf) for u in new]
    main_of_old = {i: j for i, j in edges}
    main_of_new = {j: i for i, j in edges}

    vocab_old = set().union(*(u.body_tokens for u in old))
    vocab_new = set().union(*(u.body_tokens for u in new))

    def votes(unit: Unit, others: list[dict]) -> list[tuple[int, float]]:
        out = []
        keep = vocab_new if others is new_vecs else vocab_old
        for chunk in unit.chunks:
            vec = _vector(chunk, idf, keep)
            sims = [_cosine(vec, o) for o in others]
            k = max(range(len(sims)), key=sims.__getitem__)
            out.append((k, sims[k], sims))
        return out

    for side_units, other_vecs, main, flip in ((old, new_vecs, main_of_old, False),
                                               (new, old_vecs, main_of_new, True)):
        for a, unit in enumerate(side_units):
            cast = [(k, best, sims) for k, best, sims in votes(unit, other_vecs)
                    if best >= p.chunk_min]
            if a in main:
                for k, best, sims in cast:
                    pair = (k, a) if flip else (a, k)
                    if k != main[a] and best >= sims[main[a]] + p.chunk_margin \
                            and matrix[pair[0]][pair[1]] >= p.split_min:
                        edges.add(pair)
            elif cast:
                tally: dict[int, int] = {}
                for k, best, _ in cast:
                    if best < p.vote_min:
                        continue
                    tally[k] = tally.get(k, 0) + 1
                if not tally:
                    continue
                k = max(tally, key=tally.get)
                pair = (k, a) if flip else (a, k)
                if tally[k] >= p.vote_share * len(unit.chunks) and \
                        matrix[pair[0]][pair[1]] >= max(p.split_min, p.split_relative * typical):
                    edges.add(pair)
    linked_old = {i for i, _ in edges | linked}
    linked_new = {j for _, j in edges | linked}
    leftover = max(p.leftover_min, p.match_relative * typical)
    for i in range(len(old)):
        if i not in linked_old:
            j = max(range(len(new)), key=lambda k: matrix[i][k])
            if matrix[i][j] >= leftover:
                edges.add((i, j))
    for j in range(len(new)):
        if j not in linked_new:
            i = max(range(len(old)), key=lambda k: matrix[k][j])
            if matrix[i][j] >= leftover:
                edges.add((i, j))
    if p.pair_left_roles:
        left_old = [i for i in range(len(old)) if i not in {a for a, _ in edges | linked}
                    and old[i].role in p.pair_left_roles]
        left_new = [j for j in range(len(new)) if j not in {b for _, b in edges | linked}
                    and new[j].role in p.pair_left_roles]
        for i in left_old:
            j = max(left_new, key=lambda k: matrix[i][k], default=None)
            if j is not None and new[j].role == old[i].role and matrix[i][j] >= p.leftover_min \
                    and i == max(left_old, key=lambda k: matrix[k][j]):
                edges.add((i, j))
    return edges


def _summary_edges(old: list[Unit], new: list[Unit], idf: dict,
                   p: Params) -> set[tuple[int, int]]:
    """Links from plan units to the review's opening summary by paragraph evidence (see
    ``Params.summary_only_by_paragraph``)."""
    vocab_old = set().union(*(u.body_tokens for u in old))
    vocab_new = set().union(*(u.body_tokens for u in new))
    new_chunks = [(j, _vector(c, idf, vocab_old)) for j, v in enumerate(new) for c in v.topics]
    summary_chunks = [(j, w) for j, w in new_chunks if new[j].intro]
    section_chunks = [(j, w) for j, w in new_chunks if not new[j].intro]
    out = set()
    summaries = [j for j, v in enumerate(new) if v.intro]
    for i, u in enumerate(old):
        if u.intro:
            continue
        if u.explains_targets and summaries:  # the summary reports the targets' figures
            out.add((i, summaries[0]))
            continue
        for chunk in u.topics:
            vec = _vector(chunk, idf, vocab_new)
            best, j = 0.0, None
            for k, w in summary_chunks:
                sim = _cosine(vec, w)
                if sim > best:
                    best, j = sim, k
            if j is None or best < p.summary_min or (i, j) in out:
                continue
            # …and no section of the review reports that paragraph
            other = max((_cosine(vec, w) for _, w in section_chunks), default=0.0)
            if other <= p.summary_other_max and best - other >= p.summary_margin:
                out.add((i, j))
    return out


def _label(edges: set[tuple[int, int]], matrix, old_free: list[Unit],
           new_free: list[Unit]) -> list[SectionLink]:
    """One old with several new: split; several old into one new: merge; else a match or a
    rename by how alike the headings are."""
    old_degree: dict[int, int] = {}
    new_degree: dict[int, int] = {}
    for i, j in edges:
        old_degree[i] = old_degree.get(i, 0) + 1
        new_degree[j] = new_degree.get(j, 0) + 1
    links = []
    for i, j in sorted(edges):
        if old_degree[i] > 1:
            relation = "split"
        elif new_degree[j] > 1:
            relation = "merge"
        elif heading_likeness(old_free[i], new_free[j]) >= SAME_TITLE:
            relation = "match"
        else:
            relation = "renamed"
        links.append(SectionLink(old_free[i].id, new_free[j].id, relation,
                                 round(min(1.0, matrix[i][j]), 3)))
    return links


def _mark_moves(links: list[SectionLink], old: list[Unit], new: list[Unit]) -> list[SectionLink]:
    """Pairs that keep their relative order form the longest increasing run of new positions;
    the others moved (2.7 of the plan reviewed as 1.5)."""
    import dataclasses

    old_rank = {u.id: k for k, u in enumerate(old)}
    new_rank = {u.id: k for k, u in enumerate(new)}
    pairs = sorted((l for l in links if l.old in old_rank and l.new in new_rank),
                   key=lambda l: (old_rank[l.old], new_rank[l.new]))
    ranks = [new_rank[l.new] for l in pairs]
    best: list[list[int]] = []
    for k, r in enumerate(ranks):
        chain = max((c for c in best if ranks[c[-1]] <= r), key=len, default=[])
        best.append(chain + [k])
    keep = set(max(best, key=len, default=[]))
    moved = {id(pairs[k]) for k in range(len(pairs)) if k not in keep}
    return [dataclasses.replace(l, moved=True) if id(l) in moved else l for l in links]


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
