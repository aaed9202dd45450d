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


#: An unchanged stretch shorter than this between two changes (a 的, a comma, 已) is shown as
#: part of the change, so that a rewritten sentence reads as one replacement, not as pieces
#: every few characters.
MIN_EQUAL = 4
_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》—…,.;:!?()\-]")


def _short(text: str) -> bool:
    return len(_PUNCT.sub("", text)) < MIN_EQUAL and "\n" not in text


def coalesce(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold short unchanged stretches between changes into the change on both sides.

    >>> coalesce([("delete", "坚持"), ("insert", "投资"), ("equal", "的"), ("delete", "规划"),
    ...           ("insert", "建设"), ("equal", "，全面推进")])
    [('delete', '坚持的规划'), ('insert', '投资的建设'), ('equal', '，全面推进')]
    """
    out: list[tuple[str, str]] = []
    for k, (op, text) in enumerate(runs):
        between = 0 < k < len(runs) - 1 and op == "equal" and _short(text)
        if between:
            out.append(("delete", text))
            out.append(("insert", text))
        else:
            out.append((op, text))
    merged: list[tuple[str, str]] = []
    pending = {"delete": "", "insert": ""}
    for op, text in out:
        if op == "equal":
            merged.extend((o, pending[o]) for o in ("delete", "insert") if pending[o])
            pending = {"delete": "", "insert": ""}
            merged.append((op, text))
        else:
            pending[op] += text
    merged.extend((o, pending[o]) for o in ("delete", "insert") if pending[o])
    return merged


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``(op, text)`` runs, op one of equal / delete / insert (a replacement is a delete
    followed by an insert); short unchanged stretches between changes are folded into them."""
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
    return coalesce(runs)


def has_number(text: str) -> bool:
    return bool(_NUMBER.search(text))


def section_text(section) -> str:
    return "\n".join(p.text for p in section.all_paragraphs())


def section_pairs(comparison, view: str = "review_vs_plan") -> list:
    """Every link of a view as a SectionPair with the word diff of the two sections' text."""
    from ..model import SectionPair

    from .units import unit_sections

    # a part linked as a unit is its intro (the paragraphs before its first section)
    old_sections, new_sections = unit_sections(comparison.old), unit_sections(comparison.new)
    out = []
    for link in comparison.links[view]:
        old = old_sections.get(link.old) if link.old else None
        new = new_sections.get(link.new) if link.new else None
        runs = word_diff(section_text(old) if old else "", section_text(new) if new else "")
        out.append(SectionPair(link, old, new, tuple(runs)))
    return out


def _side_of(comparison, spec: str) -> tuple[str, str]:
    """``(side, id)`` of a ``--section`` spec: ``old:2.2``, ``new:2.2``, or a bare id when it
    exists on one side only; a bare id that exists in both reports is a usage error asking
    which."""
    from ..errors import InputError

    side, _, ident = spec.partition(":") if ":" in spec else ("", "", spec)
    if side not in ("", "old", "new"):
        raise InputError(spec, "say old:ID or new:ID (e.g. --section old:2.2)")
    in_old = any(s.id == ident for s in comparison.old.walk())
    in_new = any(s.id == ident for s in comparison.new.walk())
    if not side:
        if in_old and in_new:
            raise InputError(ident, f"exists in both reports: say old:{ident} (the "
                                    f"{comparison.old.meta.plan_year or 'old'} report) or "
                                    f"new:{ident} (the {comparison.new.meta.plan_year or 'new'} "
                                    "report)")
        side = "old" if in_old else "new"
    return side, ident


def _not_aligned(spec: str):
    from ..errors import InputError

    return InputError(spec, "no such section in either report's aligned parts "
                            "(see `reportdiff compare OLD NEW` for the ids)")


def pairs_for(comparison, spec: str) -> list[tuple[str, object]]:
    """``(view, SectionPair)`` for every aligned pair a section takes part in (``spec`` as
    for :func:`groups_for`)."""
    from ..model import VIEWS

    side, ident = _side_of(comparison, spec)
    found = [(view, pair) for view in VIEWS for pair in comparison.pairs(view)
             if getattr(pair.link, side) == ident]
    if not found:
        raise _not_aligned(spec)
    return found


def groups_for(comparison, spec: str) -> list[tuple[str, object]]:
    """``(view, SectionGroup)`` for every view in which a section is aligned: the group of
    its links, so that a split or merged section's text is shown once, not once per link.
    ``spec`` is ``old:2.2``, ``new:2.2``, or a bare id when it exists on one side only."""
    from ..model import VIEWS

    side, ident = _side_of(comparison, spec)
    found = [(view, group) for view in VIEWS for group in comparison.groups(view)
             if any(getattr(link, side) == ident for link in group.links)]
    if not found:
        raise _not_aligned(spec)
    return found


def hunks(runs) -> int:
    """The number of changes in a diff: a deletion and the insertion beside it are one."""
    count, previous = 0, "equal"
    for op, _ in runs:
        if op != "equal" and previous == "equal":
            count += 1
        previous = op
    return count


def section_groups(comparison, view: str = "plan_vs_plan") -> list:
    """The links of a view gathered so that every section's text appears once: a split or a
    merge (one old → several new, several old → one new) is one group whose texts are diffed
    together; other links are groups of one. In map order."""
    from ..model import SectionGroup

    from .units import unit_sections

    # a part linked as a unit is its intro: its sections' text is in their own units
    old_sections, new_sections = unit_sections(comparison.old), unit_sections(comparison.new)
    groups: list[list] = []
    where: dict[tuple[str, str], int] = {}
    for link in comparison.links[view]:
        keys = [k for k in (("old", link.old), ("new", link.new)) if k[1] is not None]
        hit = next((where[k] for k in keys if k in where), None)
        if hit is None:
            hit = len(groups)
            groups.append([])
        groups[hit].append(link)
        for k in keys:
            where[k] = hit
    out = []
    for links in groups:
        olds = list(dict.fromkeys(l.old for l in links if l.old))
        news = list(dict.fromkeys(l.new for l in links if l.new))
        old_text = "\n".join(section_text(old_sections[i]) for i in olds if i in old_sections)
        new_text = "\n".join(section_text(new_sections[i]) for i in news if i in new_sections)
        runs = tuple(word_diff(old_text, new_text))
        out.append(SectionGroup(tuple(links), tuple(old_sections[i] for i in olds if i in old_sections),
                                tuple(new_sections[i] for i in news if i in new_sections), runs,
                                hunks(runs)))
    return out
