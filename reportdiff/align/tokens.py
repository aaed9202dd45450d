"""The tokenizer, behind one small function so that the engine can be swapped.

jieba's segmentation run by rjieba (identical tokens, no dictionary load time), with the
policy terms of ``lexicon/terms.txt`` kept whole.

>>> tokens("加快发展新质生产力，推动人工智能大模型产业发展")
['加快', '发展', '新质生产力', '推动', '人工智能大模型', '产业', '发展']
>>> content_tokens("加快发展新质生产力，推动人工智能大模型产业发展")
['新质生产力', '人工智能大模型', '产业']
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from .. import lexicon

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NUMBERISH = re.compile(r"^[\d.%％,，万亿千百十一二三四五六七八九两零〇]+$")


@lru_cache(maxsize=1)
def _engine():
    import rjieba

    for term in lexicon.words("terms"):
        rjieba.add_word(term, 100000, "nz")
    return rjieba


# Each text is segmented once per process (a report's sections are units of two views, in a
# timeline each report is one side of two pairs), and the segmentation of a report can be
# stored with it (``token_tables``) so that a panel's pair tasks in other processes, or a later
# run, need not segment it again — nor import the engine at all.
_MEMO_MAX = 1 << 16
_memo: dict[str, dict] = {"cut": {}, "tag": {}}
_recording: list[dict[str, dict]] = []


def _remember(kind: str, text: str, value: tuple) -> tuple:
    memo = _memo[kind]
    if len(memo) >= _MEMO_MAX:  # a long-running process over a whole corpus: start afresh
        memo.clear()
    memo[text] = value
    for record in _recording:
        record[kind][text] = value
    return value


def _memoised(kind: str, text: str, compute) -> tuple:
    hit = _memo[kind].get(text)
    if hit is None:
        return _remember(kind, text, compute(text))
    if _recording:
        _remember(kind, text, hit)
    return hit


def _cut_now(text: str) -> tuple[str, ...]:
    tags = _memo["tag"].get(text)
    if tags is not None:  # the engine's tag() is its cut() with each word's part of speech
        return tuple(w for w, _ in tags)
    return tuple(w for w in _engine().cut(text) if _WORD.search(w))


def _cut(text: str) -> tuple[str, ...]:
    return _memoised("cut", text, _cut_now)


def _tag(text: str) -> tuple[tuple[str, str], ...]:
    return _memoised("tag", text,
                     lambda t: tuple((w, g) for w, g in _engine().tag(t) if _WORD.search(w)))


def clear() -> None:
    """Forget every segmentation (benchmarks measure cold runs with it)."""
    for memo in _memo.values():
        memo.clear()


@contextmanager
def recording() -> Iterator[dict[str, dict]]:
    """The texts segmented or tagged inside the block, with their tokens: what a report's
    cache entry keeps (see ``token_tables``)."""
    record: dict[str, dict] = {"cut": {}, "tag": {}}
    _recording.append(record)
    try:
        yield record
    finally:
        _recording.remove(record)


def prime(tables: dict[str, dict]) -> None:
    """Make stored segmentations known, as if this process had computed them."""
    for kind, table in tables.items():
        for text, value in table.items():
            _remember(kind, text, value)


def trim_caches(max_entries: int) -> None:
    """Forget the segmented texts once more than ``max_entries`` are kept: a panel compares
    pair after pair of a whole corpus, and reuse only happens between neighbouring pairs."""
    if sum(len(memo) for memo in _memo.values()) > max_entries:
        clear()


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` (punctuation and spaces dropped)."""
    return list(_cut(text))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords"))


@lru_cache(maxsize=1 << 16)
def _is_content(token: str) -> bool:
    return len(token) >= 2 and token not in _stopwords() and not _NUMBERISH.match(token)


def content_tokens(text: str) -> list[str]:
    """Tokens that carry topic: no function words, boilerplate verbs or numbers."""
    # a report repeats its words: each one is judged once (filter and the cache run in C)
    return list(filter(_is_content, _cut(text)))


def tagged(text: str) -> list[tuple[str, str]]:
    """``(token, part of speech)`` pairs, as jieba tags them."""
    return list(_tag(text))
