"""The query worker cannot open a network connection at all, whoever asks.

The audit hook sees only Python's own sockets; pyoxigraph's HTTP client for
``SERVICE`` is written in Rust and bypasses it. The worker's own network
namespace stops both: these tests run Oxigraph's ``SERVICE`` directly (no
gate) inside a worker and count the requests reaching a canary.
"""

from __future__ import annotations

import ctypes
import errno
import socket
import struct
import sys
from collections.abc import Iterator

import pyoxigraph
import pytest

from kg.sparql.sandbox import close_network, run_isolated
from tests.support.canary import Canary, canary_server
from tests.support.tally import tally

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="network namespaces are Linux's"
)


@pytest.fixture()
def canary() -> Iterator[str]:
    with canary_server() as url:
        yield url


def _service_through_oxigraph(url: str) -> str:
    """Ask Oxigraph itself for a SERVICE call: its Rust client, not Python's sockets."""
    store = pyoxigraph.Store()
    try:
        rows = list(store.query(f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
    except Exception as exc:  # Oxigraph reports the failed request as its own error
        return f"refused: {type(exc).__name__}"
    return f"{len(rows)} rows"


def _libc_connect(port: int) -> str:
    """connect(2) called through libc, below Python's socket module and its audit hook."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
    address = struct.pack("!HH4s8x", socket.AF_INET, port, socket.inet_aton("127.0.0.1"))
    address = struct.pack("=H", socket.AF_INET) + address[2:]  # sa_family in host order
    try:
        if libc.connect(fd, address, len(address)) == 0:
            return "connected"
        return f"refused: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    finally:
        libc.close(fd)


def test_the_worker_moves_into_its_own_network_namespace() -> None:
    assert run_isolated(close_network, timeout=10) == "network namespace"


def test_oxigraphs_own_http_client_cannot_reach_the_canary_from_a_worker(canary: str) -> None:
    tally("hostile inputs")
    answer = run_isolated(_service_through_oxigraph, canary + "sparql", timeout=20)
    assert answer.startswith("refused"), answer
    assert Canary.hits == 0


def test_the_same_call_does_reach_the_canary_when_the_network_is_allowed(canary: str) -> None:
    """The check above can fail: with the network allowed, Oxigraph's client gets through."""
    run_isolated(_service_through_oxigraph, canary + "sparql", timeout=20, allow_network=True)
    assert Canary.hits >= 1


def test_a_connect_below_the_audit_hook_cannot_leave_the_worker(canary: str) -> None:
    port = int(canary.rsplit(":", 1)[1].strip("/"))
    assert _libc_connect(port) == "connected"  # the canary is reachable from here
    answer = run_isolated(_libc_connect, port, timeout=20)
    assert answer == "refused: ENETUNREACH", answer
