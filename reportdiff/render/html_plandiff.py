"""The year-over-year document diff of the HTML page, as Draftable users know it: the aligned
sections of this year's plan and last year's in two columns that scroll together (one
scroller, row by row), each change marked and numbered for next/previous, moved sections
marked, and a context-only mode that folds long unchanged stretches. Used for plan against
plan and review against review; presentation only (the groups and their diffs come from
``Comparison.groups``)."""
from __future__ import annotations


from markupsafe import Markup

from ..model import Comparison
from .partials import template
from .compare_terminal import VIEW_TITLES, relation_label

CONTEXT = 40   # characters of unchanged text kept on each side of a change in context mode

_TITLES = {"plan_vs_plan": ("old plan", "new plan"), "review_vs_review": ("old review", "new review")}


def _template():
    return template("plandiff.html.j2")


def _pieces(runs, keep: str, first_hunk: int) -> tuple[list[dict], int]:
    """One side's pieces: unchanged text (split head/fold/tail when long) and the changes of
    ``keep`` (delete or insert), each change numbered as its hunk."""
    from .html import number_pieces

    out, hunk, previous = [], first_hunk, "equal"
    for op, text in runs:
        if op != "equal" and previous == "equal":
            hunk += 1
        previous = op
        if op == "equal":
            if len(text) > 2 * CONTEXT + 20:
                out.append({"op": "equal", "head": text[:CONTEXT],
                            "fold": text[CONTEXT:-CONTEXT], "tail": text[-CONTEXT:]})
            else:
                out.append({"op": "equal", "head": text, "fold": "", "tail": ""})
        elif op == keep:
            out.extend({"op": op, "text": piece, "num": num, "hunk": hunk}
                       for piece, num in number_pieces(text))
    return out, hunk


def plandiff_html(c: Comparison, view: str = "plan_vs_plan") -> Markup:
    """The side-by-side diff of one view as an HTML partial."""
    groups, hunk = [], 0
    for k, g in enumerate(c.groups(view)):
        old, start = _pieces(g.runs, "delete", hunk)
        new, hunk = _pieces(g.runs, "insert", hunk)
        labels = list(dict.fromkeys(relation_label(link).replace(" ↕ moved", "")
                                    for link in g.links))
        if g.moved:
            labels[-1] += " ↕ moved"
        groups.append({
            "id": f"{view}-g{k + 1}", "relation": g.relation, "label": " / ".join(labels),
            "changes": g.changes, "moved": g.moved, "weak": g.weak,
            "old_label": "; ".join(f"{s.id} {s.title}" for s in g.old) or "(none)",
            "new_label": "; ".join(f"{s.id} {s.title}" for s in g.new) or "(none)",
            "old": old, "new": new})
    old_head, new_head = _TITLES.get(view, ("old", "new"))
    years = (c.old.meta.plan_year, c.new.meta.plan_year)
    if view == "review_vs_review":
        years = (c.old.meta.review_year, c.new.meta.review_year)
    return Markup(_template().render(view=view, title=VIEW_TITLES.get(view, view), groups=groups,
                                     total=hunk, old_head=f"{old_head} {years[0] or ''}",
                                     new_head=f"{new_head} {years[1] or ''}"))
