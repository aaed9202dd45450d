"""Tables: the comparison as pandas DataFrames and CSV files (UTF-8 with BOM, for Excel)."""
from __future__ import annotations

from ..model import VIEWS, Comparison, _float_columns
from .files import frame_csv_bytes, write_files


def frames(c: Comparison) -> dict:
    """``ledger``, ``links``, ``changes``, ``priorities``, ``commitments`` and ``wording`` as
    DataFrames."""
    import pandas as pd

    titles = {"old": {s.id: s.title for s in c.old.walk()},
              "new": {s.id: s.title for s in c.new.walk()}}
    links = [{"view": view, "old": link.old, "old_title": titles["old"].get(link.old),
              "new": link.new, "new_title": titles["new"].get(link.new),
              "relation": link.relation, "score": link.score, "source": link.source}
             for view in VIEWS for link in c.links[view]]
    priorities = [{"kind": kind, "term": p.term, "old": p.old, "new": p.new, "z": round(p.z, 3),
                   "old_rate": p.old_rate, "new_rate": p.new_rate}
                  for kind, shifts in c.priorities.items() for p in shifts]
    return {"ledger": c.ledger.to_frame(), "links": _float_columns(pd.DataFrame(links)),
            "changes": c.changes.to_frame(),
            "priorities": _float_columns(pd.DataFrame(priorities)),
            "commitments": c.commitments.to_frame(), "wording": c.wording.to_frame()}


def write_csv(c: Comparison, directory: str) -> list[str]:
    """Write one CSV per table into ``directory`` (created if needed), all or none; the paths
    written."""
    return write_files(directory, {f"{name}.csv": frame_csv_bytes(frame)
                                   for name, frame in frames(c).items()})


def write_timeline_csv(t, directory: str) -> list[str]:
    """``series.csv`` (indicators by year) and ``ledger.csv`` (every year's targets)."""
    return write_files(directory, {"series.csv": frame_csv_bytes(t.series_frame()),
                                   "ledger.csv": frame_csv_bytes(t.ledger_frame())})
