"""The units an alignment works on: the sections of a report's review part(s) and of its plan
part(s), with the text and tokens that describe them.

Review units are the level-2 sections of every part whose role is ``review``; plan units those
of every part whose role is ``plan``, ``targets`` or ``government``. A part with no sections
is a unit itself. (Where a part has no numbered sections, the parser already made its
lead-sentence paragraphs the sections, so they are the units.)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Report, Section
from .tokens import content_tokens

REVIEW_ROLES = ("review",)
PLAN_ROLES = ("plan", "targets", "government")


@dataclass(frozen=True)
class Unit:
    section: Section
    position: float          # 0..1: where the unit stands among its side's units
    title_tokens: Counter
    body_tokens: Counter

    @property
    def id(self) -> str:
        return self.section.id

    @property
    def title(self) -> str:
        return self.section.title


def units(report: Report, roles: tuple[str, ...]) -> list[Unit]:
    """The alignment units of ``report`` for parts with one of ``roles``."""
    sections: list[Section] = []
    for part in report.sections:
        if part.role not in roles:
            continue
        sections.extend(part.sections or (part,))
    out = []
    for k, section in enumerate(sections):
        body = " ".join([section.title] + [p.text for p in section.all_paragraphs()])
        out.append(Unit(section, k / max(len(sections) - 1, 1),
                        Counter(content_tokens(section.title)), Counter(content_tokens(body))))
    return out


def review_units(report: Report) -> list[Unit]:
    return units(report, REVIEW_ROLES)


def plan_units(report: Report) -> list[Unit]:
    return units(report, PLAN_ROLES)
