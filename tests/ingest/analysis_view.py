"""What a degraded copy must share with its clean copy: the parts of an analysis that do not
depend on where the copy breaks its lines (line numbers are left out on purpose)."""
from __future__ import annotations

from reportdiff import parse
from reportdiff.ingest import read_text
from reportdiff.model import Report


def analyse(data: bytes, name: str = "copy.txt") -> Report:
    return parse(read_text(data, name=name))


def tree(report: Report) -> list[tuple]:
    return [(s.id, s.number, s.title, s.role) for s in report.walk()]


def paragraphs(report: Report) -> list[tuple]:
    return [(p.id, p.text) for _, p in report.paragraphs()]


def texts(report: Report) -> list[tuple]:
    """The text each section holds (and the preamble's), however it is cut into paragraphs:
    the content-level view of a copy whose paragraph breaks cannot be read from its layout."""
    return [("0", "".join(p.text for p in report.preamble))] + [
        (s.id, "".join(p.text for p in s.paragraphs)) for s in report.walk()]


def metrics(report: Report) -> list[tuple]:
    return [(m.value, m.value_high, m.unit, m.kind, m.indicator, m.sentence)
            for m in report.metrics]


def targets(report: Report) -> list[tuple]:
    return [(t.indicator, t.value, t.value_high, t.unit, t.bound, t.kind, t.sentence, t.where)
            for t in report.targets]


def meta(report: Report) -> dict:
    return report.meta.to_dict()


VIEWS = {"meta": meta, "tree": tree, "paragraphs": paragraphs, "texts": texts,
         "metrics": metrics, "targets": targets}
#: where the copy's layout cannot say where paragraphs break (a hard wrap with no blank lines,
#: one sentence a line and nothing between paragraphs), the paragraphs themselves are not
#: compared, only the text each section holds; everything else must still be equal
CONTENT = ("meta", "tree", "texts", "metrics", "targets")


def differences(clean: Report, copy: Report, views=tuple(VIEWS)) -> list[str]:
    """The views in which ``copy`` differs from ``clean`` (empty when the analyses agree)."""
    return [name for name in views if VIEWS[name](clean) != VIEWS[name](copy)]
