"""Whole-process time of the command line against baselines measured in the same run.

    python bench/startup.py [--runs 5] [--corpora PATH]

Each command runs as a new process, ``--runs`` times, interleaved with its baseline so that
the load of this shared machine falls on both alike; the medians and their ratio are printed.

- ``reportdiff --help`` and ``reportdiff parse FILE --json`` against ``python -c pass``
  (goals: ≤ 3× and ≤ 5×);
- ``reportdiff compare OLD NEW --json FILE``, cold (``--no-cache``) and with the reports in
  the cache, against difflib's character diff of the two files
  in a new process, ``SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``
  (goals: national 2017→2018 ≤ 0.30×, Hailar 2018→2019 ≤ 0.40×);
- compare of an 8× pair (each report concatenated with itself eight times, written to a
  temporary folder) against the 1× pair (goal ≤ 10×), with the peak memory of each.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = ("national-dxcarl/national-2017.txt", "national-dxcarl/national-2018.txt")
HAILAR = ("district-hailar-derek-s/hailar-2018.txt", "district-hailar-derek-s/hailar-2019.txt")
DIFFLIB = ("import difflib, sys; a, b = (open(p, encoding='utf-8', errors='replace').read() "
           "for p in sys.argv[1:3]); difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()")


# as users run it: with the bytecode cache (this workplace sets PYTHONDONTWRITEBYTECODE, which
# makes every process compile every module from source)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(argv: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=ENV)
    wall = time.perf_counter() - t
    return wall, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def versus(label: str, command: list[str], baseline: list[str], runs: int, goal: float) -> float:
    ours, base = [], []
    run(command), run(baseline)  # warm the bytecode and file caches
    for _ in range(runs):
        ours.append(run(command)[0])
        base.append(run(baseline)[0])
    a, b = statistics.median(ours), statistics.median(base)
    verdict = "ok" if a / b <= goal else "OVER"
    print(f"{label:<46} {a:7.3f} s  baseline {b:7.3f} s  = {a / b:5.2f}×  (goal ≤ {goal}×, {verdict})")
    return a / b


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    corpora = Path(args.corpora)
    py, rd = sys.executable, [sys.executable, "-m", "reportdiff"]
    bare = [py, "-c", "pass"]
    out = Path(tempfile.mkdtemp(prefix="reportdiff-bench-"))
    versus("reportdiff --help", rd + ["--help"], bare, args.runs, 3)
    versus("reportdiff parse national-2018 --json", rd + ["parse", str(corpora / NATIONAL[1]), "--json"],
           bare, args.runs, 5)
    ENV["REPORTDIFF_CACHE_DIR"] = str(out / "cache")
    for (old, new), goal in ((NATIONAL, 0.30), (HAILAR, 0.40)):
        a, b = str(corpora / old), str(corpora / new)
        for label, extra in (("cold", ["--no-cache"]), ("warm cache", [])):
            versus(f"compare {Path(old).stem[-4:]}→{Path(new).stem[-4:]} --json ({label})",
                   rd + ["compare", a, b, "--json", str(out / "c.json"), *extra],
                   [py, "-c", DIFFLIB, a, b], args.runs, goal)
    # The 8× pair: each report concatenated with itself eight times is folded back to one copy
    # by the repeated-body rule (ingest), so it measures that rule; the distinct 8× pair
    # (eight different national reports on each side) measures the aligner's growth.
    big, distinct = [], []
    for name in NATIONAL:
        text = (corpora / name).read_text("utf-8")
        path = out / f"x8-{Path(name).name}"
        path.write_text("\n".join([text] * 8), "utf-8")
        big.append(str(path))
    for years in (range(2003, 2011), range(2011, 2019)):
        path = out / f"x8-distinct-{years[0]}.txt"
        path.write_text("\n".join((corpora / f"national-dxcarl/national-{y}.txt").read_text("utf-8")
                                   for y in years), "utf-8")
        distinct.append(str(path))
    one = [run(rd + ["compare", *(str(corpora / n) for n in NATIONAL), "--json", str(out / "1.json"),
                     "--no-cache"])
           for _ in range(max(1, args.runs // 2))]
    eight = [run(rd + ["compare", *big, "--json", str(out / "8.json"), "--no-cache"])
             for _ in range(max(1, args.runs // 2))]
    wide = [run(rd + ["compare", *distinct, "--json", str(out / "d.json"), "--no-cache"])
            for _ in range(max(1, args.runs // 2))]
    t1 = statistics.median(w for w, _ in one)
    for label, runs in (("self-concatenated", eight), ("distinct", wide)):
        t8 = statistics.median(w for w, _ in runs)
        print(f"{'compare national 8× pair (' + label + ')':<46} {t8:7.3f} s  1× {t1:7.3f} s  = "
              f"{t8 / t1:5.2f}×  (goal ≤ 10×); peak RSS so far {runs[-1][1] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
