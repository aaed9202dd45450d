"""The timeline's index page: the pairs with their scorecards, the indicator-series table, and
an inline SVG chart per indicator (target against outcome, year by year); each pair page links
back to the index and to its neighbours. Self-contained like the comparison page."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..figures import figure_text
from ..model import Timeline
from .compare_terminal import STATUS

W, H, PAD = 360, 130, 34


def chart_svg(chart: dict) -> Markup:
    """Outcomes as a solid line with dots, targets as hollow squares, on one year axis."""
    points = chart["outcomes"] + chart["targets"]
    years = sorted({y for y, _ in points})
    values = [v for _, v in points]
    lo, hi = min(values), max(values)
    span_y = (hi - lo) or abs(hi) or 1.0
    span_x = (years[-1] - years[0]) or 1

    def xy(year, value):
        x = PAD + (year - years[0]) / span_x * (W - 2 * PAD)
        y = H - 22 - (value - lo) / span_y * (H - 40)
        return x, y

    unit = chart["unit"]
    parts = [f'<line x1="{PAD}" y1="{H - 22}" x2="{W - PAD}" y2="{H - 22}" stroke="#d1d9e0"/>']
    line = " ".join("{:.1f},{:.1f}".format(*xy(y, v)) for y, v in chart["outcomes"])
    parts.append(f'<polyline points="{line}" fill="none" stroke="#0969da" stroke-width="2"/>')
    for year, value in chart["outcomes"]:
        x, y = xy(year, value)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#0969da">'
                     f'<title>{year} outcome {escape(figure_text(value, None, unit))}</title></circle>')
    for year, value in chart["targets"]:
        x, y = xy(year, value)
        parts.append(f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="none" '
                     f'stroke="#cf222e" stroke-width="1.5"><title>{year} target '
                     f'{escape(figure_text(value, None, unit))}</title></rect>')
    for year in (years[0], years[-1]):
        x, _ = xy(year, lo)
        parts.append(f'<text x="{x:.1f}" y="{H - 6}" text-anchor="middle">{year}</text>')
    parts.append(f'<text x="2" y="12">{escape(figure_text(hi, None, unit))}</text>')
    parts.append(f'<text x="2" y="{H - 26}">{escape(figure_text(lo, None, unit))}</text>')
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="100%" '
                  f'role="img" aria-label="{escape(chart["key"])}: target and outcome by year">'
                  f'{"".join(parts)}</svg>')


def pair_name(c) -> str:
    return f"{c.old.meta.plan_year}-{c.new.meta.plan_year}.html"


def pair_nav(t: Timeline, k: int) -> list[tuple[str, str]]:
    """Links of the k-th pair page: the index, the previous pair, the next pair."""
    nav = [("timeline index", "index.html")]
    if k > 0:
        c = t.comparisons[k - 1]
        nav.append((f"← {c.old.meta.plan_year} → {c.new.meta.plan_year}", pair_name(c)))
    if k + 1 < len(t.comparisons):
        c = t.comparisons[k + 1]
        nav.append((f"{c.old.meta.plan_year} → {c.new.meta.plan_year} →", pair_name(c)))
    return nav


def index_html(t: Timeline, css: str, style_hash: str) -> str:
    rows = []
    for c in t.comparisons:
        counts = {s: sum(1 for e in c.ledger if e.status == s) for s in STATUS}
        summary = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items() if n)
        if c.withheld:
            summary = f"statuses withheld ({c.withheld.replace('_', ' ')})"
        rows.append(f'<tr><td><a href="{escape(pair_name(c))}">{escape(str(c.old.meta.plan_year))} → '
                    f'{escape(str(c.new.meta.plan_year))}</a></td><td>{len(c.old.targets)}</td>'
                    f'<td>{escape(summary)}</td></tr>')
    years = sorted({y for _, points in t.series.items() for y, _, _ in points if y})
    series_rows = []
    for key, points in t.series.items():
        if len(points) < 2:
            continue
        by_year = {y: m for y, _, m in points}
        cells = "".join(f"<td>{escape(figure_text(by_year[y].value, by_year[y].value_high, by_year[y].unit))}</td>"
                        if y in by_year else "<td></td>" for y in years)
        series_rows.append(f"<tr><th>{escape(key)}</th>{cells}</tr>")
    charts = "".join(f'<figure class="chart"><figcaption>{escape(ch["key"])}</figcaption>'
                     f'{chart_svg(ch)}</figure>' for ch in t.charts())
    warnings = "".join(f'<p class="warn"><b class="mark">!</b> {escape(w.code)}: {escape(w.message)}</p>'
                       for w in t.warnings)
    head = "".join(f"<th>{y}</th>" for y in years)
    region = t.reports[0].meta.region or ""
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            f'style-src \'{style_hash}\'; base-uri \'none\'; form-action \'none\'">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(region)} timeline · reportdiff</title><style>{css}</style></head><body>"
            f"<h1>Timeline: {escape(region)} {t.reports[0].meta.plan_year}–{t.reports[-1].meta.plan_year}</h1>"
            f"{warnings}<h2>Each year's targets against the next review</h2>"
            f'<div class="table-wrap"><table id="pairs"><thead><tr><th>pair</th><th>targets</th>'
            f'<th>statuses</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f"<h2>Indicators across the reviews (the year reviewed)</h2>"
            f'<div class="table-wrap"><table id="series"><thead><tr><th>indicator</th>{head}</tr>'
            f'</thead><tbody>{"".join(series_rows)}</tbody></table></div>'
            f'<h2>Target against outcome, by year</h2><p class="muted"><span class="key-outcome">●</span> '
            f'outcome (the review of that year) · <span class="key-target">□</span> target (set in '
            f'that year\'s plan)</p><div class="charts">{charts}</div>'
            f'<p class="muted">Made by reportdiff. This page loads nothing from the network.</p>'
            f"</body></html>")
