"""A panel's tables as files: CSV (UTF-8 with a BOM, for Excel) or Parquet (pyarrow), one file
per table. Each file is written beside its final name and renamed into place, so a failed run
leaves the previous files as they were."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from . import output_dir, write_frame


def _replace(tmp: Path, final: Path) -> None:
    try:
        os.replace(tmp, final)
    except OSError as err:
        raise InputError(str(final), f"cannot write ({err.strerror or err})") from None


def write_panel_csv(panel, directory: str) -> list[Path]:
    """``targets.csv``, ``metrics.csv``, ``series.csv``, ``skipped.csv``, ``duplicates.csv``."""
    out = output_dir(directory)
    written = []
    for name, frame in panel.frames().items():
        final = out / f"{name}.csv"
        tmp = out / f".{name}.csv.tmp"
        write_frame(frame, str(tmp))
        _replace(tmp, final)
        written.append(final)
    return written


def write_panel_parquet(panel, directory: str) -> list[Path]:
    """The same tables as ``.parquet`` files."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("--parquet", "needs pyarrow (pip install pyarrow)") from None
    out = output_dir(directory)
    written = []
    for name, frame in panel.frames().items():
        final = out / f"{name}.parquet"
        tmp = out / f".{name}.parquet.tmp"
        try:
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp)
        except OSError as err:
            raise InputError(str(final), f"cannot write ({err.strerror or err})") from None
        _replace(tmp, final)
        written.append(final)
    return written
