"""Where a panel's tasks run: in this process, on a local process pool, or on a
dask.distributed cluster. Whichever runs them, results come back in the order the tasks were
given, so the panel is the same, byte for byte.

>>> with Executor(jobs=1) as ex:
...     list(ex.map(abs, [(-2,), (3,), (-1,)]))
[2, 3, 1]
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator

__all__ = ["Executor", "default_jobs"]


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class Executor:
    """``jobs`` local processes (1: this process), or a dask cluster when ``dask`` is given:
    a scheduler address, ``"local"`` (a LocalCluster of ``jobs`` workers on the loopback), or
    an existing ``distributed.Client``. ``preload`` runs here before a pool forks its workers."""

    def __init__(self, jobs: int | None = None, dask: Any = None,
                 preload: Callable[[], None] | None = None):
        if jobs is not None and jobs < 1:
            from ..errors import InputError

            raise InputError("--jobs", f"must be at least 1 (got {jobs})")
        self.jobs = jobs or default_jobs()
        self.dask = dask
        self.preload = preload
        self._pool = None
        self._client = None
        self._cluster = None

    @property
    def name(self) -> str:
        if self.dask is not None:
            return "dask"
        return f"{self.jobs} process{'es' if self.jobs > 1 else ''}"

    def __enter__(self) -> "Executor":
        if self.dask is not None:
            self._client = self._connect(self.dask)
        elif self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if self.preload and multiprocessing.get_start_method() == "fork":
                self.preload()  # forked workers start with it done
            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        return self

    def _connect(self, dask: Any):
        from ..errors import InputError

        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise InputError("--dask", "needs dask.distributed (pip install 'dask[distributed]')") from None
        if not isinstance(dask, str):
            return dask  # a Client the caller owns (and closes)
        try:
            if dask == "local":
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                             host="127.0.0.1", dashboard_address=None,
                                             silence_logs=40)
                return Client(self._cluster)
            return Client(dask, timeout="10s")
        except OSError as err:
            raise InputError(dask, f"cannot reach the dask scheduler ({err})") from None

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        if isinstance(self.dask, str) and self._client is not None:  # ours: close it
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map(self, func: Callable, calls: Iterable[tuple], on_done: Callable[[], None] | None = None
            ) -> Iterator:
        """``func(*args)`` for each ``args`` in ``calls``, yielded in that order; ``on_done``
        is called as each finishes (in whatever order they finish)."""
        calls = list(calls)
        tick = on_done or (lambda: None)
        if self._client is not None:
            yield from self._ordered_dask(func, calls, tick)
        elif self._pool is not None:
            yield from self._ordered_pool(func, calls, tick)
        else:
            for args in calls:
                result = func(*args)
                tick()
                yield result

    def _ordered_pool(self, func, calls, tick):
        futures = [self._pool.submit(func, *args) for args in calls]
        for future in futures:
            future.add_done_callback(lambda _: tick())
        for future in futures:
            yield future.result()

    def _ordered_dask(self, func, calls, tick):
        futures = [self._client.submit(func, *args, pure=False) for args in calls]
        for future in futures:
            future.add_done_callback(lambda _: tick())
        for future in futures:
            yield future.result()
            future.release()
