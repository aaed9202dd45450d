"""Resource bounds on archives and documents, checked before a library parses them.

A .docx is a ZIP: every member's declared and actual uncompressed size is checked (the
members are streamed, never held whole) against a cap tied to the input limit
(``REPORTDIFF_MAX_MB``), and XML with a DTD or entity declarations (billion laughs) is refused
before any XML parser sees it. A PDF is bounded by pages and by extracted characters.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("word/document.xml", "<w:document/>" + " " * 3_000_000)
>>> check_docx(buf.getvalue(), "r.docx", limit=2**20)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
reportdiff.errors.InputError: r.docx: word/document.xml expands to 2.9 MB, more than ...
"""
from __future__ import annotations

import io
import re
import zlib

from ..errors import InputError

#: a .docx may expand to this many times the input limit, all members together
EXPANSION = 2
#: more members than any word processor writes
MAX_MEMBERS = 5000
#: pages of a PDF (reports run to 30–60 pages; a bound of 50 reports' worth)
MAX_PDF_PAGES = 3000
_DTD = tuple(marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY")
             for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 16


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def check_docx(data: bytes, where: str, limit: int) -> None:
    """Refuse a .docx whose members inflate past ``EXPANSION × limit`` (declared or actual)
    or whose XML declares a DTD or entities; damaged archives are an InputError too."""
    import zipfile

    cap = EXPANSION * limit
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as err:
        raise InputError(where, f"is not a readable .docx file ({type(err).__name__})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(where, f"is an archive of {len(members)} files, not a .docx report")
    declared = 0
    for info in members:
        declared += info.file_size
        if info.file_size > cap or declared > cap:
            raise InputError(where, _too_big(info.filename, max(info.file_size, declared), cap))
    total = 0
    for info in members:
        xml = info.filename.lower().endswith((".xml", ".rels"))
        tail = b""
        try:
            with archive.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    total += len(chunk)
                    if total > cap:
                        raise InputError(where, _too_big(info.filename, total, cap))
                    if xml:
                        window = tail + chunk
                        if any(marker in window for marker in _DTD):
                            raise InputError(where, f"{info.filename} declares a DTD or XML "
                                                    "entities, which a .docx never does; refused")
                        tail = window[-20:]
        except InputError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
                RuntimeError, ValueError) as err:
            raise InputError(where, f"is not a readable .docx file ({type(err).__name__} in "
                                    f"{info.filename})") from None


def _too_big(member: str, size: int, cap: int) -> str:
    return (f"{member} expands to {_mb(size)}, more than this .docx may ({_mb(cap)}; set "
            "REPORTDIFF_MAX_MB to raise the limit)")


def check_pdf_pages(pages: int, where: str) -> None:
    if pages > MAX_PDF_PAGES:
        raise InputError(where, f"is a PDF of {pages} pages; reportdiff reads at most "
                                f"{MAX_PDF_PAGES}")


def pdf_char_cap(limit: int) -> int:
    """Extracted characters allowed from a PDF: as many as a text file at the limit holds."""
    return limit // 2


#: element nesting a page may have: report pages nest a few dozen deep; the HTML parser's time
#: grows with the square of the depth (100,000 nested divs take half a minute)
MAX_HTML_DEPTH = 3000
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
#: elements that close themselves, or that the parser closes by the next one of their kind
_FLAT = frozenset(b"area base br col embed hr img input link meta source track wbr p li dt dd "
                  b"tr td th option optgroup rp rt tbody thead tfoot colgroup".split())


def check_html_depth(data: bytes, where: str) -> None:
    """Refuse a page whose elements nest deeper than ``MAX_HTML_DEPTH`` (counted from its
    tags, before any parser sees it)."""
    depth = 0
    for m in _TAG.finditer(data):
        name = m.group(2).lower()
        if name in _FLAT or m.group(3):
            continue
        depth += -1 if m.group(1) else 1
        if depth > MAX_HTML_DEPTH:
            raise InputError(where, f"nests HTML elements more than {MAX_HTML_DEPTH} deep; "
                                    "not a report page")
        depth = max(depth, 0)
