"""reportdiff timeline on the panel's machinery: executors, the cache, its JSON Schema."""
from __future__ import annotations

import json
import subprocess
import sys

import reportdiff
from tests.conftest import ROOT, require_corpora, validate

SAMPLE = ROOT / "corpora" / "sample"


def test_timeline_json_is_the_same_on_two_processes_and_validates(tmp_path):
    files = [str(SAMPLE / f"shili-{y}.txt") for y in (2023, 2021, 2022)]
    outs = [subprocess.run([sys.executable, "-m", "reportdiff", "timeline", *files, "--json", "-",
                            "-j", jobs, "--cache-dir", str(tmp_path / jobs)],
                           capture_output=True, text=True) for jobs in ("1", "2")]
    assert [o.returncode for o in outs] == [0, 0], outs[1].stderr
    assert outs[0].stdout == outs[1].stdout
    document = json.loads(outs[0].stdout)
    validate(document, "timeline")
    assert [r["meta"]["plan_year"] for r in document["reports"]] == [2021, 2022, 2023]
    assert all(p["ledger"] for p in document["pairs"])


def test_timeline_reads_through_the_cache(tmp_path, monkeypatch):
    import reportdiff.parse as parse_module

    files = [require_corpora() / "district-hailar-derek-s" / f"hailar-{y}.txt" for y in (2018, 2019)]
    parses = []
    real = parse_module.parse_file
    monkeypatch.setattr(parse_module, "parse_file", lambda p, **kw: parses.append(p) or real(p, **kw))
    first = reportdiff.timeline(files, cache_dir=tmp_path)
    second = reportdiff.timeline(files, cache_dir=tmp_path)
    assert len(parses) == 2
    assert second.to_json() == first.to_json()
    assert reportdiff.timeline(files, cache=False).to_json() == first.to_json()
    assert len(parses) == 4


def test_timeline_of_a_missing_file_is_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reportdiff", "timeline", str(SAMPLE / "shili-2021.txt"),
                          str(tmp_path / "nope.txt"), "-j", "2"], capture_output=True, text=True)
    assert out.returncode == 2 and "nope.txt" in out.stderr and "Traceback" not in out.stderr
    out = subprocess.run([sys.executable, "-m", "reportdiff", "panel", str(SAMPLE), "-j", "0"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "--jobs: must be at least 1" in out.stderr
