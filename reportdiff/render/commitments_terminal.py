"""Commitments in a terminal: the ledger's counts by status with the silent promises of each
plan section, and the wording shifts between the two plans. Presentation only."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..align.commitments import commitment_summary
from ..model import Comparison

STATUS = {"done": ("✔ done", "bold green"), "progress": ("↻ progress", "green"),
          "mentioned": ("· mentioned", "cyan"), "silent": ("∅ silent", "yellow")}
MAX_SILENT = 4   # silent promises shown per section; the rest are counted


def commitments_view(c: Comparison) -> Group:
    counts, silent = commitment_summary(c.commitments)
    line = Text("promises of the old plan in the new review: ", style="bold")
    for status, n in counts.items():
        label, style = STATUS[status]
        line.append(f"{label} {n}  ", style=style)
    parts = [line]
    if silent:
        table = Table(title="silent promises by plan section", title_justify="left",
                      show_lines=False)
        table.add_column("section", no_wrap=True)
        table.add_column("promise")
        for section, entries in silent.items():
            shown = [f"{e.commitment.wording}{e.commitment.object}" for e in entries[:MAX_SILENT]]
            more = len(entries) - len(shown)
            table.add_row(section, "；".join(shown) + (f"  (+{more})" if more > 0 else ""))
        parts.append(table)
    if c.wording:
        table = Table(title="wording shifts (plan against plan)", title_justify="left")
        for name in ("object", "old", "new", "sections"):
            table.add_column(name)
        for w in c.wording:
            table.add_row(w.object, w.old.wording, Text(w.new.wording, style="bold"),
                          f"{w.old.section} → {w.new.section}")
        parts.append(table)
    return Group(*parts)
