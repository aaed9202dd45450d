"""Figures as a reader writes them (deltas in the target's magnitude, the report's own
indicator names, display columns beside base-unit values) and reasons in plain words with
the right evidence sentence."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

import reportdiff
from tests.conftest import require_corpora

_CODES = re.compile(r"growth_pct|share_pct|change_pp|\blevel\b|\bcount\b")


@pytest.fixture(scope="module")
def pairs():
    c = require_corpora()
    hailar = c / "district-hailar-derek-s"
    national = c / "national-dxcarl"
    return {"hailar2013": reportdiff.compare(hailar / "hailar-2012.txt", hailar / "hailar-2013.txt"),
            "hailar2018": reportdiff.compare(hailar / "hailar-2017.txt", hailar / "hailar-2018.txt"),
            "national2005": reportdiff.compare(national / "national-2004.txt",
                                               national / "national-2005.txt"),
            "national2018": reportdiff.compare(national / "national-2017.txt",
                                               national / "national-2018.txt")}


def _entry(c, name):
    return next(e for e in c.ledger if e.name == name)


def test_deltas_in_the_magnitude_of_the_target(pairs):
    e = _entry(pairs["hailar2013"], "地方财政总收入")  # 20亿元 target, 20.67亿元 outcome
    assert e.delta == pytest.approx(67_000_000)
    assert e.texts()["delta"] == "+0.67亿元"
    jobs = _entry(pairs["national2005"], "城镇就业")  # 900万人 target, 980万人 outcome
    assert jobs.texts()["delta"] == "+80万人"
    row = jobs.to_row()
    assert row["delta"] == pytest.approx(800_000)
    assert (row["delta_display_value"], row["delta_display_unit"]) == (80.0, "万人")
    assert (row["target_display_value"], row["target_display_unit"]) == (900.0, "万人")
    assert row["outcome_display_value"] == 980.0


def test_indicator_as_the_report_names_it_with_the_canonical_name_beside(pairs):
    c = pairs["national2018"]
    frame = c.ledger.to_frame()
    gdp = frame[frame["canonical"] == "地区生产总值"].iloc[0]
    assert gdp["indicator"] == "国内生产总值"
    doc = c.to_dict()["ledger"][0]
    assert doc["indicator"] == "地区生产总值" and doc["reported_as"] == "国内生产总值"


def test_frames_keep_numeric_columns_float(pairs, tmp_path):
    c = pairs["hailar2018"]
    frames = c.to_frames()
    ledger = frames["ledger"]
    for col in ("target_value", "target_value_high", "outcome_value", "delta",
                "target_display_value", "outcome_display_value", "delta_display_value"):
        assert ledger[col].dtype == float, col
    assert frames["links"]["score"].dtype == float
    assert frames["priorities"]["old"].dtype == float
    assert frames["changes"]["delta_display_value"].dtype == float


def test_every_unclear_and_not_reported_has_a_plain_reason(pairs):
    graded = [e for c in pairs.values() for e in c.ledger
              if e.status in ("unclear", "not_reported")]
    assert len(graded) >= 10
    for e in graded:
        assert e.note and not _CODES.search(e.note), (e.name, e.note)
    e = _entry(pairs["hailar2018"], "城镇常住居民人均可支配收入")
    if e.status == "unclear" and e.outcome is not None and e.outcome.unit == "元":
        assert "a growth rate (8%)" in e.note and "35512元" in e.note


def test_the_evidence_names_the_indicator_and_is_whole(pairs):
    gdp = [e for e in pairs["hailar2018"].ledger if e.name == "地区生产总值"
           and e.outcome is None and e.status == "unclear"]
    for e in gdp:  # not the neighbouring sentence about 增长率, not cut at 60 characters
        assert e.evidence.startswith("地区生产总值") and e.evidence[-1] in "。；"
    energy = _entry(pairs["national2018"], "单位国内生产总值能耗")
    if energy.status == "unclear":
        assert "单位国内生产总值能耗" in energy.evidence and re.search(r"\d", energy.evidence)
    for c in pairs.values():
        for e in c.ledger:
            if e.outcome is not None:
                assert e.evidence == e.outcome.sentence


def test_reasons_are_shown_in_the_terminal():
    c = require_corpora()
    hailar = c / "district-hailar-derek-s"
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", hailar / "hailar-2017.txt",
                          hailar / "hailar-2018.txt"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "100"})
    assert out.returncode == 0, out.stderr
    text = " ".join(out.stdout.split())
    assert "Why not graded:" in text
    assert "does not mention 全社会固定资产投资" in text
