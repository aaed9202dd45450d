"""Mutations of real reports, as a hostile copy would damage them: byte flips, shuffled lines,
deleted headings, edited digits, truncation. Each is a function of the bytes and a seeded
``random.Random``, so a case is reproduced from ``(file, mutation, seed)`` alone.

>>> import random
>>> truncate("一、工作回顾\\n各位代表".encode(), random.Random(1)).decode("utf-8", "replace")[:1]
'一'
"""
from __future__ import annotations

import random
import re

_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是)")


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _lines(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").split("\n")


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    start = rng.randrange(len(lines))
    window = lines[start:start + rng.randint(2, 60)]
    rng.shuffle(window)
    lines[start:start + len(window)] = window
    return "\n".join(lines).encode()


def delete_headings(data: bytes, rng: random.Random) -> bytes:
    share = rng.random()
    return "\n".join(ln for ln in _lines(data)
                     if not (_HEADING.match(ln) and rng.random() < share)).encode()


def edit_digits(data: bytes, rng: random.Random) -> bytes:
    text = _lines(data)
    share = rng.random() * 0.3
    digits = "0123456789０１２３４５６７８９.%．"

    def edit(m: re.Match) -> str:
        if rng.random() > share:
            return m.group(0)
        return "".join(rng.choice(digits) for _ in range(rng.randint(0, 6)))

    return "\n".join(re.sub(r"[\d０-９.%．]+", edit, ln) for ln in text).encode()


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data) + 1)]


MUTATIONS = {f.__name__: f for f in (flip_bytes, shuffle_lines, delete_headings, edit_digits,
                                     truncate)}


def mutate(data: bytes, name: str, seed: int) -> bytes:
    """Apply one mutation, or two when the seed is odd."""
    rng = random.Random(seed)
    out = MUTATIONS[name](data, rng)
    if seed % 2 and out:
        out = MUTATIONS[rng.choice(sorted(MUTATIONS))](out, rng)
    return out


def check_parse(data: bytes, name: str):
    """Parse a mutant: a Report (serialised to be sure) or None for an InputError; anything
    else raised is a crash."""
    import reportdiff
    from reportdiff.errors import InputError

    try:
        report = reportdiff.parse(data, name=name)
    except InputError:
        return None
    report.to_dict()
    report.metrics_document()
    return report


def check_compare(old, new) -> None:
    import reportdiff

    comparison = reportdiff.compare(old, new)
    comparison.to_dict()
