"""A timeline in the terminal: targets year by year, then indicators across the reviews."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..model import Timeline
from .compare_terminal import STATUS
from .terminal import quantity_text


def timeline_view(t: Timeline) -> Group:
    head = Text()
    head.append("Timeline: ", style="bold")
    head.append(" → ".join(f"{r.meta.plan_year or '?'}" for r in t.reports))
    head.append(f"  ({t.reports[0].meta.region or ''})", style="dim")
    parts = [head]
    for w in t.warnings:
        parts.append(Text(f"⚠ {w.code}: {w.message}", style="yellow"))
    score = Table(title="Did they do what they said? targets of each year against the next review",
                  title_justify="left")
    for col in ("targets for", "targets", "met", "missed", "not reported", "unclear"):
        score.add_column(col)
    for c in t.comparisons:
        if c.withheld:
            score.add_row(str(c.old.meta.plan_year), str(len(c.old.targets)),
                          Text(f"statuses withheld ({c.withheld.replace('_', ' ')})",
                               style="yellow"), "", "", "")
            continue
        counts = {s: sum(1 for e in c.ledger if e.status == s) for s in STATUS}
        score.add_row(str(c.old.meta.plan_year), str(len(c.ledger)),
                      *[Text(str(counts[s]), style=STATUS[s][1] if counts[s] else "dim")
                        for s in STATUS])
    parts.append(score)
    years = [r.meta.review_year for r in t.reports]
    table = Table(title="Indicators across the reviews (first statement in each review)",
                  title_justify="left")
    table.add_column("indicator", overflow="fold")
    for year in years:
        table.add_column(str(year))
    for name, points in t.series.items():
        if len(points) < 2:
            continue
        by_year = {year: m for year, _, m in points}
        table.add_row(name, *[quantity_text(by_year[y].value, by_year[y].value_high, by_year[y].unit)
                              if y in by_year else "" for y in years])
    parts.append(table)
    return Group(*parts)
