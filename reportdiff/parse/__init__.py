"""Parse: clean text to a ``Report`` — front matter, section tree, roles, warnings.

>>> from reportdiff.ingest import read_text
>>> text = "政府工作报告\\n——2024年1月4日在海淀区第十七届人民代表大会第四次会议上\\n海淀区人民政府区长 李俊杰\\n各位代表：\\n一、2023年工作回顾\\n（一）创新驱动。经济增长6%。\\n二、2024年工作安排\\n今年主要预期目标是：地区生产总值增长5%左右。\\n"
>>> report = parse(read_text(text.encode(), name="r.txt"))
>>> report.meta.region, report.meta.plan_year, [s.id for s in report.walk()]
('海淀区', 2024, ['1', '1.1', '2'])
"""
from __future__ import annotations

import os
import re
import sys
import types
from functools import lru_cache

from .. import lexicon
from ..model import CleanText, Meta, Notice, Paragraph, Report, Section
from .frontmatter import read_front_matter
from .headings import lead_sentence
from .tree import Node, Para, build_parts, find_layout

__all__ = ["parse", "parse_file"]

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SENTENCE_END = ("。", "！", "？", "!", "?", "”", "…", "）", ")", "；")


def parse_file(path: str | os.PathLike | bytes, *, extract: bool = True, **kwargs) -> Report:
    """Read, parse and (unless ``extract=False``) extract metrics and targets in one step
    (see ``reportdiff.ingest.read_text`` for ``kwargs``)."""
    from ..ingest import read_text

    report = parse(read_text(path, **kwargs))
    if extract:
        from ..extract import extract as run_extract

        report = run_extract(report)
    return report


def parse(clean: CleanText) -> Report:
    paras = [Para(ln.text, ln.number, ln.last or ln.number, ln.heading) for ln in clean.lines]
    warnings = list(clean.warnings)
    part_index, gaps = find_layout(paras)
    front_end = part_index[0] if part_index else min(len(paras), 40)
    fm = read_front_matter([p.text for p in paras[:front_end]],
                           captions=[ln.text for ln in clean.removed_head])
    preamble = [p for i, p in enumerate(paras[:front_end]) if i not in fm.used]
    if not part_index:
        preamble = [p for i, p in enumerate(paras) if i not in fm.used]
        warnings.append(Notice("no_headings", "no numbered parts (一、二、…) found: the text "
                                              "is kept as paragraphs"))
    warnings.extend(Notice("numbering_gap", f"part {_cn(g.before + 1)} is missing from the copy: "
                                            f"{_cn(g.before)}、 is followed by {_cn(g.after)}、 "
                                            f"(line {g.line}); both parts are kept")
                    for g in gaps)
    nodes = build_parts(paras, part_index)
    opener = re.compile(_roles_table()["position"]["preamble_review"])
    preamble_review = next((p.text for p in preamble if len(p.text) <= 40 and opener.search(p.text)),
                           None) if part_index else None
    roles = _part_roles([n.title for n in nodes], fm.delivered, preamble_review is not None)
    sections = tuple(_freeze(n, str(k), 1, role) for k, (n, role) in
                     enumerate(zip(nodes, roles), 1))
    meta = _meta(fm, nodes, roles, preamble_review)
    warnings.extend(_truncation(paras, sections, roles))
    return Report(clean.source, meta, tuple(warnings), _paragraphs(preamble, "0"), sections)


def _cn(n: int) -> str:
    """一 … 九十九 (part ordinals)."""
    digits = "零一二三四五六七八九"
    tens, units = divmod(n, 10)
    return ((digits[tens] if tens > 1 else "") + "十" if tens else "") + (digits[units] if units else "")


def _paragraphs(paras: list[Para], owner: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(f"{owner}.p{k}", lead_sentence(p.text), p.text, (p.first, p.last))
                 for k, p in enumerate(paras, 1))


def _freeze(node: Node, sid: str, level: int, role: str) -> Section:
    if level > 1 and _matches("targets_section", node.title):
        role = "targets"
    children = tuple(_freeze(c, f"{sid}.{k}", level + 1, role)
                     for k, c in enumerate(node.children, 1))
    return Section(sid, level, node.number, node.title, role, (node.first, node.last),
                   _paragraphs(node.paragraphs, sid), children)


@lru_cache(maxsize=None)
def _role_patterns() -> dict[str, re.Pattern[str]]:
    table = _roles_table()
    pats = {k: re.compile("|".join(v)) for k, v in table["patterns"].items()}
    pats["targets_section"] = re.compile("|".join(table["targets_section"]))
    pats["five_year"] = re.compile("|".join(table["five_year"]))
    return pats


def _matches(key: str, title: str) -> bool:
    return bool(_role_patterns()[key].search(title))


@lru_cache(maxsize=1)
def _roles_table() -> dict:
    return lexicon.load("roles")


def _part_role(title: str) -> str:
    for role in _roles_table()["order"]:
        if _matches(role, title):
            return role
    return "unknown"


def _part_roles(titles: list[str], delivered: str | None, review_before: bool = False) -> list[str]:
    """Roles by title, then by position: an untitled-role first part naming the year before
    the plan year is the review; parts that match nothing after the review (or after a review
    in the preamble, ``review_before``) are plan parts (a plan in thematic parts: 着力扩大国内需求,
    着力推进创新驱动发展, …)."""
    roles = [_part_role(t) for t in titles]
    plan_year = _plan_year_of(delivered)
    if roles and roles[0] in ("unknown", "plan") and plan_year:
        year = _YEAR.search(titles[0])
        if year and int(year.group()) == plan_year - 1:
            roles[0] = "review"
    after = _roles_table()["position"]["after_review"]
    seen_review = review_before and "review" not in roles
    for k, role in enumerate(roles):
        seen_review = seen_review or role == "review"
        if role == "unknown":
            roles[k] = after if seen_review else "other"
    return roles


def _plan_year_of(delivered: str | None) -> int | None:
    """The plan year a delivery date implies (a report delivered in the autumn or winter
    plans the next year)."""
    if not delivered:
        return None
    year, month = int(delivered[:4]), int(delivered[5:7])
    return year + 1 if month >= 10 else year


def _meta(fm, nodes: list[Node], roles: list[str], preamble_review: str | None = None) -> Meta:
    review_year = plan_year = None
    kind = None
    if preamble_review and "review" not in roles:
        kind = "five-year" if _matches("five_year", preamble_review) else "annual"
    for node, role in zip(nodes, roles):
        year = _YEAR.search(node.title)
        if role == "review" and kind is None:
            kind = "five-year" if _matches("five_year", node.title) else "annual"
            if year and not _matches("five_year", node.title):
                review_year = int(year.group())
        elif role in ("plan", "targets") and plan_year is None and year:
            plan_year = int(year.group())
    if plan_year is None and review_year is not None:
        plan_year = review_year + 1
    if plan_year is None:
        plan_year = _plan_year_of(fm.delivered)
    if review_year is None and plan_year is not None:
        review_year = plan_year - 1
    return Meta(title=fm.title, region=fm.region, level=fm.level, delivered=fm.delivered,
                session=fm.session, speaker=fm.speaker, speaker_title=fm.speaker_title,
                review_year=review_year, plan_year=plan_year, kind=kind)


def _truncation(paras: list[Para], sections: tuple[Section, ...], roles: list[str]) -> list[Notice]:
    if not sections:
        return []
    out = []
    last = paras[-1].text
    if not last.endswith(_SENTENCE_END):
        out.append(Notice("truncated", f"the text ends mid-sentence (line {paras[-1].last}): "
                                       "the copy seems cut off"))
    elif roles and set(roles) == {"review"}:
        # nothing after the review: the plan and the rest of the report are missing
        out.append(Notice("truncated", "the report reviews the past year but has no plan part: "
                                       "the copy seems cut off"))
    return out


class _CallableModule(types.ModuleType):
    """``reportdiff.parse`` is both this sub-package and the API function of the same name
    (``reportdiff.parse("2024.txt")``), as the CLI command ``reportdiff parse`` promises:
    importing the sub-package would otherwise shadow the function on the package."""

    def __call__(self, source, **kwargs) -> Report:
        if isinstance(source, CleanText):
            from ..extract import extract

            return extract(parse(source))
        return parse_file(source, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
