"""HTML size and render time for the national 2017→2018 pair.

    python bench/render.py [--repeat 5] [--corpora PATH]

The comparison is computed once; the timed part is ``render_html`` (template, word diffs of
the aligned sections, escaping). Baseline in the same run: ``json.dumps`` of the comparison
document, the cheapest complete serialisation of the same data.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reportdiff  # noqa: E402
from reportdiff.render.html import render_html  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    corpora = Path(args.corpora) / "national-dxcarl"
    c = reportdiff.compare(corpora / "national-2017.txt", corpora / "national-2018.txt")
    render_html(c)
    times, base = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        html = render_html(c)
        times.append(time.perf_counter() - t)
        t = time.perf_counter()
        document = json.dumps(c.to_dict(), ensure_ascii=False)
        base.append(time.perf_counter() - t)
    size = len(html.encode("utf-8"))
    print(f"national 2017 → 2018: HTML {size / 1024:.0f} KiB "
          f"(JSON document {len(document.encode('utf-8')) / 1024:.0f} KiB)")
    print(f"render_html: {min(times) * 1000:.0f} ms (best of {args.repeat}); "
          f"json.dumps: {min(base) * 1000:.1f} ms; ratio {min(times) / min(base):.0f}×")


if __name__ == "__main__":
    main()
