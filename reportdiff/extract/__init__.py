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
import re

from ..model import Metric, MetricRows, Report, Target, TargetRows
from .metrics import sentence_metrics, sentences
from .elsewhere import elsewhere_targets
from .targets import deduplicate, find_passage, passage_targets

__all__ = ["extract"]

_PLAN_ROLES = ("plan", "targets", "government")
_ROLE = {"review": "outcome", "plan": "target", "targets": "target", "outlook": "target"}


def extract(report: Report) -> Report:
    """The report with its ``metrics`` and ``targets`` filled in."""
    meta = report.meta
    metrics: list[Metric] = []
    targets: list[Target] = []
    taken: set[str] = set()
    elsewhere: list[tuple] = []
    plan_seen = False  # a part after the plan part that has no role of its own is plan too
    for section, paragraph in report.paragraphs():
        role = _ROLE.get(section.role, "other") if section else "other"
        year = meta.review_year if role == "outcome" else meta.plan_year if role == "target" else None
        if role == "outcome" and meta.kind == "five-year":
            year = None  # a five-year review states five-year figures unless it names the year
        for sentence, context in dated_sentences(paragraph.text, year, meta.plan_year):
            for m in sentence_metrics(sentence, context):
                m_year = _relative_year(sentence[:m.start], m.year, meta.plan_year)
                metrics.append(Metric(f"m{len(metrics) + 1}", section.id if section else None,
                                      paragraph.id, role, m.sentence, m.surface, m.start, m.end,
                                      m.indicator, m.kind, m.value, m.value_high, m.unit,
                                      m.qualifier, m_year, paragraph.lines))
        plan_seen = plan_seen or (section is not None and section.role in _PLAN_ROLES)
        if section is None or not (section.role in _PLAN_ROLES
                                   or section.role == "other" and plan_seen):
            continue
        items = passage_targets(paragraph.text) if section.role in ("plan", "targets") else []
        if items:
            targets.extend(_target(t, len(targets) + k + 1, paragraph, meta.plan_year)
                           for k, t in enumerate(items))
            span = find_passage(paragraph.text)
            elsewhere.append((paragraph, paragraph.text[span[1] + 1:] if span else ""))
        else:
            elsewhere.append((paragraph, paragraph.text))
    for paragraph, text in elsewhere:
        for t in elsewhere_targets(text, taken, meta.plan_year):
            targets.append(_target(t, len(targets) + 1, paragraph, meta.plan_year))
    targets = [dataclasses.replace(t, id=f"t{k}") for k, t in enumerate(deduplicate(targets), 1)]
    return dataclasses.replace(report, metrics=MetricRows(metrics), targets=TargetRows(targets))


_LEAD_CHARS = 20
# a year word that says which year a statement is about; 比去年, 较上年, 从2009年的 are bases
_RELATIVE = re.compile(r"(?<![比较从由与])(去年|上年|今年|明年|过去的?一年|刚刚过去的一年|\d{4}年)"
                       r"(?!以来|底前|前)")


def dated_sentences(text: str, default: int | None, plan_year: int | None):
    """``(sentence, year)`` for each sentence of a paragraph: a sentence that opens with a
    year (刚刚过去的2017年，… / 过去一年，… / 去年，…) dates itself and those after it."""
    context = default
    for _, sentence in sentences(text):
        lead_year = _relative_year(sentence[:_LEAD_CHARS], None, plan_year)
        if lead_year is not None:
            context = lead_year
        yield sentence, context


def _relative_year(before: str, year: int | None, plan_year: int | None) -> int | None:
    """去年 and 今年 in the sentence before a number say which year it is (the report is
    delivered early in its plan year)."""
    if plan_year is None:
        return year
    words = _RELATIVE.findall(before)
    if not words:
        return year
    last = words[-1]
    offsets = {"去年": -1, "上年": -1, "今年": 0, "明年": 1, "过去一年": -1, "过去的一年": -1,
               "刚刚过去的一年": -1}
    if last in offsets:
        return plan_year + offsets[last] if last != "上年" or year is None else year
    return int(last[:4])


def _target(t: Target, number: int, paragraph, year: int | None) -> Target:
    return dataclasses.replace(t, id=f"t{number}", section=paragraph.id, year=year,
                               lines=paragraph.lines)
