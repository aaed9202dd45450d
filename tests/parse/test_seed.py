"""The Haidian 2024 seed: a scraped, truncated copy with ASCII punctuation."""
from __future__ import annotations

import json
import subprocess
import sys

from reportdiff.parse import parse_file
from tests.conftest import require_corpora, validate


def _seed():
    return require_corpora() / "haidian-seed" / "haidian-2024-partial.txt"


def test_seed_meta():
    meta = parse_file(_seed()).meta
    assert (meta.region, meta.delivered, meta.speaker, meta.speaker_title) == \
        ("海淀区", "2024-01-04", "李俊杰", "区长")
    assert (meta.review_year, meta.plan_year, meta.level, meta.kind) == (2023, 2024, "district", "annual")
    assert meta.session == "第十七届人民代表大会第四次会议"


def test_seed_section_one_with_its_lead_sentence_paragraphs():
    report = parse_file(_seed())
    part = report.sections[0]
    assert (part.number, part.title, part.role) == ("一、", "2023年工作回顾", "review")
    assert [s.number for s in part.sections] == ["（一）"]
    section = part.sections[0]
    assert section.title == "创新驱动，经济高质量发展动能更加强劲"
    leads = [p.lead for p in section.paragraphs if p.lead]
    assert "原始创新策源功能不断增强" in leads
    assert len(leads) >= 3
    # dash highlights at the start of the review are paragraphs of the part, not sections
    assert sum(p.text.startswith("——") for p in part.paragraphs) == 4


def test_seed_clutter_removed_and_truncated():
    report = parse_file(_seed())
    codes = {w.code: w.message for w in report.warnings}
    assert "truncated" in codes and "clutter_removed" in codes
    texts = [p.text for p in report.preamble] + [p.text for s in report.walk() for p in s.paragraphs]
    assert not any(t.startswith(("导航菜单", "本文地址", "留言与评论", "验证码", "本文仅代表")) for t in texts)
    # ASCII punctuation of the scrape is normalised
    assert report.preamble[0].text.startswith("各位代表：")


def test_seed_line_numbers_point_into_the_source():
    report = parse_file(_seed())
    source = _seed().read_text("utf-8").splitlines()
    for paragraph in report.sections[0].sections[0].paragraphs:
        first, last = paragraph.lines
        assert paragraph.text[:6].replace("，", ",") in source[first - 1].replace("，", ",")


def test_parse_json_is_the_report_document():
    out = subprocess.run([sys.executable, "-m", "reportdiff", "parse", str(_seed()), "--json"],
                         capture_output=True, text=True, check=True)
    document = json.loads(out.stdout)
    validate(document, "report")
    assert list(document) == ["schema", "source", "meta", "warnings", "preamble", "sections"]
    assert document["sections"][0]["sections"][0]["id"] == "1.1"
    assert document["sections"][0]["sections"][0]["paragraphs"][0]["id"] == "1.1.p1"
    again = subprocess.run([sys.executable, "-m", "reportdiff", "parse", str(_seed()), "--json"],
                           capture_output=True, text=True, check=True)
    assert again.stdout == out.stdout


def test_parse_tree_output_names_the_sections():
    out = subprocess.run([sys.executable, "-m", "reportdiff", "parse", str(_seed()), "--no-color"],
                         capture_output=True, text=True, check=True)
    assert "2023年工作回顾" in out.stdout and "truncated" in out.stdout
    assert "\x1b[" not in out.stdout
