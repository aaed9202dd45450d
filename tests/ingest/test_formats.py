"""HTML, DOCX and stdin inputs reach the same parser."""
from __future__ import annotations

import subprocess
import sys

from reportdiff.ingest import read_text
from reportdiff.parse import parse

BODY = ["政府工作报告", "——2024年1月4日在示例区第三届人民代表大会第二次会议上", "示例区人民政府区长 王明",
        "各位代表：", "一、2023年工作回顾", "（一）经济稳中向好。地区生产总值增长6%。",
        "二、2024年工作安排", "主要预期目标是：地区生产总值增长5%左右。"]


def test_html_main_content_without_navigation():
    page = ("<html><head><title>x</title><script>var a='一、假';</script></head><body>"
            "<nav><a>首页</a> <a>一、导航</a></nav><div class='menu'>下载 打印 全屏 收藏</div>"
            "<div id='content'>" + "".join(f"<p>{line}</p>" for line in BODY) +
            "</div><footer>本文地址：/x.html</footer></body></html>")
    report = parse(read_text(page.encode("utf-8"), name="r.html"))
    assert report.source.format == "html"
    assert [s.title for s in report.sections] == ["2023年工作回顾", "2024年工作安排"]
    assert report.meta.speaker == "王明" and report.meta.delivered == "2024-01-04"


def test_docx_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    for line in BODY:
        document.add_paragraph(line)
    path = tmp_path / "r.docx"
    document.save(path)
    report = parse(read_text(path))
    assert report.source.format == "docx"
    assert [s.id for s in report.walk()] == ["1", "1.1", "2"]
    assert report.sections[0].sections[0].title == "经济稳中向好"


def test_stdin_dash(tmp_path):
    out = subprocess.run([sys.executable, "-m", "reportdiff", "parse", "-", "--json"],
                         input="\n".join(BODY).encode(), capture_output=True, check=True)
    assert b'"region": "\xe7\xa4\xba\xe4\xbe\x8b\xe5\x8c\xba"' in out.stdout  # 示例区


def test_pdf_printed_by_chromium_joins_wrapped_lines(tmp_path):
    """A PDF made by printing a page in chromium: hard-wrapped lines are joined back."""
    from tests.render.test_html_browser import _need_browser

    _need_browser()
    from playwright.sync_api import sync_playwright

    long_body = "（一）经济稳中向好。全区地区生产总值预计增长5.6%，一般公共预算收入增长4.1%，" + "各项事业全面进步，" * 12 + "群众获得感不断增强。"
    lines = BODY[:5] + [long_body, "二、2024年工作安排", "今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇调查失业率控制在5%以内。"]
    html = ("<html><body style='font-family: WenQuanYi Micro Hei; width: 12cm'>"
            + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")
    path = tmp_path / "report.pdf"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(path), format="A5")
        browser.close()
    from reportdiff.parse import parse_file

    report = parse_file(path)
    assert report.source.format == "pdf"
    assert (report.meta.region, report.meta.delivered, report.meta.speaker) == ("示例区", "2024-01-04", "王明")
    assert [s.title for s in report.walk()] == ["2023年工作回顾", "经济稳中向好", "2024年工作安排"]
    assert report.sections[0].sections[0].paragraphs[0].text.startswith("全区地区生产总值预计增长5.6%，一般公共预算收入")
    assert [(t.indicator, t.value, t.bound) for t in report.targets] == \
        [("地区生产总值", 5.5, "approx"), ("城镇调查失业率", 5.0, "max")]


def test_docx_heading_styles_are_hints_for_unnumbered_headings(tmp_path):
    """关于… parts carry no 一、: their Heading 1 style makes them parts, Heading 2 sections."""
    import docx

    document = docx.Document()
    for line in BODY[:4]:
        document.add_paragraph(line)
    document.add_heading("关于国内建设", level=1)
    document.add_paragraph("过去一年，国民经济稳步发展。")
    document.add_heading("工业生产", level=2)
    document.add_paragraph("工业总产值增长12%。")
    document.add_heading("农业生产", level=2)
    document.add_paragraph("粮食产量达到3亿吨。")
    document.add_heading("关于外交工作", level=1)
    document.add_paragraph("我们继续奉行独立自主的和平外交政策。")
    path = tmp_path / "styled.docx"
    document.save(path)
    report = parse(read_text(path))
    assert [(s.id, s.number, s.title) for s in report.walk()] == [
        ("1", None, "关于国内建设"), ("1.1", None, "工业生产"), ("1.2", None, "农业生产"),
        ("2", None, "关于外交工作")]
    assert report.sections[0].paragraphs[0].text == "过去一年，国民经济稳步发展。"
    assert report.sections[0].sections[1].paragraphs[0].text == "粮食产量达到3亿吨。"
    assert "no_headings" not in {w.code for w in report.warnings}
