"""One aligned pair of sections in the terminal, with a word-level inline diff."""
from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from ..errors import InputError
from ..model import VIEWS, Comparison
from .compare_terminal import RELATION


def section_diff(c: Comparison, section_id: str) -> Group:
    """Every aligned pair in which ``section_id`` (an old or a new section id) takes part."""
    from ..align.textdiff import has_number

    shown = []
    for view in VIEWS:
        for pair in c.pairs(view):
            if section_id not in (pair.link.old, pair.link.new):
                continue
            label, style = RELATION[pair.link.relation]
            title = Text()
            title.append(f"{view}: ", style="dim")
            title.append(f"{pair.old.id} {pair.old.title}" if pair.old else "(none)")
            title.append(f"  {label}  ", style=style)
            title.append(f"{pair.new.id} {pair.new.title}" if pair.new else "(none)")
            body = Text()
            for op, text in pair.runs:
                number = has_number(text)
                if op == "equal":
                    body.append(text)
                elif op == "delete":
                    body.append(f"[-{text}-]", style="bold red strike" if number else "red strike")
                else:
                    body.append(f"{{+{text}+}}", style="bold green underline" if number else "green")
            shown.append(Panel(body, title=title, title_align="left"))
    if not shown:
        raise InputError(section_id, "no such section in either report's aligned parts "
                                     "(see `reportdiff compare OLD NEW` for the ids)")
    return Group(*shown)
