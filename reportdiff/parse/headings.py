"""The heading grammar: marker rules from ``lexicon/headings.toml``, and heading splitting.

>>> rule, n, rest = match_marker("（一）三大攻坚战强力突破。坚决贯彻落实…")
>>> rule.name, n, rest
('paren_cn', 1, '三大攻坚战强力突破。坚决贯彻落实…')
>>> split_heading(rule, rest)
('三大攻坚战强力突破', '坚决贯彻落实…')
>>> split_heading(RULES[0], "2023年工作回顾")
('2023年工作回顾', '')
>>> [match_marker(t)[:2][1] for t in ("㈢创新驱动。", "（ 二 ）开放。", "⒋改革。")]
[3, 2, 4]
>>> lead_sentence("原始创新策源功能不断增强。服务保障重大科创平台建设。")
'原始创新策源功能不断增强'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..cnnum import cn_to_int


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    numeral: str
    min_run: int
    title: str
    enclosed: str = ""  # one-character markers (㈠㈡…) in ordinal order


def _load() -> tuple[Rule, ...]:
    table = lexicon.load("headings")
    return tuple(Rule(r["name"], re.compile(r["pattern"]), r["numeral"], r["min_run"], r["title"],
                      r.get("enclosed", "")) for r in table["rules"])


RULES = _load()
PART = RULES[0]
SECTION_RULES = RULES[1:]
_LEAD = lexicon.load("headings")["lead"]
_DASH = re.compile(_LEAD["dash"])
_NOT_LEAD = re.compile("|".join(_LEAD["not_lead"]))
_STOP = re.compile(f"[{_LEAD['stops']}]")
_OPENER = re.compile("|".join(_LEAD["openers"]))
_FRAMING = re.compile("|".join(_LEAD["framing"]))
_ALONE = re.compile(_LEAD["salutation_alone"])
_WRAP_UP = re.compile("|".join(_LEAD["wrap_up"]))
_TITLE_MAX = 80


def match_marker(text: str, rules: tuple[Rule, ...] = RULES) -> tuple[Rule, int, str] | None:
    """``(rule, ordinal, text after the marker)`` of the first rule matching ``text``."""
    for rule in rules:
        m = rule.pattern.match(text)
        if m:
            if m.group("num") is None:  # a one-character marker (㈢): its place is its ordinal
                return rule, rule.enclosed.index(text[0]) + 1, text[m.end():]
            try:
                return rule, cn_to_int(m.group("num")), text[m.end():]
            except ValueError:
                continue
    return None


def marker_text(rule: Rule, text: str) -> str:
    """The marker as printed (``（一）``, ``一是``, ``1.``)."""
    m = rule.pattern.match(text)
    return m.group(0).strip() if m else ""


def split_heading(rule: Rule, rest: str) -> tuple[str, str]:
    """``(title, body)``: a heading that shares its line with body text is split at the first
    full stop; a short line without one is all title."""
    m = _STOP.search(rest)
    if m and (m.start() <= _TITLE_MAX or rule.title == "sentence"):
        return rest[:m.start()].strip(), rest[m.end():].strip()
    if rule.title == "line" and len(rest) <= _TITLE_MAX:
        return rest.strip().rstrip("：:"), ""
    cut = rest.find("，")
    if 0 < cut <= _TITLE_MAX:
        return rest[:cut].strip(), rest[cut + 1:].strip()
    return rest[:_TITLE_MAX].strip(), rest[_TITLE_MAX:].strip()


def lead_sentence(text: str) -> str | None:
    """The paragraph's lead (topic) sentence — a short first sentence followed by more
    text — or None."""
    if _NOT_LEAD.match(text):
        return None
    m = _STOP.search(text)
    if not m or m.start() < 2 or not text[m.end():].strip():
        return None
    if m.start() > _LEAD["max_chars"] and not _OPENER.match(text):
        return None
    return text[:m.start()]


def is_dash_bullet(text: str) -> bool:
    return bool(_DASH.match(text))


def is_framing(text: str) -> bool:
    """A part intro that characterises the period (过去五年，是…的五年。): never a unit."""
    return bool(_FRAMING.match(text))


def is_salutation_alone(text: str) -> bool:
    return bool(_ALONE.match(text))


def is_heading_bullet(text: str) -> bool:
    """A ``——`` bullet that is only a heading: one short sentence with no body after it."""
    if not _DASH.match(text):
        return False
    body = text.lstrip("—").strip()
    m = _STOP.search(body)
    return len(body) <= _LEAD["heading_bullet_max"] and (not m or not body[m.end():].strip())


def is_wrap_up(text: str) -> bool:
    """A paragraph that sums a part up (成绩来之不易。…, 我们也清醒看到…)."""
    return bool(_WRAP_UP.search(text))
