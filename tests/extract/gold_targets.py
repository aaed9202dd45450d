"""Scoring of target extraction against tests/gold/targets.tsv (`python -m
tests.extract.gold_targets` prints the per-file table).

``--gold targets-heldout.tsv`` scores the held-out gold (national 1992–2002, written before the
tool was run on those files); ``--half tune|test`` keeps the odd or even plan years only."""
from __future__ import annotations

import argparse
import re
from collections import defaultdict

from reportdiff.parse import parse_file
from tests.conftest import read_tsv, require_corpora
from tests.extract.gold_metrics import indicator_matches

# Files a gold covers although they have no row (plan years that state no quantified target):
# they still count for spurious targets.
COVERED = {
    "targets-heldout.tsv": [f"national-ljtyduyu/national-{y}.txt" for y in range(1992, 2003)],
}


def half_of_year(year: int) -> str:
    return "tune" if year % 2 else "test"


def gold_files(gold: str = "targets.tsv", half: str | None = None) -> dict[str, list[dict]]:
    """Rows of a gold file by report, every covered report present (in plan-year order)."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    for file in COVERED.get(gold, []):
        by_file[file]
    for row in read_tsv(gold):
        by_file[row["file"]].append(row)

    def year(file):
        return int(re.search(r"(\d{4})\.txt$", file).group(1))
    return {f: rows for f, rows in by_file.items()
            if half is None or half_of_year(year(f)) == half}


def _same(a, b) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def target_matches(t, row) -> bool:
    return (_same(t.value, row["value"]) and _same(t.value_high, row["value_high"])
            and (t.unit or "") == row["unit"] and (t.bound or "") == row["bound"]
            and indicator_matches(t.indicator, row["indicator"]))


def _describe(t) -> str:
    return f"{t.indicator} {t.value}{t.unit or ''} {t.bound}"


def score(gold: str = "targets.tsv", half: str | None = None):
    corpora = require_corpora()
    found = spurious = total = predicted = 0
    table = []
    for file, rows in gold_files(gold, half).items():
        targets = list(parse_file(corpora / file).targets)
        unused = list(targets)
        hits = 0
        misses = []
        for row in rows:
            match = next((t for t in unused if target_matches(t, row)), None)
            if match is None:
                misses.append(f"{row['indicator']} {row['value']}{row['unit']} {row['bound']}")
            else:
                unused.remove(match)
                hits += 1
        found += hits
        total += len(rows)
        predicted += len(targets)
        spurious += len(unused)
        table.append(f"{file:42} gold {len(rows):2} found {hits:2} spurious {len(unused):2}"
                     + (f"\n    missed: {'; '.join(misses)}" if misses else "")
                     + ("\n    spurious: " + "; ".join(_describe(t) for t in unused)
                        if unused else ""))
    return found, total, spurious, predicted, table


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="targets.tsv", help="gold file in tests/gold")
    parser.add_argument("--half", choices=("tune", "test"), help="odd (tune) or even (test) plan years")
    args = parser.parse_args()
    found, total, spurious, predicted, table = score(args.gold, args.half)
    print("\n".join(table))
    print(f"found {found}/{total} = {found / max(total, 1):.3f}; spurious {spurious}/{predicted} = "
          f"{spurious / max(predicted, 1):.3f}")
