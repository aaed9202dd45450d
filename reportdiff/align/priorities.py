"""Priority shifts: the policy phrases whose use changed between two reports.

Candidates are phrases, not single common words: the policy terms of ``lexicon/terms.txt``,
quoted names (“三去一降一补”), and runs of up to four noun tokens as jieba tags them. Variants
are one entry (``lexicon/variants.toml``: 棚户区改造 = 棚改); a fragment that occurs only inside
a longer candidate is folded into it (特色社会主义 into 中国特色社会主义); generic words
(``lexicon/priority_stopwords.txt``) are dropped, and when other reports of the series are
given, a phrase most of them use is pushed down the new and dropped lists. Counts are the
times the phrase is written in each text (grep-true); rates are per 10k characters, and the
direction of a rising or falling entry agrees with them.

>>> round(log_odds_z(10, 1000, 0, 1000, 5, 2000, 500), 2) > 1.96
True
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from .. import lexicon
from ..model import PriorityShift, Report
from .tokens import _stopwords, tagged

MIN_COUNT = 2        # a phrase (term, quoted name, several tokens) new or dropped: this often
MIN_COUNT_WORD = 3   # a single word: this often
Z_SHIFT = 1.0        # rising/falling: a clear change of rate for counts this small
PRIOR = 500.0        # strength of the prior (in characters)
TOP = 15
MAX_RUN = 4          # tokens in a noun phrase
MAX_CHARS = 12
_NOUN_TAGS = ("n", "nz", "vn", "nt", "nl", "ng", "ns", "j", "eng")
_QUOTED = re.compile(r"“([^”“]{2,10})”")
_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]")


@lru_cache(maxsize=1)
def _named() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load("priorities")["named"]))


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset, dict[str, str], frozenset]:
    terms = frozenset(lexicon.words("terms"))
    variant_of = {v: canonical for canonical, forms in lexicon.load("variants").items()
                  for v in forms}
    stop = frozenset(lexicon.words("priority_stopwords")) | _stopwords()
    return terms, variant_of, stop


def _pieces(report: Report) -> list[str]:
    """The texts a phrase can be written in: headings and paragraphs."""
    return [s.title for s in report.walk()] + [p.text for _, p in report.paragraphs()]


def text_of(report: Report) -> str:
    return "\n".join(_pieces(report))


def candidates(report: Report) -> tuple[Counter, set[str]]:
    """Candidate phrases of a report with their token counts, and the ones that are names
    (policy terms, quoted names, several tokens) rather than single words."""
    terms, variant_of, stop = _tables()
    counts: Counter = Counter()
    names: set[str] = set()
    for piece in _pieces(report):
        for m in _QUOTED.finditer(piece):
            counts[m.group(1)] += 1
            names.add(m.group(1))
        for m in _named().finditer(piece):
            counts[m.group()] += 1
            names.add(m.group())
        words = tagged(piece)
        run: list[str] = []
        for w, tag in words + [("", "x")]:
            if tag.startswith(_NOUN_TAGS) and w not in stop or w in terms:
                run.append(w)
                continue
            for i in range(len(run)):
                if len(run[i]) < 2:
                    continue  # a phrase does not start with a one-character token (性服务业)
                for j in range(i + 1, min(i + MAX_RUN, len(run)) + 1):
                    if len(run[j - 1]) < 2:
                        continue
                    phrase = "".join(run[i:j])
                    if len(phrase) < 2 or len(phrase) > MAX_CHARS:
                        continue
                    counts[phrase] += 1
                    if j - i > 1 or phrase in terms:
                        names.add(phrase)
            run = []
    for term in terms:
        if term in counts or term in variant_of:
            names.add(variant_of.get(term, term))
    return counts, names


def grep_count(text: str, phrase: str) -> int:
    """How often ``phrase`` (or a variant of it) is written in ``text``."""
    _, variant_of, _ = _tables()
    forms = [phrase] + [v for v, c in variant_of.items() if c == phrase]
    return sum(text.count(f) for f in forms if f)


def _fold(counts_old: dict, counts_new: dict) -> set[str]:
    """Candidates that occur (almost) only inside a longer candidate: folded into it."""
    folded = set()
    phrases = set(counts_old) | set(counts_new)
    for longer in phrases:
        n = len(longer)
        for i in range(n):
            for j in range(i + 2, n + (i > 0)):
                part = longer[i:j]
                if part == longer or part not in phrases:
                    continue
                if (counts_old.get(part, 0) <= counts_old.get(longer, 0) + _slack(counts_old, part)
                        and counts_new.get(part, 0) <= counts_new.get(longer, 0)
                        + _slack(counts_new, part)):
                    folded.add(part)
    return folded


def _slack(counts: dict, part: str) -> int:
    """A fragment may occur a few times on its own and still be folded; a policy term of
    the lexicon is folded only when it never does (疫情防控 outside 常态化疫情防控)."""
    if part in _tables()[0]:
        return 0
    return max(0, int(0.2 * counts.get(part, 0)))


def log_odds_z(y_new: int, n_new: int, y_old: int, n_old: int, y_all: int, n_all: int,
               prior: float = PRIOR) -> float:
    """z-score of the log-odds ratio of a phrase's use in new against old, with a Dirichlet
    prior of strength ``prior`` centred on the two texts together."""
    alpha = prior * y_all / max(n_all, 1)
    if alpha <= 0:
        return 0.0
    d_new = math.log((y_new + alpha) / (n_new + prior - y_new - alpha))
    d_old = math.log((y_old + alpha) / (n_old + prior - y_old - alpha))
    var = 1.0 / (y_new + alpha) + 1.0 / (y_old + alpha)
    return (d_new - d_old) / math.sqrt(var)


def priorities(old: Report, new: Report,
               background: tuple[Report, ...] | list[Report] = ()) -> dict[str, list[PriorityShift]]:
    """The ``new``, ``dropped``, ``rising`` and ``falling`` lists of CONTRACT.md."""
    terms, variant_of, stop = _tables()
    text_old, text_new = text_of(old), text_of(new)
    tok_old, names_old = candidates(old)
    tok_new, names_new = candidates(new)
    names = names_old | names_new
    # first by token counts (cheap), then the few phrases that can make a list are counted
    # where they are written (grep-true) and ranked again on those counts
    pool = {variant_of.get(p, p) for p, n in (tok_old + tok_new).items()
            if n >= MIN_COUNT and p not in stop}
    t_old = {p: tok_old.get(p, 0) for p in pool}
    t_new = {p: tok_new.get(p, 0) for p in pool}
    others = [text_of(r) for r in background]
    # rates are per 10k characters of paragraph text (``Report.chars``), as the views say
    n_old, n_new = max(old.chars, 1), max(new.chars, 1)
    shortlist = _shortlist(pool, t_old, t_new, n_old, n_new, names, terms)
    c_old = {p: grep_count(text_old, p) for p in shortlist}
    c_new = {p: grep_count(text_new, p) for p in shortlist}
    folded = _fold(c_old, c_new)
    rows = []
    for term in sorted(shortlist - folded):
        y_old, y_new = c_old[term], c_new[term]
        if y_old == y_new == 0:
            continue
        z = log_odds_z(y_new, n_new, y_old, n_old, y_old + y_new, n_old + n_new)
        shift = PriorityShift(term, y_old, y_new, z, round(y_old / n_old * 1e4, 2),
                              round(y_new / n_new * 1e4, 2))
        weight = _weight(term, names, terms)
        if others:
            weight *= 1.0 - 0.8 * sum(term in t for t in others) / len(others)
        rows.append((shift, weight))
    least = lambda s: MIN_COUNT if s.term in names else MIN_COUNT_WORD  # noqa: E731
    new_terms = [(s, w) for s, w in rows if s.old == 0 and s.new >= least(s)]
    dropped = [(s, w) for s, w in rows if s.new == 0 and s.old >= least(s)]
    rising = [(s, w) for s, w in rows if s.old and s.new >= least(s) and s.z >= Z_SHIFT
              and s.new_rate > s.old_rate]
    falling = [(s, w) for s, w in rows if s.new and s.old >= least(s) and s.z <= -Z_SHIFT
               and s.new_rate < s.old_rate]
    return {"new": [s for s, _ in sorted(new_terms, key=lambda x: (-x[0].new * x[1], x[0].term))][:TOP],
            "dropped": [s for s, _ in sorted(dropped, key=lambda x: (-x[0].old * x[1], x[0].term))][:TOP],
            "rising": [s for s, _ in sorted(rising, key=lambda x: (-x[0].z * x[1], x[0].term))][:TOP],
            "falling": [s for s, _ in sorted(falling, key=lambda x: (x[0].z * x[1], x[0].term))][:TOP]}


def _shortlist(pool: set[str], t_old: dict, t_new: dict, n_old: int, n_new: int,
               names: set[str], terms: frozenset, size: int = 5 * TOP) -> set[str]:
    """The phrases that can make one of the four lists, judged on token counts."""
    scored = []
    for term in pool:
        y_old, y_new = t_old[term], t_new[term]
        w = _weight(term, names, terms)
        z = log_odds_z(y_new, n_new, y_old, n_old, y_old + y_new, n_old + n_new)
        scored.append((term, y_old, y_new, w, z))
    keep: set[str] = set()
    for key in (lambda x: -x[2] * x[3] if x[1] == 0 else 0.0,
                lambda x: -x[1] * x[3] if x[2] == 0 else 0.0,
                lambda x: -x[4] * x[3], lambda x: x[4] * x[3]):
        keep.update(x[0] for x in sorted(scored, key=lambda x: (key(x), x[0]))[:size])
    return keep


def _weight(term: str, names: set[str], terms: frozenset) -> float:
    """How much a phrase looks like a priority an analyst would name: a policy term of the
    lexicon most, then a quoted or numbered name or a phrase of several tokens, a word least."""
    if term in terms:
        return 2.0
    if term in names:
        return 1.0 + 0.05 * min(len(term), 8)
    return 0.5


def phrase_counts(report: Report) -> tuple[Counter, set[str]]:
    """The candidate phrases of one report (what a cache keeps of its segmentation for the
    priorities): see ``candidates``."""
    return candidates(report)
