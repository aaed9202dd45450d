"""Bytes to text: file format sniffing and encoding detection.

Encodings are detected, never guessed silently: a BOM decides (UTF-8, UTF-16), else strict
UTF-8, else strict GB18030 (which covers GBK and GB2312), and the caller is told which.

>>> decode_text("政府工作报告".encode("gb18030"), "r.txt")
('政府工作报告', 'gb18030')
>>> decode_text("\\ufeff各位代表".encode("utf-8"), "r.txt")
('各位代表', 'utf-8-sig')
"""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel (OLE) file; save it as .docx or .txt"),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
    (b"%!PS", "a PostScript file; save it as .pdf or .txt"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF media file (audio, video or WebP image)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x00\x0cjP", "a JPEG 2000 image"),
)

FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".docx": "docx", ".pdf": "pdf"}


def sniff_format(data: bytes, suffix: str, where: str) -> str:
    """The input format: from the content where it is unmistakable, else from the suffix."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")  # an RTF file may start after a BOM or blank
    if data[4:8] == b"ftyp":
        raise InputError(where, "is an MP4/MOV/HEIC media file, not a report (expected .txt, "
                                ".html, .docx or .pdf)")
    for magic, what in _MAGIC:
        if data.startswith(magic) or (magic == b"{\\rtf" and head.startswith(magic)):
            raise InputError(where, f"is {what}, not a report (expected .txt, .html, .docx or .pdf)")
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if suffix in ("", ".docx") or b"word/" in data[:4096]:
            return "docx"
        raise InputError(where, "is a ZIP archive, not a .docx report")
    if suffix in FORMATS:
        return FORMATS[suffix]
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "txt"


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """``(text, encoding)``; raises InputError for binary data or an unknown encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", where), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", where), "utf-16"
    if b"\x00" in data[:65536]:
        # UTF-16 without a BOM is common from Windows tools: recognise it by its zero bytes
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        sample = len(data[:4096]) // 2 or 1
        if odd > 0.3 * sample and even < 0.05 * sample:
            return _strict(data, "utf-16-le", where), "utf-16-le"
        if even > 0.3 * sample and odd < 0.05 * sample:
            return _strict(data, "utf-16-be", where), "utf-16-be"
        raise InputError(where, "is binary data (contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise InputError(where, f"cannot be decoded as UTF-8 or GB18030 (bad byte at offset "
                                f"{err.start}); save it as UTF-8") from None
    return text, "gb18030"


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(where, f"is not valid {encoding.upper()} (bad byte at offset "
                                f"{err.start})") from None


_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff\ufffd]")


def check_looks_like_text(text: str, where: str) -> None:
    """Reject decoded text that is mostly control characters or private-use garbage."""
    sample = text[:200_000]
    if not sample.strip():
        return
    bad = len(_BAD_CHARS.findall(sample))
    if bad > 0.02 * len(sample):
        raise InputError(where, "does not look like text (too many control or undefined "
                                "characters); is it binary?")
