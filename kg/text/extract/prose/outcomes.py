"""Hedged and reported outcomes from a sentence ("a ceasefire may follow", "they agreed on …")."""

from __future__ import annotations

from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["read_outcomes"]


def read_outcomes(sink: ClaimSink, clause: Clause) -> None:
    """Record the outcomes a sentence states (to be written)."""
