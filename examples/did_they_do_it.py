"""Did they do what they said? Last year's targets and promises against this year's review.

    python examples/did_they_do_it.py [OLD NEW]

Prints the targets that were missed or not reported (with the sentences that say so) and, per
plan section, the promises the review passes over in silence.
"""
from __future__ import annotations

import sys
from pathlib import Path

import reportdiff

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def main(argv: list[str]) -> int:
    old, new = argv if len(argv) == 2 else (SAMPLE / "shili-2023.txt", SAMPLE / "shili-2024.txt")
    c = reportdiff.compare(old, new)
    print(repr(c))
    if c.withheld:  # different regions, the same report twice, or years that are not consecutive
        print(f"statuses withheld: {c.withheld}")
        return 0

    ledger = c.ledger.to_frame()
    print("\nTargets by status:")
    print(ledger["status"].value_counts().to_string())
    short = ledger[ledger["status"].isin(["missed", "not_reported"])]
    for row in short.itertuples():
        target = f"{row.target_display_value:g}{row.target_display_unit}"
        print(f"\n{row.status}: {row.indicator} (target {target}, {row.bound})")
        if isinstance(row.outcome_surface, str):
            print(f"  review says: {row.outcome_surface}  [paragraph {row.outcome_paragraph}]")
        if isinstance(row.note, str):
            print(f"  why: {row.note}")

    promises = c.commitments.to_frame()
    print("\nPromises by status:")
    print(promises["status"].value_counts().to_string())
    silent = promises[promises["status"] == "silent"]
    for section, rows in silent.groupby("section", sort=False):
        print(f"\nsilent in the review, plan section {section}:")
        for row in rows.itertuples():
            print(f"  line {row.line:.0f}: {row.action}{row.object}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
