"""Build ``reportdiff/lexicon/priority_df.tsv``: in how many reports of the genre each candidate
phrase is written, national and local apart. The priorities use it as the background of a
pair when no other report of its series is given (a phrase most reports use is pushed down
the new and dropped lists: its absence from one of two reports says little).

Run from the checkout, with the corpora in ../shared beside it::

    python tools/priority_df.py            # writes reportdiff/lexicon/priority_df.tsv

Reports: one copy of each year, 1990 on (the national series of ``national-dxcarl`` where it
has the year, ``national-ljtyduyu`` before 2003; the Hailar district series; the partial
Haidian report). Phrases: the candidates of every report (``priorities.candidates``) and its
words of two characters or more (a phrase whose every word is common is a generic one); a
phrase is listed when at least ``MIN_DF`` reports write it (counted by substring, as the
priorities count). The table holds phrases and counts only, no text of any report.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "reportdiff" / "lexicon" / "priority_df.tsv"
FIRST_YEAR = 1990
MIN_DF = 3


def reports() -> dict[str, list[Path]]:
    national: dict[int, Path] = {}
    for folder in ("national-ljtyduyu", "national-dxcarl"):   # dxcarl wins where both have a year
        for path in sorted((CORPORA / folder).glob("national-*.txt")):
            year = int(path.stem.split("-")[1])
            if year >= FIRST_YEAR:
                national[year] = path
    local = sorted((CORPORA / "district-hailar-derek-s").glob("hailar-*.txt"))
    local += sorted((CORPORA / "haidian-seed").glob("*.txt"))
    return {"national": [national[y] for y in sorted(national)],
            "local": local}


def main() -> int:
    import reportdiff
    from reportdiff.align.priorities import candidates, text_of
    from reportdiff.align.tokens import tokens

    groups = reports()
    texts: dict[str, list[str]] = {}
    phrases: dict[str, int] = {}
    for group, paths in groups.items():
        texts[group] = []
        for path in paths:
            report = reportdiff.parse(path)
            texts[group].append(text_of(report))
            words = set(candidates(report)[0])
            words.update(w for w in tokens(texts[group][-1]) if len(w) >= 2)
            for phrase in words:
                phrases[phrase] = phrases.get(phrase, 0) + 1
            print(group, path.name, len(phrases), file=sys.stderr)
    rows = []
    for phrase in sorted(p for p, n in phrases.items() if n >= 2):
        df = {g: sum(phrase in t for t in ts) for g, ts in texts.items()}
        if sum(df.values()) >= MIN_DF:
            rows.append((phrase, df["national"], df["local"]))
    n = {g: len(ts) for g, ts in texts.items()}
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# Reports of the genre writing each phrase: built by tools/priority_df.py from "
                 f"{n['national']} national reports ({FIRST_YEAR}-2018) and {n['local']} local "
                 f"ones (Hailar 2012-2019, Haidian 2024 partial).\n")
        fh.write(f"# reports\t{n['national']}\t{n['local']}\n")
        fh.write("term\tnational\tlocal\n")
        for row in rows:
            fh.write("\t".join(map(str, row)) + "\n")
    print(f"{len(rows)} phrases → {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
