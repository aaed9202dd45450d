"""Damaged copies of every ../shared report analyse as the clean copy does (issue 8, item 2).

Each report is damaged at test time into each line shape of ``degrade`` (and clutter, GBK);
the copy's meta, section tree, paragraph texts, metrics and targets must equal the clean
copy's, and for a few consecutive pairs the ledger too. Cases that cannot be made equal are
listed in ``degradation_known.tsv`` with the reason, and run as strict xfails: when one
starts to pass the suite says so.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import CORPORA
from tests.ingest import degrade
from tests.ingest.analysis_view import CONTENT, VIEWS, analyse, differences

SHAPES = {
    "sentences+blank": lambda t: degrade.sentence_per_line(t, gap=True).encode(),
    "clauses+blank": lambda t: degrade.clause_per_line(t, gap=True).encode(),
    "wrap37": lambda t: degrade.hard_wrap(t, 37).encode(),
    "wrap80": lambda t: degrade.hard_wrap(t, 80).encode(),
    "markers": lambda t: degrade.split_markers(t).encode(),
    "leads": lambda t: degrade.split_leads(t).encode(),
    "one-line": lambda t: degrade.one_line(t).encode(),
    # nothing between paragraphs: no blank lines, no indentation, no separator
    "sentences": lambda t: degrade.unmarked(degrade.sentence_per_line(t)).encode(),
    "clauses": lambda t: degrade.unmarked(degrade.clause_per_line(t)).encode(),
    "one-line-nosep": lambda t: degrade.one_line(t, sep="").encode(),
    # page clutter and GBK bytes, on a copy wrapped at 37 with blank lines between paragraphs
    "gbk+clutter+wrap37+blank": lambda t: degrade.gbk_bytes(
        degrade.hard_wrap(degrade.add_clutter(t), 37, gap=True)),
}

#: Shapes whose layout cannot say where every paragraph breaks: a hard wrap with no blank lines
#: (a paragraph ending at the margin looks like a wrapped line), a lead alone on its line (the
#: clean copies have one-sentence paragraphs before a body too), nothing between paragraphs.
#: Their copies must hold the same tree, the same text in every section, the same metrics and
#: targets (with their sentences) as the clean copy, but may group a section's sentences into
#: paragraphs differently; every other shape must give the clean copy's very paragraphs.
UNMARKED = {"wrap37", "wrap80", "leads", "sentences", "clauses", "one-line-nosep"}

FILES = sorted(p.relative_to(CORPORA).as_posix() for p in CORPORA.rglob("*.txt")) \
    if CORPORA.is_dir() else ["(corpora missing)"]


def _known() -> dict[tuple[str, str], str]:
    path = Path(__file__).with_name("degradation_known.tsv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        return {(r["shape"], r["file"]): r["reason"] for r in rows}


KNOWN = _known()


def _cases():
    for shape in SHAPES:
        for name in FILES:
            reason = KNOWN.get((shape, name))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(shape, name, marks=marks, id=f"{shape}-{Path(name).stem}")


@lru_cache(maxsize=None)
def _clean(name: str):
    path = CORPORA / name
    return path.read_text("utf-8"), analyse(path.read_bytes(), path.name)


@pytest.mark.parametrize("shape, name", list(_cases()))
def test_damaged_copy_analyses_as_the_clean_copy(corpora, shape, name):
    text, clean = _clean(name)
    copy = analyse(SHAPES[shape](text), Path(name).name)
    assert differences(clean, copy, CONTENT if shape in UNMARKED else tuple(VIEWS)) == []


@pytest.mark.parametrize("name", FILES)
def test_clean_copy_is_not_rejoined(corpora, name):
    _, clean = _clean(name)
    assert "lines_rejoined" not in {w.code for w in clean.warnings}


def test_known_cases_name_real_shapes_and_files(corpora):
    assert {s for s, _ in KNOWN} <= set(SHAPES)
    assert UNMARKED <= set(SHAPES)
    assert {f for _, f in KNOWN} <= set(FILES)


def test_rejoined_copy_warns_and_points_to_source_lines(corpora):
    text, clean = _clean("national-dxcarl/national-2018.txt")
    copy = analyse(SHAPES["wrap37"](text), "national-2018.txt")
    assert "lines_rejoined" in {w.code for w in copy.warnings}
    assert "lines_rejoined" not in {w.code for w in clean.warnings}
    wrapped = SHAPES["wrap37"](text).decode().splitlines()
    spans = [(p.lines, p.text) for _, p in copy.paragraphs()]
    long = [(lines, t) for lines, t in spans if len(t) > 200]
    assert long and all(last > first for (first, last), _ in long)
    (first, last), body = long[0]
    assert "".join(wrapped[first - 1:last]) == body


@pytest.mark.parametrize("old, new", [("national-dxcarl/national-2017.txt",
                                       "national-dxcarl/national-2018.txt"),
                                      ("district-hailar-derek-s/hailar-2018.txt",
                                       "district-hailar-derek-s/hailar-2019.txt")])
@pytest.mark.parametrize("shape", ["wrap80", "sentences+blank", "markers", "sentences", "clauses"])
def test_ledger_of_damaged_pair_matches_clean_pair(corpora, old, new, shape):
    from reportdiff.align import compare

    clean = compare(_clean(old)[1], _clean(new)[1])
    copy = compare(analyse(SHAPES[shape](_clean(old)[0]), Path(old).name),
                   analyse(SHAPES[shape](_clean(new)[0]), Path(new).name))
    statuses = [(e.target.indicator, e.status) for e in clean.ledger]
    assert statuses
    assert [(e.target.indicator, e.status) for e in copy.ledger] == statuses


@pytest.mark.parametrize("name", ["national-dxcarl/national-2016.txt",   # 一是… items head paragraphs
                                  "national-dxcarl/national-2017.txt",
                                  "national-dxcarl/national-2018.txt",   # …注重以下几点。一是… inline
                                  "district-hailar-derek-s/hailar-2012.txt"])
@pytest.mark.parametrize("shape", ["sentences", "clauses"])
def test_series_without_paragraph_marks(corpora, shape, name):
    """With nothing between paragraphs, a series whose items are paragraphs is still the
    part's or section's sections, and an enumeration inside a paragraph is still text: the
    numbered sections of the copy are the clean copy's (its lead-sentence units may differ)."""
    text, clean = _clean(name)
    copy = analyse(SHAPES[shape](text), Path(name).name)

    def numbered(report):
        return [(s.number, s.title, s.role) for s in report.walk() if s.number]
    assert numbered(clean)
    assert numbered(copy) == numbered(clean)
