"""Every word list of the text stage, and the pure functions over them.

The parser and the extractors read their vocabulary from here, and so does
the curated-table loader, so an article's column header and a curated
table's header mean the same thing.

Examples:
    >>> "of" in MINOR_WORDS
    True
"""

from __future__ import annotations

__all__ = ["MINOR_WORDS"]

#: Words left lower case inside a title and skipped when a heading is judged.
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "amid",
        "ahead",
        "about",
        "after",
        "among",
        "between",
    ]
)
