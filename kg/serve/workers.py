"""Where the server's queries run: a broker process, or a bounded thread pool.

Every query the server answers goes through :meth:`kg.graph.SummitGraph.query`
(the gate, typed parameters, the timeout and the row cap), never a second
evaluation path; this module only decides in which process that call runs.

* :class:`BrokerService`, for the in-memory store: the graph is copied once
  into a single-threaded broker process (:mod:`kg.serve.broker`) that forks a
  child per query, so no process with threads ever forks. Requests are
  multiplexed on one pipe pair; each waits on its own future, so the event
  loop never blocks and a slow query holds up no other.
* :class:`ThreadService`, for Oxigraph and SPARQL-server stores: the call runs
  in a thread of a bounded pool (``anyio.to_thread.run_sync`` with a
  :class:`~anyio.CapacityLimiter`). A SPARQL server needs no worker; a
  read-only Oxigraph store forks its worker from this process, which has
  threads: see docs/serve.md for that risk.

Examples:
    >>> import asyncio, kg
    >>> service = start_service(kg.load(), timeout=5, max_rows=100)
    >>> result = asyncio.run(service.run("on-agenda", {"topic": "arms control"}))
    >>> result.boolean
    True
    >>> service.close()
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import subprocess
import sys
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
from rdflib import Graph

from kg.errors import EngineCrashed
from kg.graph import SummitGraph
from kg.serve.broker import read_frame, write_frame
from kg.sparql.catalogue import QueryFile
from kg.sparql.runner import QueryResult

__all__ = ["BrokerService", "QueryService", "ThreadService", "start_service"]

THREADS = 16
"""Queries a :class:`ThreadService` runs at once; more wait for a free thread."""


class QueryService:
    """Runs queries on the served graph with the server's timeout and row cap."""

    def __init__(self, timeout: float | None, max_rows: int | None) -> None:
        self.timeout = timeout
        self.max_rows = max_rows

    async def run(
        self, query: str | QueryFile, params: dict[str, Any] | None = None
    ) -> QueryResult:
        """The answer of :meth:`SummitGraph.query` for ``query`` with ``params``.

        Raises:
            QueryError: as :meth:`SummitGraph.query` (rejected, malformed, timed out).
        """
        raise NotImplementedError

    def close(self) -> None:
        """Stop the workers (idempotent)."""


class ThreadService(QueryService):
    """Calls ``graph.query`` in a bounded thread pool (stores whose engine needs no fork here)."""

    def __init__(self, graph: SummitGraph, timeout: float | None, max_rows: int | None) -> None:
        super().__init__(timeout, max_rows)
        self.graph = graph
        self.limiter = anyio.CapacityLimiter(THREADS)

    async def run(
        self, query: str | QueryFile, params: dict[str, Any] | None = None
    ) -> QueryResult:
        def call() -> QueryResult:
            return self.graph.query(
                query, timeout=self.timeout, max_rows=self.max_rows, **(params or {})
            )

        return await anyio.to_thread.run_sync(call, limiter=self.limiter)


class BrokerService(QueryService):
    """Sends queries to a broker process that holds a copy of the graph (see above)."""

    def __init__(self, graph: SummitGraph, timeout: float | None, max_rows: int | None) -> None:
        super().__init__(timeout, max_rows)
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.serve.broker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._requests = self.process.stdin
        self._replies = self.process.stdout
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[QueryResult]] = {}
        self._closed = False
        graphs: dict[str, list[Any]] = {}
        for s, p, o, name in graph.store.quads():
            graphs.setdefault(str(name), []).append((s, p, o))
        write_frame(self._requests, ("graph", list(graphs.items())))
        ready = read_frame(self._replies)
        if ready is None or ready[0] != "ready":
            self.close()
            raise EngineCrashed("the query broker did not start")
        self.triples: int = ready[1]
        self._reader = threading.Thread(target=self._read, name="kg-broker-replies", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Resolve each request's future as its reply arrives; fail them all if the broker ends."""
        while True:
            try:
                frame = read_frame(self._replies)
            except (OSError, ValueError, EOFError):
                frame = None
            if frame is None:
                break
            _, request, status, value = frame
            with self._lock:
                future = self._pending.pop(request, None)
            if future is None:
                continue
            if status == "ok":
                if isinstance(value.graph, list):
                    graph = Graph()
                    for triple in value.graph:
                        graph.add(triple)
                    value.graph = graph
                future.set_result(value)
            else:
                future.set_exception(value)
        with self._lock:
            pending, self._pending = self._pending, {}
        for future in pending.values():
            future.set_exception(EngineCrashed("the query broker ended; restart the server"))

    def submit(
        self, query: str | QueryFile, params: dict[str, Any] | None = None
    ) -> Future[QueryResult]:
        """Send one query to the broker; its future holds the answer or the error."""
        future: Future[QueryResult] = Future()
        with self._lock:
            if self._closed or self.process.poll() is not None:
                raise EngineCrashed("the query broker is not running; restart the server")
            request = next(self._ids)
            self._pending[request] = future
            message = ("query", request, query, dict(params or {}), self.timeout, self.max_rows)
            try:
                write_frame(self._requests, message)
            except OSError as exc:
                self._pending.pop(request, None)
                raise EngineCrashed("the query broker is not running; restart the server") from exc
        return future

    async def run(
        self, query: str | QueryFile, params: dict[str, Any] | None = None
    ) -> QueryResult:
        return await asyncio.wrap_future(self.submit(query, params))

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
        with contextlib.suppress(OSError):
            self._requests.close()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self._replies.close()


def start_service(
    graph: SummitGraph, *, timeout: float | None, max_rows: int | None
) -> QueryService:
    """A :class:`BrokerService` for the in-memory store, a :class:`ThreadService` otherwise."""
    from kg.stores.memory import MemoryStore

    if isinstance(graph.store, MemoryStore):
        return BrokerService(graph, timeout, max_rows)
    return ThreadService(graph, timeout, max_rows)
