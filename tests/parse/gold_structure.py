"""The parser against a structure gold (`python -m tests.parse.gold_structure --gold
structure-heldout.tsv [--half tune|test]` prints every difference and the figures issue 8 names:
parts exact, sections per part within ±1, front matter)."""
from __future__ import annotations

import argparse
import re

from reportdiff.parse import parse_file
from tests.conftest import read_tsv, require_corpora

META_FIELDS = ("title", "region", "level", "delivered", "session", "speaker", "speaker_title",
               "review_year", "plan_year", "kind")


def observe(file):
    report = parse_file(require_corpora() / file)
    meta = report.meta.to_dict()
    got = {k: "" if meta[k] is None else str(meta[k]) for k in META_FIELDS}
    return got, [len(p.sections) for p in report.sections]


def score(gold: str = "structure.tsv", half: str | None = None):
    """(files, parts exact, files with every part's sections within ±1, parts within ±1,
    parts compared, meta right, meta total, lines, parts with their sections exact)."""
    rows = read_tsv(gold)
    if half:
        rows = [r for r in rows
                if ("tune" if int(re.search(r"(\d{4})\.txt$", r["file"]).group(1)) % 2 else "test") == half]
    parts_ok = files_pm1 = parts_pm1 = parts_n = meta_ok = meta_n = parts_same = 0
    lines = []
    for row in rows:
        got, sections = observe(row["file"])
        want = [int(x) for x in row["sections_per_part"].split(",") if x != ""]
        exact = len(sections) == int(row["parts"])
        parts_ok += exact
        close = [abs(a - b) <= 1 for a, b in zip(sections, want)] if exact else [False] * len(want)
        parts_pm1 += sum(close)
        parts_same += sum(a == b for a, b in zip(sections, want)) if exact else 0
        parts_n += len(want)
        files_pm1 += exact and all(close)
        if not exact or not all(close):
            lines.append(f"{row['file']:40} parts {len(sections)} want {row['parts']}; "
                         f"sections {','.join(map(str, sections))} want {row['sections_per_part']}")
        for key in META_FIELDS:
            meta_n += 1
            if got[key] == row[key]:
                meta_ok += 1
            else:
                lines.append(f"{row['file']:40} {key:13} want {row[key]!r} got {got[key]!r}")
    return len(rows), parts_ok, files_pm1, parts_pm1, parts_n, meta_ok, meta_n, lines, parts_same


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="structure.tsv", help="gold file in tests/gold")
    parser.add_argument("--half", choices=("tune", "test"), help="odd (tune) or even (test) years")
    args = parser.parse_args()
    n, parts_ok, files_pm1, parts_pm1, parts_n, meta_ok, meta_n, lines, same = score(args.gold, args.half)
    print("\n".join(lines))
    print(f"parts exact {parts_ok}/{n} = {parts_ok / n:.3f}; sections within ±1: files "
          f"{files_pm1}/{n} = {files_pm1 / n:.3f}, parts {parts_pm1}/{parts_n} = "
          f"{parts_pm1 / max(parts_n, 1):.3f} (exact {same}/{parts_n}); front matter {meta_ok}/{meta_n} = {meta_ok / meta_n:.3f}")
