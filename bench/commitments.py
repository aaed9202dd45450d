"""CPU time of the commitment ledger (and wording shifts) against the whole comparison.

    python bench/commitments.py [--repeat 5] [--corpora PATH]

For national 2017→2018 and Hailar 2018→2019, reports parsed and section maps computed
beforehand: ``commitment_views`` (both plans' commitments, the ledger of the old plan against
the new review, the wording shifts) and, as the baseline in the same run, ``compare`` of the
same parsed reports. CPU time (time.process_time), best of N, after one warm-up run each (the
segmenter's memo is warm, as it is for a cached report).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reportdiff  # noqa: E402
from reportdiff.align import align_links, commitment_views  # noqa: E402
from reportdiff.parse import parse_file  # noqa: E402

PAIRS = [("national-dxcarl/national-2017.txt", "national-dxcarl/national-2018.txt"),
         ("district-hailar-derek-s/hailar-2018.txt", "district-hailar-derek-s/hailar-2019.txt")]


def best(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpora = Path(args.corpora)
    for old, new in PAIRS:
        a, b = parse_file(corpora / old), parse_file(corpora / new)
        links = align_links(a, b)["review_vs_plan"]
        views = best(lambda: commitment_views(a, b, links), args.repeat)
        whole = best(lambda: reportdiff.compare(a, b), args.repeat)
        print(f"{Path(old).stem} → {Path(new).stem}: commitments + ledger + wording "
              f"{views * 1000:.1f} ms = {views / whole:.2f} of compare ({whole * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
