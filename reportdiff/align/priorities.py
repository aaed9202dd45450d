"""Priority shifts: key phrases whose use changed between two reports.

Key phrases are the policy terms of ``lexicon/terms.txt`` and the nouns and noun bigrams jieba
finds. Their counts are compared with the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008): the prior is the two reports together, so words every report
repeats do not stand out, and the z-score does not favour the longer report.

>>> round(log_odds_z(10, 1000, 0, 1000, 5, 2000, 500), 2) > 1.96
True
"""
from __future__ import annotations

import math
from collections import Counter

from .. import lexicon
from ..model import PriorityShift, Report
from .tokens import _stopwords, tagged

MIN_COUNT = 3        # a phrase new or dropped is used at least this often on its side
Z_SHIFT = 1.96       # rising/falling at the 5% level
PRIOR = 500.0        # strength of the prior (in tokens)
TOP = 15
_NOUN_TAGS = ("n", "nz", "vn", "nt", "nl", "ng", "eng")


def phrase_counts(report: Report) -> tuple[Counter, int]:
    """Counts of key phrases in a report's paragraphs, and the number of tokens."""
    terms = set(lexicon.words("terms"))
    stop = _stopwords()
    counts: Counter = Counter()
    total = 0
    for _, paragraph in report.paragraphs():
        words = tagged(paragraph.text)
        total += len(words)
        for term in terms:
            # a policy term counts wherever it is written, also inside a longer one
            # (疫情防控 in 常态化疫情防控), whatever the segmenter makes of it
            n = paragraph.text.count(term)
            if n:
                counts[term] += n
        keep = [w if (w not in terms and len(w) >= 2 and tag.startswith(_NOUN_TAGS)
                      and w not in stop) else None for w, tag in words]
        for k, w in enumerate(keep):
            if w:
                counts[w] += 1
                nxt = keep[k + 1] if k + 1 < len(keep) else None
                if nxt:
                    counts[w + nxt] += 1
    bigrams = {w for w in counts if not _is_unigram(w, terms)}
    for w in bigrams:
        if counts[w] < MIN_COUNT:
            del counts[w]
    return counts, total


def _is_unigram(word: str, terms: set[str]) -> bool:
    return word in terms or len(word) <= 4


def log_odds_z(y_new: int, n_new: int, y_old: int, n_old: int, y_all: int, n_all: int,
               prior: float = PRIOR) -> float:
    """z-score of the log-odds ratio of a word's use in new against old, with a Dirichlet
    prior of strength ``prior`` centred on the two texts together."""
    alpha = prior * y_all / max(n_all, 1)
    if alpha <= 0:
        return 0.0
    d_new = math.log((y_new + alpha) / (n_new + prior - y_new - alpha))
    d_old = math.log((y_old + alpha) / (n_old + prior - y_old - alpha))
    var = 1.0 / (y_new + alpha) + 1.0 / (y_old + alpha)
    return (d_new - d_old) / math.sqrt(var)


def priorities(old: Report, new: Report) -> dict[str, list[PriorityShift]]:
    c_old, n_old = phrase_counts(old)
    c_new, n_new = phrase_counts(new)
    shifts = []
    for term in set(c_old) | set(c_new):
        y_old, y_new = c_old.get(term, 0), c_new.get(term, 0)
        z = log_odds_z(y_new, n_new, y_old, n_old, y_old + y_new, n_old + n_new)
        shifts.append(PriorityShift(term, y_old, y_new, z))
    shifts.sort(key=lambda s: (-abs(s.z), s.term))
    new_terms = [s for s in shifts if s.old == 0 and s.new >= MIN_COUNT]
    dropped = [s for s in shifts if s.new == 0 and s.old >= MIN_COUNT]
    rising = [s for s in shifts if s.old > 0 and s.new > 0 and s.z >= Z_SHIFT]
    falling = [s for s in shifts if s.old > 0 and s.new > 0 and s.z <= -Z_SHIFT]
    order = lambda xs, key: sorted(xs, key=key)[:TOP]  # noqa: E731
    return {"new": order(new_terms, lambda s: (-s.new, s.term)),
            "dropped": order(dropped, lambda s: (-s.old, s.term)),
            "rising": order(rising, lambda s: (-s.z, s.term)),
            "falling": order(falling, lambda s: (s.z, s.term))}
