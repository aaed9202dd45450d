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


class AtWidth:
    """A renderable built for the width it is printed at (``factory(width)``), so that a
    table can give its text columns the room at 80 columns."""

    def __init__(self, factory):
        self.factory = factory

    def __rich_console__(self, console, options):
        yield self.factory(options.max_width)


def add_columns(table: Table, names: tuple[str, ...], fixed: tuple[str, ...] = (),
                cells: dict[str, list[str]] | None = None, widest: int = 16,
                narrow: dict[str, int] | None = None) -> None:
    """Columns that keep short values whole (``fixed``: figures, statuses, ids) so that the
    text columns get the width, each text column at least as wide as its longest cell up to
    ``widest`` cells: at 80 columns an indicator wraps between words, not every few
    characters. ``narrow`` caps columns that wrap well (``2.p3 →`` / ``1.6.p2``)."""
    from rich.cells import cell_len

    for name in names:
        if name in fixed:
            table.add_column(name, no_wrap=True)
            continue
        longest = max((cell_len(v) for v in (cells or {}).get(name, [])), default=0)
        table.add_column(name, overflow="fold", min_width=min(longest, widest) or None,
                         max_width=(narrow or {}).get(name))


def quantity_text(value, value_high, unit) -> str:
    """``6%``, ``5.5–6%``, ``355亿元``: a value as a reader writes it."""
    from ..figures import figure_text

    return figure_text(value, value_high, unit)


def metrics_tables(report: Report) -> Group:
    """Targets first, then every metric grouped by section."""
    parts = [meta_panel(report)]
    targets = Table(title=f"targets for {report.meta.plan_year or '?'} ({len(report.targets)})",
                    title_justify="left", show_lines=False)
    for col in ("id", "indicator", "target", "bound", "kind", "where", "¶"):
        targets.add_column(col, overflow="fold")
    for t in report.targets:
        targets.add_row(t.id, t.indicator, quantity_text(t.value, t.value_high, t.unit),
                        t.bound or "—", t.kind, t.where, t.section or "—")
    parts.append(targets)
    by_section: dict[str, list] = {}
    for m in report.metrics:
        by_section.setdefault(m.section or "0", []).append(m)
    titles = {s.id: s.title for s in report.walk()}
    for sid, rows in by_section.items():
        table = Table(title=f"{sid} {titles.get(sid, 'preamble')} ({len(rows)})",
                      title_justify="left")
        for col in ("indicator", "surface", "value", "kind", "qualifier", "year", "role"):
            table.add_column(col, overflow="fold")
        for m in rows:
            table.add_row(m.indicator or "—", m.surface,
                          quantity_text(m.value, m.value_high, m.unit), m.kind,
                          m.qualifier or "", str(m.year or ""), m.role)
        parts.append(table)
    return Group(*parts)
