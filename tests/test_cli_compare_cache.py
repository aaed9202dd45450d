"""`compare` reads reports it has seen before from the cache, with their segmentation: the
same document, without parsing or the tokenizer."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "corpora" / "sample"


def run_compare(cache: Path, out: Path, *extra: str) -> set[str]:
    code = ("import sys\n"
            f"sys.argv = ['reportdiff', 'compare', {str(SAMPLE / 'shili-2022.txt')!r}, "
            f"{str(SAMPLE / 'shili-2023.txt')!r}, '--json', {str(out)!r}, *{list(extra)!r}]\n"
            "from reportdiff import cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "sys.stdout.flush()\n"
            "print('\\nMODULES', ' '.join(sorted(sys.modules)))\n")
    env = {**os.environ, "REPORTDIFF_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=env)
    return set(done.stdout.rsplit("MODULES", 1)[1].split())


def test_second_compare_reads_the_cache_and_imports_no_tokenizer(tmp_path):
    first = run_compare(tmp_path / "cache", tmp_path / "1.json")
    second = run_compare(tmp_path / "cache", tmp_path / "2.json")
    assert "rjieba" in first and "reportdiff.parse.tree" in first
    assert "rjieba" not in second and "reportdiff.parse.tree" not in second
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()


def test_no_cache_keeps_nothing_and_gives_the_same_document(tmp_path):
    run_compare(tmp_path / "cache", tmp_path / "1.json")
    run_compare(tmp_path / "other", tmp_path / "2.json", "--no-cache")
    assert not (tmp_path / "other").exists()
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
