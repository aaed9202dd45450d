"""The data model: what every stage hands to the next.

Frozen dataclasses; ``to_dict()`` gives the JSON contract's shape (CONTRACT.md), keys in
contract order, so the same input always serialises to the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

REPORT_SCHEMA = "reportdiff/report@1"


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning about the input: ``code`` is stable (CONTRACT.md), ``message`` for people."""

    code: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    sha256: str
    format: str
    encoding: str | None

    def to_dict(self) -> dict:
        return {"path": self.path, "sha256": self.sha256, "format": self.format,
                "encoding": self.encoding}


@dataclass(frozen=True, slots=True)
class Line:
    """One line of clean text and its 1-based line number in the decoded source."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class CleanText:
    """The output of ingest: normalised lines that still know where they came from."""

    source: Source
    lines: tuple[Line, ...]
    warnings: tuple[Notice, ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Meta:
    title: str | None = None
    region: str | None = None
    level: str | None = None
    delivered: str | None = None
    session: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    kind: str | None = None

    def to_dict(self) -> dict:
        return {"title": self.title, "region": self.region, "level": self.level,
                "delivered": self.delivered, "session": self.session, "speaker": self.speaker,
                "speaker_title": self.speaker_title, "review_year": self.review_year,
                "plan_year": self.plan_year, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    lead: str | None
    text: str
    lines: tuple[int, int]

    def to_dict(self) -> dict:
        return {"id": self.id, "lead": self.lead, "text": self.text, "lines": list(self.lines)}


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    level: int
    number: str | None
    title: str
    role: str
    lines: tuple[int, int]
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple["Section", ...] = ()

    def walk(self) -> Iterator["Section"]:
        """This section and all below it, in document order."""
        yield self
        for child in self.sections:
            yield from child.walk()

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of this section and its descendants, in document order."""
        yield from self.paragraphs
        for child in self.sections:
            yield from child.all_paragraphs()

    def to_dict(self) -> dict:
        return {"id": self.id, "level": self.level, "number": self.number, "title": self.title,
                "role": self.role, "lines": list(self.lines),
                "paragraphs": [p.to_dict() for p in self.paragraphs],
                "sections": [s.to_dict() for s in self.sections]}


@dataclass(frozen=True, slots=True)
class Report:
    source: Source
    meta: Meta
    warnings: tuple[Notice, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def walk(self) -> Iterator[Section]:
        for part in self.sections:
            yield from part.walk()

    def section(self, section_id: str) -> Section:
        for sec in self.walk():
            if sec.id == section_id:
                return sec
        raise KeyError(section_id)

    def to_dict(self) -> dict:
        return {"schema": REPORT_SCHEMA, "source": self.source.to_dict(),
                "meta": self.meta.to_dict(),
                "warnings": [w.to_dict() for w in self.warnings],
                "preamble": [p.to_dict() for p in self.preamble],
                "sections": [s.to_dict() for s in self.sections]}

    def to_json(self) -> str:
        from .render.jsonout import dumps

        return dumps(self.to_dict())

    def __rich__(self):
        from .render.terminal import report_tree

        return report_tree(self)
