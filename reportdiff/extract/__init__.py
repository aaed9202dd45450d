"""Extract: metrics and targets of a parsed report.

>>> import reportdiff
>>> text = "各位代表：\\n一、2023年工作回顾\\n地区生产总值增长6%。\\n二、2024年工作安排\\n主要预期目标是：地区生产总值增长5%左右。\\n"
>>> report = extract(reportdiff.parse(text.encode(), name="r.txt"))
>>> [(m.section, m.role, m.value, m.year) for m in report.metrics]
[('1', 'outcome', 6.0, 2023), ('2', 'target', 5.0, 2024)]
>>> [(t.indicator, t.value, t.bound, t.section) for t in report.targets]
[('地区生产总值', 5.0, 'approx', '2.p1')]
"""
from __future__ import annotations

import dataclasses

from ..model import Metric, MetricRows, Report, Target, TargetRows
from .metrics import paragraph_metrics
from .targets import deduplicate, elsewhere_targets, passage_targets

__all__ = ["extract"]

_ROLE = {"review": "outcome", "plan": "target", "targets": "target", "outlook": "target"}


def extract(report: Report) -> Report:
    """The report with its ``metrics`` and ``targets`` filled in."""
    meta = report.meta
    metrics: list[Metric] = []
    targets: list[Target] = []
    taken: set[str] = set()
    elsewhere: list[tuple] = []
    for section, paragraph in report.paragraphs():
        role = _ROLE.get(section.role, "other") if section else "other"
        year = meta.review_year if role == "outcome" else meta.plan_year if role == "target" else None
        for m in paragraph_metrics(paragraph.text, year):
            metrics.append(Metric(f"m{len(metrics) + 1}", section.id if section else None,
                                  paragraph.id, role, m.sentence, m.surface, m.start, m.end,
                                  m.indicator, m.kind, m.value, m.value_high, m.unit,
                                  m.qualifier, m.year, paragraph.lines))
        if section is None or section.role not in ("plan", "targets"):
            continue
        items = passage_targets(paragraph.text)
        if items:
            targets.extend(_target(t, len(targets) + k + 1, paragraph, meta.plan_year)
                           for k, t in enumerate(items))
        else:
            elsewhere.append(paragraph)
    for paragraph in elsewhere:
        for t in elsewhere_targets(paragraph.text, taken):
            targets.append(_target(t, len(targets) + 1, paragraph, meta.plan_year))
    targets = [dataclasses.replace(t, id=f"t{k}") for k, t in enumerate(deduplicate(targets), 1)]
    return dataclasses.replace(report, metrics=MetricRows(metrics), targets=TargetRows(targets))


def _target(t, number: int, paragraph, year: int | None) -> Target:
    return Target(f"t{number}", paragraph.id, t.sentence, t.surface, t.indicator, t.kind,
                  t.value, t.value_high, t.unit, t.bound, year, t.qualifier, t.where,
                  paragraph.lines)
