"""reportdiff: diff and analyse Chinese government work reports (政府工作报告) year over year.

>>> import reportdiff
>>> report = reportdiff.parse("各位代表：\\n一、2023年工作回顾\\n二、2024年工作安排\\n".encode(), name="r.txt")
>>> [s.title for s in report.sections]
['2023年工作回顾', '2024年工作安排']
"""
from __future__ import annotations

__version__ = "0.1.0"

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import InputError
    from .model import CleanText, Meta, Paragraph, Report, Section

# Importing the package costs nothing until a name is used, so that ``reportdiff --help``
# (whose module sits inside the package) does not pay for the model and the parser.
_LAZY = {"InputError": ".errors", "CleanText": ".model", "Meta": ".model",
         "Paragraph": ".model", "Report": ".model", "Section": ".model"}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    elif name == "parse":  # a callable module: ``reportdiff.parse(path | bytes | CleanText)``
        value = importlib.import_module(".parse", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def read_text(source, **kwargs) -> CleanText:
    """Ingest a file path, ``"-"`` or bytes (see ``reportdiff.ingest.read_text``)."""
    from .ingest import read_text as _read

    return _read(source, **kwargs)


def compare(old, new, **kwargs):
    """Compare two reports (paths, bytes or Reports): see ``reportdiff.align.compare``."""
    from .align import compare as _compare

    return _compare(old, new, **kwargs)


def timeline(sources, **kwargs):
    """Follow several reports: see ``reportdiff.align.timeline``."""
    from .align import timeline as _timeline

    return _timeline(sources, **kwargs)


def panel(paths, **kwargs):
    """A corpus at once (files, folders, globs): see ``reportdiff.corpus.panel``."""
    from .corpus import panel as _panel

    return _panel(paths, **kwargs)


__all__ = ["parse", "compare", "timeline", "panel", "read_text", "InputError", "Report", "Section", "Paragraph", "Meta",
           "CleanText", "__version__"]
