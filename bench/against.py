"""CPU time of compare in this working tree against another revision, in the same run.

    python bench/against.py REV [--runs 5] [--corpora PATH] [--tree PATH]

REV is checked out as a detached git worktree under /tmp (kept for the next run). Every
measurement is a fresh process, and the two trees (and difflib) take turns, in alternating
order, so that the load of this shared machine falls on all alike; medians are printed, with
the ratio of the working tree to REV and of each to difflib.

- **in-process**: a process imports reportdiff (and rjieba, whose import builds its
  dictionary), compares the sample corpus's first pair to warm the one-time set-up (lexicons,
  compiled patterns, the tokenizer's added terms), forgets its segmentations, then times
  ``reportdiff.compare(old, new).to_json()`` with ``time.process_time``: **cold** from the two
  paths (parse included), **cached** from Reports read from a warmed cache
  (``load_report(path, cache_root=...)``, included in the time; it primes the segmentation).
- **CLI**: ``python -m reportdiff compare OLD NEW --json FILE`` as a new process, its CPU time
  (user + system, from ``RUSAGE_CHILDREN``); **cold** with ``--no-cache``; **cached** with a
  cache folder warmed beforehand (one per tree), the pair itself compared before (a revision
  with the comparison cache reads it whole); **reports cached**: the same, with the cached
  comparisons removed before each run, so that the pair is compared from the cached reports.
  The terminal tables go to a pipe.
- **difflib**: ``SequenceMatcher(None, a, b, autojunk=False).get_opcodes()`` over the two
  files' characters; in-process (the call alone) and as a new process (whole CPU time), the
  baselines of the in-process and CLI figures respectively (issue 13's goals are the CLI
  against the difflib process: national ≤ 0.30×, Hailar ≤ 0.40×).

A revision without the cache (before reportdiff.corpus) has no cached mode: its cached rows
show its cold figure, marked ``*``.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIRS = {"national 2017→2018": ("national-dxcarl/national-2017.txt", "national-dxcarl/national-2018.txt"),
         "Hailar 2018→2019": ("district-hailar-derek-s/hailar-2018.txt",
                              "district-hailar-derek-s/hailar-2019.txt")}
MEASURES = ("in-process cold", "in-process cached", "CLI cold", "CLI cached", "CLI reports cached")
WARM = ("corpora/sample/shili-2021.txt", "corpora/sample/shili-2022.txt")
# as users run it: with the bytecode cache (this workplace sets PYTHONDONTWRITEBYTECODE)
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "REPORTDIFF_CACHE_DIR")}

IN_PROCESS = r"""
import sys, time
tree, mode, a, b, cache, w1, w2 = sys.argv[1:8]
sys.path.insert(0, tree)
import rjieba, reportdiff, reportdiff.align, reportdiff.parse
from reportdiff.align import compare
import os
load_report = None  # (the editable install would find a missing module in the other tree)
if os.path.exists(os.path.join(tree, "reportdiff", "corpus", "tasks.py")):
    from reportdiff.corpus.tasks import load_report
compare(w1, w2).to_json()
import reportdiff.align.tokens as _tokens
if hasattr(_tokens, "clear"):
    _tokens.clear()
if mode == "cached" and load_report is not None:
    t = time.process_time()
    compare(load_report(a, cache_root=cache), load_report(b, cache_root=cache)).to_json()
else:
    t = time.process_time()
    compare(a, b).to_json()
print("CPU", time.process_time() - t, int(mode == "cached" and load_report is None))
"""

DIFFLIB = r"""
import difflib, sys, time
a, b = (open(p, encoding="utf-8", errors="replace").read() for p in sys.argv[1:3])
t = time.process_time()
difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
print("CPU", time.process_time() - t, 0)
"""


def child_cpu(argv: list[str], cwd: Path) -> tuple[float, float, bool]:
    """(whole-process CPU time, the CPU the child printed or 0, fell back) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(argv, cwd=cwd, env=ENV, check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    whole = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    printed, fell_back = 0.0, False
    for line in out.splitlines():
        if line.startswith("CPU "):
            _, value, flag = line.split()
            printed, fell_back = float(value), flag == "1"
    return whole, printed, fell_back


def worktree(rev: str) -> Path:
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.strip()
    path = Path(tempfile.gettempdir()) / f"reportdiff-against-{sha}"
    if not (path / "reportdiff").is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(path), sha], cwd=ROOT,
                       check=True, capture_output=True)
    return path


def has_cache_option(tree: Path) -> bool:
    return "no-cache" in (tree / "reportdiff" / "cli.py").read_text("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rev")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    ap.add_argument("--tree", default=str(ROOT), help="the tree to measure against REV "
                    "(default: this working tree)")
    args = ap.parse_args()
    corpora = Path(args.corpora)
    trees = {"rev": worktree(args.rev), "work": Path(args.tree)}
    scratch = Path(tempfile.mkdtemp(prefix="reportdiff-against-"))
    py = sys.executable
    warm = [str(ROOT / w) for w in WARM]

    def commands(tree_key: str, pair: tuple[str, str]) -> dict[str, list[str]]:
        tree = trees[tree_key]
        a, b = (str(corpora / p) for p in pair)
        cache = str(scratch / f"cache-{tree_key}")
        cli = [py, "-m", "reportdiff", "compare", a, b, "--json", str(scratch / f"{tree_key}.json")]
        cached = has_cache_option(tree)
        return {
            "in-process cold": [py, "-c", IN_PROCESS, str(tree), "cold", a, b, cache, *warm],
            "in-process cached": [py, "-c", IN_PROCESS, str(tree), "cached", a, b, cache, *warm],
            "CLI cold": cli + (["--no-cache"] if cached else []),
            "CLI cached": cli + (["--cache-dir", cache] if cached else []),
            "CLI reports cached": cli + (["--cache-dir", cache] if cached else []),
        }

    results: dict[tuple, list[float]] = {}
    fallback: set[tuple] = set()
    for label, pair in PAIRS.items():
        a, b = (str(corpora / p) for p in pair)
        # warm the bytecode of both trees and each tree's cache folder
        for key in trees:
            cmds = commands(key, pair)
            child_cpu(cmds["CLI cached"], trees[key])
            child_cpu(cmds["in-process cached"], trees[key])
        for run in range(args.runs):
            order = list(trees) if run % 2 == 0 else list(trees)[::-1]
            for measure in MEASURES:
                for key in order:
                    if measure == "CLI reports cached":
                        for entry in (scratch / f"cache-{key}").glob("*/comparison"):
                            shutil.rmtree(entry)
                    whole, printed, fell = child_cpu(commands(key, pair)[measure], trees[key])
                    value = printed if measure.startswith("in-process") else whole
                    results.setdefault((label, measure, key), []).append(value)
                    if fell or (measure.startswith("CLI") and measure != "CLI cold"
                                and not has_cache_option(trees[key])):
                        fallback.add((label, measure, key))
            whole, printed, _ = child_cpu([py, "-c", DIFFLIB, a, b], ROOT)
            results.setdefault((label, "difflib in-process", "base"), []).append(printed)
            results.setdefault((label, "difflib process", "base"), []).append(whole)

    med = {k: statistics.median(v) for k, v in results.items()}
    load = os.getloadavg()
    print(f"bench/against.py {args.rev} ({trees['rev'].name}) vs {trees['work']}; CPU seconds, "
          f"medians of {args.runs}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"{'pair':<20} {'measure':<19} {args.rev:>9} {'work':>9} {'work/rev':>9} "
          f"{'rev/difflib':>11} {'work/difflib':>12}")
    for label in PAIRS:
        dl_in, dl_proc = med[(label, "difflib in-process", "base")], med[(label, "difflib process", "base")]
        for measure in MEASURES:
            r, w = med[(label, measure, "rev")], med[(label, measure, "work")]
            base = dl_in if measure.startswith("in-process") else dl_proc
            mark = "*" if (label, measure, "rev") in fallback else " "
            print(f"{label:<20} {measure:<19} {r:8.3f}{mark} {w:9.3f} {w / r:8.2f}× "
                  f"{r / base:10.2f}× {w / base:11.2f}×")
        print(f"{label:<20} {'difflib':<19} in-process {dl_in:.3f} s, as a process {dl_proc:.3f} s")
    if fallback:
        print("* no cache in that revision: its cold figure")


if __name__ == "__main__":
    main()
