"""The section tree: parts, their sections, and theirs, following GENRE.md's rule.

A part holds sections of the highest-ranked marker style that starts some of its
paragraphs (``（一）`` before ``一是`` before ``第一，`` …); each section holds the next style
it uses. A part with no numbered style is structured by its dash bullets and lead-sentence
paragraphs. Only paragraph-initial markers count.

>>> paras = [Para("一、2023年工作回顾", 1, 1), Para("一年来，做了以下工作。", 2, 2),
...          Para("（一）创新驱动。加快发展。", 3, 3), Para("原始创新不断增强。服务平台建设。", 4, 4),
...          Para("二、2024年工作安排", 5, 5), Para("积极的财政政策要加力。赤字率3%。", 6, 6)]
>>> parts = build_parts(paras, find_parts(paras))
>>> [(n.number, n.title, [c.title for c in n.children]) for n in parts]
[('一、', '2023年工作回顾', ['创新驱动']), ('二、', '2024年工作安排', ['积极的财政政策要加力'])]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .. import lexicon
from .headings import (PART, RULES, SECTION_RULES, Rule, is_dash_bullet, is_framing,
                       is_heading_bullet, is_salutation_alone, is_wrap_up, lead_sentence, marker_text,
                       match_marker, split_heading)

_MAX_DEPTH = 4
_PART_TITLE_MAX = 60
_OPENING = re.compile(r"^各位代表[：:]\S{0,2}$")  # the opening salutation, not a closing 各位代表！…


class Para(NamedTuple):
    text: str
    first: int
    last: int
    heading: int = 0  # a heading level the file's format marked (docx styles), else 0


@dataclass
class Node:
    number: str | None
    title: str
    first: int
    paragraphs: list[Para] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)

    @property
    def last(self) -> int:
        ends = [self.first] + [p.last for p in self.paragraphs] + [c.last for c in self.children]
        return max(ends)


class Gap(NamedTuple):
    """Part ordinals missing from the copy: ``before`` is followed by ``after``."""
    before: int
    after: int
    line: int


def find_parts(paras: list[Para]) -> list[int]:
    """Indexes of the part headings (see ``find_layout``)."""
    return find_layout(paras)[0]


def find_layout(paras: list[Para]) -> tuple[list[int], list[Gap]]:
    """Indexes of the part headings, and the gaps in their numbering.

    Numbered parts are the longest run of consecutive ordinals (一、 二、 三、) among
    heading-like paragraphs, so a stray ``一、`` elsewhere does not break the tree; one
    missing ordinal (一、 then 三、: part 二 lost from the copy) is bridged and reported.
    Unnumbered headings (2024年工作回顾) are the parts when there is no numbered run, or when
    the ``一、`` items restart under them (then those items are sections)."""
    candidates = []
    for i, para in enumerate(paras):
        hit = match_marker(para.text, (PART,))
        if not hit:
            continue
        title, _ = split_heading(PART, hit[2])
        if 0 < len(title) <= _PART_TITLE_MAX:
            candidates.append((i, hit[1]))
    best: dict[int, tuple[list[int], int]] = {}  # candidate -> best chain ending there, gaps
    for k, (i, n) in enumerate(candidates):
        chain, gaps = [i], 0
        for j, (pi, pn) in enumerate(candidates[:k]):
            step = n - pn
            if step not in (1, 2):
                continue
            prev, prev_gaps = best[j]
            cand = (len(prev) + 1, -(prev_gaps + (step == 2)))
            if cand > (len(chain), -gaps):
                chain, gaps = prev + [i], prev_gaps + (step == 2)
        best[k] = (chain, gaps)
    chain, _ = (max(best.values(), key=lambda c: (len(c[0]), -c[1], -c[0][0]))
                if best else ([], 0))
    bare = _bare_headings(paras)
    if len(bare) >= 2 and (len(chain) < 2 or _restarts_under(paras, bare, candidates)):
        return bare, []
    hinted = [i for i, p in enumerate(paras) if p.heading == 1]
    if len(chain) < 2 and len(hinted) >= 2:
        return hinted, []  # unnumbered parts the file marks as headings (关于国内建设 …)
    ordinals = dict(candidates)
    gaps_found = [Gap(ordinals[a], ordinals[b], paras[b].first)
                  for a, b in zip(chain, chain[1:]) if ordinals[b] - ordinals[a] == 2]
    return chain, gaps_found


def _bare_headings(paras: list[Para]) -> list[int]:
    """Short unmarked lines after the salutation that read as part headings."""
    max_chars, punct, words, not_heading = _bare_patterns()
    # after the salutation; a copy without one starts at the top (front matter lines have
    # punctuation or are excluded by `not_heading`)
    start = next((i + 1 for i, p in enumerate(paras[:60]) if _OPENING.match(p.text)), 0)
    out = []
    for i in range(start, len(paras)):
        text = paras[i].text
        if (len(text) > max_chars or punct.search(text) or not_heading.search(text)
                or match_marker(text)):
            continue
        if words.search(text) or _opens_series(paras[i + 1:i + 3]):
            out.append(i)
    return out


@lru_cache(maxsize=1)
def _bare_patterns() -> tuple[int, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = lexicon.load("headings")["bare"]
    return (table["max_chars"], re.compile(table["punctuation"]),
            re.compile("|".join(table["words"])), re.compile("|".join(table["not_heading"])))


def _opens_series(following: list[Para]) -> bool:
    for para in following:
        hit = match_marker(para.text, RULES[:2])
        if hit:
            return hit[1] == 1
    return False


def _restarts_under(paras: list[Para], bare: list[int], candidates: list[tuple[int, int]]
                    ) -> bool:
    """Do the numbered ``一、`` items start again at 一 under at least two of the
    unnumbered headings (so they are those headings' sections)?"""
    bounds = bare + [len(paras)]
    restarts = 0
    for start, end in zip(bounds, bounds[1:]):
        inside = [n for i, n in candidates if start < i < end]
        restarts += bool(inside) and inside[0] == 1
    return restarts >= 2


def build_parts(paras: list[Para], part_index: list[int]) -> list[Node]:
    nodes = []
    bounds = part_index + [len(paras)]
    # under unnumbered parts, 一、 items are sections
    bare = any(not match_marker(paras[i].text, (PART,)) for i in part_index)
    inner_rules = RULES if bare else SECTION_RULES
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        last = end == len(paras)
        hit = match_marker(head.text, (PART,))
        if hit:
            title, body = split_heading(PART, hit[2])
            number = marker_text(PART, head.text)
        else:  # a heading by its style only
            title, body, number = head.text, "", None
        node = Node(number, title, head.first)
        inner = ([Para(body, head.first, head.last)] if body else []) + paras[start + 1:end]
        _fill(node, inner, inner_rules, depth=1, closing_units=last)
        nodes.append(node)
    return nodes


def _fill(node: Node, paras: list[Para], rules: tuple[Rule, ...], depth: int,
          closing_units: bool = True) -> None:
    """Give ``node`` its own paragraphs and its children, from ``paras``. Without
    ``closing_units``, what follows a standalone salutation is the part's wrap-up, not units
    (the last part's closing passages — nationalities, defence, foreign policy — are)."""
    if depth < _MAX_DEPTH:
        for rank, rule in enumerate(rules):
            items = _series(paras, rule)
            if items:
                _split_items(node, paras, items, rule, rules[rank + 1:], depth)
                return
        if depth == 1:
            styled = [i for i, p in enumerate(paras) if p.heading == 2]
            if styled:
                _split_styled(node, paras, styled)
                return
            heads = [i for i, p in enumerate(paras) if is_heading_bullet(p.text)]
            if len(heads) >= 2:
                _split_bullets(node, paras, heads)
                return
            units = _units(paras, closing_units)
            if units:
                _split_units(node, paras, units)
                return
    node.paragraphs.extend(paras)


def _series(paras: list[Para], rule: Rule) -> list[tuple[int, int]]:
    """``(index, ordinal)`` of the paragraphs that open with ``rule``'s marker in sequence
    (each the next ordinal, or a restart at one); empty when too short to be a series."""
    items: list[tuple[int, int]] = []
    for i, para in enumerate(paras):
        hit = match_marker(para.text, (rule,))
        if not hit:
            continue
        n = hit[1]
        if not items or n == items[-1][1] + 1 or n == 1:
            items.append((i, n))
    return items if len(items) >= rule.min_run else []


def _split_items(node: Node, paras: list[Para], items: list[tuple[int, int]], rule: Rule,
                 lower: tuple[Rule, ...], depth: int) -> None:
    node.paragraphs.extend(paras[:items[0][0]])
    bounds = [i for i, _ in items] + [len(paras)]
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        _, _, rest = match_marker(head.text, (rule,))
        title, body = split_heading(rule, rest)
        child = Node(marker_text(rule, head.text), title, head.first)
        inner = ([Para(body, head.first, head.last)] if body else []) + paras[start + 1:end]
        _fill(child, inner, lower, depth + 1)
        node.children.append(child)


def _split_styled(node: Node, paras: list[Para], heads: list[int]) -> None:
    """Sections marked only by a heading style: the heading line is the title."""
    node.paragraphs.extend(paras[:heads[0]])
    bounds = heads + [len(paras)]
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        node.children.append(Node(None, head.text, head.first, list(paras[start + 1:end])))


def _units(paras: list[Para], closing_units: bool = True) -> list[int]:
    """Indexes of the paragraphs that are units: dash bullets and lead-sentence paragraphs,
    not framing."""
    wrap_up = set()
    if not closing_units:  # 各位代表！ then 成绩来之不易。…: the part's wrap-up
        for i, para in enumerate(paras[:-1]):
            if i and is_salutation_alone(para.text) and is_wrap_up(paras[i + 1].text):
                wrap_up.update(range(i + 1, len(paras)))
                break
    return [i for i, p in enumerate(paras) if i not in wrap_up
            and (is_dash_bullet(p.text) or lead_sentence(p.text)) and not is_framing(p.text)]


def _split_bullets(node: Node, paras: list[Para], heads: list[int]) -> None:
    """Heading-only dash bullets are the sections; the lead-sentence paragraphs under each
    are its children."""
    node.paragraphs.extend(paras[:heads[0]])
    bounds = heads + [len(paras)]
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        title = head.text.lstrip("—").strip().rstrip("。；;")
        child = Node("——", title, head.first)
        inner = paras[start + 1:end]
        units = _units(inner)
        if units:
            _split_units(child, inner, units)
        else:
            child.paragraphs.extend(inner)
        node.children.append(child)


def _split_units(node: Node, paras: list[Para], units: list[int]) -> None:
    node.paragraphs.extend(paras[:units[0]])
    bounds = units + [len(paras)]
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        if is_dash_bullet(head.text):
            text = head.text.lstrip("—")
            title = split_heading(PART, text)[0] if len(text) > 0 else text
            cut = min((k for k in (title.find("，"), title.find("、")) if k > 0), default=-1)
            number, title = "——", title[:cut] if 0 < cut else title
        else:
            number, title = None, lead_sentence(head.text) or ""
        child = Node(number, title, head.first, list(paras[start:end]))
        node.children.append(child)
