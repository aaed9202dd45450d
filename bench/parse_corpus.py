"""Ingest + parse throughput over every file under ../shared/corpora.

    python bench/parse_corpus.py [--repeat 5] [--corpora PATH]

Prints characters per second (decoded characters of the input) for the whole corpus and the
per-file p50/p95 times, with a baseline measured in the same run: reading and decoding the same
bytes and splitting them into lines (the floor any parser pays), so the ratio is stable on a
noisy shared machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportdiff.ingest import read_text  # noqa: E402
from reportdiff.parse import parse  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for p in Path(args.corpora).rglob("*.txt"))
    blobs = [(p, p.read_bytes()) for p in files]
    chars = sum(len(b.decode("utf-8", "replace")) for _, b in blobs)
    parse(read_text(blobs[0][1], name=blobs[0][0].name))  # warm lexicon caches

    per_file: dict[Path, list[float]] = {p: [] for p in files}
    total_runs, base_runs = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for path, data in blobs:
            t = time.perf_counter()
            parse(read_text(data, name=path.name))
            per_file[path].append(time.perf_counter() - t)
        total_runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _, data in blobs:
            data.decode("utf-8").splitlines()
        base_runs.append(time.perf_counter() - t0)

    best = min(total_runs)
    base = min(base_runs)
    times = sorted(min(v) for v in per_file.values())
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"files: {len(files)}  characters: {chars:,}  repeat: {args.repeat} (best run)")
    print(f"ingest+parse: {best:.3f} s  = {chars / best / 1e6:.2f} M chars/s (one core)")
    print(f"per file: p50 {p50 * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms  max {times[-1] * 1000:.1f} ms")
    print(f"baseline decode+splitlines: {base:.4f} s; ingest+parse / baseline = {best / base:.0f}x")
    slow = sorted(per_file.items(), key=lambda kv: -min(kv[1]))[:3]
    print("slowest: " + ", ".join(f"{p.name} {min(v) * 1000:.1f} ms" for p, v in slow))


if __name__ == "__main__":
    main()
