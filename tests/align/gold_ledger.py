"""The ledger against the statuses in tests/gold/targets.tsv (`python -m tests.align.gold_ledger`
prints every disagreement)."""
from __future__ import annotations

import re
from collections import defaultdict

from reportdiff.align import compare
from reportdiff.parse import parse_file
from tests.conftest import read_tsv, require_corpora
from tests.extract.gold_targets import target_matches


def _next_file(file: str) -> str:
    year = int(re.search(r"(\d{4})\.txt$", file).group(1))
    return file.replace(f"{year}.txt", f"{year + 1}.txt")


def score():
    corpora = require_corpora()
    gold = defaultdict(list)
    for row in read_tsv("targets.tsv"):
        if row["status"]:
            gold[row["file"]].append(row)
    cache = {}

    def report(file):
        if file not in cache:
            cache[file] = parse_file(corpora / file)
        return cache[file]

    agree = total = 0
    lines = []
    for file, rows in gold.items():
        comparison = compare(report(file), report(_next_file(file)))
        entries = list(comparison.ledger)
        for row in rows:
            total += 1
            entry = next((e for e in entries if target_matches(e.target, row)), None)
            got = entry.status if entry else "(target not found)"
            if entry:
                entries.remove(entry)
            if got == row["status"]:
                agree += 1
            else:
                outcome = entry.outcome.surface if entry and entry.outcome else None
                lines.append(f"{file} {row['indicator']} {row['value']}{row['unit']}: gold "
                             f"{row['status']} ({row['outcome_surface']}) got {got} ({outcome}) "
                             f"{entry.note if entry else ''}")
    return agree, total, lines


if __name__ == "__main__":
    agree, total, lines = score()
    print("\n".join(lines))
    print(f"statuses agreeing with gold: {agree}/{total} = {agree / total:.3f}")
