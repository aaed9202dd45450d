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
Z_SHIFT = 0.7        # rising/falling: a clear change of rate for counts this small
PRIOR = 500.0        # strength of the prior (in characters)
TOP = 15
LEXICON_WEIGHT = 2.0
MIN_CHANGE = 2       # rising/falling: the count moves by at least this (2 → 1 is no shift)
MIN_SCORE = 4.0      # new/dropped: count × weight at least this
MAX_RUN = 4          # tokens in a noun phrase
MAX_CHARS = 12
_NOUN_TAGS = ("n", "nz", "vn", "nt", "nl", "ng", "ns", "j", "eng")
_QUOTED = re.compile(r"“([^”“]{2,10})”")
_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+]")


@lru_cache(maxsize=1)
def _named() -> re.Pattern[str]:
    """Plans, congresses and numbered slogans (十三五, 十九大, 三去一降一补)."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load("priorities")["named"]))


def _is_named(term: str) -> bool:
    """The whole phrase is a plan, congress or numbered slogan (两个维护: the patterns look at
    the closing quote or stop after a slogan, so one is supplied)."""
    m = _named().match(term + "”")
    return bool(m) and m.end() == len(term)


@lru_cache(maxsize=1)
def _events() -> re.Pattern[str]:
    """Numbered names cited in passing (五中全会)."""
    return re.compile("|".join(f"(?:{p})" for p in lexicon.load("priorities")["events"]))


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset, dict[str, str], frozenset]:
    """Policy terms (less those naming a sector or a routine duty), variants, generic words."""
    terms = frozenset(lexicon.words("terms")) - frozenset(lexicon.load("priorities")["sector"])
    variant_of = {v: canonical for canonical, forms in lexicon.load("variants").items()
                  for v in forms}
    stop = frozenset(lexicon.words("priority_stopwords")) | _stopwords()
    return terms, variant_of, stop


DF_RARE = 0.6        # new/dropped: a phrase fewer than 3 reports of the genre write (a works
                     # project, a street, a figure of one review) counts for this much
DF_COMMON = 0.25     # ... and one more than this share of them write is pushed down, to 0.2
                     # of its weight when all of them do: its absence from one report says little


@lru_cache(maxsize=1)
def genre_df() -> dict[str, float]:
    """The share of the genre's reports that write each phrase (``lexicon/priority_df.tsv``,
    built by ``tools/priority_df.py``); a phrase not in the table is written by fewer than 3."""
    from importlib import resources

    text = resources.files(lexicon).joinpath("priority_df.tsv").read_text("utf-8")
    lines = [line.split("\t") for line in text.splitlines()]
    total = sum(int(n) for n in next(r for r in lines if r[0] == "# reports")[1:])
    return {r[0]: sum(int(n) for n in r[1:]) / total
            for r in lines if r[0] and not r[0].startswith("#") and r[0] != "term"}


def genre_weight(term: str, df: dict[str, float]) -> float:
    """How much a phrase's appearing or vanishing says, by how many reports of the genre write
    it: policy vocabulary that comes and goes (乡村振兴, 营商环境, 十二五) counts fully; a phrase of
    one report (a kindergarten, a street) or one nearly every report writes (学校, 政务公开) less."""
    share = df.get(term)
    if share is None and (term in _tables()[0] or _is_named(term)):
        return 1.0  # a policy term or numbered name newer than the table (新质生产力)
    return _by_share(share)


def _by_share(share: float | None) -> float:
    if share is None:
        return DF_RARE
    if share <= DF_COMMON:
        return 1.0
    return 1.0 - 0.8 * (share - DF_COMMON) / (1.0 - DF_COMMON)


GENERIC_WORD = 0.5   # a word more than this share of the genre's reports write is common, and
GENERIC_PHRASE = 0.5 # a phrase made of common words only (经济总量, 财政支出) counts this much
GENERIC_PHRASE_DF = 0.15  # ... when it is itself written by this share of the genre's reports


def _generic_phrase(term: str, df: dict[str, float]) -> bool:
    """A phrase of several words, every one of them written by most reports of the genre, and
    the phrase itself by many: a combination of common words (财政支出, 中央政府) rather than the
    name of a programme (文明城市, written by a few)."""
    if df.get(term, 0.0) < GENERIC_PHRASE_DF:
        return False
    words = _words(term, df, whole=False)
    return bool(words) and all(df.get(w, 0.0) > GENERIC_WORD for w in words)


def _words(term: str, df: dict[str, float], whole: bool = True) -> tuple[str, ...] | None:
    """``term`` as the fewest words of the genre table (two characters or more each; the term
    itself only when ``whole``), or None when it cannot be read so (国特色社会主义思想 begins
    inside a word). The table stands in for the tokenizer, so that a pair whose reports were
    segmented before (a primed cache) segments nothing more."""
    n = len(term)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            word = term[start:end]
            prev = best[start]
            if prev is None or (not whole and start == 0 and end == n):
                continue
            if word in df or word in _tables()[0]:
                if best[end] is None or len(prev) + 1 < len(best[end]):
                    best[end] = prev + (word,)
    return best[n]


def _pieces(report: Report) -> list[str]:
    """The texts a phrase can be written in: headings and paragraphs, each written once (a
    title made from the lead sentence of its first paragraph is not counted twice)."""
    titles = [s.title for s in report.walk()
              if s.title and not (s.paragraphs and s.title in s.paragraphs[0].text)]
    return titles + [p.text for _, p in report.paragraphs()]


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
        for pattern in (_named(), _events()):
            for m in pattern.finditer(piece):
                counts[m.group()] += 1
                names.add(m.group())
        _runs(tagged(piece), terms, stop, counts, names)
    for term in terms:
        if term in counts or term in variant_of:
            names.add(variant_of.get(term, term))
    return counts, names


def _runs(words, terms: frozenset, stop: frozenset, counts: Counter, names: set[str]) -> None:
    """Phrases of runs of noun tokens: a phrase starts on a noun or a distinguishing word
    (新型, 民营: jieba's ``b``) of two characters or more and ends on a noun; a generic noun of
    the stoplist (经济, 城市) may only end a phrase of several tokens, as its head (民营经济,
    智慧城市), and never stands alone."""
    run: list[str] = []
    kinds: list[str] = []
    for w, tag in words:
        if w in terms:
            kind = "n"
        elif tag.startswith(_NOUN_TAGS):
            kind = "h" if w in stop else "n"
        elif tag == "b" and w not in stop:
            kind = "b"
        else:
            if run:
                _phrases(run, kinds, terms, counts, names)
                run, kinds = [], []
            continue
        run.append(w)
        kinds.append(kind)
    if run:
        _phrases(run, kinds, terms, counts, names)


def _phrases(run: list[str], kinds: list[str], terms: frozenset, counts: Counter,
             names: set[str]) -> None:
    n = len(run)
    for i in range(n):
        if kinds[i] == "h" or len(run[i]) < 2:
            continue  # a phrase does not start with a one-character token (性服务业)
        phrase = ""
        for j in range(i, min(i + MAX_RUN, n)):
            w, kind = run[j], kinds[j]
            phrase += w
            if len(phrase) > MAX_CHARS:
                break
            if len(w) < 2 or kind == "b" or kind == "h" and j == i:
                continue
            counts[phrase] += 1
            if j > i or phrase in terms:
                names.add(phrase)
            if kind == "h":
                break  # a generic head ends the phrase


def grep_count(text: str, phrase: str) -> int:
    """How often ``phrase`` (or a variant of it) is written in ``text``."""
    if phrase not in _with_variants():
        return text.count(phrase)
    return len(_forms(phrase).findall(text))


@lru_cache(maxsize=1)
def _with_variants() -> frozenset[str]:
    return frozenset(_tables()[1].values())


@lru_cache(maxsize=4096)
def _forms(phrase: str) -> re.Pattern[str]:
    """The phrase and its variants, longest first: each place it is written is one match
    (大众创业、万众创新 once, not once more for each half)."""
    _, variant_of, _ = _tables()
    forms = {phrase} | {v for v, c in variant_of.items() if c == phrase}
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))))


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


# characters a phrase may be followed or preceded by without being part of a longer word
_BOUNDARY = frozenset("的和与及等是在为对把将并或了中上下里内外之以被由向从于按次届个项")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _closure(term: str, texts: tuple[str, ...]) -> str:
    """The word a phrase is always written inside: while every time it is written the same
    character follows it (习近平新时代中国特色 → …社会主义思想, 教育信息 → 教育信息化), or the
    same one precedes it (文明城市 → 全国文明城市), the phrase is taken with it. Function
    characters (的, 和, 等) and punctuation end a word. A phrase written once is its own word."""
    if sum(t.count(term) for t in texts) < 2:
        return term
    while len(term) < MAX_CHARS + 4:
        after: set[str] = set()
        before: set[str] = set()
        for text in texts:
            start = text.find(term)
            while start >= 0:
                end = start + len(term)
                after.add(text[end:end + 1])
                before.add(text[start - 1:start] if start else "")
                start = text.find(term, end)
        if _joined(after):
            term = term + after.pop()
        elif _joined(before):
            term = before.pop() + term
        else:
            break
    return term


def _joined(chars: set[str]) -> bool:
    if len(chars) != 1:
        return False
    c = next(iter(chars))
    return bool(_HAN_CHAR.match(c)) and c not in _BOUNDARY


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
    df = genre_df()
    text_old, text_new = text_of(old), text_of(new)
    tok_old, names_old = candidates(old)
    tok_new, names_new = candidates(new)
    names = names_old | names_new
    # first by token counts (cheap), then the few phrases that can make a list are counted
    # where they are written (grep-true) and ranked again on those counts
    pool = {variant_of.get(p, p) for p in tok_old.keys() | tok_new.keys()
            if tok_old.get(p, 0) + tok_new.get(p, 0) >= MIN_COUNT and p not in stop}
    t_old = {p: tok_old.get(p, 0) for p in pool}
    t_new = {p: tok_new.get(p, 0) for p in pool}
    # the other reports of the series: a phrase new in this pair that earlier years already
    # wrote is no new priority, nor one dropped that later years write again
    year_old, year_new = old.meta.plan_year, new.meta.plan_year
    others = [text_of(r) for r in background]
    before = [t for r, t in zip(background, others)
              if not (year_old and r.meta.plan_year) or r.meta.plan_year < year_old]
    after = [t for r, t in zip(background, others)
             if not (year_new and r.meta.plan_year) or r.meta.plan_year > year_new]
    # rates are per 10k characters of paragraph text (``Report.chars``), as the views say
    n_old, n_new = max(old.chars, 1), max(new.chars, 1)
    shortlist = _shortlist(pool, t_old, t_new, n_old, n_new, names, terms, df)
    c_old = {p: grep_count(text_old, p) for p in shortlist}
    c_new = {p: grep_count(text_new, p) for p in shortlist}
    folded = _fold(c_old, c_new)

    def row(term: str) -> tuple[PriorityShift, float, float] | None:
        y_old, y_new = c_old[term], c_new[term]
        if y_old == y_new == 0:
            return None
        z = log_odds_z(y_new, n_new, y_old, n_old, y_old + y_new, n_old + n_new)
        shift = PriorityShift(term, y_old, y_new, z, round(y_old / n_old * 1e4, 2),
                              round(y_new / n_new * 1e4, 2))
        weight = _weight(term, names, terms)
        series = before if y_old == 0 else after if y_new == 0 else others
        if series:
            weight *= 1.0 - 0.8 * sum(term in t for t in series) / len(series)
        # a word taken whole from a fragment is weighed by the genre as the fragment was (全国
        # 文明城市 is written where 文明城市 is)
        genre = max(genre_weight(term, df), genre_weight(core.get(term, term), df))
        return shift, weight, weight * genre

    core: dict[str, str] = {}
    rows = {t: r for t in shortlist - folded if (r := row(t))}
    # a phrase always written inside one longer word is that word (文明城市 → 全国文明城市);
    # when that word would begin or end with a lone character, the fragment just goes. Asked
    # of the phrases that would be listed (the others cannot matter)
    named = _named()
    texts = (text_old, text_new)
    for p in sorted({s.term for shifts in _lists(list(rows.values()), names, 2 * TOP).values()
                     for s in shifts}):
        if p in variant_of.values() or _is_named(p):
            continue
        whole = _closure(p, texts)
        if whole == p:
            continue
        del rows[p]
        if whole not in shortlist and _words(whole, df):
            shortlist.add(whole)
            names.add(whole)
            core[whole] = p
            c_old[whole], c_new[whole] = grep_count(text_old, whole), grep_count(text_new, whole)
            if r := row(whole):
                rows[whole] = r
    for p in _fold({p: c_old[p] for p in rows}, {p: c_new[p] for p in rows}):
        del rows[p]
    return _lists(list(rows.values()), names, TOP)


def _lists(rows: list, names: set[str], top: int) -> dict[str, list[PriorityShift]]:
    least = lambda s: MIN_COUNT if s.term in names else MIN_COUNT_WORD  # noqa: E731
    # new and dropped: a phrase most reports of the genre write is pushed down (its absence
    # from one of two reports says little); rising and falling: by the change of rate
    new_terms = [(s, g) for s, _, g in rows
                 if s.old == 0 and s.new >= least(s) and s.new * g >= MIN_SCORE]
    dropped = [(s, g) for s, _, g in rows
               if s.new == 0 and s.old >= least(s) and s.old * g >= MIN_SCORE]
    rising = [(s, g) for s, _, g in rows if s.old and s.new >= least(s) and s.z >= Z_SHIFT
              and s.new_rate > s.old_rate and s.new - s.old >= MIN_CHANGE]
    falling = [(s, g) for s, _, g in rows if s.new and s.old >= least(s) and s.z <= -Z_SHIFT
               and s.new_rate < s.old_rate and s.old - s.new >= MIN_CHANGE]
    return {"new": _listed(sorted(new_terms, key=lambda x: (-x[0].new * x[1], x[0].term)), top),
            "dropped": _listed(sorted(dropped, key=lambda x: (-x[0].old * x[1], x[0].term)), top),
            "rising": _listed(sorted(rising, key=lambda x: (-x[0].z * x[1], x[0].term)), top),
            "falling": _listed(sorted(falling, key=lambda x: (x[0].z * x[1], x[0].term)), top)}


def _listed(ranked: list[tuple[PriorityShift, float]], top: int) -> list[PriorityShift]:
    """The first ``top`` of a ranked list, without a phrase that holds one listed above it
    (新时代中国特色社会主义 below 新时代 is the same shift)."""
    out: list[PriorityShift] = []
    for s, _ in ranked:
        if not any(p.term in s.term for p in out):
            out.append(s)
            if len(out) == top:
                break
    return out


def _shortlist(pool: set[str], t_old: dict, t_new: dict, n_old: int, n_new: int,
               names: set[str], terms: frozenset, df: dict[str, float],
               size: int = 5 * TOP) -> set[str]:
    """The phrases that can make one of the four lists, judged on token counts."""
    import heapq

    new, dropped, changed = [], [], []
    for term in pool:
        y_old, y_new = t_old[term], t_new[term]
        w = _weight(term, names, terms, generic=False) * genre_weight(term, df)
        if y_old == 0:
            new.append((-y_new * w, term))
        elif y_new == 0:
            dropped.append((-y_old * w, term))
        z = log_odds_z(y_new, n_new, y_old, n_old, y_old + y_new, n_old + n_new)
        changed.append((z * w, term))
    keep = {t for _, t in heapq.nsmallest(size, new)}
    keep.update(t for _, t in heapq.nsmallest(size, dropped))
    keep.update(t for _, t in heapq.nsmallest(size, changed))
    keep.update(t for _, t in heapq.nlargest(size, changed))
    return keep


def _weight(term: str, names: set[str], terms: frozenset, generic: bool = True) -> float:
    """How much a phrase looks like a priority an analyst would name: a policy term of the
    lexicon, or a phrase that holds one (地方政府债务), most; then a quoted or numbered name, a
    phrase of several tokens or a compound word of four characters or more (民营企业, 简政放权);
    a word least."""
    policy, common = _kind(term)
    if policy:
        return LEXICON_WEIGHT
    if (term in names or len(term) >= 4) and not _heads().search(term):
        weight = 1.0 + 0.05 * min(len(term), 8)
        return weight * GENERIC_PHRASE if generic and common else weight
    return 0.5


@lru_cache(maxsize=1 << 16)
def _kind(term: str) -> tuple[bool, bool]:
    """Whether a phrase is (or holds) a policy term or a numbered name, and whether it is a
    combination of common words: facts of the phrase alone, kept across the pairs of a run."""
    policy = bool(term in _tables()[0] or _lexicon_term().search(term) or _is_named(term))
    return policy, not policy and _generic_phrase(term, genre_df())


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    """The last words of organisations and works (自治区党委, 污水处理厂)."""
    return re.compile("(?:" + "|".join(map(re.escape, lexicon.load("priorities")["heads"])) + ")$")


@lru_cache(maxsize=1)
def _lexicon_term() -> re.Pattern[str]:
    terms = sorted(_tables()[0], key=lambda t: (-len(t), t))
    return re.compile("|".join(re.escape(t) for t in terms if len(t) >= 3))


def phrase_counts(report: Report) -> tuple[Counter, set[str]]:
    """The candidate phrases of one report (what a cache keeps of its segmentation for the
    priorities): see ``candidates``."""
    return candidates(report)
