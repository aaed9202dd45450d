"""Commitments of a plan and the commitment ledger, on the sample corpus (fiction written for
the project) and on real reports."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

import reportdiff
from reportdiff.extract.commitments import clause_commitments, commitments
from tests.conftest import ROOT, require_corpora, validate

SAMPLE = ROOT / "corpora" / "sample"


@pytest.fixture(scope="module")
def sample_2022_2023():
    return reportdiff.compare(SAMPLE / "shili-2022.txt", SAMPLE / "shili-2023.txt")


def _entry(c, fragment):
    return next(e for e in c.commitments if fragment in e.commitment.object)


def test_framing_sentences_are_not_commitments():
    assert clause_commitments("以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念。") == []
    assert clause_commitments("推进高质量发展，加快构建新发展格局。") == []


def test_strength_action_object_and_figure():
    [c] = clause_commitments("年内力争建成水冲式公厕30座。")
    assert (c.strength, c.action, c.stage, c.object) == ("力争", "建成", 3, "水冲式公厕30座")
    [c] = clause_commitments("稳步推进物业管理市场化改革。")
    assert (c.strength, c.action) == ("稳步", "推进")


def test_commitments_come_from_the_plan_part_only(sample_2022_2023):
    found = commitments(sample_2022_2023.old)
    assert found and all(c.section.startswith("2") for c in found)
    apartments = next(c for c in found if "人才公寓" in c.object)
    metric = next(m for m in sample_2022_2023.old.metrics if m.id == apartments.metric)
    assert metric.value == 600 and apartments.lines[0] == 97


def test_ledger_statuses_on_the_sample(sample_2022_2023):
    c = sample_2022_2023
    apartments = _entry(c, "人才公寓")
    assert apartments.status == "done" and apartments.evidence[0].section == "1.1"
    assert "640" in apartments.evidence[0].sentence
    assert _entry(c, "北区智造园标准厂房二期").status == "done"
    hospital = _entry(c, "区人民医院改扩建")     # a promise to start, reported started
    assert hospital.commitment.action == "启动" and hospital.status == "done"
    assert _entry(c, "海绵城市示范片区").status == "progress"
    assert _entry(c, "全民参保").status == "silent"   # only the 2023 plan names it again
    assert _entry(c, "全民参保").evidence == ()


def test_commitments_in_json_and_csv(tmp_path):
    old, new = SAMPLE / "shili-2022.txt", SAMPLE / "shili-2023.txt"
    out = subprocess.run([sys.executable, "-m", "reportdiff", "compare", str(old), str(new),
                          "--json", "-", "--csv", str(tmp_path / "t")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    document = json.loads(out.stdout)
    validate(document, "comparison")
    assert document["commitments"] and {e["status"] for e in document["commitments"]} >= {"done", "silent"}
    rows = list(csv.DictReader((tmp_path / "t" / "commitments.csv").open(encoding="utf-8-sig")))
    assert len(rows) == len(document["commitments"])
    assert [r["status"] for r in rows] == [e["status"] for e in document["commitments"]]
    frame = reportdiff.compare(old, new).commitments.to_frame()
    assert list(frame["object"]) == [e["object"] for e in document["commitments"]]


def test_real_plan_commitments_have_evidence_in_the_next_review():
    corpora = require_corpora()
    c = reportdiff.compare(corpora / "district-hailar-derek-s" / "hailar-2018.txt",
                           corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    validate(c.to_dict(), "comparison")
    statuses = {e.status for e in c.commitments}
    assert statuses >= {"done", "progress", "silent"}
    for e in c.commitments:
        if e.status != "silent":
            assert e.evidence and e.evidence[0].section.startswith("1")


def test_commitment_ledger_against_gold_both_halves():
    from tests.align.gold_commitments import score

    tuning, test = score("tuning"), score("test")
    assert tuning["gold"] >= 45 and test["gold"] >= 45
    summary = {h: {k: round(v, 2) for k, v in s.items() if k != "lines"}
               for h, s in (("tuning", tuning), ("test", test))}
    assert tuning["recall"] >= 0.95 and tuning["status"] >= 0.80 and tuning["evidence"] >= 0.80, summary
    # the held-out half is measured, not tuned: issue 9's bars (found 0.85, status on found
    # 0.80, evidence 0.85), which it reaches
    assert test["recall"] >= 0.95 and test["status"] >= 0.80 and test["evidence"] >= 0.85, summary


def _gold_wording() -> list[tuple[str, str, str, int, str, int]]:
    """The designed shifts of corpora/sample/GOLD.md (its "Wording shifts" table)."""
    text = (SAMPLE / "GOLD.md").read_text("utf-8").split("## Wording shifts", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and "→" in cells[0] and "(" in cells[2]:
            old_w, old_l = cells[2].rstrip(")").split(" (")
            new_w, new_l = cells[3].rstrip(")").split(" (")
            rows.append((cells[0], cells[1], old_w, int(old_l), new_w, int(new_l)))
    return rows


def test_every_designed_wording_shift_of_the_sample_is_found():
    gold = _gold_wording()
    assert len(gold) >= 6
    comparisons = {}
    for pair, obj, old_w, old_l, new_w, new_l in gold:
        a, b = pair.split(" → ")
        if pair not in comparisons:
            comparisons[pair] = reportdiff.compare(SAMPLE / f"shili-{a}.txt", SAMPLE / f"shili-{b}.txt")
        shifts = comparisons[pair].wording
        hit = [w for w in shifts if w.old.lines[0] == old_l and w.new.lines[0] == new_l
               and obj[:4] in w.object]
        assert hit, f"{pair} {obj}: {[(w.object, w.old.wording, w.new.wording) for w in shifts]}"
        assert hit[0].old.wording.endswith(old_w) or old_w in hit[0].old.wording
        assert new_w in hit[0].new.wording
    document = comparisons["2023 → 2024"].to_dict()
    validate(document, "comparison")
    assert {"object", "old", "new"} <= set(document["wording"][0])


# Families of phrasing on real plans (tests/gold/COMMITMENTS.md lists these paragraphs too).

@pytest.fixture(scope="module")
def real():
    corpora = require_corpora()
    pairs = {"hailar-2017": ("district-hailar-derek-s", "hailar-2018"),
             "hailar-2018": ("district-hailar-derek-s", "hailar-2019"),
             "national-2016": ("national-dxcarl", "national-2017"),
             "national-2017": ("national-dxcarl", "national-2018")}
    cache = {}

    def get(name):
        if name not in cache:
            folder, nxt = pairs[name]
            cache[name] = reportdiff.compare(corpora / folder / f"{name}.txt",
                                             corpora / folder / f"{nxt}.txt")
        return cache[name]
    return get


def _promise(c, line, fragment):
    hits = [e for e in c.commitments if e.commitment.lines[0] <= line <= e.commitment.lines[1]
            and fragment in e.commitment.object]
    assert hits, [(e.commitment.action, e.commitment.object) for e in c.commitments
                  if e.commitment.lines[0] <= line <= e.commitment.lines[1]]
    return hits[0]


def test_a_phrase_of_manner_or_place_before_the_action(real):
    # 举全区之力推进…, 以市场化方式筹集…, 在贫困县推进…, 在城区铺开…
    assert _promise(real("hailar-2017"), 53, "棚户区改造工程").commitment.action == "推进"
    assert _promise(real("national-2016"), 64, "专项建设基金").commitment.action == "筹集"
    assert _promise(real("national-2016"), 71, "涉农资金整合").commitment.action == "推进"
    assert _promise(real("hailar-2018"), 61, "街长制").commitment.action == "铺开"


def test_dui_marks_the_object_before_the_action(real):
    # 对X进行整治, 对X实施环境综合整治
    e = _promise(real("hailar-2017"), 55, "城乡结合部")
    assert e.commitment.action == "整治" and e.commitment.strength == "重点"
    assert _promise(real("hailar-2018"), 59, "重点区域").commitment.action == "实施"
    assert clause_commitments("对重点企业在研发投入、人才引进等方面给予支持。") == []


def test_a_strength_word_that_governs_its_object_and_a_subject_before_yao(real):
    c = real("national-2016")
    assert _promise(c, 70, "农村电网改造升级").commitment.action == "抓紧"
    assert _promise(c, 70, "硬化路").commitment.action == "加快"     # …建制村要加快通硬化路
    assert _promise(c, 64, "资产证券化").commitment.action == "探索"
    assert _promise(real("national-2017"), 45, "分流职工").commitment.action == "确保"


def test_a_list_of_promises_each_with_its_figure_is_read_item_by_item(real):
    c = real("hailar-2017")
    items = [e.commitment.object for e in c.commitments if e.commitment.lines[0] == 53
             and "老旧小区" in e.commitment.object]
    assert len(items) == 3 and items[0].startswith("36个")


def test_the_promised_figure_restated_in_the_review_is_evidence(real):
    e = _promise(real("hailar-2018"), 59, "4000户")
    assert e.status == "done" and e.evidence[0].lines[0] == 28
    e = _promise(real("hailar-2017"), 53, "1.8万户")
    assert e.status == "done" and "1.8万户" in e.evidence[0].sentence


def test_words_of_the_object_are_no_outcome_and_a_listed_amount_is_done(real):
    # 老旧小区既有建筑节能改造9万平方米 follows 全年完成…: done, not the 改造 of the object
    e = _promise(real("hailar-2017"), 53, "36个老旧小区的既有建筑节能改造")
    assert e.status == "done" and "节能改造9万平方米" in e.evidence[0].sentence
    e = _promise(real("national-2016"), 71, "危房改造")      # 农村危房改造380多万户
    assert e.status == "done" and e.evidence[0].lines[0] == 12


def test_a_lead_sentence_is_told_by_the_detail_after_it(real):
    e = _promise(real("hailar-2017"), 53, "棚户区改造工程")
    assert e.status == "done" and len(e.evidence) == 2
    assert "推进棚户区改造工程" in e.evidence[0].sentence and "完成1.8万户" in e.evidence[1].sentence


def test_a_sentence_without_the_word_that_names_the_object_is_not_its_evidence(real):
    # 智慧城市一期项目 is not 智慧城管; 跨境电子商务 is not 电子商务进农村
    assert _promise(real("hailar-2017"), 55, "智慧城管").status == "silent"
    assert _promise(real("national-2016"), 70, "电子商务进农村").status == "silent"
    assert _promise(real("national-2017"), 55, "国有资产监管").status == "silent"
    # …unless it states the promised figure: 26座水冲式公共厕所 for 水冲式公厕30座
    e = _promise(real("hailar-2018"), 59, "水冲式公厕30座")
    assert e.status == "progress" and e.evidence[0].lines[0] == 22


def test_a_plan_action_in_the_perfective_reports_work_done_and_one_shared_bigram_is_no_evidence(real):
    e = _promise(real("hailar-2017"), 55, "标识系统")          # 完善了主干道路标识导引系统
    assert e.status == "progress" and "完善了" in e.evidence[0].sentence
    # 各方配合基本完成…任务 shares only 配合 with …政策的协调配合
    assert _promise(real("national-2017"), 38, "协调配合").status == "silent"
