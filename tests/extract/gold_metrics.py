"""Scoring of the metric extractor against tests/gold/metrics.tsv (used by the tests and by
`python -m tests.extract.gold_metrics [tune|test]` for a per-row report).

The gold is split by file into halves: files of odd years (``national-2003``,
``synthetic/metrics-2025``) are the tuning half, files of even years the test half. Files
under ``synthetic/`` are sentences written for the project in the genre's style (in
tests/gold/synthetic), for families of phrasing the corpora in ../shared lack."""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass

from reportdiff.extract.metrics import paragraph_metrics, sentences
from reportdiff.ingest.normalize import normalize_line
from tests.conftest import GOLD, read_tsv, require_corpora


@dataclass
class Scores:
    gold: int
    predicted: int
    tp_core: int        # (value, unit, kind) right, counted on gold rows
    tp_core_pred: int   # predicted mentions that match a gold metric on (value, unit, kind)
    tp_full: int        # also qualifier and indicator
    tp_full_pred: int
    non_metric_reported: int
    non_metrics: int
    errors: list[str]

    def precision(self, full=False):
        return (self.tp_full_pred if full else self.tp_core_pred) / max(self.predicted, 1)

    def recall(self, full=False):
        return (self.tp_full if full else self.tp_core) / max(self.gold, 1)


def _same_value(a, b) -> bool:
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def _norm_indicator(text: str | None) -> str:
    text = normalize_line(text or "")
    # scope words, 的 and blanket modifiers do not change what is measured
    text = re.sub(r"^(全区|全市|全国|全省|我区|我市)|的|各类|各项|各种", "", text)
    return text.strip("“”\"")


def indicator_matches(got: str | None, want: str) -> bool:
    g, w = _norm_indicator(got), _norm_indicator(want)
    if not w:
        return not g
    return bool(g) and (g == w or w in g or g in w)


def _qualifier(q: str | None) -> str:
    return q or ""


def half_of(file: str) -> str:
    """``tune`` for files of odd years, ``test`` for even years."""
    year = re.search(r"(19|20)\d\d", file)
    return "tune" if year and int(year.group()) % 2 else "test"


def score(half: str | None = None) -> Scores:
    """Scores over all gold rows, or over one half (``tune`` or ``test``)."""
    corpora = require_corpora()
    rows = read_tsv("metrics.tsv")
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if half is None or half_of(row["file"]) == half:
            by_file[row["file"]].append(row)
    s = Scores(0, 0, 0, 0, 0, 0, 0, 0, [])
    for file, file_rows in by_file.items():
        path = GOLD / file if file.startswith("synthetic/") else corpora / file
        raw = re.split(r"\r\r\n|\r\n|\r|\n", path.read_text("utf-8"))
        lines: dict[int, str] = {}
        for row in file_rows:
            n = int(row["line"])
            lines[n] = normalize_line(raw[n - 1])
        # predictions per line, with spans in the normalised line
        predicted: dict[int, list] = {}
        for n, text in lines.items():
            found = []
            for offset, sentence in sentences(text):
                for m in paragraph_metrics(sentence):
                    found.append((offset + m.start, offset + m.end, m))
            predicted[n] = found
        covered: set[tuple[int, int]] = set()  # (line, sentence offset) with gold rows
        gold_spans = []
        for row in file_rows:
            n = int(row["line"])
            text = lines[n]
            surface = normalize_line(row["surface"])
            pos, k = -1, 0
            while k < int(row["occurrence"] or 1):
                pos = text.find(surface, pos + 1)
                if pos < 0:
                    break
                k += 1
            if pos < 0:
                s.errors.append(f"gold surface not found: {file}:{n} {surface}")
                continue
            for offset, sentence in sentences(text):
                if offset <= pos < offset + len(sentence):
                    covered.add((n, offset))
            gold_spans.append((n, pos, pos + len(surface), row))
        matched_pred_core, matched_pred_full = set(), set()
        for n, a, b, row in gold_spans:
            best = None
            for i, (pa, pb, m) in enumerate(predicted[n]):
                overlap = min(b, pb) - max(a, pa)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, i, m)
            if row["is_metric"] != "1":
                s.non_metrics += 1
                if best is not None and row["is_metric"] == "0" and best[0] >= 0.8 * (b - a):
                    s.non_metric_reported += 1
                    s.errors.append(f"NON-METRIC reported {file}:{n} {row['surface']} -> {best[2].surface}")
                continue
            s.gold += 1
            if best is None:
                s.errors.append(f"MISSED {file}:{n} {row['surface']} ({row['value']} {row['unit']} {row['kind']})")
                continue
            m = best[2]
            core = (_same_value(m.value, row["value"]) and m.unit == row["unit"]
                    and m.kind == row["kind"]
                    and ((m.value_high is None and not row["value_high"])
                         or (m.value_high is not None and row["value_high"]
                             and _same_value(m.value_high, row["value_high"]))))
            full = core and _qualifier(m.qualifier) == row["qualifier"] \
                and indicator_matches(m.indicator, row["indicator"])
            s.tp_core += core
            s.tp_full += full
            if core:
                matched_pred_core.add((n, best[1]))
            if full:
                matched_pred_full.add((n, best[1]))
            if not core:
                s.errors.append(f"WRONG {file}:{n} {row['surface']}: want {row['value']} {row['value_high']} "
                                f"{row['unit']} {row['kind']}; got {m.surface} {m.value} {m.value_high} {m.unit} {m.kind}")
            elif not full:
                s.errors.append(f"QUAL/IND {file}:{n} {row['surface']}: want q={row['qualifier']!r} "
                                f"ind={row['indicator']!r}; got q={m.qualifier!r} ind={m.indicator!r}")
        gold_by_line = defaultdict(list)
        for n, a, b, row in gold_spans:
            gold_by_line[n].append((a, b, row))
        for n, found in predicted.items():
            for i, (pa, pb, m) in enumerate(found):
                offsets = [o for o, sent in sentences(lines[n]) if o <= pa < o + len(sent)]
                if not offsets or (n, offsets[0]) not in covered:
                    continue
                s.predicted += 1
                s.tp_core_pred += (n, i) in matched_pred_core
                s.tp_full_pred += (n, i) in matched_pred_full
                if not any(min(b, pb) - max(a, pa) > 0 and row["is_metric"] == "1"
                           for a, b, row in gold_by_line[n]):
                    s.errors.append(f"SPURIOUS {file}:{n} {m.surface} {m.value} {m.unit} {m.kind}")
    return s


def f1(s: Scores, full: bool = False) -> float:
    p, r = s.precision(full), s.recall(full)
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    result = score(sys.argv[1] if len(sys.argv) > 1 else None)
    print("\n".join(result.errors))
    print(f"gold metrics {result.gold}, predicted in covered sentences {result.predicted}")
    print(f"core  P {result.precision():.3f} R {result.recall():.3f} F1 {f1(result):.3f}")
    print(f"full  P {result.precision(True):.3f} R {result.recall(True):.3f} F1 {f1(result, True):.3f}")
    print(f"non-metrics reported {result.non_metric_reported}/{result.non_metrics}")
    sys.exit(0)
