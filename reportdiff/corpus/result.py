"""The panel a corpus gives: targets, review metrics, series, skipped files, duplicates."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Notice

PANEL_SCHEMA = "reportdiff/panel@1"

__all__ = ["Panel", "PANEL_SCHEMA", "flat"]


def flat(row: dict) -> dict:
    """A panel row for a table: nested provenances become ``plan_file``, ``plan_line_first``
    …, lists of years become comma-separated text.

    >>> flat({"a": 1, "review": {"file": "x.txt", "lines": [3, 4]}, "years": [2012, 2013]})
    {'a': 1, 'review_file': 'x.txt', 'review_section': None, 'review_line_first': 3, 'review_line_last': 4, 'review_sentence': None, 'years': '2012,2013'}
    """
    out = {}
    for key, value in row.items():
        if key in ("plan", "review"):  # a provenance, or None
            where = value or {}
            lines = where.get("lines") or [None, None]
            out.update({f"{key}_file": where.get("file"), f"{key}_section": where.get("section"),
                        f"{key}_line_first": lines[0], f"{key}_line_last": lines[1],
                        f"{key}_sentence": where.get("sentence")})
        elif key == "lines":
            out["line_first"], out["line_last"] = value or [None, None]
        elif isinstance(value, list):
            out[key] = ",".join(str(v) for v in value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True, slots=True)
class Panel:
    """``targets``, ``metrics`` and ``series`` rows (dicts in contract order), ``skipped``
    files with the reason, the ``duplicates`` left out, run ``warnings``; ``stats`` counts what
    this run parsed and compared (not part of the document: it differs with the cache)."""

    series: tuple[dict, ...]
    targets: tuple[dict, ...]
    metrics: tuple[dict, ...]
    skipped: tuple[dict, ...]
    duplicates: tuple[dict, ...] = ()
    warnings: tuple[Notice, ...] = ()
    stats: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        return {"schema": PANEL_SCHEMA, "series": list(self.series),
                "targets": list(self.targets), "metrics": list(self.metrics),
                "skipped": list(self.skipped), "duplicates": list(self.duplicates),
                "warnings": [w.to_dict() for w in self.warnings]}

    def to_json(self) -> str:
        from ..render.jsonout import dumps

        return dumps(self.to_dict())

    def _frame(self, rows, columns: tuple[str, ...]):
        import pandas as pd

        if rows:
            return pd.DataFrame([flat(r) for r in rows])
        return pd.DataFrame(columns=list(columns))

    def targets_frame(self):
        """One row per target: plan_file/plan_section/plan_line_first… for the provenance."""
        return self._frame(self.targets, ("series", "plan_year", "indicator", "status"))

    def metrics_frame(self):
        return self._frame(self.metrics, ("series", "year", "indicator", "value", "unit"))

    def series_frame(self):
        return self._frame(self.series, ("series", "level", "years", "gaps"))

    def skipped_frame(self):
        return self._frame(self.skipped, ("path", "reason"))

    def duplicates_frame(self):
        return self._frame(self.duplicates, ("series", "plan_year", "kept", "dropped"))

    def frames(self) -> dict:
        """Every table by name (the files ``--csv`` and ``--parquet`` write)."""
        return {"targets": self.targets_frame(), "metrics": self.metrics_frame(),
                "series": self.series_frame(), "skipped": self.skipped_frame(),
                "duplicates": self.duplicates_frame()}

    def __rich__(self):
        from ..render.panel_terminal import panel_view

        return panel_view(self)

    def _repr_html_(self) -> str:
        """A fragment for Jupyter, its styles scoped to it: one row per series."""
        from ..render.notebook import panel_fragment

        return panel_fragment(self)

    def __repr__(self) -> str:
        counts = {}
        for row in self.targets:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        graded = ", ".join(f"{counts[s]} {s}" for s in ("met", "missed", "not_reported", "unclear")
                           if counts.get(s))
        reports = sum(s["reports"] for s in self.series)
        return (f"<Panel {len(self.series)} series, {reports} reports, {len(self.targets)} targets"
                f"{' (' + graded + ')' if graded else ''}, {len(self.metrics)} review metrics, "
                f"{len(self.skipped)} skipped>")
