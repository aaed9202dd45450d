"""Scoring of target extraction against tests/gold/targets.tsv (`python -m
tests.extract.gold_targets` prints the per-file table)."""
from __future__ import annotations

from collections import defaultdict

from reportdiff.parse import parse_file
from tests.conftest import read_tsv, require_corpora
from tests.extract.gold_metrics import indicator_matches


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


def score():
    corpora = require_corpora()
    gold = defaultdict(list)
    for row in read_tsv("targets.tsv"):
        gold[row["file"]].append(row)
    found = spurious = total = predicted = 0
    table = []
    for file, rows in gold.items():
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
    found, total, spurious, predicted, table = score()
    print("\n".join(table))
    print(f"found {found}/{total} = {found / total:.3f}; spurious {spurious}/{predicted} = "
          f"{spurious / max(predicted, 1):.3f}")
