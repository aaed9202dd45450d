"""Comparability: whether two reports can be graded against each other at all.

A ledger only means something when the new report's review covers the year the old report
planned, for the same place. Two regions, the same report twice, or plan years that are not
consecutive give a warning naming both files, and the ledger's statuses are withheld unless
the caller forces the comparison.

>>> same_region("海拉尔区", "呼伦贝尔市海拉尔区"), same_region("海淀区", "海拉尔区")
(True, False)
"""
from __future__ import annotations

from ..model import Notice, Report

# The codes that withhold the ledger's statuses (CONTRACT.md, "Additions").
WITHHOLDING = ("different_regions", "same_report", "not_consecutive")


def same_region(a: str | None, b: str | None) -> bool:
    """Regions are the same when one name ends the other (海拉尔区 is 呼伦贝尔市海拉尔区); an
    unknown region is not evidence of a difference."""
    if not a or not b:
        return True
    return a.endswith(b) or b.endswith(a)


def _name(report: Report) -> str:
    m = report.meta
    return f"{report.source.path} ({m.region or 'region unknown'}, {m.plan_year or '?'})"


def region_notice(old: Report, new: Report) -> Notice | None:
    """``different_regions`` when the two reports are of different places or levels."""
    a, b = old.meta, new.meta
    levels_differ = bool(a.level and b.level and a.level != b.level)
    if same_region(a.region, b.region) and not levels_differ:
        return None
    return Notice("different_regions",
                  f"{_name(old)} and {_name(new)} are reports of different "
                  f"{'levels' if levels_differ and same_region(a.region, b.region) else 'regions'}"
                  ": no ledger statuses (--force to compare anyway)")


def comparability(old: Report, new: Report) -> list[Notice]:
    """The warnings that make grading ``new``'s review against ``old``'s targets meaningless,
    most serious first."""
    notices: list[Notice] = []
    region = region_notice(old, new)
    if region:
        return [region]  # the years of two different places say nothing more
    o, n = old.meta.plan_year, new.meta.plan_year
    if old.source.sha256 == new.source.sha256:
        notices.append(Notice("same_report", f"{old.source.path} and {new.source.path} are the "
                                             "same file: no ledger statuses (--force to compare "
                                             "anyway)"))
    elif o and n and o == n:
        notices.append(Notice("same_report", f"{_name(old)} and {_name(new)} are both the report "
                                             f"for {o}: no ledger statuses (--force to compare "
                                             "anyway)"))
    elif o and n and n - o != 1:
        notices.append(Notice("not_consecutive",
                              f"plan years {o} and {n} are not consecutive: the {n} report "
                              f"reviews {new.meta.review_year or n - 1}, not {o}, so the {o} "
                              "targets' statuses are withheld; follow the years in between with "
                              "`reportdiff timeline` (or --force to compare anyway)"))
    return notices
