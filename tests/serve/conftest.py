"""Fixtures of the server tests: an app on the embedded default and its test client."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import kg
from kg.serve import create_app

with warnings.catch_warnings():
    # starlette's TestClient warns that it would rather have httpx2; httpx is what is installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture(scope="module")
def client(alaska: kg.SummitGraph) -> Iterator[Any]:
    """A client of the app serving the embedded default (5 s timeout, 1000 rows)."""
    with TestClient(create_app(alaska, timeout=5, max_rows=1000)) as test_client:
        yield test_client


def make_client(graph: kg.SummitGraph, **settings: Any) -> Any:
    """A TestClient of a new app (use it in ``with``: the broker stops at its end)."""
    settings.setdefault("timeout", 5)
    settings.setdefault("max_rows", 1000)
    return TestClient(create_app(graph, **settings))
