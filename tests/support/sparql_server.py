"""A SPARQL 1.1 Protocol server on 127.0.0.1 for the tests, backed by an in-memory Oxigraph.

It answers form-encoded POSTs of ``query=`` (honouring ``default-graph-uri``)
and ``update=``, counts requests, and can be told to fail: answer HTTP 500
to the n-th update without applying it, or drop the connection after
reading half of an update's body (an upload cut half-way); or answer every
query with a fixed body (a hostile server).
"""

from __future__ import annotations

import http.server
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pyoxigraph as ox


@dataclass
class Endpoint:
    """The running server: its URL, store, request counts and failure switches."""

    url: str
    store: ox.Store
    queries: int = 0
    updates: int = 0
    fail_update: set[int] = field(default_factory=set)
    cut_update: set[int] = field(default_factory=set)
    answer: tuple[str, bytes] | None = None  # (media type, body) sent for every query


def _handler(endpoint: Endpoint) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _reply(self, status: int, body: bytes, media: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
            if "update" in form:
                endpoint.updates += 1
                number = endpoint.updates
                if number in endpoint.cut_update:
                    self.connection.shutdown(2)  # the upload dies half-way: nothing applied
                    return
                if number in endpoint.fail_update:
                    self._reply(500, b"injected failure")
                    return
                try:
                    endpoint.store.update(form["update"][0])
                except (SyntaxError, OSError, ValueError) as exc:
                    self._reply(400, str(exc).encode())
                    return
                self._reply(204, b"")
                return
            endpoint.queries += 1
            if endpoint.answer is not None:
                self._reply(200, endpoint.answer[1], endpoint.answer[0])
                return
            default = form.get("default-graph-uri")
            try:
                result = endpoint.store.query(
                    form["query"][0],
                    default_graph=[ox.NamedNode(g) for g in default] if default else None,
                )
            except (SyntaxError, OSError, ValueError) as exc:
                self._reply(400, str(exc).encode())
                return
            try:  # pyoxigraph's results may only be freed by the thread that made them
                if isinstance(result, ox.QueryTriples):
                    body, media = result.serialize(format=ox.RdfFormat.N_TRIPLES), "n-triples"
                else:
                    body = result.serialize(format=ox.QueryResultsFormat.XML)
                    media = "sparql-results+xml"
            finally:
                del result
            self._reply(200, body or b"", f"application/{media}")

    return Handler


@contextmanager
def sparql_server() -> Iterator[Endpoint]:
    """Start the server on a free loopback port; stop it afterwards."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    endpoint = Endpoint(f"http://127.0.0.1:{server.server_port}/sparql", ox.Store())
    server.RequestHandlerClass = _handler(endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield endpoint
    finally:
        server.shutdown()
        server.server_close()
