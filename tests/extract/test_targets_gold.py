"""Targets of every Hailar year and national 2003–2018 against tests/gold/targets.tsv."""
from __future__ import annotations

from tests.extract.gold_targets import score


def test_targets_found_with_value_unit_bound_and_indicator():
    found, total, spurious, predicted, table = score()
    report = "\n".join(table)
    assert total >= 260
    assert found / total >= 0.95, report
    assert spurious / predicted <= 0.05, report
