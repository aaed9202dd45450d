"""End-to-end time of `reportdiff compare --json` against difflib's character diff.

    python bench/compare_pair.py [--repeat 5] [--corpora PATH]

For national 2017→2018 and Hailar 2018→2019: the library call that `compare --json` makes
(read, parse, extract, align, serialise) in-process, the same through the command line (a new
Python process each time, so imports are paid), and, as the baseline in the same run,
``difflib.SequenceMatcher(None, a, b).get_opcodes()`` over the two files' characters.
"""
from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reportdiff  # noqa: E402

PAIRS = [("national-dxcarl/national-2017.txt", "national-dxcarl/national-2018.txt"),
         ("district-hailar-derek-s/hailar-2018.txt", "district-hailar-derek-s/hailar-2019.txt")]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpora = Path(args.corpora)
    reportdiff.compare(corpora / PAIRS[1][0], corpora / PAIRS[1][1])  # warm caches
    for old, new in PAIRS:
        a, b = corpora / old, corpora / new
        ta, tb = a.read_text("utf-8"), b.read_text("utf-8")
        lib = best(lambda: reportdiff.compare(a, b).to_json(), args.repeat)
        cli = best(lambda: subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(a),
                                           str(b), "--json", "-"], check=True,
                                          capture_output=True), max(2, args.repeat // 2))
        base = best(lambda: difflib.SequenceMatcher(None, ta, tb).get_opcodes(), args.repeat)
        print(f"{Path(old).stem} → {Path(new).stem} ({len(ta):,} + {len(tb):,} chars)")
        print(f"  compare (in-process):  {lib:.3f} s   = {lib / base:.2f}× difflib")
        print(f"  compare --json (CLI):  {cli:.3f} s   = {cli / base:.2f}× difflib")
        print(f"  difflib character diff: {base:.3f} s")


if __name__ == "__main__":
    main()
