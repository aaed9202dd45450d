"""Domain knowledge as data: tables under this folder, loaded once.

>>> load("headings")["rules"][0]["name"]
'part'
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["load", "words", "alternation", "tomllib"]


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The TOML table ``reportdiff/lexicon/<name>.toml``."""
    data = resources.files(__package__).joinpath(f"{name}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The non-comment lines of ``reportdiff/lexicon/<name>.txt``."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text("utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=None)
def alternation(name: str, key: str) -> re.Pattern[str]:
    """One compiled regex OR-ing the patterns listed under ``key`` of table ``name``."""
    return re.compile("|".join(f"(?:{p})" for p in load(name)[key]))
