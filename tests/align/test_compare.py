"""The aligner on real reports and on the sample corpus, against gold written by reading them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reportdiff
from reportdiff.extract.indicators import canonical
from reportdiff.lexicon import tomllib
from tests.align.gold_ledger import score as ledger_score
from tests.align.gold_links import HELD_OUT_DIR
from tests.align.gold_links import score as link_score
from tests.conftest import ROOT, read_tsv, require_corpora, validate

SAMPLE = ROOT / "corpora" / "sample"


def test_link_f1_per_view_over_all_gold_pairs():
    require_corpora()
    f1, lines = link_score()
    report = "\n".join(lines)
    assert len(list((ROOT / "alignments" / "gold").glob("*.toml"))) >= 9
    for view, (p, r, f) in f1.items():
        assert f >= 0.90, f"{view}: P {p:.3f} R {r:.3f} F1 {f:.3f}\n{report}"


def test_link_f1_per_view_on_held_out_pairs():
    """The held-out pairs were never tuned on; the floors are the figures measured (review
    0.60 when they were written, 0.776 once the opening summary is linked by paragraph
    evidence; plan 0.93), so a change may not make unseen pairs worse."""
    require_corpora()
    f1, lines = link_score(HELD_OUT_DIR)
    assert len(list(HELD_OUT_DIR.glob("*.toml"))) >= 3
    floors = {"review_vs_plan": 0.76, "plan_vs_plan": 0.92}
    for view, (p, r, f) in f1.items():
        assert f >= floors[view], f"{view}: P {p:.3f} R {r:.3f} F1 {f:.3f}\n" + "\n".join(lines)


def test_ledger_statuses_agree_with_targets_gold():
    agree, total, lines = ledger_score()
    assert total >= 230
    assert agree == total, "\n".join(lines)  # 236/236 on 2026-12-03


@pytest.fixture(scope="module")
def sample_comparisons():
    reports = {y: reportdiff.parse(SAMPLE / f"shili-{y}.txt") for y in (2021, 2022, 2023, 2024)}
    return {f"{y}-{y + 1}": reportdiff.compare(reports[y], reports[y + 1]) for y in (2021, 2022, 2023)}


def test_sample_ledger_is_as_designed(sample_comparisons):
    rows = read_tsv("sample-ledger.tsv")
    assert len(rows) == 27
    wrong = []
    for row in rows:
        c = sample_comparisons[row["pair"]]
        if row["target_value"] == "":  # the unquantified target of the year
            entry = next((e for e in c.ledger if e.target.value is None), None)
        else:
            entry = next((e for e in c.ledger if e.indicator == canonical(row["indicator"])
                          and abs(e.target.value - float(row["target_value"])) < 1e-6), None)
        if entry is None or entry.status != row["status"]:
            wrong.append(f"{row['pair']} {row['indicator']}: want {row['status']}, got "
                         f"{entry.status if entry else 'no entry'}")
        elif row["delta"] and entry.delta is not None:
            assert entry.delta == pytest.approx(float(row["delta"]), abs=1e-6)
    assert not wrong, wrong


def test_every_designed_relation_and_status_comes_out(sample_comparisons):
    relations = {l.relation for c in sample_comparisons.values() for v in c.links.values() for l in v}
    assert {"match", "renamed", "split", "merge", "new", "dropped"} <= relations
    statuses = {e.status for c in sample_comparisons.values() for e in c.ledger}
    assert statuses == {"met", "missed", "not_reported", "unclear"}


# The designed cases of corpora/sample/GOLD.md ("Designed cases at a glance"), by section id.
DESIGNED = {
    "2021-2022": {
        "review_vs_plan": [("2.2", "1.2", "match"), ("2.5", "1.4", "match"), ("2.6", "1.6", "match"),
                           ("2.7", "1.5", "match"), ("2.1", "1.1", "renamed"), ("2.9", "1.7", "split"),
                           ("2.9", "1.8", "split"), ("2.3", "1.3", "merge"), ("2.4", "1.3", "merge"),
                           (None, "1.9", "new"), ("2.8", None, "dropped")],
        "plan_vs_plan": [("2.2", "2.2", "match"), ("2.5", "2.4", "match"), ("2.6", "2.5", "match"),
                         ("2.1", "2.1", "renamed"), ("2.7", "2.6", "renamed"), ("2.9", "2.7", "split"),
                         ("2.9", "2.8", "split"), ("2.3", "2.3", "merge"), ("2.4", "2.3", "merge"),
                         (None, "2.9", "new"), ("2.8", None, "dropped")]},
    "2022-2023": {
        "review_vs_plan": [("2.3", "1.3", "match"), ("2.4", "1.5", "match"), ("2.9", "1.4", "match"),
                           ("2.7", "1.7", "renamed"), ("2.8", "1.8", "renamed"), ("2.2", "1.1", "split"),
                           ("2.2", "1.2", "split"), ("2.5", "1.6", "merge"), ("2.6", "1.6", "merge"),
                           (None, "1.9", "new"), ("2.1", None, "dropped")],
        "plan_vs_plan": [("2.4", "2.5", "match"), ("2.7", "2.7", "match"), ("2.9", "2.10", "match"),
                         ("2.2", "2.2", "renamed"), ("2.3", "2.4", "renamed"), ("2.8", "2.8", "split"),
                         ("2.8", "2.9", "split"), ("2.5", "2.6", "merge"), ("2.6", "2.6", "merge"),
                         (None, "2.1", "new"), (None, "2.3", "new"), ("2.1", None, "dropped")]},
    "2023-2024": {
        "review_vs_plan": [("2.2", "1.2", "match"), ("2.5", "1.4", "match"), ("2.10", "1.9", "match"),
                           ("2.7", "1.8", "match"), ("2.1", "1.1", "renamed"), ("2.4", "1.3", "renamed"),
                           ("2.6", "1.5", "split"), ("2.6", "1.6", "split"), ("2.8", "1.7", "merge"),
                           ("2.9", "1.7", "merge"), (None, "1.10", "new"), ("2.3", None, "dropped")],
        "plan_vs_plan": [("2.2", "2.2", "match"), ("2.5", "2.4", "match"), ("2.7", "2.7", "match"),
                         ("2.10", "2.9", "match"), ("2.1", "2.1", "renamed"), ("2.4", "2.3", "renamed"),
                         ("2.6", "2.5", "split"), ("2.6", "2.6", "split"), ("2.8", "2.8", "merge"),
                         ("2.9", "2.8", "merge"), (None, "2.10", "new"), ("2.3", None, "dropped")]},
}


def test_sample_designed_links_come_out_as_designed(sample_comparisons):
    missing = []
    for pair, views in DESIGNED.items():
        for view, designed in views.items():
            got = {(l.old, l.new, l.relation) for l in sample_comparisons[pair].links[view]}
            missing += [(pair, view, d) for d in designed if d not in got]
    assert not missing, missing


def test_every_unit_appears_in_each_view(sample_comparisons):
    from reportdiff.align.units import plan_units, review_units

    for c in sample_comparisons.values():
        sides = {"review_vs_plan": (plan_units(c.old), review_units(c.new)),
                 "plan_vs_plan": (plan_units(c.old), plan_units(c.new)),
                 "review_vs_review": (review_units(c.old), review_units(c.new))}
        for view, (old_units, new_units) in sides.items():
            assert {u.id for u in old_units} == {l.old for l in c.links[view] if l.old}
            assert {u.id for u in new_units} == {l.new for l in c.links[view] if l.new}
            for link in c.links[view]:
                assert link.score is None or 0 <= link.score <= 1


def test_priorities_new_and_dropped_in_the_sample(sample_comparisons):
    c = sample_comparisons["2022-2023"]
    dropped = {p.term for p in c.priorities["dropped"]}
    assert "疫情防控" in dropped
    new = {p.term for p in sample_comparisons["2023-2024"].priorities["new"]}
    assert {"大模型", "新质生产力"} & new
    for kind in ("new", "dropped"):
        for p in c.priorities[kind]:
            assert (p.old == 0) == (kind == "new") and (p.new == 0) == (kind == "dropped")


def test_compare_json_document_and_swap(tmp_path):
    newer, older = SAMPLE / "shili-2024.txt", SAMPLE / "shili-2023.txt"
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(newer), str(older),
                          "--json", "-"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    validate(document, "comparison")
    assert document["swapped"] is True
    assert document["old"]["meta"]["plan_year"] == 2023
    assert "swapped" in [w["code"] for w in document["warnings"]]
    assert list(document) == ["schema", "old", "new", "swapped", "links", "ledger", "changes",
                              "priorities", "commitments", "wording", "warnings"]
    again = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(newer), str(older),
                            "--json", "-"], capture_output=True, text=True)
    assert again.stdout == out.stdout


def test_compare_json_on_real_pair_validates():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    document = c.to_dict()
    validate(document, "comparison")
    assert len(document["ledger"]) == len(c.old.targets) == 5


def test_saved_alignment_file_round_trips_and_pins(tmp_path):
    old, new = SAMPLE / "shili-2022.txt", SAMPLE / "shili-2023.txt"
    saved = tmp_path / "links.toml"
    out = subprocess.run([sys.executable, "-m", "reportdiff", "align", str(old), str(new),
                          "--save", str(saved)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    table = tomllib.loads(saved.read_text("utf-8"))
    computed = reportdiff.compare(old, new)
    assert len(table["review_vs_plan"]) == len(computed.links["review_vs_plan"])
    # pin a different link and forbid one the aligner made
    first = next(l for l in computed.links["plan_vs_plan"] if l.old and l.new)
    edited = tmp_path / "edited.toml"
    edited.write_text(
        '[[review_vs_plan]]\nold = "2.1"\nnew = ""\nrelation = "dropped"\n\n'
        f'[[plan_vs_plan]]\nold = "{first.old}"\nnew = "{first.new}"\nforbid = true\n',
        encoding="utf-8")
    c = reportdiff.compare(old, new, alignments=str(edited))
    pinned = [l for l in c.links["review_vs_plan"] if l.source == "alignments"]
    assert [(l.old, l.new, l.relation) for l in pinned] == [("2.1", None, "dropped")]
    assert not any(l.old == "2.1" and l.source == "auto" for l in c.links["review_vs_plan"])
    assert (first.old, first.new) not in {(l.old, l.new) for l in c.links["plan_vs_plan"]}


def test_bad_alignment_file_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[review_vs_plan]]\nold = "2.1"\nnew = "1.1"\nrelation = "sideways"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(SAMPLE / "shili-2022.txt"),
                          str(SAMPLE / "shili-2023.txt"), "--alignments", str(bad)],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "bad.toml" in out.stderr and "Traceback" not in out.stderr


def test_designed_reorders_are_marked_moved(sample_comparisons):
    moved = {pair: [(l.old, l.new) for l in c.links["review_vs_plan"] if l.moved]
             for pair, c in sample_comparisons.items()}
    assert moved == {"2021-2022": [("2.7", "1.5")], "2022-2023": [("2.9", "1.4")],
                     "2023-2024": [("2.7", "1.8")]}


def _ledger(corpora, series: str, year: int):
    stem = {"district-hailar-derek-s": "hailar", "national-dxcarl": "national"}[series]
    old = reportdiff.parse(corpora / series / f"{stem}-{year}.txt")
    new = reportdiff.parse(corpora / series / f"{stem}-{year + 1}.txt")
    return reportdiff.compare(old, new).ledger


def test_an_outcome_stated_once_for_a_fenbie_list_is_each_members(corpora):
    # hailar-2018: 城镇和农村居民人均可支配收入分别达…，分别同比增长7.8%
    entries = _ledger(corpora, "district-hailar-derek-s", 2017)
    urban = next(e for e in entries if e.target.indicator.startswith("城镇")
                 and e.target.kind == "growth_pct")
    assert (urban.status, urban.outcome.value) == ("missed", 7.8)
    rural = next(e for e in entries if e.target.indicator.startswith("农村")
                 and e.target.kind == "growth_pct")
    assert (rural.status, rural.outcome.value) == ("met", 7.8)


def test_a_ceiling_kept_every_year_is_met_and_a_passing_mention_is_not_reported(corpora):
    entries = _ledger(corpora, "national-dxcarl", 2017)
    rate = next(e for e in entries if e.target.indicator == "赤字率")
    assert rate.status == "met", rate.note  # 财政赤字率一直控制在3%以内
    # 2016's deficit amount: the 2017 review only says what the added deficit was used for
    amount = next(e for e in _ledger(corpora, "national-dxcarl", 2016)
                  if e.target.unit == "元" and "赤字" in e.target.indicator)
    assert amount.status == "not_reported" and "passing" in amount.note


def test_a_reduction_count_against_the_reviews_decrease(corpora):
    entries = _ledger(corpora, "national-dxcarl", 2015)
    poverty = next(e for e in entries if "贫困人口" in e.target.indicator)
    assert (poverty.status, poverty.outcome.value) == ("met", -14420000)


def test_a_combined_town_and_country_target_is_missed_by_the_towns_figure(corpora):
    # hailar-2013 城乡居民可支配收入增长18%; hailar-2014: 城镇…同比增长11.1%, 农民人均纯收入 14.1%
    entry = next(e for e in _ledger(corpora, "district-hailar-derek-s", 2013)
                 if e.target.indicator.startswith("城乡"))
    assert (entry.status, entry.outcome.value) == ("missed", 11.1), entry.note


def test_jobs_target_against_people_employed(corpora):
    # hailar-2014 力争年内新增就业岗位5000个; hailar-2015 实现城镇新增就业5487人
    entry = next(e for e in _ledger(corpora, "district-hailar-derek-s", 2014)
                 if "岗位" in e.target.indicator)
    assert (entry.status, entry.outcome.value, entry.outcome.unit) == ("met", 5487, "人")


def test_a_fall_target_by_its_members_or_every_year_and_not_by_a_five_year_total(corpora):
    def pollution(year):
        return next(e for e in _ledger(corpora, "national-dxcarl", year)
                    if "污染物" in e.target.indicator and e.target.value is None)

    # 2017 review: 二氧化硫、氮氧化物排放量分别下降5.6%和4%
    assert pollution(2016).status == "met" and pollution(2016).outcome.value == -5.6
    # 2018 five-year review: 主要污染物排放量持续下降
    assert pollution(2017).status == "met"
    # 2016 five-year review: only 主要污染物排放量减少12%以上 over 十二五
    assert pollution(2015).status == "unclear"
