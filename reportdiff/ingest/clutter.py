"""Page clutter, appended glossaries and repeated bodies, removed from numbered lines.

Patterns live in ``lexicon/clutter.toml``; this module only applies them.

>>> from reportdiff.model import Line
>>> lines = [Line(1, "导航菜单"), Line(2, "各位代表："), Line(3, "本文地址：/a.html")]
>>> kept, dropped = drop_clutter(lines)
>>> [ln.text for ln in kept], dropped
(['各位代表：'], 2)
"""
from __future__ import annotations

import re
from collections import Counter

from .. import lexicon
from ..model import Line

_LONG = 30  # a line this long is body text, good for spotting repeated copies


def drop_clutter(lines: list[Line]) -> tuple[list[Line], int]:
    """Lines without site furniture, HTML comments and appended glossaries; and how many
    non-empty lines went."""
    clutter = lexicon.alternation("clutter", "lines")
    junk = lexicon.alternation("clutter", "junk")
    kept: list[Line] = []
    dropped = 0
    in_comment = False
    for line in lines:
        text = line.text
        if junk.search(text):
            text = junk.sub("", text).strip()
            if not text:
                dropped += 1
                continue
            line = Line(line.number, text, line.heading)
        if in_comment:
            dropped += 1
            if "-->" in text:
                in_comment = False
            continue
        if text.startswith("<!--"):
            dropped += 1
            in_comment = "-->" not in text
            continue
        if clutter.search(text):
            dropped += 1
            continue
        kept.append(line)
    kept, appendix = _drop_appendix(kept)
    return kept, dropped + appendix


def _drop_appendix(lines: list[Line]) -> tuple[list[Line], int]:
    starts = lexicon.alternation("clutter", "appendix_starts")
    for i in range(len(lines) * 2 // 3, len(lines)):
        if starts.search(lines[i].text):
            return lines[:i], len(lines) - i
    return lines, 0


def keep_first_copy(lines: list[Line]) -> tuple[list[Line], int]:
    """The first complete copy of a body repeated on one page, and how many copies there
    were (1 when the body is not repeated).

    A copy starts at each occurrence of the first line that repeats as often as the body's
    long lines do; the first copy holding (nearly) all distinct long lines is kept, with
    whatever came before the first copy.
    """
    counts = Counter(ln.text for ln in lines)
    long_counts = Counter(c for text, c in counts.items() if len(text) >= _LONG)
    if not long_counts:
        return lines, 1
    copies, _ = long_counts.most_common(1)[0]
    if copies < 2:
        return lines, 1
    starts = [i for i, ln in enumerate(lines) if counts[ln.text] == copies]
    anchor = lines[starts[0]].text
    bounds = [i for i in starts if lines[i].text == anchor] + [len(lines)]
    if len(bounds) - 1 < 2:
        return lines, 1
    segments = [lines[a:b] for a, b in zip(bounds, bounds[1:])]
    coverage = [len({ln.text for ln in seg if len(ln.text) >= _LONG}) for seg in segments]
    best = max(coverage)
    chosen = next(seg for seg, cov in zip(segments, coverage) if cov >= 0.95 * best)
    # the next copy's page header (site title …) stands before its anchor: not this copy's end
    header = {ln.text for ln in lines[:bounds[0]]}
    while chosen and chosen[-1].text in header:
        chosen = chosen[:-1]
    return lines[:bounds[0]] + chosen, len(segments)


_PARAGRAPH_GAP = re.compile(r"\s{2,}")
_HEADING_AFTER_STOP = re.compile(r"(?<=[。！？])(?=[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def split_run_on(lines: list[Line], limit: int = 3000) -> list[Line]:
    """Split lines that hold a whole report (paragraph breaks lost in scraping) at runs of
    spaces and before headings that follow a full stop. Pieces keep the line number."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) <= limit:
            out.append(line)
            continue
        for chunk in _PARAGRAPH_GAP.split(line.text):
            for piece in _HEADING_AFTER_STOP.split(chunk):
                if piece.strip():
                    out.append(Line(line.number, piece.strip(), line.heading))
    return out
