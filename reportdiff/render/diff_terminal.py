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


def _label(sections) -> str:
    return "; ".join(f"{s.id} {s.title}" for s in sections) or "(none)"


def _title(view: str, group) -> Text:
    title = Text()
    title.append(f"{VIEW_TITLES[view]}: ", style="dim")
    title.append(_label(group.old))
    for relation in dict.fromkeys(link.relation for link in group.links):
        label, style = RELATION[relation]
        title.append(f"  {label}  ", style=style)
    title.append(_label(group.new))
    return title


def inline_diff(pair) -> Text:
    """The word diff of a pair or a group, changed numbers in bold."""
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


def _cells(sections) -> list[str]:
    """A side's paragraphs, each section's once; with several sections, each opens with its
    id and heading."""
    out = []
    for section in sections:
        texts = [p.text for p in section.all_paragraphs()] or [""]
        if len(sections) > 1:
            texts[0] = f"【{section.id} {section.title}】\n{texts[0]}"
        out.extend(texts)
    return out


def side_by_side(group) -> Table:
    """The plan's text and the review's, paragraph against paragraph, unmarked."""
    table = Table(show_header=True, expand=True, show_lines=True)
    table.add_column("plan " + (", ".join(s.id for s in group.old) or "(none)"), ratio=1,
                     overflow="fold")
    table.add_column("review " + (", ".join(s.id for s in group.new) or "(none)"), ratio=1,
                     overflow="fold")
    old, new = _cells(group.old), _cells(group.new)
    for k in range(max(len(old), len(new))):
        table.add_row(old[k] if k < len(old) else "", new[k] if k < len(new) else "")
    return table


def section_diff(c: Comparison, spec: str) -> Group:
    """Every view in which the section ``spec`` (``old:2.2``, ``new:1.3``, or an id of one
    side only) is aligned, with the sections it is linked to: a split or merged section's
    text appears once, beside all of its counterparts."""
    from ..align.textdiff import groups_for

    shown = []
    for view, group in groups_for(c, spec):
        body = side_by_side(group) if view == "review_vs_plan" else inline_diff(group)
        shown.append(Panel(body, title=_title(view, group), title_align="left"))
    return Group(*shown)
