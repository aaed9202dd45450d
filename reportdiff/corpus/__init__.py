"""A whole corpus at once: reports grouped into series by region, each series in plan-year
order, every consecutive pair compared, and the panel of targets and outcomes that gives.

One task per report (parse and extract, or the cache) and one per consecutive pair (the
ledger) run on this process, a process pool or a dask cluster; results are used in the order
the tasks were given, so the panel is the same whichever ran them.

>>> import reportdiff
>>> p = reportdiff.panel(["corpora/sample"], jobs=1, cache=False)
>>> [(s["series"], s["years"]) for s in p.series]
[('示例区', [2021, 2022, 2023, 2024])]
>>> sorted({t["status"] for t in p.targets if t["plan_year"] == 2021})
['met', 'missed', 'not_reported', 'unclear']
"""
from __future__ import annotations

import os
from contextlib import ExitStack
from typing import Any, Callable, Iterable

from ..errors import InputError
from ..model import Notice
from .cache import run_cache_root
from .executors import Executor
from .members import arrange, expand, level_of, load_series_file, series_names
from .result import Panel
from .rows import metric_row, series_row, target_row, year_ranges
from .tasks import compare_pair, preload, read_member

__all__ = ["panel", "Panel"]

#: ``progress(stage, total)`` returns the function to call as each task of the stage is done.
Progress = Callable[[str, int], Callable[[], None]]


def panel(paths: Iterable[str | os.PathLike], *, series: str | None = None,
          jobs: int | None = None, dask: Any = None, cache: bool = True,
          cache_dir: str | None = None, progress: Progress | None = None) -> Panel:
    """The panel of the reports under ``paths`` (files, folders, globs). ``series``: a TOML
    file naming series (see ``members.SeriesFile``); ``jobs``: local processes (default: the
    cores); ``dask``: a scheduler address, ``"local"`` or a ``distributed.Client``."""
    files, missing = expand(paths)
    overrides = load_series_file(series)
    skipped = [{"path": p, "reason": r} for p, r in missing]
    stats = {"files": len(files), "parsed": 0, "from_cache": 0, "pairs": 0, "compared": 0,
             "pairs_from_cache": 0}
    tick = progress or (lambda stage, total: None)
    with ExitStack() as stack:
        root = run_cache_root(stack, cache, cache_dir)
        executor = stack.enter_context(Executor(jobs, dask, preload))
        members = []
        for m in executor.map(read_member, [(f, root) for f in files], tick("reading", len(files))):
            stats["parsed" if m.parsed else "from_cache"] += 1
            if m.problem is None and m.meta.region is None and not overrides.for_file(m.path):
                m = _skip(m, "no region found: name its series in a --series file")
            if m.problem:
                skipped.append({"path": m.path, "reason": m.problem})
            else:
                members.append(m)
        if not members:
            raise InputError(", ".join(os.fspath(p) for p in paths) or "panel",
                             "no report could be read" + _first_reasons(skipped))
        names = series_names([(m.meta.region, m.meta.level) for m in members if m.meta.region])
        names.update(overrides.regions)
        series_of = {m.path: overrides.for_file(m.path) or names.get(m.meta.region, m.meta.region)
                     for m in members}
        grouped, duplicates = arrange(members, series_of)
        pairs = [(name, k) for name, ms in grouped.items() for k in range(len(ms) - 1)
                 if ms[k + 1].meta.plan_year - ms[k].meta.plan_year == 1]
        calls = [((grouped[n][k].path, grouped[n][k].sha256),
                  (grouped[n][k + 1].path, grouped[n][k + 1].sha256), root) for n, k in pairs]
        results = {}
        for (name, k), result in zip(pairs, executor.map(compare_pair, calls,
                                                         tick("comparing", len(calls)))):
            stats["pairs"] += 1
            stats["compared" if result.compared else "pairs_from_cache"] += 1
            results[name, k] = result
    return _assemble(grouped, duplicates, results, skipped, stats)


def _skip(member, reason: str):
    import dataclasses

    return dataclasses.replace(member, problem=reason)


def _first_reasons(skipped: list[dict]) -> str:
    if not skipped:
        return ": no files found"
    first = skipped[0]
    more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
    return f": {first['path']}: {first['reason']}{more}"


def _assemble(grouped, duplicates, results, skipped, stats) -> Panel:
    targets, metrics, series, warnings = [], [], [], []
    for name, members in grouped.items():
        series_targets = []
        for k, member in enumerate(members):
            nxt = members[k + 1] if k + 1 < len(members) else None
            result = results.get((name, k))
            if result is not None:
                by_target = {e.target.id: e for e in result.entries}
                rows = [target_row(name, member, t, by_target.get(t.id), nxt)
                        for t in member.targets]
            else:
                year = member.meta.plan_year
                note = (f"no report for plan year {year + 1} in the series" if nxt
                        else "the last report of the series: no review yet")
                rows = [target_row(name, member, t, None, None, note) for t in member.targets]
            series_targets.extend(rows)
            metrics.extend(metric_row(name, member, m) for m in member.metrics)
        targets.extend(series_targets)
        row = series_row(name, members, level_of(members),
                         sum(1 for d in duplicates if d.series == name), series_targets)
        series.append(row)
        if row["gaps"]:
            warnings.append(Notice("gap", f"{name}: no report for plan year"
                                          f"{'s' if len(row['gaps']) > 1 else ''} "
                                          f"{year_ranges(row['gaps'])}"))
    for d in duplicates:
        what = "two copies of one report" if d.same_text else "two different reports claim it"
        warnings.append(Notice("duplicate", f"{d.series} {d.plan_year}: {what}; kept {d.kept} "
                                            f"({d.reason}), not {d.dropped}"))
    if skipped:
        warnings.append(Notice("skipped", f"{len(skipped)} file{'s' if len(skipped) > 1 else ''}"
                                          " skipped (see the skipped table)"))
    return Panel(tuple(series), tuple(targets), tuple(metrics),
                 tuple(sorted(skipped, key=lambda s: s["path"])),
                 tuple(d.to_dict() for d in duplicates), tuple(warnings), stats)
