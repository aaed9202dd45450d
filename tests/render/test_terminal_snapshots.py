"""The terminal report of the sample corpus at a fixed width, against reviewed snapshots
(syrupy; update with `pytest --snapshot-update` after reading the diff)."""
from __future__ import annotations

import subprocess
import sys

from rich.console import Console

import reportdiff
from tests.conftest import ROOT

SAMPLE = ROOT / "corpora" / "sample"


def _comparison(a: int, b: int):
    old = reportdiff.parse((SAMPLE / f"shili-{a}.txt").read_bytes(), name=f"shili-{a}.txt")
    new = reportdiff.parse((SAMPLE / f"shili-{b}.txt").read_bytes(), name=f"shili-{b}.txt")
    return reportdiff.compare(old, new)


def _render(renderable, width: int = 100) -> str:
    console = Console(width=width, record=True, no_color=True, color_system=None,
                      file=open("/dev/null", "w"))
    console.print(renderable)
    return console.export_text()


def test_compare_terminal_report_2023_2024(snapshot):
    assert _render(_comparison(2023, 2024)) == snapshot


def test_section_diff_terminal(snapshot):
    from reportdiff.render.diff_terminal import section_diff

    assert _render(section_diff(_comparison(2022, 2023), "old:2.2")) == snapshot


def test_parse_tree_terminal(snapshot):
    report = reportdiff.parse((SAMPLE / "shili-2024.txt").read_bytes(), name="shili-2024.txt")
    assert _render(report) == snapshot


def test_chinese_widths_line_up():
    text = _render(_comparison(2023, 2024), width=80)
    for line in text.splitlines():
        assert Console().measure  # rich measures cell width; every line fits the width
        from rich.cells import cell_len

        assert cell_len(line) <= 80, line


def test_compare_piped_has_no_ansi_codes():
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(SAMPLE / "shili-2023.txt"),
                          str(SAMPLE / "shili-2024.txt")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "\x1b[" not in out.stdout
    assert "Targets for 2024" not in out.stdout and "Targets for 2023" in out.stdout


def test_section_option_unknown_id_is_a_one_line_error():
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(SAMPLE / "shili-2023.txt"),
                          str(SAMPLE / "shili-2024.txt"), "--section", "9.9"], capture_output=True, text=True)
    assert out.returncode == 2 and "9.9" in out.stderr and "Traceback" not in out.stderr


def test_csv_directory(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(SAMPLE / "shili-2023.txt"),
                          str(SAMPLE / "shili-2024.txt"), "--csv", str(tmp_path / "tables")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    for name in ("ledger", "links", "changes", "priorities", "commitments", "wording"):
        raw = (tmp_path / "tables" / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
    c = _comparison(2023, 2024)
    ledger = (tmp_path / "tables" / "ledger.csv").read_text("utf-8-sig").splitlines()
    assert len(ledger) == len(c.ledger) + 1
    frame = c.ledger.to_frame()
    assert list(frame["status"]) == [e.status for e in c.ledger]
