"""A merged or split section's text appears once (issue 10, item 6): the aligned groups of a
view hold each unit's text once, a part linked as a unit holds only its intro (the paragraphs
before its first section), and `compare --section` shows one panel per view with the section's
text once beside all of its counterparts. On ../shared text."""
from __future__ import annotations

import os
from collections import Counter

import pytest
from rich.console import Console

import reportdiff
from reportdiff.align.textdiff import groups_for
from reportdiff.model import VIEWS
from tests.conftest import require_corpora

PAIRS = [("district-hailar-derek-s/hailar-2015.txt", "district-hailar-derek-s/hailar-2016.txt"),
         ("national-dxcarl/national-2013.txt", "national-dxcarl/national-2014.txt"),
         ("national-dxcarl/national-2017.txt", "national-dxcarl/national-2018.txt")]


@pytest.fixture(scope="module")
def comparisons():
    corpora = require_corpora()
    return {old: reportdiff.compare(corpora / old, corpora / new) for old, new in PAIRS}


def _paragraph_lines(sections) -> list[tuple[int, int]]:
    return [p.lines for s in sections for p in s.all_paragraphs()]


@pytest.mark.parametrize("pair", [p[0] for p in PAIRS])
def test_every_paragraph_appears_once_per_side_of_a_view(comparisons, pair):
    c = comparisons[pair]
    for view in VIEWS:
        groups = c.groups(view)
        for side in ("old", "new"):
            seen = Counter(line for g in groups for line in _paragraph_lines(getattr(g, side)))
            twice = [line for line, n in seen.items() if n > 1]
            assert not twice, (view, side, twice[:5])


def test_a_part_linked_as_a_unit_is_its_intro_only(comparisons):
    c = comparisons["national-dxcarl/national-2013.txt"]
    part = next(p for p in c.old.sections if p.id == "2")
    assert part.sections  # 2.1–2.4 are its sections; the intro is 总体要求 and the targets
    groups = [g for g in c.groups("plan_vs_plan") if any(s.id == "2" for s in g.old)]
    assert len(groups) == 1
    intro = next(s for s in groups[0].old if s.id == "2")
    assert not intro.sections
    assert [p.lines for p in intro.paragraphs] == [p.lines for p in part.paragraphs]
    first_section_text = part.sections[0].paragraphs[0].text
    old_text = "".join(t for op, t in groups[0].runs if op != "insert")
    assert old_text.count(first_section_text[:40]) <= 1  # its own unit's text, once


def _terminal(c, spec: str) -> str:
    from reportdiff.render.diff_terminal import section_diff

    console = Console(width=120, record=True, color_system=None, file=open(os.devnull, "w"))
    console.print(section_diff(c, spec))
    return console.export_text()


def test_section_diff_shows_a_split_section_once_beside_all_its_counterparts(comparisons):
    c = comparisons["national-dxcarl/national-2017.txt"]
    # national-2017 3.1 splits three ways in both views (alignments/gold README)
    splits = {view: [l for l in c.links[view] if l.old == "3.1"] for view in VIEWS}
    assert len(splits["plan_vs_plan"]) >= 2
    found = groups_for(c, "old:3.1")
    assert [view for view, _ in found] == [v for v in VIEWS if splits[v]]  # one per view
    for view, group in found:
        assert [s.id for s in group.old].count("3.1") == 1
        assert {l.new for l in splits[view]} <= {s.id for s in group.new}
    text = _terminal(c, "old:3.1")
    assert text.count("plan against plan:") == 1
    assert text.count("what was done against what was planned") == 1
    # the review side-by-side names each counterpart once, heading its own paragraphs
    review = text.split("plan against plan:", 1)[0]
    new_ids = [l.new for l in splits["review_vs_plan"]]
    if len(new_ids) > 1:
        for sid in new_ids:
            assert review.count(f"【{sid} ") == 1
