"""Line shapes on a small hand-written report: each damaged copy parses as the clean one."""
from __future__ import annotations

import pytest

from reportdiff.ingest import read_text
from reportdiff.ingest.rejoin import line_shape
from tests.ingest import degrade
from tests.ingest.analysis_view import analyse, differences

# A made-up district report in the genre's layout: front matter, two parts, numbered
# sections, lead-sentence paragraphs, a targets passage.
REPORT = "\n".join([
    "政府工作报告",
    "——2024年1月4日在示例区第十七届人民代表大会第四次会议上",
    "示例区人民政府区长 王明",
    "各位代表：",
    "现在，我代表示例区人民政府，向大会报告政府工作，请予审议，并请区政协各位委员提出意见。",
    "一、2023年工作回顾",
    "过去的一年，面对复杂严峻的外部环境，我们坚持稳中求进工作总基调，全区经济社会发展取得新成效。地区生产总值增长5.6%，一般公共预算收入增长4.1%，城镇新增就业1.2万人。",
    "（一）经济运行稳中向好。工业增加值增长6.3%，规模以上工业企业达到312家。服务业增加值增长5.2%，占地区生产总值的比重提高到68.5%。",
    "（二）创新动能持续增强。新增国家高新技术企业215家，总数达到1860家。技术合同成交额达到386亿元，增长12.4%。新建市级以上创新平台18个。",
    "（三）民生福祉不断改善。民生支出占一般公共预算支出的比重达到80%以上。新建改扩建中小学和幼儿园12所，新增学位8600个。城乡居民人均可支配收入增长5.8%。",
    "二、2024年工作安排",
    "今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长4%；城镇新增就业1.1万人以上；城镇调查失业率控制在5%以内；居民消费价格涨幅3%左右。",
    "（一）着力扩大有效需求。实施重点项目300个以上，完成投资500亿元。促进消费持续恢复，社会消费品零售总额增长6%。",
    "（二）着力推进科技创新。全社会研发投入强度保持在4%以上。新增国家高新技术企业200家以上，培育专精特新企业100家。",
    "（三）着力保障改善民生。新增学位5000个以上。新建保障性住房3000套，完成老旧小区改造60个。",
    "各位代表！新的一年，让我们团结一心、真抓实干，为建设现代化新城区而努力奋斗！",
]) + "\n"

SHAPES = {
    "sentences, blank line between paragraphs": lambda t: degrade.sentence_per_line(t, gap=True),
    "clauses, blank line between paragraphs": lambda t: degrade.clause_per_line(t, gap=True),
    "wrapped at 37": lambda t: degrade.hard_wrap(t, 37),
    "wrapped at 23": lambda t: degrade.hard_wrap(t, 23),
    "wrapped at 37, blank line between paragraphs": lambda t: degrade.hard_wrap(t, 37, gap=True),
    "markers split": degrade.split_markers,
    "clutter": degrade.add_clutter,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_parses_as_the_clean_copy(shape):
    clean = analyse(REPORT.encode())
    copy_text = SHAPES[shape](REPORT)
    assert copy_text != REPORT
    copy = analyse(copy_text.encode())
    assert differences(clean, copy) == []
    assert len(clean.targets) == 5 and [s.id for s in clean.walk()][:2] == ["1", "1.1"]


def test_rejoined_paragraphs_span_their_source_lines():
    copy = analyse(degrade.hard_wrap(REPORT, 37).encode())
    assert "lines_rejoined" in {w.code for w in copy.warnings}
    section = copy.section("1.2")
    source = next(ln for ln in REPORT.splitlines() if ln.startswith("（二）创新"))
    first, last = section.paragraphs[0].lines
    assert last - first == (len(source) - 1) // 37
    assert section.lines[0] == first


def test_clean_copy_is_left_alone():
    clean = read_text(REPORT.encode(), name="r.txt")
    assert [ln.text for ln in clean.lines] == REPORT.splitlines()
    assert "lines_rejoined" not in {w.code for w in clean.warnings}
    assert line_shape(list(clean.lines)).kind == "paragraphs"


@pytest.mark.parametrize("broken, joined", [
    (["（", "三）扩大内需"], "（三）扩大内需"),
    (["一", "、2023年工作回顾"], "一、2023年工作回顾"),
    (["1", ".加快发展"], "1.加快发展"),
    (["（三", "）扩大内需"], "（三）扩大内需"),
])
def test_marker_split_from_its_text(broken, joined):
    text = "\n".join(REPORT.splitlines()[:8] + broken + REPORT.splitlines()[8:]) + "\n"
    lines = [ln.text for ln in read_text(text.encode(), name="r.txt").lines]
    assert joined in lines and broken[0] not in lines


def test_front_matter_lines_are_not_glued_in_a_clause_per_line_copy():
    lines = [ln.text for ln in read_text(degrade.clause_per_line(REPORT).encode(),
                                         name="r.txt").lines]
    assert lines[:4] == REPORT.splitlines()[:4]
    assert "一、2023年工作回顾" in lines


def test_heading_cut_at_its_comma_is_one_heading_again():
    text = REPORT.replace("（一）经济运行稳中向好。", "（一）经济运行稳中向好，质量效益提升。")
    copy = analyse(degrade.clause_per_line(text, gap=True).encode())
    assert copy.section("1.1").title == "经济运行稳中向好，质量效益提升"


def test_lead_sentence_alone_on_its_line_joins_its_body():
    leads = REPORT.replace("（一）", "").replace("（二）", "").replace("（三）", "")
    clean = analyse(leads.encode())
    copy = analyse(degrade.split_leads(leads).encode())
    assert differences(clean, copy) == []
    assert "lines_rejoined" in {w.code for w in copy.warnings}
