"""The one exception the CLI turns into a one-line message and exit status 2."""
from __future__ import annotations


class InputError(Exception):
    """Bad input or usage: ``str(err)`` is the one line shown to the user."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem

    def __reduce__(self):
        # raised in a worker process or on a dask worker, it crosses back by pickle
        return (InputError, (self.where, self.problem))
