"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

import kg


@pytest.fixture(scope="session")
def alaska() -> kg.SummitGraph:
    """The embedded default, loaded once (tests must not change it)."""
    return kg.load()
