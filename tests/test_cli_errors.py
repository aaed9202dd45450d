"""Bad input: one line on stderr naming the file and the problem, exit 2, no traceback."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "reportdiff", *args], capture_output=True,
                          text=True, **kwargs)


def _assert_one_line_error(result, name, problem):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and problem in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _assert_one_line_error(_run("parse", str(path)), "empty.txt", "is empty")


def test_png(tmp_path):
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    _assert_one_line_error(_run("parse", str(path)), "picture.txt", "PNG image")


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(4000))
    _assert_one_line_error(_run("parse", str(path)), "noise.txt", "binary")


def test_directory(tmp_path):
    _assert_one_line_error(_run("parse", str(tmp_path)), str(tmp_path), "is a directory")


def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    _assert_one_line_error(_run("parse", str(missing)), "nope.txt", "no such file")


def test_debug_shows_the_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _run("--debug", "parse", str(path))
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_no_headings_gives_paragraphs_and_a_warning(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("今年我们做了很多工作。\n经济持续向好，民生不断改善。\n", encoding="utf-8")
    result = _run("parse", str(path), "--json")
    assert result.returncode == 0, result.stderr
    import json

    doc = json.loads(result.stdout)
    assert doc["sections"] == [] and len(doc["preamble"]) == 2
    assert "no_headings" in [w["code"] for w in doc["warnings"]]


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory read from /proc-style rusage")
def test_50_mb_file_is_refused_quickly_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.txt"
    chunk = ("经济社会发展取得新成效，地区生产总值增长6%。\n" * 1000).encode()
    with open(path, "wb") as fh:
        while fh.tell() < 50 * 2**20:
            fh.write(chunk)
    code = ("import resource, subprocess, sys; "
            f"r = subprocess.run([sys.executable, '-m', 'reportdiff', 'parse', {str(path)!r}], "
            "capture_output=True, text=True); "
            "print(r.returncode); print(r.stderr.strip()); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out[0] == "2"
    assert "huge.txt" in out[1] and "MB" in out[1]
    assert int(out[2]) < 200 * 1024  # KiB: far below the file's own size in memory
