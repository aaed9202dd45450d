"""A folder of reports as a panel of targets and outcomes (region × plan year × indicator).

    python examples/target_panel.py [--out DIR] [PATH...]

PATHs are files, folders or globs (default: the bundled sample). Prints the share of graded
targets met per series and plan year; with --out, writes targets.csv and metrics.csv (UTF-8
with BOM, for Excel) there.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import reportdiff

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"
GRADED = ("met", "missed")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(SAMPLE)])
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    p = reportdiff.panel(args.paths)
    print(repr(p))
    targets = p.targets_frame()
    graded = targets[targets["status"].isin(GRADED)]
    if graded.empty:
        print("no graded targets (a series needs two consecutive years)")
    else:
        share = (graded.assign(met=graded["status"].eq("met"))
                 .groupby(["series", "plan_year"])["met"].agg(["sum", "count", "mean"])
                 .rename(columns={"sum": "met", "count": "graded", "mean": "share_met"}))
        print(share.round(2).to_string())
    for s in p.skipped:
        print(f"skipped {s['path']}: {s['reason']}")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        targets.to_csv(args.out / "targets.csv", index=False, encoding="utf-8-sig")
        p.metrics_frame().to_csv(args.out / "metrics.csv", index=False, encoding="utf-8-sig")
        print(f"wrote {args.out / 'targets.csv'} and {args.out / 'metrics.csv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
