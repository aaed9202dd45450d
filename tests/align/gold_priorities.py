"""Score priority shifts against tests/gold/priorities.tsv: for six pairs, the shifts an analyst
would name (chosen by reading the two reports; counts and the direction by the rate per 10k
characters checked with a plain substring count). A gold shift is found when one of the four
lists holds its term, a variant, or a phrase containing it (or contained in it). Halves by
file: ``tuning`` = pairs whose old report has an odd year, ``test`` = even."""
from __future__ import annotations

from collections import defaultdict

import reportdiff
from tests.conftest import read_tsv, require_corpora

KINDS = ("new", "dropped", "rising", "falling")


def _hit(forms: list[str], term: str) -> bool:
    return any(term == f or f in term or (len(term) >= 2 and term in f) for f in forms)


def score(half: str) -> dict:
    corpora = require_corpora()
    pairs = defaultdict(list)
    for r in read_tsv("priorities.tsv"):
        odd = int(r["old_file"].rsplit("-", 1)[1][:4]) % 2 == 1
        if odd == (half == "tuning"):
            pairs[(r["old_file"], r["new_file"])].append(r)
    found = right = total = 0
    lines = []
    for (old, new), gold in pairs.items():
        c = reportdiff.compare(corpora / old, corpora / new)
        lists = {k: [p.term for p in c.priorities[k]] for k in KINDS}
        for g in gold:
            total += 1
            forms = [g["term"]] + [v for v in g["variants"].split("|") if v]
            kinds = [k for k in KINDS if any(_hit(forms, t) for t in lists[k])]
            found += bool(kinds)
            right += g["direction"] in kinds
            if g["direction"] not in kinds:
                lines.append(f"{old}→{new} {g['term']} ({g['direction']}): tool {kinds or 'absent'}")
        lines.append(f"  {old}→{new}: " + "; ".join(f"{k}: {' '.join(v[:12])}" for k, v in lists.items()))
    return {"gold": total, "found": found / total if total else 0.0,
            "direction": right / total if total else 0.0, "lines": lines}
