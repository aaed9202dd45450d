"""Canonical indicators and their polarity, from ``lexicon/indicators.toml``.

>>> canonical("国内生产总值"), canonical("经济增长"), canonical("地区生产总值")
('地区生产总值', '地区生产总值', '地区生产总值')
>>> canonical("一般公共预算收入") == canonical("地方财政收入")
False
>>> polarity("城镇调查失业率"), polarity("居民消费价格涨幅"), polarity("地区生产总值")
('down', 'down', 'up')
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon


@lru_cache(maxsize=1)
def _table() -> list[tuple[str, re.Pattern[str], str, bool]]:
    return [(row["name"], re.compile(row["pattern"]), row["polarity"], row.get("rate", False))
            for row in lexicon.load("indicators")["canonical"]]


@lru_cache(maxsize=4096)
def _lookup(indicator: str) -> tuple[str, str, bool] | None:
    text = indicator.replace(" ", "")
    for name, pattern, pol, rate in _table():
        if pattern.search(text):
            return name, pol, rate
    return None


def canonical(indicator: str | None) -> str | None:
    """The canonical name of an indicator, or the indicator itself when the lexicon has none."""
    if not indicator:
        return indicator
    hit = _lookup(indicator)
    return hit[0] if hit else indicator


def polarity(indicator: str | None) -> str:
    """``"down"`` for lower-is-better indicators, else ``"up"``."""
    hit = _lookup(indicator or "")
    return hit[1] if hit else "up"


def is_known(indicator: str | None) -> bool:
    return bool(indicator) and _lookup(indicator) is not None


def is_rate(indicator: str | None) -> bool:
    """True for indicators whose percentage is the same measure whatever verb frames it
    (居民消费价格涨幅3%, 上涨2.1%, 控制在3.3%)."""
    hit = _lookup(indicator or "")
    return bool(hit and hit[2])


@lru_cache(maxsize=1)
def _units_alike() -> dict[str, frozenset[str]]:
    return {row["name"]: frozenset(row["units"]) for row in lexicon.load("indicators")["canonical"]
            if "units" in row}


def units_alike(indicator: str | None, a: str | None, b: str | None) -> bool:
    """True when two units count the same thing for this indicator (``units`` of its canonical
    entry: 新增就业岗位5000个 and 新增就业5487人), or are the same unit."""
    if (a or "") == (b or ""):
        return True
    alike = _units_alike().get(canonical(indicator) or "", frozenset())
    return a in alike and b in alike
