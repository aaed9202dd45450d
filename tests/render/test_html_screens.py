"""The HTML page on every screen, in Debian's chromium: no horizontal overflow at 1440 and
390 px, every symbol the page writes exists in the CJK font .ci/run installs, controls hidden
without JavaScript, the side-by-side plan diff (one scroller, next/previous, context only),
and a ledger row's click-through. Screenshots are kept in test-artifacts/."""
from __future__ import annotations

import subprocess
import unicodedata
from functools import lru_cache

import pytest

import reportdiff
from reportdiff.render.html import render_html
from tests.conftest import require_corpora
from tests.render.test_html_browser import ARTIFACTS, browser  # noqa: F401  (the fixture)

WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}
CHROME = ".rel, .status, .legend, .mark, .difftools, th, h1, h2, .keys, .cst, .counts, summary"


@lru_cache(maxsize=1)
def _font_charset() -> set[int]:
    """The code points of fonts-wqy-microhei (the font the page asks for first)."""
    path = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"],
                          capture_output=True, text=True).stdout.strip()
    assert "wqy" in path.lower(), f"fonts-wqy-microhei does not resolve (got {path!r})"
    ranges = subprocess.run(["fc-query", "--index", "0", "--format", "%{charset}", path],
                            capture_output=True, text=True).stdout.split()
    points: set[int] = set()
    for r in ranges:
        lo, _, hi = r.partition("-")
        points.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return points


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    corpora = require_corpora() / "district-hailar-derek-s"
    out = tmp_path_factory.mktemp("screens")
    made = {}
    for name, (a, b) in {"hailar": ("hailar-2018.txt", "hailar-2019.txt"),
                         "withheld": ("hailar-2017.txt", "hailar-2019.txt")}.items():
        c = reportdiff.compare(corpora / a, corpora / b)
        path = out / f"{name}.html"
        path.write_text(render_html(c), encoding="utf-8")
        made[name] = (c, path)
    return made


def _page(browser, path, width, height, js=True):  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": height},
                                  java_script_enabled=js)
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(path.as_uri())
    return context, page


@pytest.mark.parametrize("screen", list(WIDTHS))
@pytest.mark.parametrize("name", ["hailar", "withheld"])
def test_no_horizontal_overflow_and_screenshots(browser, pages, screen, name):  # noqa: F811
    c, path = pages[name]
    width, height = WIDTHS[screen]
    context, page = _page(browser, path, width, height)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px"
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                     && getComputedStyle(e).display !== 'none'
                     && !e.closest('.diffgrid, .pane'))
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert wide == [], wide
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=False)
    if name == "hailar":
        page.locator("#plan_vs_plan").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"{name}-plandiff-{width}.png"), full_page=False)
    context.close()


def test_every_symbol_the_page_writes_is_in_the_font(browser, pages):  # noqa: F811
    c, path = pages["hailar"]
    context, page = _page(browser, path, 1440, 900)
    text = page.evaluate(f"[...document.querySelectorAll('{CHROME}')].map(e => e.innerText).join('')")
    context.close()
    charset = _font_charset()
    symbols = {ch for ch in text if ord(ch) > 0x7E and not unicodedata.category(ch).startswith("Z")}
    assert symbols, "the page's own labels were not found"
    missing = sorted(f"{ch} U+{ord(ch):04X}" for ch in symbols if ord(ch) not in charset)
    assert missing == [], f"shown as boxes with fonts-wqy-microhei: {missing}"


def test_controls_that_need_javascript_are_hidden_without_it(browser, pages):  # noqa: F811
    c, path = pages["hailar"]
    context, page = _page(browser, path, 1440, 900, js=False)
    assert not page.locator(".difftools button.next").first.is_visible()
    assert not page.locator(".filters").first.is_visible()
    assert page.locator("#plan_vs_plan .count").is_visible()  # the count needs no script
    assert page.locator("#scorecard .detail").first.is_visible()  # sentences shown instead
    context.close()


def test_plan_diff_scrolls_as_one_and_steps_through_changes(browser, pages):  # noqa: F811
    c, path = pages["hailar"]
    groups = c.groups("plan_vs_plan")
    total = sum(g.changes for g in groups)
    context, page = _page(browser, path, 1440, 900)
    section = page.locator("#plan_vs_plan")
    assert int(section.get_attribute("data-total")) == total > 0
    assert section.locator(".diffgroup").count() == len(groups)
    tops = page.evaluate("""[...document.querySelectorAll('#plan_vs_plan .diffgroup .diffrow')]
        .map(r => [r.children[0].getBoundingClientRect().top, r.children[1].getBoundingClientRect().top])""")
    assert all(abs(a - b) < 1 for a, b in tops)  # the two sides of every row start together
    section.locator("button.next").click()
    assert section.locator(".pos").inner_text() == f"change 1 of {total}"
    current = section.locator(".current").first
    assert current.is_visible() and current.get_attribute("data-h") == "1"
    section.locator("button.prev").click()
    section.locator("button.prev").click()
    assert section.locator(".pos").inner_text() == f"change {total - 1} of {total}"
    folds = section.locator(".fold")
    if folds.count():
        before = folds.first.bounding_box()
        section.locator("input.context-only").check()
        after = folds.first.bounding_box()
        assert after is None or after["height"] * after["width"] < before["height"] * before["width"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hailar-plandiff-context-1440.png"), full_page=False)
    context.close()


def test_split_and_merged_sections_appear_once(pages):
    c, _ = pages["hailar"]
    for view in ("plan_vs_plan", "review_vs_review"):
        ids = [s.id for g in c.groups(view) for s in g.old]
        assert len(ids) == len(set(ids)), view
        ids = [s.id for g in c.groups(view) for s in g.new]
        assert len(ids) == len(set(ids)), view


def test_a_ledger_row_opens_both_sentences_and_scrolls_both_panes(browser, pages):  # noqa: F811
    c, path = pages["hailar"]
    k = next(i for i, e in enumerate(c.ledger) if e.outcome and e.outcome.paragraph)
    e = c.ledger[k]
    context, page = _page(browser, path, 1440, 900)
    row = page.locator("#scorecard tr.ledger-row").nth(k)
    detail = row.locator(".detail")
    assert not detail.is_visible()
    row.locator("td").first.click()
    assert detail.is_visible()
    marks = detail.locator("mark").all_inner_texts()
    assert marks[0] == e.target.surface and marks[1] == e.outcome.surface
    for side, ident in (("old", e.target.section), ("new", e.outcome.paragraph)):
        inside = page.evaluate(f"""() => {{
            const el = document.getElementById('{side}-{ident}'), pane = el.closest('.pane');
            const a = el.getBoundingClientRect(), b = pane.getBoundingClientRect();
            return a.top >= b.top - 1 && a.top < b.bottom; }}""")
        assert inside, f"{side} pane not at {ident}"
    context.close()


@pytest.fixture(scope="module")
def timeline_pages(tmp_path_factory):
    corpora = require_corpora() / "district-hailar-derek-s"
    t = reportdiff.timeline([corpora / f"hailar-{y}.txt" for y in range(2015, 2020)])
    from reportdiff.render.html import write_timeline_html

    index = write_timeline_html(t, str(tmp_path_factory.mktemp("timeline")))
    from pathlib import Path

    return t, Path(index)


@pytest.mark.parametrize("screen", list(WIDTHS))
def test_timeline_index_has_series_charts_and_links(browser, timeline_pages, screen):  # noqa: F811
    t, index = timeline_pages
    width, height = WIDTHS[screen]
    context, page = _page(browser, index, width, height)
    followed = [k for k, points in t.series.items() if len(points) >= 2]
    assert page.locator("#series tbody tr").count() == len(followed) > 3
    assert page.locator(".chart svg").count() == len(t.charts()) == len(followed)
    gdp = page.locator("figure.chart", has_text="地区生产总值 (growth_pct, %)")
    assert gdp.locator("circle").count() == len(t.series["地区生产总值 (growth_pct, %)"])
    assert gdp.locator("rect").count() == len(t.targets["地区生产总值 (growth_pct, %)"]) > 0
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"timeline-index-{width}.png"), full_page=False)
    links = page.locator("#pairs a")
    assert links.count() == len(t.comparisons)
    links.nth(1).click()
    page.wait_for_load_state("load")
    nav = page.locator("nav.pagenav a").all_inner_texts()
    assert nav[0] == "timeline index" and len(nav) == 3  # index, previous pair, next pair
    page.locator("nav.pagenav a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("index.html")
    context.close()
