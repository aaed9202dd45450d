"""The two kinds of task a panel runs, on whichever executor: read one report (parse and
extract, or load it from the cache) and compare one consecutive pair.

Tasks are plain top-level functions of picklable arguments, so a process pool or a dask worker
can run them; each returns a small summary (meta, targets, review metrics, the ledger), not
the Report, so the caller never holds a whole corpus of Reports at once.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
import os

from ..errors import InputError
from ..model import LedgerEntry, Meta, Metric, Report, Target
from .cache import ReportCache, file_sha256

__all__ = ["Member", "PairResult", "read_member", "load_report", "compare_pair",
           "compare_reports"]


@dataclass(frozen=True, slots=True)
class Member:
    """What a panel keeps of one file: enough to group, order and judge it, and its rows."""

    path: str
    sha256: str | None
    meta: Meta | None
    problem: str | None            # why it is not a usable report (then it is skipped)
    parsed: bool                   # parsed by this run (False: read from the cache)
    warnings: tuple[str, ...] = ()
    sections: int = 0
    targets: tuple[Target, ...] = ()
    metrics: tuple[Metric, ...] = ()   # the review's metrics (role "outcome")
    surfaces: frozenset = frozenset()  # the figures it states, to tell copies from namesakes

    @property
    def quality(self) -> tuple:
        """Higher is better: complete, structured, more targets and sections, fewer notices."""
        codes = set(self.warnings)
        return ("truncated" not in codes, "no_headings" not in codes, len(self.targets),
                self.sections, len(self.metrics), -len(self.warnings))


@dataclass(frozen=True, slots=True)
class PairResult:
    entries: tuple[LedgerEntry, ...]
    warnings: tuple[str, ...]
    compared: bool                 # compared by this run (False: read from the cache)


def _cache(cache_root: str | None) -> ReportCache | None:
    return ReportCache(cache_root) if cache_root else None


def _with_path(report: Report, path: str) -> Report:
    # an entry is keyed by content: the same bytes may sit at another path this time
    if report.source.path == path:
        return report
    return dataclasses.replace(report, source=dataclasses.replace(report.source, path=path))


def _read(path: str, sha: str, cache: ReportCache | None) -> tuple[Report | str, bool]:
    """The Report (or the reason it cannot be read) and whether it was parsed now."""
    entry = cache.get("report", sha) if cache else None
    if isinstance(entry, (Report, str)):
        return (_with_path(entry, path) if isinstance(entry, Report) else entry), False
    from ..parse import parse_file

    try:
        result: Report | str = parse_file(path)
    except InputError as err:
        result = err.problem
    if cache:
        cache.put("report", sha, result)
        if isinstance(result, Report):  # the pairs it is in need not segment it again
            from ..align import token_tables

            cache.put("tokens", sha, token_tables(result))
    return result, True


def load_report(path: str, sha: str | None = None, cache_root: str | None = None) -> Report:
    """One report, from the cache when it holds it; bad input raises InputError."""
    try:
        sha = sha or (file_sha256(path) if os.path.isfile(path) else None)
    except OSError:
        sha = None
    if sha is None:  # missing, a FIFO, a device, unreadable: read once, bounded, uncached;
        from ..parse import parse_file  # parse_file words the problem as every command does

        return parse_file(path)
    cache = _cache(cache_root)
    report, parsed = _read(path, sha, cache)
    if isinstance(report, str):
        raise InputError(path, report)
    if cache and not parsed:  # its segmentation too, so that comparing it segments nothing
        tables = cache.get("tokens", sha)
        if isinstance(tables, dict):
            from ..align.tokens import prime

            prime(tables)
    return report


def problem(report: Report) -> str | None:
    """Why a readable file is still no report a panel can use, or None."""
    codes = {w.code for w in report.warnings}
    if "no_headings" in codes:
        return "no numbered parts (一、二、…): not a report's structure"
    roles = {part.role for part in report.sections}
    if not roles & {"review", "plan", "targets"} and report.meta.region is None:
        return "not a government work report: no region, no review or plan part"
    if report.meta.plan_year is None:
        return "no plan year found (title, delivery line or headings)"
    return None


def read_member(path: str, cache_root: str | None) -> Member:
    """Task: read one file of the panel."""
    try:
        sha = file_sha256(path)
    except OSError as err:
        return Member(path, None, None, f"cannot read ({err.strerror or err})", False)
    report, parsed = _read(path, sha, _cache(cache_root))
    from ..align.tokens import trim_caches

    trim_caches(8192)  # its segmentation is in the cache now: memory stays flat over a corpus
    if isinstance(report, str):
        return Member(path, sha, None, report, parsed)
    review = tuple(m for m in report.metrics if m.role == "outcome")
    return Member(path, sha, report.meta, problem(report), parsed,
                  tuple(w.code for w in report.warnings), sum(1 for _ in report.walk()),
                  tuple(report.targets), review,
                  frozenset((m.value, m.unit) for m in report.metrics))


def compare_pair(old: tuple[str, str], new: tuple[str, str], cache_root: str | None) -> PairResult:
    """Task: the ledger of one consecutive pair (``(path, sha256)`` of each side)."""
    cache = _cache(cache_root)
    key = f"{old[1]}-{new[1]}"
    entry = cache.get("pair", key) if cache else None
    if isinstance(entry, PairResult):
        return dataclasses.replace(entry, compared=False)
    from ..align import compare

    comparison = compare(load_report(old[0], old[1], cache_root),
                         load_report(new[0], new[1], cache_root))
    result = PairResult(tuple(comparison.ledger), tuple(w.code for w in comparison.warnings), True)
    from ..align.tokens import trim_caches

    trim_caches(8192)
    if cache:
        cache.put("pair", key, result)
    return result


def compare_reports(old: Report, new: Report, force: bool):
    """Task: the whole Comparison of two Reports (a timeline keeps them all)."""
    from ..align import compare

    return compare(old, new, force=force)


def preload() -> None:
    """Import the parser, extractor and aligner (and load the tokenizer's dictionary) in the
    parent, so that forked workers share them instead of each paying for them."""
    from ..align import compare  # noqa: F401
    from ..align.tokens import tokens
    from ..parse import parse_file  # noqa: F401

    tokens("预热")
