"""Metric and target extraction throughput over every file under ../shared/corpora.

    python bench/metrics_corpus.py [--repeat 3] [--corpora PATH]

Reports are parsed once; the timed loop runs extraction only (``reportdiff.extract.extract``)
and, as a baseline in the same run, a plain regular-expression scan for numbers over the same
paragraphs, so the ratio says what the grammar costs over the cheapest possible pass.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.extract import extract  # noqa: E402
from reportdiff.ingest import read_text  # noqa: E402
from reportdiff.parse import parse  # noqa: E402

_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(Path(args.corpora).rglob("*.txt"))
    reports = [parse(read_text(p)) for p in files]
    chars = sum(len(p.text) for r in reports for _, p in r.paragraphs())
    extract(reports[0])
    runs, base_runs, per_file = [], [], {p: [] for p in files}
    counts = (0, 0)
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        metrics = targets = 0
        for path, report in zip(files, reports):
            t = time.perf_counter()
            done = extract(report)
            per_file[path].append(time.perf_counter() - t)
            metrics += len(done.metrics)
            targets += len(done.targets)
        runs.append(time.perf_counter() - t0)
        counts = (metrics, targets)
        t0 = time.perf_counter()
        for report in reports:
            for _, p in report.paragraphs():
                _NUMBER.findall(p.text)
        base_runs.append(time.perf_counter() - t0)
    best, base = min(runs), min(base_runs)
    times = sorted(min(v) for v in per_file.values())
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"files: {len(files)}  characters in paragraphs: {chars:,}  repeat: {args.repeat} (best run)")
    print(f"metrics: {counts[0]:,}  targets: {counts[1]:,}")
    print(f"extract: {best:.3f} s = {chars / best / 1e6:.2f} M chars/s, "
          f"{counts[0] / best:,.0f} metrics/s (one core)")
    print(f"per file: p50 {statistics.median(times) * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms")
    print(f"baseline regex number scan: {base:.3f} s; extract / baseline = {best / base:.0f}x")


if __name__ == "__main__":
    main()
