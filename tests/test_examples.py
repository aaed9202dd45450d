"""Every script in examples/ runs as the README of examples/ says, on the bundled sample, and
says what the sample's gold says (tests/gold/sample-ledger.tsv)."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


def _gold(pair: str) -> dict[str, str]:
    with open(ROOT / "tests" / "gold" / "sample-ledger.tsv", encoding="utf-8") as f:
        return {r["indicator"]: r["status"] for r in csv.DictReader(f, delimiter="\t")
                if r["pair"] == pair}


def _run(script: str, *args, cwd) -> str:
    out = subprocess.run([sys.executable, str(EXAMPLES / script), *map(str, args)], cwd=cwd,
                         capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out.stdout


def test_every_example_is_listed_and_tested():
    listed = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    scripts = sorted(p.name for p in EXAMPLES.glob("*.py"))
    assert scripts and all(f"`{name}`" in listed for name in scripts)
    tested = (ROOT / "tests" / "test_examples.py").read_text(encoding="utf-8")
    assert all(f'"{name}"' in tested for name in scripts)


def test_did_they_do_it_lists_the_missed_and_unreported_targets(tmp_path):
    out = _run("did_they_do_it.py", cwd=tmp_path)
    gold = _gold("2023-2024")
    for indicator, status in gold.items():
        if status in ("missed", "not_reported"):
            assert f"{status}: {indicator}" in out
    shown = {line.split(":")[1].split("(")[0].strip() for line in out.splitlines()
             if line.startswith(("missed:", "not_reported:"))}
    assert shown == {i for i, s in gold.items() if s in ("missed", "not_reported")}
    assert "silent in the review, plan section" in out


def test_indicator_series_gives_each_year_of_the_gold(tmp_path):
    out = _run("indicator_series.py", "地区生产总值", cwd=tmp_path)
    rows = [line.split() for line in out.splitlines()[2:]]
    got = {(r[0], r[-1]) for r in rows}
    want = {(pair[:4], s) for pair in ("2021-2022", "2022-2023", "2023-2024")
            for i, s in _gold(pair).items() if i == "地区生产总值"}
    assert got == want


def test_target_panel_writes_the_panel_as_csv(tmp_path):
    out = _run("target_panel.py", "--out", tmp_path / "csv", cwd=tmp_path)
    import pandas as pd

    targets = pd.read_csv(tmp_path / "csv" / "targets.csv", encoding="utf-8-sig")
    graded = targets[targets["status"].isin(["met", "missed"])]
    for pair in ("2021-2022", "2022-2023", "2023-2024"):
        gold = _gold(pair)
        year = int(pair[:4])
        met = sum(s == "met" for s in gold.values())
        both = sum(s in ("met", "missed") for s in gold.values())
        assert (graded["plan_year"] == year).sum() == both
        assert (graded[graded["plan_year"] == year]["status"] == "met").sum() == met
        assert f"{year}  " in out and f"{met}" in out


def test_html_page_writes_one_self_contained_page(tmp_path):
    _run("html_page.py", "--out", tmp_path / "page.html", cwd=tmp_path)
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "default-src 'none'" in page
    assert "http://" not in page.split("</head>")[0] and "<link" not in page


@pytest.mark.parametrize("script", ["did_they_do_it.py", "indicator_series.py"])
def test_examples_take_real_files(script, tmp_path):
    from tests.conftest import require_corpora

    hailar = require_corpora() / "district-hailar-derek-s"
    args = ([hailar / "hailar-2018.txt", hailar / "hailar-2019.txt"] if script.startswith("did")
            else ["地区生产总值", *sorted(hailar.glob("hailar-*.txt"))])
    out = _run(script, *args, cwd=tmp_path)
    assert "海拉尔" in out
