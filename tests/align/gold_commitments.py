"""Score the commitment ledger against tests/gold/commitments.tsv (written by reading the plans
and the next year's reviews; see tests/gold/COMMITMENTS.md).

The gold lists every commitment of some paragraphs (by line). A tool commitment on the same line
whose object shares most character bigrams with the gold object is that commitment. Halves are
split by file: ``tuning`` (hailar-2018, national-2017) and ``test`` (hailar-2017, national-2016).
"""
from __future__ import annotations

from collections import defaultdict

import reportdiff
from reportdiff.align.commitments import grams
from tests.conftest import read_tsv, require_corpora

TUNING = {"district-hailar-derek-s/hailar-2018.txt", "national-dxcarl/national-2017.txt"}
SAME = 0.6


def _overlap(gold: str, found: str) -> float:
    a, b = grams(gold), grams(found)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def score(half: str) -> dict:
    corpora = require_corpora()
    rows = [r for r in read_tsv("commitments.tsv") if (r["file"] in TUNING) == (half == "tuning")]
    by_file = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(r)
    found = agree = evidence_right = 0
    lines = []
    for path, gold in by_file.items():
        old = corpora / path
        c = reportdiff.compare(old, old.parent / gold[0]["next"])
        taken: set[str] = set()
        for g in gold:
            line = int(g["line"])
            # of the tool's commitments on the line, the one sharing most of the gold object
            # (not the first that shares enough: 城市管理能力 is not 城市管理系统工程)
            near = [(_overlap(g["object"], e.commitment.object), -k, e)
                    for k, e in enumerate(c.commitments) if e.commitment.lines
                    and e.commitment.lines[0] <= line <= e.commitment.lines[1]
                    and e.commitment.id not in taken]
            near = [x for x in near if x[0] >= SAME]
            match = max(near, key=lambda x: x[:2])[2] if near else None
            if match is None:
                lines.append(f"MISSING {path}:{line} {g['object']}")
                continue
            taken.add(match.commitment.id)
            found += 1
            ok = match.status == g["status"]
            agree += ok
            want = int(g["evidence_line"]) if g["evidence_line"] else None
            got = match.evidence[0].lines[0] if match.evidence else None
            ev = got == want or (want is not None and match.evidence
                                 and match.evidence[0].lines[0] <= want <= match.evidence[0].lines[1])
            evidence_right += bool(ev)
            if not ok or not ev:
                lines.append(f"{'STATUS' if not ok else 'EVIDENCE'} {path}:{line} "
                             f"{g['object']}: gold {g['status']}@{want}, tool {match.status}@{got}"
                             f" ({match.reason})")
    n = len(rows)
    return {"gold": n, "found": found, "recall": found / n if n else 0.0,
            "status": agree / found if found else 0.0,
            "evidence": evidence_right / found if found else 0.0, "lines": lines}
