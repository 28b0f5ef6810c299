"""Fixtures shared by the test modules."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

import kg
from tests.support.canary import canary_server


@pytest.fixture(scope="session")
def alaska() -> kg.SummitGraph:
    """The embedded default, loaded once (tests must not change it)."""
    return kg.load()


@pytest.fixture()
def canary() -> Iterator[str]:
    """The base URL of a canary HTTP server on loopback (see tests/canary.py)."""
    with canary_server() as url:
        yield url


_UNSENDABLE = {"QuerySolutions", "QueryTriples", "QuadIter", "GraphNameIter"}
"""pyoxigraph classes whose objects only the thread that made them may free."""


@pytest.fixture(scope="module", autouse=True)
def pyoxigraph_results_not_left_to_the_cycle_collector() -> Iterator[None]:
    """No test module leaves pyoxigraph's query solutions or quad iterators in garbage
    cycles (a frame kept by a traceback): the cycle collector may free them on any thread, a
    build's writer among them, and pyoxigraph then raises "unsendable" far from the cause."""
    yield
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        left = sorted(
            {
                type(o).__name__
                for o in gc.garbage
                if type(o).__module__ == "pyoxigraph" and type(o).__name__ in _UNSENDABLE
            }
        )
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert not left, f"pyoxigraph objects left in garbage cycles: {', '.join(left)}"


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand what it tallied to the controller, which prints it."""
    from tests.support.tally import COUNTS

    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["tally"] = dict(COUNTS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """In the pytest-xdist controller: add a finished worker's tally to the totals."""
    from tests.support.tally import COUNTS

    COUNTS.update(getattr(node, "workeroutput", {}).get("tally", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the reliability tests tried (see tests/tally.py)."""
    from tests.support.tally import COUNTS

    if COUNTS:
        terminalreporter.section("reliability counts")
        for what, number in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{what}: {number}")
