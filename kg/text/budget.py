"""The per-document time budget: reading one document (parse and extract) stops near it.

Reading is linear in a document's text, but a large hostile file still takes time; a
document whose reading runs past :func:`document_budget` seconds raises
:class:`~kg.errors.LoaderError`, naming the file, instead of holding up an ingest. The
check is cooperative: the parser and the extractor call :func:`check_budget` between
lines, blocks and sentences (a clock read, nothing more), so a document stops within one
block's or sentence's work of its budget.

The budget is :data:`DOCUMENT_BUDGET` seconds (assign to change it for the process), or
the ``SUMMIT_KG_DOCUMENT_BUDGET`` environment variable when set, or the ``budget`` given to
:func:`reading` (and to the loaders' ``read`` and ``load``).

Examples:
    >>> with reading("a.md", budget=60):
    ...     check_budget()  # well within its minute
    >>> import time
    >>> try:
    ...     with reading("slow.md", budget=0.001):
    ...         time.sleep(0.01)
    ...         check_budget()
    ... except LoaderError as exc:
    ...     print(exc)  # doctest: +ELLIPSIS
    slow.md: reading stopped: it exceeded the per-document budget of 0.001 s (...)
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from kg.errors import LoaderError, UsageError

__all__ = ["BUDGET_VARIABLE", "DOCUMENT_BUDGET", "check_budget", "document_budget", "reading"]

DOCUMENT_BUDGET = 30.0
"""Seconds one document's reading (parse and extract) may take, unless the environment says."""

BUDGET_VARIABLE = "SUMMIT_KG_DOCUMENT_BUDGET"
"""The environment variable that sets the budget, in seconds (a positive number)."""


@dataclass(frozen=True)
class _Deadline:
    source: str
    budget: float
    at: float


_current: ContextVar[_Deadline | None] = ContextVar("document_deadline", default=None)
_clock: Callable[[], float] = time.monotonic


def document_budget() -> float:
    """The budget in seconds: ``SUMMIT_KG_DOCUMENT_BUDGET`` if set, else :data:`DOCUMENT_BUDGET`.

    Raises:
        UsageError: the variable is set to something other than a positive, finite number.

    Examples:
        >>> document_budget() == DOCUMENT_BUDGET or BUDGET_VARIABLE in os.environ
        True
    """
    value = os.environ.get(BUDGET_VARIABLE, "").strip()
    if not value:
        return _checked(DOCUMENT_BUDGET, "DOCUMENT_BUDGET")
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    return _checked(seconds, f"{BUDGET_VARIABLE}={value!r}")


def _checked(seconds: float, name: str) -> float:
    if not (math.isfinite(seconds) and seconds > 0):
        raise UsageError(f"{name}: the per-document budget must be a positive number of seconds")
    return float(seconds)


@contextmanager
def reading(source: str | Path, budget: float | None = None) -> Iterator[None]:
    """Time the reading of one document: :func:`check_budget` inside raises once it is over.

    ``budget`` defaults to :func:`document_budget`. Inside the reading of another document
    (a loader's, which parses and then extracts) the outer budget holds: one budget per
    document, not per stage.

    Raises:
        UsageError: ``budget`` (or the configured budget) is not a positive, finite number.
    """
    if _current.get() is not None:
        yield
        return
    seconds = document_budget() if budget is None else _checked(budget, "budget")
    token = _current.set(_Deadline(str(source), seconds, _clock() + seconds))
    try:
        yield
    finally:
        _current.reset(token)


def check_budget() -> None:
    """Raise if the document being read has run past its budget (nothing outside a reading).

    Raises:
        LoaderError: the reading began more than its budget ago; the message names the file.
    """
    deadline = _current.get()
    if deadline is not None and _clock() > deadline.at:
        raise LoaderError(
            f"reading stopped: it exceeded the per-document budget of {deadline.budget:g} s "
            f"({BUDGET_VARIABLE} sets it)",
            path=deadline.source,
        )
