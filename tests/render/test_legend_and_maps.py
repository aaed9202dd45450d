"""Confidence shown: a legend for the relation symbols, weak links drawn as possible matches,
priority labels that say what their figures are; the plan-against-plan map beside the review
map (terminal and HTML)."""
from __future__ import annotations

import os

import pytest
from rich.console import Console

import reportdiff
from reportdiff.model import WEAK_SCORE
from reportdiff.render.html import render_html
from tests.conftest import require_corpora


@pytest.fixture(scope="module")
def hailar():
    c = require_corpora() / "district-hailar-derek-s"
    return reportdiff.compare(c / "hailar-2017.txt", c / "hailar-2018.txt")


def _text(renderable, width=100) -> str:
    console = Console(width=width, record=True, color_system=None, file=open(os.devnull, "w"))
    console.print(renderable)
    return console.export_text()


def test_weak_links_are_possible_matches(hailar):
    links = hailar.links["review_vs_plan"]
    weak = [l for l in links if l.weak]
    assert weak and all(l.score < WEAK_SCORE and l.old and l.new for l in weak)
    assert all(not l.weak for l in links if l.score is not None and l.score >= WEAK_SCORE)
    text = _text(hailar)
    rows = [line for line in text.splitlines() if line.startswith("│") and "? possible" in line]
    assert len(rows) == sum(len([l for l in hailar.links[v] if l.weak])
                                           for v in ("review_vs_plan", "plan_vs_plan"))
    html = render_html(hailar)
    assert html.count('class="not-new not-dropped weak') + html.count(" weak ") >= len(weak)


def test_legend_and_glyphs_every_font_has(hailar):
    text = _text(hailar)
    assert "Relations:" in text and "possible match" in text and "split" in text
    html = render_html(hailar)
    assert 'id="legend"' in html
    for glyph in "⑂⑃⚠":
        assert glyph not in text.replace("⚠", "") and glyph not in html


def test_plan_against_plan_map_and_counts(hailar):
    text = _text(hailar)
    assert "Section map: plan against plan" in text
    counts = hailar.relation_counts("plan_vs_plan")
    assert sum(counts[r] for r in ("match", "renamed", "split", "merge", "new", "dropped")) == \
        len(hailar.links["plan_vs_plan"])
    line = next(l for l in text.splitlines() if l.startswith("plan against plan:"))
    for relation in ("renamed", "new"):
        assert f"{counts[relation]} {relation}" in line
    html = render_html(hailar)
    table = html.split('id="plan-map"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr class=") == len(hailar.links["plan_vs_plan"])


def test_priorities_say_what_the_figures_are(hailar):
    text = " ".join(_text(hailar).split())
    assert f"{hailar.old.chars:,} and {hailar.new.chars:,} characters" in text
