"""Priority shifts: phrases, grep-true counts, rates that agree with the direction, and the
analyst's lists of tests/gold/priorities.tsv."""
from __future__ import annotations

import reportdiff
from reportdiff.align.priorities import grep_count, text_of
from tests.conftest import ROOT, require_corpora

SAMPLE = ROOT / "corpora" / "sample"


def test_counts_are_grep_true_and_direction_agrees_with_rates():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "national-dxcarl" / "national-2017.txt",
                           corpora / "national-dxcarl" / "national-2018.txt")
    old, new = text_of(c.old), text_of(c.new)
    assert all(c.priorities[k] for k in ("new", "rising", "falling"))
    for kind, shifts in c.priorities.items():
        for p in shifts:
            assert p.old == grep_count(old, p.term) and p.new == grep_count(new, p.term), p
            assert p.old >= old.count(p.term) and p.new >= new.count(p.term)
            assert p.old_rate == round(p.old / c.old.chars * 1e4, 2)
            if kind == "rising":
                assert p.new_rate > p.old_rate
            if kind == "falling":
                assert p.new_rate < p.old_rate
    new_terms = [p.term for p in c.priorities["new"]]
    assert {"乡村振兴", "高质量发展", "营商环境"} <= set(new_terms)
    # generic words are not priorities, and a slogan is not split into fragments
    assert not {"实干", "态势", "思想", "时间", "时代中国", "社会主义思想"} & set(new_terms)


def test_variants_are_one_entry():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2017.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2018.txt")
    old, new = text_of(c.old), text_of(c.new)
    assert new.count("棚改") == 5 and old.count("棚改") == 0   # would be "new" on its own
    assert grep_count(new, "棚户区改造") == new.count("棚户区改造") + new.count("棚改")
    terms = [p.term for ps in c.priorities.values() for p in ps]
    assert "棚改" not in terms


def test_priority_shifts_against_an_analysts_lists_both_halves():
    from tests.align.gold_priorities import score

    tuning, test = score("tuning"), score("test")
    assert tuning["gold"] >= 40 and test["gold"] >= 15
    summary = {h: {k: round(v, 2) for k, v in s.items() if k != "lines"}
               for h, s in (("tuning", tuning), ("test", test))}
    # measured 0.79 / 0.71 (tuning / held-out), against 0.52 / 0.41 before the genre table
    assert tuning["found"] >= 0.75 and test["found"] >= 0.60, summary


def test_top_new_and_dropped_are_judged_real_shifts_both_halves():
    from tests.align.gold_priorities import precision

    tuning, test = precision("tuning"), precision("test")
    summary = {h: (round(s["precision"], 2), s["listed"], s["unjudged"])
               for h, s in (("tuning", tuning), ("test", test))}
    # every listed term has a verdict read from the reports (an unjudged one would count wrong)
    assert not tuning["unjudged"] and not test["unjudged"], summary
    # measured 0.77 / 0.65 (tuning / held-out), against 0.25 / 0.31 before: below the 0.80
    assert tuning["precision"] >= 0.75 and test["precision"] >= 0.60, summary


def test_timeline_gives_first_and_last_year_of_each_phrase():
    reports = [SAMPLE / f"shili-{y}.txt" for y in (2021, 2022, 2023, 2024)]
    t = reportdiff.timeline(reports)
    # GOLD.md: 数字经济 first appears in 2023; 疫情防控 is written in 2021 and 2022 only
    assert t.phrases["数字经济"] == (2023, 2024)
    assert t.phrases["疫情防控"] == (2021, 2022)
    document = t.to_dict()
    assert {"term": "数字经济", "first": 2023, "last": 2024} in document["phrases"]
    from tests.conftest import validate

    validate(document, "timeline")


def test_a_lead_sentence_title_is_counted_once():
    corpora = require_corpora()
    path = corpora / "district-hailar-derek-s" / "hailar-2018.txt"
    raw = path.read_text("utf-8")
    # line 25 is both the title of section 1.6 and the first sentence of its paragraph
    report = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2017.txt", path).new
    assert any("四风" in s.title for s in report.walk())
    assert grep_count(text_of(report), "四风") == raw.count("四风") == 4


def test_variants_written_inside_the_canonical_form_are_counted_once():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "national-dxcarl" / "national-2016.txt",
                           corpora / "national-dxcarl" / "national-2017.txt")
    text = text_of(c.new)
    whole = text.count("大众创业、万众创新")
    assert whole >= 1
    assert grep_count(text, "大众创业、万众创新") == (
        whole + text.count("大众创业") - whole + text.count("万众创新") - whole
        + text.count("双创") - text.count("大众创业、万众创新双创"))


def test_a_fragment_is_taken_with_the_word_it_is_always_written_in():
    from reportdiff.align.priorities import _closure

    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    texts = (text_of(c.old), text_of(c.new))
    assert _closure("文明城市", texts) == "全国文明城市"      # 创建全国文明城市, every time
    assert _closure("营商环境", texts) == "营商环境"          # written in several settings
    listed = {p.term for ps in c.priorities.values() for p in ps}
    assert "文明城市" not in listed
    c = reportdiff.compare(corpora / "national-dxcarl" / "national-2016.txt",
                           corpora / "national-dxcarl" / "national-2017.txt")
    texts = (text_of(c.old), text_of(c.new))
    assert _closure("十国集团领导人峰会", texts) == "二十国集团领导人峰会"
    assert _closure("民间投资", texts) == "民间投资"
    c = reportdiff.compare(corpora / "national-dxcarl" / "national-2017.txt",
                           corpora / "national-dxcarl" / "national-2018.txt")
    texts = (text_of(c.old), text_of(c.new))
    assert _closure("习近平新时代中国特色", texts) == "习近平新时代中国特色社会主义"
    listed = {p.term for ps in c.priorities.values() for p in ps}
    assert not {"习近平新时代中国特色", "国特色社会主义思想"} & listed


def test_generic_words_and_one_off_names_are_pushed_down_by_the_genre_table():
    from reportdiff.align.priorities import _generic_phrase, genre_df, genre_weight

    df = genre_df()
    # combinations of words every report writes are not programme names
    assert _generic_phrase("财政支出", df) and _generic_phrase("中央政府", df)
    assert not _generic_phrase("营商环境", df) and not _generic_phrase("文明城市", df)
    # a word of nearly every report counts little; a policy term newer than the table fully
    assert genre_weight("学校", df) < 0.5 < genre_weight("营商环境", df) == 1.0
    assert genre_weight("新质生产力", df) == 1.0
    assert genre_weight("向阳幼儿园", df) < 1.0


def test_genre_table_is_built_from_the_corpora_by_the_script():
    import importlib.util

    require_corpora()
    spec = importlib.util.spec_from_file_location("priority_df", ROOT / "tools" / "priority_df.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    groups = script.reports()
    header = next(line for line in script.OUT.read_text("utf-8").splitlines()
                  if line.startswith("# reports"))
    assert header.split("\t")[1:] == [str(len(groups["national"])), str(len(groups["local"]))]
    rows = [line.split("\t") for line in script.OUT.read_text("utf-8").splitlines()
            if not line.startswith("#") and not line.startswith("term\t")]
    assert all(len(r) == 3 and int(r[1]) + int(r[2]) >= script.MIN_DF for r in rows)
    # every report of the genre writes 政府; 新时代 only the reports of 2018 on
    counts = {r[0]: (int(r[1]), int(r[2])) for r in rows}
    assert counts["政府"] == (len(groups["national"]), len(groups["local"]))
    assert sum(counts["新时代"]) <= 5


def test_organisations_and_works_weigh_as_words_and_numbered_slogans_as_policy_terms():
    from reportdiff.align.priorities import _weight

    names = {"自治区党委", "污水处理厂", "两个维护", "绿色农畜产品加工"}
    assert _weight("自治区党委", names, frozenset()) == _weight("污水处理厂", names, frozenset()) == 0.5
    assert _weight("两个维护", names, frozenset()) == _weight("三去一降一补", names, frozenset()) \
        == _weight("十三五", names, frozenset()) > _weight("绿色农畜产品加工", names, frozenset())
    assert _weight("五中全会", {"五中全会"}, frozenset()) < _weight("十九大", set(), frozenset())
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    new = [p.term for p in c.priorities["new"]]
    assert "两个维护" in new and "自治区党委" not in new
