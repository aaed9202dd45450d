"""Timelines: several reports of a series, in any order."""
from __future__ import annotations

import json
import subprocess
import sys

import reportdiff
from tests.conftest import ROOT, require_corpora

SAMPLE = ROOT / "corpora" / "sample"


def test_timeline_orders_reports_and_compares_each_pair():
    files = [SAMPLE / f"shili-{y}.txt" for y in (2023, 2021, 2024, 2022)]
    t = reportdiff.timeline(files)
    assert [r.meta.plan_year for r in t.reports] == [2021, 2022, 2023, 2024]
    assert [(c.old.meta.plan_year, c.new.meta.plan_year) for c in t.comparisons] == \
        [(2021, 2022), (2022, 2023), (2023, 2024)]
    assert [len(c.ledger) for c in t.comparisons] == [9, 9, 9]
    gdp = [(year, m.value) for year, _, m in t.series["地区生产总值 (growth_pct, %)"]]
    assert gdp[-2:] == [(2022, 2.6), (2023, 5.6)]


def test_timeline_frames_and_json(tmp_path):
    t = reportdiff.timeline([SAMPLE / f"shili-{y}.txt" for y in (2021, 2022, 2023)])
    frame = t.series_frame()
    assert {"indicator", "kind", "unit", 2021, 2022} <= set(frame.columns)
    assert len(t.ledger_frame()) == 18
    out = subprocess.run([sys.executable, "-m", "reportdiff", "timeline",
                          *[str(SAMPLE / f"shili-{y}.txt") for y in (2022, 2021, 2023)],
                          "--json", "-", "--csv", str(tmp_path / "csv"), "--html", str(tmp_path / "html")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    assert document["schema"] == "reportdiff/timeline@1"
    assert [r["meta"]["plan_year"] for r in document["reports"]] == [2021, 2022, 2023]
    assert len(document["pairs"]) == 2
    assert (tmp_path / "csv" / "series.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    index = (tmp_path / "html" / "index.html").read_text("utf-8")
    assert 'href="2021-2022.html"' in index and (tmp_path / "html" / "2022-2023.html").exists()


def test_timeline_of_real_reports_follows_gdp():
    corpora = require_corpora() / "district-hailar-derek-s"
    t = reportdiff.timeline([corpora / f"hailar-{y}.txt" for y in (2017, 2018, 2019)])
    levels = dict((year, m.value) for year, _, m in t.series["地区生产总值 (level, 元)"])
    assert levels[2018] == 19230000000  # the 2019 review restates GDP on the corrected base


def test_timeline_needs_two_reports():
    out = subprocess.run([sys.executable, "-m", "reportdiff", "timeline", str(SAMPLE / "shili-2021.txt")],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "at least two" in out.stderr
