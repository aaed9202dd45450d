"""The HTML page in a real browser: Debian's chromium driven by Python playwright.

Needs /usr/bin/chromium (``.ci/run`` installs it with apt); skipped with a reason when it is
missing outside CI, and failing under CI=true.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import reportdiff
from reportdiff.render.html import render_html
from tests.conftest import ROOT, require_corpora

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"


def _need_browser():
    if Path(CHROMIUM).exists() and shutil.which("chromium"):
        try:
            import playwright  # noqa: F401
            return
        except ImportError:
            pass
    if os.environ.get("CI") == "true":
        pytest.fail("chromium or playwright missing: .ci/run must install them")
    pytest.skip("needs Debian's chromium at /usr/bin/chromium and python playwright")


@pytest.fixture(scope="module")
def browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def hailar_page(tmp_path_factory):
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    path = tmp_path_factory.mktemp("html") / "hailar.html"
    path.write_text(render_html(c), encoding="utf-8")
    return c, path


def _open(browser, path, requests):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if not r.request.url.startswith("file://"):
            requests.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page.route("**/*", route)
    page.on("request", lambda req: None if req.url.startswith("file://") else requests.append(req.url))
    page.goto(path.as_uri())
    return context, page, dialogs


def test_page_loads_with_no_network_request(browser, hailar_page):
    c, path = hailar_page
    requests: list[str] = []
    context, page, _ = _open(browser, path, requests)
    page.wait_for_load_state("load")
    assert requests == []
    assert page.title().endswith("reportdiff")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hailar-2018-2019.png"), full_page=False)
    context.close()


def test_scorecard_has_one_row_per_target(browser, hailar_page):
    c, path = hailar_page
    context, page, _ = _open(browser, path, [])
    rows = page.locator("#scorecard tbody tr")
    assert rows.count() == len(c.old.targets) == 5
    context.close()


def test_clicking_a_scorecard_row_scrolls_to_the_outcome_paragraph(browser, hailar_page):
    c, path = hailar_page
    context, page, _ = _open(browser, path, [])
    entry_index = next(k for k, e in enumerate(c.ledger) if e.outcome)
    outcome_id = "new-" + c.ledger[entry_index].outcome.paragraph
    row = page.locator("#scorecard tbody tr").nth(entry_index)
    assert page.evaluate("window.scrollY") == 0
    row.locator("td").first.click()
    page.wait_for_function(f"location.hash === '#{outcome_id}'")
    top = page.evaluate(f"document.getElementById('{outcome_id}').getBoundingClientRect().top")
    assert 0 <= top < 900
    context.close()


def test_report_text_with_script_and_onerror_is_shown_as_text(browser, tmp_path):
    hostile = ("政府工作报告\n——2024年1月9日在示例区第三届人民代表大会第四次会议上\n示例区人民政府区长 王明\n各位代表：\n"
               "一、2023年工作回顾\n（一）<script>alert(1)</script>创新。地区生产总值增长5%。<img src=x onerror=alert(2)>\n"
               "二、2024年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n")
    old = (ROOT / "corpora" / "sample" / "shili-2023.txt").read_bytes()
    c = reportdiff.compare(reportdiff.parse(old, name="shili-2023.txt"),
                           reportdiff.parse(hostile.encode(), name="<b>hostile</b>.txt"))
    path = tmp_path / "hostile.html"
    path.write_text(render_html(c), encoding="utf-8")
    requests: list[str] = []
    context, page, dialogs = _open(browser, path, requests)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the page's own
    body = page.inner_text("body")
    assert "<script>alert(1)</script>" in body and "<img src=x onerror=alert(2)>" in body
    assert "<b>hostile</b>.txt" in body
    context.close()


def test_filter_hides_unchanged_sections(browser, tmp_path):
    c = reportdiff.compare(ROOT / "corpora" / "sample" / "shili-2023.txt",
                           ROOT / "corpora" / "sample" / "shili-2024.txt")
    assert any(l.relation == "match" for l in c.links["review_vs_plan"])
    path = tmp_path / "sample.html"
    path.write_text(render_html(c), encoding="utf-8")
    context, page, _ = _open(browser, path, [])
    unchanged = page.locator("#section-map tr.unchanged").first
    assert unchanged.is_visible()
    page.check("input[name=filter][value=changed]")
    assert not unchanged.is_visible()
    assert page.locator("#section-map tr:not(.unchanged)").first.is_visible()
    page.check("input[name=filter][value=new]")
    visible = [r for r in page.locator("#section-map tbody tr").all() if r.is_visible()]
    assert visible and all("new" in r.inner_text() for r in visible)
    ARTIFACTS.mkdir(exist_ok=True)
    page.check("input[name=filter][value=all]")
    page.screenshot(path=str(ARTIFACTS / "sample-2023-2024.png"), full_page=False)
    context.close()


def test_readable_with_javascript_off(browser, hailar_page):
    c, path = hailar_page
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    assert page.locator("#scorecard tbody tr").count() == 5
    assert page.locator("#section-map tbody tr").first.is_visible()
    assert page.locator("details.pair").first.is_visible()
    context.close()


def test_review_against_plan_is_promises_with_evidence_and_a_status_filter(browser, hailar_page):
    c, path = hailar_page
    context, page, _ = _open(browser, path, [])
    rows = page.locator("table.commitments tr.commitment")
    assert rows.count() == len(c.commitments)
    silent = page.locator("tr.commitment.st-silent")
    assert silent.count() == sum(e.status == "silent" for e in c.commitments) > 0
    assert "no trace" in silent.first.inner_text()
    done = next(k for k, e in enumerate(c.commitments) if e.status == "done")
    assert c.commitments[done].evidence[0].sentence[:12] in rows.nth(done).inner_text()
    page.check("input[name=cfilter][value=silent]")
    visible = [r for r in rows.all() if r.is_visible()]
    assert visible and len(visible) == silent.count()
    page.check("input[name=cfilter][value=all]")
    page.locator("#commitments").scroll_into_view_if_needed()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "hailar-commitments.png"), full_page=False)
    context.close()
