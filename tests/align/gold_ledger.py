"""The ledger against the statuses in tests/gold/targets.tsv (`python -m tests.align.gold_ledger`
prints every disagreement; ``--gold targets-heldout.tsv`` and ``--half tune|test`` as in
tests.extract.gold_targets)."""
from __future__ import annotations

import argparse
import re

from reportdiff.align import compare
from reportdiff.parse import parse_file
from tests.conftest import require_corpora
from tests.extract.gold_targets import gold_files, target_matches


def _next_file(file: str, corpora=None) -> str:
    """The next year's report of the same series; where the series has a gap (ljtyduyu has no
    2003–2013), the next year's report of another national series."""
    year = int(re.search(r"(\d{4})\.txt$", file).group(1))
    nxt = file.replace(f"{year}.txt", f"{year + 1}.txt")
    if corpora is not None and not (corpora / nxt).exists():
        name = nxt.rsplit("/", 1)[-1]
        others = sorted(p for p in corpora.glob(f"*/{name}"))
        if others:
            return f"{others[0].parent.name}/{name}"
    return nxt


def score(gold: str = "targets.tsv", half: str | None = None):
    corpora = require_corpora()
    cache = {}

    def report(file):
        if file not in cache:
            cache[file] = parse_file(corpora / file)
        return cache[file]

    agree = total = 0
    lines = []
    for file, rows in gold_files(gold, half).items():
        rows = [r for r in rows if r["status"]]
        if not rows:
            continue
        comparison = compare(report(file), report(_next_file(file, corpora)))
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="targets.tsv", help="gold file in tests/gold")
    parser.add_argument("--half", choices=("tune", "test"), help="odd (tune) or even (test) plan years")
    args = parser.parse_args()
    agree, total, lines = score(args.gold, args.half)
    print("\n".join(lines))
    print(f"statuses agreeing with gold: {agree}/{total} = {agree / max(total, 1):.3f}")
