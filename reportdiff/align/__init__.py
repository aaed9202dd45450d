"""Align: compare two reports (section links, target ledger, indicator changes, priority
shifts), or follow several through a timeline.

>>> import reportdiff
>>> c = reportdiff.compare("corpora/sample/shili-2024.txt", "corpora/sample/shili-2023.txt")
>>> c.swapped, c.old.meta.plan_year, c.new.meta.plan_year
(True, 2023, 2024)
"""
from __future__ import annotations

import os

from ..model import VIEWS, Comparison, Notice, Report, Rows, Timeline
from .comparability import comparability, region_notice
from .ledger import changes, ledger
from .reasons import explain
from .priorities import priorities
from .sections import VIEW_PARAMS, link_units
from .units import plan_units, review_units

__all__ = ["compare", "align_links", "timeline", "token_tables"]


def _report(source) -> Report:
    if isinstance(source, Report):
        return source
    from ..parse import parse_file

    return parse_file(source)


def token_tables(report: Report) -> dict[str, dict]:
    """The segmentation a comparison needs of ``report`` on either side (its units, phrases
    and commitments), for a cache entry to keep beside the report; ``tokens.prime`` makes it
    known to another process."""
    from . import tokens
    from .commitments import promise_searches
    from .priorities import phrase_counts

    with tokens.recording() as record:
        plan_units(report), review_units(report), phrase_counts(report), promise_searches(report)
    return record


def _order_key(report: Report) -> tuple:
    meta = report.meta
    return (meta.plan_year or int((meta.delivered or "0")[:4]), meta.delivered or "")


def align_links(old: Report, new: Report, overrides: dict | None = None) -> dict:
    """The three section maps of CONTRACT.md."""
    overrides = overrides or {}
    old_plan, old_review = plan_units(old), review_units(old)
    new_plan, new_review = plan_units(new), review_units(new)
    sides = {"review_vs_plan": (old_plan, new_review), "plan_vs_plan": (old_plan, new_plan),
             "review_vs_review": (old_review, new_review)}
    links = {}
    for view in VIEWS:
        pins, forbidden = overrides.get(view, ([], set()))
        old_units, new_units = sides[view]
        old_ids = {u.id for u in old_units}
        new_ids = {u.id for u in new_units}
        pins = [p for p in pins if (p.old is None or p.old in old_ids)
                and (p.new is None or p.new in new_ids)]
        links[view] = link_units(old_units, new_units, pinned=pins, forbidden=forbidden,
                                 params=VIEW_PARAMS[view])
    return links


def compare(old: Report | str | os.PathLike, new: Report | str | os.PathLike, *,
            alignments: str | dict | None = None, force: bool = False) -> Comparison:
    """Compare two reports; they are put in delivery order whatever order they come in.

    Reports of different regions, the same report twice, or plan years that are not
    consecutive give a warning and an empty ledger (statuses withheld) unless ``force``."""
    old_report, new_report = _report(old), _report(new)
    swapped = _order_key(old_report) > _order_key(new_report)
    if swapped:
        old_report, new_report = new_report, old_report
    overrides = alignments
    if isinstance(alignments, (str, os.PathLike)):
        from .overrides import load_overrides

        overrides = load_overrides(os.fspath(alignments))
    warnings = []
    if swapped:
        warnings.append(Notice("swapped", f"{old_report.source.path} was delivered before "
                                          f"{new_report.source.path}: compared in that order"))
    refusals = comparability(old_report, new_report)
    warnings.extend(refusals)
    withheld = None if force or not refusals else refusals[0].code
    if not old_report.targets:
        warnings.append(Notice("no_targets", f"{old_report.source.path}: no targets found, the "
                                             "ledger is empty"))
    if not any(p.role == "review" for p in new_report.sections):
        warnings.append(Notice("no_review", f"{new_report.source.path}: no review part found"))
    graded = withheld is None
    kept_changes = graded or withheld == "not_consecutive"
    # the priorities tag every heading and paragraph: segmenting them for the links after that
    # reuses the tagger's words (tokens._cut)
    shifts = priorities(old_report, new_report)
    links = align_links(old_report, new_report, overrides)
    promises, wording = commitment_views(old_report, new_report, links["review_vs_plan"],
                                         graded=graded)
    return Comparison(old_report, new_report, swapped, links,
                      Rows(explain(ledger(old_report, new_report), new_report) if graded else ()),
                      Rows(changes(old_report, new_report) if kept_changes else ()),
                      shifts, tuple(warnings), withheld,
                      commitments=promises, wording=wording)


def commitment_views(old: Report, new: Report, review_vs_plan: list, *,
                     graded: bool = True) -> tuple[Rows, Rows]:
    """The commitment ledger (old plan against new review; empty when statuses are withheld)
    and the wording shifts (old plan against new plan)."""
    from ..extract.commitments import commitments
    from ..model import CommitmentRows, WordingRows
    from .commitments import commitment_ledger
    from .wording import wording_shifts

    entries = commitment_ledger(old, new, review_vs_plan) if graded else []
    old_promises = [e.commitment for e in entries] if graded else commitments(old)
    return CommitmentRows(entries), WordingRows(wording_shifts(old_promises, commitments(new)))


def timeline(sources, *, force: bool = False, jobs: int | None = 1, dask=None,
             cache: bool = True, cache_dir: str | None = None, progress=None) -> Timeline:
    """Several reports (paths, bytes or Reports) in plan-year order, each consecutive pair
    compared, each known indicator followed through the reviews. Reports of different series
    (regions or levels) are refused unless ``force``.

    Files are read and pairs compared by the panel's machinery: ``jobs`` local processes or a
    ``dask`` cluster, with the on-disk cache of parsed reports (``cache``, ``cache_dir``)."""
    from contextlib import ExitStack

    from ..corpus.cache import run_cache_root
    from ..corpus.executors import Executor
    from ..corpus.tasks import compare_reports, load_report, preload
    from ..errors import InputError
    from .timelines import build_timeline

    tick = progress or (lambda stage, total: None)
    with ExitStack() as stack:
        root = run_cache_root(stack, cache, cache_dir)
        executor = stack.enter_context(Executor(jobs, dask, preload))
        sources = list(sources)
        is_file = [isinstance(s, (str, os.PathLike)) and s != "-" for s in sources]
        files = [(os.fspath(s), None, root) for s, f in zip(sources, is_file) if f]
        loaded = executor.map(load_report, files, tick("reading", len(files)))
        # files are read by the executor (and the cache); bytes, stdin and Reports here
        reports = [next(loaded) if f else _report(s) for s, f in zip(sources, is_file)]
        if len(reports) < 2:
            raise InputError("timeline", "needs at least two reports")
        if not force:
            for other in reports[1:]:
                notice = region_notice(reports[0], other)
                if notice:
                    raise InputError(other.source.path,
                                     f"not of the same series as {reports[0].source.path} "
                                     f"({reports[0].meta.region or '?'} against "
                                     f"{other.meta.region or '?'}); --force to follow them anyway")

        def compare_all(pairs):
            return list(executor.map(compare_reports, [(a, b, force) for a, b in pairs],
                                     tick("comparing", len(pairs))))

        return build_timeline(reports, None, compare_all)
