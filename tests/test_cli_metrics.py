"""`reportdiff metrics`: the metrics document, CSV and DataFrames."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import reportdiff
from tests.conftest import require_corpora, validate


def _run(*args):
    return subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True,
                          text=True)


def test_metrics_json_is_the_metrics_document():
    path = require_corpora() / "district-hailar-derek-s" / "hailar-2019.txt"
    out = _run("metrics", str(path), "--json")
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    validate(document, "metrics")
    assert list(document)[:5] == ["schema", "source", "meta", "metrics", "targets"]
    first = document["targets"][0]
    assert (first["indicator"], first["value"], first["unit"], first["bound"], first["year"]) == \
        ("地区生产总值", 3.5, "%", "approx", 2019)
    for metric in document["metrics"]:
        assert metric["sentence"][metric["start"]:metric["end"]] == metric["surface"]
    assert _run("metrics", str(path), "--json").stdout == out.stdout


def test_metrics_csv_has_the_metric_columns(tmp_path):
    target = tmp_path / "m.csv"
    out = _run("metrics", "corpora/sample/shili-2023.txt", "--csv", str(target))
    assert out.returncode == 0, out.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # utf-8-sig, so Excel shows Chinese
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    report = reportdiff.parse("corpora/sample/shili-2023.txt")
    assert len(rows) == len(report.metrics)
    assert list(rows[0])[:15] == ["id", "section", "paragraph", "role", "sentence", "surface",
                                  "start", "end", "indicator", "kind", "value", "value_high",
                                  "unit", "qualifier", "year"]


def test_metrics_and_targets_as_data_frames():
    report = reportdiff.parse("corpora/sample/shili-2024.txt")
    frame = report.targets.to_frame()
    assert len(frame) == len(report.targets) >= 6
    assert {"indicator", "value", "bound"} <= set(frame.columns)
    metrics = report.metrics.to_frame()
    assert (metrics["role"] == "outcome").any() and (metrics["role"] == "target").any()


def test_metrics_table_shows_targets_first():
    out = _run("metrics", "corpora/sample/shili-2024.txt", "--no-color")
    assert out.returncode == 0, out.stderr
    assert out.stdout.index("targets for 2024") < out.stdout.index("2023年工作回顾")


def test_metrics_bad_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    out = _run("metrics", str(path))
    assert out.returncode == 2 and "empty.txt" in out.stderr and "Traceback" not in out.stderr
