"""Word-level diffs of aligned sections: rjieba tokens, numbers kept whole.

Character diffs split 3550→3900 into ``3[-55-]{+90+}0``; token diffs keep the number whole.

>>> [(op, text) for op, text in word_diff("收入3550亿元，增长6%", "收入3900亿元，增长6%")]
[('equal', '收入'), ('delete', '3550亿元'), ('insert', '3900亿元'), ('equal', '，增长6%')]
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from .tokens import _engine

_NUMBER_PIECE = re.compile(r"^[\d.,%％]+$|^[万亿千百]$|^(元|亿元|万元|人|家|个|项|吨|亩)$")
_NUMBER = re.compile(r"\d")


def diff_tokens(text: str) -> list[str]:
    """All tokens of ``text`` (punctuation included), a number and its unit as one token."""
    out: list[str] = []
    for tok in _engine().cut(text):
        if out and _NUMBER.search(out[-1]) and _NUMBER_PIECE.match(tok):
            out[-1] += tok
        elif out and _NUMBER.search(tok) and re.match(r"^[\d.,]+$", tok) and re.search(r"[\d.]$", out[-1]):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``(op, text)`` runs, op one of equal / delete / insert (a replacement is a delete
    followed by an insert)."""
    a, b = diff_tokens(old), diff_tokens(new)
    runs: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    deleted, inserted = [], []
    for tag, i1, i2, j1, j2 in Indel.opcodes(a, b):
        if tag == "equal":
            add("delete", "".join(deleted))
            add("insert", "".join(inserted))
            deleted, inserted = [], []
            add("equal", "".join(a[i1:i2]))
        else:
            deleted += a[i1:i2]
            inserted += b[j1:j2]
    add("delete", "".join(deleted))
    add("insert", "".join(inserted))
    return runs


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


def section_text(section) -> str:
    return "\n".join(p.text for p in section.all_paragraphs())


def section_pairs(comparison, view: str = "review_vs_plan") -> list:
    """Every link of a view as a SectionPair with the word diff of the two sections' text."""
    from ..model import SectionPair

    old_sections = {s.id: s for s in comparison.old.walk()}
    new_sections = {s.id: s for s in comparison.new.walk()}
    out = []
    for link in comparison.links[view]:
        old = old_sections.get(link.old) if link.old else None
        new = new_sections.get(link.new) if link.new else None
        runs = word_diff(section_text(old) if old else "", section_text(new) if new else "")
        out.append(SectionPair(link, old, new, tuple(runs)))
    return out
