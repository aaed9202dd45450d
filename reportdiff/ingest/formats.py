"""HTML, DOCX and PDF to lines of text, one paragraph a line.

Each reader imports its library lazily, so plain-text work never pays for them.
"""
from __future__ import annotations

import io
import re

from ..errors import InputError
from .bounds import check_docx, check_pdf_pages, pdf_char_cap

_FLUSH = "flush"  # a marker on the walk's stack

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "td", "br", "tr", "section",
           "article", "blockquote", "pre")
_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "select", "button", "svg", "template")
_CONTENT_HINTS = ("article", "main", "#content", ".content", "#zoom", ".TRS_Editor",
                  ".article", ".article-content", "#article", ".pages_content", "#UCAP-CONTENT")


def html_lines(text: str) -> list[str]:
    """The main content of an HTML page as lines: the element holding most paragraph text.

    >>> html_lines("<html><nav>首页</nav><div id=content><p>各位代表：</p><p>现在…</p></div></html>")
    ['各位代表：', '现在…']
    """
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(text)
    for tag in _DROP:
        for node in tree.css(tag):
            node.decompose()
    body = tree.body or tree.root
    if body is None:
        return []
    main = _main_content(tree, body)
    lines: list[str] = []
    _collect(main, lines)
    return [line for line in (ln.strip() for ln in lines) if line]


def _main_content(tree, body):
    best, best_score = body, 0
    for hint in _CONTENT_HINTS:
        for node in tree.css(hint):
            score = len(node.text(separator="", strip=True))
            if score > best_score:
                best, best_score = node, score
    body_len = len(body.text(separator="", strip=True))
    if best is not body and best_score >= 0.3 * body_len:
        return best
    # No hint: the element whose direct <p> children carry the most text.
    scores: dict[int, tuple[int, object]] = {}
    for p in body.css("p"):
        parent = p.parent
        if parent is None:
            continue
        key = id(parent)
        prev = scores.get(key, (0, parent))
        scores[key] = (prev[0] + len(p.text(strip=True)), parent)
    if scores:
        total, node = max(scores.values(), key=lambda item: item[0])
        if total >= 0.3 * body_len:
            return node
    return body


def _collect(node, lines: list[str]) -> None:
    """Text of ``node`` with a line break at every block element."""
    buf: list[str] = []

    def flush() -> None:
        if buf:
            lines.append("".join(buf))
            buf.clear()

    # depth-first with an explicit stack: pages nest elements far deeper than Python recurses
    stack: list = [node.child]
    while stack:
        child = stack.pop()
        if child is None:
            continue
        if isinstance(child, str):  # _FLUSH: the block element above has ended
            flush()
            continue
        stack.append(child.next)
        tag = child.tag
        if tag == "-text":
            buf.append(child.text_content or "")
        elif tag in _BLOCKS:
            flush()
            stack.extend((_FLUSH, child.child))
        elif tag != "-comment":
            stack.append(child.child)
    flush()


def docx_lines(data: bytes, where: str, limit: int = 16 * 2**20) -> list[tuple[str, int]]:
    """Paragraphs of a .docx body with the heading level their style gives (0 for body
    text): "Heading 1" / "标题 1" and the title style are hints for the parser. The archive
    is checked against ``limit`` first (see :mod:`.bounds`)."""
    check_docx(data, where, limit)
    try:
        import docx
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(where, "reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises many kinds for damaged files
        raise InputError(where, f"is not a readable .docx file ({type(err).__name__})") from None
    lines: list[tuple[str, int]] = []
    for para in document.paragraphs:
        level = _heading_level(para.style.name if para.style is not None else "")
        lines.extend((ln, level) for ln in para.text.splitlines() if ln.strip())
    return lines


def _heading_level(style: str) -> int:
    m = re.match(r"^(Heading|标题)\s*(\d)", style or "")
    return int(m.group(2)) if m else 0


_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页")
def pdf_lines(data: bytes, where: str, limit: int = 16 * 2**20) -> list[str]:
    """Text lines of a PDF, as the page wraps them (``ingest.rejoin`` joins them back into
    paragraphs); at most ``MAX_PDF_PAGES`` pages and ``limit // 2`` extracted characters."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a runtime dependency
        raise InputError(where, "reading .pdf needs pypdf (pip install pypdf)") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(where, "is an encrypted PDF")
        check_pdf_pages(len(reader.pages), where)
        pages, chars, cap = [], 0, pdf_char_cap(limit)
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            if chars > cap:
                raise InputError(where, f"yields more than {cap:,} characters of text; reports "
                                        "are far smaller (set REPORTDIFF_MAX_MB to raise the limit)")
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as err:
        raise InputError(where, f"is not a readable PDF ({type(err).__name__})") from None
    raw = [ln.strip() for page in pages for ln in page.splitlines()]
    raw = [ln for ln in raw if ln and not _PAGE_NUMBER.match(ln)]
    if not raw:
        raise InputError(where, "is a PDF with no extractable text (scanned images?)")
    return raw
