"""Mutation fuzzing over the real corpora for N minutes: counts of cases, input errors and
crashes (anything raised but the tool's InputError).

    python bench/fuzz.py --minutes 20 --jobs 2 [--seed 1] [--compare-every 10]

A crash is printed with its ``(file, mutation, seed)``, which reproduces it:
``tests/robust/mutations.py``'s ``mutate(data, mutation, seed)``.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robust.mutations import MUTATIONS, check_compare, check_parse, mutate  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def worker(args) -> dict:
    seed, seconds, compare_every = args
    files = sorted(CORPORA.glob("*/*.txt"))
    data = {f: f.read_bytes() for f in files}
    originals = {}
    rng = random.Random(seed)
    counts = {"parse": 0, "compare": 0, "input_error": 0, "crash": 0}
    crashes = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        path = rng.choice(files)
        mutation = rng.choice(sorted(MUTATIONS))
        case = rng.randrange(2**31)
        try:
            mutant = check_parse(mutate(data[path], mutation, case), path.name)
            counts["parse"] += 1
            counts["input_error"] += mutant is None
            if mutant is not None and counts["parse"] % compare_every == 0:
                if path not in originals:
                    originals[path] = check_parse(data[path], path.name)
                check_compare(originals[path], mutant)
                counts["compare"] += 1
        except Exception:  # a crash: anything but InputError
            counts["crash"] += 1
            crashes.append((path.name, mutation, case, traceback.format_exc(limit=3)))
    return {"counts": counts, "crashes": crashes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compare-every", type=int, default=10)
    args = parser.parse_args()
    seconds = args.minutes * 60
    jobs = [(args.seed * 1000 + i, seconds, args.compare_every) for i in range(args.jobs)]
    started = time.monotonic()
    with multiprocessing.Pool(args.jobs) as pool:
        results = pool.map(worker, jobs)
    total = {k: sum(r["counts"][k] for r in results) for k in results[0]["counts"]}
    for r in results:
        for name, mutation, case, tb in r["crashes"]:
            print(f"CRASH {name} {mutation} seed={case}\n{tb}")
    print(f"fuzz: {time.monotonic() - started:.0f} s, {args.jobs} jobs, seed {args.seed}: "
          f"{total['parse']} parse cases ({total['input_error']} input errors), "
          f"{total['compare']} compare cases, {total['crash']} crashes")


if __name__ == "__main__":
    main()
