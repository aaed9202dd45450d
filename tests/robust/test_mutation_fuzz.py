"""The mutation fuzzer over the real corpora, with a small fixed budget per run (derandomized:
the same cases every run). ``bench/fuzz.py`` runs the same mutations for minutes."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import CORPORA, require_corpora
from .mutations import MUTATIONS, check_compare, check_parse, mutate

FILES = sorted(str(p) for p in CORPORA.glob("*/*.txt")) or ["<no corpora>"]


@lru_cache(maxsize=None)
def _original(path: str):
    data = Path(path).read_bytes()
    return data, check_parse(data, Path(path).name)


def setup_module():
    require_corpora()


@given(st.sampled_from(FILES), st.sampled_from(sorted(MUTATIONS)), st.integers(0, 2**31))
@settings(max_examples=40, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_mutated_reports_parse_or_give_an_input_error(path, mutation, seed):
    data, _ = _original(path)
    check_parse(mutate(data, mutation, seed), Path(path).name)


@given(st.sampled_from(FILES), st.sampled_from(sorted(MUTATIONS)), st.integers(0, 2**31))
@settings(max_examples=6, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_a_mutant_compares_with_its_original(path, mutation, seed):
    data, original = _original(path)
    mutant = check_parse(mutate(data, mutation, seed), Path(path).name)
    if original is not None and mutant is not None:
        check_compare(original, mutant)
