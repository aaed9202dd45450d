"""The review's opening summary in the section links (issue 8): a five-year summary names
every topic at once, so a plan unit is linked to it only when one of its paragraphs is
reported by a paragraph of the summary that no section of the review reports; a unit that
explains the targets goes where the targets go; the report's framing (wrap-up, closing calls)
is never that evidence. On ../shared text."""
from __future__ import annotations

import pytest

from reportdiff.align import align_links
from reportdiff.align.units import frame_paragraphs, plan_units, review_units
from reportdiff.lexicon import tomllib
from reportdiff.parse import parse_file
from tests.align.gold_links import GOLD_DIR, HELD_OUT_DIR, _path
from tests.conftest import require_corpora


def _parse(name: str):
    return parse_file(require_corpora() / name)


def _review(report):
    return next(p for p in report.sections if p.role == "review")


def test_a_review_wrap_up_is_framing_to_the_end_of_the_part_and_no_topic_before_it():
    for name, first_words in (("national-dxcarl/national-2011.txt", "过去五年，我们是一步"),
                              ("district-hailar-derek-s/hailar-2016.txt", "各位代表，“十二五”时期取得")):
        part = _review(_parse(name))
        paragraphs = list(part.all_paragraphs())
        framed = frame_paragraphs(part)
        start = next(k for k, p in enumerate(paragraphs) if p.text.startswith(first_words))
        # the thanks, the problems (清醒认识到) and the lessons (体会) after it are framing
        assert all(p.lines in framed for p in paragraphs[start:]), name
        # the five-year dash paragraphs and the year's units before it are topics
        topics = [p for p in paragraphs[:start] if p.lines not in framed]
        assert len(topics) >= start - 1, name
        assert any(p.text.startswith("——") for p in topics) or "national" in name


def test_closing_calls_and_loyalty_boilerplate_are_framing():
    report = _parse("national-dxcarl/national-2017.txt")
    government = next(u for u in plan_units(report) if u.id == "3.9")
    assert len(government.topics) < len(government.chunks)
    part = next(p for p in report.sections if any(s.id == "3.9" for s in p.sections))
    framed = [p.text for p in part.all_paragraphs() if p.lines in frame_paragraphs(part)]
    assert any("党中央周围" in t for t in framed) and any("四个意识" in t for t in framed)
    assert not any(t.startswith("深入推进") for t in framed)


def test_units_that_explain_the_targets_are_marked():
    units = {u.id: u for u in plan_units(_parse("national-dxcarl/national-2013.txt"))}
    assert units["2.1"].explains_targets and units["2.2"].explains_targets  # 关于经济增长目标
    assert not units["2.3"].explains_targets  # 继续实施积极的财政政策
    assert not any(u.explains_targets for u in plan_units(_parse("national-dxcarl/national-2017.txt")))


def _summary_rows(directory):
    for file in sorted(directory.glob("*.toml")):
        gold = tomllib.loads(file.read_text("utf-8"))
        old, new = parse_file(_path(gold["old"])), parse_file(_path(gold["new"]))
        intros = {u.id for u in review_units(new) if u.intro}
        plan_intros = {u.id for u in plan_units(old) if u.intro}
        got = {(l.old, l.new) for l in align_links(old, new)["review_vs_plan"]
               if l.new in intros and l.old and l.old not in plan_intros}
        want = {(r["old"], r["new"]) for r in gold["review_vs_plan"]
                if r["new"] in intros and r["old"] and r["old"] not in plan_intros}
        yield file.stem, got, want


def test_no_plan_section_is_drawn_into_a_summary_that_does_not_report_it():
    """The tuning half's summaries report only the plan's intro (gold): no section links there."""
    require_corpora()
    for stem, got, want in _summary_rows(GOLD_DIR):
        assert got <= want, stem


def test_five_year_summary_paragraphs_draw_the_plan_units_they_report():
    require_corpora()
    rows = {stem: (got, want) for stem, got, want in _summary_rows(HELD_OUT_DIR)}
    got, want = rows["hailar-2015__hailar-2016"]
    # 生态 (2.4), 改革开放 (2.5), 社会管理 (2.8) are reported only by the 十二五 paragraphs;
    # 投资 (2.1) and 城乡 (2.3) by the 2015 units, not the summary
    assert {("2.4", "1"), ("2.5", "1"), ("2.8", "1")} <= got
    assert not {("2.1", "1"), ("2.2", "1"), ("2.3", "1")} & got
    got, want = rows["national-2013__national-2014"]
    assert {("2.1", "1"), ("2.2", "1")} <= got  # the growth and price explanations


def _sample(a: int, b: int):
    import reportdiff
    from tests.conftest import ROOT

    sample = ROOT / "corpora" / "sample"
    return reportdiff.compare(sample / f"shili-{a}.txt", sample / f"shili-{b}.txt")


def test_government_sections_left_over_on_both_sides_are_paired():
    """坚持真抓实干 → 持续改进工作作风 (and 2023 → 2024): reworded boilerplate, each the other's
    closest, below the match floor; paired, not one dropped and one new (sample GOLD.md)."""
    for a, b in ((2022, 2023), (2023, 2024)):
        links = _sample(a, b).links["plan_vs_plan"]
        assert ("3.3", "3.3") in {(l.old, l.new) for l in links}, (a, b)
        assert not [l for l in links if l.relation in ("new", "dropped")
                    and (l.old or l.new or "").startswith("3.")], (a, b)


def test_plan_sections_left_over_stay_new_and_dropped():
    """Only government sections are paired that way: a plan task dropped and another new
    (2023 2.3 and 2024 2.10, different topics) stay so."""
    relations = {(l.old, l.new): l.relation for l in _sample(2023, 2024).links["plan_vs_plan"]}
    assert relations[("2.3", None)] == "dropped" and relations[(None, "2.10")] == "new"
