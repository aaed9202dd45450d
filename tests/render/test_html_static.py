"""The HTML page without a browser: self-contained, escaped, anchored."""
from __future__ import annotations

import re

import reportdiff
from markupsafe import escape
from reportdiff.render.html import render_html
from tests.conftest import ROOT


def _page():
    c = reportdiff.compare(ROOT / "corpora" / "sample" / "shili-2023.txt",
                           ROOT / "corpora" / "sample" / "shili-2024.txt")
    return c, render_html(c)


def test_no_remote_resources_and_a_strict_csp():
    _, html = _page()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp


def test_every_scorecard_and_map_link_has_its_anchor():
    c, html = _page()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    hrefs = re.findall(r'href="#([^"]+)"', html)
    assert hrefs and all(h in ids for h in hrefs)
    for entry in c.ledger:
        assert f'href="#old-{entry.target.section}"' in html
        if entry.outcome:
            assert f'href="#new-{entry.outcome.paragraph}"' in html


def test_repr_html_for_jupyter():
    # a fragment for a notebook cell, not the page (issue 10 item 8: styles scoped to it)
    c, html = _page()
    fragment = c._repr_html_()
    assert fragment != html and "<body" not in fragment and "<script" not in fragment
    assert fragment.startswith('<div class="rdx">')
    for entry in c.ledger:
        assert str(escape(entry.name)) in fragment


def test_report_repr_html_escapes_its_text():
    report = reportdiff.parse("各位代表：\n一、<script>x</script>回顾\n二、2024年工作安排\n".encode(), name="<i>.txt")
    html = report._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;回顾" in html
    assert "&lt;i&gt;.txt" in html


def test_comparison_frames():
    c, _ = _page()
    frames = c.to_frames()
    assert set(frames) == {"ledger", "links", "changes", "priorities", "commitments", "wording"}
    assert len(frames["links"]) == sum(len(v) for v in c.links.values())
    assert set(frames["links"]["view"]) == {"review_vs_plan", "plan_vs_plan", "review_vs_review"}
