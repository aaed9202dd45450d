"""Why a target is ``unclear`` or ``not_reported``, in plain words, and the review sentence
the status rests on.

The ledger records its finding tersely (``stated as level 元, the target is growth_pct %``);
this step says it as a reader would (the review gives an amount, 35512元, where the target is
a growth rate, 8%) and picks the evidence: the outcome's own sentence, else the review
sentence that names the indicator with a figure, whole.

>>> measure("growth_pct"), measure("level")
('a growth rate', 'an amount')
"""
from __future__ import annotations

import dataclasses
import re

from ..extract.indicators import canonical
from ..figures import figure_text
from ..model import LedgerEntry, Report

MEASURES = {"growth_pct": "a growth rate", "change_pp": "a change in percentage points",
            "share_pct": "a share or rate", "level": "an amount", "count": "a count",
            "rank": "a rank", "ratio": "a ratio", "duration": "a number of years",
            "other": "a figure"}


def measure(kind: str | None) -> str:
    return MEASURES.get(kind or "", "a figure")


def _fig(x) -> str:
    return figure_text(x.value, x.value_high, x.unit)


def _review_sentences(new: Report) -> list[str]:
    out = []
    for part in new.sections:
        if part.role != "review":
            continue
        for p in part.all_paragraphs():
            out.extend(s.strip() for s in re.split(r"(?<=[。；！])", p.text) if s.strip())
    return out


def _whole(fragment: str, sentences: list[str]) -> str:
    """The whole review sentence a quoted fragment (cut at 60 characters) came from."""
    head = fragment.rstrip("…")[:40]
    return next((s for s in sentences if head and head in s), fragment)


def evidence(entry: LedgerEntry, new: Report, sentences: list[str], quoted: str | None) -> str | None:
    """The outcome's sentence; else a review metric's sentence for the same indicator (it
    names it with a figure); else the whole sentence the ledger quoted."""
    if entry.outcome is not None:
        return entry.outcome.sentence
    named = [m for m in new.metrics if m.role == "outcome" and m.indicator
             and canonical(m.indicator) == entry.indicator]
    if named:
        return named[0].sentence
    if not quoted:
        return None
    names = {n for n in (entry.target.indicator, entry.indicator, entry.reported_as)
             if n and len(n) >= 2}
    naming = [s for s in sentences if any(n in s for n in names)]
    with_figure = [s for s in naming if re.search(r"\d", s)]
    return (with_figure or naming or [_whole(quoted, sentences)])[0]


def plain(entry: LedgerEntry, new: Report) -> tuple[str | None, str | None]:
    """``(reason, quoted fragment)`` for the entry's note."""
    note, t, m = entry.note or "", entry.target, entry.outcome
    name = entry.name
    year = new.meta.review_year or "the"
    head, _, quoted = note.partition(": ")
    if note.startswith("stated as") and m is not None:
        return (f"the {year} review gives {name} as {measure(m.kind)} ({_fig(m)}), the target is "
                f"{measure(t.kind)} ({_fig(t)}): not the same measure, so not graded"), None
    if note.startswith("stated only as a multi-year figure"):
        fig = f" ({_fig(m)})" if m is not None else ""
        return (f"the {year} review gives {name} only over several years{fig}, not for "
                f"{t.year or 'the target year'} alone"), None
    if note.endswith("another measure") and m is not None:
        return (f"the {year} review gives {m.indicator} ({_fig(m)}), a different measure from "
                f"the target's {name}"), None
    if head == "named without a comparable figure":
        return f"the {year} review names {name} but gives no figure to set against the target", quoted
    if head == "named only in passing":
        return f"the {year} review mentions {name} only in passing, with no result", quoted
    if head == "missed in words":
        return f"the {year} review says in words that the {name} target was not reached", quoted
    if head == "met in words":
        return f"the {year} review says in words that the {name} target was reached", quoted
    if note == "the review does not state it":
        return f"the {year} review does not mention {name}", None
    if note.startswith("unquantified"):
        return ("the target has no figure, and the review does not say it was achieved"), None
    if head == "the review says":
        return "the review says it improved", quoted
    if head == "the review says it was achieved":
        return "the review says it was achieved", quoted
    return entry.note, quoted if head != note else None


def _reported_as(entry: LedgerEntry) -> str:
    """The target's own words for the indicator, unless the ledger named one member of a
    pair (城镇 of 城乡), whose canonical name differs from the target's."""
    own = entry.target.indicator
    return own if canonical(own) == entry.indicator or own == entry.indicator else entry.indicator


def explain(entries: list[LedgerEntry], new: Report) -> list[LedgerEntry]:
    """The entries with plain reasons, evidence sentences and the report's indicator names."""
    sentences = _review_sentences(new)
    out = []
    for e in entries:
        e = dataclasses.replace(e, reported_as=_reported_as(e))
        reason, quoted = plain(e, new) if e.note else (None, None)
        out.append(dataclasses.replace(e, note=reason,
                                       evidence=evidence(e, new, sentences, quoted)))
    return out
