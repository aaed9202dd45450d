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
    for kind, shifts in c.priorities.items():
        assert shifts, kind
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
    # measured, below the 0.60 target: see the closing note
    assert tuning["found"] >= 0.50 and test["found"] >= 0.40, summary


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
