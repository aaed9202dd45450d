"""Ingest: bytes from a file, stdin or memory to clean, numbered lines (``CleanText``).

>>> clean = read_text("各位代表:\\n\\n一、2023年工作回顾\\n".encode("utf-8"), name="mem.txt")
>>> [(ln.number, ln.text) for ln in clean.lines]
[(1, '各位代表：'), (3, '一、2023年工作回顾')]
>>> clean.source.encoding
'utf-8'
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from pathlib import Path

from .. import lexicon
from ..errors import InputError
from ..model import CleanText, Line, Notice, Source
from .bounds import check_html_depth
from .clutter import drop_clutter, keep_first_copy, split_run_on
from .decode import check_looks_like_text, decode_text, sniff_format
from .formats import docx_lines, html_lines, pdf_lines
from .normalize import normalize_line
from .rejoin import join_markers, rejoin

__all__ = ["read_text", "MAX_BYTES"]

#: Reports are 15–30k characters and page dumps under 2 MB; far larger input is a mistake,
#: refused before it is read so that memory stays bounded. Override with REPORTDIFF_MAX_MB.
MAX_BYTES = 16 * 1024 * 1024

_HEAD_LINES = 60  # how far down removed clutter is kept for the front matter (captions)
#: A whole report run together on one line is 30,000–220,000 characters; a line far longer is
#: not prose (minified, binary, machine output) and would take minutes to analyse.
MAX_LINE_CHARS = 600_000

_NEWLINES = re.compile(r"\r\r\n|\r\n|\r|\n")


def read_text(source: str | os.PathLike | bytes, *, name: str | None = None,
              max_bytes: int | None = None) -> CleanText:
    """Read a report from a path, ``"-"`` (stdin) or raw bytes and clean it."""
    limit = _limit(max_bytes)
    data, path, suffix = _acquire(source, name, limit)
    where = path
    if not data.strip():
        raise InputError(where, "is empty")
    fmt = sniff_format(data, suffix, where)
    warnings: list[Notice] = []
    encoding: str | None = None
    hints: list[int] = []
    if fmt == "docx":
        styled = docx_lines(data, where, limit)
        raw_lines, hints = [t for t, _ in styled], [h for _, h in styled]
    elif fmt == "pdf":
        raw_lines = pdf_lines(data, where, limit)
    else:
        text, encoding = decode_text(data, where)
        check_looks_like_text(text, where)
        if encoding == "gb18030":
            warnings.append(Notice("encoding_fallback",
                                   "not UTF-8: decoded as GB18030 (GBK/GB2312 compatible)"))
        if fmt == "html":
            check_html_depth(data, where)
        raw_lines = html_lines(text) if fmt == "html" else _NEWLINES.split(text)
    longest = max(raw_lines, key=len, default="")
    if len(longest) > MAX_LINE_CHARS:
        raise InputError(where, f"has a line of {len(longest):,} characters; a report's "
                                f"paragraphs are far shorter (at most {MAX_LINE_CHARS:,} read)")
    lines = [Line(i, raw, hints[i - 1] if hints else 0) for i, raw in enumerate(raw_lines, 1)]
    lines = split_run_on(lines)
    pieces = Counter(ln.number for ln in lines)
    raw = {ln.number: ln.text for ln in lines if pieces[ln.number] == 1}  # widths, as wrapped
    normal = [Line(ln.number, normalize_line(ln.text), ln.heading) for ln in lines]
    blank = {ln.number for ln in normal if not ln.text}
    lines, split_markers = join_markers([ln for ln in normal if ln.text])
    if not lines:
        raise InputError(where, "has no text")
    # rejoined before clutter is matched: a caption wrapped at the width is one line again
    lines, joined = rejoin(lines, blank, wrapped=fmt == "pdf", raw=raw)
    head = lines[:_HEAD_LINES]
    lines, dropped = drop_clutter(lines)
    kept_numbers = {ln.number for ln in lines[:_HEAD_LINES]}
    removed_head = tuple(ln for ln in head if ln.number not in kept_numbers)
    lines, copies = keep_first_copy(lines)
    if dropped:
        warnings.append(Notice("clutter_removed",
                               f"{dropped} line{'s' if dropped != 1 else ''} of page clutter "
                               "removed (navigation, footers, captions, glossary)"))
    if copies > 1:
        warnings.append(Notice("repeated_body", f"the body occurs {copies} times; the first "
                                                "complete copy was kept"))
    lines, converted = _to_simplified(lines)
    if converted:
        warnings.append(Notice("traditional_converted",
                               "traditional characters converted to simplified"))
    if not lines:
        raise InputError(where, "has no report text once page clutter is removed")
    joined += split_markers
    if joined:
        warnings.append(Notice("lines_rejoined",
                               f"{joined} line{'s' if joined != 1 else ''} joined back into "
                               "paragraphs (the copy breaks lines inside paragraphs)"))
    digest = hashlib.sha256(data).hexdigest()
    return CleanText(Source(path, digest, fmt, encoding), tuple(lines), tuple(warnings),
                     removed_head)


def _limit(max_bytes: int | None) -> int:
    """The input limit in bytes: the argument, else REPORTDIFF_MAX_MB, else MAX_BYTES."""
    try:
        from_env = int(float(os.environ.get("REPORTDIFF_MAX_MB", 0) or 0) * 1024 * 1024)
    except ValueError:
        raise InputError("REPORTDIFF_MAX_MB", "is not a number of megabytes") from None
    return max_bytes or from_env or MAX_BYTES


def _acquire(source, name, limit: int) -> tuple[bytes, str, str]:
    if isinstance(source, (bytes, bytearray)):
        where = name or "<bytes>"
        data = bytes(source)
        if len(data) > limit:
            raise InputError(where, _too_large(len(data), limit))
        return data, where, Path(where).suffix.lower()
    text_path = os.fspath(source)
    if text_path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError("<stdin>", _too_large(len(data), limit, at_least=True))
        return data, name or "<stdin>", Path(name or "").suffix.lower()
    path = Path(text_path)
    if not path.exists():
        raise InputError(text_path, "no such file")
    if path.is_dir():
        raise InputError(text_path, "is a directory, not a report file")
    try:
        if not path.is_file():  # a FIFO, a device, /dev/fd/N: read at most the limit
            data = _read_special(text_path, limit)
            if len(data) > limit:
                raise InputError(text_path, _too_large(len(data), limit, at_least=True))
            return data, text_path, path.suffix.lower()
        size = path.stat().st_size
        if size > limit:
            raise InputError(text_path, _too_large(size, limit))
        data = path.read_bytes()
    except PermissionError:
        raise InputError(text_path, "permission denied") from None
    except OSError as err:
        raise InputError(text_path, f"cannot be read ({err.strerror or err})") from None
    return data, text_path, path.suffix.lower()


def _read_special(path: str, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of a non-regular file. Opened without blocking, so that a
    FIFO nobody writes to reads as empty instead of hanging; then read normally."""
    import fcntl

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (f"is {more}{size / 2**20:.1f} MB; reports are far smaller, so reportdiff stops at "
            f"{limit / 2**20:.0f} MB (set REPORTDIFF_MAX_MB to raise the limit)")


def _to_simplified(lines: list[Line]) -> tuple[list[Line], bool]:
    marks = set(lexicon.words("traditional"))
    sample = "".join(ln.text for ln in lines[:400])
    hits = sum(1 for ch in sample if ch in marks)
    if hits < 5 or hits < 0.005 * len(sample):
        return lines, False
    import opencc

    converter = opencc.OpenCC("t2s")
    return [Line(ln.number, converter.convert(ln.text), ln.heading, ln.last) for ln in lines], True
