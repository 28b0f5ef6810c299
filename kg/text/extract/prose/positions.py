"""An actor's stance on a topic from a sentence ("Kyiv rejects any land swap")."""

from __future__ import annotations

from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["read_positions"]


def read_positions(sink: ClaimSink, clause: Clause) -> None:
    """Record the positions a sentence states (to be written)."""
