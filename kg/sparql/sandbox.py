"""Run a function in a worker process with a wall-clock timeout and no network.

rdflib and pyoxigraph have no query timeout or cancel, and pyoxigraph can
crash the process on hostile input. A forked child (copy-on-write, so the
graph is not copied or pickled) evaluates the query and sends the answer
back through a pipe; the parent waits at most ``timeout`` seconds (or, with no
timeout, as long as it takes), then kills it, so an engine that crashes ends
the worker, never the caller. A ``clean`` worker is a fresh interpreter
instead (``python -m kg.sparql.sandbox``) that shares nothing with the caller,
for a target it opens itself: an Oxigraph snapshot, which a forked copy of the
caller's RocksDB threads must not touch; without the network, one such worker is kept
warm for the next call (``--serve``), and a timeout or a crash retires it. Unless the
network was allowed, a worker first moves into a network namespace of its own, where no
interface is up (:func:`close_network`; Linux), so no connection leaves it, not even from an
engine's own HTTP client written in Rust; an audit hook also refuses every
socket connection and name lookup made from Python. The
address space may grow by at most :data:`MAX_WORKER_MEMORY` bytes (a query that
materialises too much fails with ``MemoryError`` instead of exhausting the
machine). Where ``fork`` is not available the function runs in-process,
without a timeout.

Examples:
    >>> run_isolated(sum, [1, 2, 3], timeout=5)
    6
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import faulthandler
import multiprocessing
import multiprocessing.connection
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from kg.errors import EngineCrashed, KGError, NetworkRefused, QueryError, QueryTimeout

__all__ = ["as_query_error", "can_fork", "close_network", "run_isolated"]

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1  # prctl(2)
MAX_WORKER_MEMORY = 4 * 1024**3
"""Bytes of address space a query worker may add to what it inherits (Linux only)."""
_NETWORK_EVENTS = frozenset(
    {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"}
)


def can_fork() -> bool:
    """Whether queries can run in a forked worker on this platform."""
    return "fork" in multiprocessing.get_all_start_methods()


_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


def close_network() -> str | None:
    """Move this process into a new, empty network namespace; the barrier in force, or ``None``.

    In the new namespace the only interface is a loopback that is down, so
    every ``connect`` fails (``ENETUNREACH``) whoever makes it: Python, or
    pyoxigraph's HTTP client for ``SERVICE``. Root gets a network namespace
    directly; another user needs a user namespace around it. Where the kernel
    allows neither (not Linux, or user namespaces disabled), nothing changes
    and ``None`` is returned: the audit hook is then the only barrier.

    Examples:
        >>> run_isolated(close_network, timeout=10) in (None, "network namespace")
        True
    """
    libc = _linux_libc()
    if libc is None:
        return None
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return "network namespace"
    return None


def _die_with_caller() -> None:
    """Have the kernel SIGKILL this worker once the thread that started it ends (Linux), so a
    worker whose caller was killed (a query timed out inside another worker) does not run on.
    Not for the warm worker: the thread that started it may end before the worker should."""
    libc = _linux_libc()
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _linux_libc() -> ctypes.CDLL | None:
    """The C library on Linux (for ``unshare`` and ``prctl``); ``None`` elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


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


def _prepare_worker(allow_network: bool) -> None:
    """Close the network, cap memory and silence stderr in a worker, before it runs anything."""
    if not allow_network:
        close_network()
        sys.addaudithook(_refuse_network)
    _cap_memory()
    _silence_stderr()  # the answer, or the error, goes through the pipe: no stray tracebacks


def _outcome(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
    try:
        return ("ok", function(*args))
    except Exception as exc:  # sent back and re-raised in the parent
        return ("error", as_query_error(exc))


def _unsendable(outcome: tuple[str, Any]) -> tuple[str, Any]:
    message = "".join(traceback.format_exception_only(type(outcome[1]), outcome[1]))
    return ("error", QueryError(f"query failed: {message.strip()}"))


def _child(
    connection: multiprocessing.connection.Connection,
    function: Callable[..., Any],
    args: tuple[Any, ...],
    allow_network: bool,
) -> None:
    _die_with_caller()
    _prepare_worker(allow_network)
    outcome = _outcome(function, args)
    try:
        connection.send(outcome)
    except Exception:
        connection.send(_unsendable(outcome))
    connection.close()


def _serve_clean() -> None:
    """The clean worker (``python -m kg.sparql.sandbox``): one pickled call on stdin, its
    pickled outcome on stdout."""
    _die_with_caller()
    function, args, allow_network = pickle.loads(sys.stdin.buffer.read())
    _prepare_worker(allow_network)
    sys.stdout.buffer.write(_pickled(_outcome(function, args)))
    sys.stdout.buffer.flush()


def _serve_warm() -> None:
    """The warm clean worker (``python -m kg.sparql.sandbox --serve``): its network closed
    once, then one framed pickled call after another on stdin, each outcome framed on
    stdout, until stdin closes."""
    _prepare_worker(False)
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    while len(header := requests.read(_HEADER.size)) == _HEADER.size:
        function, args = pickle.loads(requests.read(_HEADER.unpack(header)[0]))
        data = _pickled(_outcome(function, args))
        answers.write(_HEADER.pack(len(data)) + data)
        answers.flush()


def _pickled(outcome: tuple[str, Any]) -> bytes:
    try:
        return pickle.dumps(outcome)
    except Exception:
        return pickle.dumps(_unsendable(outcome))


_HEADER = struct.Struct(">Q")
"""The length before each framed request and answer of the warm worker."""


class _WarmWorker:
    """A clean worker kept between calls (no network, capped memory, nothing of the caller),
    so a query on a store this process writes costs its own time, not an interpreter's start.

    One call at a time; a call that times out or ends the worker retires it, and the next
    call starts a fresh one.
    """

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.sparql.sandbox", "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def call(self, request: bytes, timeout: float | None) -> bytes | None:
        """The framed answer to ``request``; ``None`` if the worker ended without one.

        Raises:
            TimeoutError: no answer within ``timeout`` seconds.
        """
        assert self.process.stdin is not None and self.process.stdout is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            self.process.stdin.write(_HEADER.pack(len(request)) + request)
            self.process.stdin.flush()
        except OSError:
            return None
        source = self.process.stdout.fileno()
        header = _read_exactly(source, _HEADER.size, deadline)
        if header is None:
            return None
        return _read_exactly(source, _HEADER.unpack(header)[0], deadline)

    def stop(self) -> None:
        """End the worker (SIGKILL) and reap it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()


def _read_exactly(source: int, size: int, deadline: float | None) -> bytes | None:
    """``size`` bytes from file descriptor ``source``; ``None`` at its end.

    Raises:
        TimeoutError: the bytes did not all come before ``deadline`` (monotonic seconds).
    """
    parts: list[bytes] = []
    while size:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select([source], [], [], wait)
        if not ready:
            raise TimeoutError
        part = os.read(source, min(size, 1 << 20))
        if not part:
            return None
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


_warm: _WarmWorker | None = None
_warm_lock = threading.Lock()


def _stop_warm() -> None:
    global _warm
    if _warm is not None and _warm.owner == os.getpid():
        _warm.stop()
    _warm = None


atexit.register(_stop_warm)


def _run_warm(
    function: Callable[..., Any], args: tuple[Any, ...], timeout: float | None
) -> tuple[str, Any] | None:
    """Run the call in the warm worker; ``None`` when it is busy with another thread's call."""
    global _warm
    if not _warm_lock.acquire(blocking=False):
        return None
    try:
        if _warm is None or _warm.owner != os.getpid() or _warm.process.poll() is not None:
            _warm = _WarmWorker()
        worker = _warm
        try:
            answer = worker.call(pickle.dumps((function, args)), timeout)
        except TimeoutError:
            _stop_warm()
            raise _timed_out(timeout) from None
        if answer is None:
            _stop_warm()
            code = worker.process.returncode
            raise _crashed(f"signal {-code}" if code < 0 else f"exit code {code}")
        outcome: tuple[str, Any] = pickle.loads(answer)
        return outcome
    finally:
        _warm_lock.release()


def _crashed(how: str) -> EngineCrashed:
    return EngineCrashed(
        f"the query engine crashed (its worker ended with {how}); nothing was changed"
    )


def _timed_out(timeout: float | None) -> QueryTimeout:
    return QueryTimeout(
        f"query stopped after {timeout:g} s without an answer (allow longer with --timeout SECONDS)"
    )


def _run_clean(
    function: Callable[..., Any], args: tuple[Any, ...], timeout: float | None, allow_network: bool
) -> tuple[str, Any]:
    """Run the call in a fresh interpreter: nothing of the caller (threads, locks) is inherited.

    Without the network, the interpreter is the warm worker kept from the last such call
    (unless another thread is using it).
    """
    if not allow_network:
        warm = _run_warm(function, args, timeout)
        if warm is not None:
            return warm
    request = pickle.dumps((function, args, allow_network))
    worker = subprocess.Popen(
        [sys.executable, "-m", "kg.sparql.sandbox"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        answer, _ = worker.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise _timed_out(timeout) from None
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait(5)
    if not answer:
        code = worker.returncode
        raise _crashed(f"signal {-code}" if code < 0 else f"exit code {code}")
    outcome: tuple[str, Any] = pickle.loads(answer)
    return outcome


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
    clean: bool = False,
) -> T:
    """``function(*args)`` in a worker process, stopped after ``timeout`` seconds (if any).

    ``clean`` starts a fresh interpreter (``python -m kg.sparql.sandbox``;
    ``function`` and ``args`` are pickled) instead of forking the caller.

    Raises:
        QueryTimeout: the worker did not answer in time (it is killed).
        EngineCrashed: the worker died without an answer (a segfault, an abort).
        QueryError: ``function`` raised (re-raised as is).
    """
    if not can_fork():
        try:
            return function(*args)
        except Exception as exc:
            error = as_query_error(exc)
            if error is exc:
                raise
            raise error from exc
    if clean:
        status, value = _run_clean(function, args, timeout, allow_network)
    else:
        status, value = _run_forked(function, args, timeout, allow_network)
    if status == "error":
        raise value
    result: T = value
    return result


def _run_forked(
    function: Callable[..., Any], args: tuple[Any, ...], timeout: float | None, allow_network: bool
) -> tuple[str, Any]:
    """Run the call in a forked copy of this process (the graph shared copy-on-write)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker: multiprocessing.process.BaseProcess | _PlainFork
    if multiprocessing.current_process().daemon:
        # a Pool or Dask worker may not have multiprocessing children: fork plainly
        worker = _PlainFork(_child, (sender, function, args, allow_network))
    else:
        worker = context.Process(target=_child, args=(sender, function, args, allow_network))
        worker.daemon = True
        worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise _timed_out(timeout)
        try:
            outcome: tuple[str, Any] = receiver.recv()
        except EOFError:
            worker.join(1)
            code = worker.exitcode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
            raise _crashed(how) from None
    finally:
        if worker.is_alive():
            worker.kill()  # SIGKILL; a worker that just ended is no error
        worker.join(5)
        receiver.close()
    return outcome


class _PlainFork:
    """A forked child without multiprocessing's bookkeeping, for a caller that is a daemonic
    multiprocessing worker itself (a ``Pool`` or Dask worker), which multiprocessing forbids
    to start children; the same calls as the ``Process`` it stands in for."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        self.exitcode: int | None = None
        self.pid = os.fork()
        if self.pid == 0:  # the child: never back into the caller's code or exit handlers
            code = 1
            try:
                target(*args)
                code = 0
            finally:
                os._exit(code)

    def is_alive(self) -> bool:
        """Whether the child has not ended (an ended one is reaped)."""
        if self.exitcode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exitcode = os.waitstatus_to_exitcode(status)
        return self.exitcode is None

    def kill(self) -> None:
        """SIGKILL the child."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout: float) -> None:
        """Wait at most ``timeout`` seconds for the child to end."""
        deadline = time.monotonic() + timeout
        while self.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        _serve_warm()
    else:
        _serve_clean()
