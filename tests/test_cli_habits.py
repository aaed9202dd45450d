"""Command-line habits: --version, --color and NO_COLOR, --section old:/new:, a word diff that
reads without colour, 80-column tables, non-text bytes refused whatever the extension."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len
from rich.console import Console

import reportdiff
from reportdiff.align.textdiff import coalesce, word_diff
from tests.conftest import ROOT, require_corpora

SAMPLE = ROOT / "corpora" / "sample"
PAIR = [str(SAMPLE / "shili-2023.txt"), str(SAMPLE / "shili-2024.txt")]


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "reportdiff", *map(str, args)],
                          capture_output=True, text=True, env={**os.environ, **(env or {})})


def test_version_before_or_after_the_command():
    for args in (["--version"], ["compare", *PAIR, "--version"]):
        out = _cli(*args)
        assert out.returncode == 0 and out.stdout.strip() == f"reportdiff {reportdiff.__version__}"


def test_color_always_never_and_no_color():
    always = _cli("compare", *PAIR, "--color", "always")
    assert always.returncode == 0 and "\x1b[" in always.stdout
    assert "\x1b[" in _cli("--color=always", "compare", *PAIR).stdout
    never = _cli("compare", *PAIR, "--color", "never", env={"FORCE_COLOR": "1"})
    assert never.returncode == 0 and "\x1b[" not in never.stdout
    # auto on a pipe: no codes; NO_COLOR with a forced terminal: no colour codes (30–37, 38;…)
    assert "\x1b[" not in _cli("compare", *PAIR).stdout
    forced = _cli("compare", *PAIR, env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert not re.search(r"\x1b\[[0-9;]*3[0-8][;m]", forced.stdout)
    bad = _cli("compare", *PAIR, "--color", "sometimes")
    assert bad.returncode == 2 and "auto, always, never" in bad.stderr


def test_section_asks_which_side_for_an_id_of_both():
    out = _cli("compare", *PAIR, "--section", "2.2")
    assert out.returncode == 2 and "old:2.2" in out.stderr and "new:2.2" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    old = _cli("compare", *PAIR, "--section", "old:2.2")
    new = _cli("compare", *PAIR, "--section", "new:2.2")
    assert old.returncode == 0 and new.returncode == 0
    assert old.stdout != new.stdout
    bad = _cli("compare", *PAIR, "--section", "mid:2.2")
    assert bad.returncode == 2 and "old:ID" in bad.stderr


def test_plan_against_plan_is_a_word_diff_review_against_plan_side_by_side():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    from reportdiff.render.diff_terminal import section_diff

    console = Console(width=100, record=True, color_system=None, file=open(os.devnull, "w"))
    console.print(section_diff(c, "old:2.2"))
    text = console.export_text()
    review_part, plan_part = text.split("plan against plan", 1)
    assert "[-" not in review_part and "{+" not in review_part
    assert "[-" in plan_part and "{+" in plan_part
    # readable without colour: few, long changes, not marks every few characters
    pair = next(p for p in c.pairs("plan_vs_plan") if p.link.old == "2.2")
    changed = [t for op, t in pair.runs if op != "equal"]
    equal_between = [t for k, (op, t) in enumerate(pair.runs)
                     if op == "equal" and 0 < k < len(pair.runs) - 1]
    assert all(len(re.sub(r"[，。、；：\s]", "", t)) >= 4 or "\n" in t for t in equal_between)
    assert sum(map(len, changed)) / len(changed) > 15


def test_short_unchanged_pieces_fold_into_the_change():
    runs = word_diff("坚持中心城区优先发展战略，统筹空间、规模、产业三大结构",
                     "坚持中心城区优先发展战略，补短板、精管理、塑文明")
    assert runs[0] == ("equal", "坚持中心城区优先发展战略，")
    assert [op for op, _ in runs[1:]] == ["delete", "insert"]
    assert coalesce([("equal", "a")]) == [("equal", "a")]


def test_scorecard_at_80_columns_fits_and_keeps_indicators_readable():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2017.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2018.txt")
    from reportdiff.render.compare_terminal import scorecard

    console = Console(width=80, record=True, color_system=None, file=open(os.devnull, "w"))
    console.print(scorecard(c))
    lines = console.export_text().splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    table = [line for line in lines if line.startswith("│")]
    assert all(line.endswith("│") for line in table)  # nothing cropped on the right
    # 地区生产总值 (6 characters) is never split over two lines
    assert any("地区生产总值" in line for line in table)
    first_cells = [line.split("│")[1].strip() for line in table]
    assert "地区生产总" not in first_cells and "值" not in first_cells


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".html", ""])
def test_rtf_is_refused_whatever_its_extension(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\f0 \\par}")
    out = _cli("parse", path)
    assert out.returncode == 2 and "RTF" in out.stderr and str(path) in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("magic,what", [(b"\x00\x00\x00\x18ftypmp42", "MP4"),
                                        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "RIFF"),
                                        (b"SQLite format 3\x00", "SQLite")])
def test_other_binary_formats_are_refused(tmp_path, magic, what):
    path = tmp_path / "report.txt"
    path.write_bytes(magic + b"\x01" * 64)
    out = _cli("parse", path)
    assert out.returncode == 2 and what in out.stderr
