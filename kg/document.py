"""The parsed-document model: typed blocks with character offsets.

Parsing produces a :class:`Document`; extraction reads it. Nothing here knows
about RDF. Offsets index :attr:`Document.text`, the *normalised* text (UTF-8
decoded, BOM dropped, CRLF/CR turned into LF, Unicode NFC), so
``doc.text[block.start:block.end] == block.text`` always holds.

Examples:
    >>> p = Paragraph(start=0, end=5, line=1, text="Hello")
    >>> p.span
    (0, 5)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "Block",
    "Document",
    "Heading",
    "ListBlock",
    "ListItem",
    "Paragraph",
    "Row",
    "Section",
    "Table",
]


@dataclass(frozen=True)
class Block:
    """A run of source text: ``text == document.text[start:end]``; ``line`` is 1-based."""

    start: int
    end: int
    line: int
    text: str

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` character offsets into the normalised text."""
        return (self.start, self.end)


@dataclass(frozen=True)
class Heading(Block):
    """A section heading; ``title`` is the text without markers."""

    title: str = ""
    level: int = 2


@dataclass(frozen=True)
class Paragraph(Block):
    """A paragraph of prose."""


@dataclass(frozen=True)
class ListItem(Block):
    """One list item; ``label`` and ``description`` are set for ``Label: description`` items."""

    content: str = ""
    label: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ListBlock(Block):
    """A list and the sentence that introduces it (the paragraph just before, if any)."""

    items: tuple[ListItem, ...] = ()
    intro: Paragraph | None = None


@dataclass(frozen=True)
class Row(Block):
    """A table row: its cell texts, trimmed, padded to the header's width."""

    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table(Block):
    """A pipe table: header cells and body rows; ``intro`` is the paragraph before it."""

    header: tuple[str, ...] = ()
    rows: tuple[Row, ...] = ()
    header_line: int = 0
    intro: Paragraph | None = None


@dataclass(frozen=True)
class Section:
    """A heading and the blocks under it (the lead section has no heading)."""

    heading: Heading | None
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        """The heading's title, or ``None`` for the lead section."""
        return None if self.heading is None else self.heading.title


@dataclass(frozen=True)
class Document:
    """A parsed article.

    ``title`` is the headline; ``headlines`` holds it and any further
    headline lines above the first paragraph; ``sections`` hold the body.
    ``warnings`` are ``(line, message)`` pairs for input that was skipped.
    """

    source: str
    text: str
    title: str
    headlines: tuple[Heading, ...]
    sections: tuple[Section, ...]
    warnings: tuple[tuple[int, str], ...] = field(default=())

    def blocks(self) -> Iterator[Block]:
        """All blocks in reading order, headlines first."""
        yield from self.headlines
        for section in self.sections:
            if section.heading is not None:
                yield section.heading
            yield from section.blocks
