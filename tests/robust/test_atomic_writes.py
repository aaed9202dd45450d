"""Outputs are written whole or not at all: a failed run leaves the previous files
byte-identical and says so in one line (exit 2) naming the path and the OS error."""
from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
import shutil
import tempfile
from pathlib import Path

import pytest

from reportdiff.errors import InputError
from reportdiff.render import files
from reportdiff.sample_corpus import sample_files

OLD, NEW = sample_files()[-2:]


def _cli(*args, cwd=None, preexec_fn=None, prefix=()):
    return subprocess.run([*prefix, sys.executable, "-m", "reportdiff", *args],
                          capture_output=True, text=True, cwd=cwd, preexec_fn=preexec_fn,
                          timeout=120)


def _one_line(result, *words):
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _digests(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()} | \
        {str(p.relative_to(directory)): "dir" for p in directory.rglob("*") if p.is_dir()}


def _file_size_limit(limit: int):
    def set_limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return set_limit


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A successful run's outputs: the JSON, the HTML page and the CSV set."""
    out = tmp_path_factory.mktemp("previous")
    result = _cli("compare", OLD, NEW, "--json", "c.json", "--html", "c.html", "--csv", "tables",
                  cwd=out)
    assert result.returncode == 0, result.stderr
    return out


def _copy(previous: Path, tmp_path: Path) -> Path:
    target = tmp_path / "out"
    shutil.copytree(previous, target)
    return target


def test_full_disk_leaves_the_previous_json_byte_identical(previous, tmp_path):
    out = _copy(previous, tmp_path)
    before = _digests(out)
    # a file-size limit far below the JSON's size: the disk is "full" half-way through it
    result = _cli("compare", OLD, NEW, "--json", "c.json", cwd=out,
                  preexec_fn=_file_size_limit(4096))
    _one_line(result, "c.json", "File too large")
    assert _digests(out) == before  # byte-identical, and no temporary file left behind


def test_full_disk_during_the_csv_set_leaves_the_previous_set(previous, tmp_path):
    out = _copy(previous, tmp_path)
    before = _digests(out)
    result = _cli("compare", OLD, NEW, "--csv", "tables", cwd=out,
                  preexec_fn=_file_size_limit(2048))
    _one_line(result, "tables", "File too large")
    assert _digests(out) == before


def test_a_new_csv_set_appears_whole_or_not_at_all(tmp_path):
    result = _cli("compare", OLD, NEW, "--csv", "fresh", cwd=tmp_path,
                  preexec_fn=_file_size_limit(2048))
    _one_line(result, "fresh", "File too large")
    assert list(tmp_path.iterdir()) == []  # no directory, no staging directory


def test_a_later_failure_keeps_the_earlier_outputs_of_the_run(previous, tmp_path):
    out = _copy(previous, tmp_path)
    before = _digests(out)
    result = _cli("compare", OLD, NEW, "--json", "c.json", "--csv", "tables",
                  "--html", str(tmp_path / "missing" / "c.html"), cwd=out)
    _one_line(result, "missing/c.html", "No such file or directory")
    assert _digests(out) == before


def test_dev_full(tmp_path):
    _one_line(_cli("compare", OLD, NEW, "--json", "/dev/full"), "/dev/full",
              "No space left on device")
    _one_line(_cli("compare", OLD, NEW, "--csv", "/dev/full"), "/dev/full", "not a directory")


def test_missing_parent(tmp_path):
    target = tmp_path / "no" / "such" / "c.json"
    _one_line(_cli("compare", OLD, NEW, "--json", str(target)), str(target),
              "No such file or directory")
    _one_line(_cli("align", OLD, NEW, "--save", str(target)), str(target),
              "No such file or directory")
    assert list(tmp_path.iterdir()) == []


def _without_root_override() -> tuple[str, ...]:
    """Root ignores permission bits: run the child without that capability."""
    if os.getuid() != 0:
        return ()
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and util-linux's setpriv is missing")
    return ("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--")


def test_read_only_directory():
    prefix = _without_root_override()
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        locked = base / "locked"
        locked.mkdir()
        (locked / "c.json").write_text("previous\n", encoding="utf-8")
        locked.chmod(0o555)

        for args in (("--json", str(locked / "c.json")), ("--csv", str(locked / "t")),
                     ("--html", str(locked / "c.html"))):
            result = _cli("compare", OLD, NEW, *args, cwd=str(base), prefix=prefix)
            _one_line(result, str(locked), "Permission denied")
        assert sorted(p.name for p in locked.iterdir()) == ["c.json"]
        assert (locked / "c.json").read_text(encoding="utf-8") == "previous\n"
    finally:
        locked.chmod(0o755)
        shutil.rmtree(base)


def test_writes_keep_the_mode_and_follow_links(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    files.write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link.txt"]


def test_a_set_into_an_existing_directory_keeps_other_files(tmp_path):
    (tmp_path / "mine.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "a.csv").write_text("old", encoding="utf-8")
    written = files.write_files(tmp_path, {"a.csv": "new a", "b.csv": b"new b"})
    assert written == [str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == \
        {"mine.txt": "keep", "a.csv": "new a", "b.csv": "new b"}


def test_a_failing_rename_puts_back_what_the_batch_replaced(tmp_path, monkeypatch):
    (tmp_path / "a.json").write_text("old a", encoding="utf-8")
    (tmp_path / "b.json").write_text("old b", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2 and str(dst).endswith("b.json"):
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    with pytest.raises(InputError, match="b.json: cannot write"):
        with files.outputs():
            files.write_text(tmp_path / "a.json", "new a")
            files.write_text(tmp_path / "b.json", "new b")
            monkeypatch.setattr(files.os, "replace", flaky)
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == \
        {"a.json": "old a", "b.json": "old b"}


def test_an_exception_inside_outputs_writes_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        with files.outputs():
            files.write_text(tmp_path / "a.json", "new")
            files.write_files(tmp_path / "set", {"x.csv": "1"})
            raise RuntimeError("the run failed")
    assert list(tmp_path.iterdir()) == []


def test_writing_onto_a_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        files.write_text(tmp_path, "x")
