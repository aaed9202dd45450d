"""Commitments: the concrete promises of a report's plan part.

A commitment is a clause (between ，；。) that opens — after lead-in words (我们要, 年内: not
part of its strength) and strength words (确保, 力争, 加快, 稳步…) — with an action verb (启动, 建成, 推进…) and goes on
to a concrete object: a named project, programme or facility, or a figure. Framing clauses
(坚持…为指导) and abstract objects (推进高质量发展) are not promises. The vocabularies are the
table ``lexicon/commitments.toml``.

>>> [(c.strength, c.action, c.object) for c in clause_commitments("启动城市面貌提升工程。")]
[(None, '启动', '城市面貌提升工程')]
>>> [(c.strength, c.action, c.object) for c in clause_commitments("年内力争建成水冲式公厕30座，推进高质量发展。")]
[('力争', '建成', '水冲式公厕30座')]
>>> clause_commitments("以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调。")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..model import Commitment, Report
from .metrics import sentences

PLAN_ROLES = ("plan", "targets")
_CLAUSE = re.compile(r"[^，；：。！？,;:!?]+")
_FIGURE = re.compile(r"[\d０-９]|[一二两三四五六七八九十百千万]+[个项家座所条处公里万亿千]")
_QUOTED = re.compile(r"[“\"「][^”\"」]{2,}[”\"」]")
_TRIM = re.compile(r"^[的了等和与及、\s]+|[的了等和与及、\s“”]+$")


@dataclass(frozen=True, slots=True)
class Clause:
    """A promise found in one clause, before it is placed in a report."""

    clause: str
    start: int
    strength: str | None
    action: str
    stage: int
    object: str


@lru_cache(maxsize=1)
def _rules() -> dict:
    table = lexicon.load("commitments")
    longest = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
    words = longest(table["lead_in"] + table["strength"])
    head = rf"^(?P<strength>(?:{words})*)(?P<action>{longest(table['actions'])})(?P<object>.+)$"
    framing = table["framing"]
    return {"head": re.compile(head), "stages": table["actions"],
            "words": re.compile(words), "lead_in": frozenset(table["lead_in"]),
            "lead": re.compile(rf"^(?:{words})*"),
            "framing": re.compile("|".join(framing["patterns"])),
            "framing_sentence": re.compile("|".join(framing["sentences"])),
            "abstract": frozenset(framing["abstract_objects"]),
            "concrete": re.compile(longest(framing["concrete"])),
            "min": framing["min_object"], "max": framing["max_object"]}


def is_concrete(obj: str) -> bool:
    """A named thing or a figure, not an aim (高质量发展, 各项改革)."""
    rules = _rules()
    if obj in rules["abstract"]:
        return False
    return bool(_FIGURE.search(obj) or _QUOTED.search(obj) or rules["concrete"].search(obj))


def clause_commitments(sentence: str) -> list[Clause]:
    """The promises of one sentence, one per clause that makes one."""
    rules = _rules()
    out: list[Clause] = []
    if rules["framing_sentence"].search(sentence):
        return out
    for match in _CLAUSE.finditer(sentence):
        text = match.group().strip()
        if rules["framing"].search(text):
            continue
        head = rules["head"].match(text)
        if head:
            pre, action, rest = head.group("strength"), head.group("action"), head.group("object")
        else:
            pre, action, rest = _verb_head(text, rules)
            if not action:
                continue
        obj = _TRIM.sub("", rest)
        if not (rules["min"] <= len(obj) <= rules["max"]) or obj in rules["abstract"]:
            continue
        if not head and not is_concrete(obj):
            continue  # a verb the table does not know needs a concrete object
        strength = "".join(w for w in rules["words"].findall(pre)
                           if w not in rules["lead_in"]) or None
        out.append(Clause(text, match.start(), strength, action,
                          rules["stages"].get(action, 2), obj))
    return out


def _verb_head(text: str, rules: dict) -> tuple[str, str | None, str]:
    """A clause opening with a verb the table does not list (再压减, 退出, 健全): after the
    strength words, a verb of two characters or more as the segmenter tags it; stage 2."""
    from ..align.tokens import tagged

    pre = rules["lead"].match(text).group()
    words = tagged(text[len(pre):len(pre) + 8])
    if not words:
        return pre, None, ""
    word, tag = words[0]
    if len(word) < 2 or tag not in ("v", "vd"):
        return pre, None, ""
    return pre, word, text[len(pre) + len(word):]


def commitments(report: Report) -> list[Commitment]:
    """Every commitment of the plan part(s) of ``report``, in document order, with the id of
    a metric that states its figure (``report.metrics`` of the same paragraph)."""
    out: list[Commitment] = []
    for section, paragraph in report.paragraphs():
        if section is None or section.role not in PLAN_ROLES:
            continue
        metrics = [m for m in report.metrics if m.paragraph == paragraph.id]
        for _, sentence in sentences(paragraph.text):
            for c in clause_commitments(sentence):
                metric = next((m.id for m in metrics if m.sentence == sentence
                               and c.start <= m.start < c.start + len(c.clause) + 1), None)
                out.append(Commitment(f"c{len(out) + 1}", section.id, paragraph.id,
                                      paragraph.lines, sentence, c.clause, c.action, c.stage,
                                      c.object, c.strength, metric))
    return out
