"""One indicator across a series: each year's target against the outcome the next review gives.

    python examples/indicator_series.py [INDICATOR] [FILE...]

Files may come in any order; they must be reports of one region.
"""
from __future__ import annotations

import sys
from pathlib import Path

import reportdiff

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def main(argv: list[str]) -> int:
    indicator = argv[0] if argv else "地区生产总值"
    files = argv[1:] or sorted(SAMPLE.glob("shili-*.txt"))
    t = reportdiff.timeline(files)
    print(repr(t))
    ledger = t.ledger_frame()
    rows = ledger[(ledger["indicator"] == indicator) | (ledger["canonical"] == indicator)]
    if rows.empty:
        print(f"no target of {indicator} in these reports; indicators with targets:",
              ", ".join(sorted(set(ledger["canonical"].dropna()))))
        return 1
    columns = ["year", "indicator", "target_kind", "target_display_value", "target_display_unit",
               "bound", "outcome_display_value", "outcome_display_unit", "status"]
    print(rows[columns].astype({"year": "Int64"}).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
