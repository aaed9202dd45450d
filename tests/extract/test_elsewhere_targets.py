"""Targets stated outside the targets passage (issue 8, item 1), on the ../shared plans, against
the hand-read rows of tests/gold/targets.tsv marked ``where = elsewhere``."""
from __future__ import annotations

from collections import defaultdict

import pytest

from reportdiff.extract.elsewhere import elsewhere_targets
from reportdiff.parse import parse_file
from tests.conftest import read_tsv, require_corpora
from tests.extract.gold_targets import target_matches


def _halves():
    """found/total and spurious/predicted of elsewhere targets, per half (odd plan years tune
    the rules, even years test them)."""
    corpora = require_corpora()
    gold = defaultdict(list)
    for row in read_tsv("targets.tsv"):
        gold[row["file"]].append(row)
    out = {"odd": [0, 0, 0, 0], "even": [0, 0, 0, 0]}
    for file, rows in gold.items():
        half = out["odd" if int(rows[0]["plan_year"]) % 2 else "even"]
        targets = [t for t in parse_file(corpora / file).targets if t.where == "elsewhere"]
        unused = list(targets)
        for row in (r for r in rows if r["where"] == "elsewhere"):
            match = next((t for t in unused if target_matches(t, row)), None)
            half[1] += 1
            if match:
                unused.remove(match)
                half[0] += 1
        half[2] += len(unused)
        half[3] += len(targets)
    return out


def test_elsewhere_targets_found_in_both_halves():
    for half, (found, total, spurious, predicted) in _halves().items():
        assert total >= 30, half
        assert found / total >= 0.9, (half, found, total)
        assert spurious / max(predicted, 1) <= 0.05, (half, spurious, predicted)


@pytest.mark.parametrize("text, want", [
    # one figure for a list: one target per member, the decline keeps its sign
    ("今年化学需氧量、氨氮排放量要分别下降2%。", [("化学需氧量", -2.0), ("氨氮排放量", -2.0)]),
    # 分别 with a figure per member
    ("今年二氧化硫、氮氧化物排放要分别减少3%左右和5%左右。", [("二氧化硫", -3.0), ("氮氧化物排放", -5.0)]),
    # the total deficit, not the central government's part; the rate after the base
    ("今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。其中，中央财政赤字1.12万亿元。",
     [("财政赤字", 1.62e12), ("赤字率", 2.3)]),
    ("今年广义货币M2和社会融资规模余额预期增长均为12%左右。",
     [("广义货币M2", 12.0), ("社会融资规模余额", 12.0)]),
    # facts, bases and other years are not targets
    ("去年粮食产量6.07亿吨，农村贫困人口减少1232万人。", []),
    ("到2020年，单位国内生产总值二氧化碳排放要降低18%。", []),
    ("今年高校毕业生749万人，为历史最高。", []),
])
def test_families(text, want):
    got = [(t.indicator, t.value) for t in elsewhere_targets(text, set(), 2015)]
    assert got == want


def test_a_floor_without_a_figure():
    corpora = require_corpora()
    report = parse_file(corpora / "district-hailar-derek-s" / "hailar-2019.txt")
    floor = next(t for t in report.targets if "正增长" in t.surface)
    assert (floor.value, floor.unit, floor.kind, floor.bound) == (0, "%", "growth_pct", "min")


def test_where_is_in_the_json_schema():
    from reportdiff.lexicon import tomllib  # noqa: F401  (the package loads its own data)
    import json
    from importlib import resources

    schema = json.loads(resources.files("reportdiff.schema").joinpath(
        "metrics.schema.json").read_text("utf-8"))
    assert schema["$defs"]["target"]["properties"]["where"] == {"enum": ["passage", "elsewhere"]}


def test_another_copy_of_the_same_plans_gives_the_same_targets():
    """national 2014–2018 from a second source (national-ljtyduyu: other line breaks, other
    punctuation) against the gold read on the first (national-dxcarl)."""
    corpora = require_corpora()
    gold = defaultdict(list)
    for row in read_tsv("targets.tsv"):
        gold[row["file"]].append(row)
    found = total = spurious = 0
    for year in range(2014, 2019):
        targets = list(parse_file(corpora / "national-ljtyduyu" / f"national-{year}.txt").targets)
        for row in gold[f"national-dxcarl/national-{year}.txt"]:
            match = next((t for t in targets if target_matches(t, row)), None)
            total += 1
            if match:
                targets.remove(match)
                found += 1
        spurious += len(targets)
    assert total >= 90
    assert found / total >= 0.95 and spurious <= 3, (found, total, spurious)
