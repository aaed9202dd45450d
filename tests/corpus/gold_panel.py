"""The panel of Hailar and national 2003–2018 against tests/gold/targets.tsv (`python -m
tests.corpus.gold_panel` prints every disagreement)."""
from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

import reportdiff
from tests.conftest import read_tsv, require_corpora
from tests.extract.gold_targets import target_matches


def half(gold: dict) -> str:
    """The gold's halves (TARGETS.md): odd plan years are the tuning half, even ones held out."""
    return "odd" if int(gold["plan_year"]) % 2 else "even"


def score(halves: dict | None = None, **kwargs):
    """``(found, agree, total, lines, panel)``: gold rows found in the panel (value, unit, bound
    and indicator as the gold), and how many have the gold's status. ``halves``, when given, is
    filled with ``[agree, total]`` per half (odd/even plan year) and per series."""
    corpora = require_corpora()
    panel = reportdiff.panel([corpora / "district-hailar-derek-s", corpora / "national-dxcarl"],
                             **kwargs)
    rows = defaultdict(list)
    for row in panel.targets:
        rows[row["plan"]["file"]].append(row)
    found = agree = total = 0
    lines = []
    for gold in read_tsv("targets.tsv"):
        unused = rows[str(corpora / gold["file"])]
        match = next((r for r in unused if target_matches(SimpleNamespace(**r), gold)), None)
        total += 1
        keys = (half(gold), gold["file"].split("/")[0])
        for key in keys if halves is not None else ():
            halves.setdefault(key, [0, 0])[1] += 1
        if match is None:
            lines.append(f"{gold['file']} {gold['indicator']} {gold['value']}{gold['unit']}: "
                         "not in the panel")
            continue
        unused.remove(match)
        found += 1
        if (match["status"] or "") == gold["status"]:
            agree += 1
            for key in keys if halves is not None else ():
                halves[key][0] += 1
        else:
            lines.append(f"{gold['file']} {gold['indicator']} {gold['value']}{gold['unit']}: "
                         f"gold {gold['status'] or '(none)'} got {match['status']} ({match['note']})")
    return found, agree, total, lines, panel


if __name__ == "__main__":
    halves: dict = {}
    found, agree, total, lines, _ = score(halves, jobs=1)
    print("\n".join(lines))
    for key, (a, n) in halves.items():
        print(f"{key}: statuses as the gold {a}/{n} = {a / n:.3f}")
    print(f"found {found}/{total} = {found / total:.3f}; statuses as the gold "
          f"{agree}/{total} = {agree / total:.3f}")
