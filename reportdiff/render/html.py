"""The comparison as one self-contained HTML page: inline CSS, JS and SVG, nothing fetched.

All report text goes through jinja2's autoescaping; the page's own CSS and script are allowed
by their hashes in a Content-Security-Policy that forbids every remote load.
"""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

from .. import __version__
from ..model import Comparison
from .compare_terminal import (LEGEND, STATUS, priorities_title, priority_cell,
                               relation_label)
from .files import write_files, write_text
from .html_commitments import commitments_html
from .html_plandiff import plandiff_html
from .terminal import quantity_text


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, object]:
    import jinja2

    files = resources.files(__package__)
    css = files.joinpath("page.css").read_text("utf-8")
    js = files.joinpath("page.js").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    template = env.from_string(files.joinpath("templates/comparison.html.j2").read_text("utf-8"))
    return css, js, template


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def anchor(side: str, ident: str) -> str:
    """The id of a section or paragraph of one side (``old-2.p3``, ``new-s-1.1``)."""
    return f"{side}-{ident}"


def _status_svg(counts: dict[str, int]) -> Markup:
    """The statuses as one bar (an inline SVG stretched to the width, so nothing is clipped)
    with its labels in a line of their own below it."""
    total = sum(counts.values()) or 1
    colours = {"met": "#1a7f37", "missed": "#cf222e", "not_reported": "#9a6700", "unclear": "#0969da"}
    x, rects, labels = 0.0, [], []
    for status, n in counts.items():
        if not n:
            continue
        w = 100 * n / total
        rects.append(f'<rect x="{x:.2f}" y="0" width="{w:.2f}" height="10" fill="{colours[status]}"/>')
        labels.append(f'<span class="key"><i style="background:{colours[status]}"></i>'
                      f'{escape(status.replace("_", " "))} {n}</span>')
        x += w
    return Markup(f'<div class="statusbar"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10" '
                  f'preserveAspectRatio="none" width="100%" height="22" role="img" '
                  f'aria-label="target statuses">{"".join(rects)}</svg>'
                  f'<div class="keys">{"".join(labels)}</div></div>')


def _report_rows(report, side: str) -> list[dict]:
    rows = [{"kind": "p", "anchor": anchor(side, p.id), "id": p.id, "text": p.text}
            for p in report.preamble]
    for section in report.walk():
        rows.append({"kind": "heading", "anchor": anchor(side, "s-" + section.id),
                     "number": section.number, "title": section.title, "role": section.role,
                     "lines": f"{section.lines[0]}–{section.lines[1]}"})
        rows.extend({"kind": "p", "anchor": anchor(side, p.id), "id": p.id, "text": p.text}
                    for p in section.paragraphs)
    return rows


_NUMBER_SPAN = re.compile(r"\d[\d.,]*(?:%|‰|个百分点|倍|[万亿千百]*[元人家个项吨亩件名户所座条套辆台]?)")


def _marked(sentence: str, start: int, length: int) -> tuple[str, str, str]:
    """A sentence cut around its figure, for the figure to be marked (unmarked if absent)."""
    if start < 0:
        return sentence, "", ""
    return sentence[:start], sentence[start:start + length], sentence[start + length:]


def number_pieces(text: str) -> list[tuple[str, bool]]:
    """A changed run cut so that its numbers are pieces of their own, to be marked."""
    out, pos = [], 0
    for m in _NUMBER_SPAN.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _classes(link) -> str:
    relation = link.relation
    return " ".join(c for c in ("unchanged" if relation == "match" else "",
                                "not-new" if relation != "new" else "",
                                "not-dropped" if relation != "dropped" else "",
                                "weak" if link.weak else "", "moved" if link.moved else "") if c)


def _section_map(c: Comparison, view: str) -> list[dict]:
    titles_old = {s.id: s for s in c.old.walk()}
    titles_new = {s.id: s for s in c.new.walk()}
    rows = []
    for link in c.links[view]:
        o, n = titles_old.get(link.old), titles_new.get(link.new)
        rows.append({
            "old_anchor": anchor("old", "s-" + link.old) if link.old else None,
            "new_anchor": anchor("new", "s-" + link.new) if link.new else None,
            "old_label": f"{link.old} {o.title}" if o else "",
            "new_label": f"{link.new} {n.title}" if n else "",
            "relation": link.relation, "relation_label": relation_label(link),
            "score": "" if link.score is None else f"{link.score:.2f}", "classes": _classes(link)})
    return rows


def render_html(c: Comparison, nav: list[tuple[str, str]] | None = None) -> str:
    """The comparison page; ``nav`` links (label, href) go at its top (a timeline's pages)."""
    css, js, template = _assets()
    counts = {s: sum(1 for e in c.ledger if e.status == s) for s in STATUS}
    ledger = []
    for e in c.ledger:
        t, o = e.target, e.outcome
        texts = e.texts()
        ledger.append({"indicator": e.name, "canonical": e.indicator, "target": texts["target"],
                       "target_anchor": anchor("old", t.section or ""),
                       "outcome": texts["outcome"] if o else "",
                       "outcome_anchor": anchor("new", o.paragraph) if o and o.paragraph else None,
                       "status": e.status, "status_label": STATUS[e.status][0],
                       "delta": texts["delta"], "note": e.note or "",
                       "evidence": e.evidence or "",
                       "target_sentence": _marked(t.sentence, t.sentence.find(t.surface),
                                                  len(t.surface)),
                       "outcome_sentence": _marked(o.sentence, o.start, o.end - o.start)
                       if o else None})
    changes = [{"indicator": ch.indicator, "old": ch.texts()["old"], "new": ch.texts()["new"],
                "old_anchor": anchor("old", ch.old.paragraph or ""),
                "new_anchor": anchor("new", ch.new.paragraph or ""),
                "delta": ch.texts()["delta"]} for ch in c.changes]
    section_map = _section_map(c, "review_vs_plan")
    plan_map = _section_map(c, "plan_vs_plan")
    cols = [[priority_cell(p) for p in c.priorities[k][:12]]
            for k in ("new", "dropped", "rising", "falling")]
    priorities = [[col[i] if i < len(col) else "" for col in cols]
                  for i in range(max((len(col) for col in cols), default=0))]
    return template.render(
        nav=nav or [], version=__version__, css=Markup(css), js=Markup(js), style_hash=_csp_hash(css),
        script_hash=_csp_hash(js), old=c.old, new=c.new, warnings=c.warnings,
        status_svg=_status_svg(counts), ledger=ledger, withheld=c.withheld,
        withheld_targets=[{"indicator": t.indicator, "anchor": anchor("old", t.section or ""),
                           "target": quantity_text(t.value, t.value_high, t.unit)}
                          for t in c.old.targets] if c.withheld else [], changes=changes, section_map=section_map,
        plan_map=plan_map, legend=LEGEND, priorities_title=priorities_title(c),
        map_counts={v: c.relation_counts(v) for v in ("review_vs_plan", "plan_vs_plan")},
        commitments_html=commitments_html(c), plandiff_html=plandiff_html(c, "plan_vs_plan"),
        reviewdiff_html=plandiff_html(c, "review_vs_review"), priorities=priorities, old_text=_report_rows(c.old, "old"),
        new_text=_report_rows(c.new, "new"))


def write_html(c: Comparison, path: str) -> None:
    write_text(path, render_html(c))


def report_html(report) -> str:
    """A report's meta and section tree as an HTML fragment (Jupyter's ``_repr_html_``)."""
    meta = report.meta
    rows = "".join(
        f"<tr><td>{escape(s.id)}</td><td>{escape(s.number or '')}</td>"
        f"<td style='padding-left:{(s.level - 1) * 1.2}em'>{escape(s.title)}</td>"
        f"<td>{escape(s.role)}</td><td>{len(s.paragraphs)}</td>"
        f"<td>{s.lines[0]}–{s.lines[1]}</td></tr>" for s in report.walk())
    warnings = "".join(f"<li>{escape(w.code)}: {escape(w.message)}</li>" for w in report.warnings)
    head = " · ".join(escape(str(x)) for x in (meta.region, meta.plan_year, meta.delivered,
                                               meta.speaker_title, meta.speaker) if x)
    return (f"<div><b>{escape(meta.title or '政府工作报告')}</b> {head}<br>"
            f"<small>{escape(report.source.path)} · {len(report.metrics)} metrics · "
            f"{len(report.targets)} targets</small>"
            f"{'<ul>' + warnings + '</ul>' if warnings else ''}"
            f"<table><tr><th>id</th><th></th><th>title</th><th>role</th><th>¶</th><th>lines</th></tr>"
            f"{rows}</table></div>")


def write_timeline_html(t, directory: str) -> str:
    """One comparison page per consecutive pair, each linking to the index and its
    neighbours, and the index page (pairs, indicator series, a chart per indicator), all
    written together; the index's path."""
    from .html_timeline import index_html, pair_name, pair_nav

    pages: dict[str, str] = {}
    for k, c in enumerate(t.comparisons):
        pages[pair_name(c)] = render_html(c, nav=pair_nav(t, k))
    css, _, _ = _assets()
    pages["index.html"] = index_html(t, css, _csp_hash(css))
    return write_files(directory, pages)[-1]
