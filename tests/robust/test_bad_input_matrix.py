"""Every kind of bad input through every command: exit 2 with exactly one line on stderr
naming the file (or exit 0, with warnings), never a traceback, a library warning or a hang.

Time and memory are bounded by the harness (a subprocess timeout, RLIMIT_AS), not asserted
as timings. Cases run a few at a time to keep the suite's wall time low on two cores.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from reportdiff.sample_corpus import sample_files

from .badinput import LIMIT_MB, make_cases

GOOD = sample_files()[-1]
COMMANDS = {
    "parse": ["parse", "{bad}"],
    "metrics": ["metrics", "{bad}", "--json"],
    "compare": ["compare", "{bad}", GOOD, "--json", "-"],
    "align": ["align", "{bad}", GOOD],
    "timeline": ["timeline", "{bad}", GOOD, "--json", "-"],
    "panel": ["panel", "{bad}", "--no-cache", "-j", "1", "--json", "-"],
}
TIMEOUT = 90          # seconds a case may take before the harness kills it
MEMORY = 3 * 2**30    # address space a case may map (Python, numpy and the tokenizer included)


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_case(argv: list[str]) -> subprocess.CompletedProcess:
    env = dict(os.environ, REPORTDIFF_MAX_MB=str(LIMIT_MB), PYTHONWARNINGS="default")
    return subprocess.run([sys.executable, "-m", "reportdiff", *argv], capture_output=True,
                          text=True, env=env, timeout=TIMEOUT, preexec_fn=_bounded,
                          stdin=subprocess.DEVNULL)


def verdict(name: str, path: str, result: subprocess.CompletedProcess) -> str | None:
    """None when the outcome is clean, else what is wrong."""
    lines = result.stderr.strip().splitlines()
    if "Traceback" in result.stderr or "Warning" in result.stderr:
        return f"leaked: {result.stderr[-300:]}"
    if result.returncode == 0:
        return None
    if result.returncode != 2:
        return f"exit {result.returncode}: {result.stderr[-300:]}"
    if len(lines) != 1:
        return f"{len(lines)} lines: {result.stderr[-300:]}"
    if "internal error" in lines[0]:
        return lines[0]
    if os.path.basename(path) not in lines[0]:
        return f"does not name the file: {lines[0]}"
    return None


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict[str, str]:
    return make_cases(tmp_path_factory.mktemp("bad"), GOOD)


def test_every_bad_input_through_every_command(cases):
    jobs = [(name, path, command, [a.format(bad=path) for a in argv])
            for name, path in cases.items() for command, argv in COMMANDS.items()]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: run_case(job[3]), jobs))
    problems = {f"{name} × {command}": problem
                for (name, path, command, _), result in zip(jobs, results)
                if (problem := verdict(name, path, result))}
    assert not problems, problems
    refused = sum(r.returncode == 2 for r in results)
    # nearly every case is refused outright; the long line and the nested page are read
    assert refused >= len(jobs) - 2 * len(COMMANDS), refused


@pytest.mark.parametrize("name", ["bomb.docx", "laughs.docx"])
def test_hostile_docx_is_refused_in_bounded_memory(cases, name):
    # the peak resident size of the child, measured by the harness around it
    code = ("import resource, subprocess, sys\n"
            f"r = subprocess.run([sys.executable, '-m', 'reportdiff', 'parse', {cases[name]!r}],"
            " capture_output=True, text=True, timeout=30)\n"
            "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "sys.stderr.write(r.stderr)\n")
    env = dict(os.environ, REPORTDIFF_MAX_MB=str(LIMIT_MB))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=60)
    code_, peak_kib = map(int, out.stdout.split())
    assert code_ == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "expands to" in out.stderr or "entities" in out.stderr
    assert peak_kib < 100 * 1024


def test_library_warnings_show_with_debug_only(cases):
    plain = run_case(["parse", cases["pdf-junk.pdf"]])
    assert plain.returncode == 2 and len(plain.stderr.strip().splitlines()) == 1
    debug = run_case(["--debug", "parse", cases["pdf-junk.pdf"]])
    assert "Traceback" in debug.stderr
