"""Article text → :class:`~kg.text.document.Document` (headings, paragraphs, lists, tables).

The parser reads summit coverage as it is really written: one paragraph per
line, headings as plain Title Case lines, ``#``/``== x ==`` lines, whole bold
lines, ALL CAPS lines, lines ending in a colon, questions, emoji-prefixed
lines and numbered lines followed by prose;
lists with ``-``, ``*``, ``•``, ``▪️``, ``1.``, ``1)``, ``1:`` markers or none
(after an intro that ends in a colon), a marker alone on its line,
continuation lines and blank lines between items; pipe tables with or without
outer pipes, with a separator row (GFM) or without one when at least three
lines have the same number of cells. Noise (bylines, share bars, breadcrumbs,
adverts, "Related", footers) is skipped with a warning naming its line.

It reads like a grammar, one module per construct:

* :mod:`.cursor` — the normalised text's lines and the cursor the readers share;
* :mod:`.blocks` — the block reader, which asks the readers below in turn at
  each line, then takes the headlines and groups the sections;
* :mod:`.tables` — GFM pipe tables and tables without a separator row;
* :mod:`.lists` — marked and unmarked lists, their items and labels;
* :mod:`.headings` — every heading style, and the headline rules;
* :mod:`.noise` — page furniture (the parser's own word lists).

Classification reads each line's clean view (:func:`kg.text.document.clean_text`);
blocks keep the exact source text and its offsets into the normalised text.
Lines are split on ``\\n`` only, never with ``str.splitlines()`` (which also
splits on U+2028, U+0085 and friends inside a cell).

Examples:
    >>> doc = parse_article("Leaders Meet in Oslo\\nThe agenda covers:\\n- Trade: tariffs\\n")
    >>> doc.title
    'Leaders Meet in Oslo'
    >>> [type(b).__name__ for b in doc.sections[0].blocks]
    ['Paragraph', 'ListBlock']
    >>> doc.sections[0].blocks[1].items[0].label
    'Trade'
"""

from __future__ import annotations

from kg.errors import LoaderError
from kg.text.budget import reading
from kg.text.document import Document
from kg.text.parse.blocks import read_document
from kg.text.parse.cursor import Cursor, normalise_text
from kg.text.parse.headings import MAX_HEADING_WORDS, MAX_HEADLINE_WORDS, looks_like_heading
from kg.text.parse.lists import MAX_UNMARKED_ITEM_WORDS, split_label
from kg.text.parse.noise import noise_kind
from kg.text.parse.tables import split_cells

__all__ = [
    "MAX_HEADING_WORDS",
    "MAX_HEADLINE_WORDS",
    "MAX_UNMARKED_ITEM_WORDS",
    "looks_like_heading",
    "noise_kind",
    "normalise_text",
    "parse_article",
    "split_cells",
    "split_label",
]


def parse_article(text: str, *, source: str = "<text>", budget: float | None = None) -> Document:
    """Parse article text into a :class:`Document`.

    The text is normalised first (:func:`normalise_text`); offsets index the
    normalised text. Parsing stops at the per-document time budget
    (:mod:`kg.text.budget`; ``budget`` seconds if given), or at the budget of the
    reading it is part of.

    Raises:
        LoaderError: the text holds no article (empty, whitespace or noise only), or
            parsing it ran past the budget.

    Examples:
        >>> parse_article("Talks Open\\nThe talks began.", source="a.md").headlines[0].title
        'Talks Open'
        >>> parse_article(" \\n", source="a.md")
        Traceback (most recent call last):
        kg.errors.LoaderError: a.md: empty article: no text to read
    """
    with reading(source, budget):
        normalised = normalise_text(text)
        if not normalised.strip():
            raise LoaderError("empty article: no text to read", path=source)
        return read_document(Cursor(normalised, source))
