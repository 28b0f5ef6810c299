"""What a block is, before any claim is read from it: blocks in, shapes and plain strings out.

Shared by the readers: whether a table is a key/value table and its pairs,
the topic a section heading names, the sentence that introduces a list or
table, the name an actor-list item opens with, and an item's text without
its list punctuation.

Examples:
    >>> from kg.text.parse import parse_article
    >>> doc = parse_article("# Talks\\n\\nHost | Norway\\n---|---\\nVenue | Oslo\\n")
    >>> table = doc.sections[0].blocks[0]
    >>> is_key_value(table), [(key, value) for key, value, _ in pairs(table)]
    (True, [('Host', 'Norway'), ('Venue', 'Oslo')])
"""

from __future__ import annotations

import re

from kg.text.document import Heading, Paragraph, Row, Section, Table
from kg.text.lexicon import (
    KEY_HEADERS,
    VALUE_HEADERS,
    column_role,
    issue_heading,
    last_sentence,
    meta_field,
)

__all__ = ["heading_topic", "intro_sentence", "is_key_value", "lead_name", "pairs", "trim_item"]

_ITEM_END = re.compile(r"(?:\s*[;,]\s*(?:and|or)?|(?<=[.!?])\s+\d{1,3}[smhd])\s*$")


def is_key_value(table: Table) -> bool:
    """Whether a two-column table gives keys and values (the summit's host, dates, venue …)."""
    if len(table.header) != 2:
        return False
    first, second = (h.lower().strip(" :") for h in table.header)
    if first in KEY_HEADERS or (second in VALUE_HEADERS and column_role(first, 1) == "other"):
        return True
    keys = [table.header[0], *(row.cells[0] for row in table.rows)]
    known = sum(1 for key in keys if meta_field(key) is not None)
    return known >= 2 and known * 2 >= len(keys)


def pairs(table: Table) -> list[tuple[str, str, Row | None]]:
    """The key/value pairs of a two-column table; a header that is itself a pair counts."""
    found: list[tuple[str, str, Row | None]] = []
    if meta_field(table.header[0]) is not None:
        found.append((table.header[0], table.header[1], None))
    found.extend((row.cells[0], row.cells[1], row) for row in table.rows)
    return found


def heading_topic(section: Section) -> tuple[str, Heading] | None:
    """The issue a section heading names ("Arctic Shipping", "Land swaps"), with the heading.

    Not a question or a framing heading (:func:`kg.text.lexicon.issue_heading`).
    """
    if section.heading is None:
        return None
    title = issue_heading(section.heading.title)
    return None if title is None else (title, section.heading)


def intro_sentence(intro: Paragraph | None) -> str | None:
    """The last sentence of the paragraph that introduces a list or table."""
    return last_sentence(intro.plain) if intro is not None else None


def lead_name(text: str) -> str:
    """The name an actor-list item opens with: "Anna Berg, Finland’s foreign minister".

    Examples:
        >>> lead_name("Anna Berg, Finland’s foreign minister")
        'Anna Berg'
    """
    return re.split(r"\s*(?:[,:(–—]|\s-\s)", text, maxsplit=1)[0]


def trim_item(text: str) -> str:
    """An item's text without its list punctuation ("; and", a trailing comma, "21s").

    Examples:
        >>> trim_item("Lower tariffs; and")
        'Lower tariffs'
    """
    previous = None
    while previous != text:
        previous = text
        text = _ITEM_END.sub("", text).rstrip(" ;,")
    return text
