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
_LIST = re.compile(r"、(?=[^”」]*(?:[“「]|$))")   # 、 outside quotation marks
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
            "min": framing["min_object"], "max": framing["max_object"],
            "prefix": re.compile(rf"^(?:{longest(table['prefix'])})"),
            "reach": table["prefix_reach"],
            # 对X进行整治 / 对X实施环境综合整治 / 对X整治 (the action ends the clause)
            "marked": re.compile(rf"^{table['object_marker']}(?P<object>.{{2,}}?)"
                                 rf"(?:(?P<verb>{longest(table['object_verbs'])})(?P<rest>.*)"
                                 rf"|(?P<action>{longest(table['actions'])}))$"),
            "first_action": re.compile(longest(table["actions"])),
            "perfective": re.compile(rf"(?:{longest(table['actions'])})了"),
            "strength_actions": frozenset(table["strength_actions"]),
            "strength_list": re.compile(rf"(?:{longest(table['strength'])})$"),
            "modal": re.compile(table["subject_modal"]), "subject_reach": table["subject_reach"]}


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
        read = _read(text, rules)
        if read is None:
            modal = rules["modal"].search(text, 2, rules["subject_reach"])
            read = _read(text[modal.end():], rules) if modal else None
            if read is None:
                continue
        pre, action, rest, known = read
        obj = _TRIM.sub("", rest)
        if not (rules["min"] <= len(obj) <= rules["max"] + MAX_LIST) or obj in rules["abstract"]:
            continue
        if not known and not is_concrete(obj):
            continue  # a verb the table does not know needs a concrete object
        strength = "".join(w for w in rules["words"].findall(pre)
                           if w not in rules["lead_in"]) or None
        stage = rules["stages"].get(action, 2)
        for part in _items(obj, rules):
            out.append(Clause(text, match.start(), strength, action, stage, part))
    return out


MAX_LIST = 40   # a list of promises (X、Y、Z, each with its figure) may run this much longer


def _items(obj: str, rules: dict) -> list[str]:
    """One object, or each item of a list of them: items that carry figures of their own
    (36个老旧小区的…改造、45个老旧小区…改造) are promises of their own, and a list too long to be one
    object is read item by item."""
    items = [p for p in _LIST.split(obj) if p]
    if len(items) > 1 and (len(obj) > rules["max"]
                           or sum(bool(_FIGURE.match(p)) for p in items) >= 2):
        items = [_TRIM.sub("", p) for p in items]
        return [p for p in items if rules["min"] <= len(p) <= rules["max"]]
    return [obj] if len(obj) <= rules["max"] else []


def _read(text: str, rules: dict) -> tuple[str, str, str, bool] | None:
    """``(strength words, action, rest, known)`` of a clause that opens a promise: the action
    of the table after the strength words; a verb the segmenter tags there; the action after a
    phrase of manner or place (举全区之力推进, 在城区铺开, 对X进行整治); or a strength word that
    governs the object itself (加快通硬化路). ``known`` is False when the object must be
    concrete to count."""
    head = rules["head"].match(text)
    if head:
        return head.group("strength"), head.group("action"), head.group("object"), True
    pre, action, rest = _verb_head(text, rules)
    if action:
        return pre, action, rest, False
    body = text[len(pre):]
    marked = rules["marked"].match(body)
    if marked:
        obj = re.sub(r"等?方面$", "", marked.group("object"))
        if marked.group("action"):
            return pre, marked.group("action"), obj, True
        rest = marked.group("rest")
        action = rules["head"].match(rest)
        if action and not action.group("strength"):          # 进行改造提升: the action after it
            return pre, action.group("action"), obj + rest, True
        if rules["first_action"].fullmatch(rest) or rest in rules["stages"]:
            return pre, rest, obj, True                       # 进行整治 at the end
        if marked.group("verb") in rules["stages"]:           # 实施环境综合整治
            return pre, marked.group("verb"), obj + rest, True
    prefix = rules["prefix"].match(body)
    if prefix and not (prefix.group() == "以" and "为" in body):   # 以X为Y frames
        found = rules["first_action"].search(body, prefix.end(), prefix.end() + rules["reach"])
        if found:
            return pre, found.group(), body[found.end():], True
    last = rules["strength_list"].search(pre)
    if last and last.group() in rules["strength_actions"]:
        return pre[:last.start()], last.group(), body, False
    return None


@lru_cache(maxsize=1)
def _tagger():
    from ..align.tokens import tagged   # not at import: align imports extract

    return tagged


def _verb_head(text: str, rules: dict) -> tuple[str, str | None, str]:
    """A clause opening with a verb the table does not list (再压减, 退出, 健全): after the
    strength words, a verb of two characters or more as the segmenter tags it; stage 2."""
    pre = rules["lead"].match(text).group()
    words = _tagger()(text[len(pre):len(pre) + 8])
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
    by_paragraph: dict[str | None, list] = {}
    for m in report.metrics:
        by_paragraph.setdefault(m.paragraph, []).append(m)
    for section, paragraph in report.paragraphs():
        if section is None or section.role not in PLAN_ROLES:
            continue
        metrics = by_paragraph.get(paragraph.id, ())
        for _, sentence in sentences(paragraph.text):
            for c in clause_commitments(sentence):
                metric = next((m.id for m in metrics if m.sentence == sentence
                               and c.start <= m.start < c.start + len(c.clause) + 1), None)
                out.append(Commitment(f"c{len(out) + 1}", section.id, paragraph.id,
                                      paragraph.lines, sentence, c.clause, c.action, c.stage,
                                      c.object, c.strength, metric))
    return out
