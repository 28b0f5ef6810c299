"""Enumerations of issues → agenda topics ("talks will focus on A, B and C")."""

from __future__ import annotations

from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["read_agenda"]


def read_agenda(sink: ClaimSink, clause: Clause) -> None:
    """Record the topics a sentence puts on the agenda (to be written)."""
