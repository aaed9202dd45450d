"""A panel in the terminal: one line per series (years, gaps, targets met and missed), then
the duplicates left out and the files skipped."""
from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..corpus.result import Panel


def panel_view(p: Panel) -> Group:
    table = Table(title=f"Panel: {len(p.series)} series, {sum(s['reports'] for s in p.series)} "
                        f"reports, {len(p.targets)} targets", title_justify="left",
                  caption="gaps: years without a report (listed below); n/r: not reported by "
                          "the next review; open: no next report yet",
                  caption_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("series", overflow="fold", min_width=8)
    table.add_column("years", no_wrap=True)
    for col in ("reports", "gaps", "targets", "met", "missed", "unclear", "n/r", "open"):
        table.add_column(col, justify="right", no_wrap=True)
    for s in p.series:
        name = Text(s["series"])
        name.append(f" {s['level'] or ''}", style="dim")
        span = str(s["first_year"]) if s["first_year"] == s["last_year"] else \
            f"{s['first_year']}–{s['last_year']}"
        table.add_row(name, span, str(s["reports"]), str(len(s["gaps"])) if s["gaps"] else "-",
                      str(s["targets"]),
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
