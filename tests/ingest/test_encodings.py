"""Encodings and copies: the same report through different bytes gives the same tree."""
from __future__ import annotations

from reportdiff.ingest import read_text
from reportdiff.parse import parse, parse_file
from tests.conftest import require_corpora


def _shape(report):
    return [(s.id, s.number, s.title, s.role, s.lines, len(s.paragraphs)) for s in report.walk()]


def test_gb18030_and_utf16_copies_give_the_same_tree_as_utf8(tmp_path):
    src = require_corpora() / "district-hailar-derek-s" / "hailar-2019.txt"
    text = src.read_text("utf-8")
    utf8 = parse_file(src)
    for encoding, expected in (("gb18030", "gb18030"), ("utf-16", "utf-16")):
        copy = tmp_path / f"hailar-2019.{encoding}.txt"
        copy.write_bytes(text.encode(encoding))
        report = parse_file(copy)
        assert report.source.encoding == expected
        assert _shape(report) == _shape(utf8)
        assert report.meta == utf8.meta
    gb = parse_file(tmp_path / "hailar-2019.gb18030.txt")
    assert "encoding_fallback" in {w.code for w in gb.warnings}


def test_utf8_bom_is_detected_and_stripped():
    clean = read_text("\ufeff政府工作报告\n各位代表：\n".encode("utf-8"), name="bom.txt")
    assert clean.source.encoding == "utf-8-sig"
    assert clean.lines[0].text == "政府工作报告"


def test_crlf_and_cr_cr_lf_line_ends_keep_line_numbers():
    clean = read_text("各位代表：\r\r\n\r\r\n一、回顾\r\r\n".encode(), name="crcrlf.txt")
    assert [(ln.number, ln.text) for ln in clean.lines] == [(1, "各位代表："), (3, "一、回顾")]
    clean = read_text("各位代表：\r\n一、回顾\r\n".encode(), name="crlf.txt")
    assert [ln.number for ln in clean.lines] == [1, 2]


def test_traditional_copy_is_converted_with_a_warning():
    text = ("政府工作報告\n各位代表：\n一、2023年工作回顧\n過去一年，我們堅持穩中求進，經濟發展質量持續提升，"
            "產業結構不斷優化，國際合作進一步擴大。\n二、2024年工作安排\n")
    report = parse(read_text(text.encode("utf-8"), name="trad.txt"))
    assert "traditional_converted" in {w.code for w in report.warnings}
    assert report.sections[0].title == "2023年工作回顾"
    assert "我们坚持稳中求进" in report.sections[0].paragraphs[0].text


def test_ljtyduyu_page_dumps_give_the_clean_copies_titles():
    corpora = require_corpora()
    for year in (2015, 2016, 2017, 2018):
        dump = parse_file(corpora / "national-ljtyduyu" / f"national-{year}.txt")
        clean = parse_file(corpora / "national-dxcarl" / f"national-{year}.txt")
        assert [(s.id, s.title) for s in dump.walk()] == [(s.id, s.title) for s in clean.walk()], year


def test_repeated_page_dump_keeps_one_copy_and_says_so():
    report = parse_file(require_corpora() / "national-ljtyduyu" / "national-1998.txt")
    codes = {w.code for w in report.warnings}
    assert {"repeated_body", "clutter_removed"} <= codes
    assert len(report.sections) == 3
    # one copy: the closing appeal occurs once
    closing = [p for s in report.walk() for p in s.paragraphs if p.text.startswith("各位代表")]
    assert len(closing) < 10
