"""One exception tree for the whole package.

Every error the library raises on purpose is a :class:`KGError`; the command
line turns it into one line on stderr and its ``exit_code`` (2 for bad input
or usage, 3 for a missing bundled file or a crashed query engine; a failed check exits
1 without an
error). Each class also subclasses the built-in it resembles, so
``except ValueError`` keeps working for callers who expect it.

Examples:
    >>> err = LoaderError("empty article", path="notes.md", line=3)
    >>> str(err)
    'notes.md:3: empty article'
    >>> isinstance(err, ValueError)
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
    "EngineCrashed",
    "KGError",
    "LoaderError",
    "NetworkRefused",
    "QueryError",
    "QueryRejected",
    "QueryTimeout",
    "ResourceMissing",
    "StoreError",
    "UsageError",
]


class KGError(Exception):
    """Raised when summit-kg cannot do what it was asked; the message says why.

    ``path`` and ``line``, when given, prefix the message as ``path:line:``.
    """

    exit_code = 2

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        super().__init__(self.__str__())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with path and line kept (errors cross from worker processes)."""
        return (_rebuild, (type(self), self.message, self.path, self.line))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.message


def _rebuild(kind: type[KGError], message: str, path: str | None, line: int | None) -> KGError:
    return kind(message, path=path, line=line)


class UsageError(KGError, ValueError):
    """Raised when arguments are malformed (a bad ``--param``, an unknown option value)."""


class LoaderError(KGError, ValueError):
    """Raised when a source cannot be read: missing, not text, empty, or malformed."""


class QueryError(KGError, ValueError):
    """Raised when a query cannot be found, parsed, bound or evaluated."""


class QueryRejected(QueryError):
    """Raised when a query would write, reach the network or read other graphs."""


class NetworkRefused(QueryRejected, PermissionError):
    """Raised in a query worker that tried to open a connection or look up a name."""


class QueryTimeout(QueryError, TimeoutError):
    """Raised when a query runs longer than its timeout (the worker is stopped)."""


class EngineCrashed(QueryError):
    """Raised when the query engine died in its worker (a crash, not bad input: exit 3)."""

    exit_code = 3


class StoreError(KGError, OSError):
    """Raised when a store cannot be opened, read or written."""


class ResourceMissing(KGError, FileNotFoundError):
    """Raised when a bundled file (ontology, query, default data) cannot be found."""

    exit_code = 3
