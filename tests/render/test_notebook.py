"""Jupyter: the comparison's fragment keeps its styles to itself; repr is one short line."""
from __future__ import annotations

import re

import reportdiff
from tests.conftest import ROOT
from tests.render.test_html_browser import browser  # noqa: F401  (the fixture)

SAMPLE = ROOT / "corpora" / "sample"
PROPS = ("font-family", "font-size", "border-collapse", "border-bottom-width", "padding-left",
         "background-color", "color", "position", "text-align", "line-height")


def _comparison():
    return reportdiff.compare(SAMPLE / "shili-2023.txt", SAMPLE / "shili-2024.txt")


def test_fragment_has_no_page_wide_rules():
    html = _comparison()._repr_html_()
    assert "<body" not in html and "<script" not in html and "sticky" not in html
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    assert selectors and all(part.strip().startswith(".rdx") for sel in selectors
                             for part in sel.split(","))


def _scoped(html: str) -> bool:
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    return bool(selectors) and all(part.strip().startswith(".rdx") for sel in selectors
                                   for part in sel.split(","))


def test_repr_is_a_short_summary_line(tmp_path):
    c = _comparison()
    panel = reportdiff.panel([SAMPLE], cache_dir=tmp_path)
    for obj in (c, c.old, reportdiff.timeline([SAMPLE / "shili-2023.txt", SAMPLE / "shili-2024.txt"]),
                panel):
        text = repr(obj)
        assert "\n" not in text and len(text) < 200 and text.startswith("<")
    assert "6 met" in repr(c)
    # the sample's panel: 4 reports, three graded years (the gold of corpora/sample/GOLD.md)
    assert repr(panel).startswith("<Panel 1 series, 4 reports, 36 targets (15 met, 5 missed")


def test_panel_and_timeline_fragments_keep_to_themselves(tmp_path):
    files = sorted(SAMPLE.glob("shili-*.txt"))
    panel = reportdiff.panel([SAMPLE], cache_dir=tmp_path)
    timeline = reportdiff.timeline(files)
    for html in (panel._repr_html_(), timeline._repr_html_()):
        assert "<body" not in html and "<script" not in html and "sticky" not in html
        assert _scoped(html)
    # one row per series / per consecutive pair, the counts as the terminal gives them
    assert panel._repr_html_().count("<tr>") == 1 + 1
    assert '<td class="rdx-met">15</td>' in panel._repr_html_()
    assert timeline._repr_html_().count("<tr>") == 1 + 3


def test_frames_beside_a_comparison_keep_their_style(browser, tmp_path):  # noqa: F811
    c = _comparison()
    frames = c.to_frames()
    notebook = "<style>body{font-size:14px} table{border-collapse:separate}</style>"
    cells = frames["ledger"].head(3).to_html() + frames["links"].head(3).to_html()
    plain = tmp_path / "plain.html"
    mixed = tmp_path / "mixed.html"
    plain.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{notebook}</head><body>"
                     f"{cells}</body></html>", encoding="utf-8")
    mixed.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'>{notebook}</head><body>"
                     f"{frames['ledger'].head(3).to_html()}{c._repr_html_()}"
                     f"{frames['links'].head(3).to_html()}</body></html>", encoding="utf-8")
    script = ("props => [...document.querySelectorAll('body, table.dataframe, table.dataframe th, "
              "table.dataframe td')].map(e => props.map(p => getComputedStyle(e)"
              ".getPropertyValue(p)))")
    styles = []
    for path in (plain, mixed):
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        page = context.new_page()
        page.goto(path.as_uri())
        styles.append(page.evaluate(script, list(PROPS)))
        assert page.locator(".rdx table").count() == (1 if path is mixed else 0)
        context.close()
    assert len(styles[0]) == len(styles[1]) > 10
    assert styles[0] == styles[1]
