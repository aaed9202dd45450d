"""Section links against the gold alignments in alignments/gold/ (`python -m
tests.align.gold_links` prints per-pair precision/recall and the disagreements; `--held-out`
scores the held-out pairs of alignments/gold/held-out/, which no parameter was tuned on;
`--blind` scores alignments/gold/blind/, written blind and never to be tuned on or read to
write a rule)."""
from __future__ import annotations

from pathlib import Path

from reportdiff.align import align_links
from reportdiff.lexicon import tomllib
from reportdiff.parse import parse_file
from tests.conftest import ROOT, require_corpora

GOLD_DIR = ROOT / "alignments" / "gold"
HELD_OUT_DIR = GOLD_DIR / "held-out"  # never tune on these: they measure unseen pairs
BLIND_DIR = GOLD_DIR / "blind"  # written before the aligner ran on them; measure only
CLASS = {"match": "matched", "renamed": "matched", "split": "split-merge",
         "merge": "split-merge", "new": "new-dropped", "dropped": "new-dropped"}
VIEWS = ("review_vs_plan", "plan_vs_plan")


def _path(name: str) -> Path:
    return ROOT / name if name.startswith("corpora/") else require_corpora() / name


def gold_files(directory: Path = GOLD_DIR) -> list[Path]:
    return sorted(directory.glob("*.toml"))


def _key(row) -> tuple:
    return (row["old"] or None, row["new"] or None, CLASS[row["relation"]])


def score(directory: Path = GOLD_DIR):
    totals = {v: [0, 0, 0] for v in VIEWS}   # true positives, predicted, gold
    lines = []
    for file in gold_files(directory):
        gold = tomllib.loads(file.read_text("utf-8"))
        old, new = parse_file(_path(gold["old"])), parse_file(_path(gold["new"]))
        links = align_links(old, new)
        for view in VIEWS:
            want = {_key(r) for r in gold.get(view, [])}
            got = {(l.old, l.new, CLASS[l.relation]) for l in links[view]}
            tp = len(want & got)
            totals[view][0] += tp
            totals[view][1] += len(got)
            totals[view][2] += len(want)
            lines.append(f"{file.stem:32} {view:15} P {tp}/{len(got)} R {tp}/{len(want)}")
            for k in sorted(want - got, key=str):
                lines.append(f"    missed   {k}")
            for k in sorted(got - want, key=str):
                lines.append(f"    spurious {k}")
    f1 = {}
    for view, (tp, pred, gold) in totals.items():
        p, r = tp / max(pred, 1), tp / max(gold, 1)
        f1[view] = (p, r, 2 * p * r / max(p + r, 1e-9))
    return f1, lines


if __name__ == "__main__":
    import sys

    directory = (BLIND_DIR if "--blind" in sys.argv
                 else HELD_OUT_DIR if "--held-out" in sys.argv else GOLD_DIR)
    f1, lines = score(directory)
    print("\n".join(lines))
    for view, (p, r, f) in f1.items():
        print(f"{view}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
