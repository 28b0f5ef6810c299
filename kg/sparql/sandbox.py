"""Run a function in a forked worker with a wall-clock timeout and no network.

rdflib and pyoxigraph have no query timeout or cancel, and pyoxigraph can
crash the process on hostile input. A forked child (copy-on-write, so the
graph is not copied or pickled) evaluates the query and sends the answer
back through a pipe; the parent waits at most ``timeout`` seconds, then kills
it. In the child an audit hook refuses every socket connection and name
lookup unless the network was allowed, and the address space may grow by at
most :data:`MAX_WORKER_MEMORY` bytes (a query that materialises too much
fails with ``MemoryError`` instead of exhausting the machine). Where ``fork`` is not available the
function runs in-process, without a timeout.

Examples:
    >>> run_isolated(sum, [1, 2, 3], timeout=5)
    6
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import multiprocessing.connection
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from kg.errors import KGError, NetworkRefused, QueryError, QueryTimeout

__all__ = ["as_query_error", "can_fork", "run_isolated"]

T = TypeVar("T")
MAX_WORKER_MEMORY = 4 * 1024**3
"""Bytes of address space a query worker may add to what it inherits (Linux only)."""
_NETWORK_EVENTS = frozenset(
    {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"}
)


def can_fork() -> bool:
    """Whether queries can run in a forked worker on this platform."""
    return "fork" in multiprocessing.get_all_start_methods()


def _refuse_network(event: str, args: tuple[Any, ...]) -> None:
    if event in _NETWORK_EVENTS:
        raise NetworkRefused(f"network access is disabled for queries ({event})")


def _cap_memory() -> None:
    """Limit the worker's address space to what it has now plus :data:`MAX_WORKER_MEMORY`."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + MAX_WORKER_MEMORY
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):  # not Linux: no cap
        pass


def _silence_stderr() -> None:
    """Point the worker's file descriptor 2 at /dev/null (engines print there as they die).

    faulthandler (``PYTHONFAULTHANDLER``, pytest) keeps its own copy of the descriptor,
    so it is turned off too: the parent reports a crashed worker in one line.
    """
    faulthandler.disable()
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:
        pass


def _child(
    connection: multiprocessing.connection.Connection,
    function: Callable[..., Any],
    args: tuple[Any, ...],
    allow_network: bool,
) -> None:
    if not allow_network:
        sys.addaudithook(_refuse_network)
    _cap_memory()
    _silence_stderr()  # the answer, or the error, goes through the pipe: no stray tracebacks
    try:
        outcome: tuple[str, Any] = ("ok", function(*args))
    except Exception as exc:  # sent back and re-raised in the parent
        outcome = ("error", as_query_error(exc))
    try:
        connection.send(outcome)
    except Exception:
        message = "".join(traceback.format_exception_only(type(outcome[1]), outcome[1]))
        connection.send(("error", QueryError(f"query failed: {message.strip()}")))
    connection.close()


def as_query_error(exc: Exception) -> Exception:
    """Errors of our own pass as they are; an engine's own becomes one clear QueryError."""
    if isinstance(exc, KGError | PermissionError):
        return exc
    if isinstance(exc, RecursionError):
        return QueryError(
            "query too deeply nested to evaluate, or a property path over a chain too long "
            "for rdflib (about 1,000 links); Oxigraph has no such limit: --store oxigraph:PATH"
        )
    message = " ".join(str(exc).split())[:300]
    return QueryError(f"query failed: {type(exc).__name__}: {message}")


def run_isolated(
    function: Callable[..., T],
    *args: Any,
    timeout: float | None,
    allow_network: bool = False,
) -> T:
    """``function(*args)`` in a forked worker, stopped after ``timeout`` seconds.

    Raises:
        QueryTimeout: the worker did not answer in time (it is killed).
        QueryError: the worker crashed, or ``function`` raised (re-raised as is).
    """
    if timeout is None or not can_fork():
        try:
            return function(*args)
        except Exception as exc:
            error = as_query_error(exc)
            if error is exc:
                raise
            raise error from exc
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(sender, function, args, allow_network))
    worker.daemon = True
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(
                f"query stopped after {timeout:g} s without an answer "
                "(allow longer with --timeout SECONDS)"
            )
        try:
            status, value = receiver.recv()
        except EOFError:
            worker.join(1)
            code = worker.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            raise QueryError(f"query worker crashed ({how})") from None
    finally:
        if worker.is_alive():
            worker.kill()  # SIGKILL; a worker that just ended is no error
        worker.join(5)
        receiver.close()
    if status == "error":
        raise value
    result: T = value
    return result
