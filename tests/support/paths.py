"""Where the repository, the test fixtures and the expected query answers are."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXPECTED", "FIXTURES", "GENRE", "ROOT"]

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: pyproject.toml, kg/, ontology/, queries/, tests/."""
FIXTURES = ROOT / "tests" / "fixtures"
GENRE = FIXTURES / "genre"
EXPECTED = ROOT / "tests" / "expected"
