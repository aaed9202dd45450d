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

from ..model import Comparison, Timeline
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


_COUNTED = ("met", "missed", "not_reported", "unclear")


def _counts_table(head: tuple[str, ...], rows: list[list[str]]) -> str:
    """A table of plain cells (already text) and the status counts coloured by status."""
    out = [_row(f"<th>{escape(h)}</th>" for h in head)]
    for cells in rows:
        out.append(_row(f'<td class="rdx-{head[i]}">{escape(c)}</td>' if head[i] in _COUNTED
                        else f"<td>{escape(c)}</td>" for i, c in enumerate(cells)))
    return f'<table class="rdx-t"><thead>{out[0]}</thead><tbody>{"".join(out[1:])}</tbody></table>'


def _counts_fragment(title: str, head: tuple[str, ...], rows: list[list[str]],
                     warnings: list[str]) -> str:
    """The scoped wrapper of a counts view: a title (escaped here), the table, warning lines."""
    return "".join([f'<div class="rdx"><style>{scoped_css()}</style>',
                    f'<div class="rdx-head">{escape(title)}</div>', _counts_table(head, rows),
                    *(f'<div class="rdx-warn">{escape(w)}</div>' for w in warnings), "</div>"])


def panel_fragment(p) -> str:
    """The panel for a notebook cell: one row per series with its target counts, then the
    files skipped; ``targets_frame()`` has the rows."""
    head = ("series", "level", "years", "gaps", "targets", *_COUNTED, "pending")
    rows = [[s["series"], s["level"] or "", f"{s['first_year']}–{s['last_year']}",
             ",".join(map(str, s["gaps"])) or "-", str(s["targets"]),
             *(str(s[k]) for k in _COUNTED), str(s["pending"])] for s in p.series]
    return _counts_fragment(f"Panel: {len(p.series)} series, {len(p.targets)} targets", head,
                            rows, [f"skipped {s['path']}: {s['reason']}" for s in p.skipped])


def timeline_fragment(t: Timeline) -> str:
    """The timeline for a notebook cell: each consecutive pair's target counts;
    ``ledger_frame()`` and ``series_frame()`` have the rows."""
    head = ("plan year", "reviewed in", "targets", *_COUNTED)
    rows = []
    for c in t.comparisons:
        counts = {s: sum(1 for e in c.ledger if e.status == s) for s in _COUNTED}
        rows.append([str(c.old.meta.plan_year), str(c.new.meta.plan_year), str(len(c.ledger)),
                     *(str(counts[s]) for s in _COUNTED)])
    first = t.reports[0].meta
    return _counts_fragment(f"{first.region or ''} 政府工作报告: {len(t.reports)} reports, "
                            f"{len(t.series)} indicators followed", head, rows,
                            [f"! {w.code}: {w.message}" for w in t.warnings])
