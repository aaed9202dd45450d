"""Output invariance: a change made for speed must not move a byte of what compare writes.

    python bench/invariance.py [--base REV] [--corpora PATH]

For every consecutive pair of the Hailar series (2012–2019), of national-dxcarl (2003–2018)
and of corpora/sample, runs ``python -m reportdiff compare OLD NEW --json FILE --csv DIR
--color never`` in REV (default: where this branch leaves main, ``git merge-base HEAD main``;
checked out as a detached worktree under /tmp) and in (a snapshot of) the working tree, each with
``--no-cache`` and with a warmed cache folder, and compares the JSON document, every CSV file
and the terminal output (stdout, the tables printed beside ``--json FILE``) byte for byte.
REV's outputs are kept under /tmp and reused. Exit status 1 on any difference.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "REPORTDIFF_CACHE_DIR")}
# a fixed hash seed: where two candidates tie, the order a set of strings is summed in decides
# (e.g. the commitment ledger's bigram weights), and that order follows the seed
ENV.update(COLUMNS="120", NO_COLOR="1", PYTHONHASHSEED="0")


def pairs(corpora: Path) -> list[tuple[Path, Path]]:
    out = []
    for folder, stem, years in (("district-hailar-derek-s", "hailar", range(2012, 2020)),
                                ("national-dxcarl", "national", range(2003, 2019))):
        files = [corpora / folder / f"{stem}-{y}.txt" for y in years]
        out += list(zip(files, files[1:]))
    sample = sorted((ROOT / "corpora" / "sample").glob("*.txt"))
    return out + list(zip(sample, sample[1:]))


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.strip()


def outputs(tree: Path, todo: list[tuple[Path, Path]], into: Path) -> None:
    """Every pair's JSON, CSV files and stdout, cold and cached, under ``into``."""
    cache = Path(tempfile.mkdtemp(prefix="reportdiff-inv-cache-"))
    try:
        for old, new in todo:
            for mode, extra in (("cold", ["--no-cache"]), ("warm", ["--cache-dir", str(cache)]),
                                ("cached", ["--cache-dir", str(cache)])):
                out = into / f"{old.stem}--{new.stem}" / mode
                out.mkdir(parents=True, exist_ok=True)
                run = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(old), str(new),
                                      "--json", str(out / "c.json"), "--csv", str(out / "csv"),
                                      "--color", "never", *extra],
                                     cwd=tree, env=ENV, capture_output=True)
                (out / "stdout").write_bytes(run.stdout)
                (out / "stderr+rc").write_bytes(run.stderr + f"\nrc={run.returncode}\n".encode())
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default=None, help="revision to compare against (default: merge-base HEAD main)")
    ap.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    args = ap.parse_args()
    sha = git("rev-parse", "--short", args.base or git("merge-base", "HEAD", "main"))
    todo = pairs(Path(args.corpora))
    missing = [p for pair in todo for p in pair if not p.is_file()]
    if missing:
        print(f"missing corpus files, e.g. {missing[0]}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.gettempdir())
    tree = tmp / f"reportdiff-against-{sha}"
    if not (tree / "reportdiff").is_dir():
        git("worktree", "add", "--detach", str(tree), sha)
    base = tmp / f"reportdiff-invariance-{sha}"
    if not (base / "done").exists():
        shutil.rmtree(base, ignore_errors=True)
        outputs(tree, todo, base)
        (base / "done").write_text("ok\n")
    work = Path(tempfile.mkdtemp(prefix="reportdiff-invariance-work-"))
    # a snapshot of the working tree's package, so that editing on meanwhile changes nothing
    snap = Path(tempfile.mkdtemp(prefix="reportdiff-invariance-snap-"))
    shutil.copytree(ROOT / "reportdiff", snap / "reportdiff",
                    ignore=shutil.ignore_patterns("__pycache__"))
    try:
        outputs(snap, todo, work)
    finally:
        shutil.rmtree(snap, ignore_errors=True)
    a, b = files_of(base), files_of(work)
    a.pop("done", None)
    differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    for k in differ[:40]:
        print(f"DIFFERS: {k}" + ("" if k in a and k in b else " (missing on one side)"))
    print(f"{len(todo)} pairs × 3 runs, {len(a)} files compared against {sha}: "
          f"{'IDENTICAL' if not differ else f'{len(differ)} DIFFER'} (work outputs in {work})")
    if not differ:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
