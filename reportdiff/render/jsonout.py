"""JSON as the contract wants it: UTF-8, Chinese unescaped, keys in model order."""
from __future__ import annotations

import json


def dumps(document: dict) -> str:
    """Two-space indented JSON.

    >>> print(dumps({"b": 1, "a": "海淀"}))
    {
      "b": 1,
      "a": "海淀"
    }
    """
    return json.dumps(document, ensure_ascii=False, indent=2)
