"""The units an alignment works on: the sections of a report's review part(s) and of its plan
part(s), with the text and tokens that describe them.

Review units are the level-2 sections of every part whose role is ``review``; plan units those
of every part whose role is ``plan``, ``targets`` or ``government``. A part with no sections
is a unit itself. (Where a part has no numbered sections, the parser already made its
lead-sentence paragraphs the sections, so they are the units.) The paragraphs a part has before
its first section — the overall requirements, the targets, the policy orientation, the
review's opening summary — are a unit of their own with the part's id, when they amount to
more than a transition sentence, so a reader sees where the targets paragraph went. (A part
as a unit is always its own paragraphs: all of its text when it has no sections.)

A unit's ``topics`` are its paragraphs less the report's framing (lexicon/units.toml: a review
part's wrap-up from 成绩来之不易/清醒认识到/体会 on, closing calls, the leadership and
supervision clauses): the paragraphs by which a plan unit is found reported in a review's
opening summary (sections.py). A unit that explains the targets (关于经济增长目标) is marked
``explains_targets``: its figures are reported where the targets are.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import add

from dataclasses import replace

from ..lexicon import alternation
from ..model import Report, Section
from .tokens import content_tokens

INTRO_MIN_CHARS = 100  # shorter part intros are transitions (面对…，我们要…), not units
REVIEW_ROLES = ("review",)
PLAN_ROLES = ("plan", "targets", "government")


@dataclass(frozen=True)
class Unit:
    section: Section
    position: float          # 0..1: where the unit stands among its side's units
    title_tokens: Counter
    body_tokens: Counter
    chunks: tuple = ()       # token Counters of its paragraphs (or sentence groups)
    bigrams: Counter = None  # character bigrams of its text: catch 棚户区改造 ~ 棚改区改造
    role: str = ""           # the role of its part (plan, government, …)
    intro: bool = False      # a part's intro (the paragraphs before its first section)
    topics: tuple = ()       # its chunks without the framing paragraphs (frame_paragraphs)
    explains_targets: bool = False  # a 关于经济增长目标 unit (lexicon/units.toml)

    @property
    def id(self) -> str:
        return self.section.id

    @property
    def title(self) -> str:
        return self.section.title


def units(report: Report, roles: tuple[str, ...]) -> list[Unit]:
    """The alignment units of ``report`` for parts with one of ``roles``."""
    sections: list[Section] = []
    roles_of: dict[str, str] = {}
    intros: set[str] = set()
    framing: set = set()
    for part in report.sections:
        if part.role not in roles:
            continue
        framing |= frame_paragraphs(part)
        intro = part_intro(part)
        if intro:
            intros.add(intro.id)
        for section in ([intro] if intro else []) + list(part.sections or (part,)):
            sections.append(section)
            roles_of[section.id] = part.role
    formula = alternation("units", "formula")
    explains = alternation("units", "explains_targets")
    out = []
    for k, section in enumerate(sections):
        paragraphs = list(section.all_paragraphs())
        texts = [p.text for p in paragraphs]
        title = Counter(content_tokens(section.title))
        # each piece of text is tokenized once: the body is its pieces and the heading
        parts = _pieces(texts)
        words = [content_tokens(text) for text, _ in parts]
        pieces = [Counter(w) for w in words]
        body = Counter(title)
        # the pieces' tokens counted in C, in their order: the same counts, keys in the same
        # order as adding the pieces' Counters one by one (sum() would copy at every step)
        body.update(chain.from_iterable(words))
        chunks = tuple(c for c, (text, _) in zip(pieces, parts) if len(text) >= 30)
        topics = tuple(_topic(c, text, formula) for c, (text, k) in zip(pieces, parts)
                       if len(text) >= 30 and paragraphs[k].lines not in framing)
        out.append(Unit(section, k / max(len(sections) - 1, 1), title, body, chunks,
                        _bigrams(" ".join([section.title] + texts)), roles_of[section.id],
                        section.id in intros, topics,
                        bool(explains.search(section.title) or explains.search(texts[0]
                                                                              if texts else ""))))
    return out


def frame_paragraphs(part: Section) -> set[tuple[int, int]]:
    """The lines of ``part``'s paragraphs that frame the report rather than state a topic
    (lexicon/units.toml): salutations alone, closing calls (让我们…) and the period's framing
    (…是…极不平凡的五年。) anywhere, and in a review part everything from its wrap-up on
    (成绩来之不易, 清醒认识到…, 以下几点体会)."""
    wrap_up, closing = alternation("units", "wrap_up"), alternation("units", "closing")
    out = set()
    wrapped = False
    for paragraph in part.all_paragraphs():
        text = paragraph.text
        wrapped = wrapped or (part.role == "review" and bool(wrap_up.search(text)))
        if wrapped or closing.search(text):
            out.add(paragraph.lines)
    return out


def part_intro(part: Section) -> Section | None:
    """The paragraphs before ``part``'s first section as a unit of their own (the part's id
    and title, without its sections), or None when the part has no sections or only a short
    transition before them."""
    if not part.sections or sum(len(p.text) for p in part.paragraphs) < INTRO_MIN_CHARS:
        return None
    return replace(part, lines=(part.lines[0], part.paragraphs[-1].lines[1]), sections=())


def unit_sections(report: Report) -> dict[str, Section]:
    """Every section by id as a unit sees it: a part that has sections stands for its intro
    (its own paragraphs only)."""
    out = {s.id: s for s in report.walk()}
    for part in report.sections:
        if part.sections:
            out[part.id] = part_intro(part) or replace(part, sections=())
    return out


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _bigrams(text: str) -> Counter:
    # run[k] + run[k + 1] is run[k:k + 2]; all runs' bigrams in order, counted in one C call
    return Counter(chain.from_iterable(map(add, run, run[1:]) for run in _HAN_RUN.findall(text)))


def _topic(tokens: Counter, text: str, formula) -> Counter:
    """A piece's tokens less those of the formula clauses it holds (在…领导下，)."""
    clauses = [m.group(0) for m in formula.finditer(text)]
    if not clauses:
        return tokens
    out = Counter(tokens)
    for clause in clauses:
        out.subtract(content_tokens(clause))
    return +out


def _pieces(texts: list[str], size: int = 120) -> list[tuple[str, int]]:
    """The pieces a unit's topics can move in, each with the index of its paragraph: its
    paragraphs, or, for a unit of one or two long paragraphs, runs of sentences of about
    ``size`` characters (a short tail joins the piece before it, which keeps that piece's
    paragraph). Together they are the unit's whole text."""
    if len(texts) >= 3:
        return [(text, k) for k, text in enumerate(texts)]
    out: list[tuple[str, int]] = []
    for k, text in enumerate(texts):
        buf = ""
        for sentence in re.split(r"(?<=[。；！？])", text):
            buf += sentence
            if len(buf) >= size:
                out.append((buf, k))
                buf = ""
        if buf:
            if out and len(buf) < size // 2:
                out[-1] = (out[-1][0] + buf, out[-1][1])
            else:
                out.append((buf, k))
    return out


def review_units(report: Report) -> list[Unit]:
    return units(report, REVIEW_ROLES)


def plan_units(report: Report) -> list[Unit]:
    return units(report, PLAN_ROLES)
