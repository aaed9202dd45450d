"""The number grammar on the forms of CONTRACT.md, and property tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.extract.metrics import sentence_metrics
from reportdiff.extract.numbers import quantities
from reportdiff.extract.targets import passage_targets


def one(text):
    found = quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, value, unit, kind, qualifier", [
    ("完成3550亿元", 355000000000, "元", "level", None),
    ("达到1.2万亿元", 1200000000000, "元", "level", "达"),
    ("新建130万平方米", 1300000, "平方米", "level", None),
    ("装机300兆瓦", 300, "兆瓦", "level", None),
    ("装机10万千瓦", 100000, "千瓦", "level", None),
    ("收入增长11.9%", 11.9, "%", "growth_pct", None),
    ("比重提高0.5个百分点", 0.5, "pp", "change_pp", None),
    ("全市占比四分之一强", 0.25, "fraction", "ratio", "强"),
    ("超过三成", 0.3, "fraction", "ratio", "超"),
    ("两个国家实验室", 2, "个", "count", None),
    ("全市第一", 1, "rank", "rank", None),
    ("出口增长1倍", 1, "倍", "ratio", None),
    ("PM2.5浓度30微克/立方米", 30, "微克/立方米", "level", None),
    ("人均可支配收入8万元/人", 80000, "元/人", "level", None),
    ("总量超万亿元", 1000000000000, "元", "level", "超"),
    ("规模4千亿元", 400000000000, "元", "level", None),
    ("增长百分之五", 5, "%", "growth_pct", None),
    ("下降3.2%", -3.2, "%", "growth_pct", None),
    ("引进人才40余名", 40, "名", "count", "余"),
    ("三千五百五十家", 3550, "家", "count", None),
    ("一百零五项", 105, "项", "count", None),
    ("增长２０．５％", 20.5, "%", "growth_pct", None),
    ("共1,200家", 1200, "家", "count", None),
])
def test_contract_forms(text, value, unit, kind, qualifier):
    q = one(text)
    assert (q.value, q.unit, q.kind, q.qualifier) == (value, unit, kind, qualifier) or \
        (pytest.approx(q.value) == value and (q.unit, q.kind, q.qualifier) == (unit, kind, qualifier))


def test_targets_range_6_to_6_5():
    q = one("增长6%—6.5%")
    assert (q.value, q.value_high, q.unit) == (6.0, 6.5, "%")
    assert [(q.value, q.value_high) for q in quantities("增长5.5%至6%")] == [(5.5, 6.0)]


def test_shared_qualifier_unit_and_verb_of_a_list():
    assert [(q.value, q.qualifier) for q in quantities("分别增长5%、6.5%左右")] == \
        [(5.0, "左右"), (6.5, "左右")]
    assert [(q.value, q.unit) for q in quantities("分别提高15、22个百分点")] == [(15.0, "pp"), (22.0, "pp")]
    assert [q.value for q in quantities("分别减少14.1%和19.4%")] == [-14.1, -19.4]


def test_comparisons_and_spans_are_not_qualifiers():
    q = one("超过全国平均水平0.28个百分点")
    assert q.qualifier is None and q.value == 0.28
    assert quantities("近3年来") == []


@pytest.mark.parametrize("text", ["2023年", "1月4日", "第十七届", "第四次会议", "两个维护", "五子联动",
                                  "四个中心", "悟道3.0", "RISC-V", "二十届二中全会", "党的二十大", "5G基站"])
def test_not_metrics(text):
    assert quantities(text) == []


def test_indicator_shared_by_a_share_clause():
    ms = sentence_metrics("技术合同成交额预计3550亿元，全市占比40%。")
    assert [m.indicator for m in ms] == ["技术合同成交额", "技术合同成交额"]
    assert ms[0].qualifier == "预计"


def test_targets_passage_bounds():
    ts = passage_targets("今年主要预期目标是：地区生产总值增长6%左右；城镇新增就业1100万人以上；"
                         "城镇调查失业率5.5%以内；增长6.5%-7%的区间；赤字率控制在3%；居民收入增长和经济增长基本同步。")
    assert [t.bound for t in ts] == ["approx", "min", "max", "range", "max", None]
    assert ts[-1].value is None and ts[-1].indicator == "居民收入增长"


CN_DIGITS = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """A Chinese numeral for 2 <= n < 10000, written as people write it."""
    out, units = "", [(1000, "千"), (100, "百"), (10, "十")]
    rest, zero = n, False
    for size, mark in units:
        d, rest = divmod(rest, size)
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("" if (mark == "十" and d == 1 and not out) else CN_DIGITS[d]) + mark
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + CN_DIGITS[rest]
    return out


@given(n=st.integers(min_value=2, max_value=9999),
       unit=st.sampled_from(["家", "个", "项", "人", "吨", "亩", "平方米", "千瓦", "元"]),
       magnitude=st.sampled_from([("", 1), ("万", 10_000), ("亿", 100_000_000)]),
       style=st.sampled_from(["arabic", "chinese"]),
       qualifier=st.sampled_from([("", None), ("约", "约"), ("近", "近"), ("超", "超"), ("达", "达")]),
       post=st.sampled_from([("", None), ("左右", "左右"), ("以上", "以上"), ("余", "余")]))
@settings(max_examples=300, deadline=None)
def test_random_styles_parse_back(n, unit, magnitude, style, qualifier, post):
    written = str(n) if style == "arabic" else chinese(n)
    mag, factor = magnitude
    if post[0] == "余":
        text = f"共{qualifier[0]}{written}{mag}余{unit}" if mag else f"共{qualifier[0]}{written}余{unit}"
    else:
        text = f"共{qualifier[0]}{written}{mag}{unit}{post[0]}"
    found = quantities(text)
    assert len(found) == 1, (text, found)
    q = found[0]
    assert q.value == n * factor, text
    assert q.unit == unit, text
    expected = [x for x in (qualifier[1], post[1]) if x]
    assert list(q.qualifiers) == expected or sorted(q.qualifiers) == sorted(expected), text


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_never_raises(text):
    quantities(text)
    sentence_metrics(text)
    passage_targets(text)


@given(st.text(alphabet="0123456789.,%％万亿千百十一二两三四五六七八九零分之成倍个百分点增长下降左右以上以内约近超预计、和—-至第年月日",
               max_size=80))
@settings(max_examples=500, deadline=None)
def test_number_soup_never_raises(text):
    for q in quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.surface
