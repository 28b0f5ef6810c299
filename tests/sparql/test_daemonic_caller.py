"""Queries from inside a daemonic multiprocessing worker (a ``Pool`` or Dask worker), which
multiprocessing forbids to start children of its own: the forked query worker still runs,
answers, times out and dies on a crash as it does elsewhere."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

from kg.errors import EngineCrashed, QueryTimeout
from kg.sparql.sandbox import run_isolated

T = TypeVar("T")

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


def _catalogue_and_free_text(_: int) -> tuple[int, int]:
    import kg

    graph = kg.load()
    actors = len(list(graph.query("actors")))
    rows = len(list(graph.query("SELECT * WHERE { ?s ?p ?o } LIMIT 3")))
    return actors, rows


def _timeout_and_crash(_: int) -> tuple[str, str, float]:
    began = time.monotonic()
    try:
        run_isolated(time.sleep, 30, timeout=0.5)
        timed = "no timeout"
    except QueryTimeout:
        timed = "timeout"
    try:
        run_isolated(os.abort, timeout=30)
        crashed = "no crash"
    except EngineCrashed as exc:
        crashed = str(exc)
    return timed, crashed, time.monotonic() - began


def _in_pool(function: Callable[[int], T]) -> T:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.map(function, [0])[0]


def test_a_pool_worker_queries_the_embedded_default() -> None:
    actors, rows = _in_pool(_catalogue_and_free_text)
    assert actors > 0
    assert rows == 3


def test_a_pool_workers_query_times_out_and_a_crash_is_one_error() -> None:
    timed, crashed, seconds = _in_pool(_timeout_and_crash)
    assert timed == "timeout"
    assert "signal 6" in crashed
    assert seconds < 15


def _write_pid_and_sleep(path: str) -> None:
    with open(path, "w", encoding="ascii") as out:
        out.write(str(os.getpid()))
    time.sleep(60)


def _query_in_query(path: str) -> None:
    run_isolated(_write_pid_and_sleep, path, timeout=None)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(") ")[1][0] != "Z"


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux")
def test_a_worker_started_by_a_killed_worker_does_not_run_on(tmp_path: object) -> None:
    pid_file = os.path.join(str(tmp_path), "pid")
    with pytest.raises(QueryTimeout):
        run_isolated(_query_in_query, pid_file, timeout=1.5)
    with open(pid_file, encoding="ascii") as written:
        inner = int(written.read())
    deadline = time.monotonic() + 10
    while _alive(inner) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(inner)
