"""One aligned pair of sections in the terminal.

Plan against plan and review against review are the same kind of text a year apart: a
word-level inline diff, marked ``[-…-]`` / ``{+…+}`` so that it reads without colour too. A
review against a plan is two different kinds of sentence: the two texts side by side, without
character marks.
"""
from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Comparison
from .compare_terminal import RELATION, VIEW_TITLES


def _title(view: str, pair) -> Text:
    label, style = RELATION[pair.link.relation]
    title = Text()
    title.append(f"{VIEW_TITLES[view]}: ", style="dim")
    title.append(f"{pair.old.id} {pair.old.title}" if pair.old else "(none)")
    title.append(f"  {label}  ", style=style)
    title.append(f"{pair.new.id} {pair.new.title}" if pair.new else "(none)")
    return title


def inline_diff(pair) -> Text:
    """The word diff of a pair, changed numbers in bold."""
    from ..align.textdiff import has_number

    body = Text()
    for op, text in pair.runs:
        number = has_number(text)
        if op == "equal":
            body.append(text)
        elif op == "delete":
            body.append(f"[-{text}-]", style="bold red strike" if number else "red strike")
        else:
            body.append(f"{{+{text}+}}", style="bold green underline" if number else "green")
    return body


def side_by_side(pair) -> Table:
    """The plan's text and the review's, paragraph against paragraph, unmarked."""
    table = Table(show_header=True, expand=True, show_lines=True)
    table.add_column(f"plan {pair.old.id}" if pair.old else "plan (none)", ratio=1, overflow="fold")
    table.add_column(f"review {pair.new.id}" if pair.new else "review (none)", ratio=1, overflow="fold")
    old = [p.text for p in pair.old.all_paragraphs()] if pair.old else []
    new = [p.text for p in pair.new.all_paragraphs()] if pair.new else []
    for k in range(max(len(old), len(new))):
        table.add_row(old[k] if k < len(old) else "", new[k] if k < len(new) else "")
    return table


def section_diff(c: Comparison, spec: str) -> Group:
    """Every aligned pair in which the section ``spec`` (``old:2.2``, ``new:1.3``, or an id of
    one side only) takes part."""
    from ..align.textdiff import pairs_for

    shown = []
    for view, pair in pairs_for(c, spec):
        body = side_by_side(pair) if view == "review_vs_plan" else inline_diff(pair)
        shown.append(Panel(body, title=_title(view, pair), title_align="left"))
    return Group(*shown)
