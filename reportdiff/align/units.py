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
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dataclasses import replace

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
    for part in report.sections:
        if part.role not in roles:
            continue
        intro = part_intro(part)
        for section in ([intro] if intro else []) + list(part.sections or (part,)):
            sections.append(section)
            roles_of[section.id] = part.role
    out = []
    for k, section in enumerate(sections):
        texts = [p.text for p in section.all_paragraphs()]
        title = Counter(content_tokens(section.title))
        # each piece of text is tokenized once: the body is its pieces and the heading
        parts = _pieces(texts)
        pieces = [Counter(content_tokens(text)) for text in parts]
        body = Counter(title)
        for piece in pieces:  # update in place: sum() of Counters copies at every step
            body.update(piece)
        chunks = tuple(c for c, text in zip(pieces, parts) if len(text) >= 30)
        out.append(Unit(section, k / max(len(sections) - 1, 1), title, body, chunks,
                        _bigrams(" ".join([section.title] + texts)), roles_of[section.id]))
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
    grams: Counter = Counter()
    for run in _HAN_RUN.findall(text):
        grams.update(run[k:k + 2] for k in range(len(run) - 1))
    return grams


def _pieces(texts: list[str], size: int = 120) -> list[str]:
    """The pieces a unit's topics can move in: its paragraphs, or, for a unit of one or two
    long paragraphs, runs of sentences of about ``size`` characters. Together they are the
    unit's whole text."""
    if len(texts) >= 3:
        return texts
    out: list[str] = []
    for text in texts:
        buf = ""
        for sentence in re.split(r"(?<=[。；！？])", text):
            buf += sentence
            if len(buf) >= size:
                out.append(buf)
                buf = ""
        if buf:
            if out and len(buf) < size // 2:
                out[-1] += buf
            else:
                out.append(buf)
    return out


def review_units(report: Report) -> list[Unit]:
    return units(report, REVIEW_ROLES)


def plan_units(report: Report) -> list[Unit]:
    return units(report, PLAN_ROLES)
