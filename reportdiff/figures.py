"""Figures as a reader writes them: base-unit values back in the magnitude the report used.

Values are kept in base units (CONTRACT.md: ``3550亿元`` → 355000000000 元); a table shows them,
and the differences between them, in the magnitude of the figure they are compared with, so
that a delta reads ``+0.67亿元`` or ``+37万人``, never ``+370000人`` next to ``+251万人``.

>>> figure_text(355000000000, None, "元"), figure_text(6.5, 7, "%"), figure_text(0.5, None, "pp")
('3550亿元', '6.5–7%', '0.5个百分点')
>>> magnitude("城镇新增就业1100万人以上", "人")
('万', 10000)
>>> delta_display(370000, "人", "万")
(37.0, '万人')
>>> signed_text(67000000, "元", "亿")
'+0.67亿元'
"""
from __future__ import annotations

import re

MAGNITUDES = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4, "千": 10 ** 3, "百": 100}
_UNIT_WORDS = {"pp": "个百分点", "fraction": "", "rank": ""}


def _num(value) -> str:
    """A number without float noise; big counts in 亿 or 万 when no magnitude is known."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, int) and abs(value) >= 100_000_000:
        return f"{value / 1e8:g}亿"
    if isinstance(value, int) and abs(value) >= 1_000_000:
        return f"{value / 1e4:g}万"
    return f"{value:g}" if isinstance(value, float) else str(value)


def unit_text(unit: str | None) -> str:
    return _UNIT_WORDS.get(unit or "", unit or "")


def figure_text(value, value_high, unit) -> str:
    """``6%``, ``5.5–6%``, ``355亿元``: a value as a reader writes it."""
    if value is None:
        return "(unquantified)"
    text = _num(value)
    if value_high is not None:
        text += "–" + _num(value_high)
    return text + unit_text(unit)


def magnitude(surface: str | None, unit: str | None) -> tuple[str, int] | tuple[None, int]:
    """The magnitude a figure was written in (``1100万人`` → 万), from its surface text."""
    if not surface or not unit or unit in ("%", "pp", "fraction", "rank"):
        return None, 1
    m = re.search(r"\d[\d.,]*\s*(万亿|亿|万|千|百)" + re.escape(unit), surface)
    if not m:
        return None, 1
    return m.group(1), MAGNITUDES[m.group(1)]


def delta_display(value: float | None, unit: str | None, mag: str | None) -> tuple[float | None, str]:
    """``(value, unit)`` of a base-unit figure in the magnitude ``mag`` (None: as it is)."""
    if value is None:
        return None, unit_text(unit)
    if not mag:
        return float(value), unit_text(unit)
    return round(float(value) / MAGNITUDES[mag], 6), mag + unit_text(unit)


def signed_text(delta: float | None, unit: str | None, mag: str | None = None) -> str:
    """A difference with its sign, in the target's magnitude; percentages in points."""
    if delta is None:
        return ""
    sign = "+" if delta >= 0 else "−"
    if unit == "%":
        return f"{sign}{_num(abs(float(delta)))} pts"
    if mag:
        value, shown = delta_display(abs(delta), unit, mag)
        return f"{sign}{_num(value)}{shown}"
    return sign + figure_text(abs(delta), None, unit)
