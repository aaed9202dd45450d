"""The comparison in a terminal: header, target scorecard, indicator changes, section map,
priorities. Presentation only: every figure comes from the Comparison."""
from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..model import Comparison, Report
from .terminal import AtWidth, add_columns, quantity_text

STATUS = {"met": ("✔ met", "bold green"), "missed": ("✘ missed", "bold red"),
          "not_reported": ("∅ not reported", "yellow"), "unclear": ("? unclear", "cyan")}
# Symbols the fonts of every screen have (fonts-wqy-microhei has none of ⑂ ⑃).
RELATION = {"match": ("=", "green"), "renamed": ("≈", "green"), "split": ("< split", "magenta"),
            "merge": ("> merge", "magenta"), "new": ("+ new", "bold green"),
            "dropped": ("− dropped", "bold red")}
VIEW_TITLES = {"review_vs_plan": "what was done against what was planned "
                                 "(new review ← old plan)",
               "plan_vs_plan": "plan against plan", "review_vs_review": "review against review"}


def _side(report: Report, label: str) -> Text:
    m = report.meta
    chars = report.chars
    text = Text()
    text.append(f"{label}: ", style="bold")
    text.append(f"{m.region or '?'} {m.plan_year or '?'} (review {m.review_year or '?'})")
    text.append(f" · {m.delivered or 'date unknown'} · "
                f"{(m.speaker_title or '') + ' ' + (m.speaker or '') if m.speaker else 'speaker unknown'}"
                f" · {chars:,} chars · {report.source.path}", style="dim")
    for w in report.warnings:
        text.append(f"\n   ⚠ {w.code}: {w.message}", style="yellow")
    return text


def header(c: Comparison) -> Group:
    parts = [_side(c.old, "old"), _side(c.new, "new")]
    for w in c.warnings:
        parts.append(Text(f"⚠ {w.code}: {w.message}", style="yellow"))
    return Group(*parts)


def withheld_targets(c: Comparison) -> Table:
    """The old report's targets without statuses, when the comparison withheld them."""
    table = Table(title=f"Targets for {c.old.meta.plan_year or '?'} "
                        f"(statuses withheld: {c.withheld.replace('_', ' ')})",
                  title_justify="left")
    for col in ("indicator", "target", "¶"):
        table.add_column(col, overflow="fold")
    for t in c.old.targets:
        table.add_row(t.indicator, quantity_text(t.value, t.value_high, t.unit), t.section or "")
    return table


def scorecard(c: Comparison) -> AtWidth:
    return AtWidth(lambda width: _scorecard(c, width))


def _scorecard(c: Comparison, width: int = 100):
    if c.withheld:
        return withheld_targets(c)
    counts = {s: sum(1 for e in c.ledger if e.status == s) for s in STATUS}
    summary = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items() if n)
    table = Table(title=f"Targets for {c.old.meta.plan_year} against the {c.new.meta.review_year} "
                        f"review — {summary or 'no targets'}", title_justify="left")
    add_columns(table, ("indicator", "target", "outcome", "status", "Δ", "where"),
                fixed=("target", "outcome", "Δ"),
                cells={"indicator": [e.name for e in c.ledger]}, widest=12,
                narrow={"where": 8, "status": 9} if width < 100 else None)
    why = Text()
    for e in c.ledger:
        t, o = e.target, e.outcome
        label, style = STATUS[e.status]
        texts = e.texts()
        if e.note and e.status in ("unclear", "not_reported"):
            why.append(f"{label[0]} {e.name} {texts['target']}: ", style=style)
            why.append(f"{e.note}\n")
            if e.evidence:
                why.append(f"    「{e.evidence}」\n", style="dim")
        table.add_row(e.name, texts["target"], texts["outcome"], Text(label, style=style),
                      texts["delta"], f"{t.section} → {o.paragraph}" if o else t.section or "")
    if not why.plain:
        return table
    why.rstrip()
    return Group(table, Text("Why not graded:", style="bold"), why)


def changes_table(c: Comparison) -> Table:
    table = Table(title=f"Indicators stated in both reviews ({len(c.changes)})",
                  title_justify="left")
    years = (str(c.old.meta.review_year), str(c.new.meta.review_year))
    add_columns(table, ("indicator", *years, "Δ"), fixed=(*years, "Δ"),
                cells={"indicator": [ch.indicator for ch in c.changes]})
    for ch in c.changes:
        texts = ch.texts()
        table.add_row(ch.indicator, texts["old"], texts["new"], texts["delta"])
    return table


LEGEND = (("=", "match: same topic, heading nearly the same"),
          ("≈", "renamed: same topic, heading reworded"),
          ("<", "split: one old section became several"),
          (">", "merge: several old sections became one"),
          ("+", "new"), ("−", "dropped"), ("↕", "moved out of the order of the others"),
          ("?", "possible match: a weak link, read both sections before relying on it"))


def relation_label(link) -> str:
    """The symbol and word of a link, as every renderer shows it."""
    label = RELATION[link.relation][0]
    if link.weak:
        label += " ? possible"
    return label + (" ↕ moved" if link.moved else "")


def legend() -> Text:
    text = Text("Relations: ", style="dim")
    for k, (symbol, meaning) in enumerate(LEGEND):
        text.append(("  " if k else "") + symbol, style="bold")
        text.append(f" {meaning}", style="dim")
    return text


def section_map(c: Comparison, view: str = "review_vs_plan") -> Table:
    titles_old = {s.id: s.title for s in c.old.walk()}
    titles_new = {s.id: s.title for s in c.new.walk()}
    table = Table(title=f"Section map: {VIEW_TITLES[view]}", title_justify="left")
    add_columns(table, ("old", "", "new", "score"), fixed=("", "score"))
    for link in c.links[view]:
        label, style = RELATION[link.relation]
        old = f"{link.old} {titles_old.get(link.old, '')}" if link.old else ""
        new = f"{link.new} {titles_new.get(link.new, '')}" if link.new else ""
        table.add_row(Text(old, style="strike dim" if link.relation == "dropped" else ""),
                      Text(relation_label(link), style="dim" if link.weak else style),
                      Text(new, style="bold" if link.relation == "new" else ""),
                      "" if link.score is None else f"{link.score:.2f}"
                      + (" (file)" if link.source != "auto" else ""))
    return table


def map_counts(c: Comparison) -> Text:
    """The relation counts of plan against plan next to review against plan."""
    text = Text()
    for view in ("review_vs_plan", "plan_vs_plan"):
        counts = c.relation_counts(view)
        parts = [f"{n} {r}" for r, n in counts.items() if n and r not in ("weak", "moved")]
        extra = [f"{counts[k]} {'possible' if k == 'weak' else k}" for k in ("weak", "moved")
                 if counts[k]]
        text.append(f"{VIEW_TITLES[view].split(' (')[0]}: ", style="bold")
        text.append(", ".join(parts) + (f" ({', '.join(extra)})" if extra else "") + "\n")
    text.rstrip()
    return text


def priority_cell(p) -> str:
    """``term old→new``: the rates per 10k characters when the analysis gives them."""
    old_rate, new_rate = getattr(p, "old_rate", None), getattr(p, "new_rate", None)
    if old_rate is not None and new_rate is not None:
        return f"{p.term} {old_rate:g}→{new_rate:g}"
    return f"{p.term} {p.old}→{p.new}"


def priorities_title(c: Comparison) -> tuple[str, str]:
    """The table's title and the note saying what its figures are."""
    shifts = [p for k in c.priorities.values() for p in k]
    if shifts and getattr(shifts[0], "old_rate", None) is not None:
        return ("Priorities: key phrases (uses per 10,000 characters, old → new)",
                "Rates, not counts: the reports differ in length "
                f"({c.old.chars:,} and {c.new.chars:,} characters).")
    return ("Priorities: key phrases (counts old → new)",
            "Rising and falling are judged against each report's length "
            f"({c.old.chars:,} and {c.new.chars:,} characters), not on the raw counts.")


def priorities_table(c: Comparison) -> Table:
    title, note = priorities_title(c)
    table = Table(title=title, title_justify="left", caption=note, caption_justify="left")
    for kind in ("new", "dropped", "rising", "falling"):
        table.add_column(kind, overflow="fold")
    columns = [[priority_cell(p) for p in c.priorities[k][:10]]
               for k in ("new", "dropped", "rising", "falling")]
    for row in range(max((len(col) for col in columns), default=0)):
        table.add_row(*[col[row] if row < len(col) else "" for col in columns])
    return table


def comparison_view(c: Comparison) -> Group:
    from .commitments_terminal import commitments_view

    return Group(header(c), Text(""), scorecard(c), changes_table(c), map_counts(c),
                 section_map(c), section_map(c, "plan_vs_plan"), legend(),
                 commitments_view(c), priorities_table(c))
