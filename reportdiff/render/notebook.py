"""Jupyter: the comparison as an HTML fragment that keeps to itself.

Every style rule is scoped to the fragment's own class (no rules on the notebook's ``body``,
``table`` or ``th``, nothing sticky, no script), so a notebook's DataFrames look the same with
a comparison beside them.

>>> from reportdiff.render.notebook import scoped_css
>>> all(line.startswith(".rdx") for line in scoped_css().splitlines() if line.strip())
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from markupsafe import escape

from ..model import Comparison
from .compare_terminal import STATUS


@lru_cache(maxsize=1)
def scoped_css() -> str:
    return resources.files(__package__).joinpath("fragment.css").read_text("utf-8")


def _row(cells) -> str:
    return "<tr>" + "".join(cells) + "</tr>"


def comparison_fragment(c: Comparison) -> str:
    """A summary of the comparison for a notebook cell: sides, warnings, the scorecard and the
    counts of the two section maps."""
    o, n = c.old.meta, c.new.meta
    parts = [f'<div class="rdx"><style>{scoped_css()}</style>',
             f'<div class="rdx-head">{escape(n.region or o.region or "")} 政府工作报告: '
             f'{escape(str(o.plan_year))} → {escape(str(n.plan_year))}</div>',
             f'<div class="rdx-muted">{escape(c.old.source.path)} → {escape(c.new.source.path)}</div>']
    parts += [f'<div class="rdx-warn">! {escape(w.code)}: {escape(w.message)}</div>'
              for w in c.warnings]
    if c.withheld:
        parts.append(f'<div class="rdx-warn">statuses withheld ({escape(c.withheld)})</div>')
    else:
        head = _row(f"<th>{h}</th>" for h in ("indicator", "target", "outcome", "status", "Δ", "why"))
        rows = []
        for e in c.ledger:
            t = e.texts()
            rows.append(_row([f"<td>{escape(e.name)}</td>", f"<td>{escape(t['target'])}</td>",
                              f"<td>{escape(t['outcome'])}</td>",
                              f'<td class="rdx-{e.status}">{escape(STATUS[e.status][0])}</td>',
                              f"<td>{escape(t['delta'])}</td>",
                              f'<td class="rdx-muted">{escape(e.note or "")}</td>']))
        parts.append(f'<table class="rdx-t"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>')
    for view, label in (("review_vs_plan", "review against plan"), ("plan_vs_plan", "plan against plan")):
        counts = c.relation_counts(view)
        text = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        parts.append(f'<div class="rdx-muted">{label}: {escape(text)}</div>')
    parts.append("</div>")
    return "".join(parts)
