"""The data model: what every stage hands to the next.

Frozen dataclasses; ``to_dict()`` gives the JSON contract's shape (CONTRACT.md), keys in
contract order, so the same input always serialises to the same bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

REPORT_SCHEMA = "reportdiff/report@1"
METRICS_SCHEMA = "reportdiff/metrics@1"


class Rows(tuple):
    """A tuple of model rows that also gives a pandas DataFrame (pandas imported lazily)."""

    def to_dicts(self) -> list[dict]:
        return [row.to_dict() for row in self]

    def to_rows(self) -> list[dict]:
        """Flat dicts for tables (``to_row`` where the model has one)."""
        return [row.to_row() if hasattr(row, "to_row") else row.to_dict() for row in self]

    def to_frame(self):
        import pandas as pd

        dicts = self.to_rows()
        if not dicts:
            return pd.DataFrame(columns=list(getattr(self, "columns", ())))
        return _float_columns(pd.DataFrame(dicts))


_NUMERIC_NAME = re.compile(r"(^|_)(value|value_high|delta|score|z|rate)$")


def _float_columns(frame):
    """Numeric columns as float whatever mixes of int and None they hold, so that a value
    column has one dtype in every table (a value column of only None too)."""
    for name in frame.columns:
        values = [v for v in frame[name] if v is not None and v == v]
        numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)
        if numeric and (values or _NUMERIC_NAME.search(str(name))):
            frame[name] = frame[name].astype(float)
    return frame


def _rows(columns: tuple[str, ...]):
    # registered under a name derived from its columns, so that pickle finds the class again
    # (the panel's cache and its worker processes pickle Reports and Comparisons)
    import hashlib

    name = "_Rows_" + hashlib.sha1(" ".join(columns).encode()).hexdigest()[:12]
    cls = type(name, (Rows,), {"columns": columns, "__module__": __name__, "__qualname__": name})
    globals()[name] = cls
    return cls


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
    """One line of clean text and its 1-based line number in the decoded source; ``heading``
    is the level a format marked it with (a .docx "Heading 1" style is 1), else 0; ``last``
    is the last source line of a paragraph rejoined from several lines (0: ``number``)."""

    number: int
    text: str
    heading: int = 0
    last: int = 0


@dataclass(frozen=True, slots=True)
class CleanText:
    """The output of ingest: normalised lines that still know where they came from."""

    source: Source
    lines: tuple[Line, ...]
    warnings: tuple[Notice, ...] = ()
    # clutter removed from the head of the text: a photo caption may be the only line
    # naming the speaker (省长NAME作政府工作报告)
    removed_head: tuple[Line, ...] = ()

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
class Metric:
    """A quantity the report states (CONTRACT.md, metrics document)."""

    id: str
    section: str | None
    paragraph: str | None
    role: str
    sentence: str
    surface: str
    start: int
    end: int
    indicator: str | None
    kind: str
    value: float | int
    value_high: float | int | None
    unit: str
    qualifier: str | None
    year: int | None
    lines: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "section": self.section, "paragraph": self.paragraph,
                "role": self.role, "sentence": self.sentence, "surface": self.surface,
                "start": self.start, "end": self.end, "indicator": self.indicator,
                "kind": self.kind, "value": self.value, "value_high": self.value_high,
                "unit": self.unit, "qualifier": self.qualifier, "year": self.year,
                "lines": list(self.lines) if self.lines else None}


@dataclass(frozen=True, slots=True)
class Target:
    """A target the report sets for its plan year; ``value`` is None when unquantified."""

    id: str
    section: str | None      # the paragraph id, as in CONTRACT.md's example ("2.p3")
    sentence: str
    surface: str
    indicator: str
    kind: str
    value: float | int | None
    value_high: float | int | None
    unit: str | None
    bound: str | None
    year: int | None
    qualifier: str | None = None
    where: str = "passage"   # "passage" (the targets passage) or "elsewhere" (赤字率拟按3%安排)
    lines: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "section": self.section, "sentence": self.sentence,
                "surface": self.surface, "indicator": self.indicator, "kind": self.kind,
                "value": self.value, "value_high": self.value_high, "unit": self.unit,
                "bound": self.bound, "year": self.year, "qualifier": self.qualifier,
                "where": self.where, "lines": list(self.lines) if self.lines else None}


MetricRows = _rows(tuple(Metric.__dataclass_fields__))
TargetRows = _rows(tuple(Target.__dataclass_fields__))


@dataclass(frozen=True, slots=True)
class Report:
    source: Source
    meta: Meta
    warnings: tuple[Notice, ...] = ()
    preamble: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)
    metrics: Rows = field(default_factory=MetricRows)
    targets: Rows = field(default_factory=TargetRows)

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

    def metrics_document(self) -> dict:
        """The metrics document of CONTRACT.md (``reportdiff metrics --json``)."""
        return {"schema": METRICS_SCHEMA, "source": self.source.to_dict(),
                "meta": self.meta.to_dict(), "metrics": self.metrics.to_dicts(),
                "targets": self.targets.to_dicts()}

    @property
    def chars(self) -> int:
        """Characters of paragraph text: the length priorities are normalised by."""
        return sum(len(p.text) for _, p in self.paragraphs())

    def paragraphs(self) -> Iterator[tuple[Section | None, Paragraph]]:
        """Every paragraph with the section that holds it (None for the preamble)."""
        for paragraph in self.preamble:
            yield None, paragraph
        for section in self.walk():
            for paragraph in section.paragraphs:
                yield section, paragraph

    def __repr__(self) -> str:
        m = self.meta
        return (f"<Report {m.region or '?'} {m.plan_year or '?'} ({self.source.path}): "
                f"{sum(1 for _ in self.walk())} sections, {len(self.metrics)} metrics, "
                f"{len(self.targets)} targets>")

    def __rich__(self):
        from .render.terminal import report_tree

        return report_tree(self)

    def _repr_html_(self) -> str:
        from .render.html import report_html

        return report_html(self)


COMPARISON_SCHEMA = "reportdiff/comparison@1"
VIEWS = ("review_vs_plan", "plan_vs_plan", "review_vs_review")


#: Links scoring below this are shown as "possible match". Measured on the gold alignments
#: (alignments/gold/, both views): 10 of 12 links scoring 0.1–0.2 are right, against 0.94 or
#: better in every bucket above.
WEAK_SCORE = 0.2


@dataclass(frozen=True, slots=True)
class SectionLink:
    """One row of a section map: ``old`` and ``new`` are section ids (None for new/dropped)."""

    old: str | None
    new: str | None
    relation: str
    score: float | None
    source: str = "auto"  # "auto", or "alignments" when the row came from a user's file
    moved: bool = False   # the pair left the order of the others (a section moved)

    @property
    def weak(self) -> bool:
        """A link between two sections scored below ``WEAK_SCORE``: a possible match, to be
        checked by reading (a link from the user's alignment file is never weak)."""
        return (self.old is not None and self.new is not None and self.source == "auto"
                and self.score is not None and self.score < WEAK_SCORE)

    def to_dict(self) -> dict:
        return {"old": self.old, "new": self.new, "relation": self.relation,
                "score": self.score, "source": self.source, "moved": self.moved,
                "weak": self.weak}


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """A target of the old report against the new report's review.

    ``indicator`` is the canonical name; ``reported_as`` the name as the report writes it
    (国内生产总值, or the 城镇 member of a 城乡 pair); ``note`` says in plain words why a status
    is ``unclear`` or ``not_reported``; ``evidence`` is the review sentence it rests on."""

    indicator: str
    target: Target
    outcome: Metric | None
    status: str
    delta: float | None
    polarity: str = "up"
    note: str | None = None
    evidence: str | None = None
    reported_as: str | None = None

    @property
    def name(self) -> str:
        """The indicator as the report names it."""
        return self.reported_as or self.target.indicator or self.indicator

    @property
    def magnitude(self) -> str | None:
        """The magnitude the target was written in (亿 for 326.4亿元), for its figures."""
        from .figures import magnitude

        return magnitude(self.target.surface, self.target.unit)[0]

    def texts(self) -> dict:
        """Target, outcome and delta as a reader writes them (the target's magnitude)."""
        from .figures import figure_text, signed_text

        t, o = self.target, self.outcome
        target = figure_text(t.value, t.value_high, t.unit)
        if t.bound and t.bound not in ("exact", "range") and t.value is not None:
            target += f" ({t.bound})"
        return {"target": target,
                "outcome": figure_text(o.value, o.value_high, o.unit) if o else "—",
                "delta": signed_text(self.delta, t.unit, self.magnitude)}

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "target": self.target.to_dict(),
                "outcome": self.outcome.to_dict() if self.outcome else None,
                "status": self.status, "delta": self.delta, "polarity": self.polarity,
                "note": self.note, "evidence": self.evidence, "reported_as": self.name}

    def to_row(self) -> dict:
        """A flat row for tables and CSV: base-unit values, and beside each the value and unit
        as the report writes them (``display_*``)."""
        from .figures import delta_display

        t, o = self.target, self.outcome
        mag = self.magnitude
        tv, tu = delta_display(t.value, t.unit, mag)
        ov, ou = delta_display(o.value, o.unit, mag if o and o.unit == t.unit else None) \
            if o else (None, None)
        dv, du = delta_display(self.delta, t.unit, mag)
        return {"indicator": self.name, "canonical": self.indicator, "target_id": t.id,
                "target_value": t.value, "target_value_high": t.value_high, "target_unit": t.unit,
                "target_display_value": tv, "target_display_unit": tu, "bound": t.bound,
                "target_kind": t.kind, "target_paragraph": t.section,
                "outcome_value": o.value if o else None, "outcome_unit": o.unit if o else None,
                "outcome_display_value": ov, "outcome_display_unit": ou,
                "outcome_kind": o.kind if o else None, "outcome_surface": o.surface if o else None,
                "outcome_paragraph": o.paragraph if o else None, "status": self.status,
                "delta": self.delta, "delta_display_value": dv,
                "delta_display_unit": du if self.delta is not None else None,
                "polarity": self.polarity, "note": self.note, "evidence": self.evidence}


@dataclass(frozen=True, slots=True)
class Change:
    """An indicator stated in both reviews."""

    indicator: str
    old: Metric
    new: Metric
    delta: float | None

    def to_dict(self) -> dict:
        return {"indicator": self.indicator, "old": self.old.to_dict(), "new": self.new.to_dict(),
                "delta": self.delta}

    @property
    def magnitude(self) -> str | None:
        """The magnitude the new review writes the figure in."""
        from .figures import magnitude

        return magnitude(self.new.surface, self.new.unit)[0]

    def texts(self) -> dict:
        from .figures import figure_text, signed_text

        o, n = self.old, self.new
        return {"old": figure_text(o.value, o.value_high, o.unit),
                "new": figure_text(n.value, n.value_high, n.unit),
                "delta": signed_text(self.delta, n.unit, self.magnitude)}

    def to_row(self) -> dict:
        from .figures import delta_display

        dv, du = delta_display(self.delta, self.new.unit, self.magnitude)
        return {"indicator": self.indicator, "kind": self.new.kind, "unit": self.new.unit,
                "old_value": self.old.value, "new_value": self.new.value, "delta": self.delta,
                "delta_display_value": dv, "delta_display_unit": du,
                "old_paragraph": self.old.paragraph, "new_paragraph": self.new.paragraph}


@dataclass(frozen=True, slots=True)
class PriorityShift:
    """A key phrase and how often each report uses it."""

    term: str
    old: int
    new: int
    z: float = 0.0
    old_rate: float = 0.0   # per 10k characters of the old text
    new_rate: float = 0.0

    def to_dict(self) -> dict:
        return {"term": self.term, "old": self.old, "new": self.new, "z": round(self.z, 3),
                "old_rate": self.old_rate, "new_rate": self.new_rate}


# --- Commitments: the promises of a plan and what the next review says of them -------------


@dataclass(frozen=True, slots=True)
class Commitment:
    """A concrete promise of a plan part: ``action`` (with its ``stage``: 1 start, 2 under way,
    3 finished) on ``object``, with the ``strength`` words before it and the id of the metric
    that states its figure."""

    id: str
    section: str | None
    paragraph: str | None
    lines: tuple[int, int] | None
    sentence: str
    clause: str
    action: str
    stage: int
    object: str
    strength: str | None
    metric: str | None

    @property
    def wording(self) -> str:
        """The strength and action as written (稳步推进)."""
        return (self.strength or "") + self.action


@dataclass(frozen=True, slots=True)
class Evidence:
    """A review sentence that speaks of a commitment."""

    section: str | None
    lines: tuple[int, int] | None
    sentence: str
    paragraph: str | None = None

    def to_dict(self) -> dict:
        return {"section": self.section, "lines": list(self.lines) if self.lines else None,
                "sentence": self.sentence, "paragraph": self.paragraph}


@dataclass(frozen=True, slots=True)
class CommitmentEntry:
    """A commitment of the old plan against the new review: ``status`` is ``done``,
    ``progress``, ``mentioned`` or ``silent``."""

    commitment: Commitment
    status: str
    evidence: tuple[Evidence, ...]
    score: float
    reason: str

    def to_dict(self) -> dict:
        c = self.commitment
        return {"id": c.id, "section": c.section, "lines": list(c.lines) if c.lines else None,
                "sentence": c.sentence, "action": c.action, "object": c.object,
                "strength": c.strength, "metric": c.metric, "status": self.status,
                "evidence": [e.to_dict() for e in self.evidence], "score": self.score,
                "reason": self.reason}

    def to_row(self) -> dict:
        c = self.commitment
        first = self.evidence[0] if self.evidence else None
        return {"id": c.id, "section": c.section, "line": c.lines[0] if c.lines else None,
                "strength": c.strength, "action": c.action, "object": c.object,
                "metric": c.metric, "status": self.status, "score": self.score,
                "evidence_section": first.section if first else None,
                "evidence_line": first.lines[0] if first and first.lines else None,
                "evidence": first.sentence if first else None, "reason": self.reason,
                "sentence": c.sentence}


@dataclass(frozen=True, slots=True)
class WordingShift:
    """The same object promised in both plans with another strength or stage."""

    object: str
    old: Commitment
    new: Commitment
    score: float

    def to_dict(self) -> dict:
        side = lambda c: {"strength": c.wording, "section": c.section,  # noqa: E731
                          "lines": list(c.lines) if c.lines else None, "sentence": c.sentence}
        return {"object": self.object, "old": side(self.old), "new": side(self.new),
                "score": self.score}

    def to_row(self) -> dict:
        return {"object": self.object, "old_wording": self.old.wording,
                "new_wording": self.new.wording, "old_section": self.old.section,
                "new_section": self.new.section, "old_sentence": self.old.sentence,
                "new_sentence": self.new.sentence, "score": self.score}


CommitmentRows = _rows(("id", "section", "line", "strength", "action", "object", "metric",
                        "status", "score", "evidence_section", "evidence_line", "evidence",
                        "reason", "sentence"))
WordingRows = _rows(("object", "old_wording", "new_wording", "old_section", "new_section",
                     "old_sentence", "new_sentence", "score"))


@dataclass(frozen=True, slots=True)
class Comparison:
    old: Report
    new: Report
    swapped: bool
    links: dict
    ledger: Rows
    changes: Rows
    priorities: dict
    warnings: tuple[Notice, ...] = ()
    withheld: str | None = None  # the warning code that withheld the ledger's statuses
    commitments: Rows = field(default_factory=CommitmentRows)
    wording: Rows = field(default_factory=WordingRows)

    def to_dict(self) -> dict:
        side = lambda r: {"source": r.source.to_dict(), "meta": r.meta.to_dict()}  # noqa: E731
        return {"schema": COMPARISON_SCHEMA, "old": side(self.old), "new": side(self.new),
                "swapped": self.swapped,
                "links": {view: [link.to_dict() for link in self.links[view]] for view in VIEWS},
                "ledger": [e.to_dict() for e in self.ledger],
                "changes": [c.to_dict() for c in self.changes],
                "priorities": {k: [p.to_dict() for p in v] for k, v in self.priorities.items()},
                "commitments": self.commitments.to_dicts(),
                "wording": self.wording.to_dicts(),
                "warnings": [w.to_dict() for w in self.warnings]}

    def to_json(self) -> str:
        from .render.jsonout import dumps

        return dumps(self.to_dict())

    def relation_counts(self, view: str = "review_vs_plan") -> dict[str, int]:
        """How many links of each relation a section map has (and how many are weak or
        moved)."""
        counts = {r: 0 for r in ("match", "renamed", "split", "merge", "new", "dropped")}
        for link in self.links[view]:
            counts[link.relation] += 1
        counts["weak"] = sum(1 for link in self.links[view] if link.weak)
        counts["moved"] = sum(1 for link in self.links[view] if link.moved)
        return counts

    def __rich__(self):
        from .render.compare_terminal import comparison_view

        return comparison_view(self)

    def _repr_html_(self) -> str:
        """A fragment for Jupyter, its styles scoped to it (``render_html`` is the full page)."""
        from .render.notebook import comparison_fragment

        return comparison_fragment(self)

    def __repr__(self) -> str:
        counts = {s: sum(1 for e in self.ledger if e.status == s)
                  for s in ("met", "missed", "not_reported", "unclear")}
        graded = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "no statuses"
        if self.withheld:
            graded = f"statuses withheld ({self.withheld})"
        return (f"<Comparison {self.old.meta.region or '?'} {self.old.meta.plan_year} → "
                f"{self.new.meta.plan_year}: {len(self.old.targets)} targets, {graded}; "
                f"{len(self.links['review_vs_plan'])} review links>")

    def to_frames(self) -> dict:
        """``ledger``, ``links``, ``changes``, ``priorities``, ``commitments`` and ``wording``
        as pandas DataFrames."""
        from .render.tables import frames

        return frames(self)

    def groups(self, view: str = "plan_vs_plan") -> list["SectionGroup"]:
        """The aligned sections of a view, each section's text once, with their word diff."""
        from .align.textdiff import section_groups

        return section_groups(self, view)

    def pairs(self, view: str = "review_vs_plan") -> list["SectionPair"]:
        """The aligned sections of a view with their word-level diff, in map order."""
        from .align.textdiff import section_pairs

        return section_pairs(self, view)


@dataclass(frozen=True, slots=True)
class SectionPair:
    """An aligned old/new section pair (either side may be None) and its word diff."""

    link: SectionLink
    old: Section | None
    new: Section | None
    runs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class SectionGroup:
    """Links that share a section (a split or a merge, else one link), the sections on each
    side once each, the word diff of their texts and how many changes it holds."""

    links: tuple[SectionLink, ...]
    old: tuple[Section, ...]
    new: tuple[Section, ...]
    runs: tuple[tuple[str, str], ...]
    changes: int

    @property
    def relation(self) -> str:
        return self.links[0].relation

    @property
    def moved(self) -> bool:
        return any(link.moved for link in self.links)

    @property
    def weak(self) -> bool:
        return any(link.weak for link in self.links)


TIMELINE_SCHEMA = "reportdiff/timeline@1"


@dataclass(frozen=True, slots=True)
class Timeline:
    """Several reports of one series in plan-year order, each consecutive pair compared.

    ``series`` follows each known indicator through the reviews: one point per report that
    states it (value of the year reviewed)."""

    reports: tuple[Report, ...]
    comparisons: tuple[Comparison, ...]
    series: dict
    warnings: tuple[Notice, ...] = ()
    targets: dict = field(default_factory=dict)  # series key → [(plan year, report, Target)]
    phrases: dict = field(default_factory=dict)  # priority phrase → (first, last plan year)

    def charts(self) -> list[dict]:
        """Per followed indicator (stated in two reviews at least): its outcomes by year
        reviewed and its targets by plan year, as ``(year, value)`` points."""
        out = []
        for key, points in self.series.items():
            if len(points) < 2:
                continue
            out.append({"key": key, "unit": points[0][2].unit,
                        "outcomes": [(year, float(m.value)) for year, _, m in points if year],
                        "targets": [(year, float(t.value)) for year, _, t in self.targets.get(key, [])
                                    if year]})
        return out

    def to_dict(self) -> dict:
        return {"schema": TIMELINE_SCHEMA,
                "reports": [{"source": r.source.to_dict(), "meta": r.meta.to_dict()}
                            for r in self.reports],
                "pairs": [{"old": c.old.source.path, "new": c.new.source.path,
                           "links": {v: [l.to_dict() for l in c.links[v]] for v in VIEWS},
                           "ledger": [e.to_dict() for e in c.ledger],
                           "priorities": {k: [p.to_dict() for p in v]
                                          for k, v in c.priorities.items()}}
                          for c in self.comparisons],
                "series": {name: [{"year": year, "report": k, "metric": m.to_dict()}
                                  for year, k, m in points]
                           for name, points in self.series.items()},
                "phrases": [{"term": term, "first": first, "last": last}
                            for term, (first, last) in self.phrases.items()],
                "warnings": [w.to_dict() for w in self.warnings]}

    def to_json(self) -> str:
        from .render.jsonout import dumps

        return dumps(self.to_dict())

    def series_frame(self):
        """Indicators by year: one row per (indicator, kind, unit), one column per year."""
        import pandas as pd

        rows = [{"indicator": name, "year": year, "value": m.value, "unit": m.unit,
                 "kind": m.kind} for name, points in self.series.items()
                for year, _, m in points]
        if not rows:
            return pd.DataFrame(columns=["indicator", "kind", "unit"])
        frame = pd.DataFrame(rows)
        return frame.pivot_table(index=["indicator", "kind", "unit"], columns="year",
                                 values="value", aggfunc="first").reset_index()

    def ledger_frame(self):
        """Every target of every year against the next year's review."""
        import pandas as pd

        rows = [{"year": c.old.meta.plan_year, **e.to_row()} for c in self.comparisons
                for e in c.ledger]
        return _float_columns(pd.DataFrame(rows))

    def __repr__(self) -> str:
        years = [r.meta.plan_year for r in self.reports]
        return (f"<Timeline {self.reports[0].meta.region or '?'} {years[0]}–{years[-1]}: "
                f"{len(self.reports)} reports, {len(self.series)} indicators>")

    def __rich__(self):
        from .render.timeline_terminal import timeline_view

        return timeline_view(self)

    def _repr_html_(self) -> str:
        """A fragment for Jupyter, its styles scoped to it: each pair's scorecard counts."""
        from .render.notebook import timeline_fragment

        return timeline_fragment(self)
