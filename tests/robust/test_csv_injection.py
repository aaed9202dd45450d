"""CSV cells a spreadsheet would run as formulas are neutralised; numbers stay numbers.

The sample reports are rewritten with hostile headings and paragraphs (a heading
``=HYPERLINK(…)``, lines starting ``+``, ``-``, ``@``) and every CSV the tool writes is read
back: no text cell starts a formula, and the numeric columns read as numbers in pandas.
"""
from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportdiff.render.files import frame_csv_bytes, neutralise
from reportdiff.sample_corpus import sample_files

FORMULA = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")
HOSTILE = ('=HYPERLINK("http://example.invalid","点击")', "+1+cmd|' /C calc'!A0", "-2+3",
           "@SUM(A1:A9)")


def _hostile(source: str, target: Path) -> str:
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    out = []
    for i, line in enumerate(lines):
        attack = HOSTILE[i % len(HOSTILE)]
        if re.match(r"^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）", line):
            number, title = re.match(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)(.*)", line).groups()
            line = f"{number}{attack}{title}"
        elif i % 7 == 3 and len(line) > 20:
            line = f"{attack}{line}"
        out.append(line)
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return str(target)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    """Every CSV that metrics, compare and timeline write for hostile reports."""
    base = tmp_path_factory.mktemp("hostile")
    files = [_hostile(f, base / Path(f).name) for f in sample_files()[-3:]]
    runs = [("metrics", files[-1], "--csv", str(base / "metrics.csv")),
            ("compare", files[-2], files[-1], "--csv", str(base / "compare")),
            ("timeline", *files, "--csv", str(base / "timeline"))]
    for args in runs:
        result = subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    paths = sorted(base.rglob("*.csv"))
    assert len(paths) >= 1 + 4 + 2
    return paths


def test_no_text_cell_starts_a_formula(written):
    neutralised = 0
    for path in written:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(FORMULA):
                        assert NUMBER.fullmatch(cell), (path.name, cell)
                    neutralised += cell.startswith(tuple("'" + c for c in FORMULA))
    assert neutralised >= 5  # the hostile headings and paragraphs did reach the tables


def test_numbers_still_read_as_numbers(written):
    import pandas as pd

    negatives = 0
    for path in written:
        frame = pd.read_csv(path, encoding="utf-8-sig")
        for column in frame.columns:
            cells = frame[column].dropna().astype(str)
            if len(cells) and cells.map(lambda c: bool(NUMBER.fullmatch(c))).all() \
                    and not cells.str.endswith("%").any():
                assert pd.api.types.is_numeric_dtype(frame[column]), (path.name, column)
                negatives += int((frame[column] < 0).sum())
    assert negatives > 0  # negative values (deltas, z) are written and read as numbers


def test_the_frames_numeric_columns_round_trip():
    import io

    import pandas as pd

    frame = pd.DataFrame({"title": ["=1+1", "-改革", "普通", "-0.5", None],
                          "delta": [-0.5, 1.0, -3.0, 2.5, None], "n": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.BytesIO(frame_csv_bytes(frame)), encoding="utf-8-sig")
    assert back["title"].tolist()[:4] == ["'=1+1", "'-改革", "普通", -0.5] or \
        back["title"].astype(str).tolist()[:4] == ["'=1+1", "'-改革", "普通", "-0.5"]
    assert back["delta"].tolist()[:4] == [-0.5, 1.0, -3.0, 2.5]
    assert back["n"].tolist() == [-1, 2, 3, 4, 5] and back["n"].dtype.kind == "i"


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("+86 10", "'+86 10"), ("-改革", "'-改革"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-0.5", "-0.5"),
    ("+3", "+3"), ("-12%", "-12%"), ("1e-3", "1e-3"), ("地区生产总值", "地区生产总值"),
    ("a=b", "a=b"), ("", "")])
def test_neutralise(cell, safe):
    assert neutralise(cell) == safe


def test_non_text_values_are_left_alone():
    assert neutralise(-0.5) == -0.5 and neutralise(None) is None
