"""Writing output files: the one way reportdiff puts anything on disk.

Every file is written to a temporary file in its target's directory, flushed, synced and
renamed into place, so a reader never sees half a file and a failed run leaves the previous
output byte-identical. A set of files (the CSV tables, the timeline pages) is staged in a
temporary directory beside its target and moved in together, or not at all. Inside
``outputs()`` (the CLI wraps each command in it) nothing is put in place until the command
has succeeded: a run that fails half-way overwrites nothing.

A target that exists and is not a regular file (``/dev/stdout``, ``/dev/null``, a FIFO) is
written in place: it cannot be replaced. A symbolic link is followed. Every failure is an
:class:`InputError` naming the path and the OS error.

>>> import tempfile, os
>>> d = tempfile.mkdtemp()
>>> write_text(os.path.join(d, "a.json"), "{}")
>>> write_text(os.path.join(d, "no", "such", "dir.json"), "{}")
Traceback (most recent call last):
...
reportdiff.errors.InputError: ...dir.json: cannot write (No such file or directory)
>>> neutralise("=HYPERLINK(1)"), neutralise("-0.5"), neutralise("-改革")
("'=HYPERLINK(1)", '-0.5', "'-改革")
"""
from __future__ import annotations

import contextlib
import contextvars
import io
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..errors import InputError

__all__ = ["write_text", "write_bytes", "write_frame", "write_files", "output_dir",
           "outputs", "neutralise", "frame_csv_bytes"]

_PREFIX = ".reportdiff-"
_active: contextvars.ContextVar[_Batch | None] = contextvars.ContextVar("outputs", default=None)


def _error(path: str | os.PathLike, err: OSError, doing: str = "cannot write") -> InputError:
    return InputError(os.fspath(path), f"{doing} ({err.strerror or err})")


def _mode_for(target: str) -> int:
    """The existing file's permissions, else what ``open()`` would give under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _special(target: str) -> bool:
    """An existing target that is not a regular file (a device, a FIFO): write in place."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode) and not os.path.isdir(target)
    except OSError:
        return False


def _sync_dir(directory: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stage(target: str, shown: str, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``target``; its path."""
    directory = os.path.dirname(target) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=_PREFIX, suffix=".tmp", dir=directory)
    except OSError as err:
        raise _error(shown, err) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(target))
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _error(shown, err) from None
    return tmp


class _Batch:
    """Staged files and file sets, put in place together by :meth:`commit`."""

    def __init__(self) -> None:
        self.files: list[tuple[str, str]] = []            # (temporary file, target)
        self.sets: list[tuple[str, str, list[str]]] = []  # (staging dir, target dir, names)

    def discard(self) -> None:
        for tmp, _ in self.files:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        for staging, _, _ in self.sets:
            shutil.rmtree(staging, ignore_errors=True)
        self.files, self.sets = [], []

    def commit(self) -> None:
        """Rename everything into place; on a failure, put back what was replaced."""
        moves = [(tmp, target) for tmp, target in self.files]
        new_dirs = []
        for staging, target, names in self.sets:
            if os.path.isdir(target):
                moves.extend((os.path.join(staging, n), os.path.join(target, n)) for n in names)
            else:
                new_dirs.append((staging, target))
        done: list[tuple[str, str, str | None]] = []  # (source, target, backup)
        try:
            for source, target in moves:
                backup = _backup(target)
                done.append((source, target, backup))
                os.replace(source, target)
            for staging, target in new_dirs:
                os.rename(staging, target)
                done.append((staging, target, None))
        except OSError as err:
            for source, target, backup in reversed(done):
                with contextlib.suppress(OSError):
                    if os.path.isdir(target) and not os.path.isdir(source):
                        os.rename(target, source)
                    elif backup is not None:
                        os.replace(backup, target)
                    elif os.path.exists(target) and not os.path.exists(source):
                        os.replace(target, source)
                if backup is not None and os.path.exists(backup):  # rename() of a hard link
                    with contextlib.suppress(OSError):            # onto itself does nothing
                        os.unlink(backup)
            self.discard()
            raise _error(err.filename or "output", err) from None
        for _, target, backup in done:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
        for directory in {os.path.dirname(t) or "." for _, t in moves} | {t for _, t in new_dirs}:
            _sync_dir(directory)
        for staging, _, _ in self.sets:
            shutil.rmtree(staging, ignore_errors=True)
        self.files, self.sets = [], []


def _backup(target: str) -> str | None:
    """A hard link to the file that ``target`` replaces, so that a failed batch can put it
    back (renames only: restoring needs no disk space)."""
    if not os.path.isfile(target):
        return None
    backup = os.path.join(os.path.dirname(target) or ".",
                          f"{_PREFIX}{os.getpid()}-{os.path.basename(target)}.old")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(backup)
        os.link(target, backup)
    except OSError:
        return None
    return backup


@contextlib.contextmanager
def outputs() -> Iterator[_Batch]:
    """Stage every file written inside the block; put them all in place when it ends
    without an exception, none of them when it raises."""
    batch = _Batch()
    token = _active.set(batch)
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise
    finally:
        _active.reset(token)
    batch.commit()


def _add(batch: _Batch | None) -> tuple[_Batch, bool]:
    """The active batch, or a new one to commit at once."""
    return (batch, False) if batch is not None else (_Batch(), True)


def write_bytes(path: str | os.PathLike, data: bytes, *, staged: bool = True) -> None:
    """Write ``data`` to ``path`` atomically; inside ``outputs()`` it is staged until the
    block succeeds, unless ``staged`` is false (a cache entry is kept whatever happens)."""
    shown = os.fspath(path)
    target = os.path.realpath(shown)
    if _special(target):
        try:
            with open(target, "wb") as fh:
                fh.write(data)
                fh.flush()
        except OSError as err:
            raise _error(shown, err) from None
        return
    if os.path.isdir(target):
        raise InputError(shown, "cannot write (is a directory)")
    tmp = _stage(target, shown, data)
    batch, now = _add(_active.get() if staged else None)
    batch.files.append((tmp, target))
    if now:
        batch.commit()


def write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically; a failure is an InputError naming it."""
    write_bytes(path, text.encode("utf-8"))


def write_files(directory: str | os.PathLike, files: Mapping[str, bytes | str]) -> list[str]:
    """Write a set of files into ``directory`` whole or not at all: staged in a temporary
    directory beside it (inside it when it exists), then moved in. Other files in
    ``directory`` are left alone. The paths written, in order."""
    shown = os.fspath(directory)
    target = os.path.realpath(shown)
    parent = os.path.dirname(target) or "."
    if os.path.exists(target) and not os.path.isdir(target):
        raise InputError(shown, "cannot write (exists and is not a directory)")
    try:
        os.makedirs(parent, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=_PREFIX, dir=target if os.path.isdir(target) else parent)
    except OSError as err:
        raise _error(shown, err, "cannot create directory") from None
    try:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            staged = os.path.join(staging, name)
            try:
                with open(staged, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.chmod(staged, _mode_for(os.path.join(target, name)))
            except OSError as err:
                raise _error(os.path.join(shown, name), err) from None
        os.chmod(staging, 0o777 & ~_umask())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    batch, now = _add(_active.get())
    batch.sets.append((staging, target, list(files)))
    if now:
        batch.commit()
    return [str(Path(shown) / name) for name in files]


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def output_dir(directory: str | os.PathLike) -> Path:
    """``directory`` as a Path, created if needed; a failure is an InputError naming it."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _error(directory, err, "cannot create directory") from None
    return out


#: OWASP's list: a cell starting with one of these is a formula to Excel and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'``; numbers
    (also a number written as text, like ``-0.5``) and other values unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def frame_csv_bytes(frame) -> bytes:
    """A DataFrame as CSV bytes in UTF-8 with a BOM (so that Excel shows Chinese), every text
    cell neutralised against formula injection."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) in ("string", "str"):
            safe[column] = safe[column].map(neutralise)
    renamed = {c: neutralise(c) for c in safe.columns if isinstance(c, str)}
    safe = safe.rename(columns=renamed)
    buf = io.StringIO()
    safe.to_csv(buf, index=False)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def write_frame(frame, path: str | os.PathLike) -> None:
    """A DataFrame as one CSV file, atomically (see :func:`frame_csv_bytes`)."""
    write_bytes(path, frame_csv_bytes(frame))
