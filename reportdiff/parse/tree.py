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

from dataclasses import dataclass, field
from typing import NamedTuple

from .headings import (PART, SECTION_RULES, Rule, is_dash_bullet, lead_sentence,
                       marker_text, match_marker, split_heading)

_MAX_DEPTH = 4
_PART_TITLE_MAX = 60


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


def find_parts(paras: list[Para]) -> list[int]:
    """Indexes of the part headings: the longest run of consecutive ordinals (一、 二、 三、)
    among heading-like paragraphs, so a stray ``一、`` elsewhere does not break the tree."""
    candidates = []
    for i, para in enumerate(paras):
        hit = match_marker(para.text, (PART,))
        if not hit:
            continue
        title, _ = split_heading(PART, hit[2])
        if 0 < len(title) <= _PART_TITLE_MAX:
            candidates.append((i, hit[1]))
    best: dict[int, list[int]] = {}  # candidate position -> best chain ending there
    for k, (i, n) in enumerate(candidates):
        chain = [i]
        for j, (pi, pn) in enumerate(candidates[:k]):
            if pn == n - 1 and len(best[j]) + 1 > len(chain):
                chain = best[j] + [i]
        best[k] = chain
    chain = max(best.values(), key=lambda c: (len(c), -c[0])) if best else []
    hinted = [i for i, p in enumerate(paras) if p.heading == 1]
    if len(chain) < 2 and len(hinted) >= 2:
        return hinted  # unnumbered parts the file marks as headings (关于国内建设 …)
    return chain


def build_parts(paras: list[Para], part_index: list[int]) -> list[Node]:
    nodes = []
    bounds = part_index + [len(paras)]
    for start, end in zip(bounds, bounds[1:]):
        head = paras[start]
        hit = match_marker(head.text, (PART,))
        if hit:
            title, body = split_heading(PART, hit[2])
            number = marker_text(PART, head.text)
        else:  # a heading by its style only
            title, body, number = head.text, "", None
        node = Node(number, title, head.first)
        inner = ([Para(body, head.first, head.last)] if body else []) + paras[start + 1:end]
        _fill(node, inner, SECTION_RULES, depth=1)
        nodes.append(node)
    return nodes


def _fill(node: Node, paras: list[Para], rules: tuple[Rule, ...], depth: int) -> None:
    """Give ``node`` its own paragraphs and its children, from ``paras``."""
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
            units = [i for i, p in enumerate(paras)
                     if is_dash_bullet(p.text) or lead_sentence(p.text)]
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
