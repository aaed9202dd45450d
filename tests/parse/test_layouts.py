"""The parser on the synthetic held-out layouts in tests/parse/fixtures/ (gold by hand, see
fixtures/README.md). ``python -m tests.parse.test_layouts`` prints the figures."""
from __future__ import annotations

import csv
from pathlib import Path

from reportdiff.parse import parse_file
from tests.conftest import validate

FIXTURES = Path(__file__).parent / "fixtures"
META_FIELDS = ("title", "region", "level", "delivered", "session", "speaker", "speaker_title",
               "review_year", "plan_year", "kind")


def _gold() -> list[dict]:
    with open(FIXTURES / "gold.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def score() -> tuple[dict[str, float], list[str]]:
    """Shares of files right on each measure, and one line per disagreement."""
    counts = dict.fromkeys(("parts", "sections_pm1", "sections", "titles", "roles",
                            "front_matter", "level3", "warnings"), 0)
    meta_total = meta_right = level3_total = 0
    lines: list[str] = []
    gold = _gold()
    for row in gold:
        report = parse_file(FIXTURES / row["file"], extract=False)
        validate(report.to_dict(), "report")
        meta = {k: "" if v is None else str(v) for k, v in report.meta.to_dict().items()}
        parts = report.sections
        want_secs = [int(n) for n in row["sections_per_part"].split(",")]
        got_secs = [len(p.sections) for p in parts]
        checks = {
            "parts": len(parts) == int(row["parts"]),
            "sections": got_secs == want_secs,
            "sections_pm1": len(got_secs) == len(want_secs)
            and all(abs(a - b) <= 1 for a, b in zip(got_secs, want_secs)),
            "titles": [p.title for p in parts] == row["part_titles"].split(" | "),
            "roles": [p.role for p in parts] == row["roles"].split(","),
            "warnings": set(filter(None, row["warnings"].split(",")))
            <= {w.code for w in report.warnings},
        }
        if row["level3"]:
            level3_total += 1
            got3 = " | ".join("/".join(str(len(s.sections)) for s in p.sections) for p in parts)
            checks["level3"] = got3 == row["level3"]
            if not checks["level3"]:
                lines.append(f"{row['file']}: level3 expected {row['level3']} got {got3}")
        wrong_meta = [(k, row[k], meta[k]) for k in META_FIELDS if meta[k] != row[k]]
        meta_total += len(META_FIELDS)
        meta_right += len(META_FIELDS) - len(wrong_meta)
        checks["front_matter"] = not wrong_meta
        for key, ok in checks.items():
            counts[key] += ok
        got = {"parts": len(parts), "sections": got_secs, "titles": [p.title for p in parts],
               "roles": [p.role for p in parts], "warnings": [w.code for w in report.warnings]}
        want = {"parts": row["parts"], "sections": row["sections_per_part"],
                "titles": row["part_titles"], "roles": row["roles"], "warnings": row["warnings"]}
        lines.extend(f"{row['file']}: {key} expected {want[key]} got {got[key]}"
                     for key in got if not checks[key])
        lines.extend(f"{row['file']}: {k} expected {want!r} got {got!r}" for k, want, got in wrong_meta)
    figures = {k: v / (level3_total if k == "level3" else len(gold)) for k, v in counts.items()}
    figures["meta_fields"] = meta_right / meta_total
    return figures, lines


def test_synthetic_layouts_parse_to_their_hand_gold():
    figures, lines = score()
    report = "\n".join(lines + [f"{k}: {v:.3f}" for k, v in figures.items()])
    print(report)
    assert figures["parts"] >= 0.97, report
    assert figures["sections_pm1"] >= 0.90, report
    assert figures["meta_fields"] >= 0.97, report
    assert figures["roles"] >= 0.87, report
    assert figures["warnings"] == 1.0, report


if __name__ == "__main__":
    figs, out = score()
    print("\n".join(out))
    for key, value in figs.items():
        print(f"{key}: {value:.3f}")
