"""Terminal renderings with rich."""
from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Report, Section

_ROLE_STYLE = {"review": "cyan", "plan": "green", "targets": "bold green",
               "government": "magenta", "outlook": "yellow", "other": "dim"}


def meta_panel(report: Report) -> Panel:
    meta = report.meta
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [("title", meta.title), ("region", meta.region), ("level", meta.level),
            ("delivered", meta.delivered), ("session", meta.session),
            ("speaker", " ".join(x for x in (meta.speaker_title, meta.speaker) if x) or None),
            ("years", f"review {meta.review_year} · plan {meta.plan_year}"),
            ("kind", meta.kind),
            ("source", f"{report.source.path} ({report.source.format}, "
                       f"{report.source.encoding or 'n/a'})")]
    for key, value in rows:
        grid.add_row(key, Text(str(value) if value is not None else "—"))
    return Panel(grid, title="report", expand=False)


def warnings_text(report: Report) -> Text:
    text = Text()
    for w in report.warnings:
        text.append("⚠ ", style="yellow")
        text.append(f"{w.code}: ", style="bold yellow")
        text.append(w.message + "\n")
    return text


def _label(section: Section) -> Text:
    label = Text()
    label.append(f"{section.id} ", style="dim")
    if section.number:
        label.append(section.number + " ", style="bold")
    label.append(section.title)
    label.append(f"  [{section.role}]", style=_ROLE_STYLE.get(section.role, ""))
    n = len(section.paragraphs)
    label.append(f"  {n} ¶  lines {section.lines[0]}–{section.lines[1]}", style="dim")
    return label


def report_tree(report: Report) -> Group:
    """The meta panel, the warnings and the section tree of one report."""
    tree = Tree(Text(f"{report.meta.title or 'report'} — {len(report.preamble)} preamble ¶",
                     style="bold"))

    def add(node: Tree, section: Section) -> None:
        branch = node.add(_label(section))
        for child in section.sections:
            add(branch, child)

    for part in report.sections:
        add(tree, part)
    parts = [meta_panel(report)]
    if report.warnings:
        parts.append(warnings_text(report))
    parts.append(tree)
    return Group(*parts)
