"""The parser against tests/gold/structure.tsv, written by reading the real reports."""
from __future__ import annotations

import pytest

from reportdiff.parse import parse_file
from reportdiff.ingest.normalize import normalize_line
from tests.conftest import read_tsv, require_corpora, validate

META_FIELDS = ("title", "region", "level", "delivered", "session", "speaker", "speaker_title",
               "review_year", "plan_year", "kind")
GOLD = read_tsv("structure.tsv")


def _observed(row):
    report = parse_file(require_corpora() / row["file"])
    validate(report.to_dict(), "report")
    meta = report.meta.to_dict()
    got_meta = {k: "" if meta[k] is None else str(meta[k]) for k in META_FIELDS}
    shape = (len(report.sections), ",".join(str(len(p.sections)) for p in report.sections))
    titles = " | ".join(p.title for p in report.sections)
    return report, got_meta, shape, titles


@pytest.fixture(scope="module")
def observed():
    return {row["file"]: _observed(row) for row in GOLD}


def test_structure_gold_has_every_required_file(corpora):
    files = {row["file"] for row in GOLD}
    for folder in ("haidian-seed", "district-hailar-derek-s", "national-dxcarl"):
        for path in (corpora / folder).glob("*.txt"):
            assert f"{folder}/{path.name}" in files
    assert sum(f.startswith("national-ljtyduyu/") for f in files) >= 5


def test_parts_and_sections_per_part_match_gold(observed):
    rows, wrong = [], 0
    for row in GOLD:
        _, _, shape, _ = observed[row["file"]]
        expected = (int(row["parts"]), row["sections_per_part"])
        ok = shape == expected
        wrong += not ok
        rows.append(f"{'ok ' if ok else 'BAD'} {row['file']:45} expected {expected} got {shape}")
    print("\n".join(rows))
    assert (len(GOLD) - wrong) / len(GOLD) >= 0.95, "\n" + "\n".join(rows)


def test_meta_fields_match_gold(observed):
    total = right = 0
    lines = []
    for row in GOLD:
        _, got, _, _ = observed[row["file"]]
        for key in META_FIELDS:
            total += 1
            if got[key] == row[key]:
                right += 1
            else:
                lines.append(f"{row['file']:45} {key:13} expected {row[key]!r} got {got[key]!r}")
    print("\n".join(lines))
    assert right / total >= 0.95, f"{right}/{total} meta fields right\n" + "\n".join(lines)


def test_part_titles_match_gold(observed):
    misses = [(row["file"], normalize_line(row["part_titles"]), observed[row["file"]][3])
              for row in GOLD
              if normalize_line(row["part_titles"]).replace(" ", "")
              != observed[row["file"]][3].replace(" ", "")]
    assert len(misses) <= 0.05 * len(GOLD), misses
