"""Concerns ("analysts fear …") and recommendations ("the allies should …") from a sentence."""

from __future__ import annotations

from kg.text.extract.prose.clause import Clause
from kg.text.extract.sink import ClaimSink

__all__ = ["read_items"]


def read_items(sink: ClaimSink, clause: Clause) -> None:
    """Record the concerns and recommendations a sentence states (to be written)."""
