"""Part roles by title and by position (issue 8 item 4), on invented part titles."""
from __future__ import annotations

from reportdiff.parse import _part_roles


def test_thematic_parts_after_the_review_are_plan_parts():
    titles = ["2020年工作回顾", "着力扩大国内需求", "着力推进创新驱动发展", "着力深化重点领域改革",
              "关于外交工作", "加强政府自身建设"]
    assert _part_roles(titles, "2021-03-05") == ["review", "plan", "plan", "plan", "other",
                                                 "government"]


def test_the_year_before_the_plan_year_makes_part_one_the_review():
    assert _part_roles(["2025年主要工作", "2026年政府工作任务"], "2026-03-05") == ["review", "plan"]
    # the same title in the report of that year plans it
    assert _part_roles(["2025年主要工作", "加强政府自身建设"], "2025-03-05") == ["plan", "government"]


def test_reviews_named_by_their_achievements_or_period():
    assert _part_roles(["2025年工作回顾和“十四五”发展主要成绩", "一年来的工作"], None)[:1] == ["review"]
    assert _part_roles(["一年来的工作", "今年的主要任务"], None) == ["review", "plan"]


def test_parts_before_any_review_that_match_nothing_stay_other():
    assert _part_roles(["关于国内建设", "关于外交工作"], None) == ["other", "other"]
