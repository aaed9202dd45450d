"""Lines of any shape back into paragraphs, one a line, before parsing.

Copies come one sentence or one clause a line (translation-memory and parallel-corpus
exports), hard-wrapped at a fixed width (fixed-width tools, PDF text), with a heading marker
broken from its text (``（`` / ``三）…``) or a lead sentence alone on its line. The shape is
read from statistics over the lines (sentence stops inside lines, the share of lines of one
width, how lines end), and the lines are joined only when the shape says they are pieces: a
clean copy, one paragraph a line, is returned as it is. A rejoined line keeps the numbers of
its first and last source lines.

>>> from reportdiff.model import Line
>>> pieces = ["一、2023年工作回顾", "过去一年，面对复杂严峻的形势，", "我们迎难而上、攻坚克难、砥砺前行，",
...           "地区生产总值增长百分之六。", "城镇新增就业一万两千余人次，", "居民消费价格涨幅保持在百分之三以内。"] * 5
>>> lines = [Line(i, t) for i, t in enumerate(pieces, 1)]
>>> line_shape(lines)
Shape('sentences', 0)
>>> out, joined = rejoin(lines, blank=set())
>>> [(ln.number, ln.last, ln.text[:8]) for ln in out[:3]], joined
([(1, 0, '一、2023年工'), (2, 6, '过去一年，面对复'), (7, 0, '一、2023年工')], 20)
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicon
from ..cnnum import cn_to_int
from ..model import Line
from .normalize import normalize_line

#: how a paragraph (or a line that is a whole unit: a heading, 各位代表：) may end
FINAL = tuple("。！？；：…”’）)」』!?;:")
_CLAUSE_END = tuple("，、,—“（(《")
_STOP_INSIDE = re.compile(r"[。！？!?](?![”’）」』)]|$)")
_STOPS = re.compile(r"[。！？!?]")
_NARROW = re.compile("[\x00-\u10ff]+")
_SHORT = 12          # lines this short say little about the shape (headings, names)
_MIN_LINES = 12      # fewer body lines than this: too little to read a shape from
_WRAPPED_SHARE = 0.4  # this share of body lines of one width: hard-wrapped
_WHOLE_SHARE = 0.12   # fewer body lines than this hold a sentence stop inside: sentence pieces
_HEADING_ALONE = 30
_BLOCK_SHARE = 0.6   # blank lines around this share of headings: blank lines end paragraphs
_GAP_SHARE = 0.1     # … or, without headings, after this share of lines
_CLAUSE_STOPS = tuple("，；：,;:")
_CLAUSE_SHARE = 0.2  # this share of body lines ending at a clause stop: cut at clauses too
_SENTENCE_FINAL = tuple("。！？!?…”’」』")
#: a series whose items run this many characters on average heads paragraphs; one with shorter
#: items is an enumeration inside a paragraph (…注重以下几点。一是…。二是…). By marker style
#: (一是, 第一，, 1., （1）), from the clean copies of ../shared: 一是 items that head paragraphs
#: average 167–796 characters (22 of 24 series at 200 or more), inline ones 40–552 (135 of 140
#: under 200); 第一， items that head paragraphs 131–2206 (41 series), inline ones 63–279 (3 of
#: 6 under 125); （1） items 101 against 58 and 79; 1. has no series there to measure.
_ITEM_CHARS = (200, 125, 200, 90)


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = lexicon.load("headings")
    # the rules name their ordinal group `num`; alternated here, only the match matters
    rules = {r["name"]: "(?:" + r["pattern"].replace("?P<num>", "") + ")" for r in table["rules"]}
    strong = "|".join([rules["part"], rules["paren_cn"], table["lead"]["dash"], "^各位代表[：:！!，,]"])
    weak = "|".join(rules[k] for k in ("ordinal_shi", "ordinal_di", "arabic_dot", "paren_arabic"))
    # a line that is only the start of a marker (（ / 三 / 1 / （三 / 第一) and one that is
    # only its end (、… / ）… / .…)
    fragment = r"^[（(]?[一二三四五六七八九十\d]{0,3}$|^第[一二三四五六七八九十]{1,3}$"
    tail = r"^[、．.）)]|^[一二三四五六七八九十\d]{1,3}[、．.）)]|^[一二三四五六七八九十]{1,3}(部分|是|要)"
    return re.compile(strong), re.compile(weak), re.compile(fragment), re.compile(tail)


@lru_cache(maxsize=None)
def _series_rules() -> tuple[re.Pattern[str], ...]:
    """The paragraph-level series markers (一是 / 第一， / 1. / （1）), with their ordinal as
    group ``num``."""
    rules = {r["name"]: r["pattern"] for r in lexicon.load("headings")["rules"]}
    return tuple(re.compile(rules[k]) for k in ("ordinal_shi", "ordinal_di", "arabic_dot",
                                               "paren_arabic"))


@lru_cache(maxsize=None)
def _opener() -> re.Pattern[str]:
    return re.compile("|".join(lexicon.load("headings")["lead"]["openers"]))


def _ordinal(text: str) -> tuple[int, int] | None:
    """``(rule, ordinal)`` of a series marker opening ``text``, or None."""
    for k, rule in enumerate(_series_rules()):
        m = rule.match(text)
        if m and m.group("num"):
            try:
                return k, cn_to_int(m.group("num"))
            except ValueError:
                return None
    return None


def _starts_heading(text: str, weak: bool = False) -> bool:
    strong_re, weak_re, _, _ = _patterns()
    return bool(strong_re.match(text) or (weak and weak_re.match(text)))


def _heading_alone(text: str) -> bool:
    """A heading on a line of its own (一、2023年工作回顾), not one running on into its body
    nor the first clause of a heading cut at its comma."""
    return (len(text) <= _HEADING_ALONE and not _STOPS.search(text)
            and not text.endswith(_CLAUSE_END) and _starts_heading(text, weak=True))


def _width(text: str) -> int:
    """Display width: CJK and full-width forms count two columns, the rest one."""
    return len(text) + len(_NARROW.sub("", text))


class Shape:
    """What the lines are: ``paragraphs`` (clean), ``wrapped`` at ``width`` (in ``measure``
    units: characters or display columns) or ``sentences`` (cut at sentence or clause stops)."""

    __slots__ = ("kind", "width", "measure", "leads", "blocks", "raw", "clauses")

    def __init__(self, kind: str, width: int = 0, measure=len, leads: bool = False) -> None:
        self.kind, self.width, self.measure, self.leads = kind, width, measure, leads
        # ``sentences`` cut at clause stops too (，；： end many lines), not at 。！？ alone
        self.clauses = False
        self.blocks = False  # blank lines separate the paragraphs
        self.raw: dict[int, str] = {}

    def full(self, line: Line) -> bool:
        """Does ``line`` reach the wrapping width (measured on the source line: normalising
        changes lengths, ``, `` becomes ``，``)?"""
        text = self.raw.get(line.number, line.text)
        return self.measure(text) >= self.width - (1 if self.measure is _width else 0)

    def __repr__(self) -> str:
        return f"Shape({self.kind!r}, {self.width})"


def line_shape(lines: list[Line], raw: dict[int, str] | None = None) -> Shape:
    """Read the line shape from the body lines (those longer than a heading or a name);
    widths are measured on the ``raw`` source lines where given (by line number)."""
    raw = raw or {}
    body = [raw.get(ln.number, ln.text) for ln in lines if len(ln.text) > _SHORT]
    if len(body) < _MIN_LINES:
        return Shape("paragraphs", leads=_lead_split(lines))
    best = (0, 0, len)
    for measure in (len, _width):
        counts = Counter(measure(t) for t in body)
        width, hits = counts.most_common(1)[0]
        near = hits + counts.get(width - 1, 0) if measure is _width else hits
        if near > best[0]:
            best = (near, width, measure)
    if best[0] >= _WRAPPED_SHARE * len(body) and best[1] > _SHORT:
        shape = Shape("wrapped", best[1], best[2])
        shape.raw = raw
        return shape
    whole = sum(1 for t in body if _STOP_INSIDE.search(t[:-1]))
    if whole < _WHOLE_SHARE * len(body):
        shape = Shape("sentences")
        shape.clauses = sum(t.endswith(_CLAUSE_STOPS) for t in body) >= _CLAUSE_SHARE * len(body)
        return shape
    return Shape("paragraphs", leads=_lead_split(lines))


def _lone_lead(text: str, marked: bool = True) -> bool:
    """A short sentence alone on its line, such as a paragraph's topic sentence; with
    ``marked``, also one after a section marker (一是加快改革。), whose title it is."""
    max_chars = lexicon.load("headings")["lead"]["max_chars"]
    text = text.lstrip("—")  # a dash bullet's lead (——综合实力显著增强。) too
    if not (text.endswith("。") and 2 < len(text) <= max_chars + 1 and "。" not in text[:-1]):
        return False
    _, weak, _, _ = _patterns()
    return marked and not _patterns()[0].match(text) or not weak.match(text) \
        and not _patterns()[0].match(text)


def _lead_split(lines: list[Line]) -> bool:
    """Lead sentences stand on lines of their own, their bodies on the next line: short
    one-sentence lines followed by a body line outnumber the paragraphs that open with such a
    sentence on the same line (in a clean copy, most leads share their paragraph's line)."""
    alone = inline = 0
    for a, b in zip(lines, lines[1:]):
        if _lone_lead(a.text, marked=False):
            alone += len(b.text) > _SHORT and not _starts_heading(b.text, weak=True)
        else:
            stop = a.text.find("。") + 1
            inline += 0 < stop < len(a.text) and _lone_lead(a.text[:stop], marked=False)
    return alone >= 3 and alone > inline


def rejoin(lines: list[Line], blank: set[int], *, wrapped: bool = False,
           raw: dict[int, str] | None = None) -> tuple[list[Line], int]:
    """Lines joined back into paragraphs, and how many source lines were joined onto another.

    ``blank`` holds the source line numbers that were blank: a blank line always ends a
    paragraph. ``wrapped`` says the format wraps lines (PDF text): when no width stands out,
    a line continues unless it ends a sentence. ``raw`` gives the source text of each line
    number, for widths.

    >>> pdf = [Line(1, "现在，我代表区人民政府向"), Line(2, "大会报告工作。"), Line(3, "一、2023年工作回顾")]
    >>> [ln.text for ln in rejoin(pdf, set(), wrapped=True)[0]]
    ['现在，我代表区人民政府向大会报告工作。', '一、2023年工作回顾']
    """
    count = len(lines)
    shape = line_shape(lines, raw)
    if wrapped and shape.kind != "wrapped":
        shape = Shape("wrapped")
    if shape.kind == "paragraphs" and not shape.leads:
        return lines, count - len(lines)
    shape.blocks = _blocks(lines, blank)
    paragraphs: list[list[Line]] = []
    for line in lines:
        if paragraphs and not _gap(paragraphs[-1][-1], line, blank) \
                and _continues(paragraphs[-1], line, shape,
                               paragraphs[-2][-1].text if len(paragraphs) > 1 else ""):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    if shape.kind == "sentences" and not shape.blocks:
        paragraphs = _group(paragraphs, shape.clauses)
    return [_merge(p) for p in paragraphs], count - len(paragraphs)


def _group(sentences: list[list[Line]], clauses: bool = False) -> list[list[Line]]:
    """Sentences of a copy with nothing between its paragraphs grouped into paragraphs: a
    sentence runs on the paragraph before it unless something says a paragraph starts there —
    a heading, a dash bullet, a salutation, an opener (这一年，我们… / 五年来，…), an item of a
    series whose items are paragraphs, page clutter (dropped line by line after this), or the
    line end before it that is no full stop (a title, a name, a paragraph closing on a colon
    keep their line end in a copy cut at full stops); a title or a name (no stop at its end)
    is a paragraph of its own. In a copy cut at ``clauses``, a colon before a series item is
    no paragraph end: the item runs on unless its series heads paragraphs."""
    texts = [p[-1].text for p in sentences]
    firsts = [p[0].text for p in sentences]
    whole = ["".join(ln.text for ln in p) for p in sentences]
    heads = _series_heads(whole)
    clutter = lexicon.alternation("clutter", "lines")
    appendix = lexicon.alternation("clutter", "appendix_starts")
    alone = {k for k, t in enumerate(whole) if clutter.search(t) or appendix.search(t)}
    out: list[list[Line]] = []
    for k, pieces in enumerate(sentences):
        first, prev = firsts[k], texts[k - 1] if k else ""
        if clauses and prev.endswith(("：", ":")) and _ordinal(first):
            prev = prev[:-1] + "。"
        if not out or k in heads or k in alone or k - 1 in alone \
                or not prev.endswith(_SENTENCE_FINAL) \
                or not texts[k].endswith(_SENTENCE_FINAL + _CLAUSE_STOPS) \
                or _heading_alone(prev) or _salutation(prev) or _heading_alone(first) \
                or k and _short_heading(whole[k - 1]) \
                or _starts_heading(first) or _opener().match(whole[k]):
            out.append(list(pieces))
        else:
            out[-1].extend(pieces)
    return out


def _short_heading(text: str) -> bool:
    """A heading (一、 / （一）) on a short line that no full stop ends: its title is the line,
    whatever punctuation a damaged copy left in it (三、2014年重点工作?)."""
    return len(text) <= _HEADING_ALONE and not text.endswith("。") and _starts_heading(text)


def _salutation(text: str) -> bool:
    return len(text) <= 6 and text.startswith(("各位代表", "同志们"))


def _series_heads(texts: list[str]) -> set[int]:
    """Indexes of the sentences that open the items of a series whose items are paragraphs
    (long on average, the last item aside: where it ends is not known)."""
    heads: set[int] = set()
    open_series: dict[int, list[int]] = {}  # rule -> indexes of its items so far

    def close(rule: int) -> None:
        items = open_series.pop(rule, [])
        if len(items) >= 2:
            sizes = [sum(len(t) for t in texts[a:b]) for a, b in zip(items, items[1:])]
            if sum(sizes) >= _ITEM_CHARS[rule] * len(sizes):
                heads.update(items)

    for k, text in enumerate(texts):
        if _starts_heading(text) or _heading_alone(text):
            for rule in list(open_series):
                close(rule)
            continue
        hit = _ordinal(text)
        if not hit:
            continue
        rule, n = hit
        items = open_series.get(rule)
        if items and n == len(items) + 1:
            items.append(k)
        else:
            close(rule)
            if n == 1:
                open_series[rule] = [k]
    for rule in list(open_series):
        close(rule)
    return heads


def _merge(pieces: list[Line]) -> Line:
    """One line from the pieces of a paragraph, normalised again as a whole (a number cut at
    its decimal point, 2． / 73万亿元, is one number again)."""
    if len(pieces) == 1:
        return pieces[0]
    first, last = pieces[0], pieces[-1]
    return Line(first.number, normalize_line("".join(p.text for p in pieces)), first.heading,
                last.last or last.number)


def _blocks(lines: list[Line], blank: set[int]) -> bool:
    """Do blank lines separate the paragraphs? They do when they stand around the headings
    (a copy cut into pieces keeps the blank lines its paragraphs had), or, with no headings,
    after a good share of the lines."""
    around = gapped = gaps = 0
    for a, b in zip(lines, lines[1:]):
        gap = _gap(a, b, blank)
        gaps += gap
        if _heading_alone(a.text) or _heading_alone(b.text):
            around += 1
            gapped += gap
    if around >= 3:
        return gapped >= _BLOCK_SHARE * around
    return gaps >= _GAP_SHARE * len(lines)


def _gap(prev: Line, line: Line, blank: set[int]) -> bool:
    return any(n in blank for n in range((prev.last or prev.number) + 1, line.number))


def _continues(pieces: list[Line], line: Line, shape: Shape, before: str) -> bool:
    """Does ``line`` continue the paragraph made of ``pieces`` so far (``before`` ends the
    paragraph before that one)?"""
    text, nxt = pieces[-1].text, line.text
    if _heading_alone(text):
        return False
    if shape.blocks and shape.kind == "sentences":
        return True  # blank lines end paragraphs: 二、… inside a block is a list inside one
    if _starts_heading(nxt):
        return False
    if shape.kind == "wrapped":
        if not shape.width:  # width unknown: a line continues unless it ends a sentence
            return not text.endswith(FINAL)
        if not shape.full(pieces[-1]):
            return False
        # where blank lines end paragraphs, a full line always runs on; elsewhere a full line
        # that ends a sentence before 一是… may end its paragraph at the margin
        return shape.blocks or not (text.endswith(FINAL) and _starts_heading(nxt, weak=True))
    if shape.kind == "sentences":
        if shape.clauses and text.endswith(("：", ":")) and _ordinal(nxt):
            return False  # …以下几点：一是…: whether the items head paragraphs is read later
        # a copy cut at sentence stops alone keeps the colon that ends a paragraph
        # (…主要做了以下工作：) at the end of its line; one cut at clauses does not
        return text.endswith(_CLAUSE_END) or (shape.clauses and text.endswith(_CLAUSE_STOPS)
                                              and not text.startswith(("各位代表", "同志们")))
    # the last of a list of one-sentence dash bullets (——A。 ——B。) is not a lead
    listed = text.startswith("—") and before.startswith("—") and _lone_lead(before)
    # a lead has one body line: a lead, then its body, then the next lead
    return shape.leads and len(pieces) == 1 and _lone_lead(text) and len(nxt) > _SHORT \
        and not listed


def join_markers(lines: list[Line]) -> tuple[list[Line], int]:
    """A heading marker broken from its text (``（`` / ``三）扩大内需``, ``一`` / ``、回顾``)
    joined back: a line that is only a marker's start, followed by a marker's end. Before
    clutter is dropped: a bracket alone on its line is clutter otherwise.

    >>> join_markers([Line(4, "（"), Line(5, "三）扩大内需"), Line(6, "一是扩大消费。")])[0]
    [Line(number=4, text='（三）扩大内需', heading=0, last=5), Line(number=6, text='一是扩大消费。', heading=0, last=0)]
    """
    _, _, fragment, tail = _patterns()
    out: list[Line] = []
    for line in lines:
        if out and fragment.match(out[-1].text) and tail.match(line.text) \
                and _starts_heading(out[-1].text + line.text, weak=True):
            prev = out[-1]
            out[-1] = Line(prev.number, normalize_line(prev.text + line.text), prev.heading,
                           line.last or line.number)
        else:
            out.append(line)
    return out, len(lines) - len(out)
