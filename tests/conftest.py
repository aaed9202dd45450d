"""Shared fixtures: where the real corpora are, and the JSON Schemas of the contract.

Tests that need ../shared skip with a reason when it is absent, and fail under CI=true.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTDIFF_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
GOLD = ROOT / "tests" / "gold"
# the suite never reads or fills the user's cache of parsed reports (reportdiff panel, timeline)
os.environ.setdefault("REPORTDIFF_CACHE_DIR", tempfile.mkdtemp(prefix="reportdiff-test-cache-"))
SCHEMAS = ROOT / "reportdiff" / "schema"


def require_corpora() -> Path:
    if CORPORA.is_dir():
        return CORPORA
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CORPORA} is missing: CI must have ../shared beside the checkout")
    pytest.skip(f"real corpora not found at {CORPORA} (needs ../shared beside the checkout)")


@pytest.fixture(scope="session")
def corpora() -> Path:
    return require_corpora()


def read_tsv(name: str) -> list[dict[str, str]]:
    with open(GOLD / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def validate(document: dict, schema_name: str) -> None:
    """Validate a document the tool produced against the contract's JSON Schema."""
    import jsonschema

    schema = json.loads((SCHEMAS / f"{schema_name}.schema.json").read_text("utf-8"))
    jsonschema.validate(document, schema)
