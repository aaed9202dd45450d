"""The review-against-plan view of the HTML page: each promise of the old plan next to the
review sentence that speaks of it, grouped by plan section, silent promises marked, with a
filter by status; and the wording shifts between the two plans. Presentation only."""
from __future__ import annotations


from markupsafe import Markup

from ..align.commitments import commitment_summary
from ..model import Comparison
from .partials import template

STATUS_LABELS = {"done": "✔ done", "progress": "↻ progress", "mentioned": "· mentioned",
                 "silent": "∅ silent"}


def _template():
    return template("commitments.html.j2")


def _anchor(side: str, ident: str | None) -> str:
    from .html import anchor

    return anchor(side, ident or "")


def _entry(e) -> dict:
    c = e.commitment
    return {"status": e.status, "status_label": STATUS_LABELS[e.status], "score": f"{e.score:.2f}",
            "section": c.section, "line": c.lines[0] if c.lines else "", "wording": c.wording,
            "object": c.object, "sentence": c.sentence, "anchor": _anchor("old", c.paragraph),
            "reason": e.reason,
            "evidence": [{"section": ev.section, "line": ev.lines[0] if ev.lines else "",
                          "sentence": ev.sentence, "anchor": _anchor("new", ev.paragraph)}
                         for ev in e.evidence]}


def commitments_html(c: Comparison) -> Markup:
    titles_old = {s.id: s.title for s in c.old.walk()}
    titles_new = {s.id: s.title for s in c.new.walk()}
    linked: dict[str, list[str]] = {}
    for link in c.links["review_vs_plan"]:
        if link.old and link.new:
            linked.setdefault(link.old, []).append(f"{link.new} {titles_new.get(link.new, '')}")
    groups: list[dict] = []
    by_unit: dict[str, dict] = {}
    for e in c.commitments:
        section = e.commitment.section or ""
        unit = next((u for u in linked if section == u or section.startswith(u + ".")), section)
        if unit not in by_unit:
            by_unit[unit] = {"label": f"{unit} {titles_old.get(unit, '')}",
                             "review": "；".join(linked.get(unit, [])), "entries": [], "silent": 0}
            groups.append(by_unit[unit])
        group = by_unit[unit]
        group["entries"].append(_entry(e))
        group["silent"] += e.status == "silent"
    tally, _ = commitment_summary(c.commitments)
    counts = [(s, STATUS_LABELS[s], n) for s, n in tally.items()]
    wording = [{"object": w.object, "old_wording": w.old.wording, "new_wording": w.new.wording,
                "old_section": w.old.section, "new_section": w.new.section,
                "old_sentence": w.old.sentence, "new_sentence": w.new.sentence,
                "old_anchor": _anchor("old", w.old.paragraph),
                "new_anchor": _anchor("new", w.new.paragraph)} for w in c.wording]
    return Markup(_template().render(
        plan_year=c.old.meta.plan_year, review_year=c.new.meta.review_year,
        next_year=c.new.meta.plan_year, counts=counts, groups=groups, wording=wording))
