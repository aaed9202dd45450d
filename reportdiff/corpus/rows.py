"""The rows of a panel: one per target (with its outcome and both provenances), one per review
metric, one per series. Plain dicts in the key order of CONTRACT.md ("Additions").

>>> year_ranges([1990, 1992, 1993, 1994])
'1990, 1992–1994'
"""
from __future__ import annotations

from ..extract.indicators import canonical
from ..model import LedgerEntry, Metric, Target
from .tasks import Member

__all__ = ["target_row", "metric_row", "series_row", "year_ranges"]


def year_ranges(years: list[int]) -> str:
    """``[2012, 2013, 2014, 2016]`` → ``2012–2014, 2016``."""
    runs, start = [], None
    for k, year in enumerate(years):
        start = year if start is None else start
        if k + 1 == len(years) or years[k + 1] != year + 1:
            runs.append(str(year) if start == year else f"{start}–{year}")
            start = None
    return ", ".join(runs)


def _lines(lines) -> list | None:
    return list(lines) if lines else None


def _section_of(paragraph: str | None) -> str | None:
    # a paragraph id is its section id + ".pN"; the preamble's paragraphs are "0.pN"
    return paragraph.rsplit(".p", 1)[0] if paragraph and ".p" in paragraph else paragraph


def target_row(series: str, member: Member, target: Target, entry: LedgerEntry | None,
               review: Member | None, note: str | None = None) -> dict:
    outcome = entry.outcome if entry else None
    return {
        "series": series, "region": member.meta.region, "level": member.meta.level,
        "plan_year": member.meta.plan_year, "indicator": target.indicator,
        "canonical": entry.indicator if entry else canonical(target.indicator) or target.indicator,
        "measure": target.kind, "value": target.value, "value_high": target.value_high,
        "unit": target.unit, "bound": target.bound, "where": target.where,
        "outcome_value": outcome.value if outcome else None,
        "outcome_unit": outcome.unit if outcome else None,
        "outcome_qualifier": outcome.qualifier if outcome else None,
        "status": entry.status if entry else None, "delta": entry.delta if entry else None,
        "plan": {"file": member.path, "section": _section_of(target.section),
                 "lines": _lines(target.lines), "sentence": target.sentence},
        "review": ({"file": review.path, "section": outcome.section,
                    "lines": _lines(outcome.lines), "sentence": outcome.sentence}
                   if outcome and review else None),
        "surface": target.surface,
        "polarity": entry.polarity if entry else None,
        "note": entry.note if entry else note,
    }


def metric_row(series: str, member: Member, m: Metric) -> dict:
    return {
        "series": series, "region": member.meta.region, "level": member.meta.level,
        "plan_year": member.meta.plan_year, "year": m.year or member.meta.review_year,
        "indicator": m.indicator, "canonical": canonical(m.indicator) if m.indicator else None,
        "kind": m.kind, "value": m.value, "value_high": m.value_high, "unit": m.unit,
        "qualifier": m.qualifier, "surface": m.surface,
        "file": member.path, "section": m.section, "paragraph": m.paragraph,
        "lines": _lines(m.lines), "sentence": m.sentence,
    }


def series_row(name: str, members: list[Member], level: str | None, duplicates: int,
               targets: list[dict]) -> dict:
    years = [m.meta.plan_year for m in members]
    have = set(years)
    gaps = [y for y in range(min(years), max(years) + 1) if y not in have]
    count = lambda status: sum(1 for t in targets if t["status"] == status)  # noqa: E731
    regions = sorted({m.meta.region for m in members if m.meta.region})
    return {"series": name, "regions": regions, "level": level, "first_year": min(years),
            "last_year": max(years), "years": years, "gaps": gaps, "reports": len(members),
            "duplicates": duplicates, "targets": len(targets), "met": count("met"),
            "missed": count("missed"), "unclear": count("unclear"),
            "not_reported": count("not_reported"), "pending": count(None),
            "files": [m.path for m in members]}
