"""The on-disk cache of parsed and extracted reports, and of the ledgers of compared pairs.

An entry is keyed by the sha256 of the file's bytes and by the code that made it: reportdiff's
version plus a fingerprint of the package's own source and lexicon files, so an edited rule
(or an editable install moving on) never serves a stale Report. Entries are pickles of the
frozen model dataclasses: the cache is local to one user (platformdirs' user cache dir, or
``--cache-dir``), written only by this code and read back only by the same version of it, which
is what pickle is safe and fast for (a Report loads in about 1 ms, ten times faster than
parsing its JSON would be, and no loader for the report document exists). Writes go to a
temporary file in the same folder and are renamed into place, so a reader never sees half an
entry; an entry that fails to load (truncated, corrupt, another format) is ignored and rebuilt.

>>> import tempfile
>>> cache = ReportCache(tempfile.mkdtemp())
>>> cache.get("report", "ab" * 32) is None
True
>>> cache.put("report", "ab" * 32, {"x": 1}); cache.get("report", "ab" * 32)
{'x': 1}
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

__all__ = ["ReportCache", "code_version", "default_cache_dir", "run_cache_root", "file_sha256"]

#: Environment variable naming the cache folder (the test suite points it at a temporary one).
CACHE_ENV = "REPORTDIFF_CACHE_DIR"


@lru_cache(maxsize=None)
def code_version() -> str:
    """reportdiff's version, the Python version and a digest of the package's files."""
    from .. import __version__

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".toml", ".txt") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}-py{sys.version_info[0]}{sys.version_info[1]}-{digest.hexdigest()[:16]}"


def default_cache_dir() -> str:
    """``$REPORTDIFF_CACHE_DIR``, else platformdirs' user cache dir for reportdiff."""
    if os.environ.get(CACHE_ENV):
        return os.environ[CACHE_ENV]
    import platformdirs

    return platformdirs.user_cache_dir("reportdiff", appauthor=False)


def run_cache_root(stack, cache: bool, cache_dir: str | os.PathLike | None) -> str:
    """The cache folder of one run: ``cache_dir``, else the default one; with ``cache`` off, a
    temporary folder removed when ``stack`` closes (the run's own tasks still share it, so
    that a pair's task need not parse its reports again)."""
    if not cache:
        return stack.enter_context(tempfile.TemporaryDirectory(prefix="reportdiff-"))
    return os.fspath(cache_dir) if cache_dir else default_cache_dir()


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ReportCache:
    """Entries of a kind (``report``, ``pair``) under ``<root>/<code version>/<kind>/``."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root) / code_version()

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str):
        """The entry, or None when absent or unreadable (it will be rebuilt)."""
        try:
            with open(self._path(kind, key), "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # truncated or corrupt: ignored, and overwritten by the next put
            return None

    def put(self, kind: str, key: str, value) -> None:
        """Store atomically; a cache that cannot be written is not an error (the run goes on
        without it)."""
        from ..errors import InputError
        from ..render.files import write_bytes

        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), staged=False)
        except (OSError, InputError):
            pass
