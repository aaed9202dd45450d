"""Render: presentation only. Renderers take model objects and compute nothing.

Files are written by :mod:`reportdiff.render.files` (atomically, CSV cells made safe); its
helpers are re-exported here.
"""
from __future__ import annotations

from .files import output_dir, outputs, write_bytes, write_files, write_frame, write_text

__all__ = ["output_dir", "outputs", "write_bytes", "write_files", "write_frame", "write_text"]
