"""Benchmark: `reportdiff.panel` over ../shared/corpora — executors, cache, scaling, memory.

Each measurement runs in a fresh interpreter (so every executor pays its own imports) and
times the ``panel()`` call alone. Cold runs get an empty cache folder; the warm run reuses the
folder of a cold run. The ratios are measured in this one run, the runs of the executors
being compared interleaved, because the machine is shared and absolute times drift.

    python bench/panel.py [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"

CHILD = r"""
import json, resource, sys, time, tracemalloc
files, options, trace = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3] == "1"
import reportdiff
if trace:
    tracemalloc.start()
start = time.perf_counter()
if options.pop("hold_all", False):  # the baseline for memory: every Report held at once
    from reportdiff.parse import parse_file
    held = [parse_file(f) for f in files]
    n = len(held)
    pairs = 0
else:
    if options.get("dask") == "local2":
        from distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        start = time.perf_counter()  # the cluster's start-up is not the panel's work
        options["dask"] = client
    p = reportdiff.panel(files, **options)
    n = len(p.targets)
    pairs = p.stats["pairs"]
elapsed = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if trace else 0
if options.get("dask") is not None:
    client.close(); cluster.close()
print(json.dumps({"seconds": elapsed, "rows": n, "pairs": pairs, "peak_mib": peak / 2**20,
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(files, trace=False, **options) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps([str(f) for f in files]),
                          json.dumps(options), "1" if trace else "0"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    files = sorted(CORPORA.rglob("*.txt"))
    assert len(files) == 64, len(files)
    times: dict[str, list[float]] = {"jobs1": [], "jobs2": [], "dask": [], "warm": []}
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits all alike
        for name, options in (("jobs1", {"jobs": 1}), ("jobs2", {"jobs": 2}),
                              ("dask", {"dask": "local2"})):
            cache = tempfile.mkdtemp(prefix="bench-panel-")
            times[name].append(run(files, cache_dir=cache, **options)["seconds"])
            if name == "jobs1":
                times["warm"].append(run(files, cache_dir=cache, jobs=1)["seconds"])
    best = {k: min(v) for k, v in times.items()}
    print(f"64 files, best of {args.repeat} (all runs: "
          + "; ".join(f"{k} {', '.join(f'{t:.2f}' for t in v)}" for k, v in times.items()) + ")")
    print(f"| --jobs 1 (cold) | {best['jobs1']:.2f} s | 1.00× |")
    print(f"| --jobs 2 (cold) | {best['jobs2']:.2f} s | {best['jobs1'] / best['jobs2']:.2f}× faster |")
    print(f"| --dask local, 2 workers (cold) | {best['dask']:.2f} s | "
          f"{best['jobs1'] / best['dask']:.2f}× faster |")
    print(f"| warm cache, --jobs 1 | {best['warm']:.3f} s | {best['jobs1'] / best['warm']:.1f}× faster |")
    pair_ratios = [a / b for a, b in zip(times["jobs1"], times["jobs2"])]
    print(f"jobs1/jobs2 per interleaved round: {', '.join(f'{r:.2f}' for r in pair_ratios)} "
          f"(median {statistics.median(pair_ratios):.2f})")

    print("\nscaling, --jobs 1, cold (the first 16, 32, 64 files in path order):")
    for n in (16, 32, 64):
        r = run(files[:n], cache_dir=tempfile.mkdtemp(prefix="bench-panel-"), jobs=1)
        print(f"| {n} | {r['pairs']} pairs | {r['seconds']:.2f} s | "
              f"{1000 * r['seconds'] / n:.0f} ms a report |")

    print("\npeak memory (tracemalloc, Python objects) and max RSS of the calling process:")
    for n in (16, 32, 64):
        subset = files[:n]
        panel = run(subset, trace=True, cache_dir=tempfile.mkdtemp(prefix="bench-panel-"), jobs=1)
        held = run(subset, trace=True, hold_all=True)
        print(f"| {n} | panel {panel['peak_mib']:.1f} MiB (RSS {panel['maxrss_mib']:.0f}) | "
              f"all Reports held {held['peak_mib']:.1f} MiB (RSS {held['maxrss_mib']:.0f}) |")


if __name__ == "__main__":
    main()
