"""Issue 8 item 6: ranks, runs of years, word magnitudes, colon ratios, zero words, implied and
compound units, list qualifiers, and the numbers that are not metrics (CONTRACT.md 2026-12-02)."""
from __future__ import annotations

import pytest

from reportdiff.extract.metrics import sentence_metrics
from reportdiff.extract.numbers import quantities


def read(text):
    return [(q.value, q.unit, q.kind, q.qualifier) for q in quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("连续三年全市第一", [(3, "年", "duration", None), (1, "rank", "rank", None)]),
    ("地区生产总值居中国西部第1位", [(1, "rank", "rank", None)]),
    ("跻身全球城市前五位", [(5, "rank", "rank", None)]),
    ("由上年居世界第五位上升到第四位", [(5, "rank", "rank", None), (4, "rank", "rank", None)]),
    ("继续位居发展中国家首位", [(1, "rank", "rank", None)]),
    ("实现粮食产量“十一连增”、乳业“三连冠”", [(11, "年", "duration", None), (3, "年", "duration", None)]),
    ("总额首次突破万亿元", [(1000000000000, "元", "level", "突破")]),
    ("数字经济规模超千亿元", [(100000000000, "元", "level", "超")]),
    ("经济总量逾万亿元", [(1000000000000, "元", "level", "超")]),
    ("培育三个千亿级产业集群", [(3, "个", "count", None), (100000000000, "元", "level", None)]),
    ("城乡居民收入比缩小到2.3∶1", [(2.3, "", "ratio", None)]),
    ("人才引进与培养比为1:2", [(0.5, "", "ratio", None)]),
    ("三次产业结构为4.5∶38.2∶57.3", [(4.5, "", "ratio", None), (38.2, "", "ratio", None),
                                     (57.3, "", "ratio", None)]),
    ("政府债务零违约，煤炭消费零增长，存量问题清零", [(0, "", "count", None), (0.0, "%", "growth_pct", None),
                                         (0, "", "count", None)]),
    ("约1亿农业转移人口落户城镇", [(100000000, "人", "count", "约")]),
    ("贫困人口减少6800多万", [(-68000000, "人", "other", "多")]),
    ("分别为8万亿、9万亿元", [(8000000000000, "元", "level", None), (9000000000000, "元", "level", None)]),
    ("分别为8、9万亿元", [(8000000000000, "元", "level", None), (9000000000000, "元", "level", None)]),
    ("分别为5.66万亿元、5.9万亿", [(5660000000000, "元", "level", None), (5900000000000, "元", "level", None)]),
    ("算力达到1500PF，存储超过800TB，装机2.5GW、300MW、120kW",
     [(1500, "PF", "level", "达"), (800, "TB", "level", "超"), (2.5, "GW", "level", None),
      (300, "MW", "level", None), (120, "kW", "level", None)]),
    ("能耗0.45吨标准煤/万元，电价0.35元/千瓦时，用电量420亿千瓦时",
     [(0.45, "吨标准煤/万元", "level", None), (0.35, "元/千瓦时", "level", None),
      (42000000000, "千瓦时", "level", None)]),
    ("分别增长5%左右、6%以上", [(5.0, "%", "growth_pct", "左右"), (6.0, "%", "growth_pct", "以上")]),
    ("分别增长7%和8%左右", [(7.0, "%", "growth_pct", "左右"), (8.0, "%", "growth_pct", "左右")]),
    ("份额提高2个多百分点", [(2.0, "pp", "change_pp", "多")]),
])
def test_item_6_families(text, expected):
    got = read(text)
    assert len(got) == len(expected), got
    for (v, u, k, q), (ev, eu, ek, eq) in zip(got, expected):
        assert (u, k, q) == (eu, ek, eq) and v == pytest.approx(ev), got


@pytest.mark.parametrize("text", [
    "营商环境位居全省前列", "超500亿元的县域达到12个", "新签约亿元以上项目", "跨越两个万亿元大关",
    "常住人口突破千万大关", "对照规划纲要确定的29项指标", "重点抓好以下三个方面工作", "做强四大主导产业",
    "打好三大攻坚战", "推动五大新城建设", "对腐败零容忍", "确保“零就业”家庭", "5G基站", "第一时间",
    "启动实施化肥农药零增长、畜禽粪污和残膜回收利用行动", "万吨级码头",
])
def test_not_metrics(text):
    assert [q for q in quantities(text) if q.value != 12] == [], quantities(text)


def test_rank_and_duration_take_the_figure_just_stated():
    ms = sentence_metrics("实际使用外资1300多亿美元，继续位居发展中国家首位。")
    assert [(m.indicator, m.kind, m.unit) for m in ms] == [
        ("实际使用外资", "level", "美元"), ("实际使用外资", "rank", "rank")]
    ms = sentence_metrics("全年粮食产量达到49746万吨，实现了连续三年增产。")
    assert ms[1].kind == "duration" and ms[1].value == 3 and "粮食产量" in ms[1].indicator
