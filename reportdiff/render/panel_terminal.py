"""A panel in the terminal: one line per series (years, gaps, targets met and missed), then
the duplicates left out and the files skipped."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..corpus.result import Panel
from ..corpus.rows import year_ranges as _years


def panel_view(p: Panel) -> Group:
    table = Table(title=f"Panel: {len(p.series)} series, {sum(s['reports'] for s in p.series)} "
                        f"reports, {len(p.targets)} targets", title_justify="left")
    for col in ("series", "level", "years", "gaps", "targets", "met", "missed", "unclear",
                "not reported", "no review yet"):
        table.add_column(col, overflow="fold")
    for s in p.series:
        table.add_row(s["series"], s["level"] or "", _years(s["years"]),
                      _years(s["gaps"]) or "-", str(s["targets"]),
                      Text(str(s["met"]), style="green" if s["met"] else "dim"),
                      Text(str(s["missed"]), style="red" if s["missed"] else "dim"),
                      str(s["unclear"]), str(s["not_reported"]), str(s["pending"]))
    parts = [table]
    for w in p.warnings:
        if w.code != "skipped":
            parts.append(Text(f"⚠ {w.code}: {w.message}", style="yellow"))
    if p.skipped:
        skipped = Table(title="Skipped", title_justify="left")
        skipped.add_column("file", overflow="fold")
        skipped.add_column("reason", overflow="fold")
        for s in p.skipped:
            skipped.add_row(s["path"], s["reason"])
        parts.append(skipped)
    return Group(*parts)
