"""Timelines: several reports of one series, compared pair by pair, and each indicator
followed through the reviews."""
from __future__ import annotations

from ..extract.indicators import canonical, is_known
from ..model import Notice, Report, Timeline
from .ledger import outcomes


def series(reports: list[Report]) -> dict:
    """Canonical indicator (with its measure) → ``[(year, report index, metric)]``: the first
    statement of it in each review, for the year that review covers."""
    out: dict[str, list] = {}
    for k, report in enumerate(reports):
        seen = set()
        for m in outcomes(report)[0]:
            if not is_known(m.indicator):
                continue
            name = canonical(m.indicator)
            key = f"{name} ({m.kind}, {m.unit or '-'})"
            if key in seen:
                continue
            seen.add(key)
            out.setdefault(key, []).append((report.meta.review_year, k, m))
    return {key: points for key, points in sorted(out.items())}


def target_series(reports: list[Report], keys) -> dict:
    """For each series key (``name (kind, unit)``), the targets the reports set for it:
    ``[(plan year, report index, target)]``, the first target of each report."""
    wanted = set(keys)
    out: dict[str, list] = {}
    for k, report in enumerate(reports):
        seen = set()
        for t in report.targets:
            if t.value is None or not is_known(t.indicator):
                continue
            key = f"{canonical(t.indicator)} ({t.kind}, {t.unit or '-'})"
            if key in wanted and key not in seen:
                seen.add(key)
                out.setdefault(key, []).append((report.meta.plan_year, k, t))
    return out


def build_timeline(reports: list[Report], compare, compare_all=None) -> Timeline:
    """``compare(a, b)`` for each consecutive pair, or ``compare_all(pairs)`` for all of them
    at once (in order: an executor runs them side by side)."""
    ordered = sorted(reports, key=lambda r: (r.meta.plan_year or 0, r.meta.delivered or ""))
    warnings = []
    years = [r.meta.plan_year for r in ordered]
    for a, b in zip(years, years[1:]):
        if a and b and b - a != 1:
            warnings.append(Notice("gap", f"no report between plan years {a} and {b}: that pair "
                                          "is compared across the gap"))
        if a and a == b:
            warnings.append(Notice("duplicate_year", f"two reports for plan year {a}"))
    pairs = list(zip(ordered, ordered[1:]))
    comparisons = tuple(compare_all(pairs) if compare_all else (compare(a, b) for a, b in pairs))
    comparisons = series_priorities(ordered, comparisons)
    followed = series(ordered)
    return Timeline(tuple(ordered), comparisons, followed, tuple(warnings),
                    target_series(ordered, followed), first_and_last(ordered, comparisons))


def series_priorities(ordered: list[Report], comparisons: tuple) -> tuple:
    """Each pair's priorities again, with the other reports of the series as background: a
    phrase most years use is no new priority of one year."""
    import dataclasses

    from .priorities import priorities

    out = []
    for c in comparisons:
        pair = {c.old.source.sha256, c.new.source.sha256}
        others = [r for r in ordered if r.source.sha256 not in pair]
        out.append(dataclasses.replace(c, priorities=priorities(c.old, c.new, others))
                   if others else c)
    return tuple(out)


def first_and_last(ordered: list[Report], comparisons: tuple) -> dict[str, tuple]:
    """Every phrase of the pairs' priority lists → the first and the last plan year of the
    series whose report writes it (新提法: a first year after the series starts)."""
    from .priorities import grep_count, text_of

    texts = [(r.meta.plan_year, text_of(r)) for r in ordered]
    terms = sorted({p.term for c in comparisons for shifts in c.priorities.values()
                    for p in shifts})
    out = {}
    for term in terms:
        years = [y for y, text in texts if y and grep_count(text, term)]
        if years:
            out[term] = (years[0], years[-1])
    return out
