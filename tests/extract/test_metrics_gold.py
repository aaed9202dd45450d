"""Metric extraction against tests/gold/metrics.tsv (1110 mentions read by hand)."""
from __future__ import annotations

import pytest

from tests.extract.gold_metrics import score


@pytest.fixture(scope="module")
def scores():
    return score()


def test_gold_is_large_enough(scores):
    assert scores.gold >= 300
    assert not [e for e in scores.errors if e.startswith("gold surface not found")]


def test_value_unit_kind_precision_and_recall(scores):
    report = "\n".join(e for e in scores.errors if e.startswith(("MISSED", "WRONG", "SPURIOUS")))
    assert scores.precision() >= 0.95, report
    assert scores.recall() >= 0.95, report


def test_with_qualifier_and_indicator_precision_and_recall(scores):
    report = "\n".join(e for e in scores.errors if e.startswith("QUAL"))
    assert scores.precision(full=True) >= 0.90, report
    assert scores.recall(full=True) >= 0.90, report


def test_non_metrics_are_not_reported(scores):
    reported = [e for e in scores.errors if e.startswith("NON-METRIC")]
    assert scores.non_metrics >= 300
    assert len(reported) <= 0.01 * scores.non_metrics, reported


@pytest.mark.parametrize("half", ["tune", "test"])
def test_each_half_of_the_gold_holds(half):
    """The rules were tuned on the odd-year files; the even-year half must hold as well."""
    s = score(half)
    assert s.gold >= 300
    assert s.precision() >= 0.95 and s.recall() >= 0.95, half
