"""Ledger statuses by family of phrasing, on invented reports in the genre's style (none of
this text is from a real report). Each family is the one a case of tests/gold/targets.tsv
belongs to; the phrasings here are other ones, so a rule written for one sentence fails them:

- a combined 城乡 target with one figure and no 分别, against a review that states town and
  country apart (hailar-2013 `城乡居民可支配收入增长18%`);
- an employment count in jobs (个) against one in people (人) (hailar-2014 `新增就业岗位5000个`);
- an unquantified target that the subject should fall, against figures of its members
  (national-2016 `主要污染物排放继续减少`);
- the same against a five-year review that says it fell every year, or only over the period
  (national-2017 `主要污染物排放量继续下降`, national-2015).
- an outcome stated as a verdict on the indicator itself (完成/超额完成/实现…目标), for an
  unquantified target and for a quantified one without a figure (national-2013
  `财政赤字控制在预算范围内`); a blanket claim naming no indicator stays no evidence (hailar-2017
  `节能减排任务超额完成` for `主要约束性指标`).
- a target with a direction and no figure (回稳向好, 继续减少) is not met by words that say the
  subject went the other way (进出口下降7%); `实现正增长` standing alone is a floor of 0 growth,
  as it is after another clause (hailar-2019 `固定资产投资扭转下滑态势，实现正增长`).
"""
from __future__ import annotations

import pytest

import reportdiff
from reportdiff.extract.indicators import units_alike

REGION = "青岚区"


def _plan(year: int, targets: str, tasks: str = "") -> bytes:
    return f"""政府工作报告
——{year}年1月9日在{REGION}第五届人民代表大会第三次会议上
{REGION}人民政府区长 林远舟
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、{year - 1}年工作回顾
一年来，全区上下团结奋斗，经济运行总体平稳。地区生产总值增长6.1%。
二、{year}年工作安排
{year}年经济社会发展的主要预期目标是：地区生产总值增长6%左右；{targets}
（一）稳就业保民生
{tasks or '扎实做好就业工作，兜牢民生底线。'}
""".encode()


def _review(year: int, review: str, five_year: bool = False) -> bytes:
    title = "“十五五”时期工作回顾" if five_year else f"{year - 1}年工作回顾"
    opening = "五年来，" if five_year else "过去一年，"
    return f"""政府工作报告
——{year}年1月8日在{REGION}第五届人民代表大会第四次会议上
{REGION}人民政府区长 林远舟
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、{title}
{opening}{review}
二、{year}年工作安排
{year}年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。
""".encode()


def _entry(old: bytes, new: bytes, word: str):
    ledger = reportdiff.compare(reportdiff.parse(old, name="old.txt"),
                                reportdiff.parse(new, name="new.txt")).ledger
    hits = [e for e in ledger if word in e.target.indicator]
    assert hits, [(e.target.indicator, e.status) for e in ledger]
    return hits[0]


# --- a combined 城乡 target with one figure ------------------------------------------------

@pytest.mark.parametrize("target, review, status", [
    # the town's figure falls short: the shared target is missed, whatever the country's
    ("城乡居民人均可支配收入增长9%；", "城镇居民人均可支配收入增长7.2%，农村居民人均可支配收入增长9.5%。",
     "missed"),
    # both members at or above it: met
    ("城乡常住居民人均可支配收入增长7.5%；",
     "城镇常住居民人均可支配收入达到41260元，增长8.1%；农村常住居民人均可支配收入达到23980元，增长9%。",
     "met"),
    # the review's own 分别 pair, within the tolerance of 左右 for both
    ("城乡居民人均可支配收入增长7%左右；", "城乡居民人均可支配收入分别增长6.9%和8.2%。", "met"),
    # the country's figure falls short, the town's is in another measure: still missed
    ("城乡居民可支配收入增长10%；", "城镇居民人均可支配收入增长11.3%，农村居民人均可支配收入增长8.4%。",
     "missed"),
])
def test_a_combined_town_and_country_target_is_judged_member_by_member(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), "城乡")
    assert e.status == status, e.note


@pytest.mark.parametrize("target, review, status", [
    # 城乡居民收入 without 可支配 names the same per-capita measures
    ("城乡居民收入增长8%；", "城镇居民人均可支配收入增长6.5%，农村居民人均可支配收入增长8.9%。", "missed"),
    ("城乡居民收入增长8%；", "城镇居民人均可支配收入增长8.5%，农村居民人均可支配收入增长8.9%。", "met"),
    # the country's in another measure (纯收入), the town's met: not graded
    ("城乡居民收入增长8%；", "城镇居民人均可支配收入增长8.5%，农民人均纯收入增长8.9%。", "unclear"),
])
def test_town_and_country_income_without_the_measure_word(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), "城乡")
    assert e.status == status, e.note


def test_a_fenbie_pair_of_incomes_without_the_measure_word():
    old = _plan(2026, "城乡居民人均收入分别增长7%和8%；")
    new = _review(2027, "城镇居民人均可支配收入增长7.5%，农村居民人均可支配收入增长7.9%。")
    ledger = reportdiff.compare(reportdiff.parse(old, name="o.txt"),
                                reportdiff.parse(new, name="n.txt")).ledger
    assert [(e.target.value, e.status) for e in ledger if "收入" in e.target.indicator] == \
        [(7, "met"), (8, "missed")]


def test_one_member_met_and_the_other_not_stated_is_not_met():
    e = _entry(_plan(2026, "城乡居民人均可支配收入增长8%；"),
               _review(2027, "城镇居民人均可支配收入增长8.6%，农民人均纯收入增长9.1%。"), "城乡")
    assert e.status == "unclear", e.note  # the country's is another measure: not graded met


# --- employment: jobs and people are one count --------------------------------------------

@pytest.mark.parametrize("target, review, status", [
    ("城镇新增就业人数8000人以上。", "城镇新增就业8650人，城镇登记失业率控制在3.6%。", "met"),
])
def test_the_same_unit_still_judges(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), "就业")
    assert e.status == status, e.note


@pytest.mark.parametrize("tasks, review, status", [
    ("力争全年新增就业岗位8000个以上，城镇登记失业率控制在4%以内。",
     "全区城镇新增就业8650人，城镇登记失业率3.6%。", "met"),
    ("全年新增城镇就业1.2万人，帮助困难人员再就业1500人。",
     "新增就业岗位1.05万个，困难人员再就业1620人。", "missed"),
    ("全年新增就业岗位6000个左右，确保零就业家庭动态清零。", "实现城镇新增就业6210人。", "met"),
])
def test_jobs_and_people_employed_are_one_count(tasks, review, status):
    e = _entry(_plan(2026, "居民消费价格涨幅3%左右。", tasks), _review(2027, review), "就业")
    assert e.status == status, e.note


def test_units_alike_only_where_the_lexicon_says_so():
    assert units_alike("新增就业岗位", "个", "人") and units_alike("城镇新增就业", "人", "人")
    assert not units_alike("地区生产总值", "元", "人")
    assert not units_alike("高新技术企业", "个", "家")


# --- an unquantified target that its subject should fall -----------------------------------

@pytest.mark.parametrize("target, review, status", [
    # its members' figures all fell: met
    ("主要污染物排放量继续减少。", "化学需氧量、氨氮排放量分别下降3.1%和2.8%。", "met"),
    # the subject itself with a figure
    ("主要污染物排放量进一步下降。", "主要污染物排放量下降2.5%，空气质量优良天数比例提高。", "met"),
    # one member fell, another rose: not stated as achieved
    ("主要污染物排放总量持续下降。", "二氧化硫排放量下降4.2%，氮氧化物排放量增长1.3%。", "unclear"),
])
def test_a_fall_target_against_its_members_figures(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), "污染物")
    assert e.status == status, e.note


@pytest.mark.parametrize("review, status", [
    # a five-year review that says it fell every year covers the last year too
    ("生态环境明显改善，主要污染物排放量逐年下降，森林覆盖率提高到38.5%。", "met"),
    ("主要污染物排放量持续减少，城市空气质量稳步提升。", "met"),
    # a fall over the period says nothing of the last year alone
    ("主要污染物排放总量累计下降15%，城市空气质量稳步提升。", "unclear"),
])
def test_a_fall_target_against_a_five_year_review(review, status):
    e = _entry(_plan(2026, "主要污染物排放量继续下降。"), _review(2027, review, five_year=True),
               "污染物")
    assert e.status == status, e.note


# --- an outcome stated as a verdict ---------------------------------------------------------

@pytest.mark.parametrize("target, review, status", [
    ("主要约束性指标完成上级下达任务。", "主要约束性指标全面完成，生态环境持续向好。", "met"),
    ("节能减排完成市下达的目标任务。", "节能减排目标任务超额完成。", "met"),
    # a verdict on another subject, or a blanket claim: not this target's
    ("主要约束性指标完成上级下达任务。", "节能减排任务超额完成，圆满完成全年目标任务。", "unclear"),
    ("主要约束性指标完成上级下达任务。", "主要约束性指标未完成，节能减排压力较大。", "unclear"),
    # the words of the next clause are another subject's (生态环境持续向好)
    ("主要约束性指标完成上级下达任务。", "主要约束性指标有升有降，生态环境持续向好。", "unclear"),
])
def test_an_unquantified_target_stated_as_achieved(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), "指标" if "指标" in target else "节能")
    assert e.status == status, e.note


@pytest.mark.parametrize("target, review, status", [
    ("城镇登记失业率控制在4%以内。", "城镇登记失业率控制在目标范围内，就业形势总体稳定。", "met"),
    ("单位地区生产总值能耗下降3%。", "单位地区生产总值能耗下降目标顺利完成。", "met"),
    ("固定资产投资增长10%。", "固定资产投资完成年度目标任务，重点项目加快推进。", "met"),
    ("社会消费品零售总额增长8%。", "社会消费品零售总额未完成年初目标。", "missed"),
    # the indicator named with neither figure nor verdict: a passing mention
    ("固定资产投资增长10%。", "固定资产投资结构有待优化。", "not_reported"),
])
def test_a_quantified_target_with_a_verdict_and_no_figure(target, review, status):
    word = next(w for w in ("失业率", "能耗", "固定资产投资", "社会消费品") if w in target)
    e = _entry(_plan(2026, target), _review(2027, review), word)
    assert e.status == status, e.note


# --- a direction without a figure -----------------------------------------------------------

@pytest.mark.parametrize("target, review, status", [
    ("进出口回稳向好。", "进出口逐步回稳，利用外资稳定增长。", "met"),
    ("进出口回稳向好。", "进出口下降7%，利用外资增长。", "unclear"),
    ("主要污染物排放量继续减少。", "主要污染物排放量有所增加，治理任务依然繁重。", "unclear"),
])
def test_words_of_the_other_direction_are_not_achievement(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), target[:3])
    assert e.status == status, e.note


@pytest.mark.parametrize("target, review, status", [
    ("固定资产投资实现正增长。", "固定资产投资增长2.3%。", "met"),
    ("一般公共预算收入确保实现正增长。", "一般公共预算收入完成26.4亿元，下降1.5%。", "missed"),
])
def test_positive_growth_alone_is_a_floor_of_zero(target, review, status):
    e = _entry(_plan(2026, target), _review(2027, review), target[:4])
    assert (e.target.value, e.target.kind, e.target.bound) == (0, "growth_pct", "min")
    assert e.status == status, e.note
