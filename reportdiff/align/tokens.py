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
from functools import lru_cache

from .. import lexicon

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NUMBERISH = re.compile(r"^[\d.%％,，万亿千百十一二三四五六七八九两零〇]+$")


@lru_cache(maxsize=1)
def _engine():
    import rjieba

    for term in lexicon.words("terms"):
        rjieba.add_word(term, 100000, "nz")
    return rjieba


# Each text is segmented once per process: a report's sections are units of two views, and
# in a timeline each report is one side of two pairs.
_CACHE_SIZE = 1 << 15


@lru_cache(maxsize=_CACHE_SIZE)
def _cut(text: str) -> tuple[str, ...]:
    return tuple(t for t in _engine().cut(text) if _WORD.search(t))


@lru_cache(maxsize=_CACHE_SIZE)
def _tag(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w, tag) for w, tag in _engine().tag(text) if _WORD.search(w))


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` (punctuation and spaces dropped)."""
    return list(_cut(text))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon.words("stopwords"))


def content_tokens(text: str) -> list[str]:
    """Tokens that carry topic: no function words, boilerplate verbs or numbers."""
    stop = _stopwords()
    return [t for t in tokens(text) if len(t) >= 2 and t not in stop and not _NUMBERISH.match(t)]


def tagged(text: str) -> list[tuple[str, str]]:
    """``(token, part of speech)`` pairs, as jieba tags them."""
    return list(_tag(text))
