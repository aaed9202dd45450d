"""Arbitrary input never raises anything but InputError, through every stage."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportdiff
from reportdiff.errors import InputError

PIECES = ["一、", "二、2024年工作安排", "（一）", "一是", "第一，", "1.", "——", "各位代表：", "。", "，",
          "2023年工作回顾", "主要预期目标是：", "地区生产总值增长6%左右", "；", "\n", "\r\n", "增长", "下降3%",
          "政府工作报告", "——2024年1月4日在海淀区第十七届人民代表大会第四次会议上", "区长 李俊杰", "<p>", "\x00",
          "３５５０亿元", "四分之一强", "分别", "、", "以上", "以内", "？", " ", "\u3000"]


@given(st.lists(st.sampled_from(PIECES), max_size=60), st.text(max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_and_extract_never_crash(pieces, noise):
    data = ("".join(pieces) + noise).encode("utf-8", "surrogatepass")
    try:
        report = reportdiff.parse(data, name="random.txt")
    except InputError:
        return
    report.to_dict()
    report.metrics_document()


@given(st.lists(st.sampled_from(PIECES), max_size=40), st.lists(st.sampled_from(PIECES), max_size=40))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_compare_never_crashes(a, b):
    try:
        old = reportdiff.parse("".join(a).encode(), name="a.txt")
        new = reportdiff.parse("".join(b).encode(), name="b.txt")
    except InputError:
        return
    c = reportdiff.compare(old, new)
    c.to_dict()
    from reportdiff.render.html import render_html

    render_html(c)


@given(st.binary(max_size=300))
@settings(max_examples=150, deadline=None)
def test_random_bytes_give_a_report_or_an_input_error(data):
    try:
        reportdiff.parse(data, name="bytes.txt")
    except InputError as err:
        assert "bytes.txt" in str(err)
