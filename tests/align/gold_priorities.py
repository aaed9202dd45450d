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


def _half_of(old_file: str) -> str:
    return "tuning" if int(old_file.rsplit("-", 1)[1][:4]) % 2 == 1 else "test"


def precision(half: str, top: int = 12) -> dict:
    """Top-``top`` ``new`` and ``dropped`` terms of each pair of the half against the judgements
    of tests/gold/priorities-judged.tsv (a term → real priority shift yes/no, by reading).
    A term the tool lists that has no judgement is counted as unjudged, not as right."""
    corpora = require_corpora()
    judged = defaultdict(dict)
    for r in read_tsv("priorities-judged.tsv"):
        if _half_of(r["old_file"]) == half:
            judged[(r["old_file"], r["new_file"])][(r["list"], r["term"])] = r["judged"] == "yes"
    yes = listed = 0
    unjudged = []
    for (old, new), verdicts in judged.items():
        c = reportdiff.compare(corpora / old, corpora / new)
        for kind in ("new", "dropped"):
            for p in c.priorities[kind][:top]:
                listed += 1
                verdict = verdicts.get((kind, p.term))
                if verdict is None:
                    unjudged.append(f"{old}→{new} {kind} {p.term} {p.old}→{p.new}")
                yes += bool(verdict)
    return {"listed": listed, "precision": yes / listed if listed else 0.0,
            "unjudged": unjudged}
