"""Render: presentation only. Renderers take model objects and compute nothing."""
from __future__ import annotations

from ..errors import InputError


def write_text(path: str, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path``; a failure is an InputError naming the file."""
    try:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as err:
        raise InputError(path, f"cannot write ({err.strerror or err})") from None


def output_dir(directory: str):
    """``directory`` as a Path, created if needed; a failure is an InputError naming it."""
    from pathlib import Path

    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(directory, f"cannot create directory ({err.strerror or err})") from None
    return out


def write_frame(frame, path: str) -> None:
    """A DataFrame as CSV in UTF-8 with a BOM, so that Excel shows Chinese."""
    try:
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    except OSError as err:
        raise InputError(str(path), f"cannot write ({err.strerror or err})") from None
