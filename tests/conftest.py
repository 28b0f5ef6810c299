"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Iterator

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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the reliability tests tried (see tests/tally.py)."""
    from tests.support.tally import COUNTS

    if COUNTS:
        terminalreporter.section("reliability counts")
        for what, number in sorted(COUNTS.items()):
            terminalreporter.write_line(f"{what}: {number}")
