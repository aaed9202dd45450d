"""One self-contained HTML page of a comparison (scorecard, section maps, plan diff, promises,
both reports with anchors); it loads nothing from the network.

    python examples/html_page.py [OLD NEW] [--out FILE]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import reportdiff
from reportdiff.render.html import render_html

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=[str(SAMPLE / "shili-2023.txt"),
                                                  str(SAMPLE / "shili-2024.txt")])
    ap.add_argument("--out", type=Path, default=Path("comparison.html"))
    args = ap.parse_args(argv)
    if len(args.files) != 2:
        ap.error("give two reports, OLD and NEW")
    c = reportdiff.compare(*args.files)
    args.out.write_text(render_html(c), encoding="utf-8")
    print(f"{c!r}\nwrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
