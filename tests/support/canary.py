"""A canary HTTP server on 127.0.0.1 that counts the requests reaching it.

Safety tests point hostile queries and documents at it: whatever they try,
``Canary.hits`` must stay 0. Any GET or POST counts and gets a small Turtle
answer, so a client that does get through sees a plausible reply.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class Canary(http.server.BaseHTTPRequestHandler):
    """Counts every request in ``Canary.hits`` (reset by :func:`canary_server`)."""

    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.end_headers()
        self.wfile.write(b"<urn:a> <urn:b> <urn:c> .")

    do_POST = do_GET

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def canary_server() -> Iterator[str]:
    """Run the canary on a free loopback port; yield its base URL (ending in ``/``)."""
    Canary.hits = 0
    server = http.server.HTTPServer(("127.0.0.1", 0), Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
