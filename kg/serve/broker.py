"""The query broker: a single-threaded process that owns the graph and forks a worker per query.

A web server has threads (the event loop's helpers, the thread pool), and
forking a process with threads can deadlock the child (a lock another thread
held at the fork stays held for ever; Python 3.12 warns about it). The
runner forks a worker per query (:mod:`kg.sparql.sandbox`), so the server
never runs it itself: it starts this broker first, as a fresh interpreter
(``python -m kg.serve.broker``, started by ``subprocess``, which execs at
once and is safe from any thread), hands it the graph's named graphs, and
sends it queries. The broker has one thread; for each query it forks a child
that calls :meth:`kg.graph.SummitGraph.query` (the gate, the typed
parameters, the timeout and the row cap of the command line, which forks
the engine's own worker from that single-threaded child) and sends back
the answer. The catalogue's queries are checked and parsed once, in the broker
before its first fork (:func:`kg.sparql.runner.warm_catalogue`), so no child
repeats that work. The broker waits on all its children at once with ``select``, so a slow
query never holds up the others; a child that outlives its query's timeout
by :data:`GRACE` seconds is killed.

Messages on the pipes are length-prefixed pickles (:func:`write_frame`,
:func:`read_frame`); only this package's two ends read them.

Examples:
    >>> import io
    >>> buffer = io.BytesIO()
    >>> write_frame(buffer, ("query", 1))
    >>> _ = buffer.seek(0)
    >>> read_frame(buffer)
    ('query', 1)
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Any

__all__ = ["GRACE", "MAX_CHILDREN", "read_frame", "serve_forever", "write_frame"]

GRACE = 5.0
"""Seconds past a query's timeout before the broker kills the child that runs it."""
MAX_CHILDREN = max(4, 2 * (os.cpu_count() or 2))
"""Queries evaluated at once; more wait in the broker's queue, in order."""
_HEADER = struct.Struct(">Q")


def write_frame(stream: IO[bytes], message: object) -> None:
    """Write ``message`` as one length-prefixed pickle and flush."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """Read one length-prefixed pickle; ``None`` at end of stream."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    data = _read_exactly(stream, _HEADER.unpack(header)[0])
    if data is None:
        return None
    return pickle.loads(data)


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass
class _Child:
    """A forked child running one query: its request id, pid, pipe and deadline."""

    request: int
    pid: int
    fd: int
    deadline: float | None
    data: bytearray = field(default_factory=bytearray)


def _answer(graph: Any, query: Any, params: dict[str, Any], timeout: Any, max_rows: Any) -> Any:
    """Run one query as the command line does; a graph answer travels as a list of triples."""
    result = graph.query(query, timeout=timeout, max_rows=max_rows, **params)
    if result.graph is not None:
        result.graph = list(result.graph)
    return result


def _run_child(write_fd: int, graph: Any, request: tuple[Any, ...]) -> None:
    """In the forked child: answer one request, write the outcome to ``write_fd``, exit."""
    from kg.sparql.sandbox import as_query_error

    _, _, query, params, timeout, max_rows = request
    try:
        outcome: tuple[str, Any] = ("ok", _answer(graph, query, params, timeout, max_rows))
    except Exception as exc:  # sent to the server and raised there
        outcome = ("error", as_query_error(exc))
    try:
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        data = pickle.dumps(("error", as_query_error(exc)))
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(data)
    os._exit(0)


def _load(graphs: list[tuple[str, list[Any]]]) -> Any:
    """A fresh in-memory graph holding ``graphs``: (named graph IRI, triples) pairs."""
    from rdflib import Graph, URIRef

    from kg.graph import SummitGraph

    summit = SummitGraph()
    for iri, triples in graphs:
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        summit.replace_graph(URIRef(iri), graph)
    return summit


def _reply_for(child: _Child, status: int) -> tuple[str, Any]:
    """The outcome a finished child sent, or an error saying how it ended."""
    from kg.errors import EngineCrashed

    if child.data:
        try:
            outcome: tuple[str, Any] = pickle.loads(bytes(child.data))
            return outcome
        except Exception:  # a child killed mid-write
            pass
    if os.WIFSIGNALED(status):
        how = f"signal {os.WTERMSIG(status)}"
    else:
        how = f"exit code {os.WEXITSTATUS(status)}"
    return ("error", EngineCrashed(f"the query worker ended with {how}; nothing was changed"))


def serve_forever(requests: IO[bytes], replies: IO[bytes]) -> None:
    """The broker's loop: read the graph, then requests, fork a child each, send the replies.

    The first frame is ``("graph", [(iri, triples), ...])``; it is answered
    ``("ready", triple_count)``. Then ``("query", id, query, params, timeout,
    max_rows)`` frames are answered ``("reply", id, status, value)`` in the
    order their queries finish. The loop ends when ``requests`` closes.
    """
    from kg.errors import QueryTimeout

    first = read_frame(requests)
    if first is None:
        return
    graph = _load(first[1])
    from kg.sparql.runner import warm_catalogue

    warm_catalogue()  # once here, so no forked child checks or parses a catalogue query again
    write_frame(replies, ("ready", len(graph)))
    waiting: deque[tuple[Any, ...]] = deque()
    children: dict[int, _Child] = {}
    request_fd = requests.fileno()
    open_requests = True
    while open_requests or children or waiting:
        while waiting and len(children) < MAX_CHILDREN:
            request = waiting.popleft()
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: nothing of the loop below runs here
                os.close(read_fd)
                _run_child(write_fd, graph, request)
            os.close(write_fd)
            timeout = request[4]
            deadline = None if timeout is None else time.monotonic() + timeout + GRACE
            children[read_fd] = _Child(request[1], pid, read_fd, deadline)
        deadlines = [c.deadline for c in children.values() if c.deadline is not None]
        wait = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        watched = list(children) + ([request_fd] if open_requests else [])
        if not watched:
            break
        ready, _, _ = select.select(watched, [], [], wait)
        for fd in ready:
            if fd == request_fd:
                request = read_frame(requests)
                if request is None:
                    open_requests = False
                    waiting.clear()
                else:
                    waiting.append(request)
                continue
            child = children[fd]
            chunk = os.read(fd, 1 << 20)
            if chunk:
                child.data += chunk
                continue
            del children[fd]
            os.close(fd)
            _, status = os.waitpid(child.pid, 0)
            outcome = _reply_for(child, status)
            write_frame(replies, ("reply", child.request, *outcome))
        now = time.monotonic()
        for fd, child in list(children.items()):
            if child.deadline is not None and now >= child.deadline:
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
                os.close(fd)
                del children[fd]
                late = QueryTimeout(
                    "query stopped: its worker did not answer within the timeout "
                    "(allow longer with --timeout SECONDS)"
                )
                write_frame(replies, ("reply", child.request, "error", late))
    for child in children.values():
        os.kill(child.pid, signal.SIGKILL)
        os.waitpid(child.pid, 0)


if __name__ == "__main__":
    # unbuffered: select() sees every request still unread, none hides in a buffer
    serve_forever(os.fdopen(sys.stdin.fileno(), "rb", buffering=0), sys.stdout.buffer)
