"""The clean worker is kept warm between queries on a store this process writes: it keeps
its isolation (no network, nothing of the caller) and a timeout or a crash retires it."""

from __future__ import annotations

import os
import socket
import time

import pytest

from kg.errors import EngineCrashed, NetworkRefused, QueryTimeout
from kg.sparql.sandbox import run_isolated


def _clean_pid() -> int:
    pid: int = run_isolated(os.getpid, timeout=30, clean=True)
    return pid


def test_one_clean_worker_answers_call_after_call() -> None:
    first = _clean_pid()
    assert first != os.getpid()
    assert _clean_pid() == first
    assert run_isolated(sum, [1, 2, 3], timeout=30, clean=True) == 6


def test_a_call_that_times_out_retires_the_worker() -> None:
    before = _clean_pid()
    began = time.monotonic()
    with pytest.raises(QueryTimeout):
        run_isolated(time.sleep, 30, timeout=0.5, clean=True)
    assert time.monotonic() - began < 10
    after = _clean_pid()
    assert after != before


def test_a_crash_is_one_error_and_the_next_call_gets_a_fresh_worker() -> None:
    before = _clean_pid()
    with pytest.raises(EngineCrashed, match="signal 6"):
        run_isolated(os.abort, timeout=30, clean=True)
    assert _clean_pid() != before


def test_an_error_comes_back_and_the_worker_stays() -> None:
    before = _clean_pid()
    with pytest.raises(ValueError):
        run_isolated(int, "not a number", timeout=30, clean=True)
    assert _clean_pid() == before


def test_the_warm_worker_reaches_no_network() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        address = server.getsockname()
        with pytest.raises((NetworkRefused, OSError)):
            run_isolated(socket.create_connection, address, 5, timeout=30, clean=True)
