"""The bad-input matrix: hostile files of every kind, made at test time (shared by the matrix
test and bench/fuzz.py)."""
from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

#: REPORTDIFF_MAX_MB for the matrix: small, so that the over-limit and bomb cases are cheap
LIMIT_MB = 16

_DOC = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:body>{}</w:body></w:document>')
_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                  'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                  'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/><Override '
                  'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                  'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>')


def docx_bytes(document_xml: bytes) -> bytes:
    """A minimal .docx around ``document_xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def paragraphs_xml(texts: list[str]) -> bytes:
    return _DOC.format("".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)).encode()


def _bomb() -> bytes:
    """document.xml inflating far past the limit (about 1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(_DOC.format("").encode()[:-len("</w:body></w:document>")])
            block = b"<w:p><w:r><w:t>" + b"\xe5\x8f\x91" * 4000 + b"</w:t></w:r></w:p>"
            for _ in range(LIMIT_MB * 2**20 * 2 // len(block) + 1):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def _laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [' + entities + ']>'
           + _DOC.format("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>")[len('<?xml version="1.0" '
                                                                          'encoding="UTF-8" standalone="yes"?>'):])
    return docx_bytes(xml.encode())


def _nested_divs(n: int = 100_000) -> bytes:
    return ("<html><body>" + "<div>" * n + "各位代表：现在报告工作。" + "</div>" * n
            + "</body></html>").encode()


def make_cases(directory: Path, report: str) -> dict[str, str]:
    """Every hostile input as a path in ``directory`` (``report`` is a good .txt report)."""
    rng = random.Random(20240105)
    good = Path(report).read_bytes()
    docx = docx_bytes(paragraphs_xml(Path(report).read_text(encoding="utf-8").splitlines()))
    files: dict[str, bytes] = {
        "empty.txt": b"", "whitespace.txt": " \n\t\r\n\u3000\n".encode(),
        "bom-only.txt": b"\xef\xbb\xbf", "nul.txt": b"\x00" * 4096,
        "random.txt": bytes(rng.randrange(1, 256) for _ in range(20_000)),  # no NUL byte
        "png.txt": b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(2000)),
        "zip.docx": b"PK\x03\x04" + bytes(rng.getrandbits(8) for _ in range(2000)),
        "pdf-junk.pdf": b"%PDF-1.7\n" + bytes(rng.getrandbits(8) for _ in range(5000)),
        "truncated.docx": docx[: len(docx) // 2],
        "bomb.docx": _bomb(),
        "laughs.docx": _laughs(),
        "malformed.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                         b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                         b"3 0 obj << /Type /Page /Contents 4 0 R >> endobj\n"
                         b"4 0 obj << /Length 999 >> stream\nBT /F1 12 Tf (x) Tj\nendstream\n"
                         b"trailer << /Root 1 0 R >>\n%%EOF",
        "nested.html": _nested_divs(),
        "one-line.txt": ("经济运行稳中向好，地区生产总值增长6%。" * 290_000).encode(),  # 15 MB
        "over-limit.txt": good * ((LIMIT_MB + 1) * 2**20 // len(good) + 1),
        "bad-gbk.txt": "各位代表".encode("gb18030") + b"\x81\x20\xff\xfe\x81" * 50,
        "utf16-no-bom.txt": good.decode("utf-8").encode("utf-16-le"),
    }
    paths = {}
    for name, data in files.items():
        path = directory / name
        path.write_bytes(data)
        paths[name] = str(path)
    (directory / "a-directory").mkdir()
    paths["directory"] = str(directory / "a-directory")
    paths["missing"] = str(directory / "missing.txt")
    os.mkfifo(directory / "fifo.txt")
    paths["fifo"] = str(directory / "fifo.txt")
    paths["dev-zero"] = "/dev/zero"
    return paths
