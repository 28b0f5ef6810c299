"""A scripted HTTP server on 127.0.0.1 for the tests: each request runs a test's reply function.

Unlike :mod:`tests.support.sparql_server` it answers nothing by itself: the test
decides, per request, what goes on the wire (a huge body, a body dripped one byte at
a time, a redirect, bytes in another encoding). It counts the requests and the body
bytes it managed to send, so a test can tell when a client stopped reading.

Examples:
    >>> def hello(request: Request) -> None:
    ...     request.reply(200, b"hi", "text/plain")
    >>> with http_script(hello) as server:
    ...     import urllib.request
    ...     urllib.request.urlopen(server.url, timeout=5).read()
    b'hi'
"""

from __future__ import annotations

import http.server
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["Request", "Script", "http_script"]


@dataclass
class Script:
    """The running server: its URL, what it was asked and how much it sent."""

    url: str
    port: int
    reply: Callable[[Request], None]
    requests: int = 0
    paths: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    sent: int = 0
    """Body bytes written to clients (headers not counted)."""
    stop: threading.Event = field(default_factory=threading.Event)
    """Set when the server shuts down: long replies end early."""


class Request:
    """One request, as a reply function sees it."""

    def __init__(self, handler: http.server.BaseHTTPRequestHandler, script: Script) -> None:
        self.handler = handler
        self.script = script

    def head(self, status: int, headers: dict[str, str]) -> None:
        """Send the status line and headers (``Connection: close`` always)."""
        self.handler.send_response(status)
        for name, value in headers.items():
            self.handler.send_header(name, value)
        self.handler.send_header("Connection", "close")
        self.handler.end_headers()
        self.handler.wfile.flush()

    def write(self, data: bytes) -> bool:
        """Send body bytes; False once the client has gone."""
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
        except OSError:
            return False
        self.script.sent += len(data)
        return True

    def reply(self, status: int, body: bytes, media: str) -> None:
        """A whole answer with its ``Content-Length``."""
        self.head(status, {"Content-Type": media, "Content-Length": str(len(body))})
        self.write(body)


@contextmanager
def http_script(
    reply: Callable[[Request], None], tls: ssl.SSLContext | None = None
) -> Iterator[Script]:
    """Serve ``reply`` on a free loopback port (path ``/sparql``); stop it afterwards.

    With ``tls`` (a server context holding a certificate) it serves https.
    """
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    port = server.server_port
    scheme = "http" if tls is None else "https"
    script = Script(f"{scheme}://127.0.0.1:{port}/sparql", port, reply)

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            script.requests += 1
            script.paths.append(self.path)
            script.bodies.append(self.rfile.read(length) if length else b"")
            self.close_connection = True
            script.reply(Request(self, script))

        do_GET = do_POST = _serve

    server.RequestHandlerClass = Handler
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield script
    finally:
        script.stop.set()
        server.shutdown()
        server.server_close()
