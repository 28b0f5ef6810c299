"""Queries from inside a daemonic multiprocessing worker (a ``Pool`` or Dask worker), which
multiprocessing forbids to start children of its own: the forked query worker still runs,
answers, times out and dies on a crash as it does elsewhere."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from kg.errors import EngineCrashed, QueryTimeout
from kg.sparql.sandbox import run_isolated

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


def _in_pool(function: object) -> object:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.map(function, [0])[0]  # type: ignore[arg-type]


def test_a_pool_worker_queries_the_embedded_default() -> None:
    actors, rows = _in_pool(_catalogue_and_free_text)  # type: ignore[misc]
    assert actors > 0
    assert rows == 3


def test_a_pool_workers_query_times_out_and_a_crash_is_one_error() -> None:
    timed, crashed, seconds = _in_pool(_timeout_and_crash)  # type: ignore[misc]
    assert timed == "timeout"
    assert "signal 6" in crashed
    assert seconds < 15
