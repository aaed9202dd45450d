"""A panel's tables as files: CSV (UTF-8 with a BOM, for Excel) or Parquet (pyarrow), one file
per table, written as one set by :func:`reportdiff.render.files.write_files`: the set appears
whole or not at all, and a failed run leaves the previous files as they were."""
from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputError
from .files import frame_csv_bytes, write_files


def write_panel_csv(panel, directory: str) -> list[Path]:
    """``targets.csv``, ``metrics.csv``, ``series.csv``, ``skipped.csv``, ``duplicates.csv``."""
    tables = {f"{name}.csv": frame_csv_bytes(frame) for name, frame in panel.frames().items()}
    return [Path(p) for p in write_files(directory, tables)]


def write_panel_parquet(panel, directory: str) -> list[Path]:
    """The same tables as ``.parquet`` files."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("--parquet", "needs pyarrow (pip install pyarrow)") from None
    tables = {}
    for name, frame in panel.frames().items():
        buf = io.BytesIO()
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buf)
        tables[f"{name}.parquet"] = buf.getvalue()
    return [Path(p) for p in write_files(directory, tables)]
