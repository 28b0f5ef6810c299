"""Counts the suite reports at its end: hostile inputs tried, property examples, fuzz runs, kills.

Tests call ``tally("hostile inputs", 3)``; ``conftest.py`` prints the totals
after the run, so CI logs show how much was tried, not just that it passed.
"""

from __future__ import annotations

from collections import Counter

COUNTS: Counter[str] = Counter()


def tally(what: str, number: int = 1) -> None:
    """Add ``number`` to the count of ``what``."""
    COUNTS[what] += number
